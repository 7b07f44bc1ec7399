/**
 * The record pages and the admin page: record guidance fixes a gap and the score persists,
 * sharing decides what each user sees, the gallery lists every component, and the formula
 * tester evaluates and explains (invisible characters and the length limit included).
 */
import { join } from 'node:path';
import { managerHierarchyBelow } from '../../../apex-runtime/src/platform/recordAccess';
import { listUiComponents } from '../moduleResolution';
import { SCREENSHOTS_DIR } from '../paths';
import type { RunningWorkbench } from '../workbench';
import {
  actAs,
  AssertionError,
  expect,
  insideOf,
  sampleUser,
  scoreOf,
  TIMEOUT_MS,
  type BrowserSuite
} from './harness';
import {
  fixNextStepThroughTheNudge,
  NEXT_STEP_RULE,
  opportunityWithNextStepGap,
  sellersOpportunities,
  storedIssues
} from './nextStepFix';

/** An open and a closed deal the default seller sees, both with a stage date (issue 15, item 17). */
function dealsWithStageDates(running: RunningWorkbench): { open: string; closed: string } {
  const { workbench } = running;
  const deals = sellersOpportunities(running).filter(
    (deal) => typeof deal.Stage_Entered_On__c === 'string'
  );
  const open = deals.find((deal) => deal.IsClosed !== true);
  const closed = deals.find(
    (deal) => deal.IsClosed === true && String(deal.CloseDate) < workbench.today
  );
  if (!open || !closed) throw new AssertionError('the seller sees no open and closed deal');
  return { open: open.Id, closed: closed.Id };
}

async function tileValue(context: Parameters<BrowserSuite[string]>[0], key: string) {
  const text = await context.page
    .locator(`c-pipeline-kpis [data-tile="${key}"] [data-id="tile-value"]`)
    .textContent({ timeout: TIMEOUT_MS });
  return Number(text?.trim());
}

function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / 86_400_000);
}

const suite: BrowserSuite = {
  'the Opportunity page counts a deal’s ageing to the sample day, a closed deal’s to its close date':
    async (context) => {
      const { page, running } = context;
      const { workbench } = running;
      const { open, closed } = dealsWithStageDates(running);
      await page.goto(`${running.url}#/Opportunity/${open}`);
      await page.reload();
      const deal = workbench.byId(open);
      const daysInStage = await tileValue(context, 'daysInStage');
      expect(
        daysInStage === deal?.Days_In_Stage__c,
        `the tile says ${daysInStage} days in stage, the record's Days In Stage ${String(deal?.Days_In_Stage__c)}`
      );
      const age = await tileValue(context, 'age');
      const expectedAge = daysFrom(String(deal?.CreatedDate), workbench.today);
      expect(age === expectedAge, `the tile says age ${age}, the sample day gives ${expectedAge}`);

      await page.goto(`${running.url}#/Opportunity/${closed}`);
      await page.reload();
      const done = workbench.byId(closed);
      const closedAge = await tileValue(context, 'age');
      const atClose = daysFrom(String(done?.CreatedDate), String(done?.CloseDate));
      expect(
        closedAge === atClose,
        `the closed deal's age is ${closedAge}, ${atClose} days at its close date`
      );
    },

  'fixing a gap through the nudge raises the score, and the fix survives a reload': async (
    context
  ) => {
    const { page, running } = context;
    const id = opportunityWithNextStepGap(running);
    const rule = NEXT_STEP_RULE;
    const { after } = await fixNextStepThroughTheNudge(context, id, 'Demo for the CFO on Monday');
    await page.reload();
    const reloaded = await scoreOf(page);
    expect(reloaded === after, `after a reload the score is ${reloaded}, not ${after}`);
    const nextStep = await page
      .locator('[data-field="NextStep"] .slds-form-element__static')
      .textContent({ timeout: TIMEOUT_MS });
    expect(
      nextStep?.trim() === 'Demo for the CFO on Monday',
      `the details panel shows Next Step "${nextStep}"`
    );
    // The save went through the package's Opportunity trigger, which re-stamped the guidance.
    const saved = running.workbench.byId(id);
    expect(
      saved?.Data_Quality_Score__c === after,
      `the stored Data_Quality_Score__c is ${String(saved?.Data_Quality_Score__c)}, not ${after}`
    );
    expect(
      !storedIssues(saved ?? {}).includes(rule),
      `the stored issues still name ${rule}: ${String(saved?.Data_Quality_Issues__c)}`
    );
  },

  'a manager sees the team’s opportunities, a seller only their own': async (context) => {
    const { page, running } = context;
    const countFor = async (userKey: string) => {
      await actAs(context, userKey);
      await page.goto(`${running.url}#/Opportunity`);
      await page.reload();
      const text = await page
        .locator('[data-id="record-count"]', { hasText: /^[1-9]/ })
        .textContent({ timeout: TIMEOUT_MS });
      return Number(/^(\d+)/.exec(text ?? '')?.[1]);
    };
    const seller = await countFor('seller1');
    const manager = await countFor('manager1');
    expect(seller > 0, 'the seller sees no opportunity');
    expect(manager > seller, `the manager sees ${manager}, the seller ${seller}`);
    const team = managerHierarchyBelow(
      running.workbench.records('User'),
      sampleUser(running.workbench, 'manager1').id
    );
    const expected = running.workbench
      .records('Opportunity')
      .filter((record) => team.has(String(record.OwnerId))).length;
    expect(manager === expected, `the manager sees ${manager} of the team's ${expected}`);
    await actAs(context, 'seller1');
  },

  'the Account and Account Plan pages show the guidance card of the chosen record': async (
    context
  ) => {
    const { page, running } = context;
    await actAs(context, 'director');
    for (const objectName of ['Account', 'Account_Plan__c']) {
      const record = running.workbench.records(objectName)[0];
      await page.goto(`${running.url}#/${objectName}/${record.Id}`);
      await page.reload();
      const score = await scoreOf(page);
      // The score the nightly GuidanceRecalculationBatch stored on the sample day.
      const expected = record.Data_Quality_Score__c;
      expect(
        score === expected,
        `${objectName} ${record.Id} shows ${score}, the stored score is ${String(expected)}`
      );
      const name = await page
        .locator('[data-id="record-name"]')
        .textContent({ timeout: TIMEOUT_MS });
      expect(name === record.Name, `the header shows "${name}", not "${String(record.Name)}"`);
    }
    await actAs(context, 'seller1');
  },

  'the account plan’s objectives and buying centre fit their card': async (context) => {
    const { page, running } = context;
    await actAs(context, 'director');
    const plan = running.workbench
      .records('Account_Plan__c')
      .find((record) => record.Name === 'Westbay Networks AB 2026');
    expect(plan !== undefined, 'the sample org has the Westbay Networks AB 2026 plan');
    await page.goto(`${running.url}#/Account_Plan__c/${String(plan?.Id)}`);
    await page.reload();
    const card = page.locator('c-account-plan lightning-card');
    for (const table of ['objectives', 'buying-centre']) {
      const locator = page.locator(`c-account-plan table[data-id="${table}"]`);
      await locator.waitFor({ timeout: TIMEOUT_MS });
      expect(await insideOf(locator, card), `the ${table} table spills out of its card`);
    }
    await actAs(context, 'seller1');
  },

  'every component of the package is listed on Home and renders in the gallery': async (
    context
  ) => {
    const { page, running } = context;
    await page.goto(`${running.url}#/home`);
    const links = page.locator('[data-id="components"] a');
    await links.first().waitFor({ timeout: TIMEOUT_MS });
    const names = await links.allTextContents();
    const expected = listUiComponents();
    expect(
      names.join() === expected.join(),
      `Home lists ${names.join(', ')}; the package has ${expected.join(', ')}`
    );
    await page.goto(`${running.url}#/component/recordGuidance`);
    await scoreOf(page);
  },

  'a seller is refused the Admin page with "no access", and the admin is offered to act as': async (
    context
  ) => {
    const { page, running } = context;
    await actAs(context, 'seller1');
    // Reload first: a page still showing the previous user's session would open the Admin page
    // for them and ask for the rules with the seller's cookie (a 403 in the console).
    await page.reload();
    await page.goto(`${running.url}#/admin`);
    await page.reload();
    const refusal = await page
      .locator('[data-id="no-access"]')
      .textContent({ timeout: TIMEOUT_MS });
    expect(/no access/i.test(refusal ?? ''), `the Admin page shows "${refusal}"`);
    expect(
      (await page.locator('wb-admin-page').count()) === 0,
      'the Admin page still renders for the seller'
    );
    expect(
      (await page.locator('text=Something went wrong').count()) === 0,
      'the seller sees "Something went wrong"'
    );
    expect(
      (await page.locator('[data-nav="admin"]').count()) === 0,
      'the navigation offers the seller the Admin tab'
    );
    await page.locator('[data-id="act-as"] button').click({ timeout: TIMEOUT_MS });
    // Each option: the user's name and title, their personas (permission set groups) under it.
    const items = page.locator('[data-id="act-as"] lightning-base-combobox-item');
    const options: string[] = [];
    for (let index = 0; index < (await items.count()); index++) {
      const titles = await items
        .nth(index)
        .locator('span[title]')
        .evaluateAll((spans) => spans.map((span) => span.getAttribute('title') ?? ''));
      options.push(titles.join(' | '));
    }
    const offered = (key: string, persona: string): boolean => {
      const user = sampleUser(running.workbench, key);
      return options.some(
        (option) => option.includes(`${user.name}, ${user.title}`) && option.includes(persona)
      );
    };
    expect(
      offered('director', 'Sales Strategy Admin') && offered('cmo', 'Sales Leadership'),
      `"Act as" offers ${options.join(' / ')}: no admin director or leadership CMO`
    );
    expect(
      options.length === running.workbench.users.length,
      `"Act as" offers ${options.length} users, the sample has ${running.workbench.users.length}`
    );
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'act-as-personas.png') });
    // The end of the list: the CMO, whom nobody reports to.
    await items.last().scrollIntoViewIfNeeded({ timeout: TIMEOUT_MS });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'act-as-personas-end.png') });
    await page.keyboard.press('Escape');
  },

  'the CMO, in Sales Leadership only, reads Home and the published strategy without an error':
    async (context) => {
      const { page, running } = context;
      const { workbench } = running;
      const version = workbench
        .records('Strategy_Version__c')
        .find((row) => row.Status__c === 'Published');
      if (!version) throw new AssertionError('the sample org has no published strategy version');
      await actAs(context, 'cmo');
      try {
        await page.goto(`${running.url}#/home`);
        await page.reload();
        const name = page.locator('c-strategy-brief [data-id="name"]');
        await name.waitFor({ timeout: TIMEOUT_MS });
        expect(
          (await name.textContent())?.trim() === version.Name,
          `the CMO's Home shows "${await name.textContent()}", not ${String(version.Name)}`
        );
        await page.goto(`${running.url}#/Strategy_Version__c/${version.Id}`);
        await page.reload();
        await page.locator('c-strategy-adoption [data-id="rate"]').waitFor({ timeout: TIMEOUT_MS });
        expect(
          (await page.locator('text=Something went wrong').count()) === 0,
          'the CMO sees "Something went wrong"'
        );
        expect(
          (await page.locator('[data-nav="admin"]').count()) === 0,
          'the navigation offers the CMO, who manages no rules, the Admin tab'
        );
      } finally {
        await actAs(context, 'seller1');
      }
    },

  'an unknown route shows a not-found page, an unknown component too': async (context) => {
    const { page, running } = context;
    for (const route of ['#/no-such-page', '#/component/noSuchComponent']) {
      await page.goto(`${running.url}${route}`);
      await page.reload();
      const text = await page.locator('[data-id="not-found"]').textContent({ timeout: TIMEOUT_MS });
      expect(/not found/i.test(text ?? ''), `${route} shows "${text}"`);
    }
  },

  'the gallery opens accountPlan, compensationAlignment and strategyAdoption where they work':
    async (context) => {
      const { page, running } = context;
      await actAs(context, 'director');
      try {
        for (const [name, ready] of [
          ['accountPlan', 'c-account-plan [data-id="plan-name"], c-account-plan [data-id="none"]'],
          ['compensationAlignment', 'c-compensation-alignment [data-id="total"]'],
          [
            'strategyAdoption',
            'c-strategy-adoption [data-id="rate"], c-strategy-adoption [data-id="not-published"]'
          ]
        ]) {
          await page.goto(`${running.url}#/component/${name}`);
          await page.reload();
          await page.locator(ready).first().waitFor({ timeout: TIMEOUT_MS });
          const errors = await page.locator('[data-id="component-host"] c-error-panel').count();
          expect(errors === 0, `${name} opens in the gallery with ${errors} error panels`);
        }
      } finally {
        await actAs(context, 'seller1');
      }
    },

  'the Opportunity tab lists the records by list view, searchable and sorted by score': async (
    context
  ) => {
    const { page, running } = context;
    await actAs(context, 'seller1');
    await page.goto(`${running.url}#/Opportunity`);
    await page.reload();
    await page.locator('[data-id="list-view"] tbody tr').first().waitFor({ timeout: TIMEOUT_MS });
    const headers = await page.locator('[data-id="list-view"] thead th').allTextContents();
    expect(
      headers.some((header) => /Data Quality Score/.test(header)),
      `the list's columns are ${headers.join(' | ')}`
    );
    const scores = (
      await page
        .locator('[data-id="list-view"] td[data-column="Data_Quality_Score__c"]')
        .allTextContents()
    )
      .map((text) => text.trim())
      .filter(Boolean)
      .map(Number);
    expect(
      scores.every((score, index) => index === 0 || scores[index - 1] <= score),
      `the list is not sorted by score: ${scores.slice(0, 10).join(', ')}`
    );
    await page.locator('[data-id="list-view"] button[data-sort="Name"]').click();
    const names = (
      await page.locator('[data-id="list-view"] td[data-column="Name"]').allTextContents()
    ).map((text) => text.trim());
    expect(
      names.every((name, index) => index === 0 || names[index - 1].localeCompare(name) <= 0),
      'a click on Name does not sort by name'
    );
    const first = names[0];
    await page.locator('[data-id="list-search"] input').fill(first);
    const found = (
      await page.locator('[data-id="list-view"] td[data-column="Name"]').allTextContents()
    ).map((text) => text.trim());
    expect(
      found.length > 0 && found.every((name) => name.includes(first)),
      `searching "${first}" lists ${found.join(', ')}`
    );
  },

  'a deal in euros shows its amount in euros on its record page': async (context) => {
    const { page, running } = context;
    const deal = running.workbench
      .records('Opportunity')
      .find(
        (candidate) => candidate.CurrencyIsoCode === 'EUR' && typeof candidate.Amount === 'number'
      );
    expect(!!deal, 'the sample has deals in EUR');
    await actAs(context, 'director');
    await page.goto(`${running.url}#/Opportunity/${String(deal?.Id)}`);
    await page.reload();
    const amount = page.locator('[data-field="Amount"] .slds-form-element__static');
    await amount.waitFor({ timeout: TIMEOUT_MS });
    const euros = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(
      Number(deal?.Amount)
    );
    const shown = (await amount.textContent())?.trim();
    expect(shown === euros, `the amount reads "${shown}", not "${euros}"`);
  },

  'the Opportunity page lays out its details by type, with the stage path': async (context) => {
    const { page, running } = context;
    const { open } = dealsWithStageDates(running);
    await actAs(context, 'seller1');
    await page.goto(`${running.url}#/Opportunity/${open}`);
    await page.reload();
    await page.locator('[data-id="stage-path"]').waitFor({ timeout: TIMEOUT_MS });
    const deal = running.workbench.byId(open);
    const current = await page
      .locator('[data-id="stage-path"] li[aria-current="step"] .slds-path__title')
      .textContent();
    expect(current === deal?.StageName, `the path's current step is ${current}`);
    const label = await page.locator('[data-id="object-label"]').textContent();
    expect(label?.trim() === 'Opportunity', `the header names the object "${label}"`);
    const amount = await page
      .locator('[data-field="Amount"] .slds-form-element__static')
      .textContent();
    // In the deal's own currency (EUR, SEK, NOK or the org's DKK) as an en-US reader writes it.
    const expected = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: String(deal?.CurrencyIsoCode ?? 'DKK')
    }).format(Number(deal?.Amount));
    expect(amount?.trim() === expected, `the amount reads "${amount}", not "${expected}"`);
    const checkbox = page.locator(
      '[data-field="Decision_Maker_Identified__c"] input[type="checkbox"]'
    );
    expect((await checkbox.count()) === 1, 'a checkbox field is not shown as a checkbox');
    const details = await page.locator('[data-id="details"]').innerText();
    const ruleNames = details.match(/\b(Opp|Coach|Acc|Plan)_[A-Za-z_]+\b/g) ?? [];
    expect(
      ruleNames.length === 0,
      `the details name rules by developer name: ${ruleNames.join(', ')}`
    );
    const sections = await page
      .locator('[data-id="details"] .slds-section__title')
      .allTextContents();
    expect(
      sections[0]?.trim() === 'Opportunity Information',
      `the details' sections are ${sections.join(' | ')}`
    );
  },

  'the formula tester evaluates a valid formula and explains an invalid one': async (context) => {
    const { page, running } = context;
    await actAs(context, 'director');
    await page.goto(`${running.url}#/admin`);
    await page.reload();
    await page.locator('[data-id="rules"] tbody tr').first().waitFor({ timeout: TIMEOUT_MS });
    const textarea = page.locator('[data-id="formula-input"] textarea');
    await textarea.fill('Amount > 0');
    await page.locator('[data-id="evaluate"] button').click();
    const result = await page
      .locator('[data-id="formula-result"]')
      .textContent({ timeout: TIMEOUT_MS });
    expect(/^(true|false) \(boolean\)$/.test(result?.trim() ?? ''), `result "${result}"`);
    await textarea.fill('Amount > ');
    await page.locator('[data-id="evaluate"] button').click();
    const error = await page
      .locator('[data-id="formula-error"]')
      .textContent({ timeout: TIMEOUT_MS });
    expect(/characters \d+-\d+/.test(error ?? ''), `error "${error}"`);
    await actAs(context, 'seller1');
  },

  'the formula tester names a pasted invisible character and removes it on request': async (
    context
  ) => {
    const { page, running } = context;
    await actAs(context, 'director');
    await page.goto(`${running.url}#/admin`);
    await page.reload();
    await page.locator('[data-id="rules"] tbody tr').first().waitFor({ timeout: TIMEOUT_MS });
    const textarea = page.locator('[data-id="formula-input"] textarea');
    await textarea.fill('Amount\u00a0>\u200b0');
    await page.locator('[data-id="evaluate"] button').click();
    const error = await page
      .locator('[data-id="formula-error"]')
      .textContent({ timeout: TIMEOUT_MS });
    expect(/U\+00A0 NO-BREAK SPACE at line 1, column 7/.test(error ?? ''), `error "${error}"`);
    const notice = await page
      .locator('[data-id="formula-invisible"]')
      .textContent({ timeout: TIMEOUT_MS });
    expect(/Invisible characters in the formula: 2\./.test(notice ?? ''), `notice "${notice}"`);
    await page.locator('[data-id="remove-invisible"] button').click();
    const cleaned = await textarea.inputValue({ timeout: TIMEOUT_MS });
    expect(cleaned === 'Amount >0', `cleaned formula "${cleaned}"`);
    await page.locator('[data-id="evaluate"] button').click();
    const result = await page
      .locator('[data-id="formula-result"]')
      .textContent({ timeout: TIMEOUT_MS });
    expect(/^(true|false) \(boolean\)$/.test(result?.trim() ?? ''), `result "${result}"`);
    await actAs(context, 'seller1');
  },

  'the formula tester refuses a formula over 3,900 characters with the limit': async (context) => {
    const { page, running } = context;
    await actAs(context, 'director');
    await page.goto(`${running.url}#/admin`);
    await page.reload();
    await page.locator('[data-id="rules"] tbody tr').first().waitFor({ timeout: TIMEOUT_MS });
    await page
      .locator('[data-id="formula-input"] textarea')
      .fill(`Amount > 0 /*${'x'.repeat(3900)}*/`);
    const length = await page
      .locator('[data-id="formula-length"]')
      .textContent({ timeout: TIMEOUT_MS });
    expect(length?.trim() === '3,915 of 3,900 characters', `length "${length}"`);
    await page.locator('[data-id="evaluate"] button').click();
    const error = await page
      .locator('[data-id="formula-error"]')
      .textContent({ timeout: TIMEOUT_MS });
    expect(
      (error ?? '').includes(
        'Formula is too long (3,915 characters). A formula can contain up to 3,900 characters'
      ),
      `error "${error}"`
    );
    await actAs(context, 'seller1');
  }
};

export default suite;

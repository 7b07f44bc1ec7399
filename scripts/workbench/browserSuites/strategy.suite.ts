/**
 * Strategy, segments and account plans in the browser: a seller acknowledges the published
 * strategy on Home and sees the status change, and a second acknowledgement (from a page opened
 * before the first) is refused in the data model's words; the Strategy Version page shows the
 * adoption counted from the dataset (the sample users' permission set groups, the
 * acknowledgements); the Segments page shows each segment's accounts; a seller creates an
 * account plan for the current period from the Account page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strategyAudienceOf } from '../../sample/personas';
import { REPO_ROOT } from '../paths';
import {
  actAs,
  AssertionError,
  expect,
  sampleUser,
  TIMEOUT_MS,
  type BrowserSuite,
  readerDate
} from './harness';
import type { AllowedErrors } from '../browserRun';

const SELLER = 'seller1';

const suite: BrowserSuite = {
  'a seller acknowledges the strategy on Home once; a second acknowledgement is refused': async (
    context
  ) => {
    const { page, running, browser } = context;
    const { workbench } = running;
    const reader = sampleUser(workbench, 'seller6');
    const version = workbench
      .records('Strategy_Version__c')
      .find((row) => row.Status__c === 'Published');
    if (!version) throw new AssertionError('the sample org has no published strategy version');
    const acknowledged = workbench
      .records('Strategy_Acknowledgement__c')
      .some((row) => row.Strategy_Version__c === version.Id && row.User__c === reader.id);
    if (acknowledged) throw new AssertionError('seller6 has already acknowledged the strategy');
    await actAs(context, 'seller6');
    try {
      await page.goto(`${running.url}#/home`);
      await page.reload();
      const brief = 'c-strategy-brief';
      const status = page.locator(`${brief} [data-id="status"]`);
      await status.waitFor({ timeout: TIMEOUT_MS });
      expect(
        /not acknowledged/i.test((await status.textContent()) ?? ''),
        `before acknowledging the status reads "${await status.textContent()}"`
      );
      const name = await page.locator(`${brief} [data-id="name"]`).textContent();
      expect(name?.trim() === version.Name, `Home shows "${name}", not ${String(version.Name)}`);
      // A second page, opened before the acknowledgement, still offers the button.
      const stale = await browser.newPage();
      try {
        await stale.goto(`${running.url}#/home`);
        await stale.locator(`${brief} [data-id="acknowledge"]`).waitFor({ timeout: TIMEOUT_MS });

        await page.locator(`${brief} [data-id="acknowledge"]`).click({ timeout: TIMEOUT_MS });
        await page
          .locator(`${brief} [data-id="acknowledge"]`)
          .waitFor({ state: 'detached', timeout: TIMEOUT_MS });
        const after = (await status.textContent())?.trim() ?? '';
        // When, in the reader's locale (en-US): the sample day, at the time of the click.
        expect(
          after.startsWith(`You acknowledged this version on ${readerDate(workbench.today)}, `),
          `after acknowledging the status reads "${after}"`
        );

        await stale.locator(`${brief} [data-id="acknowledge"]`).click({ timeout: TIMEOUT_MS });
        const refusal = await stale
          .locator(`${brief} c-error-panel h2`)
          .textContent({ timeout: TIMEOUT_MS });
        expect(
          /already acknowledged/i.test(refusal ?? ''),
          `the second acknowledgement shows "${refusal}", not the already-acknowledged message`
        );
      } finally {
        await stale.close();
      }
      const rows = workbench
        .records('Strategy_Acknowledgement__c')
        .filter((row) => row.Strategy_Version__c === version.Id && row.User__c === reader.id);
      expect(rows.length === 1, `seller6 holds ${rows.length} acknowledgements, not 1`);
    } finally {
      await actAs(context, SELLER);
    }
  },

  'the Strategy Version page shows the acknowledgement rate and who has not read it': async (
    context
  ) => {
    const { page, running } = context;
    const { workbench } = running;
    const version = workbench
      .records('Strategy_Version__c')
      .find((row) => row.Status__c === 'Published');
    if (!version) throw new AssertionError('no published version');
    // The audience, from the dataset: every sample user holding SSM_Seller or SSM_Manager
    // through their permission set groups, as the package's groups compose them.
    const sampleUsers = (
      JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'sample-users.json'), 'utf8')) as {
        users: { key: string; permissionSetGroups: string[] }[];
      }
    ).users;
    const audience = strategyAudienceOf(sampleUsers).map((user) => sampleUser(workbench, user.key));
    expect(audience.length > 0, 'the sample org has no audience');
    const acknowledgedIds = new Set(
      workbench
        .records('Strategy_Acknowledgement__c')
        .filter((row) => row.Strategy_Version__c === version.Id)
        .map((row) => String(row.User__c))
    );
    const acknowledged = audience.filter((user) => acknowledgedIds.has(user.id)).length;
    const pendingNames = audience
      .filter((user) => !acknowledgedIds.has(user.id))
      .map((user) => user.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    await actAs(context, 'manager1');
    try {
      await page.goto(`${running.url}#/Strategy_Version__c/${version.Id}`);
      await page.reload();
      const rate = await page
        .locator('c-strategy-adoption [data-id="rate"]')
        .textContent({ timeout: TIMEOUT_MS });
      const percent = Math.round((100 * acknowledged) / audience.length);
      const expected = `${acknowledged} of ${audience.length} (${percent} %)`;
      expect(rate?.trim() === expected, `the page shows "${rate}", not "${expected}"`);
      const pending = await page
        .locator('c-strategy-adoption [data-id="pending"] li')
        .allTextContents();
      expect(
        pending.join('|') === pendingNames.join('|'),
        `the page lists ${pending.join(', ')} as not acknowledged`
      );
    } finally {
      await actAs(context, SELLER);
    }
  },

  'a Strategy Version page shows no raw HTML, and a superseded one no overdue review': async (
    context
  ) => {
    const { page, running } = context;
    const { workbench } = running;
    const superseded = workbench
      .records('Strategy_Version__c')
      .find((row) => row.Status__c === 'Superseded');
    if (!superseded) throw new AssertionError('the sample org has no superseded version');
    await actAs(context, 'director');
    try {
      await page.goto(`${running.url}#/Strategy_Version__c/${superseded.Id}`);
      await page.reload();
      const rendered = page.locator(
        '[data-field="Governance_Model__c"] lightning-formatted-rich-text li'
      );
      await rendered.first().waitFor({ timeout: TIMEOUT_MS });
      const details = (await page.locator('[data-id="details"]').innerText()) ?? '';
      expect(!/<\/?(p|li|ul|strong)\b/i.test(details), 'the details panel shows raw HTML');
      const header = await page.locator('[data-id="object-label"]').textContent();
      expect(header?.trim() === 'Strategy Version', `the header names the object "${header}"`);
      const sections = (
        await page.locator('[data-id="details"] .slds-section__title').allTextContents()
      ).map((text) => text.trim());
      expect(
        sections.join('|') === 'Information|Strategy Content|KPI Targets',
        `the details' sections are ${sections.join(' | ')}, not the page layout's`
      );
      await page
        .locator('c-strategy-adoption [data-id="superseded"]')
        .waitFor({ timeout: TIMEOUT_MS });
      expect(
        (await page.locator('c-strategy-adoption [data-id="review-overdue"]').count()) === 0,
        'a superseded version shows the overdue-review banner'
      );
      expect(
        (await page.locator('button[data-action="strategyPublishAction"]').count()) === 0,
        'a superseded version offers Publish'
      );
    } finally {
      await actAs(context, SELLER);
    }
  },

  'Home is laid out in a main column and a sidebar, and no navigation tab is clipped': async (
    context
  ) => {
    const { page, running } = context;
    await page.setViewportSize({ width: 1280, height: 900 });
    try {
      await page.goto(`${running.url}#/home`);
      await page.reload();
      const main = page.locator('[data-region="main"] c-strategy-brief');
      const sidebar = page.locator('[data-region="sidebar"] c-pipeline-kpis');
      await main.waitFor({ timeout: TIMEOUT_MS });
      await sidebar.waitFor({ timeout: TIMEOUT_MS });
      const mainBox = await main.boundingBox();
      const sideBox = await sidebar.boundingBox();
      expect(
        !!mainBox && !!sideBox && sideBox.x >= mainBox.x + mainBox.width - 1,
        `the sidebar is not beside the main column: ${JSON.stringify([mainBox, sideBox])}`
      );
      const clipped = await page.locator('[data-nav] .slds-truncate').evaluateAll((spans) =>
        spans
          .filter((span) => {
            const box = span.getBoundingClientRect();
            return span.scrollWidth > span.clientWidth + 1 || box.right > window.innerWidth;
          })
          .map((span) => span.textContent)
      );
      expect(clipped.length === 0, `clipped navigation tabs: ${clipped.join(', ')}`);
      const essentials = page.locator(
        'c-strategy-brief lightning-accordion-section[data-essential] button'
      );
      await essentials.first().waitFor({ timeout: TIMEOUT_MS });
      expect((await essentials.count()) > 0, 'the strategy sections are no accordion');
    } finally {
      await page.setViewportSize({ width: 1400, height: 1000 });
    }
  },

  'the Segments page shows each segment with the accounts the user sees': async (context) => {
    const { page, running } = context;
    const { workbench } = running;
    const seller = sampleUser(workbench, SELLER);
    await actAs(context, SELLER);
    await page.goto(`${running.url}#/segments`);
    await page.reload();
    await page.locator('c-segment-overview tr[data-row="total"]').waitFor({ timeout: TIMEOUT_MS });
    for (const segment of workbench.records('Customer_Segment__c')) {
      const expected = workbench
        .records('Account')
        .filter((a) => a.OwnerId === seller.id && a.Customer_Segment__c === segment.Id).length;
      const cells = await page
        .locator(`c-segment-overview tr[data-row="${segment.Id}"] > *`)
        .allTextContents();
      expect(
        cells[0]?.trim() === segment.Name && cells[2]?.trim() === String(expected),
        `the ${String(segment.Name)} row reads ${cells.join(' | ')}, not ${expected} accounts`
      );
    }
    const status = await page
      .locator('c-segment-overview td[data-status]')
      .first()
      .textContent({ timeout: TIMEOUT_MS });
    expect(
      /target/i.test(status ?? ''),
      `the share against target is not stated in words: "${status}"`
    );
  },

  'a seller creates an account plan for the current period from the Account page': async (
    context
  ) => {
    const { page, running } = context;
    const { workbench } = running;
    const seller = sampleUser(workbench, SELLER);
    const planned = new Set(workbench.records('Account_Plan__c').map((p) => p.Account__c));
    const account = workbench
      .records('Account')
      .find((a) => a.OwnerId === seller.id && !planned.has(a.Id));
    if (!account) throw new AssertionError('seller1 has no account without a plan');
    await actAs(context, SELLER);
    await page.goto(`${running.url}#/Account/${account.Id}`);
    await page.reload();
    const card = 'c-account-plan';
    await page.locator(`${card} [data-id="none"]`).waitFor({ timeout: TIMEOUT_MS });
    await page.locator(`${card} [data-id="create"]`).click({ timeout: TIMEOUT_MS });
    const name = await page
      .locator(`${card} [data-id="plan-name"]`)
      .textContent({ timeout: TIMEOUT_MS });
    const expectedName = `${String(account.Name)} FY2026`;
    expect(name?.trim() === expectedName, `the card shows "${name}", not "${expectedName}"`);
    await page.locator(`${card} [data-id="completeness"]`).waitFor({ timeout: TIMEOUT_MS });
    await page.reload();
    const reloaded = await page
      .locator(`${card} [data-id="plan-name"]`)
      .textContent({ timeout: TIMEOUT_MS });
    expect(reloaded?.trim() === expectedName, 'the plan did not survive a reload');
    const created = workbench
      .records('Account_Plan__c')
      .filter((plan) => plan.Account__c === account.Id);
    expect(created.length === 1, `the account has ${created.length} plans, not 1`);
    expect(
      created[0].Period_Start__c === '2026-01-01' && created[0].Period_End__c === '2026-12-31',
      'the plan does not cover the current fiscal year'
    );
  }
};

/**
 * The refused second attempt is the point of the test: the Apex refusal reaches the page as a
 * failed request, which the browser logs.
 */
export const allowedErrors: AllowedErrors = {
  'a seller acknowledges the strategy on Home once; a second acknowledgement is refused': [
    'the server responded with a status of 500'
  ]
};

export default suite;

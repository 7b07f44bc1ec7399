/**
 * Strategy, segments and account plans in the browser: a seller acknowledges the published
 * strategy on Home and sees the status change, and a second acknowledgement (from a page opened
 * before the first) is refused in the data model's words; the Strategy Version page shows the
 * adoption the KPI module computes from the dataset; the Segments page shows each segment's
 * accounts; a seller creates an account plan for the current period from the Account page.
 */
import {
  computeAdoption,
  type AudienceMember,
  type StrategyAcknowledgement
} from '../../../force-app/main/default/lwc/salesKpis/salesKpis';
import {
  actAs,
  apexAnswer,
  AssertionError,
  expect,
  sampleUser,
  TIMEOUT_MS,
  type BrowserSuite
} from './harness';

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
        expect(
          after === `You acknowledged this version on ${workbench.today}.`,
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
    // The audience as StrategyAudience reads it; the acknowledgements as the org stores them.
    const facts = apexAnswer<ApexGenerated.StrategyController_StrategyAdoptionFacts>(
      workbench,
      'manager1',
      'StrategyController.getAdoption',
      { versionId: version.Id }
    );
    const acknowledgements = workbench
      .records('Strategy_Acknowledgement__c')
      .filter((row) => row.Strategy_Version__c === version.Id);
    const adoption = computeAdoption(
      { ...version, Id: version.Id },
      (facts.audience ?? []) as unknown as AudienceMember[],
      acknowledgements as unknown as StrategyAcknowledgement[],
      workbench.today
    );
    await actAs(context, 'manager1');
    try {
      await page.goto(`${running.url}#/Strategy_Version__c/${version.Id}`);
      await page.reload();
      const rate = await page
        .locator('c-strategy-adoption [data-id="rate"]')
        .textContent({ timeout: TIMEOUT_MS });
      const expected = `${adoption.acknowledgedCount} of ${adoption.audienceCount} (${Math.round(
        (adoption.rate ?? 0) * 100
      )} %)`;
      expect(rate?.trim() === expected, `the page shows "${rate}", not "${expected}"`);
      const pending = await page
        .locator('c-strategy-adoption [data-id="pending"] li')
        .allTextContents();
      expect(
        pending.join('|') === adoption.pending.map((member) => member.Name).join('|'),
        `the page lists ${pending.join(', ')} as not acknowledged`
      );
    } finally {
      await actAs(context, SELLER);
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

export default suite;

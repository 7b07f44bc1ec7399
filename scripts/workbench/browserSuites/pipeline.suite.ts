/**
 * The pipeline pages: Home's own numbers and the Account page's pipeline tile against the
 * dataset; the manager's pipeline review on its app page: the header's total against the
 * dataset, an inline close-date edit that shows up as a "pushed" change, and a logged coaching
 * session.
 */
import {
  computeSalesKpis,
  salesFactsFromApex,
  type ApexPipelineFacts
} from '../../../force-app/main/default/lwc/salesKpis/salesKpis';
import { managerHierarchyBelow } from '../../../apex-runtime/src/platform/recordAccess';
import type { RunningWorkbench } from '../workbench';
import {
  actAs,
  apexAnswer,
  expect,
  sampleUser,
  TIMEOUT_MS,
  type BrowserSuite,
  type TestContext
} from './harness';

const MANAGER = 'manager1';

function amountText(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(value);
}

/** The manager's team's open pipeline closing in this quarter, summed from the dataset. */
function openPipelineOfTeam(running: RunningWorkbench): number {
  const { workbench } = running;
  const team = managerHierarchyBelow(workbench.records('User'), sampleUser(workbench, MANAGER).id);
  return workbench
    .records('Opportunity')
    .filter(
      (deal) =>
        team.has(String(deal.OwnerId)) &&
        deal.IsClosed !== true &&
        String(deal.CloseDate) >= '2026-10-01' &&
        String(deal.CloseDate) <= '2026-12-31'
    )
    .reduce((sum, deal) => sum + Number(deal.Amount ?? 0), 0);
}

async function openReview(context: TestContext): Promise<void> {
  await actAs(context, MANAGER);
  await context.page.goto(`${context.running.url}#/pipeline-review`);
  await context.page.reload();
  await context.page
    .locator('c-pipeline-review [data-tile="openPipeline"] [data-id="tile-value"]')
    .waitFor({ timeout: TIMEOUT_MS });
}

async function pushedCount(context: TestContext): Promise<number> {
  const text = await context.page
    .locator('c-pipeline-review [data-change="pushed"]')
    .textContent({ timeout: TIMEOUT_MS });
  return Number(/^(\d+)/.exec(text?.trim() ?? '')?.[1]);
}

/** An open deal of the team closing this quarter before mid-December, to push. */
function dealToPush(running: RunningWorkbench): {
  id: string;
  closeDate: string;
  pushCount: number;
} {
  const review = salesFactsFromApex([
    apexAnswer<ApexPipelineFacts>(
      running.workbench,
      MANAGER,
      'PipelineReviewController.getPipelineFacts'
    )
  ]);
  const deal = review.facts.deals.find(
    (candidate) => !candidate.IsClosed && candidate.CloseDate < '2026-12-15'
  );
  expect(!!deal, `${MANAGER}'s team has no open deal closing before 2026-12-15`);
  return {
    id: String(deal?.Id),
    closeDate: String(deal?.CloseDate),
    pushCount: Number(deal?.Close_Date_Push_Count__c ?? 0)
  };
}

/** The sum of Amount of a user's won deals closing in this quarter (2026-Q4), from the dataset. */
function wonThisQuarter(running: RunningWorkbench, userKey: string): number {
  const userId = sampleUser(running.workbench, userKey).id;
  return running.workbench
    .records('Opportunity')
    .filter(
      (deal) =>
        deal.OwnerId === userId &&
        deal.IsWon === true &&
        String(deal.CloseDate) >= '2026-10-01' &&
        String(deal.CloseDate) <= '2026-12-31'
    )
    .reduce((sum, deal) => sum + Number(deal.Amount ?? 0), 0);
}

const suite: BrowserSuite = {
  'the Account page shows the account’s open pipeline, as the dataset sums it': async (context) => {
    const { page, running } = context;
    const { workbench } = running;
    const deals = workbench.records('Opportunity');
    const account = workbench
      .records('Account')
      .find((candidate) =>
        deals.some((deal) => deal.AccountId === candidate.Id && deal.IsClosed !== true)
      );
    expect(!!account, 'the sample org has no account with an open deal');
    const open = deals
      .filter((deal) => deal.AccountId === account?.Id && deal.IsClosed !== true)
      .reduce((sum, deal) => sum + Number(deal.Amount ?? 0), 0);
    await actAs(context, 'director');
    await page.goto(`${running.url}#/Account/${String(account?.Id)}`);
    await page.reload();
    const shown = await page
      .locator('c-pipeline-kpis [data-tile="openPipeline"] [data-id="tile-value"]')
      .textContent({ timeout: TIMEOUT_MS });
    expect(shown?.trim() === amountText(open), `the tile shows ${shown}, the dataset sums ${open}`);
    await actAs(context, 'seller1');
  },

  'Home shows a seller’s own closed won this quarter, as the dataset sums it': async (context) => {
    const { page, running } = context;
    await actAs(context, 'seller1');
    await page.goto(`${running.url}#/home`);
    await page.reload();
    const shown = await page
      .locator('c-pipeline-kpis [data-tile="closedWon"] [data-id="tile-value"]')
      .textContent({ timeout: TIMEOUT_MS });
    const expected = amountText(wonThisQuarter(running, 'seller1'));
    expect(shown?.trim() === expected, `Home shows ${shown}, the dataset sums ${expected}`);
  },

  'a manager’s pipeline review totals the team’s open pipeline as the dataset does': async (
    context
  ) => {
    await openReview(context);
    const shown = await context.page
      .locator('c-pipeline-review [data-tile="openPipeline"] [data-id="tile-value"]')
      .textContent({ timeout: TIMEOUT_MS });
    const expected = amountText(openPipelineOfTeam(context.running));
    expect(shown?.trim() === expected, `the header shows ${shown}, the dataset sums ${expected}`);
    await actAs(context, 'seller1');
  },

  'editing a close date inline saves it and shows it as a pushed change': async (context) => {
    const { page, running } = context;
    const deal = dealToPush(running);
    await openReview(context);
    // Changes since the sample day, so this edit is the only push.
    const since = page.locator('c-pipeline-review lightning-input[data-id="since"] input');
    await since.fill('Nov 16, 2026', { timeout: TIMEOUT_MS });
    await since.press('Tab');
    await page
      .locator('c-pipeline-review [data-id="changes"] h3', { hasText: '2026-11-16' })
      .waitFor({ timeout: TIMEOUT_MS });
    const before = await pushedCount(context);
    await page
      .locator(
        `c-pipeline-review lightning-button-icon[data-action="edit"][data-id="${deal.id}"] button`
      )
      .click({ timeout: TIMEOUT_MS });
    const input = page.locator(
      `c-pipeline-review tr[data-row="${deal.id}"] lightning-input[data-field="CloseDate"] input`
    );
    // The date input takes the user's locale format (en-US medium), as in Lightning Experience.
    await input.fill('Dec 30, 2026', { timeout: TIMEOUT_MS });
    await input.press('Tab');
    await page
      .locator('c-pipeline-review lightning-button[data-id="save"] button')
      .click({ timeout: TIMEOUT_MS });
    const toast = await page.locator('[data-id="toast"]').textContent({ timeout: TIMEOUT_MS });
    expect(
      /saved/i.test(toast ?? '') && !/not saved/i.test(toast ?? ''),
      `the toast says ${toast}`
    );
    await page
      .locator(`c-pipeline-review tr[data-row="${deal.id}"] [data-cell="closeDate"]`, {
        hasText: '2026-12-30'
      })
      .waitFor({ timeout: TIMEOUT_MS });
    const after = await pushedCount(context);
    expect(after === before + 1, `pushed went from ${before} to ${after}, not up by one`);
    const saved = running.workbench.byId(deal.id);
    expect(
      saved?.CloseDate === '2026-12-30',
      `the stored close date is ${String(saved?.CloseDate)}`
    );
    // The save ran the package's Opportunity trigger, which counts the push.
    expect(
      saved?.Close_Date_Push_Count__c === deal.pushCount + 1 &&
        saved?.LastModifiedById === sampleUser(running.workbench, MANAGER).id,
      `the push count went from ${deal.pushCount} to ${String(saved?.Close_Date_Push_Count__c)}`
    );
    const report = computeSalesKpis(
      salesFactsFromApex([
        apexAnswer<ApexPipelineFacts>(
          running.workbench,
          MANAGER,
          'PipelineReviewController.getPipelineFacts'
        )
      ]).facts,
      {
        period: { start: '2026-10-01', end: '2026-12-31', label: 'Q4' },
        today: '2026-11-16',
        since: '2026-11-16'
      }
    );
    expect(
      report.changes.pushed.count === after,
      `the KPI module counts ${report.changes.pushed.count} pushed`
    );
    await actAs(context, 'seller1');
  },

  'a manager logs a coaching session on a deal, prefilled with seller and deal': async (
    context
  ) => {
    const { page, running } = context;
    const deal = dealToPush(running);
    const before = running.workbench.records('Coaching_Session__c').length;
    await openReview(context);
    await page
      .locator(
        `c-pipeline-review lightning-button-icon[data-action="coach"][data-id="${deal.id}"] button`
      )
      .click({ timeout: TIMEOUT_MS });
    await page
      .locator('c-pipeline-review lightning-textarea[data-field="Notes__c"] textarea')
      .fill('Agreed to map the buying centre before the proposal.', { timeout: TIMEOUT_MS });
    await page
      .locator('c-pipeline-review lightning-button[data-id="log-session"] button')
      .click({ timeout: TIMEOUT_MS });
    await page.locator('[data-id="toast"]').waitFor({ timeout: TIMEOUT_MS });
    const sessions = running.workbench.records('Coaching_Session__c');
    const logged = sessions[sessions.length - 1];
    expect(sessions.length === before + 1, `${sessions.length - before} sessions were created`);
    const owner = running.workbench.byId(deal.id)?.OwnerId;
    expect(
      logged.Opportunity__c === deal.id &&
        logged.Seller__c === owner &&
        logged.Coach__c === sampleUser(running.workbench, MANAGER).id &&
        typeof logged.Focus_Area__c === 'string',
      `the session is ${JSON.stringify(logged)}`
    );
    await actAs(context, 'seller1');
  }
};

export default suite;

/**
 * The pipeline pages, every expected figure taken from the dataset (never from the KPI module the
 * pages use): Home's own numbers and the Account page's pipeline tile; the manager's pipeline
 * review on its app page: the header's total, a close date edited in its cell that shows up as
 * a "pushed" change, the "Pushed" button narrowing the deal table to exactly the deals the
 * field history says were pushed, the deal table fitting the card at 1440 px (name and actions
 * in view, no sideways scroll), the waterfall agreeing with the changes panel and closing on the
 * dataset's open pipeline, a future period judged nowhere in red, and a logged coaching session.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { managerHierarchyBelow } from '../../../apex-runtime/src/platform/recordAccess';
import { SCREENSHOTS_DIR } from '../paths';
import type { OrgRecord } from '../../org/embeddedOrg';
import { inDkk } from '../../sample/__tests__/inDkk';
import type { RunningWorkbench } from '../workbench';
import {
  actAs,
  insideOf,
  apexAnswer,
  expect,
  sampleUser,
  TIMEOUT_MS,
  type BrowserSuite,
  type TestContext
} from './harness';

const MANAGER = 'manager1';
const SAMPLE_TODAY = '2026-11-16';
const Q4 = { start: '2026-10-01', end: '2026-12-31', label: 'Q4' };

/**
 * The exact amount the review shows on hover: the suite's user reads en-US, and the sample org's
 * currency is its country's (DK: DKK).
 */
function exactAmount(value: number): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'DKK' }).format(value);
}

/** An exact amount as the review shows it on hover ("+DKK 1,234.50", "−DKK 10.00") as a number. */
function signedAmount(text: string): number {
  const value = Number(text.replace(/[^0-9.]/g, ''));
  return /^[−-]/.test(text.trim()) ? -value : value;
}

async function rowIdsShown(page: Page): Promise<string[]> {
  return page
    .locator('c-pipeline-review tr[data-row]')
    .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.row ?? ''));
}

function amountText(value: number): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'DKK',
    maximumFractionDigits: 0
  }).format(value);
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
    .reduce((sum, deal) => sum + inDkk(deal as OrgRecord), 0);
}

/** The manager's team's deals in the dataset (owners below the manager, as TeamSelector has it). */
function teamDeals(running: RunningWorkbench): Record<string, unknown>[] {
  const { workbench } = running;
  const team = managerHierarchyBelow(workbench.records('User'), sampleUser(workbench, MANAGER).id);
  return workbench.records('Opportunity').filter((deal) => team.has(String(deal.OwnerId)));
}

const inQ4 = (day: string): boolean => day >= Q4.start && day <= Q4.end;

/**
 * The team's deals pushed since the start of `since`, from the dataset's field history (KPI
 * definitions, "Change and slippage"): a deal that existed before `since`, closing in the quarter
 * then or now, whose close date now is later than at the start of `since` (the OldValue of its
 * first CloseDate change from then on, else today's value). Days are UTC days.
 */
function pushedSince(running: RunningWorkbench, since: string): string[] {
  const start = `${since}T00:00:00.000Z`;
  const history = running.workbench
    .records('OpportunityFieldHistory')
    .filter((row) => row.Field === 'CloseDate' && String(row.CreatedDate) >= start)
    .sort((a, b) => String(a.CreatedDate).localeCompare(String(b.CreatedDate)));
  return teamDeals(running)
    .filter((deal) => String(deal.CreatedDate) < start)
    .filter((deal) => {
      const now = String(deal.CloseDate);
      const first = history.find((row) => row.OpportunityId === deal.Id);
      const then = first ? String(first.OldValue) : now;
      return (inQ4(then) || inQ4(now)) && now > then;
    })
    .map((deal) => String(deal.Id))
    .sort();
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
    .locator('c-pipeline-review [data-change="pushed"] [data-id="count"]')
    .textContent({ timeout: TIMEOUT_MS });
  return Number(/^(\d+)/.exec(text?.trim() ?? '')?.[1]);
}

/** An open deal of the team closing this quarter before mid-December, to push. */
function dealToPush(running: RunningWorkbench): {
  id: string;
  closeDate: string;
  pushCount: number;
} {
  // The first page of deals, as the review's table shows it.
  const { deals } = apexAnswer<ApexGenerated.PipelineFacts>(
    running.workbench,
    MANAGER,
    'PipelineReviewController.getPipelineFacts'
  );
  const deal = (deals ?? []).find(
    (candidate) => !candidate.IsClosed && String(candidate.CloseDate) < '2026-12-15'
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
    .reduce((sum, deal) => sum + inDkk(deal as OrgRecord), 0);
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
      .reduce((sum, deal) => sum + inDkk(deal as OrgRecord), 0);
    await actAs(context, 'director');
    await page.goto(`${running.url}#/Account/${String(account?.Id)}`);
    await page.reload();
    const shown = await page
      .locator('c-pipeline-kpis [data-tile="openPipeline"] [data-id="tile-value"]')
      .textContent({ timeout: TIMEOUT_MS });
    expect(shown?.trim() === amountText(open), `the tile shows ${shown}, the dataset sums ${open}`);
    // The record page loads its details after its layout, so that load may still be on its way
    // when the tile is read; sent with the seller's cookie it would be refused (a 404 in the
    // console). Let the director's page finish before acting as the seller again.
    await page.waitForLoadState('networkidle', { timeout: TIMEOUT_MS });
    await page.goto(`${running.url}#/home`);
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
    // The tile shows the amount compact ('$2.3M'); its title holds the exact amount.
    const shown = await context.page
      .locator('c-pipeline-review [data-tile="openPipeline"] [data-id="tile-value"]')
      .getAttribute('title', { timeout: TIMEOUT_MS });
    const expected = exactAmount(openPipelineOfTeam(context.running));
    expect(shown?.trim() === expected, `the header shows ${shown}, the dataset sums ${expected}`);
    await actAs(context, 'seller1');
  },

  'editing a close date in its cell saves it and shows it as a pushed change': async (context) => {
    const { page, running } = context;
    const deal = dealToPush(running);
    await openReview(context);
    // Changes since the sample day, so this edit is the only push.
    const since = page.locator('c-pipeline-review lightning-input[data-id="since"] input');
    await since.fill('Nov 16, 2026', { timeout: TIMEOUT_MS });
    await since.press('Tab');
    await page
      .locator('c-pipeline-review [data-id="changes"] h3', { hasText: 'Nov 16, 2026' })
      .waitFor({ timeout: TIMEOUT_MS });
    const before = await pushedCount(context);
    const cell = page.locator(
      `c-pipeline-review tr[data-row="${deal.id}"] td[data-cell="closeDate"]`
    );
    await cell
      .locator('lightning-button-icon[data-action="edit-cell"] button')
      .click({ timeout: TIMEOUT_MS });
    // The editor, Save and Cancel are in the cell itself.
    const input = cell.locator('lightning-input[data-field="CloseDate"] input');
    // The date input takes the user's locale format (en-US medium), as in Lightning Experience.
    await input.fill('Dec 30, 2026', { timeout: TIMEOUT_MS });
    await input.press('Tab');
    const save = cell.locator('lightning-button[data-id="save"] button');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'pipeline-review-cell-edit.png') });
    expect(await save.isVisible(), 'Save is not visible in the edited cell');
    expect(
      await cell.locator('lightning-button[data-id="cancel"] button').isVisible(),
      'Cancel is not visible in the edited cell'
    );
    await save.click({ timeout: TIMEOUT_MS });
    const toast = await page.locator('[data-id="toast"]').textContent({ timeout: TIMEOUT_MS });
    expect(
      /saved/i.test(toast ?? '') && !/not saved/i.test(toast ?? ''),
      `the toast says ${toast}`
    );
    await page
      .locator(
        `c-pipeline-review tr[data-row="${deal.id}"] [data-cell="closeDate"][data-value="2026-12-30"]`
      )
      .waitFor({ timeout: TIMEOUT_MS });
    const after = await pushedCount(context);
    expect(after === before + 1, `pushed went from ${before} to ${after}, not up by one`);
    // The changed cell carries an arrow with the previous value.
    const mark = await page
      .locator(`c-pipeline-review tr[data-row="${deal.id}"] [data-cell="closeDate"] .change-mark`)
      .getAttribute('title', { timeout: TIMEOUT_MS });
    expect(!!mark && mark.includes('2026'), `the changed close date's mark says ${mark}`);
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
    const pushedToday = pushedSince(running, SAMPLE_TODAY);
    expect(
      pushedToday.includes(deal.id) && pushedToday.length === after,
      `the dataset has ${pushedToday.length} deals pushed today, the page ${after}`
    );
    await actAs(context, 'seller1');
  },

  'a manager clicks Pushed and the pipeline review shows exactly the pushed deals': async (
    context
  ) => {
    const { page, running } = context;
    await openReview(context);
    const expected = pushedSince(running, Q4.start);
    expect(expected.length > 0, `${MANAGER}'s team has no pushed deal this quarter`);
    const all = await rowIdsShown(page);
    expect(all.length > expected.length, `the table shows ${all.length} deals before the click`);
    const button = page.locator('c-pipeline-review button[data-change="pushed"]');
    await button.click({ timeout: TIMEOUT_MS });
    await page
      .locator('c-pipeline-review [data-id="change-filter"]')
      .waitFor({ timeout: TIMEOUT_MS });
    expect(
      (await button.getAttribute('aria-pressed')) === 'true',
      'the Pushed button is not pressed'
    );
    const shown = (await rowIdsShown(page)).sort();
    expect(
      JSON.stringify(shown) === JSON.stringify(expected),
      `the table shows ${shown.join(', ')}, the pushed deals are ${expected.join(', ')}`
    );
    await page
      .locator('c-pipeline-review lightning-button[data-id="clear-change-filter"] button')
      .click({ timeout: TIMEOUT_MS });
    await page
      .locator('c-pipeline-review [data-id="change-filter"]')
      .waitFor({ state: 'detached', timeout: TIMEOUT_MS });
    expect((await rowIdsShown(page)).length === all.length, 'clearing the filter lost deals');
    await actAs(context, 'seller1');
  },

  'the pipeline review at 1440 px shows deal names and row actions without sideways scrolling':
    async (context) => {
      const { page } = context;
      await page.setViewportSize({ width: 1440, height: 1000 });
      try {
        await openReview(context);
        const table = page.locator('c-pipeline-review .deal-table');
        const overflow = await table.evaluate(
          (element) => element.scrollWidth - element.clientWidth
        );
        expect(overflow <= 0, `the deal table scrolls sideways by ${overflow} px`);
        const pageOverflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth
        );
        expect(pageOverflow <= 0, `the page scrolls sideways by ${pageOverflow} px`);
        const firstOpen = page
          .locator('c-pipeline-review tr[data-row]')
          .filter({ has: page.locator('lightning-button-icon[data-action="edit"]') })
          .first();
        const name = firstOpen.locator('[data-cell="name"]');
        const edit = firstOpen.locator('lightning-button-icon[data-action="edit"] button');
        const coach = firstOpen.locator('lightning-button-icon[data-action="coach"] button');
        for (const [what, locator] of [
          ['deal name', name],
          ['Edit', edit],
          ['Coach', coach]
        ] as const) {
          expect(await locator.isVisible(), `the ${what} is not visible`);
          expect(await insideOf(locator, table), `the ${what} is outside the table's view`);
        }
        // Headers do not wrap: every header is one line high.
        const heights = await page
          .locator('c-pipeline-review table[data-id="deals"] thead th')
          .evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().height));
        expect(
          Math.max(...heights) - Math.min(...heights) < 2,
          `header heights differ: ${heights.join(', ')}`
        );
        // Closed deals have no Edit or Coach.
        const closedWithActions = await page
          .locator('c-pipeline-review tr[data-row]')
          .filter({ has: page.locator('[data-cell="actions"]', { hasText: 'Closed' }) })
          .locator('lightning-button-icon')
          .count();
        expect(closedWithActions === 0, `${closedWithActions} actions on closed deals`);
        await page.screenshot({
          path: join(SCREENSHOTS_DIR, 'pipeline-review-1440.png'),
          fullPage: true
        });
        await page.setViewportSize({ width: 390, height: 844 });
        await name.waitFor({ timeout: TIMEOUT_MS });
        expect(await insideOf(name, table), 'at 390 px the deal name is outside the table');
        expect(await insideOf(edit, table), 'at 390 px the Edit action is outside the table');
        await page.screenshot({
          path: join(SCREENSHOTS_DIR, 'pipeline-review-390.png'),
          fullPage: true
        });
      } finally {
        await page.setViewportSize({ width: 1400, height: 1000 });
        await actAs(context, 'seller1');
      }
    },

  'the pipeline review’s waterfall shows the changes panel’s bridge figures': async (context) => {
    const { page, running } = context;
    await openReview(context);
    await page
      .locator('c-pipeline-review c-pipeline-waterfall button[data-id="toggle-table"]')
      .click({ timeout: TIMEOUT_MS });
    const steps = [
      'opening',
      'newDeals',
      'movedIn',
      'amountChange',
      'won',
      'lost',
      'movedOut',
      'movedEarlier',
      'closing'
    ];
    const values: Record<string, number> = {};
    for (const step of steps) {
      const inChart = await page
        .locator(
          `c-pipeline-review [data-id="waterfall-table"] tr[data-step="${step}"] [data-id="value"]`
        )
        .getAttribute('title', { timeout: TIMEOUT_MS });
      const inPanel = await page
        .locator(`c-pipeline-review [data-bridge="${step}"]`)
        .getAttribute('title', { timeout: TIMEOUT_MS });
      expect(
        inChart !== null && inChart === inPanel,
        `${step}: the waterfall says ${inChart}, the panel ${inPanel}`
      );
      values[step] = signedAmount(inChart ?? '');
    }
    // The bridge adds up, and closes on the team's open pipeline as the dataset sums it.
    const sum = steps
      .filter((step) => step !== 'opening' && step !== 'closing')
      .reduce((total, step) => total + values[step], values.opening);
    expect(
      Math.abs(sum - values.closing) < 0.005,
      `the bridge adds to ${sum}, not ${values.closing}`
    );
    const closing = openPipelineOfTeam(running);
    expect(
      Math.abs(values.closing - closing) < 0.005,
      `the bridge closes on ${values.closing}, the dataset's open pipeline is ${closing}`
    );
    await actAs(context, 'seller1');
  },

  'the pipeline review of a future period shows no red tile': async (context) => {
    const { page } = context;
    await openReview(context);
    const period = page.locator('c-pipeline-review lightning-combobox[data-id="period"]');
    await period.locator('button[role="combobox"]').click({ timeout: TIMEOUT_MS });
    await period
      .locator('lightning-base-combobox-item[data-value="2027-01-01..2027-03-31"]')
      .click({ timeout: TIMEOUT_MS });
    await page
      .locator('c-pipeline-review [data-tile="coverage"] [data-id="tile-status"]', {
        hasText: 'not started'
      })
      .waitFor({ timeout: TIMEOUT_MS });
    // Changes of a period that has not started count from today, not from its start.
    const changesTitle = await page
      .locator('c-pipeline-review [data-id="changes"] h3')
      .textContent({ timeout: TIMEOUT_MS });
    expect(
      changesTitle?.includes('Nov 16, 2026') === true,
      `the changes are counted "${changesTitle}"`
    );
    const red = await page.locator('c-pipeline-review [data-tile] .slds-text-color_error').count();
    const below = await page
      .locator('c-pipeline-review [data-tile]', { hasText: 'Below target' })
      .count();
    expect(red === 0 && below === 0, `${red} red statuses and ${below} "Below target" tiles`);
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

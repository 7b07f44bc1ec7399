/**
 * Reports and dashboards in the browser: the director opens the Sales Leadership dashboard and
 * every component is drawn from the sample org, with trend lines over the 26 weeks of KPI
 * snapshots; a manager opens the Data Quality dashboard and sees their team; clicking a component
 * drills down into its report, which states its running user and shows its groupings and details.
 * Expected figures come from the dataset and the dashboard files, never from the report engine
 * the pages use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT, SCREENSHOTS_DIR } from '../paths';
import type { OrgRecord } from '../../org/embeddedOrg';
import type { WorkbenchOrg } from '../server/workbenchOrg';
import { actAs, expect, sampleUser, TIMEOUT_MS, type BrowserSuite } from './harness';

const LEADERSHIP = 'SSM_Dashboards/SSM_Sales_Leadership';
const DATA_QUALITY = 'SSM_Dashboards/SSM_Data_Quality';

/** The component titles of a dashboard file, in the file's order. */
function componentTitles(fullName: string): string[] {
  const [folder, name] = fullName.split('/');
  const xml = readFileSync(
    join(
      REPO_ROOT,
      'force-app',
      'main',
      'default',
      'dashboards',
      folder,
      `${name}.dashboard-meta.xml`
    ),
    'utf8'
  );
  const components = xml.match(/<dashboardComponent>[\s\S]*?<\/dashboardComponent>/g) ?? [];
  return components.map((component) => /<title>([^<]*)<\/title>/.exec(component)?.[1] ?? '');
}

function visible(workbench: WorkbenchOrg, objectName: string, userKey: string): OrgRecord[] {
  const user = sampleUser(workbench, userKey);
  return workbench.records(objectName).filter((record) => workbench.canSee(user.id, record.Id));
}

async function openDashboard(page: Page, url: string, fullName: string): Promise<void> {
  await page.goto(`${url}#/dashboards`);
  await page.reload();
  // Keyboard: the list is plain links, opened with Enter.
  await page.locator(`[data-dashboard="${fullName}"]`).focus({ timeout: TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page
    .locator(`[data-id="dashboard"][data-dashboard="${fullName}"]`)
    .waitFor({ timeout: TIMEOUT_MS });
}

function card(page: Page, title: string) {
  return page.locator('[data-component]').filter({
    has: page.locator('[data-id="chart-title"]', { hasText: title })
  });
}

/** Every component of the file is on the page, titled, drawn (an SVG or a figure), none failed. */
async function expectEveryComponentDrawn(page: Page, fullName: string): Promise<void> {
  const titles = componentTitles(fullName);
  expect(titles.length > 0, `${fullName} has no components`);
  const shown = (await page.locator('[data-id="chart-title"]').allTextContents()).map((text) =>
    text.trim()
  );
  expect(
    shown.join('|') === titles.join('|'),
    `the page shows the components ${shown.join(', ')}, the file ${titles.join(', ')}`
  );
  expect(
    (await page.locator('[data-id="component-error"]').count()) === 0,
    'a component shows an error'
  );
  for (const [index, title] of titles.entries()) {
    const component = page.locator('[data-component]').nth(index);
    const drawn =
      (await component.locator('svg[data-id="chart-svg"]').count()) +
      (await component.locator('[data-id="metric"]').count());
    expect(drawn === 1, `${title} is not drawn (no chart, no figure)`);
  }
}

async function metricOf(page: Page, title: string): Promise<number> {
  const text = await card(page, title).locator('[data-id="metric"]').textContent();
  return Number((text ?? '').replace(/[^\d.-]/g, ''));
}

/** The first and last day of the calendar quarter of a date (the sample's fiscal year is the calendar year). */
function quarterOf(today: string): { start: string; end: string } {
  const year = Number(today.slice(0, 4));
  const first = Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1;
  const last = new Date(Date.UTC(year, first + 2, 0)).toISOString().slice(0, 10);
  return { start: `${year}-${String(first).padStart(2, '0')}-01`, end: last };
}

const suite: BrowserSuite = {
  'the director opens the Sales Leadership dashboard: every component drawn, 26-week trends':
    async (context) => {
      const { page, running } = context;
      const { workbench } = running;
      await actAs(context, 'director');
      await openDashboard(page, running.url, LEADERSHIP);
      const user = await page.locator('[data-id="running-user"]').textContent();
      expect(/Karen Lund/.test(user ?? ''), `the dashboard runs as "${user}", not the director`);
      await expectEveryComponentDrawn(page, LEADERSHIP);

      const deals = visible(workbench, 'Opportunity', 'director');
      const withoutNextStep = deals.filter((deal) => deal.IsClosed !== true && !deal.NextStep);
      const shown = await metricOf(page, 'Deals without Next Step');
      expect(
        shown === withoutNextStep.length,
        `Deals without Next Step shows ${shown}, the director sees ${withoutNextStep.length}`
      );

      const weeks = new Set(
        visible(workbench, 'KPI_Snapshot__c', 'director').map((row) => String(row.Week_Start__c))
      );
      expect(weeks.size === 26, `the sample org has KPI snapshots of ${weeks.size} weeks, not 26`);
      const trends = componentTitles(LEADERSHIP).filter((title) => /26 weeks/i.test(title));
      expect(trends.length > 0, 'the dashboard has no 26-week trend');
      for (const title of trends) {
        const lines = card(page, title).locator('[data-shape="line"]');
        const points = await Promise.all(
          (await lines.all()).map((line) => line.locator('[data-shape="point"]').count())
        );
        expect(
          Math.max(0, ...points) === weeks.size,
          `${title} draws lines of ${points.join(', ')} points, not one per week (${weeks.size})`
        );
      }
    },

  'a manager opens the Data Quality dashboard and sees their team': async (context) => {
    const { page, running } = context;
    const { workbench } = running;
    await actAs(context, 'manager1');
    await openDashboard(page, running.url, DATA_QUALITY);
    await expectEveryComponentDrawn(page, DATA_QUALITY);
    const ownersOf = (userKey: string) =>
      new Set(
        visible(workbench, 'Data_Quality_Finding__c', userKey)
          .filter((finding) => !finding.Resolved_On__c && finding.Kind__c === 'Data Quality')
          .map((finding) => finding.OwnerId)
      ).size;
    const owners = ownersOf('manager1');
    expect(owners < ownersOf('director'), 'the manager sees as many owners as the director');
    const byOwner = card(page, 'Open Findings by Owner');
    await byOwner.locator('[data-id="toggle-table"]').click({ timeout: TIMEOUT_MS });
    const rows = await byOwner.locator('[data-id="chart-table"] tbody tr').count();
    expect(
      rows === owners,
      `the owner table lists ${rows} owners, the manager's team has ${owners}`
    );
  },

  'clicking a dashboard component drills down into its report': async (context) => {
    const { page, running } = context;
    const { workbench } = running;
    await actAs(context, 'director');
    await openDashboard(page, running.url, LEADERSHIP);
    const title = 'Pipeline by Forecast Category (this quarter)';
    await card(page, title).locator('[data-id="drill-down"]').click({ timeout: TIMEOUT_MS });
    const report = page.locator('[data-id="report"]');
    await report.waitFor({ timeout: TIMEOUT_MS });
    const heading = (await page.locator('[data-id="report-title"]').textContent())?.trim();
    expect(heading === 'Pipeline by Forecast Category', `the drill-down opens "${heading}"`);
    const quarter = quarterOf(workbench.today);
    const deals = visible(workbench, 'Opportunity', 'director').filter(
      (deal) => String(deal.CloseDate) >= quarter.start && String(deal.CloseDate) <= quarter.end
    );
    const header = await page.locator('[data-id="running-user"]').textContent();
    expect(
      header?.trim() === `Running user: Karen Lund · ${deals.length} records`,
      `the report states "${header}", not the director and ${deals.length} records`
    );
    const categories = new Set(deals.map((deal) => deal.ForecastCategoryName)).size;
    const groups = await page.locator('[data-id="summary-table"] tbody tr').count();
    // One row per forecast category, and the grand total.
    expect(
      groups === categories + 1,
      `the summary table has ${groups} rows, not ${categories + 1}`
    );
    const details = await page.locator('[data-id="details-table"] tbody tr').count();
    expect(details === deals.length, `the report lists ${details} deals, not ${deals.length}`);
    // The drill-down's own screenshot (the test's ends on the list it goes back to).
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'report-drill-down.png') });
    await page.locator('[data-id="back"]').click({ timeout: TIMEOUT_MS });
    // Back on the list of reports, every folder's reports as links.
    await page
      .locator('[data-id="reports-list"] a[data-report]')
      .first()
      .waitFor({ timeout: TIMEOUT_MS });
  }
};

export default suite;

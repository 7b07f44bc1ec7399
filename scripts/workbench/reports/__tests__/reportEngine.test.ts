/**
 * The report engine on the sample org with the fixture metadata in __fixtures__/force-app:
 * summaries, groupings, row limits, joins and scope, run as the user with sharing.
 */
import { join } from 'node:path';
import { inDkk } from '../../../sample/__tests__/inDkk';
import { openWorkbenchOrg, type WorkbenchOrg } from '../../server/workbenchOrg';
import { runDashboard } from '../dashboardRun';
import { findDashboard, findReport, loadReportCatalog, reportTypeOf } from '../reportCatalog';
import { relativeDateRange, epochDayOfIso } from '../reportFilters';
import { ReportMetadataError, parseReport } from '../reportMetadata';
import { reportOrgOf, type ReportOrg } from '../reportOrg';
import { runReport, type ReportResult } from '../reportRun';

const FIXTURES = join(__dirname, '..', '__fixtures__', 'force-app');
const catalog = loadReportCatalog(FIXTURES);

let workbench: WorkbenchOrg;
let org: ReportOrg;
beforeAll(() => {
  workbench = openWorkbenchOrg({});
  org = reportOrgOf(workbench);
});

function userId(key: string): string {
  const found = workbench.users.find((user) => user.key === key);
  if (!found) throw new Error(`no sample user ${key}`);
  return found.id;
}

function run(fullName: string, key: string): ReportResult {
  const report = findReport(catalog, `Fixture_Reports/${fullName}`);
  if (!report) throw new Error(`no fixture report ${fullName}`);
  return runReport(report, reportTypeOf(catalog, report), { org, userId: userId(key) });
}

/** The opportunities the user may see, closing this quarter: the expected figures' source. */
function visibleDealsThisQuarter(key: string) {
  const quarter = relativeDateRange('THIS_QUARTER', org.calendar);
  if (!quarter) throw new Error('no quarter');
  return workbench
    .records('Opportunity')
    .filter((deal) => workbench.canSee(userId(key), deal.Id))
    .filter((deal) => {
      const day = epochDayOfIso(String(deal.CloseDate));
      return day >= quarter.start && day < quarter.end;
    });
}

describe('summary reports', () => {
  it('it_should_group_by_forecast_category_in_picklist_order_with_every_summary', () => {
    const result = run('Pipeline_By_Forecast_Category', 'director');
    const deals = visibleDealsThisQuarter('director');
    expect(result.rowCount).toBe(deals.length);
    expect(result.summaries.map((summary) => summary.key)).toEqual([
      'RowCount',
      'Sum!Opportunity$Amount',
      'Average!Opportunity$Amount',
      'Maximum!Opportunity$Amount',
      'Minimum!Opportunity$Amount'
    ]);
    const picklist = org.schema
      .field('Opportunity', 'ForecastCategoryName')
      ?.picklistValues.map((entry) => entry.value);
    const keys = result.groups.map((group) => group.key);
    expect(keys).toEqual(picklist?.filter((value) => keys.includes(value)));
    for (const group of result.groups) {
      const inGroup = deals.filter((deal) => deal.ForecastCategoryName === group.key);
      // Blank amounts count as rows, not as values; amounts in the viewer's DKK (convertCurrency).
      const amounts = inGroup.filter((deal) => typeof deal.Amount === 'number').map(inDkk);
      expect(group.values[0]).toBe(inGroup.length);
      expect(group.values[1]).toBeCloseTo(
        amounts.reduce((sum, amount) => sum + amount, 0),
        2
      );
      expect(group.values[2]).toBeCloseTo(
        amounts.reduce((sum, amount) => sum + amount, 0) / amounts.length,
        2
      );
      expect(group.values[3]).toBeCloseTo(Math.max(...amounts), 2);
      expect(group.values[4]).toBeCloseTo(Math.min(...amounts), 2);
    }
    expect(result.chart?.kind).toBe('column');
    expect(result.chart?.categories.map((category) => category.key)).toEqual(keys);
  });

  it('it_should_show_lookups_by_name_and_state_the_running_user', () => {
    const result = run('Pipeline_By_Forecast_Category', 'manager1');
    expect(result.runningUser.name).toBe('Mikkel Dahl');
    const ownerColumn = result.columns.findIndex((column) => column.key === 'Opportunity$Owner');
    const owners = new Set(result.rows.map((row) => row.cells[ownerColumn]));
    expect(
      [...owners].every((owner) => typeof owner === 'string' && !owner.startsWith('005'))
    ).toBe(true);
  });

  it('it_should_group_dates_by_month_then_coach_with_average_and_a_grouped_line', () => {
    const result = run('Coaching_By_Coach_And_Month', 'director');
    expect(result.rows).toEqual([]);
    expect(result.groupingsDown.map((grouping) => grouping.granularity)).toEqual(['Month', 'None']);
    const months = result.groups.map((group) => group.key);
    expect([...months].sort()).toEqual(months);
    expect(months.every((month) => /^\d{4}-\d{2}$/.test(month))).toBe(true);
    for (const month of result.groups) {
      const perCoach = month.children.reduce((sum, coach) => sum + (coach.values[0] ?? 0), 0);
      expect(perCoach).toBe(month.values[0]);
    }
    expect(result.chart?.kind).toBe('line');
    expect(result.chart?.categories.length).toBe(months.length);
    expect(result.chart?.series.length).toBeGreaterThan(0);
  });
});

describe('custom summary formulas, aggregate sort and combination charts', () => {
  it('it_should_sort_groups_by_record_count_and_compute_the_formula_per_group', () => {
    const result = run('Deals_By_Stage_Most_First', 'manager1');
    const counts = result.groups.map((group) => group.values[0] ?? 0);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    const formula = result.summaries.findIndex(
      (summary) => summary.key === 'FORMULA_AMOUNT_PER_DEAL'
    );
    expect(result.summaries[formula]).toEqual({
      key: 'FORMULA_AMOUNT_PER_DEAL',
      label: 'Amount per Deal',
      format: 'currency'
    });
    for (const group of result.groups) {
      const expected = Number(((group.values[1] ?? 0) / (group.values[0] ?? 1)).toFixed(2));
      expect(group.values[formula]).toBe(expected);
    }
    expect(result.chart?.combo).toBe(true);
    expect(result.chart?.series.map((series) => series.label)).toEqual([
      'Sum of Amount',
      'Amount per Deal'
    ]);
  });

  it('it_should_scope_a_team_report_to_the_manager_and_their_sellers', () => {
    const result = run('Deals_By_Stage_Most_First', 'manager1');
    const team = new Set(
      workbench.users
        .filter((user) => user.key === 'manager1' || user.role === 'seller')
        .map((user) => user.id)
    );
    const visible = workbench
      .records('Opportunity')
      .filter((deal) => workbench.canSee(userId('manager1'), deal.Id));
    const ownedByTeam = visible.filter((deal) =>
      org.users.some(
        (user) =>
          user.id === deal.OwnerId &&
          (user.id === userId('manager1') || user.managerId === userId('manager1'))
      )
    );
    expect(team.size).toBeGreaterThan(1);
    expect(result.rowCount).toBe(ownedByTeam.length);
  });
});

describe('tabular reports', () => {
  it('it_should_apply_filter_logic_sort_and_row_limit', () => {
    const result = run('Top_Open_Deals', 'director');
    expect(result.rowCount).toBe(5);
    const amounts = result.rows.map((row) => Number(row.cells[1]));
    expect([...amounts].sort((a, b) => b - a)).toEqual(amounts);
    const expected = workbench
      .records('Opportunity')
      .filter((deal) => workbench.canSee(userId('director'), deal.Id))
      .filter(
        (deal) =>
          deal.IsClosed !== true &&
          (inDkk(deal) >= 50000 || !String(deal.StageName).startsWith('Prosp'))
      )
      .map((deal) => (typeof deal.Amount === 'number' ? inDkk(deal) : Number.NEGATIVE_INFINITY))
      .sort((a, b) => b - a)
      .slice(0, 5);
    expect(amounts.map((amount) => Math.round(amount * 100))).toEqual(
      expected.map((amount) => Math.round(amount * 100))
    );
  });

  it('it_should_keep_accounts_without_deals_in_an_outer_join', () => {
    const result = run('Accounts_And_Deals', 'director');
    const accounts = workbench
      .records('Account')
      .filter((account) => workbench.canSee(userId('director'), account.Id));
    const deals = workbench
      .records('Opportunity')
      .filter((deal) => workbench.canSee(userId('director'), deal.Id));
    const withoutDeals = accounts.filter(
      (account) => !deals.some((deal) => deal.AccountId === account.Id)
    );
    const withDeals = deals.filter((deal) =>
      accounts.some((account) => account.Id === deal.AccountId)
    );
    expect(result.rowCount).toBe(withDeals.length + withoutDeals.length);
  });
});

describe('filters on lookups', () => {
  it('it_should_filter_a_lookup_by_the_name_the_report_shows', () => {
    const result = run('Jonas_Deals', 'director');
    const jonas = workbench
      .records('Opportunity')
      .filter((deal) => deal.OwnerId === userId('seller1'));
    expect(result.rowCount).toBe(jonas.length);
    expect(result.rowCount).toBeGreaterThan(0);
  });
});

describe('running as the user with sharing', () => {
  it('it_should_give_a_seller_only_their_rows_and_a_manager_their_team', () => {
    const seller = run('Pipeline_By_Forecast_Category', 'seller1');
    const manager = run('Pipeline_By_Forecast_Category', 'manager1');
    const director = run('Pipeline_By_Forecast_Category', 'director');
    expect(seller.rowCount).toBe(visibleDealsThisQuarter('seller1').length);
    expect(manager.rowCount).toBe(visibleDealsThisQuarter('manager1').length);
    expect(seller.rowCount).toBeLessThan(manager.rowCount);
    expect(manager.rowCount).toBeLessThan(director.rowCount);
    const ownerColumn = seller.columns.findIndex((column) => column.key === 'Opportunity$Owner');
    expect(new Set(seller.rows.map((row) => row.cells[ownerColumn]))).toEqual(
      new Set(['Jonas Holm'])
    );
  });

  it('it_should_narrow_a_my_records_scope_to_the_running_user', () => {
    const result = run('My_Won_Deals_By_Stage_Matrix', 'manager1');
    const own = workbench
      .records('Opportunity')
      .filter((deal) => deal.OwnerId === userId('manager1'));
    expect(result.rowCount).toBe(own.length);
    expect(result.acrossKeys.every((across) => /^\d{4}-Q[1-4]$/.test(across.key))).toBe(true);
  });
});

describe('bad metadata', () => {
  it('it_should_name_the_file_and_element_of_a_column_the_report_type_lacks', () => {
    expect(() => run('Wrong_Column', 'director')).toThrow(ReportMetadataError);
    expect(() => run('Wrong_Column', 'director')).toThrow(
      /Wrong_Column.report-meta.xml: <columns>: column "Opportunity\$Type": report type Fixture_Opportunities has no column Type/
    );
  });

  it('it_should_list_an_unreadable_file_as_a_problem_and_keep_the_others', () => {
    expect(catalog.problems).toEqual([
      {
        file: join(FIXTURES, 'reports', 'Fixture_Reports', 'Column_To_Column.report-meta.xml'),
        message: expect.stringMatching(
          /<criteriaItems> \(line \d+\): a filter that compares two columns \(columnToColumn\) is not run/
        )
      },
      {
        file: join(FIXTURES, 'reports', 'Fixture_Reports', 'Unknown_Operator.report-meta.xml'),
        message: expect.stringMatching(/<operator> \(line \d+\): "between" is not supported/)
      }
    ]);
    expect(catalog.reports.length).toBe(8);
  });

  it('it_should_refuse_xml_that_is_not_a_report', () => {
    expect(() => parseReport('x.report-meta.xml', '<Dashboard/>')).toThrow(
      /the root must be <Report>/
    );
    expect(() => parseReport('x.report-meta.xml', '<Report><name>')).toThrow(/not well-formed XML/);
  });
});

describe('dashboards', () => {
  it('it_should_run_a_logged_in_user_dashboard_as_the_viewer_and_draw_every_component', () => {
    const dashboard = findDashboard(catalog, 'Fixture_Dashboards/Fixture_Leadership');
    if (!dashboard) throw new Error('no fixture dashboard');
    const result = runDashboard(catalog, dashboard, org, userId('manager1'));
    expect(result.runningUser.name).toBe('Mikkel Dahl');
    expect(result.components.map((component) => [component.chart?.kind, component.error])).toEqual([
      ['column', null],
      ['metric', null],
      ['line', null],
      ['donut', null]
    ]);
    expect(result.components[1].chart?.total).toBe(visibleDealsThisQuarter('manager1').length);
  });

  it('it_should_run_a_specified_user_dashboard_as_its_running_user', () => {
    const dashboard = findDashboard(catalog, 'Fixture_Dashboards/Fixture_Director_View');
    if (!dashboard) throw new Error('no fixture dashboard');
    const result = runDashboard(catalog, dashboard, org, userId('seller1'));
    expect(result.runningUser.name).toBe('Karen Lund');
    expect(result.components[1].chart?.total).toBe(visibleDealsThisQuarter('director').length);
  });

  it('it_should_draw_the_components_that_run_and_say_why_the_others_cannot', () => {
    const dashboard = findDashboard(catalog, 'Fixture_Dashboards/Fixture_Broken');
    if (!dashboard) throw new Error('no fixture dashboard');
    const result = runDashboard(catalog, dashboard, org, userId('director'));
    expect(
      result.components.map((component) => [component.chart?.kind ?? null, component.error])
    ).toEqual([
      ['metric', null],
      [
        null,
        expect.stringMatching(
          /<report> \(line \d+\): component 2 names Fixture_Reports\/No_Such_Report/
        )
      ],
      [
        null,
        expect.stringMatching(
          /<componentType> \(line \d+\): "Funnel" is not drawn by the workbench/
        )
      ],
      [null, expect.stringMatching(/Wrong_Column.report-meta.xml: <columns>/)]
    ]);
  });
});

/**
 * Runs a dashboard: its running user (the viewer for LoggedInUser and MyTeamUser dashboards, the
 * named user for SpecifiedUser ones), then each component's report as that user, charted as the
 * component says. A component whose report cannot run carries its error; the others still draw.
 */
import { findReport, reportTypeOf, type ReportCatalog } from './reportCatalog';
import {
  ReportMetadataError,
  type DashboardComponentMeta,
  type DashboardMeta
} from './reportMetadata';
import type { ReportOrg } from './reportOrg';
import {
  chartKindOf,
  reportChartSource,
  ReportRunError,
  ReportRunner,
  type ChartResult,
  type ChartSource
} from './reportRun';

export interface DashboardComponentResult {
  key: string;
  title: string;
  footer: string | null;
  /** `Folder/Report`, the drill-down. */
  report: string;
  reportLabel: string | null;
  chart: ChartResult | null;
  error: string | null;
}

export interface DashboardResult {
  fullName: string;
  title: string;
  description: string | null;
  dashboardType: DashboardMeta['dashboardType'];
  runningUser: { id: string; name: string };
  components: DashboardComponentResult[];
}

/** Who a dashboard runs as when `viewerId` opens it. */
export function dashboardRunningUser(
  dashboard: DashboardMeta,
  org: ReportOrg,
  viewerId: string
): { id: string; name: string } {
  if (dashboard.dashboardType !== 'SpecifiedUser') {
    const viewer = org.users.find((user) => user.id === viewerId);
    return { id: viewerId, name: viewer?.name ?? viewerId };
  }
  const wanted = (dashboard.runningUser ?? '').toLowerCase();
  const user = org.users.find((candidate) => candidate.username.toLowerCase() === wanted);
  if (!user) {
    throw new ReportMetadataError(
      dashboard.file,
      'runningUser',
      0,
      `no user with the username "${dashboard.runningUser ?? ''}" in the org`
    );
  }
  return { id: user.id, name: user.name };
}

function componentChart(
  component: DashboardComponentMeta,
  dashboard: DashboardMeta,
  reportChart: ChartSource | null
): ChartSource {
  if (component.useReportChart) {
    if (!reportChart) {
      throw new ReportMetadataError(
        dashboard.file,
        'useReportChart',
        component.line,
        `component ${component.index + 1} uses the report's chart, and ${component.report} has none`
      );
    }
    return reportChart;
  }
  const kind = chartKindOf(component.componentType);
  if (!kind) {
    throw new ReportMetadataError(
      dashboard.file,
      'componentType',
      component.line,
      `"${component.componentType}" is not drawn by the workbench (Line, Column, Bar, Donut, Pie, Metric, Gauge, Table are)`
    );
  }
  return {
    ...kind,
    title: null,
    groupings: component.groupingColumns,
    summaries: component.summaries,
    sortBy: component.sortBy,
    maxValues: component.maxValuesDisplayed,
    gauge:
      kind.kind === 'gauge'
        ? {
            min: component.gaugeMin ?? 0,
            max: component.gaugeMax ?? 100,
            breakpoints: component.breakpoints
          }
        : undefined
  };
}

export function runDashboard(
  catalog: ReportCatalog,
  dashboard: DashboardMeta,
  org: ReportOrg,
  viewerId: string
): DashboardResult {
  const runningUser = dashboardRunningUser(dashboard, org, viewerId);
  const components = dashboard.components.map((component): DashboardComponentResult => {
    const title = component.title ?? component.header ?? component.metricLabel ?? component.report;
    const result: DashboardComponentResult = {
      key: `component-${component.index}`,
      title,
      footer: component.footer,
      report: component.report,
      reportLabel: null,
      chart: null,
      error: null
    };
    try {
      const report = findReport(catalog, component.report);
      if (!report) {
        throw new ReportMetadataError(
          dashboard.file,
          'report',
          component.line,
          `component ${component.index + 1} names ${component.report}, which is not in reports/`
        );
      }
      result.reportLabel = report.label;
      const runner = new ReportRunner(report, reportTypeOf(catalog, report), {
        org,
        userId: runningUser.id
      });
      const source = componentChart(component, dashboard, reportChartSource(report));
      result.chart = runner.chart(runner.rows(), { ...source, title });
    } catch (error) {
      if (!(error instanceof ReportMetadataError || error instanceof ReportRunError)) throw error;
      result.error = error.message;
    }
    return result;
  });
  return {
    fullName: dashboard.fullName,
    title: dashboard.title,
    description: dashboard.description,
    dashboardType: dashboard.dashboardType,
    runningUser,
    components
  };
}

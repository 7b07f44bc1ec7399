/**
 * The workbench API of the Reports and Dashboards tabs: the folders and what is in them, a report
 * run as the acting user, a dashboard run as its running user. A report or dashboard whose
 * metadata cannot run answers 422 with the reason, which the page shows in its error panel.
 */
import type { WorkbenchOrg, WorkbenchUser } from '../server/workbenchOrg';
import { runDashboard } from './dashboardRun';
import {
  findDashboard,
  findReport,
  loadReportCatalog,
  reportTypeOf,
  type ReportCatalog
} from './reportCatalog';
import { ReportMetadataError } from './reportMetadata';
import { reportOrgOf } from './reportOrg';
import { ReportRunError, runReport } from './reportRun';

export interface ReportsApiResponse {
  status: number;
  body: unknown;
}

function notFound(what: string): ReportsApiResponse {
  return { status: 404, body: { message: `${what} is not in the package` } };
}

function folders<T extends { folder: string }, U>(
  catalog: ReportCatalog,
  items: readonly T[],
  summary: (item: T) => U
): { name: string; label: string; items: U[] }[] {
  const names = [...new Set(items.map((item) => item.folder))].sort();
  return names.map((name) => ({
    name,
    label: catalog.folderLabels.get(name) ?? name,
    items: items.filter((item) => item.folder === name).map(summary)
  }));
}

function guarded(run: () => unknown): ReportsApiResponse {
  try {
    return { status: 200, body: run() };
  } catch (error) {
    if (error instanceof ReportMetadataError || error instanceof ReportRunError) {
      return { status: 422, body: { message: error.message } };
    }
    throw error;
  }
}

/** Answers GET /api/reports[/<Folder>/<Name>] and /api/dashboards[/<Folder>/<Name>]. */
export function handleReportsApi(
  workbench: WorkbenchOrg,
  acting: WorkbenchUser,
  route: readonly string[],
  catalog: ReportCatalog = loadReportCatalog()
): ReportsApiResponse {
  const [kind, ...rest] = route;
  const fullName = rest.join('/');
  if (kind === 'reports' && rest.length === 0) {
    return {
      status: 200,
      body: {
        folders: folders(catalog, catalog.reports, (report) => ({
          fullName: report.fullName,
          label: report.label,
          description: report.description
        })),
        problems: catalog.problems
      }
    };
  }
  if (kind === 'dashboards' && rest.length === 0) {
    return {
      status: 200,
      body: {
        folders: folders(catalog, catalog.dashboards, (dashboard) => ({
          fullName: dashboard.fullName,
          label: dashboard.title,
          description: dashboard.description
        })),
        problems: catalog.problems
      }
    };
  }
  if (kind === 'reports' && rest.length === 2) {
    const report = findReport(catalog, fullName);
    if (!report) return notFound(`The report ${fullName}`);
    return guarded(() =>
      runReport(report, reportTypeOf(catalog, report), {
        org: reportOrgOf(workbench, acting.id),
        userId: acting.id
      })
    );
  }
  if (kind === 'dashboards' && rest.length === 2) {
    const dashboard = findDashboard(catalog, fullName);
    if (!dashboard) return notFound(`The dashboard ${fullName}`);
    return guarded(() =>
      runDashboard(catalog, dashboard, reportOrgOf(workbench, acting.id), acting.id)
    );
  }
  return notFound(`/${route.join('/')}`);
}

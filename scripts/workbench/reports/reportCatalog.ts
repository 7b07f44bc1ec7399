/**
 * The package's report types, reports and dashboards, read from force-app on each request (the
 * files are small, and a change shows on the next page load as `npm start` promises). A file the
 * engine cannot read is listed with its reason instead of hiding the others.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../paths';
import {
  parseDashboard,
  parseReport,
  parseReportType,
  ReportMetadataError,
  type DashboardMeta,
  type ReportMeta,
  type ReportTypeMeta
} from './reportMetadata';

export const DEFAULT_SOURCE_DIR = join(REPO_ROOT, 'force-app', 'main', 'default');

export interface CatalogProblem {
  file: string;
  message: string;
}

export interface ReportCatalog {
  reportTypes: ReadonlyMap<string, ReportTypeMeta>;
  reports: readonly ReportMeta[];
  dashboards: readonly DashboardMeta[];
  /** Folder labels by folder developer name. */
  folderLabels: ReadonlyMap<string, string>;
  problems: readonly CatalogProblem[];
}

const MAX_FILES = 1000;

function filesIn(dir: string, suffix: string, depth: number): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (depth > 0 && statSync(path).isDirectory()) found.push(...filesIn(path, suffix, depth - 1));
    else if (entry.endsWith(suffix)) found.push(path);
    if (found.length >= MAX_FILES) break;
  }
  return found;
}

function folderLabel(file: string): [string, string] {
  const name =
    file
      .split(/[\\/]/)
      .at(-1)
      ?.replace(/\.(report|dashboard)Folder-meta\.xml$/, '') ?? '';
  const label = /<name>([^<]*)<\/name>/.exec(readFileSync(file, 'utf8'))?.[1]?.trim();
  return [name, label || name];
}

export function loadReportCatalog(sourceDir: string = DEFAULT_SOURCE_DIR): ReportCatalog {
  const problems: CatalogProblem[] = [];
  const read = <T>(file: string, parse: (file: string, text: string) => T): T[] => {
    try {
      return [parse(file, readFileSync(file, 'utf8'))];
    } catch (error) {
      if (!(error instanceof ReportMetadataError)) throw error;
      problems.push({ file, message: error.message });
      return [];
    }
  };
  const reportTypes = filesIn(join(sourceDir, 'reportTypes'), '.reportType-meta.xml', 0).flatMap(
    (file) => read(file, parseReportType)
  );
  const reports = filesIn(join(sourceDir, 'reports'), '.report-meta.xml', 1).flatMap((file) =>
    read(file, parseReport)
  );
  const dashboards = filesIn(join(sourceDir, 'dashboards'), '.dashboard-meta.xml', 1).flatMap(
    (file) => read(file, parseDashboard)
  );
  const folders = [
    ...filesIn(join(sourceDir, 'reports'), '.reportFolder-meta.xml', 0),
    ...filesIn(join(sourceDir, 'dashboards'), '.dashboardFolder-meta.xml', 0)
  ].map(folderLabel);
  return {
    reportTypes: new Map(reportTypes.map((type) => [type.name.toLowerCase(), type])),
    reports,
    dashboards,
    folderLabels: new Map(folders),
    problems
  };
}

/** The report type a report names: a custom report type `Name__c` is reportTypes/Name. */
export function reportTypeOf(catalog: ReportCatalog, report: ReportMeta): ReportTypeMeta {
  const name = report.reportType.replace(/__c$/, '').toLowerCase();
  const type = catalog.reportTypes.get(name);
  if (!type) {
    throw new ReportMetadataError(
      report.file,
      'reportType',
      0,
      report.reportType.endsWith('__c')
        ? `no custom report type ${report.reportType} (reportTypes/${report.reportType.replace(/__c$/, '')}.reportType-meta.xml)`
        : `"${report.reportType}" is a standard report type; the workbench runs custom report types (Name__c) only`
    );
  }
  return type;
}

export function findReport(catalog: ReportCatalog, fullName: string): ReportMeta | undefined {
  return catalog.reports.find((report) => report.fullName.toLowerCase() === fullName.toLowerCase());
}

export function findDashboard(catalog: ReportCatalog, fullName: string): DashboardMeta | undefined {
  return catalog.dashboards.find(
    (dashboard) => dashboard.fullName.toLowerCase() === fullName.toLowerCase()
  );
}

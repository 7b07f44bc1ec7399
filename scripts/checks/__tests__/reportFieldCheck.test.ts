/*
 * Field notation the check relies on. The Metadata API Developer Guide documents a custom report
 * type's column as a `field` plus the `table` it belongs to, the base object or, for a joined
 * object, the relationship path (ReportType, ReportTypeColumn:
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_reporttype.htm),
 * and a report's columns, filters and groupings as plain strings (Report). How those strings name a
 * custom report type's column is not spelled out there; reports retrieved from orgs
 * (`sf project retrieve start -m Report:Folder/Name`) write `<table>$<field>`, with a field
 * reached through a lookup as `Lookup__c.Field`, e.g. `Opportunity$Account.Type` or
 * `Data_Quality_Finding__c$Opportunity__c.Amount`, and a report type must list every such field
 * itself (having it on the object is not enough). That is the form this check enforces.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runReportFieldCheck } from '../reportFieldCheck';
import type { Finding } from '../findings';

const FIXTURES = join(__dirname, '..', '__fixtures__', 'reports');
const PROJECT_ROOT = join(__dirname, '..', '..', '..');
const REPORT = 'force-app/main/default/reports/Sales/Deals_By_Stage.report-meta.xml';
const DASHBOARD = 'force-app/main/default/dashboards/Sales_Dashboards/Sales.dashboard-meta.xml';

/** Runs `check` on a temporary copy of the good fixture with one variant's files laid over it. */
function withVariant<T>(variant: string, check: (folder: string) => T): T {
  const folder = mkdtempSync(join(tmpdir(), 'report-field-'));
  try {
    cpSync(join(FIXTURES, 'good'), folder, { recursive: true });
    cpSync(join(FIXTURES, variant), folder, { recursive: true });
    return check(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function findingsWith(variant: string): string[] {
  return withVariant(variant, (folder) => describeFindings(runReportFieldCheck(folder), folder));
}

function describeFindings(findings: readonly Finding[], root: string): string[] {
  return findings.map(
    (finding) => `${relative(root, finding.file)}:${finding.line} ${finding.message}`
  );
}

describe('check:reports', () => {
  it('passes a report type, report and dashboard that agree', () => {
    expect(describeFindings(runReportFieldCheck(join(FIXTURES, 'good')), FIXTURES)).toEqual([]);
  });

  it('exits non-zero from the command line and prints file:line, element and field', () => {
    const result = withVariant('wrong-filter', (folder) =>
      spawnSync(
        process.execPath,
        [require.resolve('tsx/cli'), join(__dirname, '..', 'reportFieldCheck.ts'), folder],
        { encoding: 'utf8', cwd: folder }
      )
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${REPORT}:24:7 Report Sales/Deals_By_Stage: filter 'Deal__c$Territory__c' is not a field of report type Deals (table Deal__c) [report-field]`
    );
  }, 30_000);

  it('passes the project tree', () => {
    expect(describeFindings(runReportFieldCheck(PROJECT_ROOT), PROJECT_ROOT)).toEqual([]);
  });

  it('fails on a column that names a field its report type does not expose', () => {
    expect(findingsWith('wrong-column')).toEqual([
      `${REPORT}:16 Report Sales/Deals_By_Stage: column 'Deal__c$Customer__c.Industry' is not a field of report type Deals (table Deal__c)`
    ]);
  });

  it('fails on a filter that names a field its report type does not expose', () => {
    expect(findingsWith('wrong-filter')).toEqual([
      `${REPORT}:24 Report Sales/Deals_By_Stage: filter 'Deal__c$Territory__c' is not a field of report type Deals (table Deal__c)`
    ]);
  });

  it('fails on a grouping that names a field its report type does not expose, and on the chart and dashboard still grouping by the old field', () => {
    expect(findingsWith('wrong-grouping')).toEqual([
      `${REPORT}:31 Report Sales/Deals_By_Stage: grouping 'Deal__c$Stage_Name__c' is not a field of report type Deals (table Deal__c)`,
      `${REPORT}:10 Report Sales/Deals_By_Stage: chart grouping 'Deal__c$Stage__c' is not a grouping of the report`,
      `${DASHBOARD}:17 Dashboard Sales_Dashboards/Sales: component grouping 'Deal__c$Stage__c' is not a grouping of report Sales/Deals_By_Stage`
    ]);
  });

  it('fails on a dashboard component whose report does not exist', () => {
    expect(findingsWith('wrong-dashboard')).toEqual([
      `${DASHBOARD}:18 Dashboard Sales_Dashboards/Sales: component names report 'Sales/Deals_By_Region', which does not exist in the project`
    ]);
  });

  it('fails on a dashboard component grouped by a field its report does not group by', () => {
    expect(findingsWith('wrong-dashboard-grouping')).toEqual([
      `${DASHBOARD}:17 Dashboard Sales_Dashboards/Sales: component grouping 'Deal__c$Region__c' is not a grouping of report Sales/Deals_By_Stage`
    ]);
  });

  it('fails on a dashboard component drawing a summary its report does not compute', () => {
    expect(findingsWith('wrong-summary')).toEqual([
      `${DASHBOARD}:14 Dashboard Sales_Dashboards/Sales: component summary Average of 'Deal__c$Amount__c' is not a summarized column of report Sales/Deals_By_Stage`
    ]);
  });

  it('fails on a report type column naming a custom field its object does not have', () => {
    expect(findingsWith('wrong-report-type')).toEqual([
      "force-app/main/default/reportTypes/Deals.reportType-meta.xml:25 Report type Deals: column 'Amount_Usd__c' on Deal__c: Deal__c has no field 'Amount_Usd__c'",
      `${REPORT}:20 Report Sales/Deals_By_Stage: column 'Deal__c$Amount__c' is not a field of report type Deals (table Deal__c)`,
      `${REPORT}:7 Report Sales/Deals_By_Stage: chart 'Deal__c$Amount__c' is not a field of report type Deals (table Deal__c)`
    ]);
  });
});

/**
 * `ssm audit --csv`: exports with a byte-order mark, quoted commas and line breaks, blank
 * values and malformed rows, audited with the shipped rules; every expected figure is worked
 * out by hand in the comments (today 2026-11-16, period 2026-Q4 = 2026-10-01..2026-12-31).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditReport } from '../audit';
import { EXIT } from '../exitCodes';
import { runCli } from './cliHarness';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ssm-csv-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function audit(
  csv: string,
  object: string,
  extra: string[] = []
): Promise<{ code: number; stdout: string; stderr: string; report: AuditReport }> {
  const file = join(dir, 'export.csv');
  writeFileSync(file, csv);
  const json = join(dir, 'report.json');
  const result = await runCli(
    ['audit', '--csv', file, '--object', object, '--today', '2026-11-16', '--json', json, ...extra],
    {}
  );
  const report = JSON.parse(readFileSync(json, 'utf8')) as AuditReport;
  return { ...result, report };
}

const rule = (report: AuditReport, name: string) => report.rules.find((r) => r.name === name);

const OPPORTUNITIES = [
  '\uFEFFId,Name,OwnerId,StageName,Amount,Probability,CloseDate,CreatedDate,IsClosed,IsWon,ForecastCategoryName,NextStep',
  // Line 2-3: a comma in the name, a line break in the next step. Open, Q4, Commit at 90 %.
  '006A,"Acme, Inc. - Renewal",005S1,Negotiation/Review,100000,90,2026-12-15,2026-09-01T10:00:00.000Z,false,false,Commit,"Send contract,',
  'then call"',
  // Line 4: blank amount and next step, closing this month at 10 %.
  '006B,Beta Deal,005S1,Prospecting,,10,2026-11-20,2026-10-01T00:00:00.000Z,false,false,Pipeline,',
  // Line 5: quoted blank next step, close date passed.
  '006C,Gamma,005S2,Proposal/Price Quote,50000,75,2026-10-31,2026-08-15T12:00:00.000Z,false,false,Commit,""',
  // Line 6: won; created 2026-07-12 23:30 at -05:00, i.e. 2026-07-13 UTC: an 89-day cycle.
  '006D,Delta Won,005S2,Closed Won,80000,100,2026-10-10,2026-07-12T23:30:00.000-05:00,true,true,Closed,Done',
  // Line 7: lost.
  '006E,Echo Lost,005S1,Closed Lost,20000,0,2026-11-02,2026-09-20T08:00:00Z,true,false,Omitted,',
  // Line 8: four fields only.
  '006F,Foxtrot,005S1,Qualification',
  // Line 9: an amount that is not a number.
  '006G,Golf,005S2,Qualification,12k,20,2026-11-30,2026-10-01T00:00:00Z,false,false,Pipeline,Call',
  // Line 10: a date in a local format.
  '006H,Hotel,005S2,Qualification,1000,20,30/11/2026,2026-10-01T00:00:00Z,false,false,Pipeline,Call',
  // Line 11: open, but closing in 2027-Q1: audited by the rules, outside the period's pipeline.
  '006I,India,005S1,Qualification,30000,20,2027-01-15,2026-10-01T00:00:00.000Z,false,false,Pipeline,Call',
  // Line 12: a stray quote.
  '006K,Ki"lo,005S1,Qualification,1000,20,2026-11-30,2026-10-01T00:00:00Z,false,false,Pipeline,Call',
  // Line 13: a quote that never closes (the file ends without a line break).
  '006J,"Juliet,005S1,Qualification,1000,20,2026-11-30,2026-10-01T00:00:00Z,false,false,Pipeline,Call'
].join('\n');

describe('ssm audit --csv', () => {
  it('audits an Opportunity export with quoted fields, a BOM, blanks and malformed rows', async () => {
    const { code, stdout, report } = await audit(OPPORTUNITIES, 'Opportunity', [
      '--period',
      '2026-Q4'
    ]);

    // Malformed rows make the exit code 1; the audit still covers the good rows.
    expect(code).toBe(EXIT.rowProblems);
    expect(report.records).toEqual({ read: 11, evaluated: 6, malformed: 5 });
    expect(report.malformedRows).toEqual([
      { line: 8, message: 'expected 12 fields as in the header, found 4' },
      { line: 9, message: 'Amount "12k" is not a number' },
      { line: 10, message: 'CloseDate "30/11/2026" is not a date (YYYY-MM-DD)' },
      { line: 12, message: 'a quote inside an unquoted field (field 2)' },
      { line: 13, message: 'a quoted field is not closed before the end of the file' }
    ]);
    expect(stdout).toContain('line 9: Amount "12k" is not a number');

    // Evaluable with these columns: the four data-quality rules and two prompts below.
    // 006C: Opp_Close_Date_Not_Past (weight 3) and Opp_Next_Step (3) flagged, Amount (3) and
    // Forecast (2) passed: 100 x 5 / 11 = 45.45 -> 45. Every other record scores 100.
    expect(report.dataQuality.flaggedByRule).toEqual({
      Opp_Amount_From_Qualified: 0,
      Opp_Close_Date_Not_Past: 1,
      Opp_Forecast_Matches_Stage: 0,
      Opp_Next_Step: 1
    });
    expect(report.dataQuality.averageScore).toBeCloseTo((5 * 100 + 45) / 6, 10);
    expect(report.dataQuality.scoreDistribution[4]).toEqual({ from: 40, to: 49, count: 1 });
    expect(report.dataQuality.scoreDistribution[10]).toEqual({ from: 100, to: 100, count: 5 });
    // 006B closes this month at 10 %; 006B and 006C have no next step.
    expect(report.coaching.flaggedByRule).toEqual({
      Coach_Closing_Early_Stage: 1,
      Coach_No_Next_Step: 2
    });
    expect(rule(report, 'Opp_Next_Step')?.examples).toEqual([
      { line: 5, id: '006C', name: 'Gamma' }
    ]);
    // Open deals past Prospecting: 006A, 006C and 006I.
    expect(rule(report, 'Opp_Next_Step')?.applicable).toBe(3);

    // Rules that read columns this export lacks are not evaluated, and say which.
    expect(rule(report, 'Opp_Contact_Role')).toMatchObject({
      status: 'not evaluated',
      missingColumns: ['Contact_Role_Count__c']
    });
    expect(rule(report, 'Coach_Stalled_In_Stage')).toMatchObject({
      status: 'not evaluated',
      missingColumns: ['Days_In_Stage__c']
    });
    expect(rule(report, 'Coach_Amount_Up_Late')?.missingColumns.sort()).toEqual([
      'Amount_Changed_On__c',
      'Previous_Amount__c'
    ]);
    expect(report.rules.filter((r) => r.status === 'not evaluated')).toHaveLength(11);
    expect(stdout).toContain(
      'Opp_Contact_Role                  not evaluated: missing Contact_Role_Count__c'
    );

    // Q4 deals among the good rows: A, B, C open; D won; E lost (I closes in 2027).
    expect(report.pipeline).toMatchObject({
      status: 'evaluated',
      dealCount: 5,
      openCount: 3,
      wonCount: 1,
      lostCount: 1,
      openAmount: 150000, // 100,000 + blank (0) + 50,000
      weightedAmount: 127500, // 100,000 x 90 % + 50,000 x 75 %
      wonAmount: 80000,
      lostAmount: 20000,
      winRateByCount: 0.5,
      averageDealSize: 80000,
      averageCycleDays: 89,
      target: null
    });
    expect(report.pipeline?.openDealAverageScore).toBeCloseTo((100 + 100 + 45) / 3, 10);
    expect(report.pipeline?.byForecastCategory).toEqual([
      { category: 'Closed', amount: 80000 },
      { category: 'Commit', amount: 150000 },
      { category: 'Best Case', amount: 0 },
      { category: 'Pipeline', amount: 0 },
      { category: 'Omitted', amount: 0 }
    ]);
    expect(report.pipeline?.sellers).toEqual([
      expect.objectContaining({ sellerId: '005S2', openAmount: 50000, wonAmount: 80000 }),
      expect.objectContaining({ sellerId: '005S1', openAmount: 100000, wonAmount: 0 })
    ]);
    expect(report.period).toEqual({ start: '2026-10-01', end: '2026-12-31', label: '2026-Q4' });
  });

  it('reads CRLF line ends the same as LF', async () => {
    const { report } = await audit(OPPORTUNITIES.replace(/\n/g, '\r\n'), 'Opportunity');

    expect(report.records).toEqual({ read: 11, evaluated: 6, malformed: 5 });
    expect(report.malformedRows.map((row) => row.line)).toEqual([8, 9, 10, 12, 13]);
    expect(report.pipeline?.averageCycleDays).toBe(89);
  });

  it('matches headers without regard to case, nests parent fields and names unknown columns', async () => {
    const csv = [
      'Id,Name,Industry,Website,BillingCountry,customer_segment__r.value_focus__c,Active_Plan_Count__c,Region',
      // Key segment without an active plan (weight 3) flagged: 100 x 5 / 8 = 62.5 -> 63.
      '001A,Acme,Technology,https://acme.example.com,Denmark,Retain and Expand,0,North',
      // No industry (2) and no website (1); the segment rule does not apply: 100 x 2 / 5 = 40.
      '001B,Beta,,,Germany,,,South',
      // No billing country (2): 100 x 3 / 5 = 60.
      '001C,"Gamma ""Group""",Retail,https://g.example.com,,New Logo,2,East',
      ''
    ].join('\n');
    const { code, report } = await audit(csv, 'Account');

    expect(code).toBe(EXIT.ok);
    expect(report.columns?.unknown).toEqual(['Region']);
    expect(report.columns?.used).toContain('Customer_Segment__r.Value_Focus__c');
    expect(report.dataQuality.flaggedByRule).toEqual({
      Acc_Active_Plan_Key_Segment: 1,
      Acc_Billing_Country: 1,
      Acc_Industry: 1,
      Acc_Website: 1
    });
    expect(report.dataQuality.averageScore).toBeCloseTo((63 + 40 + 60) / 3, 10);
    expect(rule(report, 'Acc_Segment')).toMatchObject({
      status: 'not evaluated',
      missingColumns: ['Customer_Segment__c']
    });
    expect(rule(report, 'Acc_Billing_Country')?.examples).toEqual([
      { line: 4, id: '001C', name: 'Gamma "Group"' }
    ]);
    expect(report.pipeline).toBeNull();
  });

  it("computes a formula field the export lacks from the object's own formula", async () => {
    const csv = [
      'Id,StageName,Amount,CloseDate,IsClosed,Stage_Entered_On__c',
      // Days_In_Stage__c = TODAY() - Stage_Entered_On__c = 46 > 30: stalled.
      '006A,Qualification,1000,2026-12-01,false,2026-10-01',
      // 16 days: not stalled.
      '006B,Qualification,1000,2026-12-01,false,2026-10-31'
    ].join('\n');
    const { report } = await audit(csv, 'Opportunity');

    expect(report.columns?.derived).toEqual(['Days_In_Stage__c']);
    expect(rule(report, 'Coach_Stalled_In_Stage')).toMatchObject({
      status: 'evaluated',
      flagged: 1,
      examples: [{ line: 2, id: '006A', name: null }]
    });
  });

  it('reports the pipeline as not evaluated when the export has no close dates', async () => {
    const { report } = await audit('Id,StageName,Amount\n006A,Prospecting,10\n', 'Opportunity');

    expect(report.pipeline).toMatchObject({
      status: 'not evaluated',
      missingColumns: ['CloseDate'],
      dealCount: 0
    });
    expect(report.records.evaluated).toBe(1);
  });

  it('stops with a usage error for a missing file or an unknown object', async () => {
    const missing = await runCli(['audit', '--csv', join(dir, 'nope.csv')], {});
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.stderr).toContain('nope.csv: no such file');

    const object = await runCli(['audit', '--object', 'Lead'], {});
    expect(object.code).toBe(EXIT.usage);
    expect(object.stderr).toContain(
      '--object Lead: expected one of Opportunity, Account, Account_Plan__c'
    );
  });
});

/**
 * `ssm audit` against an org (the fake on 127.0.0.1): fields are checked with describe, records
 * come from a Bulk API 2.0 query job read page by page, and a failing job or a throttled
 * results page behave as documented. Figures are worked out by hand (today 2026-11-16, 2026-Q4).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ObjectSchema } from '../../../formula-engine/src/formulaEngine';
import { buildSchemas } from '../../formula/schemaBuilder';
import { DEFAULT_OBJECTS_DIR } from '../../org/embeddedOrg';
import type { AuditReport } from '../audit';
import { EXIT } from '../exitCodes';
import { envFor, runCli, startScratchOrg } from './cliHarness';
import type { FakeSalesforce } from './fakeSalesforce';

// Each test runs the CLI end to end against a local fake org (thousands of records over HTTP,
// or a child process); on a loaded two-core CI machine that can take longer than Jest's 5 s.
jest.setTimeout(60_000);

const schemas = buildSchemas({ objectsDir: DEFAULT_OBJECTS_DIR });

function describeOf(schema: ObjectSchema, leaveOut: string[] = []) {
  return Object.entries(schema.fields)
    .filter(([name]) => !leaveOut.includes(name))
    .map(([name, field]) => ({
      name,
      relationshipName: field.relationshipName ?? null,
      referenceTo: field.referenceTo ? [field.referenceTo] : []
    }));
}

let fake: FakeSalesforce;
let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ssm-org-'));
  fake = await startScratchOrg();
  const opportunity = schemas.Opportunity;
  // This org has not deployed Contact_Role_Count__c: rules reading it cannot run.
  fake.describes.set('Opportunity', describeOf(opportunity, ['Contact_Role_Count__c']));
  fake.describes.set('Account', describeOf(opportunity.relationships?.Account as ObjectSchema));
  fake.describes.set('User', describeOf(opportunity.relationships?.Owner as ObjectSchema));
  const admin = fake.all('User')[0].Id;
  const account = fake.add('Account', { Name: 'Acme', Active_Plan_Count__c: 0 });
  const deal = {
    AccountId: account,
    OwnerId: admin,
    Close_Date_Push_Count__c: 0,
    Decision_Maker_Identified__c: true,
    LastActivityDate: '2026-11-10',
    Stage_Entered_On__c: '2026-11-01',
    Days_In_Stage__c: 15,
    NextStep: 'Sign'
  };
  // Open, Commit at 90 %, 200,000 on an account without a plan: Coach_Large_Deal_No_Plan.
  fake.add('Opportunity', {
    ...deal,
    Name: 'Acme, "Big" Deal',
    StageName: 'Negotiation/Review',
    Amount: 200000,
    Probability: 90,
    CloseDate: '2026-12-10',
    CreatedDate: '2026-09-01T00:00:00.000+0000',
    IsClosed: false,
    IsWon: false,
    ForecastCategoryName: 'Commit'
  });
  // Won, created 2026-08-21: a 60-day cycle.
  fake.add('Opportunity', {
    ...deal,
    Name: 'Won deal',
    StageName: 'Closed Won',
    Amount: 60000,
    Probability: 100,
    CloseDate: '2026-10-20',
    CreatedDate: '2026-08-21T00:00:00.000+0000',
    IsClosed: true,
    IsWon: true,
    ForecastCategoryName: 'Closed'
  });
  fake.add('Opportunity', {
    ...deal,
    Name: 'Lost deal',
    StageName: 'Closed Lost',
    Amount: 40000,
    Probability: 0,
    CloseDate: '2026-11-05',
    CreatedDate: '2026-09-15T00:00:00.000+0000',
    IsClosed: true,
    IsWon: false,
    ForecastCategoryName: 'Omitted'
  });
  fake.add('Sales_Target__c', {
    Seller__c: admin,
    Period_Start__c: '2026-10-01',
    Period_End__c: '2026-12-31',
    Amount__c: 120000
  });
});
afterEach(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function auditOrg(delays: number[] = []) {
  const json = join(dir, 'org.json');
  const result = await runCli(
    ['audit', '--org-from-env', '--period', '2026-Q4', '--json', json],
    envFor(fake),
    { delays, bulkPageSize: 2 }
  );
  return { ...result, json };
}

describe('ssm audit -o (an org, through Bulk API 2.0)', () => {
  it('audits the org page by page with the fields it has', async () => {
    const { code, stderr, json } = await auditOrg();

    expect(stderr).toBe('');
    expect(code).toBe(EXIT.ok);
    const report = JSON.parse(readFileSync(json, 'utf8')) as AuditReport;
    expect(report.source).toMatchObject({ kind: 'org', instanceUrl: fake.url });
    expect(report.records).toEqual({ read: 3, evaluated: 3, malformed: 0 });
    // Two results pages of at most 2 records, each fetched with the locator of the one before.
    expect(fake.log.filter((line) => /\/jobs\/query\/\w+\/results$/.test(line))).toHaveLength(2);

    const notEvaluated = report.rules.filter((rule) => rule.status === 'not evaluated');
    expect(notEvaluated.map((rule) => rule.name).sort()).toEqual([
      'Coach_Commit_Weak_Data',
      'Coach_Single_Threaded',
      'Opp_Contact_Role'
    ]);
    expect(
      notEvaluated.every((rule) => rule.missingColumns.includes('Contact_Role_Count__c'))
    ).toBe(true);
    expect(report.dataQuality.averageScore).toBe(100);
    expect(report.coaching.flaggedByRule.Coach_Large_Deal_No_Plan).toBe(1);
    expect(
      report.rules.find((rule) => rule.name === 'Coach_Large_Deal_No_Plan')?.examples[0]?.name
    ).toBe('Acme, "Big" Deal');
    expect(report.pipeline).toMatchObject({
      openAmount: 200000,
      weightedAmount: 180000,
      wonAmount: 60000,
      lostAmount: 40000,
      winRateByCount: 0.5,
      averageDealSize: 60000,
      averageCycleDays: 60,
      target: 120000,
      attainment: 0.5
    });
    expect(report.pipeline?.sellers).toEqual([
      expect.objectContaining({ name: 'Ada Admin', openAmount: 200000, wonAmount: 60000 })
    ]);
  });

  it('ends with exit code 5 and the job error when the Bulk job fails', async () => {
    fake.failBulkJobsWith = 'InvalidBatch : Failed to process query: OPERATION_TOO_LARGE';
    const { code, stderr } = await auditOrg();

    expect(code).toBe(EXIT.api);
    expect(stderr).toMatch(/Bulk query job 750\w+ Failed: InvalidBatch : Failed to process query/);
  });

  it('waits as Retry-After says when a results page is throttled', async () => {
    fake.faults.push({ method: 'GET', path: /\/results$/, status: 429, retryAfter: '4', times: 1 });
    const delays: number[] = [];
    const { code } = await auditOrg(delays);

    expect(code).toBe(EXIT.ok);
    // Two polls of the job at the 2 s interval, then the 4 s Retry-After.
    expect(delays).toEqual([2000, 2000, 4000]);
  });
});

/**
 * `ssm audit` against an org (the fake on 127.0.0.1): fields are checked with describe, records
 * come from a Bulk API 2.0 query job read page by page, and a failing job or a throttled
 * results page behave as documented. Figures are worked out by hand (today 2026-11-16, 2026-Q4).
 * Issue 17: a connection dropped mid-body, a results page that never answers, a session that
 * expires during the job, results shorter than the job's numberRecordsProcessed, the daily API
 * limit and redirects to another instance end in a retry or in the documented exit code.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ObjectSchema } from '../../../formula-engine/src/formulaEngine';
import { buildSchemas } from '../../formula/schemaBuilder';
import { DEFAULT_OBJECTS_DIR } from '../../org/embeddedOrg';
import type { AuditReport } from '../audit';
import { EXIT } from '../exitCodes';
import { envFor, fakeSfCli, runCli, startScratchOrg } from './cliHarness';
import type { HttpTimeouts } from '../httpTransport';
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

async function auditOrg(
  delays: number[] = [],
  options: { timeouts?: HttpTimeouts; env?: NodeJS.ProcessEnv; source?: string[] } = {}
) {
  const json = join(dir, 'org.json');
  const result = await runCli(
    ['audit', ...(options.source ?? ['--org-from-env']), '--period', '2026-Q4', '--json', json],
    options.env ?? envFor(fake),
    { delays, bulkPageSize: 2, timeouts: options.timeouts }
  );
  return { ...result, json };
}

/** Short enough that a test never waits long, long enough for a loaded machine's fake. */
const SHORT: HttpTimeouts = { connectMs: 2000, idleMs: 500 };

function readReport(json: string): AuditReport {
  return JSON.parse(readFileSync(json, 'utf8')) as AuditReport;
}

function resultsCalls(log: string[]): string[] {
  return log.filter((line) => /\/jobs\/query\/\w+\/results$/.test(line));
}

describe('ssm audit -o (an org, through Bulk API 2.0)', () => {
  it('reads --period as the org’s fiscal quarter when the org has custom fiscal years', async () => {
    // A 53-week FY2026 of 4-4-5 weeks: its Q4 runs 2026-09-28..2027-01-03 (Period rows).
    const year = fake.add('FiscalYearSettings', { Name: '2026' });
    const quarters: [string, string][] = [
      ['2025-12-29', '2026-03-29'],
      ['2026-03-30', '2026-06-28'],
      ['2026-06-29', '2026-09-27'],
      ['2026-09-28', '2027-01-03']
    ];
    quarters.forEach(([start, end], index) =>
      fake.add('Period', {
        Type: 'Quarter',
        Number: index + 1,
        StartDate: start,
        EndDate: end,
        FiscalYearSettingsId: year
      })
    );

    const { code, stderr, json } = await auditOrg();

    expect(stderr).toBe('');
    expect(code).toBe(EXIT.ok);
    expect(readReport(json).period).toMatchObject({
      start: '2026-09-28',
      end: '2027-01-03',
      label: '2026-Q4'
    });
  });

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

  describe('issue 17: faults of the network and the API', () => {
    it('resends a results page whose connection drops in the middle of the body', async () => {
      fake.networkFaults.push({ method: 'GET', path: /\/results$/, kind: 'dropMidBody', times: 1 });
      const delays: number[] = [];
      const { code, stderr, json } = await auditOrg(delays, { timeouts: SHORT });

      expect(code).toBe(EXIT.ok);
      expect(stderr).toMatch(
        /ECONNRESET on GET \/services\/data\/v65\.0\/jobs\/query\/750\w+\/results; retrying in 0\.5 s \(attempt 2\)/
      );
      // Two polls at 2 s, then the 500 ms backoff; the first page was read twice, then page 2.
      expect(delays).toEqual([2000, 2000, 500]);
      expect(resultsCalls(fake.log)).toHaveLength(3);
      expect(readReport(json).records).toEqual({ read: 3, evaluated: 3, malformed: 0 });
    });

    it('does not resend a job creation whose answer was cut off, and ends with exit code 5', async () => {
      fake.networkFaults.push({
        method: 'POST',
        path: /\/jobs\/query$/,
        kind: 'dropMidBody',
        times: 1
      });
      const { code, stderr } = await auditOrg([], { timeouts: SHORT });

      expect(code).toBe(EXIT.api);
      expect(stderr).toContain(
        'POST /services/data/v65.0/jobs/query: ECONNRESET: the connection closed in the middle of the answer'
      );
      // A POST may have been processed: it is not sent again (it would start a second job).
      expect(
        fake.log.filter((line) => line === 'POST /services/data/v65.0/jobs/query')
      ).toHaveLength(1);
    });

    it('resends a results page that never answers once the idle timeout passes', async () => {
      fake.networkFaults.push({ method: 'GET', path: /\/results$/, kind: 'hang', times: 1 });
      const delays: number[] = [];
      const { code, stderr, json } = await auditOrg(delays, { timeouts: SHORT });

      expect(code).toBe(EXIT.ok);
      expect(stderr).toMatch(
        /IDLE_TIMEOUT on GET \/services\/data\/v65\.0\/jobs\/query\/750\w+\/results; retrying in 0\.5 s/
      );
      expect(delays).toEqual([2000, 2000, 500]);
      expect(readReport(json).records.read).toBe(3);
    });

    it('ends with exit code 5 when a results page never answers, after bounded retries', async () => {
      fake.networkFaults.push({ method: 'GET', path: /\/results$/, kind: 'hang', times: 100 });
      const delays: number[] = [];
      const started = Date.now();
      const { code, stderr } = await auditOrg(delays, { timeouts: SHORT });

      expect(code).toBe(EXIT.api);
      expect(stderr).toMatch(
        /GET \/services\/data\/v65\.0\/jobs\/query\/750\w+\/results\?maxRecords=2: IDLE_TIMEOUT: no answer from 127\.0\.0\.1:\d+ for 0\.5 s \(gave up after 4 attempts\)/
      );
      expect(resultsCalls(fake.log)).toHaveLength(4);
      expect(delays).toEqual([2000, 2000, 500, 1000, 2000]);
      // Four idle timeouts of 0.5 s (the backoff waits are instant in tests).
      expect(Date.now() - started).toBeLessThan(20_000);
    });

    it('ends with exit code 3 when an environment token expires during the Bulk job', async () => {
      fake.expireSessionsOn = { method: 'GET', path: /\/jobs\/query\/\w+$/ };
      const { code, stderr } = await auditOrg();

      expect(code).toBe(EXIT.auth);
      expect(stderr).toMatch(
        /GET \/services\/data\/v65\.0\/jobs\/query\/750\w+: HTTP 401 INVALID_SESSION_ID/
      );
    });

    it('refreshes a Salesforce CLI login whose session expires while reading the results', async () => {
      const tokenFile = join(dir, 'token');
      writeFileSync(tokenFile, 'token-1');
      fake.expireSessionsOn = { method: 'GET', path: /\/results$/ };
      fake.onSessionExpired = () => writeFileSync(tokenFile, fake.issueToken());
      const { code, stderr, json } = await auditOrg([], {
        env: fakeSfCli(dir, fake, tokenFile),
        source: ['-o', 'ssm-test']
      });

      expect(stderr).toBe('');
      expect(code).toBe(EXIT.ok);
      expect(fake.validTokens).toEqual(new Set(['token-2']));
      expect(readReport(json).records.read).toBe(3);
    });

    it('ends with exit code 5 when the results hold fewer rows than numberRecordsProcessed', async () => {
      // https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_get_one_job.htm
      // (numberRecordsProcessed) and .../query_get_job_results.htm (Sforce-Locator paging).
      fake.bulkResultsShortBy = 1;
      const { code, stderr } = await auditOrg();

      expect(code).toBe(EXIT.api);
      expect(stderr).toMatch(
        /Bulk query job 750\w+: its results held 2 records, but the job processed 3 \(numberRecordsProcessed\)/
      );
    });

    it('reports the daily API limit with the org figures and stops at once (exit code 5)', async () => {
      // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
      // (403 REQUEST_LIMIT_EXCEEDED) and .../resources_limits.htm (DailyApiRequests Max, Remaining).
      // The Organization query, then describe of Opportunity, Account and User: the fifth call
      // (the Sales_Target__c query) is over the limit.
      fake.dailyApiLimit = 4;
      const delays: number[] = [];
      const { code, stderr } = await auditOrg(delays);

      expect(code).toBe(EXIT.api);
      expect(stderr).toContain(
        "the org's daily API request limit is used up (REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.): 4 of 4 daily API requests used, 0 remaining"
      );
      expect(delays).toEqual([]);
      expect(fake.log.filter((line) => line.endsWith('/limits'))).toHaveLength(1);
      expect(fake.log.some((line) => line.includes('/jobs/query'))).toBe(false);
    });

    it('follows redirects to another instance, a 307 POST with its body', async () => {
      await fake.startOtherInstance();
      fake.redirects.push(
        {
          method: 'GET',
          path: /\/describe$|\/results$/,
          status: 301,
          to: 'other instance',
          times: 100
        },
        { method: 'POST', path: /\/jobs\/query$/, status: 307, to: 'other instance', times: 1 }
      );
      const { code, stderr, json } = await auditOrg();

      expect(stderr).toBe('');
      expect(code).toBe(EXIT.ok);
      expect(fake.otherInstanceLog).toContain('POST /services/data/v65.0/jobs/query');
      expect(resultsCalls(fake.otherInstanceLog)).toHaveLength(2);
      expect(readReport(json).records).toEqual({ read: 3, evaluated: 3, malformed: 0 });
    });

    it('does not send the session to a host that is not Salesforce, nor follow a loop', async () => {
      fake.redirects.push({
        method: 'GET',
        path: /\/describe$/,
        status: 302,
        to: 'https://login.example.com',
        times: 1
      });
      const foreign = await auditOrg();
      expect(foreign.code).toBe(EXIT.api);
      expect(foreign.stderr).toContain(
        'GET /services/data/v65.0/sobjects/Opportunity/describe: HTTP 302 redirect to https://login.example.com, which is not a Salesforce host; the session is not sent there'
      );

      fake.redirects.push({
        method: 'GET',
        path: /\/describe$/,
        status: 301,
        to: 'self',
        times: 100
      });
      const loop = await auditOrg();
      expect(loop.code).toBe(EXIT.api);
      expect(loop.stderr).toContain(
        'GET /services/data/v65.0/sobjects/Opportunity/describe: more than 5 redirects'
      );
    });
  });
});

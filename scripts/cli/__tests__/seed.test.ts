/**
 * `ssm seed` against the fake org on 127.0.0.1: the whole sample goes in, in dependency order
 * and batches of 200, a second run creates nothing, production orgs are refused, users are
 * mapped when licences run out, and the failure modes of the API (a rejected row, 429/503 with
 * Retry-After, retries that run out, an expired session) end in a report and a re-run that
 * completes the load without duplicates.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../exitCodes';
import {
  envFor,
  fakeSfCli as sfCliStandIn,
  runCli,
  sampleCounts,
  startScratchOrg
} from './cliHarness';
import type { FakeSalesforce } from './fakeSalesforce';

// Each test runs the CLI end to end against a local fake org (thousands of records over HTTP,
// or a child process); on a loaded two-core CI machine that can take longer than Jest's 5 s.
jest.setTimeout(60_000);

const counts = sampleCounts();
const TOTAL = [...counts.values()].reduce((sum, count) => sum + count, 0);

let fake: FakeSalesforce;
afterEach(async () => {
  await fake.stop();
});

function heldCounts(): Map<string, number> {
  return new Map([...counts.keys()].map((type) => [type, fake.all(type).length]));
}

function duplicateExternalIds(): string[] {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const type of counts.keys()) {
    for (const record of fake.all(type)) {
      const key =
        typeof record.SSM_External_Id__c === 'string'
          ? record.SSM_External_Id__c
          : `${type}:${String(record.OpportunityId)}|${String(record.ContactId)}|${String(record.Role)}`;
      if (seen.has(key)) duplicates.push(key);
      seen.add(key);
    }
  }
  return duplicates;
}

/** The permission set groups assigned to a sample user (by key), by API name. */
function personasOf(key: string): string[] {
  const user = fake
    .all('User')
    .find((row) => String(row.Username).startsWith(`${SAMPLE_EMAILS[key]}@ssm-sample-`));
  return fake
    .all('PermissionSetAssignment')
    .filter((row) => row.AssigneeId === user?.Id)
    .map((row) => String(fake.byId.get(String(row.PermissionSetGroupId))?.DeveloperName))
    .sort();
}

/** The sample users' email local parts, by key. */
const SAMPLE_EMAILS: Record<string, string> = {
  director: 'karen.lund',
  cmo: 'anne.krogh',
  seller1: 'jonas.holm'
};

/** Sets the Status of a permission set group of the fake org. */
function setGroupStatus(name: string, status: string): void {
  const group = fake.all('PermissionSetGroup').find((row) => row.DeveloperName === name);
  if (!group) throw new Error(`the fake org has no group ${name}`);
  group.Status = status;
}

function writes(): string[] {
  return fake.log.filter((line) => line.startsWith('POST') || line.startsWith('PATCH'));
}

describe('ssm seed', () => {
  it('loads every sample record with resolved references and owners, then a second run creates nothing', async () => {
    fake = await startScratchOrg();
    const first = await runCli(['seed'], envFor(fake));

    expect(first.stderr).toBe('');
    expect(first.code).toBe(EXIT.ok);
    expect(heldCounts()).toEqual(counts);
    expect(first.stdout).toMatch(new RegExp(`Total\\s+${TOTAL}\\s+0\\s+0\\s+0`));
    // Every opportunity points at a loaded account and is owned by a created sample user.
    const sellers = new Set(
      fake
        .all('User')
        .filter((user) => String(user.Username).includes('@ssm-sample-'))
        .map((user) => user.Id)
    );
    expect(sellers.size).toBe(12);
    for (const deal of fake.all('Opportunity')) {
      expect(fake.byId.get(String(deal.AccountId))?.attributes.type).toBe('Account');
      expect(sellers.has(String(deal.OwnerId))).toBe(true);
    }
    // Collections of at most 200: 4,535 records need at least 23 upsert or insert calls.
    const saves = writes().filter((line) => line.includes('/composite/sobjects'));
    expect(saves.length).toBeGreaterThanOrEqual(Math.ceil(TOTAL / 200));
    // Personas: 8 sellers and 2 managers one group each, the director 3, the CMO 1.
    expect(fake.all('PermissionSetAssignment')).toHaveLength(14);
    expect(personasOf('director')).toEqual([
      'Sales_Leadership',
      'Sales_Manager',
      'Sales_Strategy_Admin'
    ]);
    expect(personasOf('cmo')).toEqual(['Sales_Leadership']);
    expect(personasOf('seller1')).toEqual(['Sales_Seller']);
    expect(fake.all('PermissionSetAssignment').filter((row) => row.PermissionSetId)).toEqual([]);

    const writesBefore = writes().length;
    const second = await runCli(['seed'], envFor(fake));
    expect(second.code).toBe(EXIT.ok);
    expect(second.stdout).toMatch(new RegExp(`Total\\s+0\\s+0\\s+${TOTAL}\\s+0`));
    expect(second.stdout).toContain('director   existing karen.lund@');
    expect(heldCounts()).toEqual(counts);
    expect(writes().length).toBe(writesBefore);
  });

  it('re-applies the sample values to records the org holds with --update', async () => {
    fake = await startScratchOrg();
    expect((await runCli(['seed'], envFor(fake))).code).toBe(EXIT.ok);
    const account = fake.all('Account').find((a) => a.SSM_External_Id__c === 'sample:AccountRef1');
    const sampleName = account?.Name;
    if (account) account.Name = 'Renamed in the org';

    const result = await runCli(['seed', '--update'], envFor(fake));
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toMatch(new RegExp(`Total\\s+0\\s+${TOTAL}\\s+0\\s+0`));
    expect(account?.Name).toBe(sampleName);
    expect(heldCounts()).toEqual(counts);
  });

  it('refuses a production org unless --allow-production is given', async () => {
    fake = await startScratchOrg({
      Name: 'Acme Production',
      TrialExpirationDate: null,
      OrganizationType: 'Enterprise Edition'
    });
    const refused = await runCli(['seed'], envFor(fake));

    expect(refused.code).toBe(EXIT.refused);
    expect(refused.stderr).toContain('Acme Production');
    expect(refused.stderr).toContain('--allow-production');
    expect(writes()).toEqual([]);

    const allowed = await runCli(['seed', '--allow-production'], envFor(fake));
    expect(allowed.code).toBe(EXIT.ok);
    expect(fake.all('Opportunity')).toHaveLength(counts.get('Opportunity') as number);
  });

  it('maps sample users onto the logged-in user when the org runs out of licences', async () => {
    fake = await startScratchOrg();
    fake.userLicences = 3;
    const result = await runCli(['seed'], envFor(fake));

    expect(result.code).toBe(EXIT.ok);
    const mapped = result.stdout
      .split('\n')
      .filter((line) => line.includes('mapped to admin@fake.example.com (LICENSE_LIMIT_EXCEEDED'));
    expect(mapped).toHaveLength(9);
    const admin = fake.all('User').find((user) => user.Username === 'admin@fake.example.com');
    const ownedByAdmin = fake.all('Opportunity').filter((deal) => deal.OwnerId === admin?.Id);
    expect(ownedByAdmin.length).toBeGreaterThan(0);
    expect(fake.all('Opportunity')).toHaveLength(counts.get('Opportunity') as number);
  });

  it('waits for a permission set group the org is still recalculating, then assigns it', async () => {
    fake = await startScratchOrg();
    setGroupStatus('Sales_Leadership', 'Updating');
    let groupReads = 0;
    fake.onQuery = (soql) => {
      if (!/FROM PermissionSetGroup\b/.test(soql)) return;
      groupReads += 1;
      // The recalculation ends after the third read: two waits of five seconds.
      if (groupReads === 3) setGroupStatus('Sales_Leadership', 'Updated');
    };
    const delays: number[] = [];
    const result = await runCli(['seed'], envFor(fake), { delays });

    expect(result.code).toBe(EXIT.ok);
    expect(delays).toEqual([5000, 5000]);
    expect(personasOf('cmo')).toEqual(['Sales_Leadership']);
    expect(personasOf('director')).toContain('Sales_Leadership');
  });

  it('names a group that stays Outdated, assigns the others, and a re-run assigns it once it is Updated', async () => {
    fake = await startScratchOrg();
    setGroupStatus('Sales_Leadership', 'Outdated');
    const delays: number[] = [];
    const first = await runCli(['seed'], envFor(fake), { delays });

    expect(first.code).toBe(EXIT.rowProblems);
    // A bounded wait: twelve more reads, five seconds apart, then the group is reported.
    expect(delays).toEqual(Array.from({ length: 12 }, () => 5000));
    const reported = first.stdout
      .split('\n')
      .filter((line) =>
        line.includes('Sales Leadership (Sales_Leadership) is still Outdated after 60 s')
      );
    expect(reported.map((line) => line.trim().split(':')[0])).toEqual([
      'PermissionSetAssignment director',
      'PermissionSetAssignment cmo'
    ]);
    expect(personasOf('director')).toEqual(['Sales_Manager', 'Sales_Strategy_Admin']);
    expect(personasOf('cmo')).toEqual([]);
    expect(fake.all('Opportunity')).toHaveLength(counts.get('Opportunity') as number);

    setGroupStatus('Sales_Leadership', 'Updated');
    const second = await runCli(['seed'], envFor(fake));
    expect(second.code).toBe(EXIT.ok);
    expect(personasOf('director')).toEqual([
      'Sales_Leadership',
      'Sales_Manager',
      'Sales_Strategy_Admin'
    ]);
    expect(personasOf('cmo')).toEqual(['Sales_Leadership']);
    expect(fake.all('PermissionSetAssignment')).toHaveLength(14);
  });

  it('does not wait for a group whose recalculation failed, and says where to look', async () => {
    fake = await startScratchOrg();
    setGroupStatus('Sales_Seller', 'Failed');
    const delays: number[] = [];
    const result = await runCli(['seed'], envFor(fake), { delays });

    expect(result.code).toBe(EXIT.rowProblems);
    expect(delays).toEqual([]);
    expect(result.stdout).toContain(
      'PermissionSetAssignment seller1:Sales_Seller: permission set group Sales Seller (Sales_Seller) has Status Failed'
    );
    expect(result.stdout).toContain('Setup > Permission Set Groups');
    expect(personasOf('seller1')).toEqual([]);
    expect(personasOf('cmo')).toEqual(['Sales_Leadership']);
  });

  it('waits as Retry-After says on 429 and 503, then completes', async () => {
    fake = await startScratchOrg();
    fake.faults.push(
      { method: 'GET', path: /\/query$/, status: 429, retryAfter: '7', times: 1 },
      {
        method: 'PATCH',
        path: /\/composite\/sobjects\/Account\//,
        status: 503,
        retryAfter: '3',
        times: 2
      }
    );
    const delays: number[] = [];
    const result = await runCli(['seed'], envFor(fake), { delays });

    expect(result.code).toBe(EXIT.ok);
    expect(delays).toEqual([7000, 3000, 3000]);
    expect(result.stderr).toContain(
      'HTTP 503 on PATCH /services/data/v65.0/composite/sobjects/Account/SSM_External_Id__c; retrying in 3.0 s (attempt 2)'
    );
    expect(heldCounts()).toEqual(counts);
  });

  it('reports each rejected row and the rows that depend on it; a re-run completes without duplicates', async () => {
    fake = await startScratchOrg();
    fake.rejectRow = (type, record) =>
      type === 'Account' && record.SSM_External_Id__c === 'sample:AccountRef24'
        ? {
            statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
            message: 'Website must start with https://',
            fields: ['Website']
          }
        : null;
    const first = await runCli(['seed'], envFor(fake));

    expect(first.code).toBe(EXIT.rowProblems);
    expect(first.stdout).toContain(
      'Account AccountRef24: FIELD_CUSTOM_VALIDATION_EXCEPTION: Website must start with https:// [Website]'
    );
    // OpportunityRef1 belongs to AccountRef24 (data/tree/Opportunity-1.json).
    expect(first.stdout).toContain(
      'Opportunity OpportunityRef1: AccountId: AccountRef24 was not loaded'
    );
    expect(fake.all('Account')).toHaveLength((counts.get('Account') as number) - 1);
    const failedRows = first.stdout
      .split('\n')
      .filter((line) => line.startsWith('  ') && line.includes(': '));
    const failedCount = Number(/Failed rows \((\d+)\)/.exec(first.stdout)?.[1]);
    expect(failedCount).toBeGreaterThan(1);

    fake.rejectRow = () => null;
    const second = await runCli(['seed'], envFor(fake));
    expect(second.code).toBe(EXIT.ok);
    expect(second.stdout).toMatch(
      new RegExp(`Total\\s+${failedCount}\\s+0\\s+${TOTAL - failedCount}\\s+0`)
    );
    expect(heldCounts()).toEqual(counts);
    expect(duplicateExternalIds()).toEqual([]);
    expect(failedRows.length).toBeGreaterThan(0);
  });

  it('gives up on a batch after bounded retries, reports its rows, and a re-run completes', async () => {
    fake = await startScratchOrg();
    fake.faults.push({
      method: 'PATCH',
      path: /\/composite\/sobjects\/Contact\//,
      status: 503,
      times: 4
    });
    const delays: number[] = [];
    const first = await runCli(['seed'], envFor(fake), { delays });

    expect(first.code).toBe(EXIT.rowProblems);
    // Four attempts, backoff 500 ms doubling, for the first batch of 200 contacts.
    expect(delays).toEqual([500, 1000, 2000]);
    expect(first.stdout).toContain(
      'HTTP 503 SERVER_UNAVAILABLE: fake 503 (gave up after 4 attempts)'
    );
    expect(fake.all('Contact')).toHaveLength((counts.get('Contact') as number) - 200);

    const second = await runCli(['seed'], envFor(fake));
    expect(second.code).toBe(EXIT.ok);
    expect(heldCounts()).toEqual(counts);
    expect(duplicateExternalIds()).toEqual([]);
  });

  describe('issue 17: faults of the API during a load', () => {
    it('resends rows that fail with UNABLE_TO_LOCK_ROW on their own, a bounded number of times', async () => {
      // UNABLE_TO_LOCK_ROW is a row's error in an sObject Collections answer (allOrNone false:
      // the other rows save): https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_update.htm
      fake = await startScratchOrg();
      fake.rowLocks.push(
        {
          match: (type, record) =>
            type === 'Account' && record.SSM_External_Id__c === 'sample:AccountRef3',
          times: 2
        },
        {
          match: (type, record) =>
            type === 'Contact' && record.SSM_External_Id__c === 'sample:ContactRef5',
          times: 100
        }
      );
      const delays: number[] = [];
      const result = await runCli(['seed'], envFor(fake), { delays });

      // AccountRef3 saves on its third attempt; ContactRef5 is still locked after four.
      expect(delays).toEqual([500, 1000, 500, 1000, 2000]);
      expect(result.stderr).toContain(
        'UNABLE_TO_LOCK_ROW on 1 row on PATCH /services/data/v65.0/composite/sobjects/Account/SSM_External_Id__c; retrying in 0.5 s (attempt 2)'
      );
      expect(result.code).toBe(EXIT.rowProblems);
      expect(result.stdout).toContain(
        'Contact ContactRef5: UNABLE_TO_LOCK_ROW: unable to obtain exclusive access to this record or 1 records'
      );
      expect(result.stdout).not.toContain('AccountRef3');
      expect(fake.all('Account')).toHaveLength(counts.get('Account') as number);
      // Only the locked row was resent: 2 one-row calls for the account, 3 for the contact.
      expect(fake.all('Contact')).toHaveLength((counts.get('Contact') as number) - 1);
    });

    it('names the missing package once, before loading anything (exit code 4)', async () => {
      fake = await startScratchOrg();
      fake.missingFields.add('Account.SSM_External_Id__c').add('Opportunity.SSM_External_Id__c');
      const result = await runCli(['seed'], envFor(fake));

      expect(result.code).toBe(EXIT.refused);
      expect(result.stderr).toContain(
        'The org lacks what the sample needs: Account.SSM_External_Id__c, Opportunity.SSM_External_Id__c. The package is not deployed'
      );
      expect(result.stderr).toContain('npx sf project deploy start');
      expect(result.stderr.match(/INVALID_FIELD|lacks/g)).toHaveLength(1);
      expect(writes()).toEqual([]);
    });

    it('stops at the daily API limit with the org figures, without sending more batches (exit code 5)', async () => {
      // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm:
      // 403 REQUEST_LIMIT_EXCEEDED; DailyApiRequests from
      // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_limits.htm
      fake = await startScratchOrg();
      // The currencies come first (issue 21): 2 queries, 3 currencies, the dated rates read
      // again and 9 added, one call each; then 40 calls of users and records as before.
      const limit = 15 + 40;
      fake.dailyApiLimit = limit;
      const delays: number[] = [];
      const result = await runCli(['seed'], envFor(fake), { delays });

      expect(result.code).toBe(EXIT.api);
      expect(result.stderr).toContain(
        `the org's daily API request limit is used up (REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.): ${limit} of ${limit} daily API requests used, 0 remaining`
      );
      expect(delays).toEqual([]);
      // 55 calls answered, one refused (a batch of the load), then the limits lookup: no
      // further batch was sent to be refused in turn.
      expect(fake.log[limit]).toMatch(
        /^(POST|PATCH) \/services\/data\/v65\.0\/composite\/sobjects/
      );
      expect(fake.log).toHaveLength(limit + 2);
      expect(fake.log[limit + 1]).toBe('GET /services/data/v65.0/limits');
    });

    it('follows a 307 of an upsert to another instance with its body', async () => {
      fake = await startScratchOrg();
      await fake.startOtherInstance();
      fake.redirects.push({
        method: 'PATCH',
        path: /\/composite\/sobjects\/Account\//,
        status: 307,
        to: 'other instance',
        times: 100
      });
      const result = await runCli(['seed'], envFor(fake));

      expect(result.stderr).toBe('');
      expect(result.code).toBe(EXIT.ok);
      expect(fake.otherInstanceLog).toContain(
        'PATCH /services/data/v65.0/composite/sobjects/Account/SSM_External_Id__c'
      );
      expect(heldCounts()).toEqual(counts);
    });

    it('resends an upsert whose answer is cut off, without duplicates', async () => {
      fake = await startScratchOrg();
      fake.networkFaults.push({
        method: 'PATCH',
        path: /\/composite\/sobjects\/Opportunity\//,
        kind: 'dropMidBody',
        times: 1
      });
      const result = await runCli(['seed'], envFor(fake), {
        timeouts: { connectMs: 2000, idleMs: 5000 }
      });

      expect(result.code).toBe(EXIT.ok);
      expect(result.stderr).toContain(
        'ECONNRESET on PATCH /services/data/v65.0/composite/sobjects/Opportunity/SSM_External_Id__c; retrying'
      );
      expect(heldCounts()).toEqual(counts);
      expect(duplicateExternalIds()).toEqual([]);
    });
  });

  describe('session expiry (401)', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'ssm-sf-'));
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    function fakeSfCli(tokenFile: string): NodeJS.ProcessEnv {
      return sfCliStandIn(dir, fake, tokenFile);
    }

    it('refreshes a Salesforce CLI login when the session expires mid-load, and goes on', async () => {
      fake = await startScratchOrg();
      const tokenFile = join(dir, 'token');
      writeFileSync(tokenFile, 'token-1');
      fake.sessionExpiresAfter = 30;
      fake.onSessionExpired = () => writeFileSync(tokenFile, fake.issueToken());
      const result = await runCli(['seed', '-o', 'ssm-test'], fakeSfCli(tokenFile));

      expect(result.stderr).toBe('');
      expect(result.code).toBe(EXIT.ok);
      // The first token died after 30 calls; the rest of the load ran on the refreshed one.
      expect(fake.validTokens).toEqual(new Set(['token-2']));
      expect(fake.log.length).toBeGreaterThan(31);
      expect(heldCounts()).toEqual(counts);
      expect(duplicateExternalIds()).toEqual([]);
    });

    it('stops with exit code 3 when a token from the environment expires', async () => {
      fake = await startScratchOrg();
      fake.sessionExpiresAfter = 30;
      const result = await runCli(['seed'], envFor(fake));

      expect(result.code).toBe(EXIT.auth);
      expect(result.stderr).toContain('INVALID_SESSION_ID');
    });

    it('names an unknown CLI login and how to log in', async () => {
      fake = await startScratchOrg();
      const result = await runCli(['seed', '-o', 'nope'], fakeSfCli(join(dir, 'token')));

      expect(result.code).toBe(EXIT.auth);
      expect(result.stderr).toContain(
        'Cannot use the Salesforce CLI login "nope": No authorization information found for nope.'
      );
      expect(result.stderr).toContain('npx sf org login web --alias nope');
    });
  });
});

/**
 * Runs `ssm` in-process against the fake org: captured output, instant retry waits (each wait is
 * recorded), and an org set up like a fresh scratch org.
 */
import { Writable } from 'node:stream';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditReport } from '../audit';
import type { HttpTimeouts } from '../httpTransport';
import { run } from '../main';
import type { RetryPolicy } from '../salesforceApi';
import { loadPermissionSetGroups, loadPermissionSets } from '../../model/permissionSets';
import { FakeSalesforce, type MultiCurrency } from './fakeSalesforce';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const REPO_ROOT = join(__dirname, '..', '..', '..');

export function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    }
  });
  return { stream, text: () => chunks.join('') };
}

export function instantRetry(delays: number[]): RetryPolicy {
  return {
    maxAttempts: 4,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
    sleep: async (ms) => {
      delays.push(ms);
    }
  };
}

export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  options: {
    delays?: number[];
    cwd?: string;
    bulkPageSize?: number;
    /** Connect and idle timeouts of each HTTP call (default: the CLI's own). */
    timeouts?: HttpTimeouts;
  } = {}
): Promise<RunResult> {
  const stdout = capture();
  const stderr = capture();
  const code = await run(argv, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env,
    cwd: options.cwd ?? REPO_ROOT,
    retry: instantRetry(options.delays ?? []),
    bulkPageSize: options.bulkPageSize,
    httpTimeouts: options.timeouts,
    today: () => '2026-11-16'
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/**
 * `ssm audit --csv <csv>` on the sample day, period 2026-Q4, its JSON report written into `dir`
 * and read back (null when the run wrote none).
 */
export async function auditCsvReport(
  csv: string,
  dir: string,
  extra: string[] = []
): Promise<RunResult & { report: AuditReport | null }> {
  const json = join(dir, 'report.json');
  const result = await runCli(
    [
      'audit',
      '--csv',
      csv,
      '--today',
      '2026-11-16',
      '--period',
      '2026-Q4',
      '--json',
      json,
      ...extra
    ],
    {}
  );
  const report = existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as AuditReport) : null;
  return { ...result, report };
}

interface PlanEntry {
  sobject: string;
  files: string[];
}

/** Object names of the sample plan, and how many records each holds. */
export function sampleCounts(): Map<string, number> {
  const plan = JSON.parse(
    readFileSync(join(REPO_ROOT, 'data', 'sample-plan.json'), 'utf8')
  ) as PlanEntry[];
  const counts = new Map<string, number>();
  for (const entry of plan) {
    for (const file of entry.files) {
      const { records } = JSON.parse(readFileSync(join(REPO_ROOT, 'data', file), 'utf8')) as {
        records: unknown[];
      };
      counts.set(entry.sobject, (counts.get(entry.sobject) ?? 0) + records.length);
    }
  }
  return counts;
}

/**
 * A fake scratch org: the admin user, the Standard User profile, the package's permission sets
 * and permission set groups (deployed and recalculated: Status Updated), and, as config/project-scratch-def.json makes it, multiple currencies with advanced currency
 * management and only the corporate currency DKK (`multiCurrency` changes that; false is a
 * single-currency org).
 */
export async function startScratchOrg(
  organization: Record<string, unknown> = {},
  options: { multiCurrency?: MultiCurrency | false } = {}
): Promise<FakeSalesforce> {
  const fake = new FakeSalesforce();
  fake.multiCurrency = options.multiCurrency ?? { corporate: 'DKK', advanced: true };
  await fake.start();
  fake.add('Organization', {
    Name: 'Fake Scratch Org',
    IsSandbox: false,
    TrialExpirationDate: '2026-12-31T00:00:00.000+0000',
    OrganizationType: 'Developer Edition',
    FiscalYearStartMonth: 1,
    UsesStartDateAsFiscalYearName: false,
    ...organization
  });
  fake.add('User', { Username: 'admin@fake.example.com', Name: 'Ada Admin', IsActive: true });
  fake.add('Profile', { Name: 'Standard User' });
  for (const name of loadPermissionSets().keys()) {
    fake.add('PermissionSet', { Name: name });
  }
  for (const [name, group] of loadPermissionSetGroups()) {
    fake.add('PermissionSetGroup', {
      DeveloperName: name,
      MasterLabel: group.label,
      Status: 'Updated'
    });
  }
  fake.declare('PermissionSetAssignment', ...sampleCounts().keys());
  return fake;
}

export function envFor(fake: FakeSalesforce, token = 'token-1'): NodeJS.ProcessEnv {
  return { SF_INSTANCE_URL: fake.url, SF_ACCESS_TOKEN: token };
}

/**
 * A stand-in `sf` (SSM_SF_BIN) in `dir`: `org display --target-org ssm-test` prints the token in
 * `tokenFile` and the fake's URL, any other alias fails as the real CLI does.
 */
export function fakeSfCli(dir: string, fake: FakeSalesforce, tokenFile: string): NodeJS.ProcessEnv {
  const script = join(dir, 'fake-sf.js');
  writeFileSync(
    script,
    [
      "const { readFileSync } = require('node:fs');",
      "const alias = process.argv[process.argv.indexOf('--target-org') + 1];",
      "if (alias !== 'ssm-test') {",
      "  console.log(JSON.stringify({ status: 1, name: 'NamedOrgNotFoundError', message: 'No authorization information found for ' + alias + '.' }));",
      '  process.exit(1);',
      '}',
      "const accessToken = readFileSync(process.env.FAKE_SF_TOKEN_FILE, 'utf8').trim();",
      "console.log(JSON.stringify({ status: 0, result: { accessToken, instanceUrl: process.env.FAKE_SF_URL, username: 'admin@fake.example.com' } }));"
    ].join('\n')
  );
  chmodSync(script, 0o755);
  return { SSM_SF_BIN: script, FAKE_SF_TOKEN_FILE: tokenFile, FAKE_SF_URL: fake.url };
}

/**
 * `npm run apex -- -f script.apex [--as <user>] [--reset] [--json]`: runs anonymous Apex with the
 * offline Apex runtime on the workbench's sample org, like `sf apex run` on an org. It prints the
 * USER_DEBUG lines and, on failure, the exception and its Apex stack; exits 0 or 1. The org is
 * the one `npm start` shows (its saved changes included) unless `--reset` asks for the pristine
 * sample. Changes the script makes are not kept: each run starts from the same org.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR } from '../org/embeddedOrg';
import type { ApexOrg } from '../../apex-runtime/src/platform/orgs';
import {
  runAnonymousApex,
  type AnonymousResult
} from '../../apex-runtime/src/testing/anonymousRun';
import { parseFlags, usage, UsageError, type FlagSpec } from '../../apex-runtime/src/cli/arguments';
import { STORE_FILE } from '../workbench/paths';
import { loadWorkbenchState } from '../workbench/server/workbenchOrg';
import { LocalStore } from '../workbench/server/store';

const FLAGS: FlagSpec[] = [
  { name: 'file', short: 'f', description: 'the anonymous Apex to run' },
  { name: 'as', description: 'run as this sample user (username, alias, or e.g. seller1)' },
  {
    name: 'reset',
    switch: true,
    description: 'the pristine sample org, without the workbench edits'
  },
  { name: 'json', switch: true, description: 'print the result as JSON' },
  { name: 'help', short: 'h', switch: true, description: 'show this help' }
];

const SUMMARY = 'Runs anonymous Apex offline on the sample org, as `sf apex run` does on an org.';

/** The sample's user keys (`seller1`, `manager2`) by the e-mail local part of each user. */
function sampleKeys(): Map<string, string> {
  const file = join(DEFAULT_DATA_DIR, 'sample-users.json');
  if (!existsSync(file)) return new Map();
  const { users } = JSON.parse(readFileSync(file, 'utf8')) as {
    users: { key: string; emailLocalPart: string }[];
  };
  return new Map(users.map((user) => [user.key.toLowerCase(), user.emailLocalPart.toLowerCase()]));
}

/** The Id of the sample user named by key, username, alias, e-mail local part or Name. */
export function userIdOf(org: ApexOrg, who: string): string {
  const wanted = sampleKeys().get(who.toLowerCase()) ?? who.toLowerCase();
  for (const row of org.database.rows('User')) {
    const candidates = [
      row.Username,
      row.Alias,
      row.Name,
      row.Email,
      String(row.Email ?? '').split('@')[0]
    ]
      .filter((value): value is string => typeof value === 'string')
      .map((value) => value.toLowerCase());
    if (candidates.includes(wanted)) return String(row.Id);
  }
  throw new UsageError(
    `No sample user "${who}": use a username, alias or name from data/sample-users.json`
  );
}

export function formatAnonymousResult(result: AnonymousResult): string {
  const lines: string[] = [];
  if (!result.compiled) {
    lines.push(`Error: Compile problem: ${result.compileProblem ?? ''}`);
    return lines.join('\n');
  }
  lines.push('Compiled successfully.');
  lines.push(result.success ? 'Executed successfully.' : `Error: ${result.exceptionMessage ?? ''}`);
  if (result.exceptionStackTrace) lines.push(result.exceptionStackTrace);
  if (result.debugLog.length > 0) lines.push('');
  for (const line of result.debugLog)
    lines.push(`USER_DEBUG|[${line.line}]|${line.level}|${line.message}`);
  return lines.join('\n');
}

export function main(argv: readonly string[], storeFile = STORE_FILE): number {
  let flags: Map<string, string | true>;
  try {
    flags = parseFlags(argv, FLAGS);
    if (flags.has('help')) {
      process.stdout.write(usage('npm run apex --', SUMMARY, FLAGS));
      return 0;
    }
    const file = flags.get('file');
    if (typeof file !== 'string') throw new UsageError('--file is required');
    if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
    const { org, program } = loadWorkbenchState({
      store: flags.has('reset') ? undefined : new LocalStore(storeFile)
    });
    const who = flags.get('as');
    const userId = typeof who === 'string' ? userIdOf(org, who) : org.adminUserId;
    const result = runAnonymousApex(org, readFileSync(file, 'utf8'), { userId, program });
    if (flags.has('json')) {
      const { session: _session, ...rest } = result;
      void _session;
      process.stdout.write(`${JSON.stringify(rest, null, 2)}\n`);
    } else {
      process.stdout.write(`${formatAnonymousResult(result)}\n`);
    }
    return result.success ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${usage('npm run apex --', SUMMARY, FLAGS)}`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}

/**
 * Org access without credentials in files: either the admin's Salesforce CLI login (`-o alias` or
 * username, read with `sf org display --json`, which also refreshes an expired access token), or
 * an instance URL and access token from the environment (SF_INSTANCE_URL, SF_ACCESS_TOKEN). On a
 * 401 jsforce calls the refresh function, which asks `sf` again, a bounded number of times.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, EXIT } from './exitCodes';
import { DEFAULT_TIMEOUTS, type HttpTimeouts } from './httpTransport';
import { DEFAULT_RETRY, SalesforceApi, type RetryNotice, type RetryPolicy } from './salesforceApi';

const REPO_ROOT = join(__dirname, '..', '..');

/** The package's API version (sfdx-project.json sourceApiVersion); jsforce would default to 50.0. */
export function defaultApiVersion(): string {
  try {
    const project = JSON.parse(readFileSync(join(REPO_ROOT, 'sfdx-project.json'), 'utf8')) as {
      sourceApiVersion?: string;
    };
    return project.sourceApiVersion ?? '65.0';
  } catch {
    return '65.0';
  }
}

export interface OrgSession {
  instanceUrl: string;
  accessToken: string;
  /** Where the session came from, for messages: `sf org "ssm"` or `SF_INSTANCE_URL`. */
  origin: string;
  username?: string;
  /** Gets a fresh access token (absent for a token from the environment). */
  refresh?: () => Promise<string>;
}

interface SfOrgDisplay {
  status?: number;
  message?: string;
  name?: string;
  result?: { accessToken?: string; instanceUrl?: string; username?: string };
}

/** The `sf` executable: SSM_SF_BIN, else the project's own @salesforce/cli, else `sf` on PATH. */
function sfCommand(env: NodeJS.ProcessEnv): { file: string; prefix: string[] } {
  const configured = env.SSM_SF_BIN;
  if (configured) {
    return configured.endsWith('.js')
      ? { file: process.execPath, prefix: [configured] }
      : { file: configured, prefix: [] };
  }
  const local = join(REPO_ROOT, 'node_modules', '@salesforce', 'cli', 'bin', 'run.js');
  return existsSync(local)
    ? { file: process.execPath, prefix: [local] }
    : { file: 'sf', prefix: [] };
}

function sfOrgDisplay(targetOrg: string, env: NodeJS.ProcessEnv): Promise<SfOrgDisplay['result']> {
  const { file, prefix } = sfCommand(env);
  return new Promise((resolve, reject) => {
    execFile(
      file,
      [...prefix, 'org', 'display', '--json', '--target-org', targetOrg],
      { env, timeout: 120_000, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout) => {
        let parsed: SfOrgDisplay | undefined;
        try {
          parsed = JSON.parse(stdout) as SfOrgDisplay;
        } catch {
          parsed = undefined;
        }
        if (parsed?.status === 0 && parsed.result?.accessToken && parsed.result.instanceUrl) {
          resolve(parsed.result);
          return;
        }
        const reason = parsed?.message ?? (error ? error.message : 'no access token in its output');
        reject(
          new CliError(
            `Cannot use the Salesforce CLI login "${targetOrg}": ${reason}\n` +
              `Log in with \`npx sf org login web --alias ${targetOrg}\`, or set SF_INSTANCE_URL and SF_ACCESS_TOKEN.`,
            EXIT.auth
          )
        );
      }
    );
  });
}

/** The session for `-o` (preferred) or the environment; a usage error when there is neither. */
export async function resolveSession(
  targetOrg: string | undefined,
  env: NodeJS.ProcessEnv = process.env
): Promise<OrgSession> {
  if (targetOrg) {
    const display = await sfOrgDisplay(targetOrg, env);
    return {
      instanceUrl: display?.instanceUrl as string,
      accessToken: display?.accessToken as string,
      username: display?.username,
      origin: `the Salesforce CLI login "${targetOrg}"`,
      refresh: async () => (await sfOrgDisplay(targetOrg, env))?.accessToken as string
    };
  }
  if (env.SF_INSTANCE_URL && env.SF_ACCESS_TOKEN) {
    return {
      instanceUrl: env.SF_INSTANCE_URL.replace(/\/+$/, ''),
      accessToken: env.SF_ACCESS_TOKEN,
      origin: 'SF_INSTANCE_URL and SF_ACCESS_TOKEN'
    };
  }
  throw new CliError(
    'No org given: pass -o <alias or username> of a Salesforce CLI login, or set SF_INSTANCE_URL and SF_ACCESS_TOKEN.',
    EXIT.usage
  );
}

/** At most this many token refreshes per command: a token that is refused at once is a login problem. */
const MAX_REFRESHES = 3;

export interface ConnectOptions {
  apiVersion?: string;
  retry?: RetryPolicy;
  onRetry?: (notice: RetryNotice) => void;
  /** Connect and idle timeouts of every HTTP call (tests use short ones). */
  timeouts?: HttpTimeouts;
}

/** A jsforce Connection on the session, with the API version set and bounded token refresh. */
export async function connect(
  session: OrgSession,
  options: ConnectOptions = {}
): Promise<SalesforceApi> {
  // Loaded here, not at start-up: audits of a CSV or the sample do not need jsforce.
  const { Connection } = await import('jsforce');
  let refreshes = 0;
  const refresh = session.refresh;
  const conn = new Connection({
    instanceUrl: session.instanceUrl,
    accessToken: session.accessToken,
    version: options.apiVersion ?? defaultApiVersion(),
    refreshFn: refresh
      ? (_conn, callback) => {
          refreshes += 1;
          if (refreshes > MAX_REFRESHES) {
            callback(
              new CliError(
                `The org keeps refusing the access token from ${session.origin} after ${MAX_REFRESHES} refreshes; log in again.`,
                EXIT.auth
              )
            );
            return;
          }
          refresh().then(
            (token) => callback(null, token),
            (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)))
          );
        }
      : undefined
  });
  return new SalesforceApi(
    conn,
    options.retry ?? DEFAULT_RETRY,
    options.onRetry,
    options.timeouts ?? DEFAULT_TIMEOUTS
  );
}

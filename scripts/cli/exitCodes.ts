/**
 * The exit codes of `ssm`, documented in scripts/cli/README.md. Scripts and CI jobs branch on
 * them, so they never change meaning.
 */
export const EXIT = {
  /** Everything asked for was done. */
  ok: 0,
  /** The command ran to the end, but some rows failed (seed) or were malformed (audit). */
  rowProblems: 1,
  /** Bad options or arguments, an unreadable input file. */
  usage: 2,
  /** No usable login: unknown alias, token rejected after a refresh, an expired environment token. */
  auth: 3,
  /** Refused before any change: a production org without `--allow-production`, no package. */
  refused: 4,
  /**
   * Salesforce stopped the run: a failed or short Bulk job, the daily API limit, retries or
   * timeouts exhausted, a redirect not followed, an API error.
   */
  api: 5,
  /** A bug in ssm: anything else. */
  internal: 70
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error that ends the command with a given exit code and a message for the admin. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode
  ) {
    super(message);
    this.name = 'CliError';
  }
}

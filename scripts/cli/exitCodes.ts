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
  /** No usable login: unknown alias, token rejected after a refresh, no credentials given. */
  auth: 3,
  /** Refused: `seed` against a production org without `--allow-production`. */
  refused: 4,
  /** Salesforce stopped the run: a failed Bulk job, retries exhausted, an API error. */
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

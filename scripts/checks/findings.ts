/**
 * The one way every check reports: `file:line:column message [rule]`, a count, and a non-zero
 * exit code when anything was found, so `npm test` stops on the first failing check.
 */
import { relative } from 'node:path';

export interface Finding {
  /** Absolute or project-relative path of the file the finding is in. */
  file: string;
  /** 1-based line; 0 when the finding concerns the whole file. */
  line: number;
  /** 1-based column, when known. */
  column?: number;
  message: string;
  /** The rule or check that produced the finding, e.g. `apex-ls` or `soql-unknown-field`. */
  rule?: string;
}

export function formatFinding(finding: Finding, root: string = process.cwd()): string {
  const file = relative(root, finding.file) || finding.file;
  const position = finding.column ? `${finding.line}:${finding.column}` : `${finding.line}`;
  const rule = finding.rule ? ` [${finding.rule}]` : '';
  return `${file}:${position} ${finding.message}${rule}`;
}

/**
 * Prints the findings of one check and sets the process exit code.
 * @returns the exit code: 0 when there is nothing to report, 1 otherwise.
 */
export function reportFindings(checkName: string, findings: readonly Finding[]): number {
  const sorted = [...findings].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0)
  );
  for (const finding of sorted) {
    console.error(formatFinding(finding));
  }
  const summary =
    sorted.length === 0
      ? `${checkName}: no findings`
      : `${checkName}: ${sorted.length} finding${sorted.length === 1 ? '' : 's'}`;
  console.log(summary);
  const code = sorted.length === 0 ? 0 : 1;
  process.exitCode = code;
  return code;
}

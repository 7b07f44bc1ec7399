/**
 * Runs apex-ls's `CheckForIssues` (shipped as jars inside `@salesforce/code-analyzer-pmd-engine`)
 * once over a whole project with the machine's Java, and turns its JSON report into findings.
 * One JVM start per run: the start-up, not the analysis, is what costs time.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, dirname, isAbsolute, join } from 'node:path';

interface ApexLsMessage {
  start: { line: number; offset: number };
  category: string;
  message: string;
}

interface ApexLsReport {
  files: { path: string; messages: ApexLsMessage[] }[];
}

/** One apex-ls message, with its 1-based line and column. */
export interface ApexLsIssue {
  file: string;
  line: number;
  column: number;
  /** apex-ls's category: `Syntax`, `Error`, `Missing`, ... */
  category: string;
  message: string;
}

export class CheckToolUnavailableError extends Error {}

/**
 * JVM options for short analysis runs: the C1 compiler only. Full tiered compilation spends more
 * CPU compiling than a run of a few seconds gains from it; C1 alone halves the CPU time of apex-ls
 * and PMD on this project with identical results.
 */
export const SHORT_RUN_JVM_OPTIONS = ['-XX:TieredStopAtLevel=1'];

/** The folder of jars that holds apex-ls and its dependencies. */
export function apexLsClasspathFolder(): string {
  return join(dirname(require.resolve('@salesforce/code-analyzer-pmd-engine')), 'java-lib');
}

/**
 * @throws CheckToolUnavailableError when Java is missing or apex-ls produced no readable report,
 *   so that a broken tool can never look like a clean project.
 */
export function runApexLs(projectRoot: string, javaCommand = 'java'): ApexLsIssue[] {
  const result = spawnSync(
    javaCommand,
    [
      ...SHORT_RUN_JVM_OPTIONS,
      '-cp',
      join(apexLsClasspathFolder(), '*'),
      'io.github.apexdevtools.apexls.CheckForIssues',
      '--nocache',
      '--format',
      'json',
      '--workspace',
      projectRoot
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
  );
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CheckToolUnavailableError(
      missing ? missingJavaMessage(javaCommand) : `could not start apex-ls: ${result.error.message}`
    );
  }
  return parseApexLsReport(result.stdout, result.stderr, result.status);
}

export function missingJavaMessage(javaCommand = 'java'): string {
  return (
    `"${javaCommand}" was not found: the Apex checks need Java 11 or later on the PATH ` +
    '(Debian: apt-get install openjdk-17-jre-headless)'
  );
}

/** Whether a command can be run, found without starting it (a JVM start costs a second). */
export function isCommandOnPath(command: string, path = process.env.PATH ?? ''): boolean {
  const candidates = isAbsolute(command)
    ? [command]
    : path
        .split(delimiter)
        .filter(Boolean)
        .map((folder) => join(folder, command));
  return candidates.some((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export function parseApexLsReport(
  stdout: string,
  stderr: string,
  status: number | null
): ApexLsIssue[] {
  let report: ApexLsReport;
  try {
    report = JSON.parse(stdout) as ApexLsReport;
  } catch {
    throw new CheckToolUnavailableError(
      `apex-ls exited with ${String(status)} without a JSON report:\n${stderr || stdout}`
    );
  }
  if (!Array.isArray(report.files)) {
    throw new CheckToolUnavailableError(`apex-ls report has no "files" list:\n${stdout}`);
  }
  const issues = report.files.flatMap((file) =>
    file.messages.map((message) => ({
      file: file.path,
      line: message.start.line,
      column: message.start.offset + 1,
      category: message.category,
      message: message.message
    }))
  );
  if (issues.length === 0 && status !== 0) {
    throw new CheckToolUnavailableError(
      `apex-ls exited with ${String(status)} but reported nothing:\n${stderr}`
    );
  }
  return issues;
}

/**
 * `npm run check:apex [project-root]`: apex-ls's semantic check over all Apex of an SFDX project
 * (unknown fields, types and methods, type errors, syntax errors). Fails when the project is laid
 * out so that apex-ls would silently analyse nothing, and when Java is missing.
 */
import { join, resolve } from 'node:path';
import { readApexProject } from './apexProject';
import { isKnownFalsePositive } from './apexKnownFalsePositives';
import { CheckToolUnavailableError, runApexLs } from './apexLanguageServer';
import { type Finding, reportFindings } from './findings';

/** The project checked when no root is given: this repository. */
const REPOSITORY_ROOT = join(__dirname, '..', '..');

export interface ApexCheckResult {
  findings: Finding[];
  /** How many apex-ls messages the documented allow-list silenced. */
  suppressed: number;
  apexFileCount: number;
  /** False when the project layout failed first, so apex-ls was not started. */
  ranApexLs: boolean;
}

export function checkApex(projectRoot: string): ApexCheckResult {
  const { project, problems } = readApexProject(projectRoot);
  if (!project || problems.length > 0) {
    return { findings: problems, suppressed: 0, apexFileCount: 0, ranApexLs: false };
  }
  const issues = runApexLs(project.root);
  const findings = issues
    .filter((issue) => !isKnownFalsePositive(issue.message))
    .map((issue) => ({
      file: issue.file,
      line: issue.line,
      column: issue.column,
      message: `${issue.category}: ${issue.message}`,
      rule: 'apex-ls'
    }));
  return {
    findings,
    suppressed: issues.length - findings.length,
    apexFileCount: project.apexFiles.length,
    ranApexLs: true
  };
}

export function main(argv: readonly string[]): number {
  const root = resolve(argv[0] ?? REPOSITORY_ROOT);
  try {
    const result = checkApex(root);
    console.log(
      result.ranApexLs
        ? `check:apex: ${result.apexFileCount} Apex file(s) analysed by apex-ls` +
            (result.suppressed > 0 ? `, ${result.suppressed} known false positive(s) ignored` : '')
        : 'check:apex: apex-ls not run: the project layout would make it skip Apex silently'
    );
    return reportFindings('check:apex', result.findings);
  } catch (error) {
    if (error instanceof CheckToolUnavailableError) {
      console.error(`check:apex: ${error.message}`);
      process.exitCode = 2;
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2));
}

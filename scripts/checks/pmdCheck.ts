/**
 * `npm run check:pmd [project-root]`: PMD's Recommended and Security rules for Apex, run through
 * Salesforce Code Analyzer's own engine (`@salesforce/code-analyzer-core` with the PMD engine
 * plugin) because the `sf code-analyzer` plugin cannot be installed offline. Fails on any finding
 * of severity 1 (Critical) or 2 (High) and always prints the count for every severity.
 */
import { join, resolve } from 'node:path';
import {
  CodeAnalyzer,
  CodeAnalyzerConfig,
  SeverityLevel,
  type RuleSelection
} from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import {
  CheckToolUnavailableError,
  SHORT_RUN_JVM_OPTIONS,
  isCommandOnPath,
  missingJavaMessage
} from './apexLanguageServer';
import { readApexProject } from './apexProject';
import { type Finding, formatFinding, reportFindings } from './findings';

/** The project checked when no root is given: this repository. */
const REPOSITORY_ROOT = join(__dirname, '..', '..');

/** Rules (and tag intersections) of the PMD engine that run over Apex. */
export const PMD_RULE_SELECTORS = ['pmd:Recommended:Apex', 'pmd:Security:Apex'];

/** Findings at or above this severity (1 = Critical, 2 = High) fail the check. */
export const FAILING_SEVERITY = SeverityLevel.High;

/**
 * Severity overrides. `OperationWithLimitsInLoop` (SOQL, SOSL, DML and other governor-limited
 * calls inside a loop) is Moderate (3) by default; a query in a loop breaks every bulk trigger
 * path at 101 records, so here it is High and fails the check.
 */
export const PMD_RULE_OVERRIDES = {
  OperationWithLimitsInLoop: { severity: SeverityLevel.High }
};

export interface PmdCheckResult {
  findings: Finding[];
  /** Count of violations per severity 1-5, including those that do not fail the check. */
  countsBySeverity: Record<SeverityLevel, number>;
  /** Every violation, as printed for information (severity 3-5 included). */
  allViolations: (Finding & { severity: SeverityLevel })[];
  apexFileCount: number;
}

const SEVERITIES = [
  SeverityLevel.Critical,
  SeverityLevel.High,
  SeverityLevel.Moderate,
  SeverityLevel.Low,
  SeverityLevel.Info
];

function emptyCounts(): Record<SeverityLevel, number> {
  return { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
}

export async function checkPmd(projectRoot: string): Promise<PmdCheckResult> {
  const { project, problems } = readApexProject(projectRoot);
  if (!project || problems.length > 0) {
    return {
      findings: problems,
      countsBySeverity: emptyCounts(),
      allViolations: [],
      apexFileCount: 0
    };
  }
  if (project.apexFiles.length === 0) {
    // Nothing to analyse: skip starting Java. The project layout itself was checked above.
    return { findings: [], countsBySeverity: emptyCounts(), allViolations: [], apexFileCount: 0 };
  }
  if (!isCommandOnPath('java')) {
    throw new CheckToolUnavailableError(missingJavaMessage());
  }
  // The PMD engine starts its own JVMs; the `java` launcher reads extra options from this variable.
  process.env.JDK_JAVA_OPTIONS = [process.env.JDK_JAVA_OPTIONS, ...SHORT_RUN_JVM_OPTIONS]
    .filter(Boolean)
    .join(' ');
  const config = CodeAnalyzerConfig.fromObject(
    // CPD (copy-paste detection) is not part of this check; disabled, it starts no JVM.
    { rules: { pmd: PMD_RULE_OVERRIDES }, engines: { pmd: {}, cpd: { disable_engine: true } } },
    project.root
  );
  const analyzer = new CodeAnalyzer(config);
  await analyzer.addEnginePlugin(createEnginePlugin());
  const workspace = await analyzer.createWorkspace(project.apexFiles);
  const selection = await analyzer.selectRules(PMD_RULE_SELECTORS, { workspace });
  assertSelectionIsComplete(selection);
  const results = await analyzer.run(selection, { workspace });

  const countsBySeverity = emptyCounts();
  const allViolations: PmdCheckResult['allViolations'] = [];
  for (const violation of results.getViolations()) {
    const rule = violation.getRule();
    const severity = rule.getSeverityLevel();
    countsBySeverity[severity] += 1;
    const location = violation.getPrimaryLocation();
    allViolations.push({
      file: location.getFile() ?? project.root,
      line: location.getStartLine() ?? 0,
      column: location.getStartColumn(),
      message: `severity ${severity}: ${violation.getMessage().trim()}`,
      rule: `pmd:${rule.getName()}`,
      severity
    });
  }
  return {
    findings: allViolations.filter((violation) => violation.severity <= FAILING_SEVERITY),
    countsBySeverity,
    allViolations,
    apexFileCount: project.apexFiles.length
  };
}

/**
 * Guards against the check passing because it ran nothing: a renamed tag would select no rules,
 * and a mistyped override would leave queries in loops at Moderate, where they do not fail.
 */
function assertSelectionIsComplete(selection: RuleSelection): void {
  if (selection.getCount() === 0) {
    throw new Error(`no PMD rules match ${PMD_RULE_SELECTORS.join(', ')}`);
  }
  for (const [name, override] of Object.entries(PMD_RULE_OVERRIDES)) {
    const severity = selection.getRule('pmd', name).getSeverityLevel();
    if (severity !== override.severity) {
      throw new Error(`PMD rule ${name} has severity ${severity}, not ${override.severity}`);
    }
  }
}

export function formatSeverityCounts(counts: Record<SeverityLevel, number>): string {
  const total = SEVERITIES.reduce((sum, severity) => sum + counts[severity], 0);
  const parts = SEVERITIES.map(
    (severity) => `${SeverityLevel[severity]} (${severity}): ${counts[severity]}`
  );
  return `${total} violation(s): ${parts.join(', ')}`;
}

/**
 * CLI: `pmdCheck.ts [project-root] [--all]`. Severity 3-5 findings are only counted unless `--all`
 * asks for them, so that `npm test` output shows what fails.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const rootArgument = argv.find((argument) => !argument.startsWith('--'));
  const result = await checkPmd(resolve(rootArgument ?? REPOSITORY_ROOT));
  if (argv.includes('--all')) {
    for (const violation of result.allViolations) {
      if (violation.severity > FAILING_SEVERITY) {
        console.log(`allowed: ${formatFinding(violation)}`);
      }
    }
  }
  console.log(
    `check:pmd: ${result.apexFileCount} Apex file(s); ${formatSeverityCounts(result.countsBySeverity)}` +
      (argv.includes('--all') ? '' : ' (--all lists severity 3-5)')
  );
  return reportFindings('check:pmd', result.findings);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error('check:pmd:', error instanceof CheckToolUnavailableError ? error.message : error);
    process.exitCode = 2;
  });
}

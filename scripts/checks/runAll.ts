/**
 * `npm run checks`: every offline check, one after another, each in its own process (so one
 * check's exit code or crash cannot hide another's), with each one's time and the total. A check
 * whose script does not exist fails the run: a missing check must never look like a passing one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface CheckStep {
  name: string;
  /** Absolute path of the TypeScript entry point. */
  script: string;
  args: string[];
}

export interface StepOutcome {
  name: string;
  passed: boolean;
  seconds: number;
  /** Why a step failed without running, e.g. its script is missing. */
  reason?: string;
}

/** The checks, in the order `npm test` needs them: cheap structural checks first. */
export function defaultSteps(checksFolder: string, projectRoot?: string): CheckStep[] {
  const root = projectRoot ? [projectRoot] : [];
  const step = (name: string, file: string, args: string[]): CheckStep => ({
    name,
    script: join(checksFolder, file),
    args
  });
  return [
    step('check:package', 'packageDefinitionCheck.ts', root),
    step('check:metadata', 'metadataCheck.ts', root),
    step('check:translations', 'translationCheck.ts', root),
    step('check:tab-motifs', 'tabMotifCheck.ts', root),
    step('check:reports', 'reportFieldCheck.ts', root),
    step('check:apex', 'apexCheck.ts', root),
    step('check:soql', 'soqlCheck.ts', root),
    step('check:pmd', 'pmdCheck.ts', root),
    step('check:apex-types', 'apexTypes.ts', ['--check'])
  ];
}

export function runSteps(
  steps: readonly CheckStep[],
  log: (line: string) => void = console.log
): StepOutcome[] {
  const tsxCli = require.resolve('tsx/cli');
  const outcomes: StepOutcome[] = [];
  for (const step of steps) {
    log(`\n== ${step.name}`);
    if (!existsSync(step.script)) {
      const reason = `missing script ${relative(process.cwd(), step.script)}`;
      log(`${step.name}: FAILED (${reason})`);
      outcomes.push({ name: step.name, passed: false, seconds: 0, reason });
      continue;
    }
    const started = performance.now();
    const result = spawnSync(process.execPath, [tsxCli, step.script, ...step.args], {
      stdio: 'inherit'
    });
    const seconds = (performance.now() - started) / 1000;
    const passed = result.status === 0;
    const reason = passed ? undefined : `exit ${String(result.status ?? result.signal)}`;
    outcomes.push({ name: step.name, passed, seconds, reason });
  }
  return outcomes;
}

export function summarize(outcomes: readonly StepOutcome[]): string {
  const width = Math.max(...outcomes.map((outcome) => outcome.name.length), 5);
  const lines = outcomes.map(
    (outcome) =>
      `${outcome.name.padEnd(width)}  ${outcome.passed ? 'ok    ' : 'FAILED'}  ` +
      `${outcome.seconds.toFixed(1).padStart(5)} s${outcome.reason ? `  (${outcome.reason})` : ''}`
  );
  const total = outcomes.reduce((sum, outcome) => sum + outcome.seconds, 0);
  const failed = outcomes.filter((outcome) => !outcome.passed).length;
  lines.push(
    `${'total'.padEnd(width)}  ${failed === 0 ? 'ok    ' : 'FAILED'}  ${total.toFixed(1).padStart(5)} s` +
      (failed > 0 ? `  (${failed} of ${outcomes.length} failed)` : '')
  );
  return lines.join('\n');
}

export function main(argv: readonly string[]): number {
  const outcomes = runSteps(defaultSteps(__dirname, argv[0]));
  console.log(`\n${summarize(outcomes)}`);
  const code = outcomes.every((outcome) => outcome.passed) ? 0 : 1;
  process.exitCode = code;
  return code;
}

if (require.main === module) {
  main(process.argv.slice(2));
}

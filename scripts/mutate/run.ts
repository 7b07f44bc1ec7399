/**
 * `npm run mutate`: the mutation probe. Copies the sources to a temporary folder (node_modules
 * symlinked), then applies each mutation of mutations.ts to the COPY, one at a time, runs that
 * mutation's Jest files there and restores the file. The working tree is only ever read: other
 * people may be editing it. Exit 1 when a mutation survives (every test passed with it), is stale
 * (its text is gone from the file) or could not be judged; the table says which.
 *
 * Bounded: each Jest run has a time limit and the whole probe one more (about a minute and a
 * half on 2 cores); deterministic: fixed mutations, fixed test files, `--ci`, no watchman, one
 * Jest run at a time. Before any mutation, the chosen test files run once unmutated: a red
 * baseline (someone's half-done edit) fails the probe with that message instead of
 * making every mutation look killed.
 *
 * Options: words filter the mutations by name (case-insensitive); `--keep` keeps the copy.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { MUTATIONS, type Mutation } from './mutations';
import {
  applyMutation,
  formatTable,
  outcomeOf,
  probePassed,
  type JestSummary,
  type Row
} from './probe';

const REPO_ROOT = join(__dirname, '..', '..');
/** Not copied: dependencies (symlinked instead), history and generated output. */
const SKIPPED = new Set([
  'node_modules',
  '.git',
  '.artifacts',
  '.workbench',
  'coverage',
  '.sf',
  '.sfdx'
]);
/** Upper bound of one Jest run (a mutant that loops forever must not hang the probe). */
const JEST_TIMEOUT_MS = 3 * 60_000;
/** Upper bound of the whole probe. */
const PROBE_TIMEOUT_MS = 8 * 60_000;

function copySources(): string {
  const copy = mkdtempSync(join(tmpdir(), 'ssm-mutate-'));
  cpSync(REPO_ROOT, copy, {
    recursive: true,
    filter: (source) => {
      const path = relative(REPO_ROOT, source);
      return path === '' || !SKIPPED.has(path.split(/[\\/]/)[0]);
    }
  });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

function runJest(
  copy: string,
  tests: readonly string[]
): { summary: JestSummary | null; timedOut: boolean; output: string } {
  const resultsFile = join(copy, '.mutate-results.json');
  rmSync(resultsFile, { force: true });
  const result = spawnSync(
    process.execPath,
    [
      join(copy, 'node_modules', 'jest', 'bin', 'jest.js'),
      '--config',
      join(copy, 'jest.config.js'),
      '--ci',
      '--silent',
      '--no-watchman',
      '--coverage=false',
      '--maxWorkers=2',
      '--json',
      `--outputFile=${resultsFile}`,
      '--runTestsByPath',
      ...tests.map((test) => join(copy, test))
    ],
    { cwd: copy, encoding: 'utf8', timeout: JEST_TIMEOUT_MS, env: { ...process.env, CI: 'true' } }
  );
  const timedOut =
    result.error !== undefined && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
  const summary = existsSync(resultsFile)
    ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as JestSummary)
    : null;
  return { summary, timedOut, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/** The first line of Jest's first failure message, for the table's detail lines. */
function firstFailure(summary: JestSummary | null, output: string): string {
  const failed = summary?.testResults?.find((result) => result.failureMessage);
  const text = failed?.failureMessage ?? output;
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 0 && !line.startsWith('at ')) ?? ''
  ).slice(0, 160);
}

function probe(copy: string, mutations: readonly Mutation[]): Row[] {
  const rows: Row[] = [];
  for (const mutation of mutations) {
    const started = Date.now();
    const target = join(copy, mutation.file);
    const original = existsSync(target) ? readFileSync(target, 'utf8') : null;
    const applied =
      original === null
        ? { ok: false as const, reason: 'file not found' }
        : applyMutation(original, mutation);
    if (!applied.ok || original === null) {
      rows.push({
        name: mutation.name,
        file: mutation.file,
        outcome: 'STALE',
        seconds: 0,
        detail: applied.ok ? '' : applied.reason
      });
      continue;
    }
    writeFileSync(target, applied.text);
    try {
      const { summary, timedOut, output } = runJest(copy, mutation.tests);
      const outcome = outcomeOf(summary, timedOut);
      rows.push({
        name: mutation.name,
        file: mutation.file,
        outcome,
        seconds: (Date.now() - started) / 1000,
        detail:
          outcome === 'SURVIVED'
            ? `all ${summary?.numTotalTests} tests in ${mutation.tests.join(', ')} passed`
            : outcome === 'ERROR'
              ? timedOut
                ? `Jest took longer than ${JEST_TIMEOUT_MS / 1000}s`
                : firstFailure(summary, output)
              : undefined
      });
    } finally {
      writeFileSync(target, original);
    }
    console.log(`  ${rows[rows.length - 1].outcome.padEnd(8)} ${mutation.name}`);
  }
  return rows;
}

function main(args: readonly string[]): number {
  const keep = args.includes('--keep');
  const filter = args
    .filter((arg) => arg !== '--keep')
    .join(' ')
    .toLowerCase();
  const mutations = MUTATIONS.filter((mutation) => mutation.name.toLowerCase().includes(filter));
  if (mutations.length === 0) {
    console.log(`mutate: no mutation name contains "${filter}"`);
    return 1;
  }
  const started = Date.now();
  const copy = copySources();
  try {
    const tests = [...new Set(mutations.flatMap((mutation) => mutation.tests))].sort();
    const missing = tests.filter((test) => !existsSync(join(copy, test)));
    if (missing.length > 0) {
      console.log(`mutate: test files not found: ${missing.join(', ')}`);
      return 1;
    }
    console.log(`mutate: baseline, ${tests.length} test files unmutated (copy in ${copy})`);
    const baseline = runJest(copy, tests);
    if (
      baseline.timedOut ||
      !baseline.summary ||
      baseline.summary.numFailedTests > 0 ||
      baseline.summary.numRuntimeErrorTestSuites > 0 ||
      baseline.summary.numTotalTests === 0
    ) {
      console.log(
        `mutate: the unmutated tests are not green, nothing can be judged: ${firstFailure(baseline.summary, baseline.output)}`
      );
      return 1;
    }
    console.log(
      `mutate: baseline green (${baseline.summary.numTotalTests} tests); ${mutations.length} mutations`
    );
    const rows = probe(copy, mutations);
    console.log('');
    console.log(formatTable(rows));
    const passed = probePassed(rows.map((row) => row.outcome));
    const killed = rows.filter((row) => row.outcome === 'killed').length;
    console.log('');
    console.log(
      `mutate: ${killed} of ${rows.length} mutations killed in ${((Date.now() - started) / 1000).toFixed(0)}s${passed ? '' : ' - FAILED: every mutation must be killed'}`
    );
    return passed ? 0 : 1;
  } finally {
    if (keep) console.log(`mutate: copy kept in ${copy}`);
    else rmSync(copy, { recursive: true, force: true });
  }
}

if (require.main === module) {
  setTimeout(() => {
    console.log(`mutate: the probe took longer than ${PROBE_TIMEOUT_MS / 60_000} minutes`);
    process.exit(1);
  }, PROBE_TIMEOUT_MS).unref();
  process.exitCode = main(process.argv.slice(2));
}

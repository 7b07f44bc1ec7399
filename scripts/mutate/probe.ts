/**
 * The pure part of the mutation probe: applying a mutation to a file's text, reading Jest's
 * verdict and printing the table. run.ts does the copying and the running.
 */
import type { Mutation } from './mutations';

export type Outcome =
  /** A test failed with the mutation in place: the tests see the change. */
  | 'killed'
  /** Every test passed with the mutation in place: the tests do not see the change. */
  | 'SURVIVED'
  /** `find` no longer occurs exactly once in the file: the mutation needs updating. */
  | 'STALE'
  /** Jest could not run the tests (a suite failed to load, no test ran, it timed out). */
  | 'ERROR';

/** The mutated text, or why the mutation cannot be applied. */
export function applyMutation(
  text: string,
  mutation: Pick<Mutation, 'find' | 'replace'>
): { ok: true; text: string } | { ok: false; reason: string } {
  const first = text.indexOf(mutation.find);
  if (first === -1) return { ok: false, reason: 'text to mutate not found' };
  if (text.indexOf(mutation.find, first + 1) !== -1) {
    return { ok: false, reason: 'text to mutate occurs more than once' };
  }
  if (mutation.find === mutation.replace) return { ok: false, reason: 'mutation changes nothing' };
  return {
    ok: true,
    text: text.slice(0, first) + mutation.replace + text.slice(first + mutation.find.length)
  };
}

/** The parts of Jest's `--json` results the verdict reads. */
export interface JestSummary {
  numTotalTests: number;
  numFailedTests: number;
  numRuntimeErrorTestSuites: number;
  testResults?: readonly { testFilePath?: string; name?: string; failureMessage?: string | null }[];
}

/**
 * The outcome of one mutant's run. A failing assertion kills it; a suite that fails to load does
 * not (a mutation must not count as caught because it broke the build), nor does a run without
 * tests. `summary` is null when Jest wrote no results (it crashed or timed out).
 */
export function outcomeOf(summary: JestSummary | null, timedOut: boolean): Outcome {
  if (timedOut || !summary) return 'ERROR';
  if (summary.numFailedTests > 0) return 'killed';
  if (summary.numRuntimeErrorTestSuites > 0 || summary.numTotalTests === 0) return 'ERROR';
  return 'SURVIVED';
}

/** Whether the probe passes: every mutation killed. */
export function probePassed(outcomes: readonly Outcome[]): boolean {
  return outcomes.length > 0 && outcomes.every((outcome) => outcome === 'killed');
}

export interface Row {
  name: string;
  file: string;
  outcome: Outcome;
  seconds: number;
  detail?: string;
}

/** A plain-text table, one mutation a line. */
export function formatTable(rows: readonly Row[]): string {
  const header: Row = { name: 'mutation', file: 'file', outcome: 'killed', seconds: 0 };
  const cells = [header, ...rows].map((row, index) => [
    row.name,
    row.file,
    index === 0 ? 'outcome' : row.outcome,
    index === 0 ? 'time' : `${row.seconds.toFixed(1)}s`
  ]);
  const widths = [0, 1, 2, 3].map((column) =>
    Math.max(...cells.map((line) => line[column].length))
  );
  const lines = cells.map((line) =>
    line
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd()
  );
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  const details = rows
    .filter((row) => row.detail)
    .map((row) => `  ${row.outcome} ${row.name}: ${row.detail}`);
  return [...lines, ...details].join('\n');
}

/**
 * The named mutations `npm run mutate` applies, one at a time, to a copy of the sources. Each is
 * a plausible slip in code whose result a user sees, and names the Jest files that must catch
 * it. `find` must occur exactly once in `file` (repository-relative); when a file is edited so
 * that it no longer does, the probe fails with "stale" and the mutation is updated here.
 *
 * The first six are the survivors of issue 23's probe; the rest cover the KPI module, the
 * formula engine, the CSV reader and the data-quality score arithmetic.
 */
export interface Mutation {
  name: string;
  /** Repository-relative path of the file the mutation changes. */
  file: string;
  find: string;
  replace: string;
  /** Repository-relative Jest test files that must fail with the mutation in place. */
  tests: readonly string[];
}

const KPI = 'force-app/main/default/lwc/salesKpis';
const KPI_TESTS = `${KPI}/__tests__`;
const FORMULA = 'formula-engine/src';

export const MUTATIONS: readonly Mutation[] = [
  {
    name: 'compensation: roundWeight returns the weight unrounded',
    file: `${KPI}/compensation.ts`,
    find: 'return Math.round(value * 100) / 100;',
    replace: 'return value;',
    tests: [`${KPI_TESTS}/compensation.test.ts`, `${KPI_TESTS}/compensationWeights.test.ts`]
  },
  {
    name: 'changes: forecast accuracy without Math.abs',
    file: `${KPI}/changes.ts`,
    find: 'ratio(Math.abs(commitAtStart - closedWon), closedWon)',
    replace: 'ratio(commitAtStart - closedWon, closedWon)',
    tests: [`${KPI_TESTS}/changes.test.ts`, `${KPI_TESTS}/forecastAccuracy.test.ts`]
  },
  {
    name: 'changes: forecast accuracy leaves out deals won on the last day',
    file: `${KPI}/changes.ts`,
    find: 'if (deal.IsWon && close >= start && close <= end) {',
    replace: 'if (deal.IsWon && close >= start && close < end) {',
    tests: [`${KPI_TESTS}/changes.test.ts`, `${KPI_TESTS}/forecastAccuracy.test.ts`]
  },
  {
    name: 'ageing: stage age scans the history oldest-first',
    file: `${KPI}/ageing.ts`,
    find: 'for (let i = changes.rows.length - 1; i >= 0; i--) {',
    replace: 'for (let i = 0; i < changes.rows.length; i++) {',
    tests: [`${KPI_TESTS}/ageing.test.ts`, `${KPI_TESTS}/stageAge.test.ts`]
  },
  {
    name: 'periods: elapsedPart treats the first day as not started',
    file: `${KPI}/periods.ts`,
    find: 'if (dayNumber(today) < dayNumber(period.start)) {\n    return null;',
    replace: 'if (dayNumber(today) <= dayNumber(period.start)) {\n    return null;',
    tests: [`${KPI_TESTS}/periods.test.ts`, `${KPI_TESTS}/periodBoundaries.test.ts`]
  },
  {
    name: 'pipeline: a deal closing on the period end is not in the period',
    file: `${KPI}/pipeline.ts`,
    find: 'return close >= start && close <= end;',
    replace: 'return close >= start && close < end;',
    tests: [`${KPI_TESTS}/pipeline.test.ts`, `${KPI_TESTS}/periodBoundaries.test.ts`]
  },
  {
    name: 'formula ROUND: exponent branch floors instead of rounding',
    file: `${FORMULA}/numbers.ts`,
    find: 'const rounded = (sign * Math.round(magnitude * factor)) / factor;',
    replace: 'const rounded = (sign * Math.floor(magnitude * factor)) / factor;',
    tests: [`${FORMULA}/__tests__/functions.test.ts`, `${FORMULA}/__tests__/roundExponent.test.ts`]
  },
  {
    name: 'formula ROUND: halves round down (Math.round of the shifted text)',
    file: `${FORMULA}/numbers.ts`,
    find: 'const shifted = Math.round(Number(`${text}e${digits}`));',
    replace: 'const shifted = Math.ceil(Number(`${text}e${digits}`) - 0.5);',
    tests: [`${FORMULA}/__tests__/functions.test.ts`]
  },
  {
    name: 'formula MOD: result takes the sign of the divisor',
    file: `${FORMULA}/functions.ts`,
    find: 'return x % y;',
    replace: 'return ((x % y) + y) % y;',
    tests: [`${FORMULA}/__tests__/functions.test.ts`]
  },
  {
    name: 'pipeline: win rate by count ignores lost deals',
    file: `${KPI}/pipeline.ts`,
    find: 'ratio(sums.wonCount, sums.wonCount + sums.lostCount)',
    replace: 'ratio(sums.wonCount, sums.wonCount)',
    tests: [`${KPI_TESTS}/pipeline.test.ts`]
  },
  {
    name: 'pipeline: weighted pipeline forgets the /100 of Probability',
    file: `${KPI}/pipeline.ts`,
    find: 'sums.weightedPipeline += (amount * amountOf(deal.Probability)) / 100;',
    replace: 'sums.weightedPipeline += amount * amountOf(deal.Probability);',
    tests: [`${KPI_TESTS}/pipeline.test.ts`]
  },
  {
    name: 'data quality KPI: share counts only scores strictly above the target',
    file: `${KPI}/dataQuality.ts`,
    find: 'if (target !== null && score >= target) {',
    replace: 'if (target !== null && score > target) {',
    tests: [`${KPI_TESTS}/people.test.ts`]
  },
  {
    name: 'data-quality score: truncates instead of rounding half up',
    file: 'scripts/rules/guidanceEngine/score.ts',
    find: 'Math.floor((passedWeight * 100) / applicableWeight + 0.5 + 1e-9)',
    replace: 'Math.floor((passedWeight * 100) / applicableWeight + 1e-9)',
    tests: ['scripts/rules/guidanceEngine/__tests__/guidanceEngine.test.ts']
  },
  {
    name: 'CSV reader: keeps the byte-order mark in the first header',
    file: 'scripts/cli/csv.ts',
    find: 'if (n > 0 && text.charCodeAt(0) === 0xfeff) i = 1;',
    replace: 'if (n > 0 && text.charCodeAt(0) === 0xfffe) i = 1;',
    tests: ['scripts/cli/__tests__/csv.test.ts']
  },
  {
    name: 'CSV records: a Danish number loses only its first thousands point',
    file: 'scripts/cli/csvRecords.ts',
    find: "Number(text.replace(/\\./g, '').replace(',', '.'))",
    replace: "Number(text.replace('.', '').replace(',', '.'))",
    tests: [
      'scripts/cli/__tests__/auditCsvExcel.test.ts',
      'scripts/cli/__tests__/csvDanishNumbers.test.ts'
    ]
  },
  {
    name: 'CSV records: a value with exactly the digits allowed is refused',
    file: 'scripts/cli/csvRecords.ts',
    find: 'if (Math.abs(value) >= limit) {',
    replace: 'if (Math.abs(value) > limit * 0.1) {',
    tests: ['scripts/cli/__tests__/auditCsvExcel.test.ts', 'scripts/cli/__tests__/auditCsv.test.ts']
  }
];

/**
 * The offline Apex runtime's speed, each figure beside a baseline from the same run:
 * - the package's whole Apex test suite in a fresh process (target: under 60 s on this machine),
 *   against the same suite with the program already parsed (what parsing costs);
 * - an Apex loop of 1,000,000 Integer additions against the same loop in plain JavaScript;
 * - a SOQL query with a filter on three fields and an ORDER BY over the sample org's deals,
 *   against the same filter and sort written by hand over the stored rows.
 *
 *   npx tsx scripts/bench/apexRuntime.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { loadProject } from '../../apex-runtime/src/metadata/loadProject';
import { sampleOrg } from '../../apex-runtime/src/platform/orgs';
import { runAnonymousApex } from '../../apex-runtime/src/testing/anonymousRun';
import { runTests } from '../../apex-runtime/src/testing/testRunner';
import { ApexDecimal } from '../../apex-runtime/src/values/decimal';
import type { ApexDate } from '../../apex-runtime/src/values/temporal';

function time<T>(run: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

function row(name: string, ours: string, baseline: string, target: string): void {
  console.log(`${name.padEnd(52)} ${ours.padEnd(22)} ${baseline.padEnd(34)} ${target}`);
}

console.log(`${'Benchmark'.padEnd(52)} ${'Ours'.padEnd(22)} ${'Baseline'.padEnd(34)} Target`);

const project = loadProject();
const cold = time(() => runTests(project));
const warm = time(() => runTests(project));
const failed = cold.result.methods.filter((method) => method.outcome === 'Fail').length;
if (failed > 0) throw new Error(`${failed} Apex test(s) failed: fix them before timing the suite`);
row(
  `Apex test suite, ${cold.result.methods.length} methods, fresh process`,
  `${(cold.ms / 1000).toFixed(1)} s`,
  `${(warm.ms / 1000).toFixed(1)} s with the program parsed`,
  'under 60 s'
);

const LOOP = 1_000_000;
const org = sampleOrg();
const loop = time(() =>
  runAnonymousApex(
    org,
    `Integer total = 0;\nfor (Integer i = 0; i < ${LOOP}; i++) { total += i; }\nSystem.debug(total);`
  )
);
const apexTotal = loop.result.debugLog[0]?.message;
const js = time(() => {
  let total = 0;
  for (let i = 0; i < LOOP; i++) total = (total + i) | 0;
  return total;
});
if (apexTotal !== String(js.result))
  throw new Error(`The Apex loop printed ${apexTotal}, JavaScript ${js.result}`);
row(
  `Apex loop of ${LOOP.toLocaleString('en-US')} Integer additions`,
  `${(((LOOP / loop.ms) * 1000) / 1e6).toFixed(1)} M iterations/s`,
  `plain JS ${(((LOOP / Math.max(js.ms, 0.01)) * 1000) / 1e6).toFixed(0)} M/s (${(loop.ms / Math.max(js.ms, 0.01)).toFixed(0)}x faster)`,
  'an interpreter: ~100x slower'
);

const QUERIES = 90;
const script = `Date horizon = Date.today().addDays(90);
for (Integer i = 0; i < ${QUERIES}; i++) {
  List<Opportunity> deals = [SELECT Id, Amount FROM Opportunity WHERE IsClosed = false AND Amount > 50000 AND CloseDate <= :horizon ORDER BY Amount DESC LIMIT 50];
  if (i == 0) System.debug(deals.size());
}`;
const queries = time(() => runAnonymousApex(org, script.replace(/\n/g, ' ')));
if (!queries.result.success) throw new Error(queries.result.exceptionMessage);
const database = org.database;
const today = database.now().wall('Europe/Copenhagen').date;
const horizon = today.addDays(90);
const threshold = ApexDecimal.fromInteger(50_000);
const byHand = time(() => {
  let size = 0;
  for (let i = 0; i < QUERIES; i++) {
    const deals = [...database.rows('Opportunity')].filter(
      (deal) =>
        deal.IsClosed !== true &&
        deal.Amount instanceof ApexDecimal &&
        deal.Amount.compareTo(threshold) > 0 &&
        (deal.CloseDate as ApexDate).compareTo(horizon) <= 0
    );
    deals.sort((a, b) => (b.Amount as ApexDecimal).compareTo(a.Amount as ApexDecimal));
    size = Math.min(50, deals.length);
  }
  return size;
});
if (queries.result.debugLog[0]?.message !== String(byHand.result)) {
  throw new Error(
    `SOQL found ${queries.result.debugLog[0]?.message} deals, the hand-written filter ${byHand.result}`
  );
}
row(
  `SOQL, 3-field filter + ORDER BY over ${database.count('Opportunity')} deals`,
  `${(queries.ms / QUERIES).toFixed(2)} ms/query`,
  `hand-written filter ${(byHand.ms / QUERIES).toFixed(2)} ms/query`,
  'a few ms'
);

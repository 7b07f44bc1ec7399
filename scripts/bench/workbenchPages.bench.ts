/**
 * How long the workbench takes to answer what each page asks for (server/pageLoads.ts), now
 * that it runs the package's Apex in the offline runtime, as the user who opens it: the first
 * load after the server's start-up warm-up, and the median of 7 more, beside the UI API record
 * read alone as the baseline (what a page with no Apex costs). Also how long opening the org and
 * the warm-up take. Target: under 300 ms per page load on the sample org.
 *
 *   npx tsx scripts/bench/workbenchPages.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { actingUserOf, handleApi } from '../workbench/server/api';
import { PAGE_LOADS, pageRecord, warmUp } from '../workbench/server/pageLoads';
import { openWorkbenchOrg } from '../workbench/server/workbenchOrg';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const opened = performance.now();
const workbench = openWorkbenchOrg({});
console.log(`Opening the workbench org: ${Math.round(performance.now() - opened)} ms`);
const warming = performance.now();
warmUp(workbench);
console.log(
  `Warm-up (at start, before the first request): ${Math.round(performance.now() - warming)} ms\n`
);
console.log(
  `${'Page'.padEnd(36)} ${'First load'.padEnd(12)} ${'Then (median)'.padEnd(15)} ${'Baseline: record read'.padEnd(24)} Target`
);

for (const page of PAGE_LOADS) {
  const acting = actingUserOf(workbench, page.user);
  const recordId = pageRecord(workbench, page, acting.id);
  const request = (method: string, path: string, body: unknown) => {
    const response = handleApi(workbench, acting, {
      method,
      path,
      query: new URLSearchParams(),
      body
    });
    if (response.status !== 200) {
      throw new Error(
        `${page.name}: ${path} answered ${response.status} ${JSON.stringify(response.body)}`
      );
    }
  };
  const readRecord = () => {
    if (recordId) request('GET', `/api/ui/records/${recordId}`, null);
  };
  const load = () => {
    readRecord();
    for (const [method, params] of page.calls(recordId))
      request('POST', `/api/apex/${method}`, params);
  };
  const timed = (run: () => void) => {
    const start = performance.now();
    run();
    return performance.now() - start;
  };
  const first = timed(load);
  const warm = median(Array.from({ length: 7 }, () => timed(load)));
  const baseline = recordId
    ? `${median(Array.from({ length: 7 }, () => timed(readRecord))).toFixed(1)} ms`
    : 'no record';
  console.log(
    `${page.name.padEnd(36)} ${`${first.toFixed(0)} ms`.padEnd(12)} ${`${warm.toFixed(0)} ms`.padEnd(15)} ${baseline.padEnd(24)} under 300 ms`
  );
}

/**
 * How long the workbench takes to answer what each page asks for, now that it runs the
 * package's Apex in the offline runtime: the UI API record read and every `@AuraEnabled` call the
 * page's components make (pages.ts and their `@salesforce/apex` imports), as the user who opens
 * it. Each page's total, warm (the median of 7 loads after a first), beside the first load of the
 * process and, as the baseline, the UI API record read alone (what a page with no Apex costs).
 * Target: under 300 ms per page load on the sample org.
 *
 *   npx tsx scripts/bench/workbenchPages.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { actingUserOf, handleApi } from '../workbench/server/api';
import { openWorkbenchOrg, type WorkbenchOrg } from '../workbench/server/workbenchOrg';

interface PageLoad {
  name: string;
  user: string;
  /** The record the page shows, if it is a record page. */
  record?: (workbench: WorkbenchOrg, userId: string) => string;
  calls: (recordId: string | undefined) => [string, Record<string, unknown>][];
}

const today = { method: 'UserCalendarController.getToday', params: {} };

/** The first record of the object the user sees, as the record picker offers it. */
function firstVisible(objectName: string) {
  return (workbench: WorkbenchOrg, userId: string): string => {
    const record = workbench
      .records(objectName)
      .find((candidate) => workbench.canSee(userId, candidate.Id));
    if (!record) throw new Error(`No ${objectName} for the page`);
    return record.Id;
  };
}

const PAGES: PageLoad[] = [
  {
    name: 'Home (seller)',
    user: 'seller1',
    calls: () => [
      ['StrategyController.getBrief', {}],
      ['PipelineReviewController.getPipelineFacts', { managerId: null }],
      [today.method, today.params],
      ['SkillProfileController.getSkillProfile', {}],
      ['ImprovementIdeasController.getIdeas', {}]
    ]
  },
  {
    name: 'Pipeline Review (manager)',
    user: 'manager1',
    calls: () => [['PipelineReviewController.getPipelineFacts', {}]]
  },
  {
    name: 'Opportunity record page (seller)',
    user: 'seller1',
    record: firstVisible('Opportunity'),
    calls: (recordId) => [
      [today.method, today.params],
      ['RecordGuidanceController.getGuidance', { recordId }]
    ]
  },
  {
    name: 'Account record page (manager)',
    user: 'manager1',
    record: firstVisible('Account'),
    calls: (recordId) => [
      [today.method, today.params],
      ['AccountPipelineController.getAccountPipeline', { accountId: recordId }],
      ['AccountPlanController.getPlanFacts', { recordId }],
      ['RecordGuidanceController.getGuidance', { recordId }]
    ]
  },
  {
    name: 'Team Development (manager)',
    user: 'manager1',
    calls: () => [['TeamDevelopmentController.getTeamDevelopment', {}]]
  },
  {
    name: 'Segments (director)',
    user: 'director',
    calls: () => [['SegmentOverviewController.getOverview', {}]]
  }
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const opened = performance.now();
const workbench = openWorkbenchOrg({});
console.log(`Opening the workbench org: ${Math.round(performance.now() - opened)} ms\n`);
console.log(
  `${'Page'.padEnd(36)} ${'Warm (median)'.padEnd(15)} ${'First load'.padEnd(12)} ${'Baseline: record read'.padEnd(24)} Target`
);

for (const page of PAGES) {
  const acting = actingUserOf(workbench, page.user);
  const recordId = page.record?.(workbench, acting.id);
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
    `${page.name.padEnd(36)} ${`${warm.toFixed(0)} ms`.padEnd(15)} ${`${first.toFixed(0)} ms`.padEnd(12)} ${baseline.padEnd(24)} under 300 ms`
  );
}

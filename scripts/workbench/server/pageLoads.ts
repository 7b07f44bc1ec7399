/**
 * What each page of the workbench asks the server for when it opens, as the user who opens it:
 * the record (on a record page) and every `@AuraEnabled` call its components make (pages.ts and
 * the components' `@salesforce/apex` imports). The benchmark times these loads; the server
 * replays them once after it starts, on a throw-away fork of the org, so the first user's first
 * page does not pay for compiling the Apex it runs.
 */
import { invokeAuraEnabled } from '../../../apex-runtime/src/aura/auraInvoke';
import type { WorkbenchOrg } from './workbenchOrg';

export interface PageLoad {
  name: string;
  /** The sample user who opens it. */
  user: string;
  /** The record object of a record page. */
  recordObject?: string;
  calls: (recordId: string | undefined) => [string, Record<string, unknown>][];
}

const TODAY: [string, Record<string, unknown>] = ['UserCalendarController.getToday', {}];

export const PAGE_LOADS: readonly PageLoad[] = [
  {
    name: 'Home (seller)',
    user: 'seller1',
    calls: () => [
      ['StrategyController.getBrief', {}],
      ['PipelineReviewController.getPipelineFacts', { managerId: null }],
      TODAY,
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
    recordObject: 'Opportunity',
    calls: (recordId) => [TODAY, ['RecordGuidanceController.getGuidance', { recordId }]]
  },
  {
    name: 'Account record page (manager)',
    user: 'manager1',
    recordObject: 'Account',
    calls: (recordId) => [
      TODAY,
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

/** The first record of the page's object the user sees, as the record picker offers it. */
export function pageRecord(
  workbench: WorkbenchOrg,
  page: PageLoad,
  userId: string
): string | undefined {
  if (!page.recordObject) return undefined;
  const record = workbench
    .records(page.recordObject)
    .find((candidate) => workbench.canSee(userId, candidate.Id));
  if (!record) throw new Error(`${page.name}: the user sees no ${page.recordObject}`);
  return record.Id;
}

/** Runs every page's Apex once on a fork of the org (nothing is kept), compiling what it uses. */
export function warmUp(workbench: WorkbenchOrg): void {
  const org = workbench.org.fork();
  for (const page of PAGE_LOADS) {
    const user = workbench.users.find((candidate) => candidate.key === page.user);
    if (!user) continue;
    for (const [method, params] of page.calls(pageRecord(workbench, page, user.id))) {
      const [className, methodName] = method.split('.');
      invokeAuraEnabled(org, { className, methodName, params, userId: user.id }, workbench.program);
    }
  }
}

/**
 * The facts of the pipeline review as Apex returns them (`PipelineReviewController
 * .getPipelineFacts`, one `PipelineFacts` per page of deals), turned into the module's
 * `SalesFacts`. Records keep their API names, so this is mostly a merge of pages plus the few
 * things Lightning's serialisation leaves out: the sObject type of events and calls, and blank
 * totals.
 */
import type {
  Activity,
  CoachingSession,
  Deal,
  ForecastCategoryName,
  IsoDate,
  OpportunityHistoryRow,
  OpportunityStageFact,
  SalesTarget,
  StrategyTargets,
  TeamMember
} from './facts';
import { workingWeekOf } from './customerTime';
import type { Period } from './periods';
import type { PipelineTotalsRow } from './pipelineTotals';
import type { SalesFacts } from './report';

type ApexRow = Readonly<Record<string, unknown>>;

/** One page of `PipelineFacts` as an LWC receives it (members Apex left null may be absent). */
export interface ApexPipelineFacts {
  /** Today in the running user's time zone, as Apex saw it. */
  today?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  team?: readonly ApexRow[] | null;
  deals?: readonly ApexRow[] | null;
  nextPageAfterId?: string | null;
  totals?: readonly ApexRow[] | null;
  history?: readonly unknown[] | null;
  truncated?: boolean | null;
  events?: readonly ApexRow[] | null;
  /** Completed call Tasks of the team in the period. */
  calls?: readonly ApexRow[] | null;
  /** Strategy_Setting__mdt: hours per week and whether weekend customer time counts. */
  workingHoursPerWeek?: number | null;
  countWeekendCustomerTime?: boolean | null;
  targets?: readonly ApexRow[] | null;
  coachingSessions?: readonly ApexRow[] | null;
  strategy?: ApexRow | null;
  stages?: readonly unknown[] | null;
  fiscalYearStartMonth?: number | null;
  usesStartDateAsFiscalYearName?: boolean | null;
}

/** The review's facts with what paging says about them. */
export interface ReviewFacts {
  facts: SalesFacts & { deals: readonly ReviewDeal[] };
  /** Pass as afterDealId to load the next page; null when every deal is loaded. */
  nextPageAfterId: string | null;
  /** True when history or events stopped at their row limit. */
  truncated: boolean;
  /** The day the facts were read for, and the period they cover (null when Apex left them out). */
  today: IsoDate | null;
  period: Period | null;
}

/** A deal as the review shows it: the KPI fields plus what the deal table displays. */
export interface ReviewDeal extends Deal {
  NextStep?: string | null;
  Coaching_Flags__c?: string | null;
  Owner?: { Name?: string } | null;
  Account?: { Name?: string } | null;
}

function list<T>(rows: readonly unknown[] | null | undefined): T[] {
  return (rows ?? []) as T[];
}

function totalsRow(row: ApexRow): PipelineTotalsRow {
  return {
    ownerId: String(row.ownerId ?? ''),
    stageName: String(row.stageName ?? ''),
    forecastCategoryName: String(row.forecastCategoryName ?? 'Omitted') as ForecastCategoryName,
    dealCount: Number(row.dealCount ?? 0),
    amount: typeof row.amount === 'number' ? row.amount : null,
    weightedAmount: typeof row.weightedAmount === 'number' ? row.weightedAmount : null
  };
}

/**
 * Merges the pages loaded so far (first page first). Deals and their history accumulate page by
 * page; the team, totals, events, targets, sessions, strategy and settings are the same on every
 * page and are read from the first.
 */
export function salesFactsFromApex(pages: readonly ApexPipelineFacts[]): ReviewFacts {
  if (pages.length === 0) {
    throw new Error('salesFactsFromApex needs at least one page of facts');
  }
  const [first] = pages;
  const last = pages[pages.length - 1];
  // Lightning's serialisation drops `attributes`; the KPIs tell meetings from calls by it.
  const activities = [
    ...list<ApexRow>(first.events).map(
      (event) => ({ ...event, attributes: { type: 'Event' } }) as unknown as Activity
    ),
    ...list<ApexRow>(first.calls).map(
      (call) => ({ ...call, attributes: { type: 'Task' } }) as unknown as Activity
    )
  ];
  return {
    facts: {
      deals: pages.flatMap((page) => list<ReviewDeal>(page.deals)),
      history: pages.flatMap((page) => list<OpportunityHistoryRow>(page.history)),
      activities,
      targets: list<SalesTarget>(first.targets),
      sessions: list<CoachingSession>(first.coachingSessions),
      team: list<TeamMember>(first.team),
      strategy: (first.strategy ?? null) as StrategyTargets | null,
      stages: list<OpportunityStageFact>(first.stages),
      calendar: {
        FiscalYearStartMonth: first.fiscalYearStartMonth ?? 1,
        UsesStartDateAsFiscalYearName: first.usesStartDateAsFiscalYearName ?? false
      },
      totals: list<ApexRow>(first.totals).map(totalsRow),
      workingWeek: workingWeekOf({
        hoursPerWeek: first.workingHoursPerWeek ?? undefined,
        countWeekendTime: first.countWeekendCustomerTime ?? undefined
      })
    },
    nextPageAfterId: last.nextPageAfterId ?? null,
    truncated: pages.some((page) => page.truncated === true),
    today: first.today ?? null,
    period:
      first.periodStart && first.periodEnd
        ? {
            start: first.periodStart,
            end: first.periodEnd,
            label: `${first.periodStart}..${first.periodEnd}`
          }
        : null
  };
}

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
  FiscalCalendar,
  FiscalQuarterRow,
  ForecastCategoryName,
  IsoDate,
  OpportunityHistoryRow,
  OpportunityStageFact,
  SalesTarget,
  StrategyTargets,
  TeamMember
} from './facts';
import { workingWeekOf } from './customerTime';
import { dayNumber } from './periods';
import type { Period } from './periods';
import type { PipelineTotalsRow } from './pipelineTotals';
import type { SalesFacts } from './report';

type ApexRow = Readonly<Record<string, unknown>>;

/** One page of `PipelineFacts` as an LWC receives it (members Apex left null may be absent). */
export interface ApexPipelineFacts {
  /**
   * The currency every amount of the facts is in (Apex converts them into the running user's);
   * absent in facts from before multiple currencies (then the user's currency).
   */
  currencyIsoCode?: string | null;
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
  /**
   * The org's fiscal quarters (`Period` rows of Type 'Quarter': StartDate, EndDate, Number,
   * FiscalYearSettings.Name) from the year before the period through the year after today,
   * ordered by StartDate; empty or absent when Apex could not read them.
   */
  fiscalQuarters?: readonly unknown[] | null;
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
  /**
   * The ISO code of the currency the amounts are in, as the first page states it; null when the
   * facts state none (older cached data), and then they are in the user's currency.
   */
  currency: string | null;
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

function isoDateOrNull(value: unknown): IsoDate | null {
  if (typeof value !== 'string') return null;
  try {
    dayNumber(value);
    return value.slice(0, 10);
  } catch {
    return null;
  }
}

/** A `Period` row as the KPIs read it, or null when one of its fields is missing or malformed. */
function fiscalQuarterRow(value: unknown): FiscalQuarterRow | null {
  if (typeof value !== 'object' || value === null) return null;
  const row = value as ApexRow;
  const start = isoDateOrNull(row.StartDate);
  const end = isoDateOrNull(row.EndDate);
  const quarter = row.Number;
  const year = (row.FiscalYearSettings as ApexRow | null | undefined)?.Name;
  if (!start || !end || end < start) return null;
  if (typeof quarter !== 'number' || !Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    return null;
  }
  if (typeof year !== 'string' || !/^\d{4}$/.test(year.trim())) return null;
  return {
    StartDate: start,
    EndDate: end,
    Number: quarter,
    FiscalYearSettings: { Name: year.trim() }
  };
}

/**
 * The org's fiscal calendar: start month and naming, plus its fiscal quarters (`Period` rows) when
 * Apex (or `ssm audit -o`) read some. Choice: the quarters are taken only when every row is readable, no two overlap and
 * no quarter appears twice; otherwise none are (the start month then decides, as for a standard
 * fiscal year), since dropping the bad rows would leave holes that put deals in the wrong quarter.
 */
export function fiscalCalendarOf(
  first: Pick<
    ApexPipelineFacts,
    'fiscalYearStartMonth' | 'usesStartDateAsFiscalYearName' | 'fiscalQuarters'
  >
): FiscalCalendar {
  const calendar: FiscalCalendar = {
    FiscalYearStartMonth: first.fiscalYearStartMonth ?? 1,
    UsesStartDateAsFiscalYearName: first.usesStartDateAsFiscalYearName ?? false
  };
  const rows = (first.fiscalQuarters ?? []).map(fiscalQuarterRow);
  if (rows.length === 0 || rows.some((row) => row === null)) return calendar;
  const quarters = (rows as FiscalQuarterRow[]).sort((a, b) =>
    a.StartDate < b.StartDate ? -1 : a.StartDate > b.StartDate ? 1 : 0
  );
  const names = new Set(quarters.map((row) => `${row.FiscalYearSettings.Name}-Q${row.Number}`));
  const unusable =
    names.size < quarters.length ||
    quarters.some((row, index) => index > 0 && row.StartDate <= quarters[index - 1].EndDate);
  return unusable ? calendar : { ...calendar, Quarters: quarters };
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
      calendar: fiscalCalendarOf(first),
      totals: list<ApexRow>(first.totals).map(totalsRow),
      workingWeek: workingWeekOf({
        hoursPerWeek: first.workingHoursPerWeek ?? undefined,
        countWeekendTime: first.countWeekendCustomerTime ?? undefined
      })
    },
    nextPageAfterId: last.nextPageAfterId ?? null,
    truncated: pages.some((page) => page.truncated === true),
    today: first.today ?? null,
    currency: first.currencyIsoCode || null,
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

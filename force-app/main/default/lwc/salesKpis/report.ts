import type {
  Activity,
  CoachingSession,
  Deal,
  FiscalCalendar,
  IsoDate,
  OpportunityHistoryRow,
  OpportunityStageFact,
  SalesTarget,
  StrategyTargets,
  TeamMember
} from './facts';
import { computeStageAgeing } from './ageing';
import type { StageAgeing } from './ageing';
import { changesSince, forecastAccuracy, pipelineAsOf } from './changes';
import type { ChangesSince, ForecastAccuracy, PipelineSnapshot } from './changes';
import { computeDataQuality } from './dataQuality';
import type { DataQualityKpis } from './dataQuality';
import { forecastRollup } from './forecast';
import type { ForecastRollup } from './forecast';
import { indexHistory, StageCatalog } from './history';
import { computeTimeWithCustomers, teamTimeWithCustomers, workingWeekOf } from './customerTime';
import type { TimeWithCustomers, WorkingWeek } from './customerTime';
import { coachingSessionsPerSellerPerMonth, computeCoachingQuality } from './people';
import type { CoachingQuality } from './people';
import { elapsedPart } from './periods';
import { compareStrategy } from './strategyTargets';
import type { StrategyComparison } from './strategyTargets';
import type { Period } from './periods';
import { computePipelineKpis, dealsInPeriod, targetFor } from './pipeline';
import { forecastRollupFromTotals, pipelineKpisFromTotals } from './pipelineTotals';
import type { PipelineTotalsRow } from './pipelineTotals';
import type { PipelineKpis } from './pipeline';
import { computeSellerTable } from './sellerTable';
import type { SellerRow } from './sellerTable';
import { computeSlippage } from './slippage';
import type { SlippageKpis } from './slippage';

/** Everything the KPIs read, as the Apex controller returns it for a team and period. */
export interface SalesFacts {
  deals: readonly Deal[];
  history: readonly OpportunityHistoryRow[];
  activities: readonly Activity[];
  targets: readonly SalesTarget[];
  sessions: readonly CoachingSession[];
  team: readonly TeamMember[];
  strategy: StrategyTargets | null;
  stages?: readonly OpportunityStageFact[];
  calendar?: FiscalCalendar;
  /** The working week of the strategy settings (PipelineFacts); 37 hours, weekdays only when absent. */
  workingWeek?: Partial<WorkingWeek>;
  /**
   * The period's totals aggregated over every deal (PipelineFacts.totals). When given, the
   * pipeline KPIs and the forecast roll-up come from them, so they are right however many deal
   * pages are loaded; per-deal KPIs (cycle length, ageing, changes) use the loaded deals.
   */
  totals?: readonly PipelineTotalsRow[];
}

/** What to compute: the period, "today", and the "changes since" date. */
export interface SalesKpiOptions {
  period: Period;
  today: IsoDate;
  /** "Changes since" date D; defaults to the period's start. */
  since?: IsoDate;
  /** A closed period whose forecast accuracy to report (e.g. the previous quarter). */
  accuracyPeriod?: Period;
  /**
   * Sellers to report on (e.g. the seller picker). When given, only their deals and targets
   * count; when absent, every deal in the facts counts and the sellers are `defaultSellers`.
   */
  sellerIds?: readonly string[];
  /** Overrides the facts' working week. */
  workingWeek?: Partial<WorkingWeek>;
}

/** Every KPI of the pipeline review for one team and period. */
export interface SalesKpiReport {
  pipeline: PipelineKpis;
  rollup: ForecastRollup;
  stageAgeing: StageAgeing[];
  slippage: SlippageKpis;
  changes: ChangesSince;
  /** The pipeline as it stood at the end of the "changes since" date. */
  pipelineAsOfSince: PipelineSnapshot;
  forecastAccuracy: ForecastAccuracy | null;
  timeWithCustomers: TimeWithCustomers[];
  teamTimeWithCustomers: number | null;
  coaching: CoachingQuality[];
  dataQuality: DataQualityKpis;
  sellers: SellerRow[];
  /** The team's KPIs against the published strategy's targets (the review's header). */
  againstStrategy: StrategyComparison;
}

/**
 * The sellers of a team when the caller does not name them: members who manage no one in the
 * team (the leaves of the hierarchy), plus any other member who owns a deal (a player-coach).
 * Team order is kept.
 */
export function defaultSellers(team: readonly TeamMember[], deals: readonly Deal[]): string[] {
  const managers = new Set<string>();
  for (const member of team) {
    if (member.ManagerId) {
      managers.add(member.ManagerId);
    }
  }
  const owners = new Set(deals.map((deal) => deal.OwnerId));
  return team
    .filter((member) => !managers.has(member.Id) || owners.has(member.Id))
    .map((member) => member.Id);
}

function ownedBy(deals: readonly Deal[], sellerIds: readonly string[]): Deal[] {
  const sellers = new Set(sellerIds);
  return deals.filter((deal) => sellers.has(deal.OwnerId));
}

/**
 * Computes every KPI in one call, indexing history once and restricting deals to the period
 * once; each KPI is then a linear pass. The window for time-based KPIs is the elapsed part of the
 * period (the whole period once it has ended).
 */
export function computeSalesKpis(facts: SalesFacts, options: SalesKpiOptions): SalesKpiReport {
  const { period, today } = options;
  const since = options.since ?? period.start;
  const history = indexHistory(facts.history, facts.deals);
  const catalog = new StageCatalog(facts.stages ?? [], facts.deals);
  const sellerIds = options.sellerIds ?? defaultSellers(facts.team, facts.deals);
  const deals = options.sellerIds ? ownedBy(facts.deals, sellerIds) : facts.deals;
  const inPeriod = dealsInPeriod(deals, period);
  const window = elapsedPart(period, today);
  const workingWeek = workingWeekOf({ ...facts.workingWeek, ...options.workingWeek });
  const timeWithCustomers = window
    ? computeTimeWithCustomers(facts.activities, sellerIds, window, facts.strategy, workingWeek)
    : [];
  const target = targetFor(facts.targets, period, new Set(sellerIds));
  const fromDeals = computePipelineKpis(inPeriod, target);
  const owners = options.sellerIds ? new Set(sellerIds) : undefined;
  const pipeline = facts.totals
    ? pipelineKpisFromTotals(facts.totals, catalog, target, fromDeals.averageCycleLength, owners)
    : fromDeals;
  const dataQuality = computeDataQuality(inPeriod, facts.strategy);
  const teamTime = teamTimeWithCustomers(timeWithCustomers);
  const coaching = window
    ? computeCoachingQuality(
        facts.sessions,
        facts.team,
        window,
        today,
        facts.strategy,
        undefined,
        sellerIds
      )
    : [];
  const accuracy = options.accuracyPeriod
    ? forecastAccuracy(deals, history, options.accuracyPeriod, today, catalog)
    : null;
  return {
    pipeline,
    rollup: facts.totals
      ? forecastRollupFromTotals(facts.totals, catalog, owners)
      : forecastRollup(inPeriod),
    stageAgeing: computeStageAgeing(
      inPeriod,
      today,
      history,
      (facts.stages ?? []).map((stage) => stage.ApiName)
    ),
    slippage: computeSlippage(deals, history, period, catalog, since),
    changes: changesSince(deals, history, since, period, catalog),
    pipelineAsOfSince: pipelineAsOf(deals, history, since, period, catalog),
    forecastAccuracy: accuracy,
    timeWithCustomers,
    teamTimeWithCustomers: teamTime,
    coaching,
    dataQuality,
    sellers: computeSellerTable({
      sellerIds,
      dealsInPeriod: inPeriod,
      targets: facts.targets,
      activities: facts.activities,
      sessions: facts.sessions,
      period,
      window,
      strategy: facts.strategy,
      workingWeek,
      timeWithCustomers
    }),
    againstStrategy: compareStrategy(facts.strategy, {
      pipeline,
      dataQuality,
      teamTimeWithCustomers: teamTime,
      coachingSessionsPerSellerPerMonth: window
        ? coachingSessionsPerSellerPerMonth(facts.sessions, sellerIds, window)
        : null,
      forecastAccuracy: accuracy
    })
  };
}

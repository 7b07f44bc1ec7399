import type { Activity, CoachingSession, Deal, SalesTarget, StrategyTargets } from './facts';
import { computeDataQuality } from './dataQuality';
import { computePipelineKpis, targetFor } from './pipeline';
import type { Coverage } from './pipeline';
import { computeTimeWithCustomers } from './customerTime';
import type { TimeWithCustomers, WorkingWeek } from './customerTime';
import { sessionsPerSeller } from './people';
import type { Period } from './periods';

/** One row of the per-seller table of the pipeline review. */
export interface SellerRow {
  sellerId: string;
  openPipeline: number;
  closedWon: number;
  target: number | null;
  attainment: number | null;
  coverage: Coverage;
  winRateByCount: number | null;
  /** Time with customers over the elapsed window, a fraction. */
  timeWithCustomers: number | null;
  /** Coaching sessions the seller received in the window, from any coach. */
  coachingSessions: number;
  /** Mean stored data-quality score of the seller's open deals in the period. */
  dataQuality: number | null;
  /** Sum of `Coaching_Flag_Count__c` over the seller's open deals in the period. */
  coachingFlags: number;
}

/** Inputs of the per-seller table; deals are those of the period already. */
export interface SellerTableInput {
  sellerIds: readonly string[];
  dealsInPeriod: readonly Deal[];
  targets: readonly SalesTarget[];
  activities: readonly Activity[];
  sessions: readonly CoachingSession[];
  period: Period;
  /** Window for time with customers and coaching (normally the elapsed part of the period). */
  window: Period | null;
  strategy: StrategyTargets | null;
  workingWeek?: Partial<WorkingWeek>;
  /** Time with customers already computed for these sellers and window (saves a pass). */
  timeWithCustomers?: readonly TimeWithCustomers[];
}

/**
 * Per-seller rows with the same definitions as the team KPIs, each seller's deals grouped once
 * by OwnerId. Deals owned by someone outside `sellerIds` are not shown.
 */
export function computeSellerTable(input: SellerTableInput): SellerRow[] {
  const dealsBySeller = new Map<string, Deal[]>();
  for (const sellerId of input.sellerIds) {
    dealsBySeller.set(sellerId, []);
  }
  for (const deal of input.dealsInPeriod) {
    dealsBySeller.get(deal.OwnerId)?.push(deal);
  }
  const targetsBySeller = new Map<string, SalesTarget[]>();
  for (const target of input.targets) {
    const list = targetsBySeller.get(target.Seller__c);
    if (list) {
      list.push(target);
    } else {
      targetsBySeller.set(target.Seller__c, [target]);
    }
  }
  const time =
    input.timeWithCustomers ??
    (input.window
      ? computeTimeWithCustomers(
          input.activities,
          input.sellerIds,
          input.window,
          input.strategy,
          input.workingWeek
        )
      : []);
  const timeBySeller = new Map(time.map((row) => [row.sellerId, row.share]));
  const sessions = input.window
    ? sessionsPerSeller(input.sessions, input.window)
    : new Map<string, number>();

  return input.sellerIds.map((sellerId) => {
    const deals = dealsBySeller.get(sellerId) ?? [];
    const kpis = computePipelineKpis(
      deals,
      targetFor(targetsBySeller.get(sellerId) ?? [], input.period)
    );
    let coachingFlags = 0;
    for (const deal of deals) {
      if (!deal.IsClosed) {
        coachingFlags += deal.Coaching_Flag_Count__c ?? 0;
      }
    }
    return {
      sellerId,
      openPipeline: kpis.openPipeline,
      closedWon: kpis.closedWon,
      target: kpis.target,
      attainment: kpis.attainment,
      coverage: kpis.coverage,
      winRateByCount: kpis.winRateByCount,
      timeWithCustomers: timeBySeller.get(sellerId) ?? null,
      coachingSessions: sessions.get(sellerId) ?? 0,
      dataQuality: computeDataQuality(deals).averageScore,
      coachingFlags
    };
  });
}

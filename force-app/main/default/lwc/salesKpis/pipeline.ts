import type { Deal, SalesTarget } from './facts';
import { dayNumber, utcDayOf } from './periods';
import type { Period } from './periods';
import { amountOf, ratio } from './ratios';

/**
 * Coverage of the remaining target: a ratio, "target met" when nothing remains (won already
 * reaches the target), or null when there is no target to cover.
 */
export type Coverage = { kind: 'ratio'; value: number } | { kind: 'targetMet' } | null;

/** Pipeline KPIs of the deals whose CloseDate falls in a period (KPI_DEFINITIONS.md). */
export interface PipelineKpis {
  dealCount: number;
  openCount: number;
  wonCount: number;
  lostCount: number;
  /** Sum of Amount of open deals. */
  openPipeline: number;
  /** Sum of Amount x Probability / 100 of open deals (blank probability counts as 0). */
  weightedPipeline: number;
  closedWon: number;
  closedLost: number;
  /** Sum of the sellers' targets for the period; null when no target overlaps the period. */
  target: number | null;
  /** Closed won / target. */
  attainment: number | null;
  /** Target - closed won; null without a target. */
  remainingTarget: number | null;
  coverage: Coverage;
  /** Won / (won + lost) deals. */
  winRateByCount: number | null;
  /** Closed won / (closed won + closed lost). */
  winRateByValue: number | null;
  /** Closed won / number of won deals. */
  averageDealSize: number | null;
  /** Mean over won deals of CloseDate minus the UTC date of CreatedDate, in days. */
  averageCycleLength: number | null;
  /** Open deals x win rate by count x average deal size / average cycle length, per day. */
  velocity: number | null;
}

/** A deal is in a period when its CloseDate falls in it. */
export function dealsInPeriod(deals: readonly Deal[], period: Period): Deal[] {
  const start = dayNumber(period.start);
  const end = dayNumber(period.end);
  return deals.filter((deal) => {
    const close = dayNumber(deal.CloseDate);
    return close >= start && close <= end;
  });
}

/** Lost: closed and not won. */
export function isLost(deal: Pick<Deal, 'IsClosed' | 'IsWon'>): boolean {
  return deal.IsClosed && !deal.IsWon;
}

/** Won: `IsWon`, whatever `IsClosed` says (Salesforce keeps them consistent). */
export function isWon(deal: Pick<Deal, 'IsWon'>): boolean {
  return deal.IsWon;
}

/**
 * Sum of the targets for a period, optionally only of some sellers. A target whose date range
 * lies inside the period counts in full; one that only partly overlaps counts pro rata by days
 * (a quarterly target seen through one month of 30 days out of 92 counts 30/92), so monthly and
 * quarterly targets both roll into any period. Null when no target overlaps the period.
 */
export function targetFor(
  targets: readonly SalesTarget[],
  period: Period,
  sellerIds?: ReadonlySet<string>
): number | null {
  const start = dayNumber(period.start);
  const end = dayNumber(period.end);
  let sum = 0;
  let found = false;
  for (const target of targets) {
    if (sellerIds && !sellerIds.has(target.Seller__c)) {
      continue;
    }
    const targetStart = dayNumber(target.Period_Start__c);
    const targetEnd = dayNumber(target.Period_End__c);
    const overlap = Math.min(end, targetEnd) - Math.max(start, targetStart) + 1;
    if (overlap <= 0 || targetEnd < targetStart) {
      continue;
    }
    found = true;
    sum += (amountOf(target.Amount__c) * overlap) / (targetEnd - targetStart + 1);
  }
  return found ? sum : null;
}

/**
 * Coverage = open pipeline / (target - closed won); "target met" when the remainder is 0 or less;
 * null without a target.
 */
export function computeCoverage(
  openPipeline: number,
  target: number | null,
  closedWon: number
): Coverage {
  if (target === null) {
    return null;
  }
  const remainder = target - closedWon;
  if (remainder <= 0) {
    return { kind: 'targetMet' };
  }
  return { kind: 'ratio', value: openPipeline / remainder };
}

/**
 * Velocity = open deals x win rate by count x average deal size / average cycle length (amount
 * per day). Null when any input is blank, or when the average cycle is 0 days or less (same-day
 * or back-dated wins), where a per-day rate means nothing.
 */
export function computeVelocity(
  openCount: number,
  winRateByCount: number | null,
  averageDealSize: number | null,
  averageCycleLength: number | null
): number | null {
  if (winRateByCount === null || averageDealSize === null || averageCycleLength === null) {
    return null;
  }
  if (averageCycleLength <= 0) {
    return null;
  }
  return ratio(openCount * winRateByCount * averageDealSize, averageCycleLength);
}

/** The sums every pipeline KPI derives from, whether counted deal by deal or aggregated. */
export interface PipelineSums {
  dealCount: number;
  openCount: number;
  wonCount: number;
  lostCount: number;
  openPipeline: number;
  weightedPipeline: number;
  closedWon: number;
  closedLost: number;
}

/** The pipeline KPIs from their sums, the average cycle of won deals and the target. */
export function pipelineKpisFromSums(
  sums: PipelineSums,
  averageCycleLength: number | null,
  target: number | null
): PipelineKpis {
  const winRateByCount = ratio(sums.wonCount, sums.wonCount + sums.lostCount);
  const averageDealSize = ratio(sums.closedWon, sums.wonCount);
  return {
    ...sums,
    target,
    attainment: ratio(sums.closedWon, target),
    remainingTarget: target === null ? null : target - sums.closedWon,
    coverage: computeCoverage(sums.openPipeline, target, sums.closedWon),
    winRateByCount,
    winRateByValue: ratio(sums.closedWon, sums.closedWon + sums.closedLost),
    averageDealSize,
    averageCycleLength,
    velocity: computeVelocity(sums.openCount, winRateByCount, averageDealSize, averageCycleLength)
  };
}

/**
 * Pipeline KPIs over deals already restricted to a period (see `dealsInPeriod`), with the target
 * passed in (see `targetFor`) so callers choose whose targets count.
 */
export function computePipelineKpis(deals: readonly Deal[], target: number | null): PipelineKpis {
  const sums: PipelineSums = {
    dealCount: deals.length,
    openCount: 0,
    wonCount: 0,
    lostCount: 0,
    openPipeline: 0,
    weightedPipeline: 0,
    closedWon: 0,
    closedLost: 0
  };
  let cycleDays = 0;
  for (const deal of deals) {
    const amount = amountOf(deal.Amount);
    if (isWon(deal)) {
      sums.wonCount++;
      sums.closedWon += amount;
      cycleDays += dayNumber(deal.CloseDate) - utcDayOf(deal.CreatedDate);
    } else if (isLost(deal)) {
      sums.lostCount++;
      sums.closedLost += amount;
    } else {
      sums.openCount++;
      sums.openPipeline += amount;
      sums.weightedPipeline += (amount * amountOf(deal.Probability)) / 100;
    }
  }
  return pipelineKpisFromSums(sums, ratio(cycleDays, sums.wonCount), target);
}

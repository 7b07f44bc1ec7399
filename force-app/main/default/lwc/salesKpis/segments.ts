/**
 * Segments: the go-to-market picture per customer segment (accounts, open pipeline, won revenue
 * this year, market potential, customer lifetime value, share of revenue against the target
 * share, coverage model) with the accounts no segment claims as its own "unsegmented" row.
 *
 * Definitions:
 * - Customer lifetime value of an account is `Account.Customer_Lifetime_Value__c`: the gross
 *   revenue expected from the customer over the whole relationship (past and future), kept by
 *   finance or imported. A segment's lifetime value is the sum over its accounts (blank = 0);
 *   its average is the mean over the accounts that have a value.
 * - Market potential of an account is `Account.Market_Potential__c`: the revenue per year the
 *   account could still buy from us beyond what it buys today. A segment's potential is the sum
 *   over its accounts (blank = 0).
 * - Open pipeline: sum of Amount of the accounts' open deals, whatever their close date.
 * - Won revenue this year: sum of Amount of the accounts' won deals closing in the current
 *   fiscal year.
 * - Share of revenue: a segment's won revenue this year / the won revenue this year of every
 *   account in the overview (unsegmented included); blank when nothing was won. Compared with
 *   `Target_Revenue_Share__c` / 100: on target when the share is at or above it.
 */
import { amountOf, mean, percentToFraction, ratio } from './ratios';

/** A `Customer_Segment__c` record. */
export interface SegmentFacts {
  Id: string;
  Name: string;
  Priority__c?: number | null;
  Coverage_Model__c?: string | null;
  Value_Focus__c?: string | null;
  /** 0-100. */
  Target_Revenue_Share__c?: number | null;
  Active__c?: boolean | null;
  Criteria_Formula__c?: string | null;
  Description__c?: string | null;
}

/** An Account as the segment KPIs read it. */
export interface SegmentAccount {
  Id: string;
  Name?: string | null;
  Customer_Segment__c?: string | null;
  Market_Potential__c?: number | null;
  Customer_Lifetime_Value__c?: number | null;
}

/** One account's revenue facts, as the Apex aggregates them. */
export interface AccountRevenue {
  AccountId: string;
  openPipeline: number;
  wonThisYear: number;
}

/** One row of the overview: a segment, or the unsegmented accounts (segment null). */
export interface SegmentRow {
  segment: SegmentFacts | null;
  accountCount: number;
  openPipeline: number;
  wonThisYear: number;
  marketPotential: number;
  lifetimeValue: number;
  averageLifetimeValue: number | null;
  /** Fraction of all won revenue this year; null when nothing was won. */
  revenueShare: number | null;
  /** Target_Revenue_Share__c as a fraction; null when blank (always null when unsegmented). */
  targetShare: number | null;
  /** revenueShare - targetShare; null when either is blank. */
  shareGap: number | null;
  /** Share at or above target; null when either is blank. */
  onTarget: boolean | null;
}

export interface SegmentOverview {
  /** Segments in evaluation order (see `compareSegments`), then the unsegmented row. */
  rows: SegmentRow[];
  totals: {
    accountCount: number;
    openPipeline: number;
    wonThisYear: number;
    marketPotential: number;
    lifetimeValue: number;
    /** Sum of the segments' target shares as a fraction (100 % when the targets add up). */
    targetShare: number | null;
  };
}

/**
 * The order segments are evaluated in, in the org and offline: Priority ascending (blank last),
 * then Name, then Id (code-point order), so that ties are decided the same way everywhere.
 */
export function compareSegments(a: SegmentFacts, b: SegmentFacts): number {
  const pa = a.Priority__c ?? Number.POSITIVE_INFINITY;
  const pb = b.Priority__c ?? Number.POSITIVE_INFINITY;
  if (pa !== pb) {
    return pa < pb ? -1 : 1;
  }
  if (a.Name !== b.Name) {
    return a.Name < b.Name ? -1 : 1;
  }
  return a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0;
}

function emptyRow(segment: SegmentFacts | null): SegmentRow {
  return {
    segment,
    accountCount: 0,
    openPipeline: 0,
    wonThisYear: 0,
    marketPotential: 0,
    lifetimeValue: 0,
    averageLifetimeValue: null,
    revenueShare: null,
    targetShare: segment ? percentToFraction(segment.Target_Revenue_Share__c) : null,
    shareGap: null,
    onTarget: null
  };
}

/**
 * The overview of every active segment and of every segment that still holds accounts (an
 * inactive one until the assignment batch has run), plus the unsegmented accounts. An account
 * pointing to a segment missing from `segments` counts as unsegmented.
 */
export function computeSegmentOverview(
  segments: readonly SegmentFacts[],
  accounts: readonly SegmentAccount[],
  revenue: readonly AccountRevenue[]
): SegmentOverview {
  const revenueByAccount = new Map(revenue.map((row) => [row.AccountId, row]));
  const rows = new Map<string, SegmentRow>();
  for (const segment of [...segments].sort(compareSegments)) {
    rows.set(segment.Id, emptyRow(segment));
  }
  const unsegmented = emptyRow(null);
  const lifetimeValues = new Map<SegmentRow, number[]>();
  for (const account of accounts) {
    const row =
      (account.Customer_Segment__c ? rows.get(account.Customer_Segment__c) : undefined) ??
      unsegmented;
    const facts = revenueByAccount.get(account.Id);
    row.accountCount++;
    row.openPipeline += facts?.openPipeline ?? 0;
    row.wonThisYear += facts?.wonThisYear ?? 0;
    row.marketPotential += amountOf(account.Market_Potential__c);
    row.lifetimeValue += amountOf(account.Customer_Lifetime_Value__c);
    if (typeof account.Customer_Lifetime_Value__c === 'number') {
      lifetimeValues.set(row, [
        ...(lifetimeValues.get(row) ?? []),
        account.Customer_Lifetime_Value__c
      ]);
    }
  }
  const shown = [...rows.values()].filter(
    (row) => row.segment?.Active__c === true || row.accountCount > 0
  );
  shown.push(unsegmented);
  const totals = {
    accountCount: 0,
    openPipeline: 0,
    wonThisYear: 0,
    marketPotential: 0,
    lifetimeValue: 0,
    targetShare: null as number | null
  };
  // Summed as percentages, then divided once: 60 + 30 is exactly 90 %.
  let targetPercent: number | null = null;
  for (const row of shown) {
    totals.accountCount += row.accountCount;
    totals.openPipeline += row.openPipeline;
    totals.wonThisYear += row.wonThisYear;
    totals.marketPotential += row.marketPotential;
    totals.lifetimeValue += row.lifetimeValue;
    const percent = row.segment?.Target_Revenue_Share__c;
    if (typeof percent === 'number') {
      targetPercent = (targetPercent ?? 0) + percent;
    }
  }
  totals.targetShare = percentToFraction(targetPercent);
  for (const row of shown) {
    row.averageLifetimeValue = mean(lifetimeValues.get(row) ?? []);
    row.revenueShare = ratio(row.wonThisYear, totals.wonThisYear);
    if (row.revenueShare !== null && row.targetShare !== null) {
      row.shareGap = row.revenueShare - row.targetShare;
      // Within 1e-12: 0.3 of revenue meets a 30 % target despite binary fractions.
      row.onTarget = row.shareGap >= -1e-12;
    }
  }
  return { rows: shown, totals };
}

import type { Deal, StrategyTargets } from './facts';
import { mean, ratio } from './ratios';

/** Data quality of the open pipeline. */
export interface DataQualityKpis {
  openCount: number;
  /** Open deals with a stored score. */
  scoredCount: number;
  /** Mean stored `Data_Quality_Score__c` of open deals; blank scores excluded. */
  averageScore: number | null;
  /** `Target_Data_Quality_Score__c` of the strategy. */
  target: number | null;
  /** Share of the scored open deals whose score is at or above the target. */
  shareAtOrAboveTarget: number | null;
}

/**
 * Data quality of open deals (already restricted to a period). The share is over scored deals:
 * a never-evaluated deal is neither good nor bad, consistent with leaving it out of the mean.
 */
export function computeDataQuality(
  deals: readonly Deal[],
  targets: StrategyTargets | null = null
): DataQualityKpis {
  const scores: number[] = [];
  let openCount = 0;
  const target = targets?.Target_Data_Quality_Score__c ?? null;
  let atOrAbove = 0;
  for (const deal of deals) {
    if (deal.IsClosed) {
      continue;
    }
    openCount++;
    const score = deal.Data_Quality_Score__c;
    if (typeof score === 'number') {
      scores.push(score);
      if (target !== null && score >= target) {
        atOrAbove++;
      }
    }
  }
  return {
    openCount,
    scoredCount: scores.length,
    averageScore: mean(scores),
    target,
    shareAtOrAboveTarget: target === null ? null : ratio(atOrAbove, scores.length)
  };
}

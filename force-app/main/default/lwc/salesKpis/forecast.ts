import type { DealState } from './history';
import { amountOf } from './ratios';

/**
 * Forecast roll-up, cumulative like Pipeline Inspection's: each category includes the ones above
 * it. Closed = won; Commit = Closed + open Commit; Best Case = Commit + open Best Case;
 * Open Pipeline = Best Case + open Pipeline. Omitted and lost deals are excluded.
 */
export interface ForecastRollup {
  closed: number;
  commit: number;
  bestCase: number;
  openPipeline: number;
  /** Open Omitted deals, shown beside the roll-up but never in it. */
  omitted: number;
}

type RollupInput = Pick<DealState, 'Amount' | 'IsClosed' | 'IsWon' | 'ForecastCategoryName'>;

/**
 * Rolls deals (already restricted to a period) up by forecast category. Choice: an open deal
 * whose category says "Closed" (a manual override on a not-yet-closed stage) rolls up with
 * Commit, the strongest open category, rather than being dropped or counted as won.
 */
export function forecastRollup(deals: readonly RollupInput[]): ForecastRollup {
  let won = 0;
  let commit = 0;
  let bestCase = 0;
  let pipeline = 0;
  let omitted = 0;
  for (const deal of deals) {
    const amount = amountOf(deal.Amount);
    if (deal.IsWon) {
      won += amount;
      continue;
    }
    if (deal.IsClosed) {
      continue;
    }
    switch (deal.ForecastCategoryName) {
      case 'Closed':
      case 'Commit':
        commit += amount;
        break;
      case 'Best Case':
        bestCase += amount;
        break;
      case 'Pipeline':
        pipeline += amount;
        break;
      default:
        omitted += amount;
    }
  }
  return {
    closed: won,
    commit: won + commit,
    bestCase: won + commit + bestCase,
    openPipeline: won + commit + bestCase + pipeline,
    omitted
  };
}

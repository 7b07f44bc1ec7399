/**
 * Pipeline KPIs from aggregates: the totals Apex computes in the database (COUNT, SUM(Amount),
 * SUM(ExpectedRevenue) grouped by owner, stage and forecast category over every deal closing in
 * the period). Deal rows arrive a page at a time, so any total summed from rows would stop at the
 * loaded pages (Pipeline Inspection stops at 2,000 records); these totals never do.
 */
import type { ForecastCategoryName } from './facts';
import { forecastRollup } from './forecast';
import type { ForecastRollup } from './forecast';
import type { StageCatalog } from './history';
import { pipelineKpisFromSums } from './pipeline';
import type { PipelineKpis, PipelineSums } from './pipeline';
import { amountOf } from './ratios';

/** One group of the period's deals, as `PipelineFacts.TotalsRow` returns it. */
export interface PipelineTotalsRow {
  ownerId: string;
  stageName: string;
  forecastCategoryName: ForecastCategoryName;
  dealCount: number;
  /** SUM(Amount); blank amounts count as 0. */
  amount: number | null;
  /** SUM(ExpectedRevenue) = SUM(Amount x Probability / 100). */
  weightedAmount: number | null;
}

function rowsOf(
  rows: readonly PipelineTotalsRow[],
  ownerIds: ReadonlySet<string> | undefined
): readonly PipelineTotalsRow[] {
  return ownerIds ? rows.filter((row) => ownerIds.has(row.ownerId)) : rows;
}

/**
 * The pipeline sums of the groups (of some owners only when `ownerIds` is given). A stage is won,
 * lost or open as the org's stage settings say (`catalog`), as for single deals.
 */
export function pipelineSumsFromTotals(
  rows: readonly PipelineTotalsRow[],
  catalog: StageCatalog,
  ownerIds?: ReadonlySet<string>
): PipelineSums {
  const sums: PipelineSums = {
    dealCount: 0,
    openCount: 0,
    wonCount: 0,
    lostCount: 0,
    openPipeline: 0,
    weightedPipeline: 0,
    closedWon: 0,
    closedLost: 0
  };
  for (const row of rowsOf(rows, ownerIds)) {
    const stage = catalog.describe(row.stageName);
    const amount = amountOf(row.amount);
    sums.dealCount += row.dealCount;
    if (stage.IsWon) {
      sums.wonCount += row.dealCount;
      sums.closedWon += amount;
    } else if (stage.IsClosed) {
      sums.lostCount += row.dealCount;
      sums.closedLost += amount;
    } else {
      sums.openCount += row.dealCount;
      sums.openPipeline += amount;
      sums.weightedPipeline += amountOf(row.weightedAmount);
    }
  }
  return sums;
}

/**
 * Pipeline KPIs of the period from the totals. The average cycle length needs each won deal's
 * dates, which no aggregate gives: the caller passes it from the deals it has loaded.
 */
export function pipelineKpisFromTotals(
  rows: readonly PipelineTotalsRow[],
  catalog: StageCatalog,
  target: number | null,
  averageCycleLength: number | null,
  ownerIds?: ReadonlySet<string>
): PipelineKpis {
  return pipelineKpisFromSums(
    pipelineSumsFromTotals(rows, catalog, ownerIds),
    averageCycleLength,
    target
  );
}

/** The forecast roll-up (cumulative, as `forecastRollup`) of the totals. */
export function forecastRollupFromTotals(
  rows: readonly PipelineTotalsRow[],
  catalog: StageCatalog,
  ownerIds?: ReadonlySet<string>
): ForecastRollup {
  return forecastRollup(
    rowsOf(rows, ownerIds).map((row) => {
      const stage = catalog.describe(row.stageName);
      return {
        Amount: row.amount,
        IsClosed: stage.IsClosed,
        IsWon: stage.IsWon,
        ForecastCategoryName: row.forecastCategoryName
      };
    })
  );
}

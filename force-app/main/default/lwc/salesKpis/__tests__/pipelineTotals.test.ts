import {
  computeSalesKpis,
  forecastRollupFromTotals,
  pipelineSumsFromTotals,
  StageCatalog,
  type Deal,
  type PipelineTotalsRow,
  type SalesFacts
} from 'c/salesKpis';
import { deal, lostDeal, STAGES, wonDeal } from './factBuilders';

const Q4 = { start: '2026-10-01', end: '2026-12-31', label: '2026-Q4' };
const CATALOG = new StageCatalog(STAGES);

/** What the Apex aggregate query returns: one row per owner, stage and forecast category. */
function aggregate(deals: readonly Deal[]): PipelineTotalsRow[] {
  const groups = new Map<string, PipelineTotalsRow>();
  for (const d of deals) {
    const key = `${d.OwnerId}|${d.StageName}|${d.ForecastCategoryName}`;
    const row = groups.get(key) ?? {
      ownerId: d.OwnerId,
      stageName: d.StageName,
      forecastCategoryName: d.ForecastCategoryName,
      dealCount: 0,
      amount: null,
      weightedAmount: null
    };
    row.dealCount++;
    if (d.Amount !== null) {
      row.amount = (row.amount ?? 0) + d.Amount;
      row.weightedAmount = (row.weightedAmount ?? 0) + (d.Amount * (d.Probability ?? 0)) / 100;
    }
    groups.set(key, row);
  }
  return [...groups.values()];
}

/** 10,000 deals in Q4 of 20 sellers: a third won, a sixth lost, the rest open, some blank. */
function manyDeals(): Deal[] {
  const deals: Deal[] = [];
  for (let i = 0; i < 10_000; i++) {
    const common = {
      Id: `006${String(i).padStart(15, '0')}`,
      OwnerId: `seller${i % 20}`,
      Amount: i % 97 === 0 ? null : 1000 + (i % 50) * 10,
      CloseDate: `2026-1${i % 3}-${String(1 + (i % 28)).padStart(2, '0')}`
    };
    if (i % 3 === 0) deals.push(wonDeal(common));
    else if (i % 6 === 1) deals.push(lostDeal(common));
    else
      deals.push(
        deal({
          ...common,
          StageName: i % 2 === 0 ? 'Proposal' : 'Prospecting',
          Probability: i % 2 === 0 ? 50 : 10,
          ForecastCategoryName: i % 2 === 0 ? 'Best Case' : 'Pipeline'
        })
      );
  }
  return deals;
}

function facts(deals: readonly Deal[], totals?: PipelineTotalsRow[]): SalesFacts {
  return {
    deals,
    history: [],
    activities: [],
    targets: [],
    sessions: [],
    team: [],
    strategy: null,
    stages: STAGES,
    totals
  };
}

describe('pipeline totals from aggregates', () => {
  it('classifies groups by the org’s stages and sums counts, amounts and expected revenue', () => {
    const rows: PipelineTotalsRow[] = [
      {
        ownerId: 'a',
        stageName: 'Proposal',
        forecastCategoryName: 'Best Case',
        dealCount: 3,
        amount: 3000,
        weightedAmount: 1500
      },
      {
        ownerId: 'a',
        stageName: 'Closed Won',
        forecastCategoryName: 'Closed',
        dealCount: 2,
        amount: 5000,
        weightedAmount: 5000
      },
      {
        ownerId: 'b',
        stageName: 'Closed Lost',
        forecastCategoryName: 'Omitted',
        dealCount: 1,
        amount: null,
        weightedAmount: null
      }
    ];
    expect(pipelineSumsFromTotals(rows, CATALOG)).toEqual({
      dealCount: 6,
      openCount: 3,
      wonCount: 2,
      lostCount: 1,
      openPipeline: 3000,
      weightedPipeline: 1500,
      closedWon: 5000,
      closedLost: 0
    });
    expect(pipelineSumsFromTotals(rows, CATALOG, new Set(['b'])).lostCount).toBe(1);
    expect(pipelineSumsFromTotals(rows, CATALOG, new Set(['b'])).dealCount).toBe(1);
    expect(forecastRollupFromTotals(rows, CATALOG)).toEqual({
      closed: 5000,
      commit: 5000,
      bestCase: 8000,
      openPipeline: 8000,
      omitted: 0
    });
  });

  it('keeps the totals of 10,000 deals right when only the first 2,000 are loaded', () => {
    const all = manyDeals();
    let open = 0;
    let weighted = 0;
    let won = 0;
    let lost = 0;
    let wonCount = 0;
    let lostCount = 0;
    for (const d of all) {
      const amount = d.Amount ?? 0;
      if (d.IsWon) {
        won += amount;
        wonCount++;
      } else if (d.IsClosed) {
        lost += amount;
        lostCount++;
      } else {
        open += amount;
        weighted += (amount * (d.Probability ?? 0)) / 100;
      }
    }
    const report = computeSalesKpis(facts(all.slice(0, 2000), aggregate(all)), {
      period: Q4,
      today: '2026-11-16'
    });
    expect(report.pipeline.dealCount).toBe(10_000);
    expect(report.pipeline.openCount).toBe(10_000 - wonCount - lostCount);
    expect(report.pipeline.wonCount).toBe(wonCount);
    expect(report.pipeline.lostCount).toBe(lostCount);
    expect(report.pipeline.openPipeline).toBe(open);
    expect(report.pipeline.weightedPipeline).toBeCloseTo(weighted, 6);
    expect(report.pipeline.closedWon).toBe(won);
    expect(report.pipeline.closedLost).toBe(lost);
    expect(report.pipeline.winRateByCount).toBeCloseTo(wonCount / (wonCount + lostCount), 12);
    expect(report.rollup.closed).toBe(won);
    expect(report.rollup.openPipeline).toBe(won + open);
    // Summing the loaded page alone would be wrong: the point of the aggregates.
    const pageOnly = computeSalesKpis(facts(all.slice(0, 2000)), {
      period: Q4,
      today: '2026-11-16'
    });
    expect(pageOnly.pipeline.dealCount).toBe(2000);
  });

  it('gives the same pipeline KPIs from totals as from the deals when every deal is loaded', () => {
    const all = manyDeals().slice(0, 600);
    const options = { period: Q4, today: '2026-11-16', sellerIds: ['seller1', 'seller2'] };
    const fromDeals = computeSalesKpis(facts(all), options);
    const fromTotals = computeSalesKpis(facts(all, aggregate(all)), options);
    expect(fromTotals.pipeline.openPipeline).toBe(fromDeals.pipeline.openPipeline);
    expect(fromTotals.pipeline.weightedPipeline).toBeCloseTo(
      fromDeals.pipeline.weightedPipeline,
      6
    );
    expect({ ...fromTotals.pipeline, weightedPipeline: 0, velocity: 0 }).toEqual({
      ...fromDeals.pipeline,
      weightedPipeline: 0,
      velocity: 0
    });
    expect(fromTotals.rollup).toEqual(fromDeals.rollup);
  });
});

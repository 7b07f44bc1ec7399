import { forecastRollup } from 'c/salesKpis';
import fc from 'fast-check';
import { deal, lostDeal, wonDeal } from './factBuilders';

describe('forecastRollup', () => {
  it('accumulates categories like Pipeline Inspection and leaves out Omitted and lost deals', () => {
    const rollup = forecastRollup([
      wonDeal({ Id: 'won', Amount: 10 }),
      deal({ Id: 'commit', Amount: 20, ForecastCategoryName: 'Commit' }),
      deal({ Id: 'bestCase', Amount: 30, ForecastCategoryName: 'Best Case' }),
      deal({ Id: 'pipeline', Amount: 40, ForecastCategoryName: 'Pipeline' }),
      deal({ Id: 'omitted', Amount: 50, ForecastCategoryName: 'Omitted' }),
      lostDeal({ Id: 'lost', Amount: 60 })
    ]);
    // Closed 10; Commit 10 + 20 = 30; Best Case 30 + 30 = 60; Open Pipeline 60 + 40 = 100.
    expect(rollup).toEqual({
      closed: 10,
      commit: 30,
      bestCase: 60,
      openPipeline: 100,
      omitted: 50
    });
  });

  it('rolls an open deal whose category says Closed up with Commit', () => {
    const rollup = forecastRollup([
      deal({ Id: 'early', Amount: 5, ForecastCategoryName: 'Closed' })
    ]);
    expect(rollup).toEqual({ closed: 0, commit: 5, bestCase: 5, openPipeline: 5, omitted: 0 });
  });

  it('is monotonic and its top equals won plus every open non-omitted amount', () => {
    const category = fc.constantFrom(
      'Pipeline',
      'Best Case',
      'Commit',
      'Closed',
      'Omitted' as const
    );
    const dealArb = fc.record({
      amount: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
      status: fc.constantFrom('open', 'won', 'lost'),
      category
    });
    fc.assert(
      fc.property(fc.array(dealArb, { maxLength: 60 }), (rows) => {
        const deals = rows.map((row, i) =>
          row.status === 'won'
            ? wonDeal({ Id: `d${i}`, Amount: row.amount })
            : row.status === 'lost'
              ? lostDeal({ Id: `d${i}`, Amount: row.amount })
              : deal({ Id: `d${i}`, Amount: row.amount, ForecastCategoryName: row.category })
        );
        const rollup = forecastRollup(deals);
        expect(rollup.closed).toBeLessThanOrEqual(rollup.commit);
        expect(rollup.commit).toBeLessThanOrEqual(rollup.bestCase);
        expect(rollup.bestCase).toBeLessThanOrEqual(rollup.openPipeline);
        let expectedTop = 0;
        rows.forEach((row) => {
          if (row.status === 'won' || (row.status === 'open' && row.category !== 'Omitted')) {
            expectedTop += row.amount ?? 0;
          }
        });
        expect(rollup.openPipeline).toBe(expectedTop);
      })
    );
  });
});

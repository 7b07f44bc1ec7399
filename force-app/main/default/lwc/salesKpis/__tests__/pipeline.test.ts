import {
  computeCoverage,
  computePipelineKpis,
  computeVelocity,
  dealsInPeriod,
  parsePeriod,
  targetFor
} from 'c/salesKpis';
import type { SalesTarget } from 'c/salesKpis';
import { deal, lostDeal, wonDeal } from './factBuilders';

const Q4 = parsePeriod('2026-Q4');

// Deals of 2026-Q4 plus two outside it; the expectations below are worked out by hand.
const DEALS = [
  deal({
    Id: 'A',
    Amount: 100_000,
    Probability: 20,
    ForecastCategoryName: 'Commit',
    CloseDate: '2026-11-30'
  }),
  deal({
    Id: 'B',
    Amount: 50_000,
    Probability: 60,
    ForecastCategoryName: 'Best Case',
    CloseDate: '2026-12-15'
  }),
  deal({ Id: 'C', Amount: null, Probability: 10, CloseDate: '2026-10-20' }),
  // Created 1 August (UTC), closed 31 October: 31 (Aug) + 30 (Sep) + 30 = 91 days.
  wonDeal({
    Id: 'D',
    Amount: 80_000,
    CreatedDate: '2026-08-01T10:00:00.000Z',
    CloseDate: '2026-10-31'
  }),
  // Created 30 September 20:00 at -08:00 = 1 October 04:00 UTC; closed 9 November: 39 days.
  wonDeal({
    Id: 'E',
    Amount: 40_000,
    CreatedDate: '2026-09-30T20:00:00.000-0800',
    CloseDate: '2026-11-09'
  }),
  lostDeal({ Id: 'F', Amount: 30_000, CloseDate: '2026-12-01' }),
  deal({ Id: 'G', Amount: 30_000, CloseDate: '2027-01-15' }),
  wonDeal({ Id: 'H', Amount: 1_000_000, CloseDate: '2026-09-30' })
];

const TARGETS: SalesTarget[] = [
  {
    Seller__c: 'seller1',
    Period_Start__c: '2026-10-01',
    Period_End__c: '2026-12-31',
    Amount__c: 200_000
  },
  {
    Seller__c: 'seller2',
    Period_Start__c: '2026-10-01',
    Period_End__c: '2026-10-31',
    Amount__c: 30_000
  },
  {
    Seller__c: 'seller2',
    Period_Start__c: '2026-11-01',
    Period_End__c: '2026-11-30',
    Amount__c: 30_000
  },
  {
    Seller__c: 'seller2',
    Period_Start__c: '2026-12-01',
    Period_End__c: '2026-12-31',
    Amount__c: 30_000
  },
  {
    Seller__c: 'seller2',
    Period_Start__c: '2026-07-01',
    Period_End__c: '2026-09-30',
    Amount__c: 99_000
  }
];

describe('dealsInPeriod', () => {
  it('keeps the deals whose close date falls in the period', () => {
    expect(dealsInPeriod(DEALS, Q4).map((d) => d.Id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });
});

describe('computePipelineKpis', () => {
  const kpis = computePipelineKpis(dealsInPeriod(DEALS, Q4), targetFor(TARGETS, Q4));

  it('sums open, weighted, won and lost amounts, counting a blank amount as 0', () => {
    // Open: A 100,000 + B 50,000 + C blank (0) = 150,000, three open deals.
    expect(kpis.openCount).toBe(3);
    expect(kpis.openPipeline).toBe(150_000);
    // Weighted: 100,000 x 20% + 50,000 x 60% + 0 = 20,000 + 30,000 = 50,000.
    expect(kpis.weightedPipeline).toBe(50_000);
    expect(kpis.closedWon).toBe(120_000);
    expect(kpis.closedLost).toBe(30_000);
    expect([kpis.dealCount, kpis.wonCount, kpis.lostCount]).toEqual([6, 2, 1]);
  });

  it('computes win rates, deal size and cycle length', () => {
    // By count 2 / (2 + 1); by value 120,000 / 150,000.
    expect(kpis.winRateByCount).toBeCloseTo(2 / 3, 12);
    expect(kpis.winRateByValue).toBe(0.8);
    expect(kpis.averageDealSize).toBe(60_000);
    // (91 + 39) / 2 = 65 days, using the UTC date of CreatedDate.
    expect(kpis.averageCycleLength).toBe(65);
  });

  it('measures target, attainment and coverage of the remaining target', () => {
    // 200,000 + three months of 30,000; seller2's Q3 target does not overlap Q4.
    expect(kpis.target).toBe(290_000);
    expect(kpis.attainment).toBeCloseTo(120_000 / 290_000, 12);
    expect(kpis.remainingTarget).toBe(170_000);
    expect(kpis.coverage).toEqual({ kind: 'ratio', value: 150_000 / 170_000 });
  });

  it('computes velocity per day', () => {
    // 3 open x 2/3 x 60,000 / 65 days = 120,000 / 65.
    expect(kpis.velocity).toBeCloseTo(120_000 / 65, 9);
  });

  it('leaves every ratio blank when there are no deals and no target', () => {
    const empty = computePipelineKpis([], null);
    expect(empty).toEqual({
      dealCount: 0,
      openCount: 0,
      wonCount: 0,
      lostCount: 0,
      openPipeline: 0,
      weightedPipeline: 0,
      closedWon: 0,
      closedLost: 0,
      target: null,
      attainment: null,
      remainingTarget: null,
      coverage: null,
      winRateByCount: null,
      winRateByValue: null,
      averageDealSize: null,
      averageCycleLength: null,
      velocity: null
    });
  });

  it('counts a won deal with a blank amount in the counts but not in the sums', () => {
    const kpis2 = computePipelineKpis(
      [wonDeal({ Id: 'W', Amount: null }), lostDeal({ Id: 'L', Amount: null })],
      0
    );
    expect(kpis2.winRateByCount).toBe(0.5);
    expect(kpis2.winRateByValue).toBeNull();
    expect(kpis2.averageDealSize).toBe(0);
    expect(kpis2.attainment).toBeNull();
  });
});

describe('targetFor', () => {
  it('pro-rates a target that only partly overlaps the period, by days', () => {
    // A 92,000 quarterly target (92 days) seen through November (30 days) counts 30,000.
    const quarterly: SalesTarget = {
      Seller__c: 'seller1',
      Period_Start__c: '2026-10-01',
      Period_End__c: '2026-12-31',
      Amount__c: 92_000
    };
    expect(targetFor([quarterly], parsePeriod('2026-11'))).toBe(30_000);
  });

  it('sums only the sellers asked for, and is blank when no target overlaps', () => {
    expect(targetFor(TARGETS, Q4, new Set(['seller2']))).toBe(90_000);
    expect(targetFor(TARGETS, parsePeriod('2027-Q1'))).toBeNull();
  });

  it('counts a target row with a blank amount as a target of 0', () => {
    expect(
      targetFor(
        [
          {
            Seller__c: 's',
            Period_Start__c: '2026-10-01',
            Period_End__c: '2026-10-31',
            Amount__c: null
          }
        ],
        Q4
      )
    ).toBe(0);
  });
});

describe('computeCoverage', () => {
  it('says "target met" when the remainder is 0 or less', () => {
    expect(computeCoverage(500, 100, 100)).toEqual({ kind: 'targetMet' });
    expect(computeCoverage(500, 100, 120)).toEqual({ kind: 'targetMet' });
  });

  it('is a ratio of open pipeline to the remainder otherwise, and blank without a target', () => {
    // 300 / (400 - 100) = 1.
    expect(computeCoverage(300, 400, 100)).toEqual({ kind: 'ratio', value: 1 });
    expect(computeCoverage(300, null, 100)).toBeNull();
  });
});

describe('computeVelocity', () => {
  it('is blank when the average cycle is 0 days or less', () => {
    expect(computeVelocity(3, 0.5, 1000, 0)).toBeNull();
    expect(computeVelocity(3, 0.5, 1000, -2)).toBeNull();
    expect(computeVelocity(3, null, 1000, 10)).toBeNull();
  });

  it('multiplies open deals, win rate and deal size over the cycle', () => {
    // 4 x 0.25 x 1,000 / 10 = 100 per day.
    expect(computeVelocity(4, 0.25, 1000, 10)).toBe(100);
  });
});

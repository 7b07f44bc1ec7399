import {
  compareSegments,
  computeSegmentOverview,
  type SegmentAccount,
  type SegmentFacts
} from 'c/salesKpis';

const strategic: SegmentFacts = {
  Id: 's1',
  Name: 'Strategic',
  Priority__c: 1,
  Coverage_Model__c: 'Field',
  Target_Revenue_Share__c: 60,
  Active__c: true
};
const growth: SegmentFacts = {
  Id: 's2',
  Name: 'Growth',
  Priority__c: 2,
  Coverage_Model__c: 'Hybrid',
  Target_Revenue_Share__c: 30,
  Active__c: true
};
const retired: SegmentFacts = { Id: 's3', Name: 'Retired', Priority__c: 3, Active__c: false };
const empty: SegmentFacts = { Id: 's4', Name: 'Old', Priority__c: 4, Active__c: false };

describe('compareSegments', () => {
  it('orders by priority, blank last, then name, then Id', () => {
    const list: SegmentFacts[] = [
      { Id: 'b', Name: 'Same', Priority__c: 1 },
      { Id: 'x', Name: 'Blank' },
      { Id: 'a', Name: 'Same', Priority__c: 1 },
      { Id: 'c', Name: 'Alpha', Priority__c: 1 },
      { Id: 'd', Name: 'First', Priority__c: 0 }
    ];
    expect([...list].sort(compareSegments).map((s) => s.Id)).toEqual(['d', 'c', 'a', 'b', 'x']);
  });
});

describe('computeSegmentOverview', () => {
  const accounts: SegmentAccount[] = [
    {
      Id: 'a1',
      Customer_Segment__c: 's1',
      Market_Potential__c: 100,
      Customer_Lifetime_Value__c: 1000
    },
    {
      Id: 'a2',
      Customer_Segment__c: 's1',
      Market_Potential__c: null,
      Customer_Lifetime_Value__c: null
    },
    {
      Id: 'a3',
      Customer_Segment__c: 's2',
      Market_Potential__c: 300,
      Customer_Lifetime_Value__c: 600
    },
    {
      Id: 'a4',
      Customer_Segment__c: 's3',
      Market_Potential__c: 10,
      Customer_Lifetime_Value__c: 20
    },
    { Id: 'a5', Customer_Segment__c: null, Market_Potential__c: 5, Customer_Lifetime_Value__c: 40 },
    {
      Id: 'a6',
      Customer_Segment__c: 'gone',
      Market_Potential__c: 5,
      Customer_Lifetime_Value__c: 60
    }
  ];
  const revenue = [
    { AccountId: 'a1', openPipeline: 500, wonThisYear: 600 },
    { AccountId: 'a2', openPipeline: 100, wonThisYear: 0 },
    { AccountId: 'a3', openPipeline: 200, wonThisYear: 300 },
    { AccountId: 'a5', openPipeline: 0, wonThisYear: 100 }
  ];
  const overview = computeSegmentOverview([growth, empty, retired, strategic], accounts, revenue);

  it('lists active segments and inactive ones with accounts in priority order, then unsegmented', () => {
    expect(overview.rows.map((row) => row.segment?.Id ?? null)).toEqual(['s1', 's2', 's3', null]);
  });

  it('sums pipeline, revenue, potential and lifetime value per segment', () => {
    const row = overview.rows[0];
    expect(row).toMatchObject({
      accountCount: 2,
      openPipeline: 600,
      wonThisYear: 600,
      marketPotential: 100,
      lifetimeValue: 1000,
      averageLifetimeValue: 1000
    });
  });

  it('compares the share of revenue with the target share', () => {
    // Total won 1000: strategic 600 (target 60 %) is on target; growth 300 (30 %) exactly meets it.
    expect(overview.rows[0].revenueShare).toBeCloseTo(0.6, 12);
    expect(overview.rows[0].onTarget).toBe(true);
    expect(overview.rows[1].revenueShare).toBeCloseTo(0.3, 12);
    expect(overview.rows[1].shareGap).toBeCloseTo(0, 12);
    expect(overview.rows[1].onTarget).toBe(true);
    expect(overview.rows[2].targetShare).toBeNull();
    expect(overview.rows[2].onTarget).toBeNull();
  });

  it('counts accounts of unknown segments as unsegmented', () => {
    const unsegmented = overview.rows[3];
    expect(unsegmented.accountCount).toBe(2);
    expect(unsegmented.lifetimeValue).toBe(100);
    expect(unsegmented.averageLifetimeValue).toBe(50);
    expect(unsegmented.revenueShare).toBeCloseTo(0.1, 12);
    expect(unsegmented.onTarget).toBeNull();
  });

  it('totals every row and the target shares', () => {
    expect(overview.totals).toEqual({
      accountCount: 6,
      openPipeline: 800,
      wonThisYear: 1000,
      marketPotential: 420,
      lifetimeValue: 1720,
      targetShare: 0.9
    });
  });

  it('has no shares when nothing was won', () => {
    const none = computeSegmentOverview([strategic], accounts.slice(0, 1), []);
    expect(none.rows[0].revenueShare).toBeNull();
    expect(none.rows[0].onTarget).toBeNull();
    expect(none.rows[1].accountCount).toBe(0);
  });
});

import { computeSalesKpis, computeSellerTable, defaultSellers, parsePeriod } from 'c/salesKpis';
import type { Deal, SalesFacts, SalesTarget, TeamMember } from 'c/salesKpis';
import { STAGES, deal, meeting, seededRandom, session, wonDeal } from './factBuilders';

const Q4 = parsePeriod('2026-Q4');
const TODAY = '2026-11-16';
const CATEGORIES = ['Pipeline', 'Best Case', 'Commit', 'Omitted'] as const;

/** 10,000 deals over 40 sellers, close dates from July 2026 to March 2027, some blank amounts. */
function bigFacts(count: number): SalesFacts {
  const random = seededRandom(20261116);
  const team: TeamMember[] = [{ Id: 'manager1', ManagerId: null }];
  for (let s = 0; s < 40; s++) {
    team.push({ Id: `seller${s}`, ManagerId: 'manager1' });
  }
  const deals: Deal[] = [];
  for (let i = 0; i < count; i++) {
    const close = new Date(Date.UTC(2026, 6, 1) + Math.floor(random() * 270) * 86_400_000);
    const status = random();
    const amount = random() < 0.05 ? null : Math.round(random() * 100_000) / 100;
    const base = {
      Id: `d${i}`,
      OwnerId: `seller${i % 40}`,
      Amount: amount,
      CloseDate: close.toISOString().slice(0, 10),
      CreatedDate: new Date(
        close.getTime() - Math.floor(random() * 200) * 86_400_000
      ).toISOString(),
      Probability: Math.floor(random() * 101),
      Data_Quality_Score__c: random() < 0.2 ? null : Math.floor(random() * 101)
    };
    if (status < 0.25) {
      deals.push(wonDeal(base));
    } else if (status < 0.45) {
      deals.push({
        ...deal(base),
        StageName: 'Closed Lost',
        IsClosed: true,
        ForecastCategoryName: 'Omitted'
      });
    } else {
      deals.push(deal({ ...base, ForecastCategoryName: CATEGORIES[Math.floor(random() * 4)] }));
    }
  }
  const targets: SalesTarget[] = team.slice(1).map((member) => ({
    Seller__c: member.Id,
    Period_Start__c: '2026-10-01',
    Period_End__c: '2026-12-31',
    Amount__c: 250_000
  }));
  return {
    deals,
    history: [],
    activities: [],
    targets,
    sessions: [],
    team,
    strategy: { Target_Data_Quality_Score__c: 70 },
    stages: STAGES
  };
}

describe('computeSalesKpis over 10,000 deals', () => {
  const facts = bigFacts(10_000);
  const report = computeSalesKpis(facts, { period: Q4, today: TODAY });

  // The independent sums: one plain loop per figure, no module function involved.
  const inQ4 = facts.deals.filter((d) => {
    const [y, m] = d.CloseDate.split('-').map(Number);
    return y === 2026 && m >= 10 && m <= 12;
  });
  let open = 0;
  let weighted = 0;
  let won = 0;
  let lost = 0;
  let wonCount = 0;
  let lostCount = 0;
  let openCount = 0;
  let commitOpen = 0;
  let scoreSum = 0;
  let scored = 0;
  let atTarget = 0;
  for (const d of inQ4) {
    const amount = d.Amount ?? 0;
    if (d.IsWon) {
      won += amount;
      wonCount++;
    } else if (d.IsClosed) {
      lost += amount;
      lostCount++;
    } else {
      open += amount;
      openCount++;
      weighted += (amount * (d.Probability ?? 0)) / 100;
      if (d.ForecastCategoryName === 'Commit') commitOpen += amount;
      if (d.Data_Quality_Score__c !== null && d.Data_Quality_Score__c !== undefined) {
        scoreSum += d.Data_Quality_Score__c;
        scored++;
        if (d.Data_Quality_Score__c >= 70) atTarget++;
      }
    }
  }

  it('uses every deal of the quarter, far above 2,000', () => {
    expect(inQ4.length).toBeGreaterThan(2000);
    expect(report.pipeline.dealCount).toBe(inQ4.length);
  });

  it('totals open, weighted, won and lost exactly as an independent sum', () => {
    expect(report.pipeline.openCount).toBe(openCount);
    expect(report.pipeline.openPipeline).toBeCloseTo(open, 4);
    expect(report.pipeline.weightedPipeline).toBeCloseTo(weighted, 4);
    expect(report.pipeline.closedWon).toBeCloseTo(won, 4);
    expect(report.pipeline.closedLost).toBeCloseTo(lost, 4);
    expect(report.pipeline.winRateByCount).toBeCloseTo(wonCount / (wonCount + lostCount), 12);
  });

  it('rolls up and measures target and data quality on all deals', () => {
    expect(report.rollup.commit).toBeCloseTo(won + commitOpen, 4);
    // 40 sellers x 250,000.
    expect(report.pipeline.target).toBe(10_000_000);
    expect(report.dataQuality.averageScore).toBeCloseTo(scoreSum / scored, 9);
    expect(report.dataQuality.shareAtOrAboveTarget).toBeCloseTo(atTarget / scored, 12);
  });

  it('has seller rows that add up to the team', () => {
    expect(report.sellers).toHaveLength(40);
    const sellerOpen = report.sellers.reduce((sum, row) => sum + row.openPipeline, 0);
    const sellerWon = report.sellers.reduce((sum, row) => sum + row.closedWon, 0);
    expect(sellerOpen).toBeCloseTo(open, 4);
    expect(sellerWon).toBeCloseTo(won, 4);
  });

  it('reconciles the changes since the period start with the pipeline now', () => {
    // Without history every deal stood as it stands: only deals created since 1 October are new.
    const b = report.changes.bridge;
    expect(b.closing).toBeCloseTo(open, 4);
    expect(
      b.opening +
        b.newDeals +
        b.movedIn +
        b.amountChange -
        b.won -
        b.lost -
        b.movedOut -
        b.movedEarlier
    ).toBeCloseTo(b.closing, 4);
  });

  it('never yields NaN or Infinity anywhere in the report', () => {
    const numbers: number[] = [];
    JSON.stringify(report, (_key, value: unknown) => {
      if (typeof value === 'number') numbers.push(value);
      return value;
    });
    expect(numbers.length).toBeGreaterThan(100);
    expect(numbers.every(Number.isFinite)).toBe(true);
  });
});

describe('computeSalesKpis on a small team', () => {
  const facts: SalesFacts = {
    deals: [
      deal({
        Id: 'a',
        OwnerId: 'seller1',
        Amount: 300,
        Data_Quality_Score__c: 90,
        Coaching_Flag_Count__c: 2
      }),
      wonDeal({ Id: 'b', OwnerId: 'seller1', Amount: 100, CloseDate: '2026-10-15' }),
      deal({ Id: 'c', OwnerId: 'seller2', Amount: 50, Data_Quality_Score__c: 40 })
    ],
    history: [],
    activities: [meeting({ Id: 'm', OwnerId: 'seller1', DurationInMinutes: 120 })],
    targets: [
      {
        Seller__c: 'seller1',
        Period_Start__c: '2026-10-01',
        Period_End__c: '2026-12-31',
        Amount__c: 400
      },
      {
        Seller__c: 'seller2',
        Period_Start__c: '2026-10-01',
        Period_End__c: '2026-12-31',
        Amount__c: 40
      }
    ],
    sessions: [
      session({ Seller__c: 'seller1', Session_Date__c: '2026-11-02', Usefulness_Rating__c: 4 })
    ],
    team: [
      { Id: 'seller1', ManagerId: 'manager1' },
      { Id: 'seller2', ManagerId: 'manager1' }
    ],
    strategy: { Target_Time_With_Customers__c: 30, Target_Coaching_Sessions__c: 1 }
  };

  it('fills the per-seller table with the team definitions', () => {
    const report = computeSalesKpis(facts, { period: Q4, today: TODAY });
    // Working days 1 Oct - 16 Nov: 33 weekdays x 444 minutes (37 h / 5) = 14,652.
    expect(report.sellers).toEqual([
      {
        sellerId: 'seller1',
        openPipeline: 300,
        closedWon: 100,
        target: 400,
        attainment: 0.25,
        // 300 / (400 - 100) = 1.
        coverage: { kind: 'ratio', value: 1 },
        winRateByCount: 1,
        timeWithCustomers: 120 / 14_652,
        coachingSessions: 1,
        dataQuality: 90,
        coachingFlags: 2
      },
      {
        sellerId: 'seller2',
        openPipeline: 50,
        closedWon: 0,
        target: 40,
        attainment: 0,
        coverage: { kind: 'ratio', value: 1.25 },
        winRateByCount: null,
        timeWithCustomers: 0,
        coachingSessions: 0,
        dataQuality: 40,
        coachingFlags: 0
      }
    ]);
    expect(report.coaching).toHaveLength(1);
    expect(report.forecastAccuracy).toBeNull();
    // Team: 120 customer minutes over 2 x 14,652 working minutes, against 30 %.
    expect(report.againstStrategy.timeWithCustomers).toEqual({
      value: 120 / 29_304,
      target: 0.3,
      met: false
    });
  });

  it('divides by the working week of the facts (the strategy settings), unless the caller overrides it', () => {
    const fromSettings = computeSalesKpis(
      { ...facts, workingWeek: { hoursPerWeek: 30 } },
      { period: Q4, today: TODAY }
    );
    // 33 weekdays x 360 minutes (30 h / 5).
    expect(fromSettings.sellers[0].timeWithCustomers).toBe(120 / 11_880);
    const overridden = computeSalesKpis(
      { ...facts, workingWeek: { hoursPerWeek: 30 } },
      { period: Q4, today: TODAY, workingWeek: { hoursPerWeek: 40 } }
    );
    expect(overridden.sellers[0].timeWithCustomers).toBe(120 / 15_840);
  });

  it('reports forecast accuracy when asked for a closed period', () => {
    const report = computeSalesKpis(facts, {
      period: Q4,
      today: TODAY,
      accuracyPeriod: parsePeriod('2026-Q3')
    });
    // Nothing was won in Q3: accuracy is blank, not NaN.
    expect(report.forecastAccuracy).toEqual({ commitAtStart: 0, closedWon: 0, accuracy: null });
  });

  it('has no time-based rows for a period that has not started', () => {
    const report = computeSalesKpis(facts, { period: parsePeriod('2027-Q1'), today: TODAY });
    expect(report.timeWithCustomers).toEqual([]);
    expect(report.coaching).toEqual([]);
    expect(report.sellers[0].timeWithCustomers).toBeNull();
  });

  it('counts only the named sellers’ deals and targets when sellers are picked', () => {
    const report = computeSalesKpis(facts, { period: Q4, today: TODAY, sellerIds: ['seller2'] });
    // seller2 alone: open 50 against a target of 40.
    expect(report.pipeline).toMatchObject({ openPipeline: 50, closedWon: 0, target: 40 });
    expect(report.sellers.map((row) => row.sellerId)).toEqual(['seller2']);
  });

  it('shows a seller without deals in the table', () => {
    const rows = computeSellerTable({
      sellerIds: ['nobody'],
      dealsInPeriod: facts.deals,
      targets: [],
      activities: [],
      sessions: [],
      period: Q4,
      window: null,
      strategy: null
    });
    expect(rows[0]).toMatchObject({
      sellerId: 'nobody',
      openPipeline: 0,
      coverage: null,
      dataQuality: null
    });
  });
});

describe('coaching sessions per seller per month in the header', () => {
  // The reviewing manager reports to a director outside the team; the manager is no seller.
  const team: TeamMember[] = [
    { Id: 'manager1', ManagerId: 'director' },
    { Id: 'seller1', ManagerId: 'manager1' },
    { Id: 'seller2', ManagerId: 'manager1' }
  ];
  const facts: SalesFacts = {
    deals: [deal({ Id: 'a', OwnerId: 'seller1' })],
    history: [],
    activities: [],
    targets: [],
    sessions: [
      session({ Seller__c: 'seller1', Session_Date__c: '2026-10-05' }),
      session({ Seller__c: 'seller2', Session_Date__c: '2026-11-02' }),
      session({ Seller__c: 'seller1', Session_Date__c: '2026-11-12' }),
      // Outside the elapsed window (after today) and with a manager: neither counts.
      session({ Seller__c: 'seller2', Session_Date__c: '2026-11-20' }),
      session({ Seller__c: 'manager1', Coach__c: 'director', Session_Date__c: '2026-11-03' })
    ],
    team,
    strategy: { Target_Coaching_Sessions__c: 1 }
  };
  // 1 Oct - 16 Nov: 1 + 16/30 months.
  const months = 1 + 16 / 30;

  it('divides the sessions with the team’s sellers by those sellers only', () => {
    const report = computeSalesKpis(facts, { period: Q4, today: TODAY });
    // 3 sessions / 2 sellers / 1.53 months = 0.98, below the target of 1.
    expect(report.againstStrategy.coachingSessions.value).toBeCloseTo(3 / 2 / months, 12);
    expect(report.againstStrategy.coachingSessions).toMatchObject({ target: 1, met: false });
  });

  it('counts a session with a team seller whoever the coach is', () => {
    const report = computeSalesKpis(
      {
        ...facts,
        sessions: [
          ...facts.sessions,
          session({ Seller__c: 'seller2', Coach__c: 'director', Session_Date__c: '2026-11-09' })
        ]
      },
      { period: Q4, today: TODAY }
    );
    expect(report.againstStrategy.coachingSessions.value).toBeCloseTo(4 / 2 / months, 12);
    expect(report.againstStrategy.coachingSessions.met).toBe(true);
  });

  it('lists the manager’s coaching quality without a row for the level above', () => {
    const report = computeSalesKpis(facts, { period: Q4, today: TODAY });
    expect(report.coaching.map((row) => [row.managerId, row.sellerCount])).toEqual([
      ['manager1', 2]
    ]);
  });
});

describe('defaultSellers', () => {
  it('takes the members who manage no one, plus managers who own deals', () => {
    const team: TeamMember[] = [
      { Id: 'director', ManagerId: null },
      { Id: 'manager1', ManagerId: 'director' },
      { Id: 'playerCoach', ManagerId: 'director' },
      { Id: 'seller1', ManagerId: 'manager1' },
      { Id: 'seller2', ManagerId: 'playerCoach' }
    ];
    const deals = [deal({ Id: 'x', OwnerId: 'playerCoach' })];
    expect(defaultSellers(team, deals)).toEqual(['playerCoach', 'seller1', 'seller2']);
  });
});

import {
  computeCoachingQuality,
  computeDataQuality,
  computeTimeWithCustomers,
  dateRange,
  isCustomerFacing,
  teamTimeWithCustomers,
  workingMinutesIn
} from 'c/salesKpis';
import type { TeamMember } from 'c/salesKpis';
import { deal, meeting, session, wonDeal } from './factBuilders';

// Monday 16 to Friday 20 November 2026: five working days.
const WEEK = dateRange('2026-11-16', '2026-11-20');

const EVENTS = [
  meeting({ Id: 'e1', StartDateTime: '2026-11-16T09:00:00.000Z', DurationInMinutes: 60 }),
  // Overlaps e1 by 30 minutes: together 09:00-10:30 = 90 minutes.
  meeting({
    Id: 'e2',
    StartDateTime: '2026-11-16T09:30:00.000Z',
    What: null,
    Who: { Type: 'Contact' }
  }),
  meeting({
    Id: 'internal',
    What: { Type: 'Opportunity' },
    Internal__c: true,
    DurationInMinutes: 120
  }),
  meeting({ Id: 'lead', What: null, Who: { Type: 'Lead' } }),
  meeting({ Id: 'task', attributes: { type: 'Task' } }),
  // All-day customer workshop on Wednesday: one working day; replaces e7 on the same day.
  meeting({
    Id: 'e6',
    IsAllDayEvent: true,
    ActivityDate: '2026-11-18',
    StartDateTime: '2026-11-18T00:00:00.000Z',
    DurationInMinutes: 1440
  }),
  meeting({ Id: 'e7', StartDateTime: '2026-11-18T10:00:00.000Z' }),
  meeting({ Id: 'nextWeek', StartDateTime: '2026-11-23T10:00:00.000Z', DurationInMinutes: 30 }),
  // No start time: its 45 minutes count as they are.
  meeting({
    Id: 'e9',
    StartDateTime: null,
    ActivityDate: '2026-11-19',
    DurationInMinutes: 45,
    What: { Type: 'Opportunity' }
  }),
  meeting({ Id: 'other', OwnerId: 'outsider' })
];

describe('isCustomerFacing', () => {
  it('takes events on accounts, opportunities and contacts that are not internal', () => {
    expect(EVENTS.filter(isCustomerFacing).map((e) => e.Id)).toEqual([
      'e1',
      'e2',
      'e6',
      'e7',
      'nextWeek',
      'e9',
      'other'
    ]);
  });
});

describe('computeTimeWithCustomers', () => {
  it('divides merged customer minutes by working minutes', () => {
    const [seller1, seller2] = computeTimeWithCustomers(EVENTS, ['seller1', 'seller2'], WEEK, {
      Target_Time_With_Customers__c: 25
    });
    // 90 (e1+e2 merged) + 480 (all-day at 40 h / 5) + 45 = 615 of 5 x 480 = 2,400 minutes.
    expect(seller1).toEqual({
      sellerId: 'seller1',
      customerMinutes: 615,
      workingMinutes: 2400,
      share: 615 / 2400,
      target: 0.25,
      meetsTarget: true
    });
    expect(seller2).toMatchObject({ customerMinutes: 0, share: 0, meetsTarget: false });
  });

  it('uses the configured working week', () => {
    // 32 h: a day is 384 minutes; 90 + 384 + 45 = 519 of 5 x 384 = 1,920.
    const [row] = computeTimeWithCustomers(EVENTS, ['seller1'], WEEK, null, 32);
    expect(row).toMatchObject({
      customerMinutes: 519,
      workingMinutes: 1920,
      target: null,
      meetsTarget: null
    });
    expect(workingMinutesIn(WEEK, 32)).toBe(1920);
  });

  it('is blank over a weekend, which has no working minutes', () => {
    const [row] = computeTimeWithCustomers(
      EVENTS,
      ['seller1'],
      dateRange('2026-11-21', '2026-11-22')
    );
    expect(row.share).toBeNull();
  });

  it('sums the team over all working minutes', () => {
    const rows = computeTimeWithCustomers(EVENTS, ['seller1', 'seller2'], WEEK);
    // 615 / (2,400 + 2,400).
    expect(teamTimeWithCustomers(rows)).toBeCloseTo(615 / 4800, 12);
    expect(teamTimeWithCustomers([])).toBeNull();
  });
});

describe('computeCoachingQuality', () => {
  const TEAM: TeamMember[] = [
    { Id: 'manager1', ManagerId: 'director' },
    { Id: 'seller1', ManagerId: 'manager1' },
    { Id: 'seller2', ManagerId: 'manager1' },
    { Id: 'seller3', ManagerId: 'manager1' },
    { Id: 'seller4', ManagerId: 'manager2' }
  ];
  const SESSIONS = [
    session({
      Seller__c: 'seller1',
      Session_Date__c: '2026-10-05',
      Usefulness_Rating__c: 4,
      Follow_Up_Date__c: '2026-10-20',
      Follow_Up_Completed__c: true
    }),
    session({
      Seller__c: 'seller1',
      Session_Date__c: '2026-11-10',
      Usefulness_Rating__c: 5,
      Follow_Up_Date__c: '2026-11-20'
    }),
    session({
      Seller__c: 'seller2',
      Session_Date__c: '2026-10-12',
      Follow_Up_Date__c: '2026-11-01',
      Follow_Up_Completed__c: false
    }),
    // 18 October is the first of the last 30 days (16 November - 29).
    session({
      Seller__c: 'seller3',
      Session_Date__c: '2026-10-18',
      Usefulness_Rating__c: 3,
      Follow_Up_Date__c: '2026-11-16',
      Follow_Up_Completed__c: true
    }),
    session({ Seller__c: 'seller2', Session_Date__c: '2026-09-20', Usefulness_Rating__c: 1 }),
    session({ Seller__c: 'seller4', Session_Date__c: '2026-11-02', Usefulness_Rating__c: 1 }),
    session({ Seller__c: 'seller1', Coach__c: 'manager2', Session_Date__c: '2026-11-03' }),
    session({ Seller__c: 'seller4', Coach__c: 'manager2', Session_Date__c: '2026-11-01' })
  ];
  const WINDOW = dateRange('2026-10-01', '2026-11-16');
  const rows = computeCoachingQuality(SESSIONS, TEAM, WINDOW, '2026-11-16', {
    Target_Coaching_Sessions__c: 1
  });
  const manager1 = rows.find((r) => r.managerId === 'manager1');
  const manager2 = rows.find((r) => r.managerId === 'manager2');

  it('counts sessions per seller per month', () => {
    // 4 sessions with manager1's own sellers in the window, 3 sellers, 1 + 16/30 months.
    expect(manager1?.sessionCount).toBe(4);
    expect(manager1?.sessionsPerSellerPerMonth).toBeCloseTo(4 / 3 / (1 + 16 / 30), 12);
    expect(manager1?.meetsTarget).toBe(false);
  });

  it('measures coverage over the last 30 days, including the 30th day back', () => {
    // seller1 (10 Nov) and seller3 (18 Oct); seller2's last session was 12 October.
    expect(manager1?.coverageLast30Days).toBeCloseTo(2 / 3, 12);
  });

  it('averages rated sessions and completes only follow-ups already due', () => {
    // Ratings 4, 5, 3 -> 4. Due before 16 Nov: 20 Oct (done), 1 Nov (not done) -> 1/2.
    expect(manager1?.averageUsefulness).toBe(4);
    expect(manager1?.followUpCompletion).toBe(0.5);
  });

  it('ignores sessions with sellers outside the manager’s team', () => {
    // manager2 coached seller1 (not theirs) and seller4 once: 1 session, 1 seller.
    expect(manager2).toMatchObject({ sellerCount: 1, sessionCount: 1, coverageLast30Days: 1 });
    expect(manager2?.averageUsefulness).toBeNull();
    expect(manager2?.followUpCompletion).toBeNull();
  });

  it('reports a manager without sellers with blank ratios', () => {
    const [nobody] = computeCoachingQuality(SESSIONS, TEAM, WINDOW, '2026-11-16', null, [
      'seller1'
    ]);
    expect(nobody).toMatchObject({
      sellerCount: 0,
      sessionsPerSellerPerMonth: null,
      coverageLast30Days: null
    });
  });
});

describe('computeDataQuality', () => {
  it('averages stored scores of open deals, blanks excluded, and shares at or above target', () => {
    const result = computeDataQuality(
      [
        deal({ Id: 'a', Data_Quality_Score__c: 80 }),
        deal({ Id: 'b', Data_Quality_Score__c: 60 }),
        deal({ Id: 'c', Data_Quality_Score__c: null }),
        deal({ Id: 'd', Data_Quality_Score__c: 75 }),
        wonDeal({ Id: 'w', Data_Quality_Score__c: 0 })
      ],
      { Target_Data_Quality_Score__c: 75 }
    );
    // (80 + 60 + 75) / 3; 80 and 75 reach 75: 2 of 3 scored deals.
    expect(result).toEqual({
      openCount: 4,
      scoredCount: 3,
      averageScore: 215 / 3,
      target: 75,
      shareAtOrAboveTarget: 2 / 3
    });
  });

  it('is blank without scores or target', () => {
    expect(computeDataQuality([deal({ Id: 'a' })])).toMatchObject({
      averageScore: null,
      shareAtOrAboveTarget: null
    });
  });
});

import {
  DEFAULT_WORKING_HOURS_PER_WEEK,
  coachingSessionsPerSellerPerMonth,
  computeCoachingQuality,
  computeDataQuality,
  computeTimeWithCustomers,
  dateRange,
  isCustomerFacing,
  teamTimeWithCustomers,
  workingMinutesIn
} from 'c/salesKpis';
import type { TeamMember } from 'c/salesKpis';
import { call, deal, meeting, session, wonDeal } from './factBuilders';

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
  it('divides merged customer minutes by working minutes of a 37-hour week by default', () => {
    const [seller1, seller2] = computeTimeWithCustomers(EVENTS, ['seller1', 'seller2'], WEEK, {
      Target_Time_With_Customers__c: 25
    });
    // 90 (e1+e2 merged) + 444 (all-day at 37 h / 5) + 45 = 579 of 5 x 444 = 2,220 minutes.
    expect(DEFAULT_WORKING_HOURS_PER_WEEK).toBe(37);
    expect(seller1).toEqual({
      sellerId: 'seller1',
      customerMinutes: 579,
      workingMinutes: 2220,
      share: 579 / 2220,
      target: 0.25,
      meetsTarget: true
    });
    expect(seller2).toMatchObject({ customerMinutes: 0, share: 0, meetsTarget: false });
  });

  it('uses the configured working week', () => {
    // 32 h: a day is 384 minutes; 90 + 384 + 45 = 519 of 5 x 384 = 1,920.
    const [row] = computeTimeWithCustomers(EVENTS, ['seller1'], WEEK, null, { hoursPerWeek: 32 });
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
    // 579 / (2,220 + 2,220).
    expect(teamTimeWithCustomers(rows)).toBeCloseTo(579 / 4440, 12);
    expect(teamTimeWithCustomers([])).toBeNull();
  });
});

/**
 * Time with customers counts completed customer calls beside meetings (KPI_DEFINITIONS.md, "time
 * with customers"). Salesforce's Task and Event objects (Object Reference,
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm
 * and .../sforce_api_objects_event.htm): a logged call is a Task with TaskSubtype Call, its length
 * in CallDurationInSeconds and CallType Internal, Inbound or Outbound; an all-day event's date is
 * its ActivityDate and it lasts DurationInMinutes (a day when blank).
 */
describe('time with customers: calls, all-day events and weekends', () => {
  // Monday 16 - Sunday 22 November 2026: five working days of 37 h / 5 = 444 minutes.
  const FULL_WEEK = dateRange('2026-11-16', '2026-11-22');
  const minutesOf = (activities: Parameters<typeof computeTimeWithCustomers>[0], week = {}) =>
    computeTimeWithCustomers(activities, ['seller1'], FULL_WEEK, null, week)[0].customerMinutes;

  it('adds completed customer calls by their duration in seconds', () => {
    const activities = [
      meeting({ Id: 'm', StartDateTime: '2026-11-16T09:00:00.000Z', DurationInMinutes: 60 }),
      call({ Id: 'c1', ActivityDate: '2026-11-16', CallDurationInSeconds: 1200 }),
      call({
        Id: 'c2',
        ActivityDate: '2026-11-17',
        CallDurationInSeconds: 90,
        Who: { Type: 'Contact' },
        What: null
      })
    ];
    // 60 + 20 + 1.5 minutes.
    expect(minutesOf(activities)).toBe(81.5);
    expect(activities.every(isCustomerFacing)).toBe(true);
  });

  it.each([
    ['an open call', { IsClosed: false }],
    ['an internal call', { Internal__c: true }],
    ['a call of call type Internal', { CallType: 'Internal' }],
    ['a task that is no call', { TaskSubtype: 'Task' }],
    ['a call to a lead', { What: null, Who: { Type: 'Lead' } }]
  ])('leaves out %s', (_what, overrides) => {
    const activity = call({ Id: 'c', CallDurationInSeconds: 600, ...overrides });
    expect(isCustomerFacing(activity)).toBe(false);
    expect(minutesOf([activity])).toBe(0);
  });

  it('counts each working day an all-day event spans, within the window', () => {
    // Thursday 19 to Saturday 21: Thursday and Friday are working days.
    const workshop = meeting({
      Id: 'w',
      IsAllDayEvent: true,
      ActivityDate: '2026-11-19',
      StartDateTime: '2026-11-19T00:00:00.000Z',
      DurationInMinutes: 3 * 1440
    });
    expect(minutesOf([workshop])).toBe(2 * 444);
    // From Sunday 15 (outside the window) to Tuesday 17: Monday and Tuesday.
    const early = { ...workshop, ActivityDate: '2026-11-15', StartDateTime: null };
    expect(minutesOf([early])).toBe(2 * 444);
  });

  it('counts an all-day event without duration as one day', () => {
    const day = meeting({
      Id: 'd',
      IsAllDayEvent: true,
      ActivityDate: '2026-11-18',
      DurationInMinutes: null
    });
    expect(minutesOf([day])).toBe(444);
  });

  it('lets an all-day event stand for the meetings and calls of its days', () => {
    const activities = [
      meeting({
        Id: 'a',
        IsAllDayEvent: true,
        ActivityDate: '2026-11-18',
        DurationInMinutes: 1440
      }),
      meeting({ Id: 'm', StartDateTime: '2026-11-18T10:00:00.000Z', ActivityDate: '2026-11-18' }),
      call({ Id: 'c', ActivityDate: '2026-11-18', CallDurationInSeconds: 600 }),
      call({ Id: 'next', ActivityDate: '2026-11-19', CallDurationInSeconds: 600 })
    ];
    expect(minutesOf(activities)).toBe(444 + 10);
  });

  it('does not count weekend meetings and calls unless the setting says so', () => {
    const weekend = [
      meeting({ Id: 'sat', StartDateTime: '2026-11-21T10:00:00.000Z', ActivityDate: '2026-11-21' }),
      call({ Id: 'sat2', ActivityDate: '2026-11-21', CallDurationInSeconds: 600 }),
      meeting({
        Id: 'allDaySun',
        IsAllDayEvent: true,
        ActivityDate: '2026-11-22',
        DurationInMinutes: 1440
      })
    ];
    expect(minutesOf(weekend)).toBe(0);
    // Counted: 60 + 10 minutes and the all-day Sunday as a day's hours.
    expect(minutesOf(weekend, { countWeekendTime: true })).toBe(60 + 10 + 444);
  });

  it('keeps the working minutes to Monday-Friday whatever the weekend setting', () => {
    const [row] = computeTimeWithCustomers([], ['seller1'], FULL_WEEK, null, {
      hoursPerWeek: 37,
      countWeekendTime: true
    });
    expect(row.workingMinutes).toBe(2220);
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

describe('coachingSessionsPerSellerPerMonth', () => {
  const sessions = [
    session({ Seller__c: 'seller1', Session_Date__c: '2026-10-01' }),
    session({ Seller__c: 'seller2', Coach__c: 'director', Session_Date__c: '2026-10-31' }),
    session({ Seller__c: 'manager1', Coach__c: 'director', Session_Date__c: '2026-10-15' }),
    session({ Seller__c: 'seller1', Session_Date__c: '2026-11-01' })
  ];

  it('counts the sellers’ sessions in the window from any coach, per seller and month', () => {
    // October: seller1 and seller2 once each, manager1 is not a seller: 2 / 2 / 1 month.
    const october = dateRange('2026-10-01', '2026-10-31');
    expect(coachingSessionsPerSellerPerMonth(sessions, ['seller1', 'seller2'], october)).toBe(1);
  });

  it('is blank for a team without sellers', () => {
    expect(coachingSessionsPerSellerPerMonth(sessions, [], WEEK)).toBeNull();
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

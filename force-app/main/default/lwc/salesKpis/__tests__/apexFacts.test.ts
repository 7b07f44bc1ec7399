import { salesFactsFromApex, type ApexPipelineFacts } from 'c/salesKpis';

const FIRST: ApexPipelineFacts = {
  team: [
    { Id: 'mgr', Name: 'Maja' },
    { Id: 's1', Name: 'Sam', ManagerId: 'mgr' }
  ],
  deals: [{ Id: 'd1', OwnerId: 's1', StageName: 'Prospecting', CloseDate: '2026-11-30' }],
  history: [{ OpportunityId: 'd1', Field: 'created', CreatedDate: '2026-09-01T00:00:00.000Z' }],
  nextPageAfterId: 'd1',
  truncated: false,
  totals: [
    { ownerId: 's1', stageName: 'Prospecting', forecastCategoryName: 'Pipeline', dealCount: 2 }
  ],
  events: [{ Id: 'e1', OwnerId: 's1', DurationInMinutes: 60 }],
  targets: [],
  coachingSessions: [],
  strategy: { Target_Win_Rate__c: 30 },
  stages: [],
  fiscalYearStartMonth: 4,
  usesStartDateAsFiscalYearName: true
};

describe('facts from PipelineReviewController.getPipelineFacts', () => {
  it('merges deal pages and their history, reading the rest from the first page', () => {
    const second: ApexPipelineFacts = {
      ...FIRST,
      deals: [{ Id: 'd2', OwnerId: 's1', StageName: 'Prospecting', CloseDate: '2026-12-01' }],
      history: [],
      nextPageAfterId: null,
      truncated: true
    };
    const review = salesFactsFromApex([FIRST, second]);
    expect(review.facts.deals.map((deal) => deal.Id)).toEqual(['d1', 'd2']);
    expect(review.facts.history).toHaveLength(1);
    expect(review.nextPageAfterId).toBeNull();
    expect(review.truncated).toBe(true);
    expect(review.facts.calendar).toEqual({
      FiscalYearStartMonth: 4,
      UsesStartDateAsFiscalYearName: true
    });
    expect(review.facts.strategy).toEqual({ Target_Win_Rate__c: 30 });
  });

  it('marks events as Events and fills blank totals as the aggregate means them', () => {
    const review = salesFactsFromApex([FIRST]);
    expect(review.facts.activities[0].attributes.type).toBe('Event');
    expect(review.facts.totals).toEqual([
      {
        ownerId: 's1',
        stageName: 'Prospecting',
        forecastCategoryName: 'Pipeline',
        dealCount: 2,
        amount: null,
        weightedAmount: null
      }
    ]);
    expect(review.nextPageAfterId).toBe('d1');
  });

  it('marks calls as Tasks beside the events, and reads the working week of the settings', () => {
    const review = salesFactsFromApex([
      {
        ...FIRST,
        calls: [{ Id: 't1', OwnerId: 's1', TaskSubtype: 'Call', CallDurationInSeconds: 600 }],
        workingHoursPerWeek: 35,
        countWeekendCustomerTime: true
      }
    ]);
    expect(review.facts.activities.map((a) => [a.Id, a.attributes.type])).toEqual([
      ['e1', 'Event'],
      ['t1', 'Task']
    ]);
    expect(review.facts.workingWeek).toEqual({ hoursPerWeek: 35, countWeekendTime: true });
  });

  it('defaults to the calendar year and an empty review when Apex leaves members out', () => {
    const review = salesFactsFromApex([{}]);
    expect(review.facts.calendar).toEqual({
      FiscalYearStartMonth: 1,
      UsesStartDateAsFiscalYearName: false
    });
    expect(review.facts.deals).toEqual([]);
    expect(review.facts.strategy).toBeNull();
    expect(review.facts.workingWeek).toEqual({ hoursPerWeek: 37, countWeekendTime: false });
  });

  it('carries the currency the first page states the amounts in', () => {
    const second: ApexPipelineFacts = { ...FIRST, currencyIsoCode: 'SEK', nextPageAfterId: null };
    expect(salesFactsFromApex([{ ...FIRST, currencyIsoCode: 'EUR' }, second]).currency).toBe('EUR');
  });

  it('states no currency for facts that state none (older cached data)', () => {
    expect(salesFactsFromApex([FIRST]).currency).toBeNull();
    expect(salesFactsFromApex([{ ...FIRST, currencyIsoCode: null }]).currency).toBeNull();
    expect(salesFactsFromApex([{ ...FIRST, currencyIsoCode: '' }]).currency).toBeNull();
  });

  it('refuses no pages at all', () => {
    expect(() => salesFactsFromApex([])).toThrow(/at least one page/);
  });
});

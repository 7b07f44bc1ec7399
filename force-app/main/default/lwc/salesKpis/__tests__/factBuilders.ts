import type {
  Activity,
  CoachingSession,
  Deal,
  OpportunityHistoryRow,
  OpportunityStageFact
} from 'c/salesKpis';

/** An open deal in 2026-Q4 with round numbers; tests override only what they state. */
export function deal(overrides: Partial<Deal> & { Id: string }): Deal {
  return {
    OwnerId: 'seller1',
    StageName: 'Prospecting',
    Amount: 1000,
    Probability: 10,
    CloseDate: '2026-11-30',
    CreatedDate: '2026-09-01T09:00:00.000Z',
    IsClosed: false,
    IsWon: false,
    ForecastCategoryName: 'Pipeline',
    ...overrides
  };
}

/** A won deal. */
export function wonDeal(overrides: Partial<Deal> & { Id: string }): Deal {
  return deal({
    StageName: 'Closed Won',
    Probability: 100,
    IsClosed: true,
    IsWon: true,
    ForecastCategoryName: 'Closed',
    ...overrides
  });
}

/** A lost deal. */
export function lostDeal(overrides: Partial<Deal> & { Id: string }): Deal {
  return deal({
    StageName: 'Closed Lost',
    Probability: 0,
    IsClosed: true,
    IsWon: false,
    ForecastCategoryName: 'Omitted',
    ...overrides
  });
}

/** One field-history row. */
export function change(
  OpportunityId: string,
  Field: OpportunityHistoryRow['Field'],
  OldValue: string | number | null,
  NewValue: string | number | null,
  CreatedDate: string
): OpportunityHistoryRow {
  return { OpportunityId, Field, OldValue, NewValue, CreatedDate };
}

/** The sample org's stages. */
export const STAGES: OpportunityStageFact[] = [
  {
    ApiName: 'Prospecting',
    IsClosed: false,
    IsWon: false,
    DefaultProbability: 10,
    ForecastCategoryName: 'Pipeline'
  },
  {
    ApiName: 'Proposal',
    IsClosed: false,
    IsWon: false,
    DefaultProbability: 50,
    ForecastCategoryName: 'Best Case'
  },
  {
    ApiName: 'Negotiation',
    IsClosed: false,
    IsWon: false,
    DefaultProbability: 70,
    ForecastCategoryName: 'Commit'
  },
  {
    ApiName: 'Closed Won',
    IsClosed: true,
    IsWon: true,
    DefaultProbability: 100,
    ForecastCategoryName: 'Closed'
  },
  {
    ApiName: 'Closed Lost',
    IsClosed: true,
    IsWon: false,
    DefaultProbability: 0,
    ForecastCategoryName: 'Omitted'
  }
];

/** A customer meeting (Event on an Account) of seller1. */
export function meeting(overrides: Partial<Activity> & { Id: string }): Activity {
  return {
    attributes: { type: 'Event' },
    OwnerId: 'seller1',
    StartDateTime: '2026-11-16T09:00:00.000Z',
    DurationInMinutes: 60,
    What: { Type: 'Account' },
    Who: null,
    Internal__c: false,
    ...overrides
  };
}

/** A completed customer call (Task of subtype Call on an Account) of seller1, 16 November. */
export function call(overrides: Partial<Activity> & { Id: string }): Activity {
  return {
    attributes: { type: 'Task' },
    OwnerId: 'seller1',
    TaskSubtype: 'Call',
    IsClosed: true,
    ActivityDate: '2026-11-16',
    CallDurationInSeconds: 300,
    CallType: 'Outbound',
    What: { Type: 'Account' },
    Who: null,
    Internal__c: false,
    ...overrides
  };
}

/** A coaching session by manager1. */
export function session(
  overrides: Partial<CoachingSession> & { Seller__c: string; Session_Date__c: string }
): CoachingSession {
  return { Coach__c: 'manager1', ...overrides };
}

/** A deterministic pseudo-random generator (mulberry32) for large generated datasets. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

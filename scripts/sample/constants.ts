/**
 * The documented distributions of the sample org. The generator builds the data from these
 * numbers and the sample-org test asserts the generated files against them, so README,
 * generator and test cannot drift apart. See scripts/sample/README.md.
 */
export const SAMPLE_SEED = 20261116;

/** The reference day: every date in data/ is relative to it (DATA_MODEL.md). */
export const SAMPLE_TODAY = '2026-11-16';

export const FISCAL_YEAR_START_MONTH = 1;

/**
 * The sample's clock for audit fields (CreatedDate, LastModifiedDate): the users were set up a
 * week before go-live, the accounts and their contacts were loaded at go-live, ideas came in every
 * two weeks from `ideasFrom`, and nothing is stamped after `now`, noon UTC of the sample day (its
 * last recorded save is at 10:14).
 */
export const AUDIT_CALENDAR = {
  usersSetUpOn: '2024-11-25',
  goLiveOn: '2024-12-02',
  ideasFrom: '2026-02-02',
  daysBetweenIdeas: 14,
  now: `${SAMPLE_TODAY}T12:00:00.000Z`
} as const;

export const QUARTERS = {
  '2026-Q3': { start: '2026-07-01', end: '2026-09-30' },
  '2026-Q4': { start: '2026-10-01', end: '2026-12-31' }
} as const;

export type QuarterName = keyof typeof QUARTERS;

/** The standard sales process in order, with the default probability of each stage. */
export const STAGES = [
  { name: 'Prospecting', probability: 10 },
  { name: 'Qualification', probability: 10 },
  { name: 'Needs Analysis', probability: 20 },
  { name: 'Value Proposition', probability: 50 },
  { name: 'Id. Decision Makers', probability: 60 },
  { name: 'Perception Analysis', probability: 70 },
  { name: 'Proposal/Price Quote', probability: 75 },
  { name: 'Negotiation/Review', probability: 90 },
  { name: 'Closed Won', probability: 100 },
  { name: 'Closed Lost', probability: 0 }
] as const;

export type StageName = (typeof STAGES)[number]['name'];

export const CLOSED_WON = 'Closed Won';
export const CLOSED_LOST = 'Closed Lost';

/**
 * Contact roles that count as a decision maker, as OpportunityContactRoleFacts.cls counts them
 * for Decision_Maker_Identified__c.
 */
export const DECISION_MAKER_ROLES: readonly string[] = [
  'Decision Maker',
  'Economic Decision Maker',
  'Economic Buyer'
];

/** Stages at which a decision maker must be known (the no-decision-maker gap lives here). */
export const LATE_STAGES: readonly StageName[] = ['Proposal/Price Quote', 'Negotiation/Review'];

/**
 * Forecast categories a seller may choose per stage; any other choice is a deliberate gap
 * ("forecast ahead of stage": Commit before the proposal stage).
 */
export const ALLOWED_FORECAST_CATEGORIES: Record<StageName, readonly string[]> = {
  Prospecting: ['Pipeline'],
  Qualification: ['Pipeline'],
  'Needs Analysis': ['Pipeline'],
  'Value Proposition': ['Pipeline'],
  'Id. Decision Makers': ['Pipeline', 'Best Case'],
  'Perception Analysis': ['Pipeline', 'Best Case'],
  'Proposal/Price Quote': ['Best Case', 'Commit'],
  'Negotiation/Review': ['Commit', 'Best Case'],
  'Closed Won': ['Closed'],
  'Closed Lost': ['Omitted']
};

/** Number of opportunities per stage and quarter of CloseDate (500 in all). */
export const STAGE_MIX: Record<StageName, Record<QuarterName, number>> = {
  Prospecting: { '2026-Q3': 0, '2026-Q4': 30 },
  Qualification: { '2026-Q3': 2, '2026-Q4': 33 },
  'Needs Analysis': { '2026-Q3': 3, '2026-Q4': 32 },
  'Value Proposition': { '2026-Q3': 2, '2026-Q4': 28 },
  'Id. Decision Makers': { '2026-Q3': 2, '2026-Q4': 23 },
  'Perception Analysis': { '2026-Q3': 1, '2026-Q4': 19 },
  'Proposal/Price Quote': { '2026-Q3': 1, '2026-Q4': 24 },
  'Negotiation/Review': { '2026-Q3': 1, '2026-Q4': 19 },
  'Closed Won': { '2026-Q3': 65, '2026-Q4': 45 },
  'Closed Lost': { '2026-Q3': 100, '2026-Q4': 70 }
};

export const SAMPLE_COUNTS = {
  users: 12,
  sellers: 8,
  managers: 2,
  /** Leadership beside the director: the CMO. */
  leadership: 1,
  segments: 4,
  accounts: 80,
  opportunities: 500,
  /** Meetings (Event) and calls or to-dos (Task) together. */
  activities: 2000,
  customerMeetingsPast: 760,
  customerMeetingsPlanned: 60,
  internalMeetings: 300,
  customerCallsPast: 700,
  internalTasks: 120,
  followUpTasksOpen: 60,
  coachingSessions: 40,
  salesTargets: 16,
  skillAssessments: 128,
  developmentPrograms: 10,
  programEnrollments: 18,
  strategyVersions: 2,
  strategyAcknowledgements: 18,
  accountPlans: 17,
  objectivesPerPlan: 3,
  improvementIdeas: 10,
  ideaVotes: 42,
  compensationPlans: 1,
  compensationComponents: 7
} as const;

/** Days in stage above which an open deal counts as stale (the stale gap). */
export const STALE_AFTER_DAYS = 60;

/** Close-date pushes from which a deal counts as repeatedly pushed (the pushed gap). */
export const REPEATED_PUSH_COUNT = 3;

/**
 * Deliberate data-quality gaps, exact counts. Opportunity gaps concern open deals only; one deal
 * may carry several gaps. Outside these sets the data is clean by construction.
 */
export const GAPS = {
  opportunity: {
    /** open deal with blank NextStep */
    missingNextStep: 25,
    /** open deal with CloseDate before SAMPLE_TODAY (all open 2026-Q3 deals plus these in Q4) */
    pastCloseDate: 18,
    pastCloseDateInQ4: 6,
    /** open deal at Proposal/Price Quote or Negotiation/Review without a DECISION_MAKER_ROLES role */
    noDecisionMakerLateStage: 8,
    /** open deal in its stage for more than STALE_AFTER_DAYS days */
    staleInStage: 15,
    /** open deal whose close date was pushed REPEATED_PUSH_COUNT times or more */
    repeatedlyPushed: 12,
    /** open deal in Commit before Proposal/Price Quote */
    forecastAheadOfStage: 6,
    /** open deal with blank Amount */
    missingAmount: 4
  },
  account: {
    missingIndustry: 6,
    missingWebsite: 8,
    missingBillingCountry: 5,
    /** blank Market_Potential__c (strategic or core accounts, whose segment does not need it) */
    missingMarketPotential: 4,
    /** core accounts with blank AnnualRevenue: no segment's criteria match them */
    unsegmented: 3
  },
  accountPlan: {
    /** active plan with blank Business_Goals__c */
    missingBusinessGoals: 3,
    /** active plan with blank Whitespace__c */
    missingWhitespace: 3,
    /** active plan whose Next_Review_Date__c is before SAMPLE_TODAY */
    overdueReview: 4,
    /** active plan with blank Challenges__c */
    missingChallenges: 2,
    /** active plan with blank Buying_Process__c */
    missingBuyingProcess: 2,
    /** active plan with a single stakeholder mapped */
    singleStakeholder: 2
  }
} as const;

/** The global value set `Sales_Skill`, in its declared order. */
export const SALES_SKILLS = [
  'Discovery',
  'Business Acumen',
  'Value Selling',
  'Negotiation',
  'Account Planning',
  'Forecasting Discipline',
  'Prospecting',
  'Presentation Skills'
] as const;

export const COACHING = {
  /** Sessions per coach: the commercial team's manager coaches less. */
  sessionsByCoach: { manager1: 26, manager2: 14 },
  /** Seller without a session in the last 30 days (coverage below 100 % for manager2). */
  uncoachedRecently: 'seller8',
  /** Sessions the seller has not rated yet. */
  unrated: 6
} as const;

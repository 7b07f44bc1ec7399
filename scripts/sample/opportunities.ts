import type { SampleAccount } from './accounts';
import {
  ALLOWED_FORECAST_CATEGORIES,
  CLOSED_LOST,
  CLOSED_WON,
  DECISION_MAKER_ROLES,
  GAPS,
  LATE_STAGES,
  QUARTERS,
  SAMPLE_TODAY,
  STAGE_MIX,
  STAGES,
  type QuarterName,
  type StageName
} from './constants';
import type { SampleContact } from './contacts';
import { CORPORATE_CURRENCY, inDealCurrency } from './currencies';
import { addDays, dayNumber, fromDayNumber, maxDate, minDate, type IsoDate } from './dates';
import {
  factsFromHistory,
  probabilityOf,
  recordHistory,
  type DealSave,
  type DealState,
  type DealTimeline
} from './history';
import {
  RecordSequence,
  refTo,
  type OpportunityHistory,
  type SampleRecord,
  type UserKey
} from './model';
import type { SeededRandom } from './random';
import type { SegmentKey } from './segments';
import { profileOf } from './users';

export interface SampleOpportunity {
  readonly record: SampleRecord;
  readonly account: SampleAccount;
  readonly owner: UserKey;
  readonly createdOn: IsoDate;
  readonly closeDate: IsoDate;
  readonly stageName: StageName;
  readonly isClosed: boolean;
  readonly roleContacts: readonly SampleContact[];
}

export interface OpportunityBuild {
  readonly opportunities: SampleOpportunity[];
  readonly contactRoles: SampleRecord[];
  readonly histories: OpportunityHistory[];
}

/** Median deal size per segment; amounts are log-normal around it. */
const MEDIAN_AMOUNT: Record<SegmentKey, number> = {
  strategic: 140_000,
  keyGrowth: 75_000,
  newLogo: 35_000,
  core: 22_000
};
const AMOUNT_SIGMA = 0.55;

/** Relative chance that a deal lands on an account of the segment. */
const DEALS_PER_SEGMENT: Record<SegmentKey, number> = {
  strategic: 7,
  keyGrowth: 6,
  newLogo: 5.5,
  core: 6.5
};

const PRODUCTS = [
  'Platform Expansion',
  'Analytics Suite',
  'Support Renewal',
  'Implementation Services',
  'Field Service Rollout',
  'Data Migration',
  'Training Programme',
  'Integration Hub',
  'Managed Services',
  'Security Upgrade',
  'Customer Portal',
  'Pilot Project'
];

const NEXT_STEPS: Record<string, readonly string[]> = {
  Prospecting: ['Intro call with {title}', 'Send case study and book discovery call'],
  Qualification: ['Qualification call: budget and timing', 'Confirm pain points with {title}'],
  'Needs Analysis': ['Discovery workshop with {title}', 'Map current process with operations'],
  'Value Proposition': ['Present business case to {title}', 'Share ROI model for review'],
  'Id. Decision Makers': ['Meet {title} to confirm buying process', 'Map the buying centre'],
  'Perception Analysis': ['Reference call with a similar customer', 'Address concerns of {title}'],
  'Proposal/Price Quote': ['Walk {title} through the proposal', 'Send revised quote'],
  'Negotiation/Review': ['Legal review of contract', 'Final terms call with {title}']
};

const OTHER_ROLES = [
  'Economic Buyer',
  'Technical Buyer',
  'Evaluator',
  'Influencer',
  'Business User',
  'Executive Sponsor'
];

const FIRST_CREATED_ON = '2026-01-05';

/** Share of won and of lost deals their seller had committed at the start of the quarter. */
const COMMIT_CHANCE_WON = 0.8;
const COMMIT_CHANCE_LOST = 0.2;

interface DealSpec {
  readonly stage: StageName;
  readonly quarter: QuarterName;
  readonly account: SampleAccount;
}

interface GapSets {
  readonly pastDueInQ4: ReadonlySet<DealSpec>;
  readonly stale: ReadonlySet<DealSpec>;
  readonly missingNextStep: ReadonlySet<DealSpec>;
  readonly noDecisionMaker: ReadonlySet<DealSpec>;
  readonly repeatedlyPushed: ReadonlySet<DealSpec>;
  readonly forecastAhead: ReadonlySet<DealSpec>;
  readonly missingAmount: ReadonlySet<DealSpec>;
}

const stageIndex = (stage: string): number => STAGES.findIndex((s) => s.name === stage);
const isClosedStage = (stage: string): boolean => stage === CLOSED_WON || stage === CLOSED_LOST;

export function buildOpportunities(
  rng: SeededRandom,
  accounts: readonly SampleAccount[],
  contactsByAccount: ReadonlyMap<SampleAccount, readonly SampleContact[]>
): OpportunityBuild {
  const specs = assignAccounts(rng, accounts);
  const gaps = chooseGaps(rng, specs);
  const opportunitySequence = new RecordSequence('Opportunity');
  const roleSequence = new RecordSequence('OpportunityContactRole');
  const opportunities: SampleOpportunity[] = [];
  const contactRoles: SampleRecord[] = [];
  const histories: OpportunityHistory[] = [];

  for (const spec of specs) {
    const contacts = contactsByAccount.get(spec.account) ?? [];
    const referenceId = opportunitySequence.peekReferenceId();
    const currency = spec.account.dealCurrency;
    const history = recordHistory(
      referenceId,
      timelineIn(planTimeline(rng, spec, gaps), currency),
      spec.account.owner
    );
    const facts = factsFromHistory(history);
    const roles = chooseContactRoles(rng, spec, contacts, gaps);
    const open = !isClosedStage(spec.stage);
    const nextStep =
      open && !gaps.missingNextStep.has(spec) ? nextStepFor(rng, spec.stage, contacts) : undefined;
    const record = opportunitySequence.next(
      {
        Name: `${shortName(spec.account.name)} - ${rng.pick(PRODUCTS)}`,
        // Only foreign deals name their currency: a record without one is in the corporate currency.
        CurrencyIsoCode: currency === CORPORATE_CURRENCY ? undefined : currency,
        AccountId: refTo(spec.account.record),
        Type: opportunityType(rng, spec.account),
        LeadSource: leadSource(rng, spec.account),
        StageName: facts.state.stageName,
        CloseDate: facts.state.closeDate,
        Amount: facts.state.amount ?? undefined,
        Probability: probabilityOf(facts.state.stageName),
        ForecastCategoryName: facts.state.forecastCategory,
        NextStep: nextStep,
        Close_Date_Push_Count__c: facts.closeDatePushCount,
        Original_Close_Date__c: facts.originalCloseDate,
        Stage_Entered_On__c: facts.stageEnteredOn,
        Previous_Amount__c: facts.previousAmount ?? undefined,
        Amount_Changed_On__c: facts.amountChangedOn ?? undefined,
        Contact_Role_Count__c: roles.length,
        Decision_Maker_Identified__c: roles.some((role) => DECISION_MAKER_ROLES.includes(role.role))
      },
      spec.account.owner
    );
    roles.forEach((role, index) => {
      contactRoles.push(
        roleSequence.next({
          OpportunityId: refTo(record),
          ContactId: refTo(role.contact.record),
          Role: role.role,
          IsPrimary: index === 0
        })
      );
    });
    histories.push(history);
    opportunities.push({
      record,
      account: spec.account,
      owner: spec.account.owner,
      createdOn: history.createdDate.slice(0, 10),
      closeDate: facts.state.closeDate,
      stageName: spec.stage,
      isClosed: !open,
      roleContacts: roles.map((role) => role.contact)
    });
  }
  return { opportunities, contactRoles, histories };
}

function assignAccounts(rng: SeededRandom, accounts: readonly SampleAccount[]): DealSpec[] {
  const weightOf = (account: SampleAccount): number =>
    DEALS_PER_SEGMENT[account.segment] * profileOf(account.owner).dealWeight;
  // Prospects have not bought yet: no won deals on New Logo accounts.
  const customers = accounts.filter((account) => account.segment !== 'newLogo');
  const unassigned: Array<{ stage: StageName; quarter: QuarterName }> = [];
  for (const { name } of STAGES) {
    for (const quarter of Object.keys(QUARTERS) as QuarterName[]) {
      for (let i = 0; i < STAGE_MIX[name][quarter]; i++) {
        unassigned.push({ stage: name, quarter });
      }
    }
  }
  return rng.shuffle(unassigned).map(({ stage, quarter }) => ({
    stage,
    quarter,
    account: rng.weighted(stage === CLOSED_WON ? customers : accounts, weightOf)
  }));
}

function chooseGaps(rng: SeededRandom, specs: readonly DealSpec[]): GapSets {
  const open = specs.filter((spec) => !isClosedStage(spec.stage));
  const weight = (spec: DealSpec): number => profileOf(spec.account.owner).gapProneness;
  const pick = (candidates: readonly DealSpec[], count: number): ReadonlySet<DealSpec> =>
    new Set(rng.sampleWeighted(candidates, count, weight));
  // Prospecting deals have a single stage, so their creation day is their stage-entry day;
  // gaps that need a long history therefore go to deals that have moved at least once.
  const movable = open.filter((spec) => spec.stage !== 'Prospecting');
  return {
    pastDueInQ4: pick(
      movable.filter((spec) => spec.quarter === '2026-Q4'),
      GAPS.opportunity.pastCloseDateInQ4
    ),
    stale: pick(open, GAPS.opportunity.staleInStage),
    missingNextStep: pick(open, GAPS.opportunity.missingNextStep),
    noDecisionMaker: pick(
      open.filter((spec) => LATE_STAGES.includes(spec.stage)),
      GAPS.opportunity.noDecisionMakerLateStage
    ),
    repeatedlyPushed: pick(movable, GAPS.opportunity.repeatedlyPushed),
    forecastAhead: pick(
      open.filter((spec) => stageIndex(spec.stage) <= stageIndex('Value Proposition')),
      GAPS.opportunity.forecastAheadOfStage
    ),
    missingAmount: pick(open, GAPS.opportunity.missingAmount)
  };
}

/** The stages a deal went through, from its creation stage to its current one. */
function stagePath(rng: SeededRandom, spec: DealSpec, mustHaveMoved: boolean): StageName[] {
  const finalIndex = stageIndex(spec.stage);
  const start = mustHaveMoved || rng.chance(0.8) ? 0 : 1;
  const range = (from: number, to: number): StageName[] =>
    STAGES.slice(from, to + 1).map((stage) => stage.name);
  if (spec.stage === CLOSED_WON) {
    const skipped = new Set<number>();
    if (rng.chance(0.3)) skipped.add(stageIndex('Perception Analysis'));
    if (rng.chance(0.15)) skipped.add(stageIndex('Id. Decision Makers'));
    return [
      ...range(start, stageIndex('Negotiation/Review')).filter((s) => !skipped.has(stageIndex(s))),
      CLOSED_WON
    ];
  }
  if (spec.stage === CLOSED_LOST) {
    const lostAt = rng.int(start, stageIndex('Negotiation/Review'));
    return [...range(start, lostAt), CLOSED_LOST];
  }
  return range(Math.min(start, finalIndex), finalIndex);
}

function finalCloseDate(rng: SeededRandom, spec: DealSpec, pastDueInQ4: boolean): IsoDate {
  const between = (from: IsoDate, to: IsoDate): IsoDate =>
    fromDayNumber(rng.int(dayNumber(from), dayNumber(to)));
  const quarter = QUARTERS[spec.quarter];
  if (isClosedStage(spec.stage)) {
    return between(quarter.start, minDate(quarter.end, SAMPLE_TODAY));
  }
  if (spec.quarter === '2026-Q3') {
    return between('2026-07-15', quarter.end);
  }
  if (pastDueInQ4) {
    return between(quarter.start, addDays(SAMPLE_TODAY, -3));
  }
  // Sellers like month ends: a quarter of the open deals close on one.
  return rng.chance(0.25)
    ? rng.pick(['2026-11-30', '2026-12-31'])
    : between(addDays(SAMPLE_TODAY, 1), quarter.end);
}

/**
 * A timeline planned in DKK with every amount in the deal's currency (no random draw). Each
 * amount change stays a change: an amount that rounds to the one before it goes up by 100.
 */
function timelineIn(timeline: DealTimeline, currency: string): DealTimeline {
  if (currency === CORPORATE_CURRENCY) return timeline;
  let last =
    timeline.initial.amount === null ? null : inDealCurrency(timeline.initial.amount, currency);
  const initial = { ...timeline.initial, amount: last };
  const saves = timeline.saves.map((save) => {
    if (typeof save.set.amount !== 'number') return save;
    let amount = inDealCurrency(save.set.amount, currency);
    if (amount === last) amount += 100;
    last = amount;
    return { on: save.on, set: { ...save.set, amount } };
  });
  return { createdOn: timeline.createdOn, initial, saves };
}

function roundAmount(value: number): number {
  return Math.max(1500, Math.round(value / 500) * 500);
}

function categoryWhileIn(stage: StageName): string {
  const index = stageIndex(stage);
  if (index <= stageIndex('Perception Analysis')) return 'Pipeline';
  return stage === 'Proposal/Price Quote' ? 'Best Case' : 'Commit';
}

function finalCategory(rng: SeededRandom, spec: DealSpec, gaps: GapSets): string {
  if (gaps.forecastAhead.has(spec)) return 'Commit';
  const allowed = ALLOWED_FORECAST_CATEGORIES[spec.stage];
  return allowed.length === 1 || rng.chance(0.65) ? allowed[0] : rng.pick(allowed.slice(1));
}

/** Sorted random days in [from, to], `count` of them. */
function daysWithin(rng: SeededRandom, from: IsoDate, to: IsoDate, count: number): IsoDate[] {
  if (count === 0) return [];
  return Array.from({ length: count }, () => rng.int(dayNumber(from), dayNumber(to)))
    .sort((a, b) => a - b)
    .map(fromDayNumber);
}

/**
 * Plans the deal's life: creation, stage moves, close-date pushes and pull-ins, amount changes.
 * Clean deals stay inside the documented limits (in stage at most 40 days, at most two pushes);
 * only the chosen gap deals go beyond them.
 */
function planTimeline(rng: SeededRandom, spec: DealSpec, gaps: GapSets): DealTimeline {
  const closed = isClosedStage(spec.stage);
  const pastDue = !closed && (spec.quarter === '2026-Q3' || gaps.pastDueInQ4.has(spec));
  const pushedGap = gaps.repeatedlyPushed.has(spec);
  const path = stagePath(rng, spec, pastDue || pushedGap);
  const closeDate = finalCloseDate(rng, spec, gaps.pastDueInQ4.has(spec));

  // When the deal entered its current stage, and when it was created.
  let finalEntered: IsoDate;
  let createdOn: IsoDate;
  if (closed) {
    finalEntered = closeDate;
    const cycle = Math.round(rng.logNormal(spec.stage === CLOSED_WON ? 70 : 55, 0.45));
    createdOn = addDays(closeDate, -Math.min(220, Math.max(10, cycle)));
  } else {
    const daysInStage = gaps.stale.has(spec) ? rng.int(75, 140) : rng.int(1, 40);
    finalEntered = addDays(SAMPLE_TODAY, -daysInStage);
    const moves = path.length - 1;
    createdOn = moves === 0 ? finalEntered : addDays(finalEntered, -moves * rng.int(5, 20));
    if (pastDue) createdOn = minDate(createdOn, addDays(closeDate, -rng.int(30, 75)));
    if (pushedGap) createdOn = minDate(createdOn, addDays(closeDate, -rng.int(120, 170)));
  }
  createdOn = maxDate(createdOn, FIRST_CREATED_ON);
  // Tracked changes happen while the deal is open: up to the day before it closed, or today.
  const lastOpenDay = closed ? addDays(closeDate, -1) : SAMPLE_TODAY;
  const changeWindow = Math.max(0, dayNumber(lastOpenDay) - dayNumber(createdOn));

  // At quarter planning sellers commit the deals they expect to close in the quarter; a
  // committed deal stays in Commit through later stage moves until it closes.
  const quarterStart = QUARTERS[spec.quarter].start;
  const commitChance = spec.stage === CLOSED_WON ? COMMIT_CHANCE_WON : COMMIT_CHANCE_LOST;
  const commitOn =
    closed && createdOn < addDays(quarterStart, -10) && rng.chance(commitChance)
      ? addDays(quarterStart, -rng.int(1, 10))
      : undefined;
  const saves: Array<DealSave & { order: number }> = [];
  const stageDays = [...daysWithin(rng, createdOn, finalEntered, path.length - 2), finalEntered];
  path.slice(1).forEach((stage, index) => {
    const last = index === path.length - 2;
    const committed = commitOn !== undefined && stageDays[index] >= commitOn;
    const forecastCategory = last
      ? finalCategory(rng, spec, gaps)
      : committed
        ? 'Commit'
        : categoryWhileIn(stage);
    saves.push({ on: stageDays[index], set: { stageName: stage, forecastCategory }, order: 2 });
  });
  if (commitOn !== undefined) {
    saves.push({ on: commitOn, set: { forecastCategory: 'Commit' }, order: 3 });
  }
  const initialCategory =
    path.length === 1 ? finalCategory(rng, spec, gaps) : categoryWhileIn(path[0]);

  // Close-date changes: pushes move the date later, an occasional pull-in moves it earlier.
  let pushes = pushedGap ? rng.int(3, 5) : rng.weighted([0, 1, 2], (n) => [0.62, 0.26, 0.12][n]);
  const pullIn = !pushedGap && changeWindow > 0 && rng.chance(0.08) ? rng.int(7, 21) : 0;
  const pushSizes: number[] = [];
  const room = dayNumber(closeDate) + pullIn - dayNumber(createdOn) - 10;
  if (changeWindow < pushes + (pullIn ? 1 : 0) || room < pushes) pushes = pushedGap ? pushes : 0;
  for (let i = 0; i < pushes; i++) {
    pushSizes.push(Math.max(1, Math.min(rng.int(10, 40), Math.floor(room / pushes))));
  }
  const changes = rng.shuffle([...pushSizes, ...(pullIn ? [-pullIn] : [])]);
  const originalClose = addDays(closeDate, -changes.reduce((sum, size) => sum + size, 0));
  let currentClose = originalClose;
  const closeChangeDays = daysWithin(
    rng,
    addDays(createdOn, Math.min(1, changeWindow)),
    lastOpenDay,
    changes.length
  );
  changes.forEach((size, index) => {
    currentClose = addDays(currentClose, size);
    saves.push({ on: closeChangeDays[index], set: { closeDate: currentClose }, order: 1 });
  });

  // Amount changes, replayed backwards from the final amount.
  const finalAmount = gaps.missingAmount.has(spec)
    ? null
    : roundAmount(rng.logNormal(MEDIAN_AMOUNT[spec.account.segment], AMOUNT_SIGMA));
  const amountChanges =
    finalAmount === null || changeWindow === 0
      ? 0
      : rng.weighted([0, 1, 2], (n) => [0.55, 0.33, 0.12][n]);
  const amountDays = daysWithin(
    rng,
    addDays(createdOn, 1),
    maxDate(addDays(createdOn, 1), lastOpenDay),
    amountChanges
  );
  const amounts: number[] = [];
  let value = finalAmount ?? 0;
  for (let i = 0; i < amountChanges; i++) {
    amounts.unshift(value);
    let previous = roundAmount(value * rng.between(0.7, 1.35));
    if (previous === value) previous += 500;
    value = previous;
  }
  amountDays.forEach((on, index) => {
    saves.push({ on, set: { amount: amounts[index] }, order: 0 });
  });

  const initial: DealState = {
    stageName: path[0],
    amount: finalAmount === null ? null : value,
    closeDate: originalClose,
    forecastCategory: initialCategory
  };
  saves.sort((a, b) => (a.on === b.on ? a.order - b.order : a.on < b.on ? -1 : 1));
  return {
    createdOn,
    initial,
    saves: saves.map(({ on, set }) => ({ on, set }))
  };
}

interface ChosenRole {
  readonly contact: SampleContact;
  readonly role: string;
}

/** Contact roles grow with the stage; late-stage deals know their decision maker (but gaps). */
function chooseContactRoles(
  rng: SeededRandom,
  spec: DealSpec,
  contacts: readonly SampleContact[],
  gaps: GapSets
): ChosenRole[] {
  const index = stageIndex(spec.stage);
  let hasDecisionMaker: boolean;
  let others: number;
  if (spec.stage === CLOSED_WON) {
    hasDecisionMaker = true;
    others = rng.int(1, 3);
  } else if (spec.stage === CLOSED_LOST) {
    hasDecisionMaker = rng.chance(0.5);
    others = rng.int(0, 2);
  } else if (LATE_STAGES.includes(spec.stage)) {
    hasDecisionMaker = !gaps.noDecisionMaker.has(spec);
    others = rng.int(1, 3);
  } else if (index >= stageIndex('Id. Decision Makers')) {
    hasDecisionMaker = rng.chance(0.75);
    others = rng.int(1, 2);
  } else {
    hasDecisionMaker = rng.chance(0.15);
    others = rng.int(0, 1);
  }
  const pool = hasDecisionMaker
    ? OTHER_ROLES
    : OTHER_ROLES.filter((role) => !DECISION_MAKER_ROLES.includes(role));
  const roles = [...(hasDecisionMaker ? ['Decision Maker'] : []), ...rng.sample(pool, others)];
  const people = rng.shuffle(contacts).slice(0, roles.length);
  return people.map((contact, position) => ({ contact, role: roles[position] }));
}

function nextStepFor(
  rng: SeededRandom,
  stage: StageName,
  contacts: readonly SampleContact[]
): string {
  const template = rng.pick(NEXT_STEPS[stage] ?? ['Follow up']);
  const title = contacts.length > 0 ? rng.pick(contacts).title : 'the sponsor';
  const due = addDays(SAMPLE_TODAY, rng.int(2, 16));
  return `${template.replace('{title}', title)} by ${due}`;
}

function shortName(accountName: string): string {
  return accountName.split(' ').slice(0, 2).join(' ');
}

function opportunityType(rng: SeededRandom, account: SampleAccount): string {
  if (account.segment === 'newLogo') return 'New Customer';
  return rng.chance(0.7) ? 'Existing Customer - Upgrade' : 'Existing Customer - Replacement';
}

function leadSource(rng: SeededRandom, account: SampleAccount): string {
  return account.segment === 'newLogo'
    ? rng.pick(['Web', 'Purchased List', 'Partner Referral'])
    : rng.pick(['Phone Inquiry', 'Partner Referral', 'Web', 'Other']);
}

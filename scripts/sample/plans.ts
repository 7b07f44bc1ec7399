import type { SampleAccount } from './accounts';
import { GAPS, SAMPLE_TODAY } from './constants';
import type { SampleContact } from './contacts';
import { addDays } from './dates';
import { RecordSequence, refTo, type SampleRecord } from './model';
import type { SeededRandom } from './random';

export interface PlanBuild {
  readonly plans: SampleRecord[];
  readonly objectives: SampleRecord[];
  readonly stakeholders: SampleRecord[];
}

/** Accounts with a current-year plan: the top accounts by lifetime value. */
export const PLANNED_ACCOUNTS = 16;
/** Of those, plans still in Draft; the rest are Active. */
export const DRAFT_PLANS = 2;

const GOALS = [
  'Cut order-to-delivery time by 20 % before the end of 2027.',
  'Consolidate three regional ERP systems into one platform.',
  'Grow recurring service revenue to a third of turnover.',
  'Reach net-zero operations in the Nordic plants by 2030.',
  'Open two new markets in Germany and the Netherlands.'
];
const CHALLENGES = [
  'Legacy systems block real-time reporting; IT capacity is tied up in maintenance.',
  'Margin pressure from new low-cost competitors.',
  'Shortage of skilled staff in field operations.',
  'A merger has left two procurement functions with different rules.'
];
const BUYING_PROCESS = [
  'Business case signed by the CFO; purchases above 250,000 go to the executive board monthly.',
  'Central procurement runs a tender with three vendors; IT security approves every supplier.',
  'The COO decides with the regional directors; legal review takes about four weeks.'
];
const VALUE_PROPOSITIONS = [
  'One platform that shortens their delivery cycle and gives management a live view of orders.',
  'Lower cost of operations through automation, with services that guarantee the rollout.',
  'A partner who understands their industry and scales with their expansion.'
];
const COMPETITION = [
  'Two global suites and one local specialist; the incumbent is weak on service.',
  'An in-house solution built ten years ago; the IT department defends it.',
  'A low-price competitor that wins on licence cost but not on implementation.'
];
const WHITESPACE = [
  'Analytics and the customer portal are not used yet; services for the German entity.',
  'No managed-services contract; training for the new field teams.',
  'Integration hub for the acquired subsidiary; security upgrade.'
];
const OBJECTIVES = [
  'Run an executive business review with the sponsor',
  'Expand into a second business unit',
  'Renew the support contract for three years',
  'Launch a pilot in the new subsidiary',
  'Establish a quarterly steering group',
  'Get the customer to act as a reference'
];
const BUYING_ROLES = [
  'Decision Maker',
  'Economic Buyer',
  'Technical Buyer',
  'User',
  'Influencer',
  'Champion',
  'Gatekeeper'
];
const ATTITUDES = ['Supporter', 'Neutral', 'Skeptic', 'Opponent'];
const INFLUENCE = ['High', 'Medium', 'Low'];

export function buildAccountPlans(
  rng: SeededRandom,
  accounts: readonly SampleAccount[],
  contactsByAccount: ReadonlyMap<SampleAccount, readonly SampleContact[]>,
  publishedStrategy: SampleRecord
): PlanBuild {
  const top = [...accounts]
    .sort((a, b) => b.lifetimeValue - a.lifetimeValue || a.name.localeCompare(b.name))
    .slice(0, PLANNED_ACCOUNTS);
  const drafts = new Set(rng.sample(top, DRAFT_PLANS));
  const active = top.filter((account) => !drafts.has(account));
  const [noGoals, noWhitespace, overdue, noChallenges, noBuyingProcess, singleStakeholder] = [
    GAPS.accountPlan.missingBusinessGoals,
    GAPS.accountPlan.missingWhitespace,
    GAPS.accountPlan.overdueReview,
    GAPS.accountPlan.missingChallenges,
    GAPS.accountPlan.missingBuyingProcess,
    GAPS.accountPlan.singleStakeholder
  ].map((count) => new Set(rng.sample(active, count)));

  const planSequence = new RecordSequence('Account_Plan__c');
  const objectiveSequence = new RecordSequence('Account_Plan_Objective__c');
  const stakeholderSequence = new RecordSequence('Account_Plan_Stakeholder__c');
  const plans: SampleRecord[] = [];
  const objectives: SampleRecord[] = [];
  const stakeholders: SampleRecord[] = [];

  const addPlan = (account: SampleAccount, year: 2025 | 2026): void => {
    const status = year === 2025 ? 'Archived' : drafts.has(account) ? 'Draft' : 'Active';
    // The documented gaps are in this year's plans; last year's plan is complete.
    const hasGap = (gap: ReadonlySet<SampleAccount>): boolean => year === 2026 && gap.has(account);
    const lastReview = addDays(SAMPLE_TODAY, -rng.int(10, 80));
    const nextReview =
      year === 2026 && overdue.has(account)
        ? addDays(SAMPLE_TODAY, -rng.int(5, 40))
        : addDays(SAMPLE_TODAY, rng.int(7, 80));
    const wallet = Math.round((account.marketPotential * rng.between(1.5, 3)) / 10_000) * 10_000;
    const plan = planSequence.next({
      Name: `${account.name} ${year}`.slice(0, 80),
      Account__c: refTo(account.record),
      Status__c: status,
      Period_Start__c: `${year}-01-01`,
      Period_End__c: `${year}-12-31`,
      Strategy_Version__c: year === 2026 ? refTo(publishedStrategy) : undefined,
      Business_Goals__c: hasGap(noGoals) ? undefined : rng.sample(GOALS, 2).join('\n'),
      Challenges__c: hasGap(noChallenges) ? undefined : rng.pick(CHALLENGES),
      Buying_Process__c: hasGap(noBuyingProcess) ? undefined : rng.pick(BUYING_PROCESS),
      Value_Proposition__c: rng.pick(VALUE_PROPOSITIONS),
      Competitive_Landscape__c: rng.pick(COMPETITION),
      Whitespace__c: hasGap(noWhitespace) ? undefined : rng.pick(WHITESPACE),
      Wallet_Size__c: wallet,
      Revenue_Target__c: Math.round((wallet * rng.between(0.25, 0.45)) / 10_000) * 10_000,
      Last_Review_Date__c: year === 2025 ? '2025-11-20' : lastReview,
      Next_Review_Date__c: year === 2025 ? '2026-01-15' : nextReview
    });
    plans.push(plan);
    for (const [index, title] of rng.sample(OBJECTIVES, 3).entries()) {
      const due =
        year === 2025 ? `2025-${10 + index}-15` : addDays(SAMPLE_TODAY, rng.int(-60, 120));
      const state =
        year === 2025
          ? rng.pick(['Achieved', 'Missed'])
          : due < SAMPLE_TODAY
            ? rng.pick(['Achieved', 'In Progress'])
            : rng.pick(['Not Started', 'In Progress']);
      objectives.push(
        objectiveSequence.next({
          Name: title,
          Account_Plan__c: refTo(plan),
          Description__c: `${title} at ${account.name}.`,
          Due_Date__c: due,
          Status__c: state,
          Progress__c: state === 'Achieved' ? 100 : state === 'Not Started' ? 0 : rng.int(2, 9) * 10
        })
      );
    }
    const people = contactsByAccount.get(account) ?? [];
    const mapped = hasGap(singleStakeholder) ? 1 : Math.min(people.length, rng.int(3, 5));
    for (const contact of rng.sample(people, mapped)) {
      stakeholders.push(
        stakeholderSequence.next({
          Name: contact.fullName,
          Account_Plan__c: refTo(plan),
          Contact__c: refTo(contact.record),
          Buying_Role__c: contact.title.startsWith('Chief')
            ? rng.pick(['Decision Maker', 'Economic Buyer'])
            : rng.pick(BUYING_ROLES.slice(2)),
          Attitude__c: rng.weighted(ATTITUDES, (a) => [4, 3, 2, 1][ATTITUDES.indexOf(a)]),
          Influence__c: rng.pick(INFLUENCE),
          Notes__c: `${contact.title}; met ${rng.int(1, 6)} times this year.`
        })
      );
    }
  };

  for (const account of top) {
    addPlan(account, 2026);
  }
  // The previous year's plan of the top account, kept for reference.
  addPlan(top[0], 2025);
  return { plans, objectives, stakeholders };
}

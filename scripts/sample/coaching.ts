import type { SampleAccount } from './accounts';
import { COACHING, SALES_SKILLS, SAMPLE_TODAY } from './constants';
import { addDays, dayNumber, fromDayNumber, nextWeekday, type IsoDate } from './dates';
import { RecordSequence, refTo, type SampleRecord, type SampleUser, type UserKey } from './model';
import type { SampleOpportunity } from './opportunities';
import type { SeededRandom } from './random';

const FIRST_SESSION_DAY = '2026-07-06';
const FOLLOW_UP_AFTER_DAYS = 14;

const NOTES = [
  'Reviewed the deal plan; the buying process is unclear beyond the project lead.',
  'Role-played the price discussion; the seller tends to concede discounts early.',
  'Walked through the account plan; goals are clear, whitespace is not quantified.',
  'Discussed a stalled deal: no meeting with the customer for four weeks.',
  'Practised discovery questions on business impact instead of product features.',
  'Reviewed forecast categories: two deals in Commit without a confirmed decision date.'
];
const ACTIONS = [
  'Book a meeting with the economic buyer before the proposal.',
  'Prepare a value case with three quantified benefits.',
  'Update next steps and close dates on all open deals.',
  'Ask the champion to map the decision process.',
  'Agree a mutual action plan with the customer.',
  'Add the missing stakeholders to the account plan.'
];

/**
 * Coaching sessions logged by the two managers. Each seller of manager1 had a session in the
 * last 30 days; manager2 coaches less and one of their sellers had none recently.
 */
export function buildCoachingSessions(
  rng: SeededRandom,
  users: readonly SampleUser[],
  opportunities: readonly SampleOpportunity[],
  accounts: readonly SampleAccount[]
): SampleRecord[] {
  const sequence = new RecordSequence('Coaching_Session__c');
  const plannedSessions: Array<{ coach: UserKey; seller: UserKey; day: IsoDate }> = [];
  const recentStart = addDays(SAMPLE_TODAY, -29);
  const randomDay = (from: IsoDate, to: IsoDate): IsoDate =>
    nextWeekday(fromDayNumber(rng.int(dayNumber(from), dayNumber(to))));
  for (const [coach, count] of Object.entries(COACHING.sessionsByCoach)) {
    const team = users.filter((user) => user.managerKey === coach).map((user) => user.key);
    team.forEach((seller) => {
      if (seller !== COACHING.uncoachedRecently) {
        plannedSessions.push({
          coach,
          seller,
          day: randomDay(recentStart, addDays(SAMPLE_TODAY, -3))
        });
      }
    });
    while (plannedSessions.filter((session) => session.coach === coach).length < count) {
      const seller = rng.pick(team);
      const latest =
        seller === COACHING.uncoachedRecently ? addDays(recentStart, -5) : SAMPLE_TODAY;
      plannedSessions.push({
        coach,
        seller,
        day: randomDay(FIRST_SESSION_DAY, addDays(latest, -3))
      });
    }
  }
  plannedSessions.sort((a, b) =>
    a.day === b.day ? a.seller.localeCompare(b.seller) : a.day < b.day ? -1 : 1
  );
  // The most recent sessions are the ones not rated yet.
  const unrated = new Set(plannedSessions.slice(-COACHING.unrated));

  return plannedSessions.map((session) => {
    const live = opportunities.filter(
      (opp) =>
        opp.owner === session.seller &&
        opp.createdOn <= session.day &&
        (!opp.isClosed || opp.closeDate >= session.day)
    );
    const opportunity = live.length > 0 && rng.chance(0.75) ? rng.pick(live) : undefined;
    const account =
      opportunity?.account ??
      rng.pick(accounts.filter((candidate) => candidate.owner === session.seller));
    const followUp = addDays(session.day, FOLLOW_UP_AFTER_DAYS);
    return sequence.next(
      {
        Session_Date__c: session.day,
        Opportunity__c: opportunity ? refTo(opportunity.record) : undefined,
        Account__c: refTo(account.record),
        Focus_Area__c: rng.pick(SALES_SKILLS),
        Notes__c: rng.pick(NOTES),
        Agreed_Actions__c: rng.sample(ACTIONS, 2).join('\n'),
        Follow_Up_Date__c: followUp,
        Follow_Up_Completed__c: followUp < SAMPLE_TODAY && rng.chance(0.8),
        Usefulness_Rating__c: unrated.has(session)
          ? undefined
          : rng.weighted([2, 3, 4, 5], (rating) => [1, 3, 5, 3][rating - 2])
      },
      session.coach,
      { Seller__c: session.seller, Coach__c: session.coach }
    );
  });
}

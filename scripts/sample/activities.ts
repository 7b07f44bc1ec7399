import type { SampleAccount } from './accounts';
import { SAMPLE_COUNTS, SAMPLE_TODAY } from './constants';
import type { SampleContact } from './contacts';
import { addDays, dateTime, dayNumber, fromDayNumber, isWeekend, type IsoDate } from './dates';
import { RecordSequence, refTo, type SampleRecord, type SampleUser, type UserKey } from './model';
import type { SampleOpportunity } from './opportunities';
import type { SeededRandom } from './random';
import { profileOf, salesTeamOf } from './users';

export interface ActivityBuild {
  readonly events: SampleRecord[];
  readonly tasks: SampleRecord[];
}

/** Logged activity starts with the second half of 2026 (the current strategy version). */
export const ACTIVITY_WINDOW_START = '2026-07-01';
/** Planned meetings and open follow-ups reach this many days past SAMPLE_TODAY. */
const PLANNING_HORIZON_DAYS = 25;
/** Q4 working days weigh more: sellers log more since the new strategy asks for it. */
const Q4_DAY_WEIGHT = 1.6;

const MEETING_MINUTES = [45, 60, 60, 90, 120, 150, 180];
const INTERNAL_MINUTES = [30, 30, 45, 60, 90];
const MEETING_SUBJECTS = [
  'Discovery meeting',
  'Business review',
  'Solution demo',
  'Proposal walkthrough',
  'Executive sponsor meeting',
  'Requirements workshop',
  'Negotiation meeting',
  'Onboarding kick-off'
];
const CALL_SUBJECTS = [
  'Call: follow-up',
  'Call: qualification',
  'Call: pricing questions',
  'Call: reference check',
  'Call: contract terms',
  'Call: check-in'
];
const INTERNAL_MEETINGS = [
  'Pipeline review',
  'Team meeting',
  'Forecast call',
  'Deal strategy session',
  'Product training',
  'Account planning session'
];
const INTERNAL_TASKS = [
  'Update forecast',
  'Prepare pipeline review',
  'Update account plan',
  'Complete e-learning module',
  'Clean up opportunity data'
];
const FOLLOW_UPS = [
  'Send proposal',
  'Send meeting summary',
  'Book next meeting',
  'Share reference case',
  'Confirm decision date'
];

interface Workday {
  readonly day: IsoDate;
  readonly weight: number;
}

function workdays(from: IsoDate, to: IsoDate): Workday[] {
  const days: Workday[] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n++) {
    const day = fromDayNumber(n);
    if (!isWeekend(day)) {
      days.push({ day, weight: day >= '2026-10-01' ? Q4_DAY_WEIGHT : 1 });
    }
  }
  return days;
}

/**
 * Meetings (Event) and calls or to-dos (Task) of the sellers and managers. Customer-facing
 * activities point at an opportunity that was open that day or at the account, and at one of its
 * contacts; internal ones carry Internal__c = true and no What/Who.
 */
export function buildActivities(
  rng: SeededRandom,
  users: readonly SampleUser[],
  opportunities: readonly SampleOpportunity[],
  accounts: readonly SampleAccount[],
  contactsByAccount: ReadonlyMap<SampleAccount, readonly SampleContact[]>
): ActivityBuild {
  const sellers = users.filter((user) => user.role === 'seller').map((user) => user.key);
  const internalPeople = salesTeamOf(users).map((user) => user.key);
  const past = workdays(ACTIVITY_WINDOW_START, SAMPLE_TODAY);
  const future = workdays(addDays(SAMPLE_TODAY, 1), addDays(SAMPLE_TODAY, PLANNING_HORIZON_DAYS));
  const customerSeller = (): UserKey =>
    rng.weighted(sellers, (key) => profileOf(key).customerTimeWeight);

  /** What/Who for a customer activity of `owner` on `day`. */
  const customerTarget = (
    owner: UserKey,
    day: IsoDate,
    openOnly: boolean
  ): { whatId: string; whoId?: string } => {
    const live = opportunities.filter(
      (opp) =>
        opp.owner === owner &&
        opp.createdOn <= day &&
        (opp.isClosed ? !openOnly && day <= opp.closeDate : true)
    );
    if (live.length > 0 && rng.chance(0.7)) {
      const opp = rng.pick(live);
      const people =
        opp.roleContacts.length > 0 ? opp.roleContacts : contactsByAccount.get(opp.account);
      return {
        whatId: refTo(opp.record),
        whoId: people && people.length > 0 ? refTo(rng.pick(people).record) : undefined
      };
    }
    const account = rng.pick(accounts.filter((candidate) => candidate.owner === owner));
    const people = contactsByAccount.get(account) ?? [];
    return {
      whatId: refTo(account.record),
      whoId: people.length > 0 ? refTo(rng.pick(people).record) : undefined
    };
  };

  const eventSequence = new RecordSequence('Event');
  const events: SampleRecord[] = [];
  const meeting = (
    owner: UserKey,
    day: IsoDate,
    subject: string,
    minutes: number,
    target: { whatId?: string; whoId?: string },
    internal: boolean
  ): void => {
    const startMinute = rng.int(14, 29) * 30; // 07:00-14:30 UTC, on the half hour
    events.push(
      eventSequence.next(
        {
          Subject: subject,
          Type: 'Meeting',
          StartDateTime: dateTime(day, startMinute),
          EndDateTime: dateTime(day, startMinute + minutes),
          DurationInMinutes: minutes,
          WhatId: target.whatId,
          WhoId: target.whoId,
          Internal__c: internal
        },
        owner
      )
    );
  };

  for (let i = 0; i < SAMPLE_COUNTS.customerMeetingsPast; i++) {
    const owner = customerSeller();
    const { day } = rng.weighted(past, (workday) => workday.weight);
    meeting(
      owner,
      day,
      rng.pick(MEETING_SUBJECTS),
      rng.pick(MEETING_MINUTES),
      customerTarget(owner, day, false),
      false
    );
  }
  for (let i = 0; i < SAMPLE_COUNTS.customerMeetingsPlanned; i++) {
    const owner = customerSeller();
    const { day } = rng.pick(future);
    meeting(
      owner,
      day,
      rng.pick(MEETING_SUBJECTS),
      rng.pick(MEETING_MINUTES),
      customerTarget(owner, day, true),
      false
    );
  }
  for (let i = 0; i < SAMPLE_COUNTS.internalMeetings; i++) {
    const { day } = rng.weighted(past, (workday) => workday.weight);
    meeting(
      rng.pick(internalPeople),
      day,
      rng.pick(INTERNAL_MEETINGS),
      rng.pick(INTERNAL_MINUTES),
      {},
      true
    );
  }

  const taskSequence = new RecordSequence('Task');
  const tasks: SampleRecord[] = [];
  for (let i = 0; i < SAMPLE_COUNTS.customerCallsPast; i++) {
    const owner = customerSeller();
    const { day } = rng.weighted(past, (workday) => workday.weight);
    const target = customerTarget(owner, day, false);
    tasks.push(
      taskSequence.next(
        {
          Subject: rng.pick(CALL_SUBJECTS),
          Type: 'Call',
          TaskSubtype: 'Call',
          Status: 'Completed',
          Priority: 'Normal',
          ActivityDate: day,
          CallDurationInSeconds: rng.int(3, 35) * 60,
          WhatId: target.whatId,
          WhoId: target.whoId,
          Internal__c: false
        },
        owner
      )
    );
  }
  for (let i = 0; i < SAMPLE_COUNTS.internalTasks; i++) {
    const { day } = rng.weighted(past, (workday) => workday.weight);
    tasks.push(
      taskSequence.next(
        {
          Subject: rng.pick(INTERNAL_TASKS),
          Type: 'Other',
          TaskSubtype: 'Task',
          Status: 'Completed',
          Priority: 'Normal',
          ActivityDate: day,
          Internal__c: true
        },
        rng.pick(internalPeople)
      )
    );
  }
  for (let i = 0; i < SAMPLE_COUNTS.followUpTasksOpen; i++) {
    const owner = customerSeller();
    const { day } = rng.pick(future.slice(0, 10));
    const target = customerTarget(owner, SAMPLE_TODAY, true);
    tasks.push(
      taskSequence.next(
        {
          Subject: rng.pick(FOLLOW_UPS),
          Type: 'Other',
          TaskSubtype: 'Task',
          Status: 'Not Started',
          Priority: rng.chance(0.3) ? 'High' : 'Normal',
          ActivityDate: day,
          WhatId: target.whatId,
          WhoId: target.whoId,
          Internal__c: false
        },
        owner
      )
    );
  }
  return { events, tasks };
}

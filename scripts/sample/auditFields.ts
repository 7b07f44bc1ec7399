import { AUDIT_CALENDAR, SAMPLE_TODAY } from './constants';
import { addDays, dateTime, nextWeekday, type IsoDate } from './dates';
import type {
  AuditStamp,
  OpportunityHistory,
  SampleOrg,
  SampleRecord,
  SampleUser,
  UserKey
} from './model';
import { ADMIN_SET, permissionSetsOf } from './personas';
import { ASSESSMENT_DAYS } from './skills';

/**
 * The audit fields of every sample user and record: who created it and when, who saved it last
 * and when, as the platform would have stamped them while the sample's story happened. Derived
 * from each record's own dates (a session's date, a plan's last review, a deal's field history),
 * never drawn at random, so the other data does not change. The rules per object are listed in
 * scripts/sample/README.md ("Audit fields").
 *
 * Choices:
 * - A deal's history decides its stamps: created with its `created` row, last modified at its last
 *   field-history row, by the user who saved that row. Saves that change no tracked field are not
 *   in the sample, so no deal has a later modification than its history shows.
 * - A record is never created before a record it points at (an activity on a deal created the
 *   same morning is logged after the deal), and never stamped after `AUDIT_CALENDAR.now`.
 * - Jobs (segment assignment) and administration (ideas' status, users) run as the sample's
 *   administrator, the holder of SSM_Admin: Apex runs a batch as the user who started it.
 * - A roll-up summary recalculated by a child's save does not count as a save of its parent.
 */
export function stampAuditFields(
  org: Omit<SampleOrg, 'auditFields'>
): ReadonlyMap<string, AuditStamp> {
  const stamps = new Map<string, AuditStamp>();
  const admin = administratorOf(org.users);
  org.users.forEach((user, index) => {
    // The administrator is the org's first user and created the others.
    const at = dateTime(AUDIT_CALENDAR.usersSetUpOn, 8 * 60 + index);
    stamps.set(user.key, stamp(at, admin));
  });

  const byReference = new Map<string, SampleRecord>();
  for (const [, records] of org.recordsByObject) {
    for (const record of records) byReference.set(record.referenceId, record);
  }
  const context = new RuleContext(
    stamps,
    byReference,
    new Map(org.opportunityHistory.map((history) => [history.referenceId, history])),
    admin
  );
  for (const [sObject, records] of org.recordsByObject) {
    const rule = RULES[sObject];
    if (!rule) throw new Error(`No audit-field rule for ${sObject}: add one to auditFields.ts`);
    for (const record of records) {
      stamps.set(record.referenceId, rule(record, context));
    }
  }
  return stamps;
}

/** The user who holds SSM_Admin (through Sales Strategy Admin): the sample's administrator. */
function administratorOf(users: readonly SampleUser[]): UserKey {
  const admin = users.find((user) => permissionSetsOf(user).includes(ADMIN_SET));
  if (!admin) throw new Error(`The sample has no user with ${ADMIN_SET}`);
  return admin.key;
}

function stamp(
  createdAt: string,
  createdBy: UserKey,
  modifiedAt: string = createdAt,
  modifiedBy: UserKey = createdBy
): AuditStamp {
  return {
    CreatedDate: createdAt,
    CreatedById: createdBy,
    LastModifiedDate: modifiedAt,
    LastModifiedById: modifiedBy
  };
}

const MINUTE_MS = 60_000;

function shift(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * MINUTE_MS).toISOString();
}

const hours = (value: number): number => value * 60;
const days = (value: number): number => value * 24 * 60;

function latest(first: string, ...others: string[]): string {
  return others.reduce((max, instant) => (instant > max ? instant : max), first);
}

function earliest(first: string, ...others: string[]): string {
  return others.reduce((min, instant) => (instant < min ? instant : min), first);
}

/** What the rules read: the stamps made so far (parents come first), records, deal histories. */
class RuleContext {
  private readonly siblingCounts = new Map<string, number>();

  constructor(
    private readonly stamps: ReadonlyMap<string, AuditStamp>,
    private readonly records: ReadonlyMap<string, SampleRecord>,
    private readonly histories: ReadonlyMap<string, OpportunityHistory>,
    readonly admin: UserKey
  ) {}

  text(record: SampleRecord, field: string): string {
    const value = record.fields[field];
    if (typeof value !== 'string') {
      throw new Error(`${record.referenceId}.${field} is blank: its audit fields need it`);
    }
    return value;
  }

  optionalText(record: SampleRecord, field: string): string | undefined {
    const value = record.fields[field];
    return typeof value === 'string' ? value : undefined;
  }

  /** The record a `@ref` field points at. */
  parent(record: SampleRecord, field: string): SampleRecord {
    const reference = this.text(record, field);
    const parent = this.records.get(reference.slice(1));
    if (!reference.startsWith('@') || !parent) {
      throw new Error(`${record.referenceId}.${field}: no sample record ${reference}`);
    }
    return parent;
  }

  stampOf(record: SampleRecord): AuditStamp {
    const found = this.stamps.get(record.referenceId);
    if (!found) throw new Error(`${record.referenceId} is stamped after a record pointing at it`);
    return found;
  }

  /** The user a User lookup of the record names (Seller__c, Voter__c, ...). */
  user(record: SampleRecord, field: string): UserKey {
    const key = record.userLookups?.[field];
    if (!key) throw new Error(`${record.referenceId}.${field} names no sample user`);
    return key;
  }

  owner(record: SampleRecord): UserKey {
    if (!record.owner) throw new Error(`${record.referenceId} has no owner`);
    return record.owner;
  }

  history(record: SampleRecord): OpportunityHistory {
    const history = this.histories.get(record.referenceId);
    if (!history) throw new Error(`${record.referenceId} has no history`);
    return history;
  }

  /** 0 for the first record of its object under `parentField`'s parent, 1 for the next, ... */
  siblingIndex(record: SampleRecord, parentField: string): number {
    const key = `${record.sObject}\u0000${this.text(record, parentField)}`;
    const index = this.siblingCounts.get(key) ?? 0;
    this.siblingCounts.set(key, index + 1);
    return index;
  }

  /** `at`, or later when a record the given fields point at was created after it. */
  notBeforeParents(record: SampleRecord, at: string, fields: readonly string[]): string {
    const parents = fields
      .filter((field) => this.optionalText(record, field) !== undefined)
      .map((field) => this.stampOf(this.parent(record, field)).CreatedDate);
    return latest(at, ...parents);
  }

  /** The strategy version that superseded this one (its Previous_Version__c), if any. */
  successorOf(version: SampleRecord): SampleRecord | undefined {
    for (const candidate of this.records.values()) {
      if (
        candidate.sObject === version.sObject &&
        candidate.fields.Previous_Version__c === `@${version.referenceId}`
      ) {
        return candidate;
      }
    }
    return undefined;
  }
}

type Rule = (record: SampleRecord, context: RuleContext) => AuditStamp;

/** The sequence number in `<sObject>Ref<n>`. */
function ordinal(record: SampleRecord): number {
  return Number(record.referenceId.slice(`${record.sObject}Ref`.length));
}

const at = (day: IsoDate, hour: number, minute = 0): string => dateTime(day, hour * 60 + minute);
const dayOf = (instant: string): IsoDate => instant.slice(0, 10);

/** Activities are booked a week ahead, but not after the sample's "now". */
function bookedAhead(start: string): string {
  return earliest(shift(start, -days(7)), at(SAMPLE_TODAY, 7));
}

const ACTIVITY_PARENTS = ['WhatId', 'WhoId'];

const RULES: Readonly<Record<string, Rule>> = {
  // Drafted three weeks before publication; publishing the next version supersedes it.
  Strategy_Version__c: (record, context) => {
    const published = context.text(record, 'Published_At__c');
    const successor = context.successorOf(record);
    const last = successor ?? record;
    return stamp(
      shift(published, -days(21)),
      context.owner(record),
      context.text(last, 'Published_At__c'),
      context.user(last, 'Published_By__c')
    );
  },
  Strategy_Acknowledgement__c: (record, context) =>
    stamp(context.text(record, 'Acknowledged_At__c'), context.user(record, 'User__c')),
  // Defined with the strategy version they belong to, an hour apart.
  Customer_Segment__c: (record, context) => {
    const version = context.stampOf(context.parent(record, 'Strategy_Version__c'));
    const index = context.siblingIndex(record, 'Strategy_Version__c');
    return stamp(shift(version.CreatedDate, hours(index + 1)), context.owner(record));
  },
  // Loaded by their owners at go-live; the segment assignment job saved them last.
  Account: (record, context) => {
    const created = at(AUDIT_CALENDAR.goLiveOn, 8, ordinal(record));
    const assignedOn = context.optionalText(record, 'Segment_Assigned_On__c');
    return assignedOn
      ? stamp(created, context.owner(record), at(assignedOn, 6), context.admin)
      : stamp(created, context.owner(record));
  },
  Contact: (record, context) => {
    const account = context.stampOf(context.parent(record, 'AccountId'));
    const index = context.siblingIndex(record, 'AccountId');
    return stamp(shift(account.CreatedDate, index + 1), context.owner(record));
  },
  Opportunity: (record, context) => {
    const rows = context.history(record).fieldChanges;
    const created = rows.find((row) => row.field === 'created');
    if (!created) throw new Error(`${record.referenceId} has no created history row`);
    const last = rows.reduce((max, row) => (row.createdDate > max.createdDate ? row : max));
    return stamp(created.createdDate, created.createdBy, last.createdDate, last.createdBy);
  },
  // Added with the deal, in the same save.
  OpportunityContactRole: (record, context) => {
    const deal = context.stampOf(context.parent(record, 'OpportunityId'));
    return stamp(deal.CreatedDate, deal.CreatedById);
  },
  // Written in the first week of the plan's year, saved at each review, archived after the year.
  Account_Plan__c: (record, context) => {
    const owner = context.owner(context.parent(record, 'Account__c'));
    const created = at(nextWeekday(addDays(context.text(record, 'Period_Start__c'), 4)), 9);
    const modified =
      record.fields.Status__c === 'Archived'
        ? at(nextWeekday(addDays(context.text(record, 'Period_End__c'), 5)), 9)
        : at(context.text(record, 'Last_Review_Date__c'), 13);
    return stamp(created, owner, modified);
  },
  Account_Plan_Objective__c: (record, context) => planChild(record, context, 1),
  Account_Plan_Stakeholder__c: (record, context) => planChild(record, context, 10),
  Event: (record, context) => {
    const created = bookedAhead(context.text(record, 'StartDateTime'));
    return stamp(
      context.notBeforeParents(record, created, ACTIVITY_PARENTS),
      context.owner(record)
    );
  },
  // A completed call or to-do is logged that afternoon; an open follow-up was set a week ahead.
  Task: (record, context) => {
    const day = context.text(record, 'ActivityDate');
    const created =
      record.fields.Status === 'Completed'
        ? earliest(at(day, 15), AUDIT_CALENDAR.now)
        : bookedAhead(at(day, 8));
    return stamp(
      context.notBeforeParents(record, created, ACTIVITY_PARENTS),
      context.owner(record)
    );
  },
  // Logged by the coach after the session; the seller rates it the next working day; the coach
  // ticks the follow-up on its due date.
  Coaching_Session__c: (record, context) => {
    const day = context.text(record, 'Session_Date__c');
    const coach = context.user(record, 'Coach__c');
    const created = context.notBeforeParents(record, at(day, 15), ['Opportunity__c', 'Account__c']);
    const saves: Array<readonly [string, UserKey]> = [[created, coach]];
    if (record.fields.Usefulness_Rating__c !== undefined) {
      saves.push([at(nextWeekday(addDays(day, 1)), 8), context.user(record, 'Seller__c')]);
    }
    if (record.fields.Follow_Up_Completed__c === true) {
      saves.push([at(context.text(record, 'Follow_Up_Date__c'), 15), coach]);
    }
    const [modified, modifiedBy] = saves.reduce((last, save) => (save[0] > last[0] ? save : last));
    return stamp(created, coach, modified, modifiedBy);
  },
  // Set two weeks before the quarter.
  Sales_Target__c: (record, context) =>
    stamp(
      at(nextWeekday(addDays(context.text(record, 'Period_Start__c'), -14)), 9),
      context.owner(record)
    ),
  Skill_Assessment__c: (record, context) =>
    stamp(at(context.text(record, 'Assessment_Date__c'), 10), context.user(record, 'Assessor__c')),
  // Catalogued before the first assessment round; an inactive one was retired at the second.
  Development_Program__c: (record, context) => {
    const created = at(addDays(ASSESSMENT_DAYS[0], -14), 9);
    return record.fields.Active__c === false
      ? stamp(created, context.owner(record), at(ASSESSMENT_DAYS[1], 9))
      : stamp(created, context.owner(record));
  },
  Program_Enrollment__c: (record, context) => {
    const seller = context.user(record, 'Seller__c');
    const created = at(context.text(record, 'Enrolled_On__c'), 10);
    const completedOn = context.optionalText(record, 'Completed_On__c');
    return stamp(created, seller, completedOn ? at(completedOn, 15) : created);
  },
  Compensation_Plan__c: (record, context) =>
    stamp(
      at(nextWeekday(addDays(context.text(record, 'Effective_From__c'), -21)), 9),
      context.owner(record)
    ),
  Compensation_Component__c: (record, context) => {
    const plan = context.stampOf(context.parent(record, 'Compensation_Plan__c'));
    const index = context.siblingIndex(record, 'Compensation_Plan__c');
    return stamp(shift(plan.CreatedDate, index + 1), plan.CreatedById);
  },
  // Submitted one every two weeks; the administrator sets the status after two weeks' review.
  Improvement_Idea__c: (record, context) => {
    const day = addDays(
      AUDIT_CALENDAR.ideasFrom,
      AUDIT_CALENDAR.daysBetweenIdeas * (ordinal(record) - 1)
    );
    const created = at(day, 9);
    return record.fields.Status__c === 'New'
      ? stamp(created, context.owner(record))
      : stamp(created, context.owner(record), at(addDays(day, 14), 13), context.admin);
  },
  // Cast one a day from the day after the idea came in.
  Idea_Vote__c: (record, context) => {
    const idea = context.stampOf(context.parent(record, 'Improvement_Idea__c'));
    const index = context.siblingIndex(record, 'Improvement_Idea__c');
    return stamp(
      at(addDays(dayOf(idea.CreatedDate), index + 1), 11),
      context.user(record, 'Voter__c')
    );
  },
  // Written by KpiSnapshotJob, scheduled by the administrator, at 03:00 the Monday after the week.
  KPI_Snapshot__c: (record, context) =>
    stamp(at(addDays(context.text(record, 'Week_Start__c'), 7), 3), context.admin)
};

/** Objectives and stakeholders: written with their plan, saved at its last review. */
function planChild(record: SampleRecord, context: RuleContext, firstMinute: number): AuditStamp {
  const plan = context.parent(record, 'Account_Plan__c');
  const planStamp = context.stampOf(plan);
  const index = context.siblingIndex(record, 'Account_Plan__c');
  return stamp(
    shift(planStamp.CreatedDate, firstMinute + index),
    planStamp.CreatedById,
    at(context.text(plan, 'Last_Review_Date__c'), 13)
  );
}

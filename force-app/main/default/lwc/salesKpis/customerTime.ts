/**
 * Time with customers ("tid til kunden"): the minutes sellers spend in customer meetings and on
 * customer calls over the working minutes of a window (KPI_DEFINITIONS.md).
 */
import type { Activity, StrategyTargets } from './facts';
import { dayNumber, instantOf, isWeekday, utcDayOf, weekdaysIn } from './periods';
import type { Period } from './periods';
import { percentToFraction, ratio } from './ratios';

/** Working hours per week when the strategy settings name none: 37, the Danish norm. */
export const DEFAULT_WORKING_HOURS_PER_WEEK = 37;

/** The working week of `Strategy_Setting__mdt` (record Default). */
export interface WorkingWeek {
  /** `Working_Hours_Per_Week__c`, spread over Monday-Friday. */
  hoursPerWeek: number;
  /** `Count_Weekend_Customer_Time__c`: weekend meetings and calls count as customer time. */
  countWeekendTime: boolean;
}

/** The working week with the defaults for what the caller leaves out (or blank). */
export function workingWeekOf(week: Partial<WorkingWeek> | null | undefined): WorkingWeek {
  const hours = week?.hoursPerWeek;
  return {
    hoursPerWeek:
      typeof hours === 'number' && Number.isFinite(hours) && hours > 0
        ? hours
        : DEFAULT_WORKING_HOURS_PER_WEEK,
    countWeekendTime: week?.countWeekendTime === true
  };
}

const CUSTOMER_OBJECTS = new Set(['Account', 'Opportunity', 'Contact']);
const MINUTES_PER_DAY = 1440;

function isCall(activity: Activity): boolean {
  return activity.attributes.type === 'Task' && activity.TaskSubtype === 'Call';
}

/**
 * Customer-facing: an Event, or a completed call (a Task of TaskSubtype Call that IsClosed),
 * whose What or Who is an Account, Opportunity or Contact, not marked `Internal__c` (and, for a
 * call, not of CallType Internal).
 */
export function isCustomerFacing(activity: Activity): boolean {
  if (activity.Internal__c === true) {
    return false;
  }
  if (isCall(activity)) {
    if (activity.IsClosed !== true || activity.CallType === 'Internal') {
      return false;
    }
  } else if (activity.attributes.type !== 'Event') {
    return false;
  }
  const what = activity.What?.Type;
  const who = activity.Who?.Type;
  return (
    (what !== undefined && CUSTOMER_OBJECTS.has(what)) ||
    (who !== undefined && CUSTOMER_OBJECTS.has(who))
  );
}

/** The day an activity happened: its ActivityDate, else the UTC date of its start. */
function activityDay(activity: Activity): number | null {
  if (activity.ActivityDate) {
    return dayNumber(activity.ActivityDate);
  }
  if (activity.StartDateTime) {
    return utcDayOf(activity.StartDateTime);
  }
  return null;
}

/** Time with customers of one seller. */
export interface TimeWithCustomers {
  sellerId: string;
  customerMinutes: number;
  workingMinutes: number;
  /** Customer minutes / working minutes, a fraction; null when the window has no working day. */
  share: number | null;
  /** The strategy's target as a fraction (its Percent field / 100). */
  target: number | null;
  meetsTarget: boolean | null;
}

/** Working minutes in a window: Monday-Friday days x (hours per week / 5) x 60. */
export function workingMinutesIn(
  window: Period,
  workingHoursPerWeek: number = DEFAULT_WORKING_HOURS_PER_WEEK
): number {
  return (weekdaysIn(window) * workingHoursPerWeek * 60) / 5;
}

/** One seller's customer time, by day: timed meetings to merge, and minutes without a time. */
interface SellerMinutes {
  intervals: Array<{ day: number; start: number; end: number }>;
  fullDays: Set<number>;
  untimed: Map<number, number>;
}

/** The days of an all-day event: DurationInMinutes in whole days, one when blank. */
function allDayDays(activity: Activity, first: number): number[] {
  const days = Math.max(1, Math.ceil((activity.DurationInMinutes ?? 0) / MINUTES_PER_DAY));
  const result: number[] = [];
  for (let day = first; day < first + days; day++) {
    result.push(day);
  }
  return result;
}

function mergedMinutes(minutes: SellerMinutes, dayMinutes: number): number {
  let total = minutes.fullDays.size * dayMinutes;
  for (const [day, untimed] of minutes.untimed) {
    if (!minutes.fullDays.has(day)) {
      total += untimed;
    }
  }
  const intervals = minutes.intervals
    .filter((interval) => !minutes.fullDays.has(interval.day))
    .sort((a, b) => a.start - b.start);
  let runStart = -Infinity;
  let runEnd = -Infinity;
  for (const { start, end } of intervals) {
    if (start > runEnd) {
      if (runEnd > runStart) {
        total += (runEnd - runStart) / 60000;
      }
      runStart = start;
      runEnd = end;
    } else if (end > runEnd) {
      runEnd = end;
    }
  }
  if (runEnd > runStart) {
    total += (runEnd - runStart) / 60000;
  }
  return total;
}

/**
 * Time with customers per seller over a window (use `elapsedPart` for the current period):
 * minutes of customer-facing meetings and calls on days in the window / working minutes in the
 * window (Monday-Friday, `hoursPerWeek` / 5 a day, default 37 hours a week).
 *
 * Choices: overlapping meetings of one seller count once (a seller cannot be in two meetings at
 * the same time); a call counts its `CallDurationInSeconds` on its ActivityDate and is not
 * merged with meetings (a logged call has no start time), nor is a meeting without a start time;
 * an all-day event counts a working day's hours (hours per week / 5) for each day it spans in
 * the window, and those days' other meetings and calls are not added; a meeting, call or
 * all-day day on a Saturday or Sunday counts only with `countWeekendTime` (working minutes stay
 * Monday-Friday either way). Holidays are not known. Sellers without activities get 0, so every
 * seller in `sellerIds` has a row; activities of other owners are ignored.
 */
export function computeTimeWithCustomers(
  activities: readonly Activity[],
  sellerIds: readonly string[],
  window: Period,
  targets: StrategyTargets | null = null,
  workingWeek: Partial<WorkingWeek> = {}
): TimeWithCustomers[] {
  const week = workingWeekOf(workingWeek);
  const first = dayNumber(window.start);
  const last = dayNumber(window.end);
  const counts = (day: number): boolean =>
    day >= first && day <= last && (week.countWeekendTime || isWeekday(day));
  const dayMinutes = (week.hoursPerWeek * 60) / 5;
  const bySeller = new Map<string, SellerMinutes>();
  for (const sellerId of sellerIds) {
    bySeller.set(sellerId, { intervals: [], fullDays: new Set(), untimed: new Map() });
  }
  for (const activity of activities) {
    const minutes = bySeller.get(activity.OwnerId);
    const day = activityDay(activity);
    if (!minutes || day === null || !isCustomerFacing(activity)) {
      continue;
    }
    if (activity.IsAllDayEvent) {
      allDayDays(activity, day)
        .filter(counts)
        .forEach((spanned) => minutes.fullDays.add(spanned));
      continue;
    }
    if (!counts(day)) {
      continue;
    }
    if (isCall(activity)) {
      const callMinutes = Math.max(0, activity.CallDurationInSeconds ?? 0) / 60;
      minutes.untimed.set(day, (minutes.untimed.get(day) ?? 0) + callMinutes);
      continue;
    }
    const duration = Math.max(0, activity.DurationInMinutes ?? 0);
    if (activity.StartDateTime) {
      const start = instantOf(activity.StartDateTime);
      minutes.intervals.push({ day, start, end: start + duration * 60000 });
    } else {
      minutes.untimed.set(day, (minutes.untimed.get(day) ?? 0) + duration);
    }
  }
  const workingMinutes = workingMinutesIn(window, week.hoursPerWeek);
  const target = percentToFraction(targets?.Target_Time_With_Customers__c);
  return sellerIds.map((sellerId) => {
    const minutes = bySeller.get(sellerId);
    const customerMinutes = minutes ? mergedMinutes(minutes, dayMinutes) : 0;
    const share = ratio(customerMinutes, workingMinutes);
    return {
      sellerId,
      customerMinutes,
      workingMinutes,
      share,
      target,
      meetsTarget: share === null || target === null ? null : share >= target
    };
  });
}

/** Team time with customers: all customer minutes over all working minutes. */
export function teamTimeWithCustomers(rows: readonly TimeWithCustomers[]): number | null {
  let customer = 0;
  let working = 0;
  for (const row of rows) {
    customer += row.customerMinutes;
    working += row.workingMinutes;
  }
  return ratio(customer, working);
}

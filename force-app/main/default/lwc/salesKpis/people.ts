import type { Activity, CoachingSession, IsoDate, StrategyTargets, TeamMember } from './facts';
import { addDays, dayNumber, instantOf, monthsIn, utcDayOf, weekdaysIn } from './periods';
import type { Period } from './periods';
import { mean, percentToFraction, ratio } from './ratios';

/** Default working week (KPI_DEFINITIONS.md). */
export const DEFAULT_WORKING_HOURS_PER_WEEK = 40;

const CUSTOMER_OBJECTS = new Set(['Account', 'Opportunity', 'Contact']);

/**
 * Customer-facing: an Event (not a Task) whose What or Who is an Account, Opportunity or
 * Contact, and not marked internal.
 */
export function isCustomerFacing(activity: Activity): boolean {
  if (activity.attributes.type !== 'Event' || activity.Internal__c === true) {
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

/** Working minutes in a window: weekdays x (hours per week / 5) x 60. */
export function workingMinutesIn(window: Period, workingHoursPerWeek: number): number {
  return (weekdaysIn(window) * workingHoursPerWeek * 60) / 5;
}

interface SellerMinutes {
  intervals: Array<[number, number]>;
  allDayDays: Set<number>;
  untimedMinutes: number;
}

function mergedMinutes(minutes: SellerMinutes, dayMinutes: number): number {
  let total = minutes.untimedMinutes + minutes.allDayDays.size * dayMinutes;
  const intervals = minutes.intervals
    .filter(([start]) => !minutes.allDayDays.has(Math.floor(start / 86400000)))
    .sort((a, b) => a[0] - b[0]);
  let runStart = -Infinity;
  let runEnd = -Infinity;
  for (const [start, end] of intervals) {
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
 * minutes of customer-facing events on days in the window / working minutes in the window.
 *
 * Choices: overlapping events of one seller count once (a seller cannot be in two meetings at
 * the same time); an all-day event counts as one working day (hours per week / 5) and replaces the
 * timed events of that day; an event without a start time adds its duration as is. Working
 * minutes count Monday-Friday only; holidays are not known. Sellers without events get 0, so
 * every seller in `sellerIds` has a row; events of other owners are ignored.
 */
export function computeTimeWithCustomers(
  activities: readonly Activity[],
  sellerIds: readonly string[],
  window: Period,
  targets: StrategyTargets | null = null,
  workingHoursPerWeek: number = DEFAULT_WORKING_HOURS_PER_WEEK
): TimeWithCustomers[] {
  const first = dayNumber(window.start);
  const last = dayNumber(window.end);
  const dayMinutes = (workingHoursPerWeek * 60) / 5;
  const bySeller = new Map<string, SellerMinutes>();
  for (const sellerId of sellerIds) {
    bySeller.set(sellerId, { intervals: [], allDayDays: new Set(), untimedMinutes: 0 });
  }
  for (const activity of activities) {
    const minutes = bySeller.get(activity.OwnerId);
    if (!minutes || !isCustomerFacing(activity)) {
      continue;
    }
    const day = activityDay(activity);
    if (day === null || day < first || day > last) {
      continue;
    }
    if (activity.IsAllDayEvent) {
      minutes.allDayDays.add(day);
      continue;
    }
    const duration = Math.max(0, activity.DurationInMinutes ?? 0);
    if (activity.StartDateTime) {
      const start = instantOf(activity.StartDateTime);
      minutes.intervals.push([start, start + duration * 60000]);
    } else {
      minutes.untimedMinutes += duration;
    }
  }
  const workingMinutes = workingMinutesIn(window, workingHoursPerWeek);
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

/** Coaching quality of one manager. */
export interface CoachingQuality {
  managerId: string;
  sellerCount: number;
  sessionCount: number;
  /** Sessions in the window / sellers / months in the window. */
  sessionsPerSellerPerMonth: number | null;
  /** Share of the sellers with at least one session in the last 30 days (today - 29 .. today). */
  coverageLast30Days: number | null;
  /** Mean seller rating (1-5) of the rated sessions in the window. */
  averageUsefulness: number | null;
  /** Completed follow-ups / sessions in the window whose follow-up date is before today. */
  followUpCompletion: number | null;
  /** `Target_Coaching_Sessions__c`, sessions per seller per month. */
  target: number | null;
  meetsTarget: boolean | null;
}

/**
 * Coaching quality per manager. Choices: a manager's sellers are the team members whose
 * `ManagerId` is the manager (direct reports: the coach is the line manager); a manager's
 * sessions are those with `Coach__c` = the manager and the seller among those direct reports.
 * "Last 30 days" is the 30 days ending today, inclusive. A follow-up date "has passed" when it is
 * before today (one due today can still be done today). Months in the window count by calendar
 * month share (`monthsIn`), so a quarter is 3 months. Managers are those given, or else every
 * `ManagerId` in the team.
 */
export function computeCoachingQuality(
  sessions: readonly CoachingSession[],
  team: readonly TeamMember[],
  window: Period,
  today: IsoDate,
  targets: StrategyTargets | null = null,
  managerIds?: readonly string[]
): CoachingQuality[] {
  const sellersByManager = new Map<string, Set<string>>();
  for (const member of team) {
    if (!member.ManagerId) {
      continue;
    }
    let sellers = sellersByManager.get(member.ManagerId);
    if (!sellers) {
      sellers = new Set();
      sellersByManager.set(member.ManagerId, sellers);
    }
    sellers.add(member.Id);
  }
  const managers = managerIds ?? [...sellersByManager.keys()];
  const sessionsByCoach = new Map<string, CoachingSession[]>();
  for (const session of sessions) {
    const list = sessionsByCoach.get(session.Coach__c);
    if (list) {
      list.push(session);
    } else {
      sessionsByCoach.set(session.Coach__c, [session]);
    }
  }
  const first = dayNumber(window.start);
  const last = dayNumber(window.end);
  const todayDay = dayNumber(today);
  const recentFrom = dayNumber(addDays(today, -29));
  const months = monthsIn(window);
  const target = targets?.Target_Coaching_Sessions__c ?? null;

  return managers.map((managerId) => {
    const sellers = sellersByManager.get(managerId) ?? new Set<string>();
    const coachedRecently = new Set<string>();
    const ratings: number[] = [];
    let sessionCount = 0;
    let followUpsDue = 0;
    let followUpsDone = 0;
    for (const session of sessionsByCoach.get(managerId) ?? []) {
      if (!sellers.has(session.Seller__c)) {
        continue;
      }
      const day = dayNumber(session.Session_Date__c);
      if (day >= recentFrom && day <= todayDay) {
        coachedRecently.add(session.Seller__c);
      }
      if (day < first || day > last) {
        continue;
      }
      sessionCount++;
      if (typeof session.Usefulness_Rating__c === 'number') {
        ratings.push(session.Usefulness_Rating__c);
      }
      if (session.Follow_Up_Date__c && dayNumber(session.Follow_Up_Date__c) < todayDay) {
        followUpsDue++;
        if (session.Follow_Up_Completed__c === true) {
          followUpsDone++;
        }
      }
    }
    const perSeller = ratio(sessionCount, sellers.size);
    const sessionsPerSellerPerMonth = perSeller === null ? null : ratio(perSeller, months);
    return {
      managerId,
      sellerCount: sellers.size,
      sessionCount,
      sessionsPerSellerPerMonth,
      coverageLast30Days: ratio(coachedRecently.size, sellers.size),
      averageUsefulness: mean(ratings),
      followUpCompletion: ratio(followUpsDone, followUpsDue),
      target,
      meetsTarget:
        sessionsPerSellerPerMonth === null || target === null
          ? null
          : sessionsPerSellerPerMonth >= target
    };
  });
}

/** Sessions each seller received in the window, from any coach (for the per-seller table). */
export function sessionsPerSeller(
  sessions: readonly CoachingSession[],
  window: Period
): Map<string, number> {
  const first = dayNumber(window.start);
  const last = dayNumber(window.end);
  const counts = new Map<string, number>();
  for (const session of sessions) {
    const day = dayNumber(session.Session_Date__c);
    if (day >= first && day <= last) {
      counts.set(session.Seller__c, (counts.get(session.Seller__c) ?? 0) + 1);
    }
  }
  return counts;
}

/** Coaching quality: how often and how well managers coach the team's sellers. */
import type { CoachingSession, IsoDate, StrategyTargets, TeamMember } from './facts';
import { addDays, dayNumber, monthsIn } from './periods';
import type { Period } from './periods';
import { mean, ratio } from './ratios';

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
 * `ManagerId` is the manager (direct reports: the coach is the line manager), and only those in
 * `sellerIds` when it is given (so a manager below is not a seller of the level above); a
 * manager's sessions are those with `Coach__c` = the manager and the seller among those sellers.
 * "Last 30 days" is the 30 days ending today, inclusive. A follow-up date "has passed" when it is
 * before today (one due today can still be done today). Months in the window count by calendar
 * month share (`monthsIn`), so a quarter is 3 months. Managers are those given, or else every
 * `ManagerId` in the team that has a seller.
 */
export function computeCoachingQuality(
  sessions: readonly CoachingSession[],
  team: readonly TeamMember[],
  window: Period,
  today: IsoDate,
  targets: StrategyTargets | null = null,
  managerIds?: readonly string[],
  sellerIds?: readonly string[]
): CoachingQuality[] {
  const onlySellers = sellerIds ? new Set(sellerIds) : null;
  const sellersByManager = new Map<string, Set<string>>();
  for (const member of team) {
    if (!member.ManagerId || (onlySellers && !onlySellers.has(member.Id))) {
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

/**
 * The review header's coaching KPI: sessions in the window with one of the team's sellers (from
 * any coach) / those sellers / months in the window (`monthsIn`). Only the sellers count: the
 * reviewing manager and managers below are never sellers of a level above. Blank without sellers
 * or without a month.
 */
export function coachingSessionsPerSellerPerMonth(
  sessions: readonly CoachingSession[],
  sellerIds: readonly string[],
  window: Period
): number | null {
  const sellers = new Set(sellerIds);
  const first = dayNumber(window.start);
  const last = dayNumber(window.end);
  let count = 0;
  for (const session of sessions) {
    const day = dayNumber(session.Session_Date__c);
    if (sellers.has(session.Seller__c) && day >= first && day <= last) {
      count++;
    }
  }
  const perSeller = ratio(count, sellers.size);
  return perSeller === null ? null : ratio(perSeller, monthsIn(window));
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

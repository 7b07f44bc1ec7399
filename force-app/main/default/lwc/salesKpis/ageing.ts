import type { Deal, IsoDate, IsoDateTime } from './facts';
import type { HistoryIndex } from './history';
import { dayNumber, dayOfInstant, utcDayOf } from './periods';
import { amountOf, ratio } from './ratios';

/**
 * Stage age: days since the deal entered its current stage. Source: the stored
 * `Stage_Entered_On__c`; when blank, the latest StageName change in the history supplied. Null
 * when neither is known: the creation date is not a safe fallback because the history supplied
 * may start after the last stage change.
 */
export function stageAge(deal: Deal, today: IsoDate, history?: HistoryIndex): number | null {
  if (deal.Stage_Entered_On__c) {
    return dayNumber(today) - dayNumber(deal.Stage_Entered_On__c);
  }
  const changes = history?.get(deal.Id);
  if (changes) {
    for (let i = changes.rows.length - 1; i >= 0; i--) {
      if (changes.rows[i].Field === 'StageName') {
        return dayNumber(today) - dayOfInstant(changes.at[i]);
      }
    }
  }
  return null;
}

/** Ageing of the open deals in one stage. */
export interface StageAgeing {
  stageName: string;
  count: number;
  amount: number;
  /** Mean stage age of the deals whose age is known. */
  averageAgeDays: number | null;
  maxAgeDays: number | null;
  /** Deals whose stage age is unknown. */
  unknownAgeCount: number;
}

/**
 * Stage ageing of open deals (already restricted to a period), one row per stage, in the order
 * of `stageOrder` (the org's stage order) and then alphabetically for stages it does not list.
 */
export function computeStageAgeing(
  deals: readonly Deal[],
  today: IsoDate,
  history?: HistoryIndex,
  stageOrder: readonly string[] = []
): StageAgeing[] {
  const rows = new Map<string, StageAgeing & { ageSum: number; aged: number }>();
  for (const deal of deals) {
    if (deal.IsClosed) {
      continue;
    }
    let row = rows.get(deal.StageName);
    if (!row) {
      row = {
        stageName: deal.StageName,
        count: 0,
        amount: 0,
        averageAgeDays: null,
        maxAgeDays: null,
        unknownAgeCount: 0,
        ageSum: 0,
        aged: 0
      };
      rows.set(deal.StageName, row);
    }
    row.count++;
    row.amount += amountOf(deal.Amount);
    const age = stageAge(deal, today, history);
    if (age === null) {
      row.unknownAgeCount++;
    } else {
      row.ageSum += age;
      row.aged++;
      row.maxAgeDays = row.maxAgeDays === null ? age : Math.max(row.maxAgeDays, age);
    }
  }
  const rank = (stage: string): number => {
    const index = stageOrder.indexOf(stage);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return [...rows.values()]
    .sort((a, b) => rank(a.stageName) - rank(b.stageName) || a.stageName.localeCompare(b.stageName))
    .map(({ ageSum, aged, ...row }) => ({ ...row, averageAgeDays: ratio(ageSum, aged) }));
}

/** The fields of one deal its record page's ageing tiles read (LDS `getRecord` values). */
export interface DealAgeingFacts {
  CloseDate?: IsoDate | null;
  IsClosed?: boolean | null;
  Original_Close_Date__c?: IsoDate | null;
  Stage_Entered_On__c?: IsoDate | null;
  CreatedDate?: IsoDateTime | null;
}

/** A deal's ageing on its record page, in days; null where a date is unknown. */
export interface DealAgeing {
  /** Days since it entered its current stage. */
  daysInStage: number | null;
  /** Days since the UTC date of its creation. */
  age: number | null;
  /** Close date minus the original close date (negative when pulled in). */
  slipDays: number | null;
}

/**
 * One deal's ageing as of `today`, the org's today (the running user's, as Apex `Date.today()`
 * gives it), never the machine's clock. A closed deal stops ageing at its close date (at today
 * when the close date is still ahead), as the cycle length counts to the close date; ageing is
 * never below 0 days (a stage entered after a backdated close date).
 */
export function dealAgeing(deal: DealAgeingFacts, today: IsoDate): DealAgeing {
  const closeDay = deal.CloseDate ? dayNumber(deal.CloseDate) : null;
  const todayDay = dayNumber(today);
  const asOf =
    deal.IsClosed === true && closeDay !== null ? Math.min(closeDay, todayDay) : todayDay;
  const since = (day: number | null): number | null =>
    day === null ? null : Math.max(0, asOf - day);
  return {
    daysInStage: since(deal.Stage_Entered_On__c ? dayNumber(deal.Stage_Entered_On__c) : null),
    age: since(deal.CreatedDate ? utcDayOf(deal.CreatedDate) : null),
    slipDays:
      deal.Original_Close_Date__c && closeDay !== null
        ? closeDay - dayNumber(deal.Original_Close_Date__c)
        : null
  };
}

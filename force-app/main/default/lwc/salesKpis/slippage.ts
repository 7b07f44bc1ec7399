import type { Deal, IsoDate } from './facts';
import type { DealHistory, HistoryIndex, StageCatalog } from './history';
import { stateBefore } from './history';
import { dayNumber, endOfDayInstant } from './periods';
import type { Period } from './periods';
import { amountOf, ratio } from './ratios';

/** A close-date change read from history. */
export interface CloseDateMove {
  at: number;
  from: IsoDate;
  to: IsoDate;
  /** Positive for a push (later date), negative for a pull-in. */
  days: number;
}

function dateText(value: string | number | null): IsoDate | null {
  if (value === null || value === '') {
    return null;
  }
  const text = String(value).slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
}

/** The close-date changes of one deal, in time order; rows with a blank side are skipped. */
export function closeDateMoves(history: DealHistory | undefined): CloseDateMove[] {
  const moves: CloseDateMove[] = [];
  if (!history) {
    return moves;
  }
  history.rows.forEach((row, i) => {
    if (row.Field !== 'CloseDate') {
      return;
    }
    const from = dateText(row.OldValue);
    const to = dateText(row.NewValue);
    if (from && to && from !== to) {
      moves.push({ at: history.at[i], from, to, days: dayNumber(to) - dayNumber(from) });
    }
  });
  return moves;
}

/** Slippage of a period's deals over a window of history. */
export interface SlippageKpis {
  /** Close-date changes to a later date made on or after `since` (every change counts). */
  pushes: number;
  /** Deals pushed at least once on or after `since`, and their current amount. */
  pushedDeals: number;
  pushedAmount: number;
  /** Mean days a push moved the close date. */
  averagePushDays: number | null;
  /** Close-date changes to an earlier date made on or after `since`. */
  pullIns: number;
  pulledInDeals: number;
  pulledInAmount: number;
  /** Open at the start of `since` with a close date in the period; now open after its end. */
  movedOutDeals: number;
  movedOutAmount: number;
  /** Open deals of the period with a stored lifetime push count of 2 or more. */
  repeatedlyPushedDeals: number;
  /** Share of the period's open deals pushed at least once in their life (stored count). */
  shareOfOpenDealsPushed: number | null;
}

/**
 * Slippage for a period: close-date pushes and pull-ins made on or after `since` (default: the
 * period's start) to deals whose close date was in the period at the start of `since` or is in it
 * now, plus the deals that moved out of the period (open in it at the start of `since`, still
 * open and after its end now; a deal that moved out and was then closed is counted as closed, not
 * as slipped). The lifetime figures use the stored push count.
 */
export function computeSlippage(
  deals: readonly Deal[],
  history: HistoryIndex,
  period: Period,
  catalog: StageCatalog,
  since: IsoDate = period.start
): SlippageKpis {
  const start = dayNumber(period.start);
  const end = dayNumber(period.end);
  const sinceDay = dayNumber(since);
  const startOfSince = endOfDayInstant(sinceDay - 1);
  const result: SlippageKpis = {
    pushes: 0,
    pushedDeals: 0,
    pushedAmount: 0,
    averagePushDays: null,
    pullIns: 0,
    pulledInDeals: 0,
    pulledInAmount: 0,
    movedOutDeals: 0,
    movedOutAmount: 0,
    repeatedlyPushedDeals: 0,
    shareOfOpenDealsPushed: null
  };
  let pushDays = 0;
  let openInPeriod = 0;
  let openEverPushed = 0;
  for (const deal of deals) {
    const close = dayNumber(deal.CloseDate);
    const inPeriodNow = close >= start && close <= end;
    const changes = history.get(deal.Id);
    if (inPeriodNow && !deal.IsClosed) {
      openInPeriod++;
      const stored = deal.Close_Date_Push_Count__c ?? 0;
      if (stored >= 1) {
        openEverPushed++;
      }
      if (stored >= 2) {
        result.repeatedlyPushedDeals++;
      }
    }
    if (!changes && !inPeriodNow) {
      continue;
    }
    const then = changes ? stateBefore(deal, changes, startOfSince, catalog) : null;
    const closeThen = then ? dayNumber(then.CloseDate) : null;
    const inPeriodThen = closeThen !== null && closeThen >= start && closeThen <= end;
    if (!inPeriodNow && !inPeriodThen) {
      continue;
    }
    const amount = amountOf(deal.Amount);
    let pushed = false;
    let pulled = false;
    for (const move of closeDateMoves(changes)) {
      if (move.at < startOfSince) {
        continue;
      }
      if (move.days > 0) {
        result.pushes++;
        pushDays += move.days;
        pushed = true;
      } else {
        result.pullIns++;
        pulled = true;
      }
    }
    if (pushed) {
      result.pushedDeals++;
      result.pushedAmount += amount;
    }
    if (pulled) {
      result.pulledInDeals++;
      result.pulledInAmount += amount;
    }
    if (then && !then.IsClosed && inPeriodThen && !deal.IsClosed && close > end) {
      result.movedOutDeals++;
      result.movedOutAmount += amount;
    }
  }
  result.averagePushDays = ratio(pushDays, result.pushes);
  result.shareOfOpenDealsPushed = ratio(openEverPushed, openInPeriod);
  return result;
}

import type { Deal, IsoDate } from './facts';
import { forecastRollup } from './forecast';
import type { ForecastRollup } from './forecast';
import { currentState, stateBefore } from './history';
import type { DealState, HistoryIndex, StageCatalog } from './history';
import { dayNumber, endOfDayInstant } from './periods';
import type { Period } from './periods';
import { amountOf, ratio } from './ratios';

/** A count of deals and their amount. */
export interface Tally {
  count: number;
  amount: number;
}

/** The pipeline of a period as it stood at some moment. */
export interface PipelineSnapshot {
  /** Deals that existed then, with their values then, whose close date then was in the period. */
  deals: DealState[];
  openCount: number;
  openPipeline: number;
  weightedPipeline: number;
  rollup: ForecastRollup;
}

function isOpenIn(state: DealState | null, start: number, end: number): state is DealState {
  if (!state || state.IsClosed) {
    return false;
  }
  const close = dayNumber(state.CloseDate);
  return close >= start && close <= end;
}

function closesIn(state: DealState | null, start: number, end: number): boolean {
  if (!state) {
    return false;
  }
  const close = dayNumber(state.CloseDate);
  return close >= start && close <= end;
}

function snapshotOf(states: DealState[]): PipelineSnapshot {
  let openCount = 0;
  let openPipeline = 0;
  let weightedPipeline = 0;
  for (const state of states) {
    if (!state.IsClosed) {
      const amount = amountOf(state.Amount);
      openCount++;
      openPipeline += amount;
      weightedPipeline += (amount * amountOf(state.Probability)) / 100;
    }
  }
  return {
    deals: states,
    openCount,
    openPipeline,
    weightedPipeline,
    rollup: forecastRollup(states)
  };
}

/**
 * The pipeline of a period as it stood at the end of day `date` (UTC): each deal's stage,
 * amount, close date and forecast category then, rebuilt from history (see `history.ts`).
 * Deals created later are absent; a deal is in the period when its close date then was in it.
 */
export function pipelineAsOf(
  deals: readonly Deal[],
  history: HistoryIndex,
  date: IsoDate,
  period: Period,
  catalog: StageCatalog
): PipelineSnapshot {
  const start = dayNumber(period.start);
  const end = dayNumber(period.end);
  const endOfDate = endOfDayInstant(dayNumber(date));
  const states: DealState[] = [];
  for (const deal of deals) {
    const state = stateBefore(deal, history.get(deal.Id), endOfDate, catalog);
    if (state && closesIn(state, start, end)) {
      states.push(state);
    }
  }
  return snapshotOf(states);
}

/**
 * How the open pipeline of the period moved from the start of D to now. Unlike the change
 * flags, the bridge is a partition (each deal lands in exactly one line), so
 * `opening + newDeals + movedIn + amountChange - won - lost - movedOut - movedEarlier = closing`
 * holds to the cent. Deals leaving the pipeline leave at their amount as of D; their amount
 * changes since D are part of the exit, not of `amountChange`.
 */
export interface PipelineBridge {
  /** Open pipeline of the period at the start of D (= the end of the day before D). */
  opening: number;
  /** Created on or after D and open in the period now. */
  newDeals: number;
  /** Existed before D, not open in the period then, open in it now (close date moved in, or reopened). */
  movedIn: number;
  /** Net amount change of deals open in the period then and now. */
  amountChange: number;
  /** Open in the period then, won now (amount as of D). */
  won: number;
  /** Open in the period then, lost now (amount as of D). */
  lost: number;
  /** Open in the period then, still open with a close date after the period now. */
  movedOut: number;
  /** Open in the period then, still open with a close date before the period now. */
  movedEarlier: number;
  /** Open pipeline of the period now. */
  closing: number;
}

/** The kinds of change since D, each a tally of `ChangesSince` and a filter of the review. */
export type ChangeKind =
  | 'newDeals'
  | 'won'
  | 'lost'
  | 'pushed'
  | 'pulledIn'
  | 'movedIn'
  | 'movedOut'
  | 'amountUp'
  | 'amountDown';

/** Every change kind, in the order the review lists them. */
export const CHANGE_KINDS: readonly ChangeKind[] = [
  'newDeals',
  'won',
  'lost',
  'pushed',
  'pulledIn',
  'movedIn',
  'movedOut',
  'amountUp',
  'amountDown'
];

/**
 * One deal's changes since D: the tallies it counts in, and its values at the start of D (null
 * for a deal created on or after D), so a table can show each changed cell's previous value.
 */
export interface DealChange {
  id: string;
  kinds: ChangeKind[];
  before: Pick<DealState, 'Amount' | 'CloseDate' | 'StageName' | 'ForecastCategoryName'> | null;
}

/** Changes since date D (KPI_DEFINITIONS.md), with count and amount each. */
export interface ChangesSince {
  since: IsoDate;
  /** Created on or after D, close date in the period now; current amount. */
  newDeals: Tally;
  /** Won now, not won at the start of D, close date in the period now; current amount. */
  won: Tally;
  /** Lost now, not lost at the start of D, close date in the period now; current amount. */
  lost: Tally;
  /** Close date later now than at the start of D (net); current amount. */
  pushed: Tally;
  /** Close date earlier now than at the start of D (net); current amount. */
  pulledIn: Tally;
  /** Amount higher now than at the start of D; the amount is the sum of the increases. */
  amountUp: Tally;
  /** Amount lower now than at the start of D; the amount is the sum of the decreases (positive). */
  amountDown: Tally;
  /** Open with a close date in the period at the start of D, close date after the period now. */
  movedOut: Tally;
  /** Not open in the period at the start of D (but existed), open in it now. */
  movedIn: Tally;
  bridge: PipelineBridge;
  /** The deals counted in at least one tally, in input order; their sum per kind is the tally. */
  deals: DealChange[];
}

function emptyTally(): Tally {
  return { count: 0, amount: 0 };
}

function add(tally: Tally, amount: number, kinds: ChangeKind[], kind: ChangeKind): void {
  tally.count++;
  tally.amount += amount;
  kinds.push(kind);
}

/**
 * Changes since date D for the deals of a period, reconstructed from history.
 *
 * Choices, all in the contract's words "on or after D": every change made on D itself counts, so
 * the baseline is the deal as it stood at the *start* of D (the end of the day before). This is
 * why the bridge opens with `pipelineAsOf(D - 1 day)`, while "the pipeline as of D" shown next to
 * the changes is the end of D (`pipelineAsOf(D)`), as the contract defines it.
 *
 * A deal is considered when its close date was in the period at the start of D or is in it now.
 * Pushed, pulled in, amount up and amount down compare the value at the start of D with today's
 * (net per deal: pushed and pulled back to the same date is neither); they apply to deals that
 * existed before D, whatever their status. "Moved out" needs the deal to have been open in the
 * period at the start of D. The flags overlap (a deal can be pushed and amount down), as in
 * Pipeline Inspection; the bridge does not.
 */
export function changesSince(
  deals: readonly Deal[],
  history: HistoryIndex,
  since: IsoDate,
  period: Period,
  catalog: StageCatalog
): ChangesSince {
  const start = dayNumber(period.start);
  const end = dayNumber(period.end);
  const result: ChangesSince = {
    since,
    newDeals: emptyTally(),
    won: emptyTally(),
    lost: emptyTally(),
    pushed: emptyTally(),
    pulledIn: emptyTally(),
    amountUp: emptyTally(),
    amountDown: emptyTally(),
    movedOut: emptyTally(),
    movedIn: emptyTally(),
    bridge: {
      opening: 0,
      newDeals: 0,
      movedIn: 0,
      amountChange: 0,
      won: 0,
      lost: 0,
      movedOut: 0,
      movedEarlier: 0,
      closing: 0
    },
    deals: []
  };
  const bridge = result.bridge;
  const startOfSince = endOfDayInstant(dayNumber(since) - 1);
  for (const deal of deals) {
    const now = currentState(deal);
    const inPeriodNow = closesIn(now, start, end);
    const changes = history.get(deal.Id);
    const then = stateBefore(deal, changes, startOfSince, catalog);
    const inPeriodThen = closesIn(then, start, end);
    if (!inPeriodNow && !inPeriodThen) {
      continue;
    }
    const amountNow = amountOf(now.Amount);
    const openThen = isOpenIn(then, start, end);
    const openNow = isOpenIn(now, start, end);

    if (openThen) {
      bridge.opening += amountOf(then.Amount);
    }
    if (openNow) {
      bridge.closing += amountNow;
    }

    const kinds: ChangeKind[] = [];
    if (!then) {
      if (inPeriodNow) {
        add(result.newDeals, amountNow, kinds, 'newDeals');
        if (now.IsWon) {
          add(result.won, amountNow, kinds, 'won');
        } else if (now.IsClosed) {
          add(result.lost, amountNow, kinds, 'lost');
        }
        result.deals.push({ id: deal.Id, kinds, before: null });
      }
      if (openNow) {
        bridge.newDeals += amountNow;
      }
      continue;
    }

    const amountThen = amountOf(then.Amount);
    if (inPeriodNow && now.IsWon && !then.IsWon) {
      add(result.won, amountNow, kinds, 'won');
    } else if (inPeriodNow && now.IsClosed && !now.IsWon && !(then.IsClosed && !then.IsWon)) {
      add(result.lost, amountNow, kinds, 'lost');
    }
    const closeThen = dayNumber(then.CloseDate);
    const closeNow = dayNumber(now.CloseDate);
    if (closeNow > closeThen) {
      add(result.pushed, amountNow, kinds, 'pushed');
    } else if (closeNow < closeThen) {
      add(result.pulledIn, amountNow, kinds, 'pulledIn');
    }
    if (amountNow > amountThen) {
      add(result.amountUp, amountNow - amountThen, kinds, 'amountUp');
    } else if (amountNow < amountThen) {
      add(result.amountDown, amountThen - amountNow, kinds, 'amountDown');
    }
    if (openThen && closeNow > end) {
      add(result.movedOut, amountNow, kinds, 'movedOut');
    }
    if (!openThen && openNow) {
      add(result.movedIn, amountNow, kinds, 'movedIn');
    }
    if (kinds.length > 0) {
      result.deals.push({
        id: deal.Id,
        kinds,
        before: {
          Amount: then.Amount,
          CloseDate: then.CloseDate,
          StageName: then.StageName,
          ForecastCategoryName: then.ForecastCategoryName
        }
      });
    }

    if (openThen && openNow) {
      bridge.amountChange += amountNow - amountThen;
    } else if (openThen) {
      if (now.IsWon) {
        bridge.won += amountThen;
      } else if (now.IsClosed) {
        bridge.lost += amountThen;
      } else if (closeNow > end) {
        bridge.movedOut += amountThen;
      } else {
        bridge.movedEarlier += amountThen;
      }
    } else if (openNow) {
      bridge.movedIn += amountNow;
    }
  }
  return result;
}

/** Forecast accuracy of a closed period (KPI_DEFINITIONS.md). */
export interface ForecastAccuracy {
  /** Commit roll-up (won + open Commit) of the period as it stood at the end of its first day. */
  commitAtStart: number;
  /** Closed won of the period now. */
  closedWon: number;
  /**
   * 1 - |commit at start - closed won| / closed won. Not clamped: a commit more than twice the
   * result gives a negative accuracy, which is what the formula says. Null when nothing was won
   * or the period has not ended before `today`.
   */
  accuracy: number | null;
}

/**
 * Forecast accuracy of a period that ended before `today`. "As of the period's first day" is read
 * like "as of D" elsewhere: the end of that day (UTC). Needs history from the period's first day.
 */
export function forecastAccuracy(
  deals: readonly Deal[],
  history: HistoryIndex,
  period: Period,
  today: IsoDate,
  catalog: StageCatalog
): ForecastAccuracy {
  const start = dayNumber(period.start);
  const end = dayNumber(period.end);
  const commitAtStart = pipelineAsOf(deals, history, period.start, period, catalog).rollup.commit;
  let closedWon = 0;
  for (const deal of deals) {
    const close = dayNumber(deal.CloseDate);
    if (deal.IsWon && close >= start && close <= end) {
      closedWon += amountOf(deal.Amount);
    }
  }
  const closed = end < dayNumber(today);
  const error = ratio(Math.abs(commitAtStart - closedWon), closedWon);
  return {
    commitAtStart,
    closedWon,
    accuracy: closed && error !== null ? 1 - error : null
  };
}

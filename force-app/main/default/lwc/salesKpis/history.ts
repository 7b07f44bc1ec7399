import type {
  Deal,
  ForecastCategoryName,
  IsoDate,
  OpportunityHistoryRow,
  OpportunityStageFact
} from './facts';
import { dayNumber, endOfDayInstant, instantOf } from './periods';

/**
 * Reconstruction of deals as they stood at an earlier moment from `OpportunityFieldHistory`.
 * The current record is the truth; history is replayed backwards: a field's value at instant T is
 * the `OldValue` of its first change made at or after T, or the current value when it has not
 * changed since. This needs only the history rows made after T, which is what the Apex selector
 * returns ("history since a date"), and it costs one pass over those rows.
 */

/** The fields of a deal that change over time, as they stood at some moment. */
export interface DealState {
  Id: string;
  OwnerId: string;
  StageName: string;
  Amount: number | null;
  Probability: number | null;
  CloseDate: IsoDate;
  ForecastCategoryName: ForecastCategoryName;
  IsClosed: boolean;
  IsWon: boolean;
}

/**
 * One deal's history rows of the tracked fields in time order, with each row's instant parsed
 * once (`at[i]` belongs to `rows[i]`). The input rows are kept as they are, not copied: indexing
 * 50,000 rows then costs one small array pair per deal instead of an object per row.
 */
export interface DealHistory {
  rows: OpportunityHistoryRow[];
  at: number[];
}

/** History grouped by deal. */
export type HistoryIndex = ReadonlyMap<string, DealHistory>;

const TRACKED_FIELDS = new Set(['StageName', 'Amount', 'CloseDate', 'ForecastCategoryName']);

/**
 * Groups history rows by deal in time order (Salesforce returns history newest first, so any
 * order is accepted). Rows of untracked fields and `created` rows are dropped: creation is read
 * from the deal's own CreatedDate.
 *
 * Rows of one field with the same timestamp (two saves within the same second) are put in an
 * order in which their values chain: each row's OldValue is the previous row's NewValue, and the
 * last NewValue is the value the field had next (the following row's OldValue, or the deal's
 * current value when `deals` are given). The input order is kept when it chains already, and when
 * no order does (inconsistent history).
 */
export function indexHistory(
  rows: readonly OpportunityHistoryRow[],
  deals: readonly Deal[] = []
): HistoryIndex {
  const byDeal = new Map<string, DealHistory>();
  for (const row of rows) {
    if (!TRACKED_FIELDS.has(row.Field)) {
      continue;
    }
    const at = instantOf(row.CreatedDate);
    const history = byDeal.get(row.OpportunityId);
    if (history) {
      history.rows.push(row);
      history.at.push(at);
    } else {
      byDeal.set(row.OpportunityId, { rows: [row], at: [at] });
    }
  }
  const current = new Map(deals.map((deal) => [deal.Id, deal]));
  for (const [dealId, history] of byDeal) {
    sortChronologically(history);
    if (hasSameInstantField(history)) {
      chainSameInstantChanges(history, current.get(dealId));
    }
  }
  return byDeal;
}

function sortChronologically(history: DealHistory): void {
  const { rows, at } = history;
  for (let i = 1; i < at.length; i++) {
    if (at[i] < at[i - 1]) {
      const order = at.map((_, index) => index).sort((x, y) => at[x] - at[y] || x - y);
      history.rows = order.map((index) => rows[index]);
      history.at = order.map((index) => at[index]);
      return;
    }
  }
}

function hasSameInstantField(history: DealHistory): boolean {
  const { rows, at } = history;
  for (let i = 1; i < at.length; i++) {
    for (let j = i - 1; j >= 0 && at[j] === at[i]; j--) {
      if (rows[j].Field === rows[i].Field) {
        return true;
      }
    }
  }
  return false;
}

function sameValue(a: string | number | null, b: unknown): boolean {
  return a === null || b === null || b === undefined ? a === (b ?? null) : String(a) === String(b);
}

/** Upper bound of the search for one group's order: groups are a handful of rows. */
const CHAIN_SEARCH_STEPS = 10_000;

function chainsInOrder(group: readonly OpportunityHistoryRow[], after: unknown): boolean {
  for (let i = 1; i < group.length; i++) {
    if (!sameValue(group[i].OldValue, group[i - 1].NewValue)) {
      return false;
    }
  }
  return after === undefined || sameValue(group[group.length - 1].NewValue, after);
}

/**
 * An order of one field's same-instant rows in which every row continues from the one before and
 * the last ends at `after` (unknown: undefined), or null when none exists within the search
 * bound. The given order wins when it already chains.
 */
function chainOrder(
  group: readonly OpportunityHistoryRow[],
  after: unknown
): OpportunityHistoryRow[] | null {
  if (group.length < 2 || chainsInOrder(group, after)) {
    return [...group];
  }
  const used = group.map(() => false);
  const chain: OpportunityHistoryRow[] = [];
  let steps = 0;
  const extend = (target: unknown): boolean => {
    if (chain.length === group.length) {
      return true;
    }
    for (let i = 0; i < group.length; i++) {
      if (used[i] || (target !== undefined && !sameValue(group[i].NewValue, target))) {
        continue;
      }
      if (++steps > CHAIN_SEARCH_STEPS) {
        return false;
      }
      used[i] = true;
      chain.unshift(group[i]);
      if (extend(group[i].OldValue)) {
        return true;
      }
      used[i] = false;
      chain.shift();
    }
    return false;
  };
  return extend(after) && chainsInOrder(chain, after) ? chain : null;
}

/**
 * Reorders, field by field from the newest rows back, each group of same-instant rows so that
 * their values chain into the value the field had next. Positions of other fields' rows and the
 * instants stay as they are.
 */
function chainSameInstantChanges(history: DealHistory, deal: Deal | undefined): void {
  const { rows, at } = history;
  const next = new Map<string, string | number | null | undefined>();
  for (const field of TRACKED_FIELDS) {
    next.set(
      field,
      deal ? (deal as unknown as Record<string, string | number | null>)[field] : undefined
    );
  }
  let end = rows.length - 1;
  while (end >= 0) {
    let start = end;
    while (start > 0 && at[start - 1] === at[end]) {
      start--;
    }
    for (const field of TRACKED_FIELDS) {
      const slots: number[] = [];
      for (let i = start; i <= end; i++) {
        if (rows[i].Field === field) {
          slots.push(i);
        }
      }
      if (slots.length === 0) {
        continue;
      }
      const group = slots.map((slot) => rows[slot]);
      const ordered = chainOrder(group, next.get(field)) ?? group;
      slots.forEach((slot, k) => {
        rows[slot] = ordered[k];
      });
      next.set(field, ordered[0].OldValue);
    }
    end = start - 1;
  }
}

interface StageInfo {
  IsClosed: boolean;
  IsWon: boolean;
  DefaultProbability: number | null;
  ForecastCategoryName: ForecastCategoryName | null;
}

/**
 * What each stage means (closed? won?), needed because history records only the stage name.
 * Sources in order: the org's `OpportunityStage` rows; the current deals (a deal in a stage tells
 * whether that stage is closed and won); and, for a stage seen nowhere else, its name: a name
 * containing "won" is closed won, one containing "lost" is closed lost, anything else is open.
 */
export class StageCatalog {
  private readonly stages = new Map<string, StageInfo>();

  constructor(stages: readonly OpportunityStageFact[] = [], deals: readonly Deal[] = []) {
    for (const stage of stages) {
      this.stages.set(stage.ApiName, {
        IsClosed: stage.IsClosed,
        IsWon: stage.IsWon,
        DefaultProbability: stage.DefaultProbability ?? null,
        ForecastCategoryName: stage.ForecastCategoryName ?? null
      });
    }
    for (const deal of deals) {
      if (!this.stages.has(deal.StageName)) {
        this.stages.set(deal.StageName, {
          IsClosed: deal.IsClosed,
          IsWon: deal.IsWon,
          DefaultProbability: null,
          ForecastCategoryName: null
        });
      }
    }
  }

  describe(stageName: string): StageInfo {
    const known = this.stages.get(stageName);
    if (known) {
      return known;
    }
    const lower = stageName.toLowerCase();
    const won = lower.includes('won');
    const lost = !won && lower.includes('lost');
    return {
      IsClosed: won || lost,
      IsWon: won,
      DefaultProbability: null,
      ForecastCategoryName: null
    };
  }
}

/** The current record as a state. */
export function currentState(deal: Deal): DealState {
  return {
    Id: deal.Id,
    OwnerId: deal.OwnerId,
    StageName: deal.StageName,
    Amount: deal.Amount,
    Probability: deal.Probability,
    CloseDate: deal.CloseDate,
    ForecastCategoryName: deal.ForecastCategoryName,
    IsClosed: deal.IsClosed,
    IsWon: deal.IsWon
  };
}

function textValue(value: string | number | null): string | null {
  if (value === null || value === '') {
    return null;
  }
  return String(value);
}

function amountValue(value: string | number | null): number | null {
  if (value === null || value === '') {
    return null;
  }
  const parsed = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/** The earliest change of each tracked field at or after an instant, and whether any exists. */
interface FirstChanges {
  any: boolean;
  stage: OpportunityHistoryRow | null;
  amount: OpportunityHistoryRow | null;
  close: OpportunityHistoryRow | null;
  category: OpportunityHistoryRow | null;
  categoryTracked: boolean;
}

/** One scan of a deal's history. */
function firstChangesFrom(history: DealHistory | undefined, instant: number): FirstChanges {
  const first: FirstChanges = {
    any: false,
    stage: null,
    amount: null,
    close: null,
    category: null,
    categoryTracked: false
  };
  if (!history) {
    return first;
  }
  const { rows, at } = history;
  for (let i = 0; i < rows.length; i++) {
    const field = rows[i].Field;
    if (field === 'ForecastCategoryName') {
      first.categoryTracked = true;
    }
    if (at[i] < instant) {
      continue;
    }
    first.any = true;
    if (field === 'StageName') {
      if (!first.stage) {
        first.stage = rows[i];
      }
    } else if (field === 'Amount') {
      if (!first.amount) {
        first.amount = rows[i];
      }
    } else if (field === 'CloseDate') {
      if (!first.close) {
        first.close = rows[i];
      }
    } else if (field === 'ForecastCategoryName') {
      if (!first.category) {
        first.category = rows[i];
      }
    }
  }
  return first;
}

/**
 * The deal as it stood just before `instant` (milliseconds since the epoch), or null when it did
 * not exist yet (created at or after `instant`).
 *
 * Probability is not in field history: when the stage then differs from today's, the stage's
 * default probability is used (if the catalog knows it), otherwise today's probability.
 *
 * The forecast category then is read from its own history. Choice, for orgs that do not track
 * the field: when the deal has no ForecastCategoryName row at all in the history supplied and its
 * stage then differed from today's, the category is that stage's default (Salesforce resets the
 * category on every stage change). A deal with category rows has its category tracked, so a stage
 * change without a category row means the category did not change.
 */
export function stateBefore(
  deal: Deal,
  changes: DealHistory | undefined,
  instant: number,
  catalog: StageCatalog
): DealState | null {
  if (instantOf(deal.CreatedDate) >= instant) {
    return null;
  }
  const first = firstChangesFrom(changes, instant);
  if (!first.any) {
    return currentState(deal);
  }
  const stageChange = first.stage;
  const stageName = stageChange
    ? (textValue(stageChange.OldValue) ?? deal.StageName)
    : deal.StageName;
  const stageDiffers = stageName !== deal.StageName;
  const info = stageDiffers ? catalog.describe(stageName) : null;

  const amountChange = first.amount;
  const closeChange = first.close;
  const categoryChange = first.category;
  const closeThen = closeChange ? textValue(closeChange.OldValue) : null;

  let category: ForecastCategoryName = deal.ForecastCategoryName;
  if (categoryChange) {
    category = (textValue(categoryChange.OldValue) ??
      deal.ForecastCategoryName) as ForecastCategoryName;
  } else if (!first.categoryTracked && info?.ForecastCategoryName) {
    category = info.ForecastCategoryName;
  }

  return {
    Id: deal.Id,
    OwnerId: deal.OwnerId,
    StageName: stageName,
    Amount: amountChange ? amountValue(amountChange.OldValue) : deal.Amount,
    Probability:
      info && info.DefaultProbability !== null ? info.DefaultProbability : deal.Probability,
    CloseDate: closeThen ? closeThen.slice(0, 10) : deal.CloseDate,
    ForecastCategoryName: category,
    IsClosed: info ? info.IsClosed : deal.IsClosed,
    IsWon: info ? info.IsWon : deal.IsWon
  };
}

/** The deal as it stood at the end of day `date` (UTC), or null when created later. */
export function stateAtEndOf(
  deal: Deal,
  changes: DealHistory | undefined,
  date: IsoDate,
  catalog: StageCatalog
): DealState | null {
  return stateBefore(deal, changes, endOfDayInstant(dayNumber(date)), catalog);
}

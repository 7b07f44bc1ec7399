import { STAGES } from './constants';
import { dateTime, type IsoDate } from './dates';
import type {
  OpportunityFieldChange,
  OpportunityHistory,
  OpportunitySnapshot,
  TrackedOpportunityField,
  UserKey
} from './model';

/** The tracked state of a deal: what OpportunityHistory snapshots on every save. */
export interface DealState {
  readonly stageName: string;
  readonly amount: number | null;
  readonly closeDate: IsoDate;
  readonly forecastCategory: string;
}

/** One save after creation that changed some tracked fields. */
export interface DealSave {
  readonly on: IsoDate;
  readonly set: Partial<DealState>;
}

export interface DealTimeline {
  readonly createdOn: IsoDate;
  readonly initial: DealState;
  /** In chronological order. */
  readonly saves: readonly DealSave[];
}

/** The fact fields Apex maintains on Opportunity, as they stand after the last save. */
export interface OpportunityFacts {
  readonly state: DealState;
  readonly closeDatePushCount: number;
  readonly originalCloseDate: IsoDate;
  readonly stageEnteredOn: IsoDate;
  readonly previousAmount: number | null;
  readonly amountChangedOn: IsoDate | null;
}

const CREATED_AT_MINUTE = 9 * 60;
const FIRST_SAVE_MINUTE = 10 * 60;
const MINUTES_BETWEEN_SAVES = 7;

const FIELD_OF: ReadonlyArray<readonly [keyof DealState, TrackedOpportunityField]> = [
  ['stageName', 'StageName'],
  ['amount', 'Amount'],
  ['closeDate', 'CloseDate'],
  ['forecastCategory', 'ForecastCategoryName']
];

export function probabilityOf(stageName: string): number {
  const stage = STAGES.find((candidate) => candidate.name === stageName);
  if (!stage) {
    throw new Error(`unknown stage ${stageName}`);
  }
  return stage.probability;
}

/**
 * Replays a timeline into the rows a real org would have recorded: one OpportunityHistory
 * snapshot per save and one OpportunityFieldHistory row per changed field (plus `created`), each
 * field-history row saved by `savedBy` (the deal's owner works the deal). Saves on the same day
 * get increasing times so the order survives sorting by timestamp.
 */
export function recordHistory(
  referenceId: string,
  timeline: DealTimeline,
  savedBy: UserKey
): OpportunityHistory {
  const createdAt = dateTime(timeline.createdOn, CREATED_AT_MINUTE);
  const snapshots: OpportunitySnapshot[] = [snapshotOf(createdAt, timeline.initial)];
  const fieldChanges: OpportunityFieldChange[] = [
    { createdDate: createdAt, createdBy: savedBy, field: 'created', oldValue: null, newValue: null }
  ];
  let state = timeline.initial;
  let previousDay = timeline.createdOn;
  let savesThatDay = 0;
  for (const save of timeline.saves) {
    if (save.on < previousDay) {
      throw new Error(`${referenceId}: saves out of order (${save.on} after ${previousDay})`);
    }
    const next: DealState = { ...state, ...save.set };
    const changed = FIELD_OF.filter(([key]) => next[key] !== state[key]);
    if (changed.length === 0) {
      continue; // a save that changes no tracked field leaves no history row
    }
    savesThatDay = save.on === previousDay ? savesThatDay + 1 : 0;
    previousDay = save.on;
    const at = dateTime(save.on, FIRST_SAVE_MINUTE + savesThatDay * MINUTES_BETWEEN_SAVES);
    for (const [key, field] of changed) {
      fieldChanges.push({
        createdDate: at,
        createdBy: savedBy,
        field,
        oldValue: state[key],
        newValue: next[key]
      });
    }
    snapshots.push(snapshotOf(at, next));
    state = next;
  }
  return { referenceId, createdDate: createdAt, snapshots, fieldChanges };
}

/** Derives the fact fields from the recorded history, as the before-save trigger would. */
export function factsFromHistory(history: OpportunityHistory): OpportunityFacts {
  const first = history.snapshots[0];
  const last = history.snapshots[history.snapshots.length - 1];
  const createdOn = history.createdDate.slice(0, 10);
  let closeDatePushCount = 0;
  let stageEnteredOn = createdOn;
  let previousAmount: number | null = null;
  let amountChangedOn: IsoDate | null = null;
  for (const change of history.fieldChanges) {
    const on = change.createdDate.slice(0, 10);
    if (change.field === 'CloseDate' && String(change.newValue) > String(change.oldValue)) {
      closeDatePushCount += 1;
    } else if (change.field === 'StageName') {
      stageEnteredOn = on;
    } else if (change.field === 'Amount') {
      previousAmount = typeof change.oldValue === 'number' ? change.oldValue : null;
      amountChangedOn = on;
    }
  }
  return {
    state: {
      stageName: last.stageName,
      amount: last.amount,
      closeDate: last.closeDate,
      forecastCategory: last.forecastCategory
    },
    closeDatePushCount,
    originalCloseDate: first.closeDate,
    stageEnteredOn,
    previousAmount,
    amountChangedOn
  };
}

function snapshotOf(createdDate: string, state: DealState): OpportunitySnapshot {
  return {
    createdDate,
    stageName: state.stageName,
    amount: state.amount,
    closeDate: state.closeDate,
    probability: probabilityOf(state.stageName),
    forecastCategory: state.forecastCategory
  };
}

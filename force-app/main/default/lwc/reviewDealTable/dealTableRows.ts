/**
 * The deal table's rows as the template shows them: c/kpiView's filtered and sorted rows,
 * restricted to one change kind when the review asks, open deals first (closed deals keep their
 * order below them), amounts and dates in the user's locale (amounts in the currency the facts
 * state, `TableOptions.formats`), stage and forecast category by their
 * picklist labels, and each changed cell's previous value. Pure.
 */
import { formatLabel, picklistLabel, type PicklistLabels } from 'c/labelFormat';
import { LABELS, WORDS, dealRows, type DealFilters, type SortField } from 'c/kpiView';
import { REVIEW_LABELS } from 'c/reviewFormat';
import { dateText, formatsFor, money, type Money, type UserFormats } from 'c/userFormat';
import type { ChangeKind, DealChange, ReviewDeal } from 'c/salesKpis';
import type { PicklistValuesByRecordType } from 'lightning/uiObjectInfoApi';

/** The fields a manager edits in the table. */
export type EditableField = 'StageName' | 'CloseDate' | 'ForecastCategoryName' | 'NextStep';
export const EDITABLE_FIELDS: readonly EditableField[] = [
  'StageName',
  'CloseDate',
  'ForecastCategoryName',
  'NextStep'
];

/** The shown picklists, whose labels the table reads from the org. */
const PICKLIST_FIELDS: readonly EditableField[] = ['StageName', 'ForecastCategoryName'];

/** A changed cell's mark: an arrow in text and its previous value. */
export interface CellChange {
  arrow: string;
  was: string;
}

export interface TableRow {
  id: string;
  name: string;
  account: string;
  owner: string;
  ownerId: string;
  isOpen: boolean;
  /** The StageName value, which edits start from and saves send. */
  stage: string;
  stageLabel: string;
  /** The ForecastCategoryName value. */
  forecastCategory: string;
  forecastCategoryLabel: string;
  closeDate: string;
  closeDateText: string;
  amount: Money;
  nextStep: string;
  scoreText: string;
  riskText: string;
  flags: string[];
  changes: Partial<Record<'amount' | 'closeDate' | 'stage' | 'forecastCategory', CellChange>>;
}

function was(value: string): string {
  return formatLabel(REVIEW_LABELS.was, value);
}

/** The labels of the table's picklists from the UI API's answer, label by value by field. */
export function picklistLabelsOf(
  picklists: PicklistValuesByRecordType | undefined
): PicklistLabels {
  const fields = picklists?.picklistFieldValues ?? {};
  return Object.fromEntries(
    PICKLIST_FIELDS.filter((field) => fields[field]).map((field) => [
      field,
      Object.fromEntries(fields[field].values.map((entry) => [entry.value, entry.label]))
    ])
  );
}

function cellChanges(
  change: DealChange | undefined,
  deal: ReviewDeal,
  labels: PicklistLabels,
  formats: UserFormats
): TableRow['changes'] {
  const marks: TableRow['changes'] = {};
  const before = change?.before;
  if (!change || !before) return marks;
  if (change.kinds.includes('amountUp') || change.kinds.includes('amountDown')) {
    marks.amount = {
      arrow: change.kinds.includes('amountUp') ? '↑' : '↓',
      was: was(money(before.Amount, formats).text)
    };
  }
  if (change.kinds.includes('pushed') || change.kinds.includes('pulledIn')) {
    marks.closeDate = {
      arrow: change.kinds.includes('pushed') ? '→' : '←',
      was: was(dateText(before.CloseDate))
    };
  }
  if (before.StageName !== deal.StageName) {
    marks.stage = {
      arrow: '↔',
      was: was(picklistLabel(labels, 'StageName', before.StageName))
    };
  }
  if (before.ForecastCategoryName !== deal.ForecastCategoryName) {
    marks.forecastCategory = {
      arrow: '↔',
      was: was(picklistLabel(labels, 'ForecastCategoryName', before.ForecastCategoryName))
    };
  }
  return marks;
}

export interface TableOptions {
  filters: DealFilters;
  sort: { field: SortField; ascending: boolean };
  dataQualityTarget: number | null;
  changeFilter: ChangeKind | '';
  /** The org's labels of the stage and forecast category values, in the user's language. */
  picklistLabels?: PicklistLabels;
  /** The formats of the amounts: the currency the facts state (the user's by default). */
  formats?: UserFormats;
}

/** The rows of the table, open deals first. */
export function tableRows(
  deals: readonly ReviewDeal[],
  changes: readonly DealChange[],
  options: TableOptions
): TableRow[] {
  const byId = new Map(deals.map((deal) => [deal.Id, deal]));
  const changeById = new Map(changes.map((change) => [change.id, change]));
  const labels = options.picklistLabels ?? {};
  const formats = options.formats ?? formatsFor();
  const rows = dealRows(
    deals,
    options.filters,
    options.sort,
    options.dataQualityTarget,
    WORDS,
    labels,
    formats
  )
    .filter(
      (row) =>
        !options.changeFilter ||
        (changeById.get(row.id)?.kinds.includes(options.changeFilter) ?? false)
    )
    .map((row): TableRow => {
      const deal = byId.get(row.id) as ReviewDeal;
      return {
        id: row.id,
        name: row.name,
        account: row.account,
        owner: row.owner,
        ownerId: row.ownerId,
        isOpen: !deal.IsClosed,
        stage: row.stage,
        stageLabel: row.stageLabel,
        forecastCategory: row.forecastCategory,
        forecastCategoryLabel: row.forecastCategoryLabel,
        closeDate: row.closeDate,
        closeDateText: dateText(row.closeDate),
        amount: money(row.amount, formats),
        nextStep: row.nextStep,
        scoreText: row.scoreText,
        riskText: row.riskText,
        flags: row.flags,
        changes: cellChanges(changeById.get(row.id), deal, labels, formats)
      };
    });
  return [...rows.filter((row) => row.isOpen), ...rows.filter((row) => !row.isOpen)];
}

/** The sortable columns, in table order, with their header words. */
export const SORT_COLUMNS: readonly { field: SortField; label: string; cellClass: string }[] = [
  { field: 'Name', label: LABELS.deal, cellClass: 'col-deal sticky-start' },
  { field: 'Owner', label: LABELS.seller, cellClass: 'col-seller' },
  { field: 'StageName', label: LABELS.stage, cellClass: 'col-stage' },
  { field: 'Amount', label: LABELS.amount, cellClass: 'col-amount' },
  { field: 'CloseDate', label: LABELS.closeDate, cellClass: 'col-close' }
];

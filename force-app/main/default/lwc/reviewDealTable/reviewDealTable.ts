/**
 * The pipeline review's deal table. Filters (seller, stage, forecast category, risk) and sortable
 * headers; open deals first. The deal's name (first column) and its actions (last column) stay in
 * view while the table scrolls sideways on a narrow screen; headers never wrap. Inline edit:
 * the pencil in a cell edits that cell in place, with Save and Cancel beside the input; the row's
 * Edit edits the deal's four fields at once, with Save and Cancel in the actions cell. Escape
 * cancels. Closed deals have no Edit, pencil or Coach. Saves go through Lightning Data Service
 * and dispatch `saved`; Coach dispatches `coach` with `{ id }`; removing the change filter
 * dispatches `clearchange`. Stage and forecast category show the org's picklist labels in the
 * user's language (lightning/uiObjectInfoApi), as a record page does; the values stay what the
 * filters compare and what is saved. Amounts are in the currency the facts state (`currency`,
 * from c/pipelineReview; the user's when they state none).
 */
import { LightningElement, api, wire } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';
import {
  getObjectInfo,
  getPicklistValuesByRecordType,
  type ObjectInfo,
  type PicklistValuesByRecordType
} from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { formatLabel, picklistLabel, type PicklistLabels } from 'c/labelFormat';
import { reduceErrors, type ErrorInput } from 'c/ldsUtils';
import { LABELS, type DealFilters, type Option, type SortField } from 'c/kpiView';
import { CHANGE_LABELS, REVIEW_LABELS, dealCount } from 'c/reviewFormat';
import type { ChangeKind, DealChange, ReviewDeal, TeamMember } from 'c/salesKpis';
import { formatsInCurrency } from 'c/userFormat';
import {
  EDITABLE_FIELDS,
  picklistLabelsOf,
  tableRows,
  type EditableField,
  type TableRow
} from './dealTableRows';

/** The ForecastCategoryName values (fixed by the platform), in forecast order. */
const FORECAST_CATEGORIES = ['Pipeline', 'Best Case', 'Commit', 'Omitted', 'Closed'];

const COLUMNS: { key: string; field: SortField | null; label: string; cellClass: string }[] = [
  { key: 'Name', field: 'Name', label: LABELS.deal, cellClass: 'col-deal sticky-start' },
  { key: 'Owner', field: 'Owner', label: LABELS.seller, cellClass: 'col-seller' },
  { key: 'StageName', field: 'StageName', label: LABELS.stage, cellClass: 'col-stage' },
  { key: 'Amount', field: 'Amount', label: LABELS.amount, cellClass: 'col-amount' },
  { key: 'CloseDate', field: 'CloseDate', label: LABELS.closeDate, cellClass: 'col-close' },
  {
    key: 'Forecast',
    field: null,
    label: REVIEW_LABELS.forecastColumn,
    cellClass: 'col-forecast'
  },
  { key: 'NextStep', field: null, label: LABELS.nextStep, cellClass: 'col-next' },
  { key: 'Score', field: 'Score', label: LABELS.score, cellClass: 'col-score' },
  { key: 'Risk', field: null, label: LABELS.risk, cellClass: 'col-risk' },
  { key: 'Actions', field: null, label: LABELS.actions, cellClass: 'col-actions sticky-end' }
];

type Draft = Record<EditableField, string>;

interface Editing {
  id: string;
  /** The one field edited in its cell, or null for the whole row. */
  field: EditableField | null;
  draft: Draft;
}

export default class ReviewDealTable extends LightningElement {
  @api deals: readonly ReviewDeal[] = [];
  @api dealChanges: readonly DealChange[] = [];
  /** Show only the deals counted in this change kind ('' for all). */
  @api changeFilter: ChangeKind | '' = '';
  @api qualityTarget: number | null = null;
  /** The ISO code of the currency the facts state their amounts in; null for the user's. */
  @api currency: string | null = null;
  @api team: readonly TeamMember[] = [];
  @api stageNames: readonly string[] = [];
  /** The deal whose coaching the review shows. */
  @api selectedId: string | null = null;

  labels = { ...LABELS, ...REVIEW_LABELS };
  filters: DealFilters = { sellerId: '', stage: '', forecastCategory: '', risk: '' };
  sortField: SortField = 'CloseDate';
  sortAscending = true;
  editing: Editing | null = null;
  saving = false;
  private focusEditor = false;
  /** The button that opened the last edit, to take the focus back when the edit closes. */
  private returnFocus: string | null = null;

  @wire(getObjectInfo, { objectApiName: 'Opportunity' })
  opportunityInfo: { data?: ObjectInfo; error?: unknown } | undefined;

  // A value has one label whichever record type offers it, so the default record type's list
  // names the deals' values; a value it does not offer (another record type's, or an inactive one)
  // shows as the value. Until the list answers, or if it fails, the table shows the values: still
  // readable, and filtering, editing and saving work on values, so no error is worth a panel here.
  @wire(getPicklistValuesByRecordType, {
    objectApiName: 'Opportunity',
    recordTypeId: '$opportunityRecordTypeId'
  })
  opportunityPicklists: { data?: PicklistValuesByRecordType; error?: unknown } | undefined;

  get opportunityRecordTypeId(): string | undefined {
    return this.opportunityInfo?.data?.defaultRecordTypeId;
  }

  private get picklistLabels(): PicklistLabels {
    return picklistLabelsOf(this.opportunityPicklists?.data);
  }

  get rows() {
    const editing = this.editing;
    return tableRows(this.deals ?? [], this.dealChanges ?? [], {
      filters: this.filters,
      sort: { field: this.sortField, ascending: this.sortAscending },
      dataQualityTarget: this.qualityTarget,
      changeFilter: this.changeFilter,
      picklistLabels: this.picklistLabels,
      formats: formatsInCurrency(this.currency)
    }).map((row) => this.rowView(row, editing?.id === row.id ? editing : null));
  }

  private rowView(row: TableRow, editing: Editing | null) {
    const edits = (field: EditableField) =>
      !!editing && (editing.field === null || editing.field === field);
    const cell = (field: EditableField) => ({
      editing: edits(field),
      inCell: !!editing && editing.field === field,
      canEdit: row.isOpen && !editing,
      /** The editor that takes the focus: the edited cell's, or the row's first. */
      focus: !!editing && (editing.field ?? 'StageName') === field ? 'yes' : 'no',
      editLabel: formatLabel(REVIEW_LABELS.editField, this.fieldLabel(field), row.name)
    });
    return {
      ...row,
      rowClass:
        row.id === this.selectedId ? 'slds-hint-parent slds-is-selected' : 'slds-hint-parent',
      draft: editing?.draft ?? null,
      stageCell: cell('StageName'),
      closeCell: cell('CloseDate'),
      forecastCell: cell('ForecastCategoryName'),
      nextStepCell: cell('NextStep'),
      editingRow: !!editing && editing.field === null,
      showActions: row.isOpen && !editing,
      isClosedRow: !row.isOpen,
      editLabel: formatLabel(LABELS.edit, row.name),
      coachLabel: formatLabel(LABELS.coach, row.name),
      actionsLabel: formatLabel(REVIEW_LABELS.rowActions, row.name),
      amountChange: row.changes.amount ?? null,
      closeChange: row.changes.closeDate ?? null,
      stageChange: row.changes.stage ?? null,
      forecastChange: row.changes.forecastCategory ?? null
    };
  }

  private fieldLabel(field: EditableField): string {
    switch (field) {
      case 'StageName':
        return LABELS.stage;
      case 'CloseDate':
        return LABELS.closeDate;
      case 'ForecastCategoryName':
        return LABELS.forecastCategory;
      default:
        return LABELS.nextStep;
    }
  }

  get hasNoRows(): boolean {
    return this.rows.length === 0;
  }

  get columns() {
    return COLUMNS.map((column) => {
      const sorted = column.field !== null && column.field === this.sortField;
      return {
        ...column,
        sortable: column.field !== null,
        thClass: column.cellClass,
        ariaSort: column.field
          ? sorted
            ? this.sortAscending
              ? 'ascending'
              : 'descending'
            : 'none'
          : null,
        sortLabel: formatLabel(LABELS.sortBy, column.label),
        iconName: sorted && !this.sortAscending ? 'utility:arrowdown' : 'utility:arrowup',
        showIcon: sorted
      };
    });
  }

  get hasChangeFilter(): boolean {
    return !!this.changeFilter;
  }

  get changeFilterText(): string {
    if (!this.changeFilter) return '';
    return formatLabel(
      REVIEW_LABELS.filteredBy,
      CHANGE_LABELS[this.changeFilter],
      dealCount(this.rows.length)
    );
  }

  /** A picklist's choices: the label to read, the value to filter by or save. */
  private labelledOptions(field: EditableField, values: readonly string[]): Option[] {
    const labels = this.picklistLabels;
    return values.map((value) => ({ label: picklistLabel(labels, field, value), value }));
  }

  get sellerOptions(): Option[] {
    const names = new Map((this.team ?? []).map((member) => [member.Id, member.Name]));
    const owners = [...new Set((this.deals ?? []).map((deal) => deal.OwnerId))];
    return [
      { label: LABELS.all, value: '' },
      ...owners.map((id) => ({ label: names.get(id) ?? id, value: id }))
    ];
  }

  private get stages(): string[] {
    return this.stageNames?.length
      ? [...this.stageNames]
      : [...new Set((this.deals ?? []).map((deal) => deal.StageName))];
  }

  get stageFilterOptions(): Option[] {
    return [{ label: LABELS.all, value: '' }, ...this.stageOptions];
  }

  get stageOptions(): Option[] {
    return this.labelledOptions('StageName', this.stages);
  }

  get forecastFilterOptions(): Option[] {
    return [{ label: LABELS.all, value: '' }, ...this.forecastOptions];
  }

  get forecastOptions(): Option[] {
    return this.labelledOptions('ForecastCategoryName', FORECAST_CATEGORIES);
  }

  get riskOptions(): Option[] {
    return [
      { label: LABELS.all, value: '' },
      { label: LABELS.atRisk, value: 'risk' },
      { label: LABELS.noRisk, value: 'none' }
    ];
  }

  override renderedCallback(): void {
    if (this.focusEditor) {
      this.focusEditor = false;
      this.template?.querySelector<HTMLElement>('[data-editor="yes"]')?.focus();
    } else if (this.returnFocus && !this.editing) {
      const selector = this.returnFocus;
      this.returnFocus = null;
      this.template?.querySelector<HTMLElement>(selector)?.focus();
    }
  }

  handleFilter(event: CustomEvent<{ value: string }>): void {
    const key = (event.target as HTMLElement).dataset.filter as keyof DealFilters;
    this.filters = { ...this.filters, [key]: event.detail.value };
  }

  handleClearChange(): void {
    this.dispatchEvent(new CustomEvent('clearchange'));
  }

  handleSort(event: Event): void {
    const field = (event.currentTarget as HTMLElement).dataset.field as SortField;
    this.sortAscending = field === this.sortField ? !this.sortAscending : true;
    this.sortField = field;
  }

  private startEditing(id: string, field: EditableField | null): void {
    const deal = (this.deals ?? []).find((candidate) => candidate.Id === id);
    if (!deal || deal.IsClosed) return;
    this.editing = {
      id,
      field,
      draft: {
        StageName: deal.StageName,
        CloseDate: deal.CloseDate,
        ForecastCategoryName: deal.ForecastCategoryName,
        NextStep: deal.NextStep ?? ''
      }
    };
    this.focusEditor = true;
    this.returnFocus = field
      ? `lightning-button-icon[data-action="edit-cell"][data-id="${id}"][data-field="${field}"]`
      : `lightning-button-icon[data-action="edit"][data-id="${id}"]`;
  }

  handleEdit(event: Event): void {
    this.startEditing((event.currentTarget as HTMLElement).dataset.id ?? '', null);
  }

  handleEditCell(event: Event): void {
    const target = event.currentTarget as HTMLElement;
    this.startEditing(target.dataset.id ?? '', target.dataset.field as EditableField);
  }

  handleDraft(event: CustomEvent<{ value: string }>): void {
    const field = (event.target as HTMLElement).dataset.field as EditableField;
    if (this.editing) {
      this.editing = {
        ...this.editing,
        draft: { ...this.editing.draft, [field]: event.detail.value }
      };
    }
  }

  handleEditorKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.handleCancel();
    }
  }

  handleCancel(): void {
    this.editing = null;
  }

  async handleSave(): Promise<void> {
    const editing = this.editing;
    if (!editing) return;
    const fields = editing.field ? [editing.field] : EDITABLE_FIELDS;
    const values = Object.fromEntries(fields.map((field) => [field, editing.draft[field]]));
    this.saving = true;
    try {
      await updateRecord({ fields: { Id: editing.id, ...values } });
      this.toast(LABELS.saved, '', 'success');
      this.editing = null;
      this.dispatchEvent(new CustomEvent('saved', { detail: { id: editing.id } }));
    } catch (error) {
      this.toast(LABELS.saveFailed, reduceErrors(error as ErrorInput).join(', '), 'error');
    } finally {
      this.saving = false;
    }
  }

  handleCoach(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id ?? '';
    this.dispatchEvent(new CustomEvent('coach', { detail: { id } }));
  }

  private toast(title: string, message: string, variant: 'success' | 'error'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}

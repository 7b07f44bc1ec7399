/**
 * The manager's pipeline review (app page "Pipeline Review"): team, period and "changes since"
 * pickers; the KPI header against the published strategy; what changed since the date; the deal
 * table (sortable, filterable, inline edit through Lightning Data Service); the coaching
 * questions of the chosen deal with "Log coaching session"; and the per-seller table. Apex
 * supplies the facts (PipelineReviewController); every KPI comes from c/salesKpis.
 */
import { LightningElement, wire } from 'lwc';
import getPipelineFacts from '@salesforce/apex/PipelineReviewController.getPipelineFacts';
import { refreshApex } from '@salesforce/apex';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import {
  getObjectInfo,
  getPicklistValuesByRecordType,
  type ObjectInfo,
  type PicklistValuesByRecordType
} from 'lightning/uiObjectInfoApi';
import userId from '@salesforce/user/Id';
import {
  computeSalesKpis,
  salesFactsFromApex,
  type ApexPipelineFacts,
  type IsoDate,
  type Period,
  type ReviewFacts,
  type SalesKpiReport
} from 'c/salesKpis';
import { formatLabel } from 'c/labelFormat';
import { suggestedFocusArea } from './coachingFocus';
import { reduceErrors, type ErrorInput } from 'c/ldsUtils';
import {
  LABELS,
  TILE_LABELS,
  WORDS,
  dealRows,
  formatAmount,
  headerTiles,
  parsePeriodValue,
  periodOptions,
  periodValue,
  sellerViews,
  teamOptions,
  type DealFilters,
  type DealRow,
  type Option,
  type SortField
} from 'c/kpiView';

const FORECAST_CATEGORIES = ['Pipeline', 'Best Case', 'Commit', 'Omitted', 'Closed'];

const COLUMNS: { field: SortField; label: string }[] = [
  { field: 'Name', label: LABELS.deal },
  { field: 'Owner', label: LABELS.seller },
  { field: 'StageName', label: LABELS.stage },
  { field: 'Amount', label: LABELS.amount },
  { field: 'CloseDate', label: LABELS.closeDate },
  { field: 'Score', label: LABELS.score },
  { field: 'Flags', label: LABELS.coachingFlags }
];

interface Draft {
  NextStep: string;
  CloseDate: string;
  StageName: string;
  ForecastCategoryName: string;
}

interface SessionDraft {
  Focus_Area__c: string;
  Session_Date__c: string;
  Follow_Up_Date__c: string;
  Notes__c: string;
}

export default class PipelineReview extends LightningElement {
  labels = LABELS;
  managerId: string | null = null;
  periodStart: IsoDate | null = null;
  periodEnd: IsoDate | null = null;
  changesSince: IsoDate | null = null;
  filters: DealFilters = { sellerId: '', stage: '', forecastCategory: '', risk: '' };
  sortField: SortField = 'CloseDate';
  sortAscending = true;
  editingId: string | null = null;
  draft: Draft | null = null;
  selectedId: string | null = null;
  sessionDraft: SessionDraft | null = null;
  saving = false;
  error: unknown = null;
  loadingMore = false;

  /** The focus areas a session may take: the org's Focus_Area__c picklist values. */
  @wire(getObjectInfo, { objectApiName: 'Coaching_Session__c' })
  sessionInfo: { data?: ObjectInfo; error?: unknown } | undefined;

  @wire(getPicklistValuesByRecordType, {
    objectApiName: 'Coaching_Session__c',
    recordTypeId: '$sessionRecordTypeId'
  })
  sessionPicklists: { data?: PicklistValuesByRecordType; error?: unknown } | undefined;

  get sessionRecordTypeId(): string | undefined {
    return this.sessionInfo?.data?.defaultRecordTypeId;
  }

  private wiredFacts: unknown;
  private firstPage: ApexPipelineFacts | null = null;
  private morePages: ApexPipelineFacts[] = [];

  @wire(getPipelineFacts, {
    managerId: '$managerId',
    periodStart: '$periodStart',
    periodEnd: '$periodEnd',
    changesSince: '$changesSince',
    afterDealId: null
  })
  wiredPipelineFacts(result: ApexGenerated.WireResult<ApexGenerated.PipelineFacts>): void {
    this.wiredFacts = result;
    if (result.data) {
      this.firstPage = result.data as ApexPipelineFacts;
      this.morePages = [];
      this.error = null;
    } else if (result.error) {
      this.firstPage = null;
      this.error = result.error;
    }
  }

  get isLoading(): boolean {
    return !this.firstPage && !this.error;
  }

  get review(): ReviewFacts | null {
    return this.cached('review', [this.firstPage, this.morePages], () =>
      this.firstPage ? salesFactsFromApex([this.firstPage, ...this.morePages]) : null
    );
  }

  private get today(): IsoDate {
    return this.review?.today ?? new Date().toISOString().slice(0, 10);
  }

  private get period(): Period | null {
    return this.review?.period ?? null;
  }

  get since(): IsoDate {
    return this.changesSince ?? this.period?.start ?? this.today;
  }

  /** Every KPI, computed once per change of the facts or the "since" date, not per getter. */
  get report(): SalesKpiReport | null {
    const review = this.review;
    const period = this.period;
    const since = this.since;
    return this.cached('report', [review, since], () =>
      review && period ? computeSalesKpis(review.facts, { period, today: this.today, since }) : null
    );
  }

  get hasReport(): boolean {
    return this.report !== null;
  }

  get teamOptions(): Option[] {
    return teamOptions(this.review?.facts.team ?? [], LABELS.myTeam);
  }

  get teamValue(): string {
    return this.managerId ?? '';
  }

  get periodOptions(): Option[] {
    const review = this.review;
    if (!review?.facts.calendar) return [];
    const options = periodOptions(this.today, review.facts.calendar, WORDS);
    const current = this.period;
    if (current && !options.some((option) => option.value === periodValue(current))) {
      options.unshift({ label: periodValue(current), value: periodValue(current) });
    }
    return options;
  }

  get periodValue(): string {
    const current = this.period;
    return current ? periodValue(current) : '';
  }

  get tiles() {
    const report = this.report;
    return report ? headerTiles(report, TILE_LABELS, WORDS) : [];
  }

  get changesTitle(): string {
    return formatLabel(LABELS.changesTitle, this.since);
  }

  get changes(): { key: string; label: string; text: string }[] {
    const changes = this.report?.changes;
    if (!changes) return [];
    const kinds: [keyof typeof changes, string][] = [
      ['newDeals', LABELS.newDeals],
      ['won', LABELS.won],
      ['lost', LABELS.lost],
      ['pushed', LABELS.pushed],
      ['pulledIn', LABELS.pulledIn],
      ['amountUp', LABELS.amountUp],
      ['amountDown', LABELS.amountDown],
      ['movedOut', LABELS.movedOut]
    ];
    return kinds.map(([key, label]) => {
      const tally = changes[key] as { count: number; amount: number };
      return {
        key: String(key),
        label,
        text: formatLabel(LABELS.changeCount, tally.count, formatAmount(tally.amount))
      };
    });
  }

  private get dataQualityTarget(): number | null {
    return this.report?.againstStrategy.dataQuality.target ?? null;
  }

  get rows(): (DealRow & {
    isEditing: boolean;
    isSelected: boolean;
    rowClass: string;
    editLabel: string;
    coachLabel: string;
    flagsText: string;
  })[] {
    const review = this.review;
    if (!review) return [];
    const sorted = this.cached(
      'rows',
      [review, this.filters, this.sortField, this.sortAscending, this.dataQualityTarget],
      () =>
        dealRows(
          review.facts.deals,
          this.filters,
          { field: this.sortField, ascending: this.sortAscending },
          this.dataQualityTarget,
          WORDS
        )
    );
    return sorted.map((row) => ({
      ...row,
      isEditing: row.id === this.editingId,
      isSelected: row.id === this.selectedId,
      rowClass:
        row.id === this.selectedId ? 'slds-hint-parent slds-is-selected' : 'slds-hint-parent',
      editLabel: formatLabel(LABELS.edit, row.name),
      coachLabel: formatLabel(LABELS.coach, row.name),
      flagsText: String(row.flagCount)
    }));
  }

  get hasNoRows(): boolean {
    return this.rows.length === 0;
  }

  get columns() {
    return COLUMNS.map((column) => {
      const sorted = column.field === this.sortField;
      return {
        ...column,
        ariaSort: sorted ? (this.sortAscending ? 'ascending' : 'descending') : 'none',
        sortLabel: formatLabel(LABELS.sortBy, column.label),
        iconName: sorted && !this.sortAscending ? 'utility:arrowdown' : 'utility:arrowup',
        showIcon: sorted
      };
    });
  }

  private optionsOf(values: readonly string[]): Option[] {
    return [{ label: LABELS.all, value: '' }, ...values.map((value) => ({ label: value, value }))];
  }

  get sellerOptions(): Option[] {
    const review = this.review;
    const names = new Map((review?.facts.team ?? []).map((member) => [member.Id, member.Name]));
    const owners = [...new Set((review?.facts.deals ?? []).map((deal) => deal.OwnerId))];
    return [
      { label: LABELS.all, value: '' },
      ...owners.map((id) => ({ label: names.get(id) ?? id, value: id }))
    ];
  }

  private get stageNames(): string[] {
    const stages = this.review?.facts.stages ?? [];
    return stages.length
      ? stages.map((stage) => stage.ApiName)
      : [...new Set((this.review?.facts.deals ?? []).map((deal) => deal.StageName))];
  }

  get stageFilterOptions(): Option[] {
    return this.optionsOf(this.stageNames);
  }

  get stageOptions(): Option[] {
    return this.stageNames.map((value) => ({ label: value, value }));
  }

  get forecastFilterOptions(): Option[] {
    return this.optionsOf(FORECAST_CATEGORIES);
  }

  get forecastOptions(): Option[] {
    return FORECAST_CATEGORIES.map((value) => ({ label: value, value }));
  }

  get riskOptions(): Option[] {
    return [
      { label: LABELS.all, value: '' },
      { label: LABELS.atRisk, value: 'risk' },
      { label: LABELS.noRisk, value: 'none' }
    ];
  }

  get focusAreaOptions(): Option[] {
    const values = this.sessionPicklists?.data?.picklistFieldValues.Focus_Area__c?.values ?? [];
    return values.map((value) => ({ label: value.label, value: value.value }));
  }

  get sellers() {
    const report = this.report;
    return report ? sellerViews(report.sellers, this.review?.facts.team ?? [], WORDS) : [];
  }

  get hasMore(): boolean {
    return !!this.review?.nextPageAfterId;
  }

  get partialText(): string {
    const loaded = this.review?.facts.deals.length ?? 0;
    return formatLabel(LABELS.partial, loaded, this.report?.pipeline.dealCount ?? loaded);
  }

  get isTruncated(): boolean {
    return this.review?.truncated === true;
  }

  get selected(): DealRow | null {
    return this.rows.find((row) => row.id === this.selectedId) ?? null;
  }

  get coachingTitle(): string {
    return formatLabel(LABELS.coachingTitle, this.selected?.name ?? '');
  }

  handleTeam(event: CustomEvent<{ value: string }>): void {
    this.managerId = event.detail.value || null;
    this.resetSelection();
  }

  handlePeriod(event: CustomEvent<{ value: string }>): void {
    const { start, end } = parsePeriodValue(event.detail.value);
    this.periodStart = start;
    this.periodEnd = end;
    this.resetSelection();
  }

  handleSince(event: CustomEvent<{ value: string }>): void {
    this.changesSince = event.detail.value || null;
  }

  handleFilter(event: CustomEvent<{ value: string }>): void {
    const key = (event.target as HTMLElement).dataset.filter as keyof DealFilters;
    this.filters = { ...this.filters, [key]: event.detail.value };
  }

  handleSort(event: Event): void {
    const field = (event.currentTarget as HTMLElement).dataset.field as SortField;
    this.sortAscending = field === this.sortField ? !this.sortAscending : true;
    this.sortField = field;
  }

  handleEdit(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id ?? '';
    const row = this.rows.find((candidate) => candidate.id === id);
    if (!row) return;
    this.editingId = id;
    this.draft = {
      NextStep: row.nextStep,
      CloseDate: row.closeDate,
      StageName: row.stage,
      ForecastCategoryName: row.forecastCategory
    };
  }

  handleDraft(event: CustomEvent<{ value: string }>): void {
    const field = (event.target as HTMLElement).dataset.field as keyof Draft;
    if (this.draft) this.draft = { ...this.draft, [field]: event.detail.value };
  }

  handleCancel(): void {
    this.editingId = null;
    this.draft = null;
  }

  async handleSave(): Promise<void> {
    if (!this.editingId || !this.draft) return;
    this.saving = true;
    try {
      await updateRecord({ fields: { Id: this.editingId, ...this.draft } });
      this.toast(LABELS.saved, '', 'success');
      this.editingId = null;
      this.draft = null;
      await this.refresh();
    } catch (error) {
      this.toast(LABELS.saveFailed, reduceErrors(error as ErrorInput).join(', '), 'error');
    } finally {
      this.saving = false;
    }
  }

  handleCoach(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id ?? '';
    this.selectedId = id;
    const row = this.rows.find((candidate) => candidate.id === id);
    this.sessionDraft = {
      Focus_Area__c: suggestedFocusArea(
        row?.flags ?? [],
        this.focusAreaOptions.map((option) => option.value)
      ),
      Session_Date__c: this.today,
      Follow_Up_Date__c: '',
      Notes__c: ''
    };
  }

  handleSessionField(event: CustomEvent<{ value: string }>): void {
    const field = (event.target as HTMLElement).dataset.field as keyof SessionDraft;
    if (this.sessionDraft)
      this.sessionDraft = { ...this.sessionDraft, [field]: event.detail.value };
  }

  async handleLogSession(): Promise<void> {
    const deal = this.review?.facts.deals.find((candidate) => candidate.Id === this.selectedId);
    if (!deal || !this.sessionDraft) return;
    this.saving = true;
    try {
      await createRecord({
        apiName: 'Coaching_Session__c',
        fields: {
          Seller__c: deal.OwnerId,
          Coach__c: userId,
          Opportunity__c: deal.Id,
          Account__c: deal.AccountId ?? null,
          Focus_Area__c: this.sessionDraft.Focus_Area__c || null,
          Session_Date__c: this.sessionDraft.Session_Date__c,
          Follow_Up_Date__c: this.sessionDraft.Follow_Up_Date__c || null,
          Notes__c: this.sessionDraft.Notes__c || null
        }
      });
      this.toast(LABELS.sessionLogged, deal.Name ?? '', 'success');
      this.sessionDraft = { ...this.sessionDraft, Notes__c: '', Follow_Up_Date__c: '' };
      await this.refresh();
    } catch (error) {
      this.toast(LABELS.saveFailed, reduceErrors(error as ErrorInput).join(', '), 'error');
    } finally {
      this.saving = false;
    }
  }

  async handleLoadMore(): Promise<void> {
    const after = this.review?.nextPageAfterId;
    if (!after) return;
    this.loadingMore = true;
    try {
      const page = await getPipelineFacts({
        managerId: this.managerId,
        periodStart: this.period?.start ?? null,
        periodEnd: this.period?.end ?? null,
        changesSince: this.changesSince,
        afterDealId: after
      });
      this.morePages = [...this.morePages, page as ApexPipelineFacts];
    } catch (error) {
      this.error = error;
    } finally {
      this.loadingMore = false;
    }
  }

  private readonly memo = new Map<string, { deps: readonly unknown[]; value: unknown }>();

  /** The value computed last for `key` while every dependency is the same (===), else anew. */
  private cached<T>(key: string, deps: readonly unknown[], compute: () => T): T {
    const previous = this.memo.get(key);
    if (previous && previous.deps.every((dep, index) => dep === deps[index])) {
      return previous.value as T;
    }
    const value = compute();
    this.memo.set(key, { deps, value });
    return value;
  }

  private resetSelection(): void {
    this.selectedId = null;
    this.sessionDraft = null;
    this.editingId = null;
    this.draft = null;
  }

  private async refresh(): Promise<void> {
    this.morePages = [];
    await refreshApex(this.wiredFacts);
  }

  private toast(title: string, message: string, variant: 'success' | 'error'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}

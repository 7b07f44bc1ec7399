/**
 * The manager's pipeline review (app page "Pipeline Review"). This component loads the facts
 * (PipelineReviewController, paged), computes the KPIs once (c/salesKpis) and lays out one small
 * component per idea: the pickers (c/reviewFilters), the KPI header (c/reviewKpiHeader), the
 * changes since a date with the bridge (c/reviewChanges), the deal table (c/reviewDealTable),
 * the coaching panel (c/reviewCoachingPanel) and the per-seller table (c/reviewSellerTable).
 * Pressing a change narrows the deal table to that change's deals. Amounts are shown in the
 * currency the facts state (`currency`), which each child that shows an amount receives.
 */
import { LightningElement, wire } from 'lwc';
import getPipelineFacts from '@salesforce/apex/PipelineReviewController.getPipelineFacts';
import { refreshApex } from '@salesforce/apex';
import userId from '@salesforce/user/Id';
import {
  computeSalesKpis,
  salesFactsFromApex,
  type ApexPipelineFacts,
  type ChangeKind,
  type IsoDate,
  type Period,
  type ReviewDeal,
  type ReviewFacts,
  type SalesKpiReport
} from 'c/salesKpis';
import { formatLabel } from 'c/labelFormat';
import {
  LABELS,
  WORDS,
  parsePeriodValue,
  periodOptions,
  periodValue,
  teamOptions,
  type Option
} from 'c/kpiView';

export default class PipelineReview extends LightningElement {
  labels = LABELS;
  managerId: string | null = null;
  periodStart: IsoDate | null = null;
  periodEnd: IsoDate | null = null;
  changesSince: IsoDate | null = null;
  changeFilter: ChangeKind | '' = '';
  selectedId: string | null = null;
  error: unknown = null;
  loadingMore = false;

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

  get today(): IsoDate {
    return this.review?.today ?? new Date().toISOString().slice(0, 10);
  }

  /**
   * The ISO code of the currency the facts state their amounts in (Apex converts them into the
   * user's), passed to every child that shows an amount; null when the facts state none, and
   * the children then format in the user's currency.
   */
  get currency(): string | null {
    return this.review?.currency ?? null;
  }

  get period(): Period | null {
    return this.review?.period ?? null;
  }

  /** The "changes since" day: the chosen one, else the period's start, never after today. */
  get since(): IsoDate {
    const since = this.changesSince ?? this.period?.start ?? this.today;
    return since > this.today ? this.today : since;
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

  get changes() {
    return this.report?.changes ?? null;
  }

  get dealChanges() {
    return this.report?.changes.deals ?? [];
  }

  get deals(): readonly ReviewDeal[] {
    return this.review?.facts.deals ?? [];
  }

  get team() {
    return this.review?.facts.team ?? [];
  }

  /** True when the viewer manages someone in the team (a seller's own review is not judged on coaching). */
  get viewerManages(): boolean {
    return this.team.some((member) => member.ManagerId === userId);
  }

  get teamOptions(): Option[] {
    return teamOptions(this.team, LABELS.myTeam);
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

  get dataQualityTarget(): number | null {
    return this.report?.againstStrategy.dataQuality.target ?? null;
  }

  get stageNames(): string[] {
    return (this.review?.facts.stages ?? []).map((stage) => stage.ApiName);
  }

  get sellers() {
    return this.report?.sellers ?? [];
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

  get selectedDeal(): ReviewDeal | null {
    return this.deals.find((deal) => deal.Id === this.selectedId) ?? null;
  }

  handleTeam(event: CustomEvent<{ value: string }>): void {
    this.managerId = event.detail.value || null;
    this.resetSelection();
  }

  handlePeriod(event: CustomEvent<{ value: string }>): void {
    const { start, end } = parsePeriodValue(event.detail.value);
    this.periodStart = start;
    this.periodEnd = end;
    // A period that has not started counts its changes from today (its start is still ahead),
    // and Apex loads the history from that day; any other period from its start.
    this.changesSince = start > this.today ? this.today : null;
    this.resetSelection();
  }

  handleSince(event: CustomEvent<{ value: string }>): void {
    this.changesSince = event.detail.value || null;
  }

  handleChangeFilter(event: CustomEvent<{ kind: ChangeKind | '' }>): void {
    this.changeFilter = event.detail.kind;
  }

  handleClearChange(): void {
    this.changeFilter = '';
  }

  handleCoach(event: CustomEvent<{ id: string }>): void {
    this.selectedId = event.detail.id;
  }

  async handleRefresh(): Promise<void> {
    this.morePages = [];
    await refreshApex(this.wiredFacts);
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
    this.changeFilter = '';
  }
}

/**
 * The forecast categories of the period as one bar against the target: closed won, then the open
 * Commit, Best Case and Pipeline amounts stacked in that order (each segment is the difference of
 * two cumulative roll-ups of c/salesKpis), and a line at the target. Every segment is named in
 * text and a button shows the figures as a table.
 */
import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/labelFormat';
import { LABELS } from 'c/kpiView';
import { REVIEW_LABELS } from 'c/reviewFormat';
import { formatsInCurrency, money, type Money } from 'c/userFormat';
import type { ForecastRollup } from 'c/salesKpis';

const WIDTH = 720;
const BAR_Y = 28;
const BAR_HEIGHT = 36;

let instances = 0;

export default class ReviewForecastBar extends LightningElement {
  @api rollup: ForecastRollup | null = null;
  @api target: number | null = null;
  /** The ISO code of the currency the facts state their amounts in; null for the user's. */
  @api currency: string | null = null;

  labels = REVIEW_LABELS;
  showTable = false;
  viewBox = `0 0 ${WIDTH} 96`;
  barY = BAR_Y;
  barHeight = BAR_HEIGHT;
  private readonly uid = `forecast-bar-${++instances}`;

  /** An amount in the currency the facts state. */
  private amount(value: number | null): Money {
    return money(value, formatsInCurrency(this.currency));
  }

  get heading(): string {
    return REVIEW_LABELS.forecastBarTitle;
  }

  get titleId(): string {
    return `${this.uid}-title`;
  }

  get descId(): string {
    return `${this.uid}-desc`;
  }

  get tableId(): string {
    return `${this.uid}-table`;
  }

  private get categories() {
    const rollup = this.rollup;
    if (!rollup) return [];
    const cumulative: [string, string, number][] = [
      ['closed', REVIEW_LABELS.closed, rollup.closed],
      ['commit', LABELS.commit, rollup.commit],
      ['bestCase', LABELS.bestCase, rollup.bestCase],
      ['pipeline', REVIEW_LABELS.pipelineCategory, rollup.openPipeline]
    ];
    return cumulative.map(([key, label, total], index) => ({
      key,
      label,
      amount: total - (index === 0 ? 0 : cumulative[index - 1][2]),
      cumulative: total
    }));
  }

  private get scaleMax(): number {
    const rollup = this.rollup;
    return Math.max(rollup?.openPipeline ?? 0, this.target ?? 0, 1);
  }

  get segments() {
    const scale = WIDTH / this.scaleMax;
    let x = 0;
    return this.categories.map((category) => {
      const width = Math.max(category.amount, 0) * scale;
      const segment = {
        ...category,
        x,
        width,
        segmentClass: `segment segment_${category.key}`,
        textX: x + width / 2,
        showText: width > 60,
        text: this.amount(category.amount).text
      };
      x += width;
      return segment;
    });
  }

  /** Nothing to draw: no deal in any category and no target. */
  get isEmpty(): boolean {
    return (this.rollup?.openPipeline ?? 0) <= 0 && this.target === null;
  }

  get hasChart(): boolean {
    return !this.isEmpty;
  }

  get hasTarget(): boolean {
    return this.target !== null;
  }

  get targetX(): number {
    return ((this.target ?? 0) / this.scaleMax) * WIDTH;
  }

  get targetTextX(): number {
    return Math.min(Math.max(this.targetX, 40), WIDTH - 40);
  }

  get targetText(): string {
    return formatLabel(REVIEW_LABELS.targetMarker, this.amount(this.target).text);
  }

  get summary(): string {
    const rollup = this.rollup;
    return formatLabel(
      REVIEW_LABELS.forecastBarSummary,
      this.amount(rollup?.closed ?? null).text,
      this.amount(rollup?.commit ?? null).text,
      this.amount(rollup?.bestCase ?? null).text,
      this.amount(rollup?.openPipeline ?? null).text,
      this.target === null ? REVIEW_LABELS.noTargetSet : this.amount(this.target).text
    );
  }

  get rows() {
    return this.categories.map((category) => ({
      key: category.key,
      label: category.label,
      amount: this.amount(category.amount),
      cumulative: this.amount(category.cumulative)
    }));
  }

  get targetRow() {
    return this.target === null ? null : this.amount(this.target);
  }

  get expanded(): string {
    return String(this.showTable);
  }

  get toggleLabel(): string {
    return this.showTable ? REVIEW_LABELS.hideTable : REVIEW_LABELS.showTable;
  }

  toggleTable(): void {
    this.showTable = !this.showTable;
  }
}

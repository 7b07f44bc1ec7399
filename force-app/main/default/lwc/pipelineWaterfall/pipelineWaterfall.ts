/**
 * A waterfall chart drawn by the component in SVG: totals stand on zero, each step moves the
 * running total up or down. Every bar carries its signed value in text (never colour alone), the
 * SVG is an image with a text summary, and a button shows the same figures as a table.
 */
import { LightningElement, api } from 'lwc';
import { REVIEW_LABELS } from 'c/reviewFormat';
import { formatsInCurrency, money, signedMoney } from 'c/userFormat';
import {
  LABEL_Y,
  VIEW_HEIGHT,
  VIEW_WIDTH,
  waterfallBars,
  type WaterfallStep
} from './waterfallGeometry';

export type { WaterfallStep };

let instances = 0;

export default class PipelineWaterfall extends LightningElement {
  /** The chart's heading. */
  @api heading = '';
  /** One sentence that says what the chart shows (the image's text alternative). */
  @api summary = '';
  @api steps: readonly WaterfallStep[] = [];
  /** The ISO code of the currency the steps' amounts are in; null for the user's. */
  @api currency: string | null = null;

  labels = REVIEW_LABELS;
  showTable = false;
  viewBox = `0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`;
  labelY = LABEL_Y;
  private readonly uid = `waterfall-${++instances}`;

  get titleId(): string {
    return `${this.uid}-title`;
  }

  get descId(): string {
    return `${this.uid}-desc`;
  }

  get bars() {
    const steps = this.steps ?? [];
    const formats = formatsInCurrency(this.currency);
    return waterfallBars(steps).map((bar, index) => {
      const step = steps[index];
      const shown = step.total ? money(step.value, formats) : signedMoney(step.value, formats);
      return {
        ...bar,
        barClass: `bar bar_${bar.kind}`,
        valueText: shown.text,
        exact: shown.exact,
        label: step.label
      };
    });
  }

  get rows() {
    const formats = formatsInCurrency(this.currency);
    return this.bars.map((bar) => ({
      key: bar.key,
      label: bar.label,
      valueText: bar.valueText,
      exact: bar.exact,
      running: money(bar.runningTotal, formats)
    }));
  }

  get toggleLabel(): string {
    return this.showTable ? this.labels.hideTable : this.labels.showTable;
  }

  get expanded(): string {
    return String(this.showTable);
  }

  get tableId(): string {
    return `${this.uid}-table`;
  }

  toggleTable(): void {
    this.showTable = !this.showTable;
  }
}

/**
 * The pipeline review's KPI header: the tiles of `headerTiles.ts` (status in words and an icon,
 * never colour alone; the exact amount on hover and for screen readers) and the forecast
 * categories against the period's target. Amounts are in the currency the facts state
 * (`currency`, from c/pipelineReview), passed on to the forecast bar.
 */
import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/labelFormat';
import { REVIEW_LABELS } from 'c/reviewFormat';
import type { IsoDate, Period, SalesKpiReport } from 'c/salesKpis';
import { formatsInCurrency, percent } from 'c/userFormat';
import { periodPhase, reviewTiles } from './headerTiles';

export default class ReviewKpiHeader extends LightningElement {
  @api report: SalesKpiReport | null = null;
  @api period: Period | null = null;
  @api today: IsoDate = '';
  /** False when the viewer manages no one: manager-only tiles are not judged. */
  @api viewerManages = false;
  /** The ISO code of the currency the facts state their amounts in; null for the user's. */
  @api currency: string | null = null;

  get tiles() {
    const report = this.report;
    const period = this.period;
    if (!report || !period) return [];
    return reviewTiles(report, {
      phase: periodPhase(period, this.today),
      viewerManages: this.viewerManages,
      formats: formatsInCurrency(this.currency)
    }).map((tile) => ({
      ...tile,
      hasStatus: tile.status !== '',
      hasProgress: tile.progress !== null,
      hasExact: tile.exact !== '',
      exactText: formatLabel(REVIEW_LABELS.exactAmount, tile.exact),
      progressStyle: `width: ${tile.progress ?? 0}%`,
      progressText: formatLabel(REVIEW_LABELS.progress, percent((tile.progress ?? 0) / 100))
    }));
  }

  get rollup() {
    return this.report?.rollup ?? null;
  }

  get target(): number | null {
    return this.report?.pipeline.target ?? null;
  }
}

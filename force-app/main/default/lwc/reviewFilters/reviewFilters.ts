/**
 * The review's pickers: whose team, which period, and the "changes since" date. Each dispatches
 * `teamchange`, `periodchange` or `sincechange` with `{ value }`. A "since" date later than today
 * is refused (the input says why) and never dispatched: changes cannot be counted from tomorrow.
 */
import { LightningElement, api } from 'lwc';
import { LABELS, type Option } from 'c/kpiView';
import { REVIEW_LABELS } from 'c/reviewFormat';

export default class ReviewFilters extends LightningElement {
  @api teamOptions: readonly Option[] = [];
  @api teamValue = '';
  @api periodOptions: readonly Option[] = [];
  @api periodValue = '';
  @api since = '';
  /** Today (ISO date): the latest "since" date. */
  @api today = '';

  labels = LABELS;
  sinceMaxMessage = REVIEW_LABELS.sinceMax;

  handleTeam(event: CustomEvent<{ value: string }>): void {
    this.forward('teamchange', event.detail.value);
  }

  handlePeriod(event: CustomEvent<{ value: string }>): void {
    this.forward('periodchange', event.detail.value);
  }

  handleSince(event: CustomEvent<{ value: string }>): void {
    const value = event.detail.value ?? '';
    if (value && this.today && value > this.today) return;
    this.forward('sincechange', value);
  }

  private forward(name: string, value: string): void {
    this.dispatchEvent(new CustomEvent(name, { detail: { value } }));
  }
}

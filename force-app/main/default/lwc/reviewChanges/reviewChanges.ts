/**
 * What changed since a date: each change kind (new, won, lost, pushed, pulled in, moved in, moved
 * out, amount up, amount down) is a toggle button with its count and amount; pressing one asks
 * the review to show only its deals (`changefilter`, detail `{ kind }`, '' for all). Below, the
 * bridge from the open pipeline at the start of the date to today, as figures and a waterfall.
 * Amounts are in the currency the facts state (`currency`, from c/pipelineReview).
 */
import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/labelFormat';
import { LABELS } from 'c/kpiView';
import { CHANGE_KINDS, type ChangeKind, type ChangesSince, type IsoDate } from 'c/salesKpis';
import { CHANGE_LABELS, REVIEW_LABELS, dealCount } from 'c/reviewFormat';
import { dateText, formatsInCurrency, money, signedMoney, type UserFormats } from 'c/userFormat';
import type { WaterfallStep } from 'c/pipelineWaterfall';

/** The bridge's steps in the order the waterfall draws them, signed. */
export function bridgeSteps(changes: ChangesSince, sinceText: string): WaterfallStep[] {
  const bridge = changes.bridge;
  return [
    {
      key: 'opening',
      label: formatLabel(REVIEW_LABELS.bridgeOpening, sinceText),
      value: bridge.opening,
      total: true
    },
    { key: 'newDeals', label: LABELS.newDeals, value: bridge.newDeals, total: false },
    { key: 'movedIn', label: REVIEW_LABELS.movedIn, value: bridge.movedIn, total: false },
    {
      key: 'amountChange',
      label: REVIEW_LABELS.bridgeAmountChange,
      value: bridge.amountChange,
      total: false
    },
    { key: 'won', label: LABELS.won, value: -bridge.won, total: false },
    { key: 'lost', label: LABELS.lost, value: -bridge.lost, total: false },
    { key: 'movedOut', label: LABELS.movedOut, value: -bridge.movedOut, total: false },
    {
      key: 'movedEarlier',
      label: REVIEW_LABELS.bridgeMovedEarlier,
      value: -bridge.movedEarlier,
      total: false
    },
    { key: 'closing', label: REVIEW_LABELS.bridgeClosing, value: bridge.closing, total: true }
  ];
}

export default class ReviewChanges extends LightningElement {
  @api changes: ChangesSince | null = null;
  /** The change kind the deal table shows, or '' for every deal. */
  @api selected: ChangeKind | '' = '';
  /** The ISO code of the currency the facts state their amounts in; null for the user's. */
  @api currency: string | null = null;

  labels = REVIEW_LABELS;

  private get formats(): UserFormats {
    return formatsInCurrency(this.currency);
  }

  private get sinceText(): string {
    return dateText(this.changes?.since as IsoDate | undefined);
  }

  get heading(): string {
    return formatLabel(LABELS.changesTitle, this.sinceText);
  }

  get buttons() {
    const changes = this.changes;
    if (!changes) return [];
    const formats = this.formats;
    return CHANGE_KINDS.map((kind) => {
      const tally = changes[kind];
      const pressed = kind === this.selected;
      const amount = money(tally.amount, formats);
      return {
        kind,
        label: CHANGE_LABELS[kind],
        count: dealCount(tally.count),
        amount: amount.text,
        exact: amount.exact,
        pressed: String(pressed),
        buttonClass: `slds-button change ${pressed ? 'slds-button_brand' : 'slds-button_neutral'}`,
        hint: formatLabel(REVIEW_LABELS.changeFilterHint, CHANGE_LABELS[kind])
      };
    });
  }

  get steps(): WaterfallStep[] {
    return this.changes ? bridgeSteps(this.changes, this.sinceText) : [];
  }

  get bridgeRows() {
    const formats = this.formats;
    return this.steps.map((step) => {
      const shown = step.total ? money(step.value, formats) : signedMoney(step.value, formats);
      return { key: step.key, label: step.label, text: shown.text, exact: shown.exact };
    });
  }

  get bridgeTitle(): string {
    return formatLabel(REVIEW_LABELS.bridgeTitle, this.sinceText);
  }

  get summary(): string {
    const bridge = this.changes?.bridge;
    return formatLabel(
      REVIEW_LABELS.waterfallSummary,
      money(bridge?.opening ?? null, this.formats).text,
      money(bridge?.closing ?? null, this.formats).text
    );
  }

  handleToggle(event: Event): void {
    const kind = (event.currentTarget as HTMLElement).dataset.change as ChangeKind;
    this.dispatchEvent(
      new CustomEvent('changefilter', { detail: { kind: kind === this.selected ? '' : kind } })
    );
  }
}

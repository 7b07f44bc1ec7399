/**
 * How the pipeline review writes numbers: with c/userFormat, the one home of locale-aware
 * formatting (the running user's locale and currency; amounts compact with the exact amount
 * beside them, one whole-percent style), plus what only the review says: counts with the plural
 * the locale's rules pick, and its change kinds in words. No DOM.
 */
import { formatLabel } from 'c/labelFormat';
import { LABELS } from 'c/kpiView';
import type { ChangeKind } from 'c/salesKpis';
import { formatsFor, pluralOf } from 'c/userFormat';
import { REVIEW_LABELS } from './labels';

export { REVIEW_LABELS };

/** '1 deal', '2 deals', as the locale's plural rules choose between the two labels. */
export function dealCount(count: number, formats = formatsFor()): string {
  const template =
    pluralOf(count, formats) === 'one' ? REVIEW_LABELS.dealCountOne : REVIEW_LABELS.dealCountOther;
  return formatLabel(template, formats.integer.format(count));
}

/** The change kinds in words. */
export const CHANGE_LABELS: Readonly<Record<ChangeKind, string>> = {
  newDeals: LABELS.newDeals,
  won: LABELS.won,
  lost: LABELS.lost,
  pushed: LABELS.pushed,
  pulledIn: LABELS.pulledIn,
  movedIn: REVIEW_LABELS.movedIn,
  movedOut: LABELS.movedOut,
  amountUp: LABELS.amountUp,
  amountDown: LABELS.amountDown
};

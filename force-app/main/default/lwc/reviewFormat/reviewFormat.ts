/**
 * How the pipeline review writes numbers: in the running user's locale and currency
 * (`userLocale.ts`), amounts compact ('2,3 mio. kr.', '$2.3M') with the exact amount beside
 * them for a hover title and assistive text, one percentage style (whole percent), and counts
 * with the plural the locale's rules pick. Also the review's change kinds in words. No DOM.
 */
import { formatLabel } from 'c/labelFormat';
import { LABELS } from 'c/kpiView';
import type { ChangeKind, IsoDate } from 'c/salesKpis';
import { REVIEW_LABELS } from './labels';
import { USER_CURRENCY, USER_LOCALE } from './userLocale';

export { REVIEW_LABELS };

/** The blank shown for a KPI with no value. */
export const BLANK = '—';

/** An amount as shown (compact) and in full (for the title and screen readers). */
export interface Money {
  text: string;
  exact: string;
}

interface Formats {
  compact: Intl.NumberFormat;
  exact: Intl.NumberFormat;
  percent: Intl.NumberFormat;
  decimal: Intl.NumberFormat;
  integer: Intl.NumberFormat;
  plural: Intl.PluralRules;
  date: Intl.DateTimeFormat;
}

const cache = new Map<string, Formats>();

/** The formats of a locale and currency, built once (Intl constructors are not cheap). */
export function formatsFor(
  locale: string = USER_LOCALE,
  currency: string = USER_CURRENCY
): Formats {
  const key = `${locale}|${currency}`;
  let formats = cache.get(key);
  if (!formats) {
    formats = {
      compact: new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        notation: 'compact',
        minimumFractionDigits: 0,
        maximumFractionDigits: 1
      }),
      exact: new Intl.NumberFormat(locale, { style: 'currency', currency }),
      percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
      decimal: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
      integer: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      plural: new Intl.PluralRules(locale),
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
    };
    cache.set(key, formats);
  }
  return formats;
}

/** An amount, compact with its currency, and exact. A blank amount is shown as a dash. */
export function money(value: number | null, formats: Formats = formatsFor()): Money {
  if (value === null || !Number.isFinite(value)) return { text: BLANK, exact: '' };
  return { text: formats.compact.format(value), exact: formats.exact.format(value) };
}

/** An amount change with its sign: '+$20K', '−$5K'; zero without a sign. */
export function signedMoney(value: number, formats: Formats = formatsFor()): Money {
  const shown = money(Math.abs(value), formats);
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return { text: `${sign}${shown.text}`, exact: `${sign}${shown.exact}` };
}

/** A fraction as a whole percentage ('45%', '45 %' in Danish); the review's one style. */
export function percent(fraction: number | null, formats: Formats = formatsFor()): string {
  return fraction === null || !Number.isFinite(fraction) ? BLANK : formats.percent.format(fraction);
}

/** A number with at most one decimal ('0.9', '0,9'). */
export function decimal(value: number | null, formats: Formats = formatsFor()): string {
  return value === null || !Number.isFinite(value) ? BLANK : formats.decimal.format(value);
}

/** A whole number in the locale ('1,234'). */
export function integer(value: number | null, formats: Formats = formatsFor()): string {
  return value === null || !Number.isFinite(value) ? BLANK : formats.integer.format(value);
}

/** A coverage-like ratio: '0.9×'. */
export function times(value: number | null, formats: Formats = formatsFor()): string {
  return value === null ? BLANK : `${decimal(value, formats)}×`;
}

/** A date in the locale's medium style; the ISO date when it does not parse. */
export function dateText(
  value: IsoDate | null | undefined,
  formats: Formats = formatsFor()
): string {
  if (!value) return '';
  const parsed = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? value : formats.date.format(parsed);
}

/** '1 deal', '2 deals', as the locale's plural rules choose between the two labels. */
export function dealCount(count: number, formats: Formats = formatsFor()): string {
  const template =
    formats.plural.select(count) === 'one'
      ? REVIEW_LABELS.dealCountOne
      : REVIEW_LABELS.dealCountOther;
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

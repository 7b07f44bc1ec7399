/**
 * The one home of locale-aware formatting: every number, percentage, amount and date a
 * component shows is written here, in the running user's locale, currency and time zone from
 * Lightning's `@salesforce/i18n` modules (the workbench answers them from the acting user and
 * the org). Never a literal locale and never `undefined`: `undefined` is the browser's locale,
 * not the Salesforce user's. Amounts are money, so they always carry the currency. No DOM.
 */
import currency from '@salesforce/i18n/currency';
import locale from '@salesforce/i18n/locale';
import timeZone from '@salesforce/i18n/timeZone';

export const USER_LOCALE: string = locale;
export const USER_CURRENCY: string = currency;
export const USER_TIME_ZONE: string = timeZone;

/** The blank shown for a value that is missing. */
export const BLANK = '—';

/** An amount as shown (compact) and in full (for a hover title and assistive text). */
export interface Money {
  text: string;
  exact: string;
}

/** The formats of one locale, currency and time zone. */
export interface UserFormats {
  readonly locale: string;
  readonly currency: string;
  readonly timeZone: string;
  /** '2,3 mio. kr.', '$2.3M'. */
  readonly compactMoney: Intl.NumberFormat;
  /** '2.300.000,00 kr.', '$2,300,000.00'. */
  readonly exactMoney: Intl.NumberFormat;
  /** '1.234.567 kr.', '$1,234,567'. */
  readonly wholeMoney: Intl.NumberFormat;
  /** '46 %', '46%'. */
  readonly percent: Intl.NumberFormat;
  /** '12,3 %', '12.3%'. */
  readonly precisePercent: Intl.NumberFormat;
  /** '0,9', '0.9'. */
  readonly decimal: Intl.NumberFormat;
  /** '1.234', '1,234'. */
  readonly integer: Intl.NumberFormat;
  readonly plural: Intl.PluralRules;
  /** A calendar date: it has no time zone, so it is written as the UTC day it names. */
  readonly date: Intl.DateTimeFormat;
  /** An instant, in the user's time zone. */
  readonly dateTime: Intl.DateTimeFormat;
}

/** The locale Intl can use: a locale it does not know must not break the page. */
function usableLocale(candidate: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([candidate]).length ? candidate : 'en-US';
  } catch {
    return 'en-US';
  }
}

/** The time zone Intl can use; an unknown one falls back to UTC rather than throwing. */
function usableTimeZone(candidate: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: candidate }).resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}

/** The currency Intl can use; a malformed code falls back to the ISO code for "no currency". */
function usableCurrency(candidate: string): string {
  return /^[A-Za-z]{3}$/.test(candidate) ? candidate.toUpperCase() : 'XXX';
}

const cache = new Map<string, UserFormats>();

/**
 * The formats of a locale, currency and time zone (the running user's by default), built once:
 * Intl constructors are not cheap and tables format hundreds of cells.
 */
export function formatsFor(
  userLocale: string = USER_LOCALE,
  userCurrency: string = USER_CURRENCY,
  userTimeZone: string = USER_TIME_ZONE
): UserFormats {
  const key = `${userLocale}|${userCurrency}|${userTimeZone}`;
  let formats = cache.get(key);
  if (!formats) {
    const tag = usableLocale(userLocale);
    const code = usableCurrency(userCurrency);
    const zone = usableTimeZone(userTimeZone);
    formats = {
      locale: tag,
      currency: code,
      timeZone: zone,
      compactMoney: new Intl.NumberFormat(tag, {
        style: 'currency',
        currency: code,
        notation: 'compact',
        minimumFractionDigits: 0,
        maximumFractionDigits: 1
      }),
      exactMoney: new Intl.NumberFormat(tag, { style: 'currency', currency: code }),
      wholeMoney: new Intl.NumberFormat(tag, {
        style: 'currency',
        currency: code,
        minimumFractionDigits: 0,
        maximumFractionDigits: 0
      }),
      percent: new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }),
      precisePercent: new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }),
      decimal: new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }),
      integer: new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }),
      plural: new Intl.PluralRules(tag),
      date: new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }),
      dateTime: new Intl.DateTimeFormat(tag, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: zone
      })
    };
    cache.set(key, formats);
  }
  return formats;
}

/**
 * The formats for amounts in a stated currency, in the running user's locale and time zone: the
 * currency the Apex facts converted their amounts into (`currencyIsoCode`). The LWC guide does
 * not say that `@salesforce/i18n/currency` is the user's personal currency in a multi-currency
 * org, so a component that shows amounts from facts formats them in the currency the facts state,
 * which is. Facts
 * that state none (older cached data, an org without multiple currencies) fall back to the
 * user's currency.
 */
export function formatsInCurrency(currencyIsoCode: string | null | undefined): UserFormats {
  return formatsFor(USER_LOCALE, currencyIsoCode || USER_CURRENCY);
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** An amount, compact with its currency, and exact. A blank amount is shown as a dash. */
export function money(value: number | null | undefined, formats = formatsFor()): Money {
  if (!isNumber(value)) return { text: BLANK, exact: '' };
  return { text: formats.compactMoney.format(value), exact: formats.exactMoney.format(value) };
}

/** An amount change with its sign: '+$20K', '−$5K'; zero without a sign. */
export function signedMoney(value: number, formats = formatsFor()): Money {
  const shown = money(Math.abs(value), formats);
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return { text: `${sign}${shown.text}`, exact: `${sign}${shown.exact}` };
}

/** An amount in whole units with its currency: '1.234.567 kr.', 'DKK 1,234,567', '$1,234,567'. */
export function wholeMoney(value: number | null | undefined, formats = formatsFor()): string {
  return isNumber(value) ? formats.wholeMoney.format(value) : BLANK;
}

/** A fraction as a whole percentage ('45%', '45 %' in Danish). */
export function percent(fraction: number | null | undefined, formats = formatsFor()): string {
  return isNumber(fraction) ? formats.percent.format(fraction) : BLANK;
}

/** A fraction as a percentage with at most one decimal ('12.3%', '12,3 %'). */
export function precisePercent(
  fraction: number | null | undefined,
  formats = formatsFor()
): string {
  return isNumber(fraction) ? formats.precisePercent.format(fraction) : BLANK;
}

/** A number with at most one decimal ('0.9', '0,9'). */
export function decimal(value: number | null | undefined, formats = formatsFor()): string {
  return isNumber(value) ? formats.decimal.format(value) : BLANK;
}

/** A whole number in the locale ('1,234', '1.234'). */
export function integer(value: number | null | undefined, formats = formatsFor()): string {
  return isNumber(value) ? formats.integer.format(value) : BLANK;
}

/** A coverage-like ratio: '0.9×', '0,9×'. */
export function times(value: number | null | undefined, formats = formatsFor()): string {
  return isNumber(value) ? `${decimal(value, formats)}×` : BLANK;
}

/** The plural category the locale's rules choose for a count ('one', 'other', ...). */
export function pluralOf(count: number, formats = formatsFor()): Intl.LDMLPluralRule {
  return formats.plural.select(count);
}

/**
 * A calendar date ('2026-08-28', or the date part of a date-time string) in the locale's
 * medium style; '' when there is none, the value itself when it does not parse.
 */
export function dateText(value: string | null | undefined, formats = formatsFor()): string {
  if (!value) return '';
  const parsed = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? value : formats.date.format(parsed);
}

/** An instant ('2026-08-28T09:00:00.000Z') in the user's locale and time zone. */
export function dateTimeText(value: string | null | undefined, formats = formatsFor()): string {
  if (!value) return '';
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? value : formats.dateTime.format(parsed);
}

const fieldFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number with a field's scale (its decimal places, as its metadata defines them): Lightning
 * shows a currency field's scale in full ('129.000,00 kr.'), and a percent or number field's
 * decimals only where it has them. `kind` picks the style; a percent field holds 0-100.
 */
export function fieldNumber(
  kind: 'currency' | 'percent' | 'number',
  value: number,
  scale: number | undefined,
  formats = formatsFor()
): string {
  const digits = Math.min(Math.max(scale ?? 2, 0), 18);
  const key = `${formats.locale}|${formats.currency}|${kind}|${digits}`;
  let format = fieldFormats.get(key);
  if (!format) {
    format =
      kind === 'currency'
        ? new Intl.NumberFormat(formats.locale, {
            style: 'currency',
            currency: formats.currency,
            minimumFractionDigits: digits,
            maximumFractionDigits: digits
          })
        : new Intl.NumberFormat(formats.locale, {
            style: kind === 'percent' ? 'percent' : 'decimal',
            maximumFractionDigits: digits
          });
    fieldFormats.set(key, format);
  }
  return format.format(kind === 'percent' ? value / 100 : value);
}

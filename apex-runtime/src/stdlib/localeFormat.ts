/**
 * What `format()` on numbers, Dates and Datetimes prints in the user's locale, and what
 * `Date.parse` and `Datetime.parse` read. Numbers follow java.text.NumberFormat.getInstance(locale)
 * (grouping, at most three decimals, half-even, no trailing zeros); dates and times the locale's
 * short formats (`locales.ts`).
 */
import { ApexDecimal } from '../values/decimal';
import { ApexDouble } from '../values/primitives';
import { ApexDate, ApexDatetime, ApexTime, daysInMonth } from '../values/temporal';
import { typeError } from './apexErrors';
import {
  calendarFieldsOf,
  calendarFieldsOfDate,
  formatWithPattern,
  resolveTimeZone
} from './dateFormat';
import { localeConventions, type LocaleConventions } from './locales';

export type FormattableNumber = number | bigint | ApexDouble | ApexDecimal;

/** The most decimals NumberFormat.getInstance prints (Decimal Class: 12,345.679). */
export const MAX_FORMAT_FRACTION_DIGITS = 3;

function groupDigits(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * A number as `format()` prints it for the locale: `1,234,567.5` (en_US), `1.234.567,5`
 * (da_DK). Integers and Longs print every digit; Doubles their Java digits, so
 * `Double.format()` agrees with `Decimal.valueOf(Double).format()`.
 */
export function formatNumber(
  value: FormattableNumber,
  locale: string,
  maxFractionDigits: number = MAX_FORMAT_FRACTION_DIGITS
): string {
  const conventions = localeConventions(locale);
  if (value instanceof ApexDouble && !Number.isFinite(value.value)) {
    if (Number.isNaN(value.value)) return 'NaN';
    return value.value > 0 ? '∞' : '-∞';
  }
  const decimal =
    value instanceof ApexDecimal
      ? value
      : value instanceof ApexDouble
        ? ApexDecimal.fromDouble(value.value)
        : ApexDecimal.fromInteger(value);
  const negative =
    decimal.signum() < 0 || (value instanceof ApexDouble && Object.is(value.value, -0));
  const rounded = decimal
    .abs()
    .withScale(Math.min(Math.max(decimal.scale, 0), maxFractionDigits), 'HALF_EVEN');
  const [whole, fraction = ''] = rounded.toPlainString().split('.');
  const trimmedFraction = fraction.replace(/0+$/, '');
  const text =
    groupDigits(whole, conventions.groupingSeparator) +
    (trimmedFraction ? conventions.decimalSeparator + trimmedFraction : '');
  return negative ? `-${text}` : text;
}

/** `Date.format()`: the locale's short date (`1/28/2008`, `28/01/2008`, `28.01.2008`). */
export function formatDate(date: ApexDate, locale: string): string {
  const conventions = localeConventions(locale);
  return formatWithPattern(conventions.shortDate, calendarFieldsOfDate(date), conventions);
}

function glue(conventions: LocaleConventions, date: string, time: string): string {
  return conventions.dateTimeGlue.replace('{1}', date).replace('{0}', time);
}

/**
 * `Datetime.format()`: the short date and short time in the user's zone, as ICU joins them
 * (`1/28/2008, 4:30 PM`; Salesforce Help, "Differences Between JDK and ICU Locale Formats").
 */
export function formatDatetime(datetime: ApexDatetime, timeZone: string, locale: string): string {
  const conventions = localeConventions(locale);
  const fields = calendarFieldsOf(datetime, timeZone);
  return glue(
    conventions,
    formatWithPattern(conventions.shortDate, fields, conventions),
    formatWithPattern(conventions.shortTime, fields, conventions)
  );
}

/**
 * `Datetime.formatLong()`: the short date and the long time with the zone
 * (`12/28/2012, 10:00:00 AM PST`).
 */
export function formatDatetimeLong(
  datetime: ApexDatetime,
  timeZone: string,
  locale: string
): string {
  const conventions = localeConventions(locale);
  const fields = calendarFieldsOf(datetime, timeZone);
  return glue(
    conventions,
    formatWithPattern(conventions.shortDate, fields, conventions),
    formatWithPattern(conventions.longTime, fields, conventions)
  );
}

/** The first day of the locale's week, 0 = Sunday (en_US Sunday, en_GB and da_DK Monday). */
export function firstDayOfWeek(locale: string): number {
  return localeConventions(locale).firstDayOfWeek;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface ParsedFields {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  pm?: boolean;
}

/**
 * A regular expression that reads the numeric fields of a short pattern (d, M, y, h, H, m, s, a)
 * and the literal text between them; the separator before the time may be a comma and spaces or
 * just spaces, since users type both.
 */
function patternReader(
  pattern: string,
  conventions: LocaleConventions
): { regex: RegExp; fields: string[] } {
  const fields: string[] = [];
  let source = '';
  for (const match of pattern.matchAll(/([dMyhHmsa])\1*|'[^']*'|[^dMyhHmsa']+/g)) {
    const token = match[0];
    if (/^[dMyhHms]/.test(token)) {
      fields.push(token[0]);
      source += token[0] === 'y' ? '(\\d{4})' : '(\\d{1,2})';
    } else if (token === 'a') {
      fields.push('a');
      source += `(${conventions.amPm.map(escapeRegExp).join('|')})`;
    } else if (token.startsWith("'")) {
      source += escapeRegExp(token.slice(1, -1));
    } else if (token === ', ' || token === ' ') {
      source += ',?\\s+';
    } else {
      source += escapeRegExp(token).replace(/ /g, '\\s+');
    }
  }
  return { regex: new RegExp(`^\\s*${source}\\s*$`, 'i'), fields };
}

function readFields(
  text: string,
  pattern: string,
  conventions: LocaleConventions
): ParsedFields | null {
  const { regex, fields } = patternReader(pattern, conventions);
  const match = regex.exec(text);
  if (!match) return null;
  const parsed: ParsedFields = {};
  fields.forEach((field, index) => {
    const value = match[index + 1];
    switch (field) {
      case 'y':
        parsed.year = Number(value);
        break;
      case 'M':
        parsed.month = Number(value);
        break;
      case 'd':
        parsed.day = Number(value);
        break;
      case 'h':
      case 'H':
        parsed.hour = Number(value);
        break;
      case 'm':
        parsed.minute = Number(value);
        break;
      case 's':
        parsed.second = Number(value);
        break;
      case 'a':
        parsed.pm = value.toLowerCase() === conventions.amPm[1].toLowerCase();
        break;
    }
  });
  return parsed;
}

function validDate(fields: ParsedFields): ApexDate | null {
  const { year, month, day } = fields;
  if (year === undefined || month === undefined || day === undefined) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return ApexDate.of(year, month, day);
}

/**
 * `Date.parse(text)`: the locale's short date (`12/27/2009` for en_US, `27.12.2009` for da_DK).
 * Anything else raises `System.TypeException: Invalid date: <text>`; this runtime reads strictly
 * (a four-digit year, a real day of the month).
 */
export function parseDate(text: string, locale: string): ApexDate {
  const conventions = localeConventions(locale);
  const fields = readFields(text, conventions.shortDate, conventions);
  const date = fields && validDate(fields);
  if (!date) throw typeError(`Invalid date: ${text}`);
  return date;
}

/**
 * `Datetime.parse(text)`: the locale's short date and short time in the user's zone
 * (`12/27/2009 11:46 AM` or `12/27/2009, 11:46 AM` for en_US). Anything else raises
 * `System.TypeException: Invalid date/time: <text>`.
 */
export function parseDatetime(text: string, timeZone: string, locale: string): ApexDatetime {
  const conventions = localeConventions(locale);
  const pattern = glue(conventions, conventions.shortDate, conventions.shortTime);
  const fields = readFields(text, pattern, conventions);
  const date = fields && validDate(fields);
  if (!fields || !date) throw typeError(`Invalid date/time: ${text}`);
  let hour = fields.hour ?? 0;
  const twelveHour = conventions.shortTime.includes('h');
  if (twelveHour) {
    if (hour < 1 || hour > 12) throw typeError(`Invalid date/time: ${text}`);
    hour = (hour % 12) + (fields.pm ? 12 : 0);
  }
  const minute = fields.minute ?? 0;
  if (hour > 23 || minute > 59) throw typeError(`Invalid date/time: ${text}`);
  return ApexDatetime.ofLocal(date, ApexTime.of(hour, minute, 0, 0), resolveTimeZone(timeZone));
}

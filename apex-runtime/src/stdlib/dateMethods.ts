/**
 * The methods of Apex's Date class (Apex Reference, "Date Class") over `ApexDate`. Instance
 * methods take the receiver first (never null: the interpreter raises the NullPointerException);
 * methods whose result depends on the running user take the user's time zone id
 * (`Europe/Copenhagen`) or locale (`da_DK`) last.
 */
import { ApexDate, ApexDatetime, daysInMonth as civilDaysInMonth } from '../values/temporal';
import { isLeapYear as civilIsLeapYear } from '../values/temporal';
import { typeError } from './apexErrors';
import { resolveTimeZone } from './dateFormat';
import { firstDayOfWeek, formatDate, parseDate } from './localeFormat';

export function addDays(date: ApexDate, days: number): ApexDate {
  return date.addDays(days);
}

/** The same day `months` later, clamped to the month's end (January 31 + 1 = February 28). */
export function addMonths(date: ApexDate, months: number): ApexDate {
  return date.addMonths(months);
}

export function addYears(date: ApexDate, years: number): ApexDate {
  return date.addYears(years);
}

export function day(date: ApexDate): number {
  return date.day;
}

export function dayOfYear(date: ApexDate): number {
  return date.dayOfYear();
}

/** Days from `date` to `other`; negative when `other` is earlier. */
export function daysBetween(date: ApexDate, other: ApexDate): number {
  return date.daysBetween(other);
}

export function daysInMonth(year: number, month: number): number {
  return civilDaysInMonth(year, month);
}

/** `format()`: the user's locale's short date. */
export function format(date: ApexDate, locale: string): string {
  return formatDate(date, locale);
}

export function isLeapYear(year: number): boolean {
  return civilIsLeapYear(year);
}

export function isSameDay(date: ApexDate, other: ApexDate): boolean {
  return date.epochDay === other.epochDay;
}

export function month(date: ApexDate): number {
  return date.month;
}

/** Months between, ignoring the days (March 1 and March 30 have 0 months between them). */
export function monthsBetween(date: ApexDate, other: ApexDate): number {
  return date.monthsBetween(other);
}

/**
 * `Date.newInstance(year, month, day)`. The docs are silent on out-of-range parts; Apex's
 * java.util.Calendar is lenient, so this runtime rolls them over (February 30 is March 2).
 */
export function newInstance(year: number, month: number, day: number): ApexDate {
  return ApexDate.of(year, month, day);
}

/** `Date.parse(text)`: the user's locale's short date; `System.TypeException` otherwise. */
export function parse(text: string, locale: string): ApexDate {
  return parseDate(text, locale);
}

/** `Date.today()`: the date in the user's time zone at `nowMs`. */
export function today(nowMs: number, timeZone: string): ApexDate {
  return new ApexDatetime(nowMs).wall(resolveTimeZone(timeZone)).date;
}

export function toStartOfMonth(date: ApexDate): ApexDate {
  return date.toStartOfMonth();
}

/**
 * `toStartOfWeek()`: the first day of the week holding the date, by the user's locale
 * (Date Class: Sunday for en_US, Monday for a European locale such as en_GB or da_DK).
 */
export function toStartOfWeek(date: ApexDate, locale: string): ApexDate {
  return date.toStartOfWeek(firstDayOfWeek(locale));
}

/**
 * `Date.valueOf(String)`: `yyyy-MM-dd`, optionally followed by ` HH:mm:ss` which is ignored
 * (Date Class). Months and days of one digit are read; an impossible date or any other text raises
 * `System.TypeException: Invalid date: <text>`.
 */
export function valueOf(text: string): ApexDate {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{1,2}):(\d{1,2}))?$/.exec(text);
  if (!match) throw typeError(`Invalid date: ${text}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > civilDaysInMonth(year, month)) {
    throw typeError(`Invalid date: ${text}`);
  }
  return ApexDate.of(year, month, day);
}

/**
 * `Date.valueOf(Object)`, meant for field history values: a Date stays, a String is read as by
 * `valueOf(String)`, a Datetime gives its GMT date (digicomet.blogspot.com, "Converting DateTime to
 * Date in Apex: Undocumented Pitfall"). Anything else raises `System.TypeException`.
 */
export function valueOfObject(value: unknown): ApexDate | null {
  if (value === null || value === undefined) return null;
  if (value instanceof ApexDate) return value;
  if (value instanceof ApexDatetime) return value.wall('GMT').date;
  if (typeof value === 'string') return valueOf(value);
  throw typeError('Invalid date');
}

export function year(date: ApexDate): number {
  return date.year;
}

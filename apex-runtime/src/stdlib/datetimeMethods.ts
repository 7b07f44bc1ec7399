/**
 * The methods of Apex's Datetime class (Apex Reference, "Datetime Class") over `ApexDatetime`.
 * A Datetime is an instant; methods without `Gmt` read it in the running user's time zone, which
 * callers pass as an IANA id (User.TimeZoneSidKey, e.g. `Europe/Copenhagen`), with the user's
 * locale (`da_DK`) where text is produced. The receiver comes first and is never null.
 */
import { ApexDate, ApexDatetime, ApexTime } from '../values/temporal';
import { typeError } from './apexErrors';
import { calendarFieldsOf, formatWithPattern, resolveTimeZone } from './dateFormat';
import { localeConventions } from './locales';
import { formatDatetime, formatDatetimeLong, parseDatetime } from './localeFormat';

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

function local(datetime: ApexDatetime, timeZone: string): { date: ApexDate; time: ApexTime } {
  return datetime.wall(resolveTimeZone(timeZone));
}

/**
 * `addDays(n)` adds n times 24 hours to the instant, so across a daylight-saving change the
 * local time moves by an hour (salesforce.stackexchange.com 238465 and 385788: in
 * America/Chicago, 2018-11-04 00:00 plus one day is 2018-11-04 23:00).
 */
export function addDays(datetime: ApexDatetime, days: number): ApexDatetime {
  return datetime.addMilliseconds(days * 24 * MS_PER_HOUR);
}

export function addHours(datetime: ApexDatetime, hours: number): ApexDatetime {
  return datetime.addMilliseconds(hours * MS_PER_HOUR);
}

export function addMinutes(datetime: ApexDatetime, minutes: number): ApexDatetime {
  return datetime.addMilliseconds(minutes * 60_000);
}

export function addSeconds(datetime: ApexDatetime, seconds: number): ApexDatetime {
  return datetime.addMilliseconds(seconds * 1000);
}

/**
 * `addMonths(n)`. The docs are silent on the calendar; as addDays works on the stored GMT value,
 * this runtime adds months on the GMT calendar, clamping the day to the month's end.
 */
export function addMonths(datetime: ApexDatetime, months: number): ApexDatetime {
  return datetime.addMonthsGmt(months);
}

export function addYears(datetime: ApexDatetime, years: number): ApexDatetime {
  return datetime.addMonthsGmt(years * 12);
}

/** `date()`: the date in the user's time zone. */
export function date(datetime: ApexDatetime, timeZone: string): ApexDate {
  return local(datetime, timeZone).date;
}

export function dateGmt(datetime: ApexDatetime): ApexDate {
  return datetime.wall('GMT').date;
}

export function day(datetime: ApexDatetime, timeZone: string): number {
  return local(datetime, timeZone).date.day;
}

export function dayGmt(datetime: ApexDatetime): number {
  return datetime.wall('GMT').date.day;
}

export function dayOfYear(datetime: ApexDatetime, timeZone: string): number {
  return local(datetime, timeZone).date.dayOfYear();
}

export function dayOfYearGmt(datetime: ApexDatetime): number {
  return datetime.wall('GMT').date.dayOfYear();
}

/** `format()`: the locale's short date and time in the user's zone (`1/28/2008, 4:30 PM`). */
export function format(datetime: ApexDatetime, timeZone: string, locale: string): string {
  return formatDatetime(datetime, timeZone, locale);
}

/**
 * `format(dateFormatString)` in the user's zone and `format(dateFormatString, timezone)` in the
 * given zone (pass the user's zone for the first). A zone id Java does not know formats in GMT.
 */
export function formatPattern(
  datetime: ApexDatetime,
  pattern: string,
  timeZone: string,
  locale: string
): string {
  return formatWithPattern(
    pattern,
    calendarFieldsOf(datetime, timeZone),
    localeConventions(locale)
  );
}

export function formatGmt(datetime: ApexDatetime, pattern: string, locale: string): string {
  return formatPattern(datetime, pattern, 'GMT', locale);
}

/** `formatLong()`: short date and long time with the zone (`12/28/2012, 10:00:00 AM PST`). */
export function formatLong(datetime: ApexDatetime, timeZone: string, locale: string): string {
  return formatDatetimeLong(datetime, timeZone, locale);
}

/** `getTime()`: milliseconds since 1970-01-01T00:00:00Z, a Long. */
export function getTime(datetime: ApexDatetime): bigint {
  return BigInt(datetime.epochMs);
}

export function hour(datetime: ApexDatetime, timeZone: string): number {
  return local(datetime, timeZone).time.hour;
}

export function hourGmt(datetime: ApexDatetime): number {
  return datetime.wall('GMT').time.hour;
}

/** `isSameDay(other)`: both fall on the same date in the user's time zone. */
export function isSameDay(datetime: ApexDatetime, other: ApexDatetime, timeZone: string): boolean {
  return date(datetime, timeZone).epochDay === date(other, timeZone).epochDay;
}

export function millisecond(datetime: ApexDatetime, timeZone: string): number {
  return local(datetime, timeZone).time.millisecond;
}

export function millisecondGmt(datetime: ApexDatetime): number {
  return datetime.wall('GMT').time.millisecond;
}

export function minute(datetime: ApexDatetime, timeZone: string): number {
  return local(datetime, timeZone).time.minute;
}

export function minuteGmt(datetime: ApexDatetime): number {
  return datetime.wall('GMT').time.minute;
}

export function month(datetime: ApexDatetime, timeZone: string): number {
  return local(datetime, timeZone).date.month;
}

export function monthGmt(datetime: ApexDatetime): number {
  return datetime.wall('GMT').date.month;
}

/** `Datetime.newInstance(milliseconds)`. */
export function newInstanceFromMillis(milliseconds: bigint | number): ApexDatetime {
  return new ApexDatetime(Number(milliseconds));
}

/** `Datetime.newInstance(date, time)`: the date and time on the user's wall clock. */
export function newInstanceFromDateAndTime(
  date: ApexDate,
  time: ApexTime,
  timeZone: string
): ApexDatetime {
  return ApexDatetime.ofLocal(date, time, resolveTimeZone(timeZone));
}

/**
 * `Datetime.newInstance(year, month, day)` (pass 0 for the time) and
 * `newInstance(year, month, day, hour, minute, second)`: the user's wall clock; out-of-range
 * parts roll over, as java.util.Calendar does.
 */
export function newInstance(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  timeZone: string
): ApexDatetime {
  const millis = ((hour * 60 + minute) * 60 + second) * 1000;
  const extraDays = Math.floor(millis / MS_PER_DAY);
  return ApexDatetime.ofLocal(
    ApexDate.of(year, month, day).addDays(extraDays),
    new ApexTime(millis - extraDays * MS_PER_DAY),
    resolveTimeZone(timeZone)
  );
}

export function newInstanceGmtFromDateAndTime(date: ApexDate, time: ApexTime): ApexDatetime {
  return ApexDatetime.ofGmt(date, time);
}

/** `Datetime.newInstanceGmt(year, month, day)` (time 0) and the six-part form. */
export function newInstanceGmt(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number
): ApexDatetime {
  return new ApexDatetime(
    ApexDate.of(year, month, day).epochDay * MS_PER_DAY +
      ((hour * 60 + minute) * 60 + second) * 1000
  );
}

/** `Datetime.now()`: the interpreter's clock. */
export function now(nowMs: number): ApexDatetime {
  return new ApexDatetime(nowMs);
}

/** `Datetime.parse(text)`: the locale's short date and time in the user's zone. */
export function parse(text: string, timeZone: string, locale: string): ApexDatetime {
  return parseDatetime(text, timeZone, locale);
}

export function second(datetime: ApexDatetime, timeZone: string): number {
  return local(datetime, timeZone).time.second;
}

export function secondGmt(datetime: ApexDatetime): number {
  return datetime.wall('GMT').time.second;
}

/** `time()`: the time of day on the user's wall clock. */
export function time(datetime: ApexDatetime, timeZone: string): ApexTime {
  return local(datetime, timeZone).time;
}

export function timeGmt(datetime: ApexDatetime): ApexTime {
  return datetime.wall('GMT').time;
}

function readDatetime(text: string): { date: ApexDate; time: ApexTime } {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})$/.exec(text);
  if (!match) throw typeError(`Invalid date/time: ${text}`);
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const date = ApexDate.of(year, month, day);
  if (date.month !== month || date.day !== day || hour > 23 || minute > 59 || second > 59) {
    throw typeError(`Invalid date/time: ${text}`);
  }
  return { date, time: ApexTime.of(hour, minute, second, 0) };
}

/**
 * `Datetime.valueOf(String)`: `yyyy-MM-dd HH:mm:ss` on the user's wall clock (Datetime Class).
 * Other text raises `System.TypeException: Invalid date/time: <text>`.
 */
export function valueOf(text: string, timeZone: string): ApexDatetime {
  const { date, time } = readDatetime(text);
  return ApexDatetime.ofLocal(date, time, resolveTimeZone(timeZone));
}

/** `Datetime.valueOfGmt(String)`: `yyyy-MM-dd HH:mm:ss` in GMT. */
export function valueOfGmt(text: string): ApexDatetime {
  const { date, time } = readDatetime(text);
  return ApexDatetime.ofGmt(date, time);
}

export function year(datetime: ApexDatetime, timeZone: string): number {
  return local(datetime, timeZone).date.year;
}

export function yearGmt(datetime: ApexDatetime): number {
  return datetime.wall('GMT').date.year;
}

/**
 * Apex `Date`, `Datetime` and `Time`. A Date is a day of the proleptic Gregorian calendar (no time
 * zone); a Datetime is an instant (milliseconds since 1970-01-01T00:00:00Z) shown in the running
 * user's time zone; a Time is a time of day in milliseconds. Time zones come from the ICU data
 * that Node ships (Intl), under the same IANA ids as User.TimeZoneSidKey.
 */

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthIndex = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthIndex + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The civil date of a day number (civil_from_days). */
export function civilOf(epochDay: number): { year: number; month: number; day: number } {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: era * 400 + yearOfEra + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

export class ApexDate {
  /** Days since 1970-01-01. */
  readonly epochDay: number;

  constructor(epochDay: number) {
    this.epochDay = epochDay;
  }

  /** A date from year, month (1-12) and day; days and months past the end roll over. */
  static of(year: number, month: number, day: number): ApexDate {
    const monthIndex = year * 12 + (month - 1);
    const normalisedYear = Math.floor(monthIndex / 12);
    const normalisedMonth = monthIndex - normalisedYear * 12 + 1;
    return new ApexDate(epochDayOf(normalisedYear, normalisedMonth, 1) + day - 1);
  }

  /** From `YYYY-MM-DD` (a trailing time part is ignored); throws RangeError otherwise. */
  static parseIso(text: string): ApexDate {
    const match = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
    if (!match) throw new RangeError(`Invalid date: ${text}`);
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      throw new RangeError(`Invalid date: ${text}`);
    }
    return ApexDate.of(year, month, day);
  }

  get year(): number {
    return civilOf(this.epochDay).year;
  }

  get month(): number {
    return civilOf(this.epochDay).month;
  }

  get day(): number {
    return civilOf(this.epochDay).day;
  }

  addDays(days: number): ApexDate {
    return new ApexDate(this.epochDay + days);
  }

  /** Apex addMonths: the same day in the target month, clamped to its last day. */
  addMonths(months: number): ApexDate {
    const { year, month, day } = civilOf(this.epochDay);
    const monthIndex = year * 12 + (month - 1) + months;
    const targetYear = Math.floor(monthIndex / 12);
    const targetMonth = monthIndex - targetYear * 12 + 1;
    return new ApexDate(
      epochDayOf(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)))
    );
  }

  /** Apex addYears: the same day in the target year; February 29 becomes February 28. */
  addYears(years: number): ApexDate {
    return this.addMonths(years * 12);
  }

  /** Day of the year, 1 for January 1. */
  dayOfYear(): number {
    return this.epochDay - epochDayOf(this.year, 1, 1) + 1;
  }

  /** Days from this date to `other`: negative when `other` is earlier (Date.daysBetween). */
  daysBetween(other: ApexDate): number {
    return other.epochDay - this.epochDay;
  }

  /**
   * Months from this date to `other`, ignoring the days (Date.monthsBetween: March 1 and March 30
   * have 0 months between them).
   */
  monthsBetween(other: ApexDate): number {
    const from = civilOf(this.epochDay);
    const to = civilOf(other.epochDay);
    return (to.year - from.year) * 12 + (to.month - from.month);
  }

  toStartOfMonth(): ApexDate {
    const { year, month } = civilOf(this.epochDay);
    return new ApexDate(epochDayOf(year, month, 1));
  }

  /** The latest date on or before this one that falls on `firstDayOfWeek` (0 = Sunday). */
  toStartOfWeek(firstDayOfWeek: number): ApexDate {
    return new ApexDate(this.epochDay - ((this.dayOfWeek() - firstDayOfWeek + 7) % 7));
  }

  /** Day of the week, 0 = Sunday ... 6 = Saturday. */
  dayOfWeek(): number {
    return (((this.epochDay + 4) % 7) + 7) % 7;
  }

  compareTo(other: ApexDate): number {
    return this.epochDay === other.epochDay ? 0 : this.epochDay < other.epochDay ? -1 : 1;
  }

  /** `YYYY-MM-DD`, as `String.valueOf(Date)` prints it. */
  toIsoString(): string {
    const { year, month, day } = civilOf(this.epochDay);
    return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  }

  toString(): string {
    return this.toIsoString();
  }
}

export class ApexTime {
  /** Milliseconds since midnight, 0 to 86,399,999. */
  readonly millisOfDay: number;

  constructor(millisOfDay: number) {
    this.millisOfDay = ((millisOfDay % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  }

  static of(hour: number, minute: number, second: number, millisecond: number): ApexTime {
    return new ApexTime(((hour * 60 + minute) * 60 + second) * 1000 + millisecond);
  }

  get hour(): number {
    return Math.floor(this.millisOfDay / 3_600_000);
  }

  get minute(): number {
    return Math.floor(this.millisOfDay / 60_000) % 60;
  }

  get second(): number {
    return Math.floor(this.millisOfDay / 1000) % 60;
  }

  get millisecond(): number {
    return this.millisOfDay % 1000;
  }

  /** The time `millis` later, wrapping around midnight (Time.addMilliseconds and kin). */
  addMilliseconds(millis: number): ApexTime {
    return new ApexTime(this.millisOfDay + (millis % MS_PER_DAY));
  }

  addSeconds(seconds: number): ApexTime {
    return this.addMilliseconds((seconds % 86_400) * 1000);
  }

  addMinutes(minutes: number): ApexTime {
    return this.addMilliseconds((minutes % 1440) * 60_000);
  }

  addHours(hours: number): ApexTime {
    return this.addMilliseconds((hours % 24) * 3_600_000);
  }

  compareTo(other: ApexTime): number {
    return Math.sign(this.millisOfDay - other.millisOfDay);
  }

  /** `HH:mm:ss.SSSZ`, as `String.valueOf(Time)` prints it. */
  toString(): string {
    return `${pad(this.hour)}:${pad(this.minute)}:${pad(this.second)}.${pad(this.millisecond, 3)}Z`;
  }
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Whether Node knows the IANA time zone id. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from GMT in milliseconds at an instant (positive east of Greenwich). */
export function zoneOffsetAt(timeZone: string, epochMs: number): number {
  if (timeZone === 'GMT' || timeZone === 'UTC') return 0;
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    });
    offsetFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall =
    epochDayOf(parts.year, parts.month, parts.day) * MS_PER_DAY +
    ((parts.hour * 60 + parts.minute) * 60 + parts.second) * 1000;
  const flooredInstant = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return wall - flooredInstant;
}

/**
 * The instant at which the zone's wall clock shows `wallMs` (milliseconds since 1970-01-01 on the
 * wall clock), resolved as java.util.GregorianCalendar (sun.util.calendar.ZoneInfo) does under
 * Apex: a wall time in a spring-forward gap takes the offset from before the change, so 02:30
 * becomes 03:30 summer time; a wall time in an autumn overlap takes the offset from after it,
 * the later (standard-time) instant.
 */
export function instantOfWallTime(timeZone: string, wallMs: number): number {
  const offsetBefore = zoneOffsetAt(timeZone, wallMs - MS_PER_DAY);
  const offsetAfter = zoneOffsetAt(timeZone, wallMs + MS_PER_DAY);
  const candidate = wallMs - offsetAfter;
  return zoneOffsetAt(timeZone, candidate) === offsetAfter ? candidate : wallMs - offsetBefore;
}

export class ApexDatetime {
  /** Milliseconds since 1970-01-01T00:00:00Z. */
  readonly epochMs: number;

  constructor(epochMs: number) {
    this.epochMs = epochMs;
  }

  /** The instant at which the zone's clock shows the date and time. */
  static ofLocal(date: ApexDate, time: ApexTime, timeZone: string): ApexDatetime {
    return new ApexDatetime(
      instantOfWallTime(timeZone, date.epochDay * MS_PER_DAY + time.millisOfDay)
    );
  }

  /** The instant at which GMT shows the date and time. */
  static ofGmt(date: ApexDate, time: ApexTime): ApexDatetime {
    return new ApexDatetime(date.epochDay * MS_PER_DAY + time.millisOfDay);
  }

  /** From an ISO 8601 instant (`2026-11-16T09:30:00.000Z`, `...+01:00`); RangeError otherwise. */
  static parseIso(text: string): ApexDatetime {
    const millis = Date.parse(text);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(millis)) {
      throw new RangeError(`Invalid datetime: ${text}`);
    }
    return new ApexDatetime(millis);
  }

  /** The wall-clock date and time in a zone. */
  wall(timeZone: string): { date: ApexDate; time: ApexTime } {
    const local = this.epochMs + zoneOffsetAt(timeZone, this.epochMs);
    const epochDay = Math.floor(local / MS_PER_DAY);
    return { date: new ApexDate(epochDay), time: new ApexTime(local - epochDay * MS_PER_DAY) };
  }

  addMilliseconds(millis: number): ApexDatetime {
    return new ApexDatetime(this.epochMs + millis);
  }

  /**
   * The instant `months` calendar months later on the GMT calendar, the day clamped to the
   * target month's last day (Datetime.addMonths works on the stored GMT value, as addDays adds
   * 24-hour days to it).
   */
  addMonthsGmt(months: number): ApexDatetime {
    const epochDay = Math.floor(this.epochMs / MS_PER_DAY);
    const millisOfDay = this.epochMs - epochDay * MS_PER_DAY;
    return new ApexDatetime(
      new ApexDate(epochDay).addMonths(months).epochDay * MS_PER_DAY + millisOfDay
    );
  }

  compareTo(other: ApexDatetime): number {
    return Math.sign(this.epochMs - other.epochMs);
  }

  /** `2026-11-16T09:30:00.000Z`, the JSON and REST form. */
  toIsoString(): string {
    return new Date(this.epochMs).toISOString();
  }

  /** `yyyy-MM-dd HH:mm:ss` in GMT. */
  toGmtString(): string {
    const { date, time } = this.wall('GMT');
    return `${date.toIsoString()} ${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
  }
}

/**
 * Java SimpleDateFormat patterns, as `Datetime.format(pattern)`, `format(pattern, timeZone)` and
 * `formatGmt(pattern)` read them (Apex Reference, "Datetime Class": "For more information on the
 * Java simple date format, see Java SimpleDateFormat"). Every pattern letter of
 * java.text.SimpleDateFormat is implemented; text fields (month and day names, AM/PM, eras) come
 * from the user's locale (`locales.ts`), zone names from Node's ICU data.
 */
import {
  ApexDate,
  ApexDatetime,
  ApexTime,
  isKnownTimeZone,
  zoneOffsetAt
} from '../values/temporal';
import { ApexRuntimeError } from './apexErrors';
import type { LocaleConventions } from './locales';

const MS_PER_DAY = 86_400_000;

/** A moment broken down as a calendar in `timeZone` shows it. */
export interface CalendarFields {
  readonly date: ApexDate;
  readonly time: ApexTime;
  /** The zone's offset from GMT at the moment, in milliseconds. */
  readonly offsetMs: number;
  readonly timeZone: string;
  readonly epochMs: number;
}

/**
 * The zone a Datetime method formats in. Java's TimeZone.getTimeZone, which Apex uses, gives GMT
 * for an id it does not know; so does this runtime.
 */
export function resolveTimeZone(timeZone: string): string {
  return isKnownTimeZone(timeZone) ? timeZone : 'GMT';
}

export function calendarFieldsOf(datetime: ApexDatetime, timeZone: string): CalendarFields {
  const zone = resolveTimeZone(timeZone);
  const offsetMs = zoneOffsetAt(zone, datetime.epochMs);
  const { date, time } = datetime.wall(zone);
  return { date, time, offsetMs, timeZone: zone, epochMs: datetime.epochMs };
}

/** A Date formatted on its own: midnight, GMT. */
export function calendarFieldsOfDate(date: ApexDate): CalendarFields {
  return {
    date,
    time: new ApexTime(0),
    offsetMs: 0,
    timeZone: 'GMT',
    epochMs: date.epochDay * MS_PER_DAY
  };
}

type Token = { kind: 'field'; letter: string; count: number } | { kind: 'text'; text: string };

const PATTERN_LETTERS = 'GyYMLwWDdFEuaHkKhmsSzZX';

function illegalPattern(message: string): ApexRuntimeError {
  // Java throws IllegalArgumentException; Apex surfaces Java's argument errors under the same name.
  return new ApexRuntimeError('System.IllegalArgumentException', message);
}

/** Splits a SimpleDateFormat pattern into runs of one letter and literal text. */
export function tokenizePattern(pattern: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index];
    if (char === "'") {
      if (pattern[index + 1] === "'") {
        tokens.push({ kind: 'text', text: "'" });
        index += 2;
        continue;
      }
      let text = '';
      index += 1;
      while (index < pattern.length) {
        if (pattern[index] === "'") {
          if (pattern[index + 1] === "'") {
            text += "'";
            index += 2;
            continue;
          }
          break;
        }
        text += pattern[index];
        index += 1;
      }
      if (index >= pattern.length) throw illegalPattern('Unterminated quote');
      index += 1;
      tokens.push({ kind: 'text', text });
    } else if (/[A-Za-z]/.test(char)) {
      if (!PATTERN_LETTERS.includes(char)) {
        throw illegalPattern(`Illegal pattern character '${char}'`);
      }
      let count = 1;
      while (pattern[index + count] === char) count += 1;
      tokens.push({ kind: 'field', letter: char, count });
      index += count;
    } else {
      tokens.push({ kind: 'text', text: char });
      index += 1;
    }
  }
  return tokens;
}

const pad = (value: number, width: number): string => {
  const digits = String(Math.abs(value)).padStart(width, '0');
  return value < 0 ? `-${digits}` : digits;
};

/** Week-based year and week of year under the locale's week rules (java.util.GregorianCalendar). */
export function weekOfYear(
  date: ApexDate,
  locale: LocaleConventions
): { weekYear: number; week: number } {
  const startOfWeekOne = (year: number): number => {
    const january1 = ApexDate.of(year, 1, 1);
    const offset = (january1.dayOfWeek() - locale.firstDayOfWeek + 7) % 7;
    const start = january1.epochDay - offset;
    return 7 - offset >= locale.minimalDaysInFirstWeek ? start : start + 7;
  };
  const year = date.year;
  const nextStart = startOfWeekOne(year + 1);
  if (date.epochDay >= nextStart) return { weekYear: year + 1, week: 1 };
  let start = startOfWeekOne(year);
  let weekYear = year;
  if (date.epochDay < start) {
    weekYear = year - 1;
    start = startOfWeekOne(year - 1);
  }
  return { weekYear, week: Math.floor((date.epochDay - start) / 7) + 1 };
}

/** Week of the month under the locale's week rules; 0 before the month's first week. */
export function weekOfMonth(date: ApexDate, locale: LocaleConventions): number {
  const offset = (date.toStartOfMonth().dayOfWeek() - locale.firstDayOfWeek + 7) % 7;
  const week = Math.floor((date.day - 1 + offset) / 7);
  return 7 - offset >= locale.minimalDaysInFirstWeek ? week + 1 : week;
}

function zoneName(fields: CalendarFields, locale: LocaleConventions, long: boolean): string {
  if (fields.timeZone === 'GMT') return long ? 'Greenwich Mean Time' : 'GMT';
  const part = new Intl.DateTimeFormat(locale.bcp47, {
    timeZone: fields.timeZone,
    timeZoneName: long ? 'long' : 'short'
  })
    .formatToParts(new Date(fields.epochMs))
    .find((candidate) => candidate.type === 'timeZoneName');
  return part ? part.value : 'GMT';
}

/** `-0800` (RFC 822, letter Z) or, with a colon, `-08:00`. */
function offsetText(offsetMs: number, withColon: boolean, hoursOnly = false): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const totalMinutes = Math.floor(Math.abs(offsetMs) / 60_000);
  const hours = pad(Math.floor(totalMinutes / 60), 2);
  const minutes = pad(totalMinutes % 60, 2);
  if (hoursOnly) return `${sign}${hours}`;
  return withColon ? `${sign}${hours}:${minutes}` : `${sign}${hours}${minutes}`;
}

function formatYear(year: number, count: number): string {
  return count === 2 ? pad(((year % 100) + 100) % 100, 2) : pad(year, count);
}

function formatField(
  letter: string,
  count: number,
  fields: CalendarFields,
  locale: LocaleConventions
): string {
  const { date, time } = fields;
  switch (letter) {
    case 'G':
      return count >= 4
        ? locale.erasWide[date.year > 0 ? 1 : 0]
        : locale.erasAbbreviated[date.year > 0 ? 1 : 0];
    case 'y':
      return formatYear(date.year > 0 ? date.year : 1 - date.year, count);
    case 'Y':
      return formatYear(weekOfYear(date, locale).weekYear, count);
    case 'M':
    case 'L':
      if (count >= 4) return locale.monthsWide[date.month - 1];
      if (count === 3) return locale.monthsAbbreviated[date.month - 1];
      return pad(date.month, count);
    case 'w':
      return pad(weekOfYear(date, locale).week, count);
    case 'W':
      return pad(weekOfMonth(date, locale), count);
    case 'D':
      return pad(date.dayOfYear(), count);
    case 'd':
      return pad(date.day, count);
    case 'F':
      return pad(Math.floor((date.day - 1) / 7) + 1, count);
    case 'E':
      return count >= 4
        ? locale.weekdaysWide[date.dayOfWeek()]
        : locale.weekdaysAbbreviated[date.dayOfWeek()];
    case 'u':
      return pad(date.dayOfWeek() === 0 ? 7 : date.dayOfWeek(), count);
    case 'a':
      return locale.amPm[time.hour < 12 ? 0 : 1];
    case 'H':
      return pad(time.hour, count);
    case 'k':
      return pad(time.hour === 0 ? 24 : time.hour, count);
    case 'K':
      return pad(time.hour % 12, count);
    case 'h':
      return pad(time.hour % 12 === 0 ? 12 : time.hour % 12, count);
    case 'm':
      return pad(time.minute, count);
    case 's':
      return pad(time.second, count);
    case 'S':
      return pad(time.millisecond, count);
    case 'z':
      return zoneName(fields, locale, count >= 4);
    case 'Z':
      return offsetText(fields.offsetMs, false);
    case 'X':
      if (count > 3) throw illegalPattern('invalid ISO 8601 format: length=' + count);
      if (fields.offsetMs === 0) return 'Z';
      return offsetText(fields.offsetMs, count === 3, count === 1);
    default:
      throw illegalPattern(`Illegal pattern character '${letter}'`);
  }
}

/** The moment written with a SimpleDateFormat pattern in the locale. */
export function formatWithPattern(
  pattern: string,
  fields: CalendarFields,
  locale: LocaleConventions
): string {
  return tokenizePattern(pattern)
    .map((token) =>
      token.kind === 'text' ? token.text : formatField(token.letter, token.count, fields, locale)
    )
    .join('');
}

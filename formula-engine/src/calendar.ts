/**
 * Calendar arithmetic on whole days since 1970-01-01 (proleptic Gregorian, UTC), the engine's
 * date representation: integers compare, subtract and add without allocating Date objects.
 * Algorithms after Howard Hinnant's "chrono-Compatible Low-Level Date Algorithms".
 */
export const MS_PER_DAY = 86400000;

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Returns [year, month (1-12), day (1-31)]. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1700 &&
    year <= 4000 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Parses the leading `YYYY-MM-DD` of a string; returns NaN when it is not a valid date. */
export function parseIsoDate(text: string): number {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return NaN;
  }
  return daysFromCivil(year, month, day);
}

const DATETIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses an ISO-8601 datetime (`2026-11-16T09:30:00.000Z`, `2026-11-16T09:30:00.000+0000`, or
 * Salesforce's `2026-11-16 09:30:00`). A value without zone is GMT, as DATETIMEVALUE documents.
 * Returns NaN when the text is not a datetime.
 */
export function parseIsoDateTime(text: string): number {
  const match = DATETIME_PATTERN.exec(text.trim());
  if (match === null) return NaN;
  const days = parseIsoDate(text.trim());
  if (Number.isNaN(days)) return NaN;
  const hour = match[4] === undefined ? 0 : Number(match[4]);
  const minute = match[5] === undefined ? 0 : Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const millis = match[7] === undefined ? 0 : Math.floor(Number(`0.${match[7]}`) * 1000);
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  let offset = 0;
  const zone = match[8];
  if (zone !== undefined && zone !== 'Z') {
    const digits = zone.replace(':', '');
    const sign = digits[0] === '-' ? -1 : 1;
    offset = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60000;
  }
  return days * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offset;
}

const TIME_PATTERN = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?$/;

/** Parses `HH:MM[:SS[.mmm]][Z]` into milliseconds after midnight; NaN when invalid. */
export function parseIsoTime(text: string): number {
  const match = TIME_PATTERN.exec(text.trim());
  if (match === null) return NaN;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = match[3] === undefined ? 0 : Number(match[3]);
  const millis = match[4] === undefined ? 0 : Number(match[4].padEnd(3, '0'));
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  return ((hour * 60 + minute) * 60 + second) * 1000 + millis;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function formatDate(days: number): string {
  const [year, month, day] = civilFromDays(days);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function formatDateTime(millis: number): string {
  return new Date(millis).toISOString();
}

/** `HH:MM:SS.mmm`, the format of TEXT(time) in Salesforce. */
export function formatTime(millis: number): string {
  const ms = millis % 1000;
  const totalSeconds = (millis - ms) / 1000;
  const seconds = totalSeconds % 60;
  const totalMinutes = (totalSeconds - seconds) / 60;
  return `${pad(Math.floor(totalMinutes / 60), 2)}:${pad(totalMinutes % 60, 2)}:${pad(seconds, 2)}.${pad(ms, 3)}`;
}

/** 1 = Sunday ... 7 = Saturday (WEEKDAY). */
export function weekday(days: number): number {
  return ((((days + 4) % 7) + 7) % 7) + 1;
}

export function dayOfYear(days: number): number {
  const [year] = civilFromDays(days);
  return days - daysFromCivil(year, 1, 1) + 1;
}

/** The ISO-8601 week-numbering year and week of a date: the week belongs to its Thursday. */
export function isoWeekAndYear(days: number): [number, number] {
  const isoWeekday = ((((days + 3) % 7) + 7) % 7) + 1;
  const thursday = days - isoWeekday + 4;
  const [year] = civilFromDays(thursday);
  return [Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1, year];
}

/**
 * ADDMONTHS: the same day of the month, clamped to the month's length; the last day of a month
 * maps to the last day of the target month (Salesforce Help, "ADDMONTHS").
 */
export function addMonths(days: number, months: number): number {
  const [year, month, day] = civilFromDays(days);
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = total - targetYear * 12 + 1;
  const targetLength = daysInMonth(targetYear, targetMonth);
  const targetDay = day === daysInMonth(year, month) ? targetLength : Math.min(day, targetLength);
  return daysFromCivil(targetYear, targetMonth, targetDay);
}

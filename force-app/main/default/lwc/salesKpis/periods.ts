import { CALENDAR_YEAR } from './facts';
import type { FiscalCalendar, FiscalQuarterRow, IsoDate, IsoDateTime } from './facts';

/**
 * Dates and periods. Dates are handled as day numbers (days since 1970-01-01, UTC) so that
 * arithmetic never meets time zones or daylight saving; the `Date` object is only used for the
 * proleptic Gregorian conversion, never to read the clock.
 */

/** An inclusive date range. */
export interface Period {
  start: IsoDate;
  end: IsoDate;
  /** How the period was named, e.g. `2026-Q4`, `2026-11`, `FY2026`, `2026-10-01..2026-10-15`. */
  label: string;
}

const DAY_MS = 86400000;

/** The number written by `count` ASCII digits at `from`, or NaN when one is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) {
      return Number.NaN;
    }
    value = value * 10 + digit;
  }
  return value;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). Plain
 * integer arithmetic: KPIs over 10,000 deals and 50,000 history rows convert dates often, and
 * building `Date` objects for each was the module's main cost.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Days since 1970-01-01 of an ISO date (time part, if any, ignored). Throws on malformed input. */
export function dayNumber(date: IsoDate): number {
  if (typeof date !== 'string' || date.length < 10 || date[4] !== '-' || date[7] !== '-') {
    throw new Error(`Not an ISO date: ${date}`);
  }
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 2);
  const day = digitsAt(date, 8, 2);
  if (Number.isNaN(year) || Number.isNaN(month) || Number.isNaN(day)) {
    throw new Error(`Not an ISO date: ${date}`);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new Error(`Not a calendar date: ${date}`);
  }
  return daysFromCivil(year, month, day);
}

/** The ISO date of a day number. */
export function isoDate(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Milliseconds since the epoch of an ISO 8601 date-time as the Salesforce APIs write it:
 * `YYYY-MM-DDTHH:MM:SS`, optional fraction, then `Z`, `+HHMM` or `+HH:MM`. Choice: a date-time
 * without a zone is read as UTC (never as the machine's local time, which would make results
 * depend on where the code runs); a bare date is its midnight UTC.
 */
export function instantOf(dateTime: IsoDateTime): number {
  const day = dayNumber(dateTime);
  const length = dateTime.length;
  if (length === 10) {
    return day * DAY_MS;
  }
  if (length < 19 || dateTime[10] !== 'T' || dateTime[13] !== ':' || dateTime[16] !== ':') {
    throw new Error(`Not an ISO date-time: ${dateTime}`);
  }
  const hours = digitsAt(dateTime, 11, 2);
  const minutes = digitsAt(dateTime, 14, 2);
  const seconds = digitsAt(dateTime, 17, 2);
  let index = 19;
  let millis = 0;
  if (dateTime[index] === '.') {
    index++;
    let scale = 100;
    while (index < length) {
      const digit = dateTime.charCodeAt(index) - 48;
      if (digit < 0 || digit > 9) {
        break;
      }
      millis += digit * scale;
      scale /= 10;
      index++;
    }
  }
  let offsetMinutes = 0;
  if (index < length) {
    const sign = dateTime[index];
    if (sign === 'Z' && index === length - 1) {
      offsetMinutes = 0;
    } else if (sign === '+' || sign === '-') {
      const colon = dateTime[index + 3] === ':' ? 1 : 0;
      if (length !== index + 5 + colon) {
        throw new Error(`Not an ISO date-time: ${dateTime}`);
      }
      const offset =
        digitsAt(dateTime, index + 1, 2) * 60 + digitsAt(dateTime, index + 3 + colon, 2);
      offsetMinutes = sign === '+' ? offset : -offset;
    } else {
      throw new Error(`Not an ISO date-time: ${dateTime}`);
    }
  }
  const ms =
    day * DAY_MS +
    ((hours * 60 + minutes - offsetMinutes) * 60 + seconds) * 1000 +
    Math.floor(millis);
  if (Number.isNaN(ms) || hours > 24 || minutes > 59 || seconds > 60) {
    throw new Error(`Not an ISO date-time: ${dateTime}`);
  }
  return ms;
}

/**
 * The UTC calendar day of an ISO date-time. Salesforce returns date-times in UTC, and the KPI
 * definitions measure cycle length and "created on or after D" against the UTC date.
 */
export function utcDayOf(dateTime: IsoDateTime): number {
  return Math.floor(instantOf(dateTime) / DAY_MS);
}

/** The UTC calendar day of an instant (milliseconds since the epoch). */
export function dayOfInstant(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** The first millisecond after the end of a day, i.e. the start of the next day in UTC. */
export function endOfDayInstant(day: number): number {
  return (day + 1) * DAY_MS;
}

/** Adds days to an ISO date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return isoDate(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Whether a date falls in the inclusive period. */
export function isInPeriod(date: IsoDate | null | undefined, period: Period): boolean {
  if (!date) {
    return false;
  }
  const day = dayNumber(date);
  return day >= dayNumber(period.start) && day <= dayNumber(period.end);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function monthPeriod(year: number, month: number, label: string): Period {
  return {
    start: `${pad(year, 4)}-${pad(month)}-01`,
    end: `${pad(year, 4)}-${pad(month)}-${pad(daysInMonth(year, month))}`,
    label
  };
}

/** Calendar year and month (1-12) `offset` months after the given month. */
function shiftMonth(year: number, month: number, offset: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/**
 * Date + months as Apex `Date.addMonths` counts them: the same day of the month, clamped to the
 * target month's length (2026-08-31 + 6 months = 2027-02-28).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  dayNumber(date); // throws on a malformed date
  const [year, month, dayOfMonth] = date.slice(0, 10).split('-').map(Number);
  const target = shiftMonth(year, month, months);
  const clamped = Math.min(dayOfMonth, daysInMonth(target.year, target.month));
  return `${pad(target.year, 4)}-${pad(target.month)}-${pad(clamped)}`;
}

function checkStartMonth(calendar: FiscalCalendar): number {
  const start = calendar.FiscalYearStartMonth;
  if (!Number.isInteger(start) || start < 1 || start > 12) {
    throw new Error(`Fiscal year start month must be 1-12, got ${start}`);
  }
  return start;
}

/** Calendar year in which fiscal year `fiscalYear` starts. */
function fiscalYearStartYear(fiscalYear: number, calendar: FiscalCalendar): number {
  const start = checkStartMonth(calendar);
  if (start === 1 || calendar.UsesStartDateAsFiscalYearName) {
    return fiscalYear;
  }
  return fiscalYear - 1;
}

/*
 * Custom fiscal years. An org with custom fiscal years (4-4-5 weeks, quarters of unequal length)
 * defines its quarters as `Period` rows, which arrive as `FiscalCalendar.Quarters` (Apex
 * `FiscalCalendar` reads those overlapping a window: the year before the period through the year
 * after today). When a calendar has rows, a quarter is the row of that fiscal year and number, or
 * the row holding the date, labelled `${FiscalYearSettings.Name}-Q${Number}`; a fiscal year is
 * named by the row holding the date and runs from its first quarter's start to its last
 * quarter's end. Choice, the same as Apex `FiscalCalendar`: what the rows do not give (a date no
 * row holds, a quarter number or fiscal year without a row, and a year whose four quarters are
 * not all among the rows, as at the window's edges) falls back to the start-month computation,
 * like Salesforce, which treats fiscal years not defined as custom as standard ones. Such a
 * fallback period may overlap a custom one next to it; the window keeps the review's choices
 * (this, next and last quarter) within the rows. Rows that overlap or repeat a quarter throw.
 */

interface QuarterRow {
  start: number;
  end: number;
  year: number;
  quarter: number;
  period: Period;
}

const QUARTER_TABLES = new WeakMap<readonly FiscalQuarterRow[], readonly QuarterRow[]>();
const YEAR_NAME = /^\d{4}$/;

function quarterRow(row: FiscalQuarterRow): QuarterRow {
  const name = String(row.FiscalYearSettings?.Name ?? '').trim();
  if (!YEAR_NAME.test(name)) {
    throw new Error(`Fiscal year name must be a four-digit year, got ${name}`);
  }
  const quarter = row.Number;
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new Error(`Quarter must be 1-4, got ${quarter}`);
  }
  const start = dayNumber(row.StartDate);
  const end = dayNumber(row.EndDate);
  if (end < start) {
    throw new Error(`Fiscal quarter ends before it starts: ${row.StartDate}..${row.EndDate}`);
  }
  return {
    start,
    end,
    year: Number(name),
    quarter,
    period: { start: isoDate(start), end: isoDate(end), label: `${name}-Q${quarter}` }
  };
}

/** The calendar's quarter rows, checked and sorted (once per rows array); empty when none. */
function quarterRows(calendar: FiscalCalendar): readonly QuarterRow[] {
  const quarters = calendar.Quarters;
  if (!quarters || quarters.length === 0) {
    return [];
  }
  const cached = QUARTER_TABLES.get(quarters);
  if (cached) {
    return cached;
  }
  const rows = quarters.map(quarterRow).sort((a, b) => a.start - b.start);
  const names = new Set<string>();
  rows.forEach((row, index) => {
    if (index > 0 && row.start <= rows[index - 1].end) {
      throw new Error(
        `Fiscal quarters overlap: ${rows[index - 1].period.label}, ${row.period.label}`
      );
    }
    if (names.has(row.period.label)) {
      throw new Error(`Fiscal quarter ${row.period.label} appears twice`);
    }
    names.add(row.period.label);
  });
  QUARTER_TABLES.set(quarters, rows);
  return rows;
}

/** The row holding a date, or undefined. */
function rowHolding(date: IsoDate, calendar: FiscalCalendar): QuarterRow | undefined {
  const rows = quarterRows(calendar);
  if (rows.length === 0) {
    return undefined;
  }
  const day = dayNumber(date);
  return rows.find((row) => day >= row.start && day <= row.end);
}

/**
 * The fiscal year (by the org's naming) that contains a date. With quarter rows, the year name
 * of the row holding the date (see the custom fiscal years note above for other dates).
 */
export function fiscalYearOf(date: IsoDate, calendar: FiscalCalendar = CALENDAR_YEAR): number {
  const row = rowHolding(date, calendar);
  if (row) {
    return row.year;
  }
  const start = checkStartMonth(calendar);
  const [year, month] = date.split('-').map(Number);
  const startYear = month >= start ? year : year - 1;
  if (start === 1 || calendar.UsesStartDateAsFiscalYearName) {
    return startYear;
  }
  return startYear + 1;
}

/** Fiscal quarter `quarter` (1-4) of fiscal year `fiscalYear` by the start month. */
function standardQuarter(fiscalYear: number, quarter: number, calendar: FiscalCalendar): Period {
  const first = shiftMonth(
    fiscalYearStartYear(fiscalYear, calendar),
    checkStartMonth(calendar),
    (quarter - 1) * 3
  );
  const last = shiftMonth(first.year, first.month, 2);
  return {
    start: monthPeriod(first.year, first.month, '').start,
    end: monthPeriod(last.year, last.month, '').end,
    label: `${fiscalYear}-Q${quarter}`
  };
}

/**
 * Fiscal quarter `quarter` (1-4) of fiscal year `fiscalYear`. With quarter rows, the row of that
 * year and number (without one, the start month decides: custom fiscal years note).
 */
export function fiscalQuarter(
  fiscalYear: number,
  quarter: number,
  calendar: FiscalCalendar = CALENDAR_YEAR
): Period {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new Error(`Quarter must be 1-4, got ${quarter}`);
  }
  const row = quarterRows(calendar).find(
    (candidate) => candidate.year === fiscalYear && candidate.quarter === quarter
  );
  return row ? { ...row.period } : standardQuarter(fiscalYear, quarter, calendar);
}

/**
 * Fiscal year `fiscalYear` as a period. With quarter rows holding all four of its quarters, from
 * the start of its first quarter to the end of its last (otherwise the start month decides).
 */
export function fiscalYearPeriod(
  fiscalYearNumber: number,
  calendar: FiscalCalendar = CALENDAR_YEAR
): Period {
  const label = `FY${fiscalYearNumber}`;
  const ofYear = quarterRows(calendar).filter((row) => row.year === fiscalYearNumber);
  if (new Set(ofYear.map((row) => row.quarter)).size === 4) {
    return { start: ofYear[0].period.start, end: ofYear[ofYear.length - 1].period.end, label };
  }
  const first = standardQuarter(fiscalYearNumber, 1, calendar);
  const last = standardQuarter(fiscalYearNumber, 4, calendar);
  return { start: first.start, end: last.end, label };
}

/**
 * The fiscal quarter that contains a date. With quarter rows, the row holding it, labelled
 * `${FiscalYearSettings.Name}-Q${Number}` (custom fiscal years note for other dates).
 */
export function quarterOf(date: IsoDate, calendar: FiscalCalendar = CALENDAR_YEAR): Period {
  const row = rowHolding(date, calendar);
  if (row) {
    return { ...row.period };
  }
  const standard = { ...calendar, Quarters: undefined };
  const year = fiscalYearOf(date, standard);
  for (let quarter = 1; quarter <= 4; quarter++) {
    const period = standardQuarter(year, quarter, standard);
    if (isInPeriod(date, period)) {
      return period;
    }
  }
  throw new Error(`No quarter contains ${date}`);
}

/**
 * The calendar month that contains a date. Months are calendar months whatever the fiscal start
 * (a standard Salesforce fiscal year only shifts which months form quarters), so `2026-11` always
 * means November 2026.
 */
export function monthOf(date: IsoDate): Period {
  const [year, month] = date.split('-').map(Number);
  return monthPeriod(year, month, `${pad(year, 4)}-${pad(month)}`);
}

const QUARTER_TEXT = /^(\d{4})-?Q([1-4])$/i;
const MONTH_TEXT = /^(\d{4})-(\d{2})$/;
const YEAR_TEXT = /^(?:FY)?(\d{4})$/i;
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses a period name: a fiscal quarter (`2026-Q4`, `2026Q4`), a calendar month (`2026-11`), a
 * fiscal year (`2026` or `FY2026`), a single day (`2026-11-16`), or a range of any of these
 * joined by `..` (`2026-Q1..2026-Q2`, `2026-10-01..2026-10-15`), which runs from the start of the
 * first to the end of the second. Throws on anything else, or on a range that ends before it starts.
 */
export function parsePeriod(text: string, calendar: FiscalCalendar = CALENDAR_YEAR): Period {
  const trimmed = text.trim();
  const parts = trimmed.split('..');
  if (parts.length === 2) {
    const from = parseSinglePeriod(parts[0].trim(), calendar);
    const to = parseSinglePeriod(parts[1].trim(), calendar);
    if (dayNumber(to.end) < dayNumber(from.start)) {
      throw new Error(`Period ends before it starts: ${text}`);
    }
    return { start: from.start, end: to.end, label: `${from.label}..${to.label}` };
  }
  if (parts.length !== 1) {
    throw new Error(`Not a period: ${text}`);
  }
  return parseSinglePeriod(trimmed, calendar);
}

function parseSinglePeriod(text: string, calendar: FiscalCalendar): Period {
  const quarter = QUARTER_TEXT.exec(text);
  if (quarter) {
    return fiscalQuarter(Number(quarter[1]), Number(quarter[2]), calendar);
  }
  const month = MONTH_TEXT.exec(text);
  if (month) {
    const monthNumber = Number(month[2]);
    if (monthNumber < 1 || monthNumber > 12) {
      throw new Error(`Not a month: ${text}`);
    }
    return monthPeriod(Number(month[1]), monthNumber, text);
  }
  const year = YEAR_TEXT.exec(text);
  if (year) {
    return fiscalYearPeriod(Number(year[1]), calendar);
  }
  if (DATE_TEXT.test(text)) {
    dayNumber(text);
    return { start: text, end: text, label: text };
  }
  throw new Error(`Not a period: ${text}`);
}

/** A period from explicit inclusive dates. */
export function dateRange(start: IsoDate, end: IsoDate): Period {
  if (dayNumber(end) < dayNumber(start)) {
    throw new Error(`Period ends before it starts: ${start}..${end}`);
  }
  return { start, end, label: `${start}..${end}` };
}

/**
 * The elapsed part of a period on `today`: from its start to the earlier of its end and today.
 * Null when the period has not started. Time-based KPIs (time with customers) use it so that the
 * current quarter is measured against the working time that has passed, not the whole quarter.
 */
export function elapsedPart(period: Period, today: IsoDate): Period | null {
  if (dayNumber(today) < dayNumber(period.start)) {
    return null;
  }
  const end = dayNumber(today) < dayNumber(period.end) ? today : period.end;
  return { start: period.start, end, label: `${period.start}..${end}` };
}

/**
 * Months in a period, counted per calendar month as the share of its days the period covers:
 * a quarter is exactly 3, November 1-15 is 0.5, November 17 - December 16 is 14/30 + 16/31.
 * Used for "per month" rates so that whole months count as whole numbers.
 */
export function monthsIn(period: Period): number {
  let months = 0;
  let cursor = dayNumber(period.start);
  const last = dayNumber(period.end);
  while (cursor <= last) {
    const date = isoDate(cursor);
    const [year, month] = date.split('-').map(Number);
    const monthLength = daysInMonth(year, month);
    const monthEnd = daysFromCivil(year, month, monthLength);
    const coveredEnd = Math.min(monthEnd, last);
    months += (coveredEnd - cursor + 1) / monthLength;
    cursor = coveredEnd + 1;
  }
  return months;
}

/** Whether a day number (`dayNumber`) is a Monday-Friday. */
export function isWeekday(day: number): boolean {
  // 1970-01-01 was a Thursday: (day + 4) % 7 gives 0 = Sunday ... 6 = Saturday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

/** Monday-Friday days in the inclusive period (public holidays are not known to the module). */
export function weekdaysIn(period: Period): number {
  let count = 0;
  const last = dayNumber(period.end);
  for (let day = dayNumber(period.start); day <= last; day++) {
    if (isWeekday(day)) {
      count++;
    }
  }
  return count;
}

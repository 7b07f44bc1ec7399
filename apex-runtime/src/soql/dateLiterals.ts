/**
 * The day ranges that SOQL date literals stand for (SOQL and SOSL Reference, "Date Formats and Date
 * Literals in WHERE"). A range runs from 00:00 of its first day to 00:00 after its last day, in the
 * running user's time zone when it is compared with a dateTime field.
 *
 * Choices where the reference is loose, each pinned by a test:
 * - `LAST_N_DAYS:n` and `LAST_90_DAYS` include today: n days back plus today (n + 1 days), as the
 *   reference says ("LAST_N_DAYS:1 includes yesterday and today"). `NEXT_N_DAYS:n` and
 *   `NEXT_90_DAYS` start tomorrow and last n days.
 * - `LAST_N_WEEKS/MONTHS/QUARTERS/YEARS:n` (and the fiscal ones) are the n whole periods before
 *   the current one; `NEXT_N_...:n` the n whole periods after it; neither includes the current one.
 * - Weeks start on the locale's first day of the week: Sunday for en_US, the default.
 * - A negative n is refused.
 *
 * Fiscal literals follow the org's fiscal year, the one set up for the org in Setup (the
 * reference's rows for THIS_FISCAL_QUARTER and the rest), custom fiscal years included. In an org
 * with custom fiscal years (`CalendarSettings.customFiscalYears`, from its FiscalYearSettings and
 * Period rows) a fiscal quarter or year is the Period row's span, so quarters of unequal length
 * count as one quarter each; a literal reaching outside the defined years is a QueryException (the
 * org has no such period; a choice where the reference is silent).
 */
import type { DateLiteralName } from './soqlAst';
import { NotSupportedOfflineError, QueryException } from './soqlErrors';
import { ApexDate, epochDayOf } from '../values/temporal';

/** Days since 1970-01-01: `start` included, `end` excluded. */
export interface DayRange {
  start: number;
  end: number;
}

export interface CalendarSettings {
  today: ApexDate;
  /** Month (1-12) the fiscal year starts in; 1 when the fiscal year is the calendar year. */
  fiscalYearStartMonth: number;
  /** 0 = Sunday ... 6 = Saturday. */
  firstDayOfWeek: number;
  /** The custom fiscal years of the org, in order; absent with standard fiscal years. */
  customFiscalYears?: CustomFiscalCalendar;
}

/** The spans of a custom fiscal calendar's Year and Quarter periods, each list in date order. */
export interface CustomFiscalCalendar {
  years: readonly DayRange[];
  quarters: readonly DayRange[];
}

/** The custom fiscal periods a literal covers: whole periods counted by their index. */
function customFiscalRange(
  name: DateLiteralName,
  periods: readonly DayRange[],
  what: string,
  today: number,
  relation: Relation,
  count: number
): DayRange {
  const current = periods.findIndex((period) => period.start <= today && today < period.end);
  const [first, end] = current < 0 ? [-1, -1] : periodRange(current, 1, relation, count);
  if (current >= 0 && first === end) {
    // LAST_N_FISCAL_QUARTERS:0 and the like: no whole period, an empty range.
    return { start: periods[current].start, end: periods[current].start };
  }
  if (first < 0 || end > periods.length || first > end) {
    throw new QueryException(
      `${name}${count ? `:${count}` : ''} reaches outside the org's custom fiscal years (no ${what} period defined there)`
    );
  }
  return { start: periods[first].start, end: periods[end - 1].end };
}

/** Months since year 0: year * 12 + month - 1. */
function monthIndexOf(date: ApexDate): number {
  return date.year * 12 + date.month - 1;
}

function firstDayOfMonthIndex(monthIndex: number): number {
  const year = Math.floor(monthIndex / 12);
  return epochDayOf(year, monthIndex - year * 12 + 1, 1);
}

type Relation = 'THIS' | 'LAST' | 'NEXT' | 'LAST_N' | 'NEXT_N' | 'N_AGO';

/** The range of whole periods relative to the current one, periods counted in `step` units. */
function periodRange(current: number, step: number, relation: Relation, n: number) {
  switch (relation) {
    case 'THIS':
      return [current, current + step];
    case 'LAST':
      return [current - step, current];
    case 'NEXT':
      return [current + step, current + 2 * step];
    case 'LAST_N':
      return [current - n * step, current];
    case 'NEXT_N':
      return [current + step, current + (n + 1) * step];
    case 'N_AGO':
      return [current - n * step, current - (n - 1) * step];
  }
}

const PERIOD_LITERALS: Record<
  string,
  [Relation, 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR' | 'FQ' | 'FY']
> = {
  THIS_WEEK: ['THIS', 'WEEK'],
  LAST_WEEK: ['LAST', 'WEEK'],
  NEXT_WEEK: ['NEXT', 'WEEK'],
  LAST_N_WEEKS: ['LAST_N', 'WEEK'],
  NEXT_N_WEEKS: ['NEXT_N', 'WEEK'],
  N_WEEKS_AGO: ['N_AGO', 'WEEK'],
  THIS_MONTH: ['THIS', 'MONTH'],
  LAST_MONTH: ['LAST', 'MONTH'],
  NEXT_MONTH: ['NEXT', 'MONTH'],
  LAST_N_MONTHS: ['LAST_N', 'MONTH'],
  NEXT_N_MONTHS: ['NEXT_N', 'MONTH'],
  N_MONTHS_AGO: ['N_AGO', 'MONTH'],
  THIS_QUARTER: ['THIS', 'QUARTER'],
  LAST_QUARTER: ['LAST', 'QUARTER'],
  NEXT_QUARTER: ['NEXT', 'QUARTER'],
  LAST_N_QUARTERS: ['LAST_N', 'QUARTER'],
  NEXT_N_QUARTERS: ['NEXT_N', 'QUARTER'],
  N_QUARTERS_AGO: ['N_AGO', 'QUARTER'],
  THIS_YEAR: ['THIS', 'YEAR'],
  LAST_YEAR: ['LAST', 'YEAR'],
  NEXT_YEAR: ['NEXT', 'YEAR'],
  LAST_N_YEARS: ['LAST_N', 'YEAR'],
  NEXT_N_YEARS: ['NEXT_N', 'YEAR'],
  N_YEARS_AGO: ['N_AGO', 'YEAR'],
  THIS_FISCAL_QUARTER: ['THIS', 'FQ'],
  LAST_FISCAL_QUARTER: ['LAST', 'FQ'],
  NEXT_FISCAL_QUARTER: ['NEXT', 'FQ'],
  LAST_N_FISCAL_QUARTERS: ['LAST_N', 'FQ'],
  NEXT_N_FISCAL_QUARTERS: ['NEXT_N', 'FQ'],
  N_FISCAL_QUARTERS_AGO: ['N_AGO', 'FQ'],
  THIS_FISCAL_YEAR: ['THIS', 'FY'],
  LAST_FISCAL_YEAR: ['LAST', 'FY'],
  NEXT_FISCAL_YEAR: ['NEXT', 'FY'],
  LAST_N_FISCAL_YEARS: ['LAST_N', 'FY'],
  NEXT_N_FISCAL_YEARS: ['NEXT_N', 'FY'],
  N_FISCAL_YEARS_AGO: ['N_AGO', 'FY']
};

/** The month index the fiscal year containing `monthIndex` starts in. */
export function fiscalYearStartIndex(monthIndex: number, fiscalYearStartMonth: number): number {
  const monthOfYear = ((monthIndex % 12) + 12) % 12;
  return monthIndex - ((monthOfYear - (fiscalYearStartMonth - 1) + 12) % 12);
}

/** The days a date literal covers, relative to `settings.today`. */
export function dateLiteralRange(
  name: DateLiteralName,
  n: number | undefined,
  settings: CalendarSettings
): DayRange {
  const count = n ?? 0;
  if (count < 0) {
    throw new NotSupportedOfflineError(`a negative n in ${name}:${count}`);
  }
  const today = settings.today.epochDay;
  switch (name) {
    case 'YESTERDAY':
      return { start: today - 1, end: today };
    case 'TODAY':
      return { start: today, end: today + 1 };
    case 'TOMORROW':
      return { start: today + 1, end: today + 2 };
    case 'LAST_90_DAYS':
      return { start: today - 90, end: today + 1 };
    case 'NEXT_90_DAYS':
      return { start: today + 1, end: today + 91 };
    case 'LAST_N_DAYS':
      return { start: today - count, end: today + 1 };
    case 'NEXT_N_DAYS':
      return { start: today + 1, end: today + count + 1 };
    case 'N_DAYS_AGO':
      return { start: today - count, end: today - count + 1 };
  }
  const [relation, unit] = PERIOD_LITERALS[name];
  if (unit === 'WEEK') {
    const weekStart = today - ((settings.today.dayOfWeek() - settings.firstDayOfWeek + 7) % 7);
    const [start, end] = periodRange(weekStart, 7, relation, count);
    return { start, end };
  }
  const custom = settings.customFiscalYears;
  if (custom && (unit === 'FQ' || unit === 'FY')) {
    return unit === 'FQ'
      ? customFiscalRange(name, custom.quarters, 'Quarter', today, relation, count)
      : customFiscalRange(name, custom.years, 'Year', today, relation, count);
  }
  const month = monthIndexOf(settings.today);
  const fiscalYearStart = fiscalYearStartIndex(month, settings.fiscalYearStartMonth);
  const [current, step] = {
    MONTH: [month, 1],
    QUARTER: [month - (month % 3), 3],
    YEAR: [month - (month % 12), 12],
    FQ: [fiscalYearStart + Math.floor((month - fiscalYearStart) / 3) * 3, 3],
    FY: [fiscalYearStart, 12]
  }[unit];
  const [startMonth, endMonth] = periodRange(current, step, relation, count);
  return { start: firstDayOfMonthIndex(startMonth), end: firstDayOfMonthIndex(endMonth) };
}

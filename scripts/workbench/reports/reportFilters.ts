/**
 * A report's filters over rows already fetched as the running user: the criteria operators,
 * the filter logic (`1 AND (2 OR NOT 3)`) and relative dates (`THIS_QUARTER`, `LAST_N_WEEKS:26`)
 * against the org's today and fiscal year, with the SOQL date literals' own ranges (the Apex
 * runtime's dateLiteralRange), so "this quarter" means in a report what it means in the Apex.
 */
import { dateLiteralRange, type DayRange } from '../../../apex-runtime/src/soql';
import type { DateLiteralName } from '../../../apex-runtime/src/soql';
import { ApexDate } from '../../../apex-runtime/src/values/temporal';
import type { FilterOperator } from './reportMetadata';

/** The kind of value a column holds, for comparing and summarising. */
export type ValueKind = 'number' | 'date' | 'boolean' | 'multi' | 'text';

export interface CalendarContext {
  /** The org's today, ISO. */
  today: string;
  fiscalYearStartMonth: number;
  /** 0 = Sunday (en_US). */
  firstDayOfWeek: number;
  /** The viewing user's locale (en-US, da-DK): how dates in group labels are written. */
  locale: string;
}

const DATE_LITERALS: readonly DateLiteralName[] = [
  'YESTERDAY',
  'TODAY',
  'TOMORROW',
  'LAST_WEEK',
  'THIS_WEEK',
  'NEXT_WEEK',
  'LAST_MONTH',
  'THIS_MONTH',
  'NEXT_MONTH',
  'LAST_90_DAYS',
  'NEXT_90_DAYS',
  'LAST_N_DAYS',
  'NEXT_N_DAYS',
  'N_DAYS_AGO',
  'NEXT_N_WEEKS',
  'LAST_N_WEEKS',
  'N_WEEKS_AGO',
  'NEXT_N_MONTHS',
  'LAST_N_MONTHS',
  'N_MONTHS_AGO',
  'THIS_QUARTER',
  'LAST_QUARTER',
  'NEXT_QUARTER',
  'NEXT_N_QUARTERS',
  'LAST_N_QUARTERS',
  'N_QUARTERS_AGO',
  'THIS_YEAR',
  'LAST_YEAR',
  'NEXT_YEAR',
  'NEXT_N_YEARS',
  'LAST_N_YEARS',
  'N_YEARS_AGO',
  'THIS_FISCAL_QUARTER',
  'LAST_FISCAL_QUARTER',
  'NEXT_FISCAL_QUARTER',
  'NEXT_N_FISCAL_QUARTERS',
  'LAST_N_FISCAL_QUARTERS',
  'N_FISCAL_QUARTERS_AGO',
  'THIS_FISCAL_YEAR',
  'LAST_FISCAL_YEAR',
  'NEXT_FISCAL_YEAR',
  'NEXT_N_FISCAL_YEARS',
  'LAST_N_FISCAL_YEARS',
  'N_FISCAL_YEARS_AGO'
];

/**
 * The report time frame intervals (ReportTimeFrameFilter.interval, every value of the Metadata
 * API's enumeration but INTERVAL_CUSTOM) as the date literals they span: `A..B` runs from the
 * start of A to the end of B. INTERVAL_CUSTOM uses the filter's start and end dates.
 */
const INTERVALS: Readonly<Record<string, string>> = {
  INTERVAL_CURRENT: 'THIS_FISCAL_QUARTER',
  INTERVAL_PREV1: 'LAST_FISCAL_QUARTER',
  INTERVAL_NEXT1: 'NEXT_FISCAL_QUARTER',
  INTERVAL_CURPREV1: 'LAST_FISCAL_QUARTER..THIS_FISCAL_QUARTER',
  INTERVAL_CURNEXT1: 'THIS_FISCAL_QUARTER..NEXT_FISCAL_QUARTER',
  INTERVAL_CURNEXT3: 'THIS_FISCAL_QUARTER..NEXT_N_FISCAL_QUARTERS:3',
  INTERVAL_CURFY: 'THIS_FISCAL_YEAR',
  INTERVAL_PREVFY: 'LAST_FISCAL_YEAR',
  INTERVAL_NEXTFY: 'NEXT_FISCAL_YEAR',
  INTERVAL_PREV2FY: 'LAST_N_FISCAL_YEARS:2',
  INTERVAL_AGO2FY: 'N_FISCAL_YEARS_AGO:2',
  INTERVAL_PREVCURFY: 'LAST_FISCAL_YEAR..THIS_FISCAL_YEAR',
  INTERVAL_PREVCUR2FY: 'LAST_N_FISCAL_YEARS:2..THIS_FISCAL_YEAR',
  INTERVAL_CURNEXTFY: 'THIS_FISCAL_YEAR..NEXT_FISCAL_YEAR',
  INTERVAL_CURRENTQ: 'THIS_QUARTER',
  INTERVAL_PREVQ: 'LAST_QUARTER',
  INTERVAL_NEXTQ: 'NEXT_QUARTER',
  INTERVAL_CURPREVQ: 'LAST_QUARTER..THIS_QUARTER',
  INTERVAL_CURNEXTQ: 'THIS_QUARTER..NEXT_QUARTER',
  INTERVAL_CURNEXT3Q: 'THIS_QUARTER..NEXT_N_QUARTERS:3',
  INTERVAL_CURY: 'THIS_YEAR',
  INTERVAL_PREVY: 'LAST_YEAR',
  INTERVAL_NEXTY: 'NEXT_YEAR',
  INTERVAL_PREV2Y: 'LAST_N_YEARS:2',
  INTERVAL_AGO2Y: 'N_YEARS_AGO:2',
  INTERVAL_PREVCURY: 'LAST_YEAR..THIS_YEAR',
  INTERVAL_PREVCUR2Y: 'LAST_N_YEARS:2..THIS_YEAR',
  INTERVAL_CURNEXTY: 'THIS_YEAR..NEXT_YEAR',
  INTERVAL_THISMONTH: 'THIS_MONTH',
  INTERVAL_LASTMONTH: 'LAST_MONTH',
  INTERVAL_NEXTMONTH: 'NEXT_MONTH',
  INTERVAL_LASTTHISMONTH: 'LAST_MONTH..THIS_MONTH',
  INTERVAL_THISNEXTMONTH: 'THIS_MONTH..NEXT_MONTH',
  INTERVAL_THISWEEK: 'THIS_WEEK',
  INTERVAL_LASTWEEK: 'LAST_WEEK',
  INTERVAL_NEXTWEEK: 'NEXT_WEEK',
  INTERVAL_TODAY: 'TODAY',
  INTERVAL_YESTERDAY: 'YESTERDAY',
  INTERVAL_TOMORROW: 'TOMORROW',
  INTERVAL_LAST7: 'LAST_N_DAYS:7',
  INTERVAL_LAST30: 'LAST_N_DAYS:30',
  INTERVAL_LAST60: 'LAST_N_DAYS:60',
  INTERVAL_LAST90: 'LAST_N_DAYS:90',
  INTERVAL_LAST120: 'LAST_N_DAYS:120',
  INTERVAL_NEXT7: 'NEXT_N_DAYS:7',
  INTERVAL_NEXT30: 'NEXT_N_DAYS:30',
  INTERVAL_NEXT60: 'NEXT_N_DAYS:60',
  INTERVAL_NEXT90: 'NEXT_N_DAYS:90',
  INTERVAL_NEXT120: 'NEXT_N_DAYS:120'
};

export const SUPPORTED_INTERVALS: readonly string[] = [
  ...Object.keys(INTERVALS),
  'INTERVAL_CUSTOM'
];

export class FilterError extends Error {}

/** ISO date -> days since 1970-01-01. */
export function epochDayOfIso(iso: string): number {
  return ApexDate.parseIso(iso.slice(0, 10)).epochDay;
}

/** A relative date value (`THIS_QUARTER`, `LAST_N_WEEKS:26`) as days, or null when it is not one. */
export function relativeDateRange(value: string, calendar: CalendarContext): DayRange | null {
  const match = /^([A-Z_0-9]+?)(?::(\d+))?$/.exec(value.trim().toUpperCase());
  const name = match && DATE_LITERALS.find((literal) => literal === match[1]);
  if (!match || !name) return null;
  const n = match[2] === undefined ? undefined : Number(match[2]);
  if (name.includes('_N_') !== (n !== undefined)) {
    throw new FilterError(`"${value}" ${n === undefined ? 'needs' : 'takes no'} ":n"`);
  }
  return dateLiteralRange(name, n, {
    today: ApexDate.parseIso(calendar.today),
    fiscalYearStartMonth: calendar.fiscalYearStartMonth,
    firstDayOfWeek: calendar.firstDayOfWeek
  });
}

/** The days a time frame filter keeps. */
export function timeFrameRange(
  timeFrame: { interval: string; startDate?: string; endDate?: string },
  calendar: CalendarContext
): DayRange {
  if (timeFrame.interval === 'INTERVAL_CUSTOM') {
    if (!timeFrame.startDate && !timeFrame.endDate) {
      throw new FilterError('INTERVAL_CUSTOM needs <startDate> or <endDate>');
    }
    return {
      start: timeFrame.startDate ? epochDayOfIso(timeFrame.startDate) : -Infinity,
      end: timeFrame.endDate ? epochDayOfIso(timeFrame.endDate) + 1 : Infinity
    };
  }
  const literal = INTERVALS[timeFrame.interval];
  if (!literal) {
    throw new FilterError(
      `interval "${timeFrame.interval}" is not supported (supported: ${SUPPORTED_INTERVALS.join(', ')})`
    );
  }
  const [from, to] = literal
    .split('..')
    .map((part) => relativeDateRange(part, calendar) as DayRange);
  return { start: from.start, end: (to ?? from).end };
}

function dateRangeOf(value: string, calendar: CalendarContext): DayRange {
  const relative = relativeDateRange(value, calendar);
  if (relative) return relative;
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new FilterError(`"${value}" is neither a date (YYYY-MM-DD) nor a relative date`);
  }
  const day = epochDayOfIso(value);
  return { start: day, end: day + 1 };
}

function listOf(value: string): string[] {
  return value.split(',').map((part) => part.trim());
}

function compareNumbers(operator: FilterOperator, actual: number, expected: number): boolean {
  switch (operator) {
    case 'lessThan':
      return actual < expected;
    case 'greaterThan':
      return actual > expected;
    case 'lessOrEqual':
      return actual <= expected;
    default:
      return actual >= expected;
  }
}

/**
 * A criteria test: the row's value against the filter's value. A blank value in the filter
 * (equals "") tests for a blank field, as the report builder's "equals (blank)".
 */
export function makeCriterion(
  kind: ValueKind,
  operator: FilterOperator,
  value: string,
  calendar: CalendarContext
): (actual: unknown) => boolean {
  const blank = (actual: unknown) => actual === null || actual === undefined || actual === '';
  const isOrdering = ['lessThan', 'greaterThan', 'lessOrEqual', 'greaterOrEqual'].includes(
    operator
  );
  if (['contains', 'notContain', 'startsWith'].includes(operator)) {
    const needles = listOf(value.toLowerCase()).filter(Boolean);
    return (actual) => {
      const text = blank(actual) ? '' : String(actual).toLowerCase();
      const hit = needles.some((needle) =>
        operator === 'startsWith' ? text.startsWith(needle) : text.includes(needle)
      );
      return operator === 'notContain' ? !hit : hit;
    };
  }
  if (operator === 'includes' || operator === 'excludes') {
    if (kind !== 'multi') throw new FilterError(`${operator} needs a multi-select picklist column`);
    const wanted = listOf(value.toLowerCase());
    return (actual) => {
      const values = blank(actual) ? [] : String(actual).toLowerCase().split(';');
      const hit = wanted.some((entry) => values.includes(entry));
      return operator === 'includes' ? hit : !hit;
    };
  }
  const values = listOf(value);
  const wantsBlank = value.trim() === '';
  const negate = operator === 'notEqual';
  if (kind === 'date') {
    const ranges = wantsBlank ? [] : values.map((entry) => dateRangeOf(entry, calendar));
    return (actual) => {
      if (blank(actual)) return operator === 'equals' ? wantsBlank : negate && !wantsBlank;
      const day = epochDayOfIso(String(actual));
      if (operator === 'equals' || operator === 'notEqual') {
        const hit = ranges.some((range) => day >= range.start && day < range.end);
        return negate ? !hit : hit;
      }
      const [range] = ranges;
      if (!range) return false;
      if (operator === 'lessThan') return day < range.start;
      if (operator === 'greaterThan') return day >= range.end;
      if (operator === 'lessOrEqual') return day < range.end;
      return day >= range.start;
    };
  }
  if (kind === 'number') {
    const numbers = wantsBlank ? [] : values.map(Number);
    if (numbers.some((number) => !Number.isFinite(number))) {
      throw new FilterError(`"${value}" is not a number`);
    }
    return (actual) => {
      if (blank(actual)) return operator === 'equals' ? wantsBlank : negate && !wantsBlank;
      const number = Number(actual);
      if (!isOrdering) {
        const hit = numbers.includes(number);
        return negate ? !hit : hit;
      }
      return numbers.length > 0 && compareNumbers(operator, number, numbers[0]);
    };
  }
  if (kind === 'boolean') {
    if (isOrdering) throw new FilterError(`${operator} does not apply to a checkbox`);
    const wanted = ['true', '1'].includes(value.trim().toLowerCase());
    return (actual) => ((actual === true) === wanted) !== negate;
  }
  const lowered = values.map((entry) => entry.toLowerCase());
  return (actual) => {
    if (blank(actual)) return operator === 'equals' ? wantsBlank : negate && !wantsBlank;
    const text = String(actual).toLowerCase();
    if (!isOrdering) {
      const hit = lowered.includes(text);
      return negate ? !hit : hit;
    }
    const order = text.localeCompare(lowered[0] ?? '');
    return compareNumbers(operator, order, 0);
  };
}

type Logic =
  | { kind: 'item'; index: number }
  | { kind: 'not'; operand: Logic }
  | { kind: 'and' | 'or'; left: Logic; right: Logic };

const MAX_LOGIC_LENGTH = 1000;

/** Parses filter logic such as `1 AND (2 OR NOT 3)`; item numbers are 1-based. */
export function parseFilterLogic(text: string, items: number): Logic {
  if (text.length > MAX_LOGIC_LENGTH) throw new FilterError('the filter logic is too long');
  const tokens = text.match(/\d+|\(|\)|[A-Za-z]+|\S/g) ?? [];
  let position = 0;
  const peek = () => tokens[position]?.toUpperCase();
  const expectToken = (token: string) => {
    if (peek() !== token) {
      throw new FilterError(`filter logic "${text}": expected "${token}" at token ${position + 1}`);
    }
    position += 1;
  };
  // Each level consumes a token before recursing, so the depth is bounded by the token count.
  const primary = (): Logic => {
    const token = peek();
    if (token === 'NOT') {
      position += 1;
      return { kind: 'not', operand: primary() };
    }
    if (token === '(') {
      position += 1;
      const inner = disjunction();
      expectToken(')');
      return inner;
    }
    if (token !== undefined && /^\d+$/.test(token)) {
      position += 1;
      const index = Number(token);
      if (index < 1 || index > items) {
        throw new FilterError(`filter logic "${text}" names filter ${index}; there are ${items}`);
      }
      return { kind: 'item', index: index - 1 };
    }
    throw new FilterError(`filter logic "${text}": unexpected "${token ?? 'end'}"`);
  };
  const conjunction = (): Logic => {
    let left = primary();
    while (peek() === 'AND') {
      position += 1;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  const disjunction = (): Logic => {
    let left = conjunction();
    while (peek() === 'OR') {
      position += 1;
      left = { kind: 'or', left, right: conjunction() };
    }
    return left;
  };
  const logic = disjunction();
  if (position !== tokens.length) {
    throw new FilterError(`filter logic "${text}": unexpected "${tokens[position]}"`);
  }
  return logic;
}

export function evaluateLogic(logic: Logic, results: readonly boolean[]): boolean {
  switch (logic.kind) {
    case 'item':
      return results[logic.index];
    case 'not':
      return !evaluateLogic(logic.operand, results);
    case 'and':
      return evaluateLogic(logic.left, results) && evaluateLogic(logic.right, results);
    case 'or':
      return evaluateLogic(logic.left, results) || evaluateLogic(logic.right, results);
  }
}

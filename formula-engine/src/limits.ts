import { daysFromCivil, MS_PER_DAY } from './calendar';
import { FormulaError } from './formulaError';

/**
 * The bounds that keep a formula from aborting or hanging the process (issue 17). Each is a
 * FormulaError with phase 'runtime' when a value crosses it, as the org shows #Error!.
 */

/**
 * Salesforce Help, "Formula Field Limits and Restrictions": "Maximum number of displayed
 * characters after an evaluation of a formula expression: 1,300 characters". A text formula whose
 * result is longer fails; the docs do not say whether the org truncates or errs, and a rule that
 * silently compares a cut text would be wrong, so the engine errs.
 */
export const MAX_TEXT_RESULT_LENGTH = 1300;

/**
 * The longest text a value inside a formula may reach (LPAD/RPAD, SUBSTITUTE, &, HYPERLINK ...):
 * 131,072 characters, the largest text Salesforce stores in any field (Long Text Area), so no
 * formula over real data needs more. The docs are silent on intermediate values; without a bound
 * `SUBSTITUTE(LPAD("a", 140000000, "a"), "a", "b")` ended the process.
 */
export const MAX_TEXT_VALUE_LENGTH = 131072;

/**
 * Salesforce Help knowledge article 000383587 ("the earliest and latest valid dates"): dates from
 * January 1, 1700 to December 31, 4000; the Data Loader Guide ("Data Import Dates") gives the same
 * range for date/times. A date or date/time computed outside it is an error, as DATE() already is.
 */
export const MIN_DATE_DAYS = daysFromCivil(1700, 1, 1);
export const MAX_DATE_DAYS = daysFromCivil(4000, 12, 31);
export const MIN_DATETIME_MS = MIN_DATE_DAYS * MS_PER_DAY;
export const MAX_DATETIME_MS = (MAX_DATE_DAYS + 1) * MS_PER_DAY - 1;

interface Span {
  readonly start: number;
  readonly end: number;
}

function withThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function textTooLong(what: string, length: number, span: Span): FormulaError {
  return new FormulaError(
    `${what} would be ${withThousands(length)} characters long; a text value can have at most ${withThousands(MAX_TEXT_VALUE_LENGTH)} characters`,
    span.start,
    span.end,
    'runtime'
  );
}

/** `text`, or a FormulaError when it is over MAX_TEXT_VALUE_LENGTH. */
export function checkedText(text: string, what: string, span: Span): string {
  if (text.length > MAX_TEXT_VALUE_LENGTH) throw textTooLong(what, text.length, span);
  return text;
}

/** `days` when inside 1700-01-01 .. 4000-12-31; a FormulaError otherwise (NaN included). */
export function checkedDate(days: number, span: Span): number {
  if (days >= MIN_DATE_DAYS && days <= MAX_DATE_DAYS) return days;
  throw new FormulaError(
    'The date is outside the valid range (1700-01-01 to 4000-12-31)',
    span.start,
    span.end,
    'runtime'
  );
}

/** `millis` when on a date inside the valid range; a FormulaError otherwise (NaN included). */
export function checkedDateTime(millis: number, span: Span): number {
  if (millis >= MIN_DATETIME_MS && millis <= MAX_DATETIME_MS) return millis;
  throw new FormulaError(
    'The date/time is outside the valid range (1700-01-01 00:00:00Z to 4000-12-31 23:59:59Z)',
    span.start,
    span.end,
    'runtime'
  );
}

/** `value` when finite; a FormulaError for an overflow (Infinity) or an undefined result (NaN). */
export function checkedNumber(value: number, span: Span): number {
  if (value - value === 0) return value;
  throw overflow(span);
}

export function overflow(span: Span): FormulaError {
  return new FormulaError(
    'The number is too large (arithmetic overflow)',
    span.start,
    span.end,
    'runtime'
  );
}

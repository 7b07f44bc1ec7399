/**
 * The org's fiscal years as FiscalYearSettings and Period rows hold them (Object Reference,
 * "FiscalYearSettings", "Period").
 *
 * Standard fiscal years come from the scratch definition (`settings.fiscalYearSettings`:
 * `startMonth`, `fiscalYearNameBasedOn`): twelve calendar months from the start month, named by
 * the calendar year they end in, or start in with `startingMonth` (a year starting in January is
 * named by its own year either way). The runtime generates the years named from
 * STANDARD_YEARS_BACK before to STANDARD_YEARS_AHEAD after the org clock's year, each with its
 * Year, 4 Quarter and 12 Month periods (a bounded range, a choice: an org holds the years it has
 * used; no Week periods, which only custom fiscal years have).
 *
 * Custom fiscal years are defined in Setup, not in a scratch definition, so a project declares
 * them in `config/custom-fiscal-years.json` (readCustomFiscalYears), loaded only when asked
 * (`LoadProjectOptions.customFiscalYears`).
 *
 * Choices where the Object Reference is silent: Year periods have no Number; QuarterLabel and
 * PeriodLabel are empty (they hold custom names only); FullyQualifiedLabel is `FY 2026`,
 * `Q4 FY 2026` and `November FY 2026` (the reference's example is "September FY 2016"); a custom
 * month's name is the file's `label` or the calendar month of its middle day; IsForecastPeriod is
 * false (its default).
 */
import { existsSync, readFileSync } from 'node:fs';
import { ENGLISH_MONTHS } from '../stdlib/locales';
import { ApexDate } from '../values/temporal';

export const CUSTOM_FISCAL_YEARS_FILE = 'custom-fiscal-years.json';
/** Standard fiscal years generated before and after the org clock's year. */
export const STANDARD_YEARS_BACK = 10;
export const STANDARD_YEARS_AHEAD = 5;

/** One period: first and last day (ISO dates, both included). */
export interface FiscalPeriodSpan {
  startDate: string;
  endDate: string;
}

export interface FiscalMonthSpan extends FiscalPeriodSpan {
  /** The month's name (PeriodLabel of a custom year, and in FullyQualifiedLabel). */
  label: string;
}

export interface FiscalYearDefinition extends FiscalPeriodSpan {
  name: string;
  description?: string;
  isStandardYear: boolean;
  /** Exactly four, contiguous, covering the year. */
  quarters: readonly FiscalPeriodSpan[];
  /** Contiguous and covering the year when given; may be empty for a custom year. */
  months: readonly FiscalMonthSpan[];
}

function iso(date: ApexDate): string {
  return date.toIsoString();
}

/** The standard fiscal years named from `clockYear - back` to `clockYear + ahead`. */
export function standardFiscalYears(
  startMonth: number,
  usesStartDateAsFiscalYearName: boolean,
  clockYear: number,
  back = STANDARD_YEARS_BACK,
  ahead = STANDARD_YEARS_AHEAD
): FiscalYearDefinition[] {
  const years: FiscalYearDefinition[] = [];
  for (let name = clockYear - back; name <= clockYear + ahead; name++) {
    const startYear = startMonth === 1 || usesStartDateAsFiscalYearName ? name : name - 1;
    const start = ApexDate.of(startYear, startMonth, 1);
    const months: FiscalMonthSpan[] = [];
    for (let index = 0; index < 12; index++) {
      const first = start.addMonths(index);
      months.push({
        startDate: iso(first),
        endDate: iso(first.addMonths(1).addDays(-1)),
        label: ENGLISH_MONTHS[first.month - 1]
      });
    }
    const quarters = [0, 1, 2, 3].map((quarter) => ({
      startDate: months[quarter * 3].startDate,
      endDate: months[quarter * 3 + 2].endDate
    }));
    years.push({
      name: String(name),
      startDate: months[0].startDate,
      endDate: months[11].endDate,
      isStandardYear: true,
      quarters,
      months
    });
  }
  return years;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateOf(value: unknown, where: string, what: string): ApexDate {
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    try {
      return ApexDate.parseIso(value);
    } catch {
      // February 30 and the like: reported below.
    }
  }
  throw new Error(`${where}: ${what} ${JSON.stringify(value)} is not a date YYYY-MM-DD`);
}

function spanOf(
  entry: unknown,
  where: string
): { start: ApexDate; end: ApexDate; raw: Record<string, unknown> } {
  if (!isRecord(entry)) throw new Error(`${where} is not an object`);
  const start = dateOf(entry.startDate, where, 'startDate');
  const end = dateOf(entry.endDate, where, 'endDate');
  if (end.compareTo(start) < 0) {
    throw new Error(`${where}: endDate ${iso(end)} is before startDate ${iso(start)}`);
  }
  return { start, end, raw: entry };
}

/**
 * Checks that `spans` follow each other day by day from `yearStart` to `yearEnd` (the first starts
 * on the year's first day, each starts the day after the previous one ends, the last ends on the
 * year's last day).
 */
function checkContiguous(
  spans: readonly { start: ApexDate; end: ApexDate }[],
  list: string,
  where: string,
  yearStart: ApexDate,
  yearEnd: ApexDate
): void {
  spans.forEach((span, index) => {
    const expected = index === 0 ? yearStart : spans[index - 1].end.addDays(1);
    if (span.start.compareTo(expected) !== 0) {
      throw new Error(
        index === 0
          ? `${where}: ${list}[0] starts ${iso(span.start)}, not on the year's startDate ${iso(yearStart)}`
          : `${where}: ${list}[${index}] starts ${iso(span.start)}, not the day after ${list}[${index - 1}] ends (${iso(expected)})`
      );
    }
  });
  const last = spans[spans.length - 1];
  if (last.end.compareTo(yearEnd) !== 0) {
    throw new Error(
      `${where}: ${list}[${spans.length - 1}] ends ${iso(last.end)}, not on the year's endDate ${iso(yearEnd)}`
    );
  }
}

/** The calendar month holding a span's middle day. */
function middleMonth(start: ApexDate, end: ApexDate): string {
  const middle = start.addDays(Math.floor(start.daysBetween(end) / 2));
  return ENGLISH_MONTHS[middle.month - 1];
}

/**
 * The custom fiscal years of `file` (format in apex-runtime/README.md, "Fiscal years"), validated:
 * each year a unique name, a start and end date, exactly four contiguous quarters covering it,
 * optional months contiguous, covering it and each inside one quarter; the years contiguous.
 * Every error names the file and the entry.
 */
export function readCustomFiscalYears(file: string): FiscalYearDefinition[] {
  if (!existsSync(file)) {
    throw new Error(
      `${file}: missing; a custom fiscal year org needs its fiscal years (FiscalYearSettings and Period rows) there`
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(json) || !Array.isArray(json.fiscalYears) || json.fiscalYears.length === 0) {
    throw new Error(`${file}: needs a non-empty "fiscalYears" list`);
  }
  const names = new Set<string>();
  const years: FiscalYearDefinition[] = [];
  let previousEnd: ApexDate | undefined;
  json.fiscalYears.forEach((entry: unknown, index: number) => {
    let where = `${file}: fiscalYears[${index}]`;
    if (!isRecord(entry)) throw new Error(`${where} is not an object`);
    const { name, description, quarters, months } = entry;
    if (typeof name !== 'string' || name.trim() === '' || name.length > 80) {
      throw new Error(`${where}: name must be a text of 1 to 80 characters`);
    }
    where = `${where} (${name})`;
    if (names.has(name)) throw new Error(`${where}: a second fiscal year named ${name}`);
    names.add(name);
    if (description !== undefined && typeof description !== 'string') {
      throw new Error(`${where}: description must be a text`);
    }
    const year = spanOf(entry, where);
    if (previousEnd && year.start.compareTo(previousEnd.addDays(1)) !== 0) {
      throw new Error(
        `${where}: starts ${iso(year.start)}, not the day after fiscalYears[${index - 1}] ends (${iso(previousEnd.addDays(1))}); fiscal years must be listed in order without gaps or overlaps`
      );
    }
    previousEnd = year.end;
    if (!Array.isArray(quarters) || quarters.length !== 4) {
      throw new Error(`${where}: needs exactly 4 quarters`);
    }
    const quarterSpans = quarters.map((quarter, at) =>
      spanOf(quarter, `${where}: quarters[${at}]`)
    );
    checkContiguous(quarterSpans, 'quarters', where, year.start, year.end);
    let monthSpans: FiscalMonthSpan[] = [];
    if (months !== undefined) {
      if (!Array.isArray(months) || months.length === 0) {
        throw new Error(`${where}: months, when given, must be a non-empty list`);
      }
      const spans = months.map((month, at) => spanOf(month, `${where}: months[${at}]`));
      checkContiguous(spans, 'months', where, year.start, year.end);
      monthSpans = spans.map((span, at) => {
        const inside = quarterSpans.some(
          (quarter) =>
            quarter.start.compareTo(span.start) <= 0 && span.end.compareTo(quarter.end) <= 0
        );
        if (!inside) throw new Error(`${where}: months[${at}] crosses a quarter's boundary`);
        const label = span.raw.label;
        if (label !== undefined && (typeof label !== 'string' || label.trim() === '')) {
          throw new Error(`${where}: months[${at}]: label must be a non-empty text`);
        }
        return {
          startDate: iso(span.start),
          endDate: iso(span.end),
          label: label ?? middleMonth(span.start, span.end)
        };
      });
    }
    years.push({
      name,
      description,
      startDate: iso(year.start),
      endDate: iso(year.end),
      isStandardYear: false,
      quarters: quarterSpans.map((span) => ({
        startDate: iso(span.start),
        endDate: iso(span.end)
      })),
      months: monthSpans
    });
  });
  return years;
}

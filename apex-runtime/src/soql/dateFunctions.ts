/**
 * SOQL date functions (SOQL and SOSL Reference, "Date Functions"): CALENDAR_YEAR(CloseDate) and
 * the rest, for GROUP BY, WHERE, HAVING and ORDER BY. On a dateTime field they read the instant in
 * GMT, as the reference says SOQL returns dateTime values in UTC, unless the field is wrapped in
 * convertTimezone(), which reads it in the running user's time zone.
 *
 * FISCAL_YEAR() names a fiscal year by the calendar year it starts or ends in, per the org's
 * "Fiscal Year is Based On" setting (Organization.UsesStartDateAsFiscalYearName); when the fiscal
 * year does not start in January and the setting is not given, it is refused rather than guessed.
 */
import { ApexDate, ApexDatetime, epochDayOf } from '../values/temporal';
import type { DateFunctionName } from './soqlAst';
import { NotSupportedOfflineError } from './soqlErrors';

export interface DateFunctionSettings {
  timeZone: string;
  fiscalYearStartMonth: number;
  usesStartDateAsFiscalYearName?: boolean;
}

/** Whether the function only applies to dateTime fields. */
export function needsDatetime(name: DateFunctionName): boolean {
  return name === 'DAY_ONLY' || name === 'HOUR_IN_DAY';
}

/** The Apex type of the function's result. */
export function dateFunctionResultType(name: DateFunctionName): 'Date' | 'Integer' {
  return name === 'DAY_ONLY' ? 'Date' : 'Integer';
}

export function dateFunctionValue(
  name: DateFunctionName,
  value: ApexDate | ApexDatetime,
  convertTimezone: boolean,
  settings: DateFunctionSettings
): number | ApexDate {
  let date: ApexDate;
  let hour = 0;
  if (value instanceof ApexDatetime) {
    const wall = value.wall(convertTimezone ? settings.timeZone : 'GMT');
    date = wall.date;
    hour = wall.time.hour;
  } else {
    date = value;
  }
  const { year, month, day } = date;
  const dayInYear = date.epochDay - epochDayOf(year, 1, 1) + 1;
  const fiscalMonth = ((month - settings.fiscalYearStartMonth + 12) % 12) + 1;
  switch (name) {
    case 'CALENDAR_MONTH':
      return month;
    case 'CALENDAR_QUARTER':
      return Math.floor((month - 1) / 3) + 1;
    case 'CALENDAR_YEAR':
      return year;
    case 'DAY_IN_MONTH':
      return day;
    case 'DAY_IN_WEEK':
      return date.dayOfWeek() + 1;
    case 'DAY_IN_YEAR':
      return dayInYear;
    case 'DAY_ONLY':
      return date;
    case 'FISCAL_MONTH':
      return fiscalMonth;
    case 'FISCAL_QUARTER':
      return Math.floor((fiscalMonth - 1) / 3) + 1;
    case 'FISCAL_YEAR':
      return fiscalYear(year, month, settings);
    case 'HOUR_IN_DAY':
      return hour;
    case 'WEEK_IN_MONTH':
      return Math.floor((day - 1) / 7) + 1;
    case 'WEEK_IN_YEAR':
      return Math.floor((dayInYear - 1) / 7) + 1;
  }
}

function fiscalYear(year: number, month: number, settings: DateFunctionSettings): number {
  if (settings.fiscalYearStartMonth === 1) return year;
  if (settings.usesStartDateAsFiscalYearName === undefined) {
    throw new NotSupportedOfflineError(
      'FISCAL_YEAR() when the fiscal year does not start in January and the org does not say ' +
        'whether a fiscal year is named by its starting or ending year'
    );
  }
  const startYear = month >= settings.fiscalYearStartMonth ? year : year - 1;
  return settings.usesStartDateAsFiscalYearName ? startYear : startYear + 1;
}

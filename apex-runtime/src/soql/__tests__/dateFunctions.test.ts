/**
 * Date functions: SOQL and SOSL Reference, "Date Functions"
 * (https://developer.salesforce.com/docs/platform/salesforce-soql-sosl/guide/sforce-api-calls-soql-select-date-functions.html):
 * DAY_IN_WEEK 1 for Sunday, DAY_IN_YEAR 32 for February 1, WEEK_IN_MONTH's first week the 1st to
 * the 7th, WEEK_IN_YEAR's January 1 to 7, FISCAL_MONTH 1 for the fiscal year's first month; on
 * dateTime fields in UTC unless convertTimezone().
 */
import { dateFunctionValue } from '../dateFunctions';
import type { DateFunctionName } from '../soqlAst';
import { ApexDate, ApexDatetime } from '../../values/temporal';
import { environment, run, sampleOrg } from './fixtureOrg';

const settings = { timeZone: 'Asia/Tokyo', fiscalYearStartMonth: 3 };

describe('date functions', () => {
  // 2026-02-01 is a Sunday.
  it.each<[DateFunctionName, number]>([
    ['CALENDAR_MONTH', 2],
    ['CALENDAR_QUARTER', 1],
    ['CALENDAR_YEAR', 2026],
    ['DAY_IN_MONTH', 1],
    ['DAY_IN_WEEK', 1],
    ['DAY_IN_YEAR', 32],
    ['FISCAL_MONTH', 12],
    ['FISCAL_QUARTER', 4],
    ['WEEK_IN_MONTH', 1],
    ['WEEK_IN_YEAR', 5]
  ])('%s of 2026-02-01 is %s', (name, expected) => {
    expect(dateFunctionValue(name, ApexDate.of(2026, 2, 1), false, settings)).toBe(expected);
  });

  it('counts weeks of the month from the first day', () => {
    expect(dateFunctionValue('WEEK_IN_MONTH', ApexDate.of(2026, 4, 10), false, settings)).toBe(2);
  });

  it('reads a dateTime in GMT, or in the user time zone with convertTimezone()', () => {
    // 20:00 GMT on January 31 is 05:00 on February 1 in Tokyo.
    const instant = ApexDatetime.parseIso('2026-01-31T20:00:00Z');
    expect(dateFunctionValue('DAY_ONLY', instant, false, settings)).toEqual(
      ApexDate.of(2026, 1, 31)
    );
    expect(dateFunctionValue('DAY_ONLY', instant, true, settings)).toEqual(ApexDate.of(2026, 2, 1));
    expect(dateFunctionValue('HOUR_IN_DAY', instant, true, settings)).toBe(5);
  });

  it('refuses DAY_ONLY and HOUR_IN_DAY on a date field', () => {
    const { data } = sampleOrg();
    expect(() =>
      run('SELECT Id FROM Opportunity WHERE DAY_ONLY(CloseDate) = 2026-11-02', environment(data))
    ).toThrow('DAY_ONLY() needs a dateTime field: CloseDate');
  });

  it('refuses date functions on other fields', () => {
    const { data } = sampleOrg();
    expect(() =>
      run('SELECT Id FROM Opportunity WHERE CALENDAR_YEAR(Name) = 2026', environment(data))
    ).toThrow('CALENDAR_YEAR() needs a date or dateTime field: Name');
  });

  it('refuses aggregate functions in WHERE', () => {
    const { data } = sampleOrg();
    expect(() => run('SELECT Id FROM Opportunity WHERE COUNT(Id) > 1', environment(data))).toThrow(
      'aggregate functions are only allowed in aggregate queries: COUNT(Id)'
    );
  });
});

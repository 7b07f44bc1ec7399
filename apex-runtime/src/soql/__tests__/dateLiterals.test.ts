/**
 * Date literals: SOQL and SOSL Reference, "Date Formats and Date Literals in WHERE"
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_dateformats.htm).
 * Each literal is a range of whole days from 00:00; `=` means within it, `<` before its start, `>`
 * after its end. Ranges below are hand-computed for Wednesday 2026-11-18; `end` is the day after
 * the last day of the range.
 */
import { dateLiteralRange, type CalendarSettings } from '../dateLiterals';
import type { DateLiteralName } from '../soqlAst';
import { NotSupportedOfflineError } from '../soqlErrors';
import { ApexDate } from '../../values/temporal';
import { column, datetime, environment, records, sampleOrg } from './fixtureOrg';

const calendar: CalendarSettings = {
  today: ApexDate.of(2026, 11, 18),
  fiscalYearStartMonth: 1,
  firstDayOfWeek: 0
};

function range(
  name: DateLiteralName,
  n?: number,
  settings: CalendarSettings = calendar
): [string, string] {
  const { start, end } = dateLiteralRange(name, n, settings);
  return [new ApexDate(start).toIsoString(), new ApexDate(end).toIsoString()];
}

describe('date literal ranges', () => {
  it.each<[DateLiteralName, number | undefined, string, string]>([
    ['YESTERDAY', undefined, '2026-11-17', '2026-11-18'],
    ['TODAY', undefined, '2026-11-18', '2026-11-19'],
    ['TOMORROW', undefined, '2026-11-19', '2026-11-20'],
    // Weeks start on Sunday (en_US): 2026-11-15 is the Sunday of this week.
    ['LAST_WEEK', undefined, '2026-11-08', '2026-11-15'],
    ['THIS_WEEK', undefined, '2026-11-15', '2026-11-22'],
    ['NEXT_WEEK', undefined, '2026-11-22', '2026-11-29'],
    ['LAST_MONTH', undefined, '2026-10-01', '2026-11-01'],
    ['THIS_MONTH', undefined, '2026-11-01', '2026-12-01'],
    ['NEXT_MONTH', undefined, '2026-12-01', '2027-01-01'],
    // "LAST_90_DAYS ... includes the current day ... 91 days in total"; NEXT_90_DAYS starts tomorrow.
    ['LAST_90_DAYS', undefined, '2026-08-20', '2026-11-19'],
    ['NEXT_90_DAYS', undefined, '2026-11-19', '2027-02-17'],
    // "LAST_N_DAYS:1 includes yesterday and today"; NEXT_N_DAYS:1 is tomorrow.
    ['LAST_N_DAYS', 1, '2026-11-17', '2026-11-19'],
    ['LAST_N_DAYS', 3, '2026-11-15', '2026-11-19'],
    ['NEXT_N_DAYS', 1, '2026-11-19', '2026-11-20'],
    ['NEXT_N_DAYS', 3, '2026-11-19', '2026-11-22'],
    ['N_DAYS_AGO', 3, '2026-11-15', '2026-11-16'],
    ['LAST_N_WEEKS', 2, '2026-11-01', '2026-11-15'],
    ['NEXT_N_WEEKS', 2, '2026-11-22', '2026-12-06'],
    ['N_WEEKS_AGO', 2, '2026-11-01', '2026-11-08'],
    ['LAST_N_MONTHS', 2, '2026-09-01', '2026-11-01'],
    ['NEXT_N_MONTHS', 2, '2026-12-01', '2027-02-01'],
    ['N_MONTHS_AGO', 2, '2026-09-01', '2026-10-01'],
    ['THIS_QUARTER', undefined, '2026-10-01', '2027-01-01'],
    ['LAST_QUARTER', undefined, '2026-07-01', '2026-10-01'],
    ['NEXT_QUARTER', undefined, '2027-01-01', '2027-04-01'],
    ['LAST_N_QUARTERS', 2, '2026-04-01', '2026-10-01'],
    ['NEXT_N_QUARTERS', 2, '2027-01-01', '2027-07-01'],
    ['N_QUARTERS_AGO', 2, '2026-04-01', '2026-07-01'],
    ['THIS_YEAR', undefined, '2026-01-01', '2027-01-01'],
    ['LAST_YEAR', undefined, '2025-01-01', '2026-01-01'],
    ['NEXT_YEAR', undefined, '2027-01-01', '2028-01-01'],
    ['LAST_N_YEARS', 2, '2024-01-01', '2026-01-01'],
    ['NEXT_N_YEARS', 2, '2027-01-01', '2029-01-01'],
    ['N_YEARS_AGO', 2, '2024-01-01', '2025-01-01'],
    ['THIS_FISCAL_YEAR', undefined, '2026-01-01', '2027-01-01']
  ])('%s:%s runs from %s to before %s', (name, n, start, end) => {
    expect(range(name, n)).toEqual([start, end]);
  });

  describe('with a fiscal year starting in February', () => {
    const february = { ...calendar, fiscalYearStartMonth: 2 };
    it.each<[DateLiteralName, number | undefined, string, string]>([
      // Fiscal quarters: Feb-Apr, May-Jul, Aug-Oct, Nov-Jan; 2026-11-18 is in the fourth.
      ['THIS_FISCAL_QUARTER', undefined, '2026-11-01', '2027-02-01'],
      ['LAST_FISCAL_QUARTER', undefined, '2026-08-01', '2026-11-01'],
      ['NEXT_FISCAL_QUARTER', undefined, '2027-02-01', '2027-05-01'],
      ['NEXT_N_FISCAL_QUARTERS', 2, '2027-02-01', '2027-08-01'],
      ['LAST_N_FISCAL_QUARTERS', 2, '2026-05-01', '2026-11-01'],
      ['N_FISCAL_QUARTERS_AGO', 1, '2026-08-01', '2026-11-01'],
      ['THIS_FISCAL_YEAR', undefined, '2026-02-01', '2027-02-01'],
      ['LAST_FISCAL_YEAR', undefined, '2025-02-01', '2026-02-01'],
      ['NEXT_FISCAL_YEAR', undefined, '2027-02-01', '2028-02-01'],
      ['LAST_N_FISCAL_YEARS', 2, '2024-02-01', '2026-02-01'],
      ['NEXT_N_FISCAL_YEARS', 1, '2027-02-01', '2028-02-01'],
      ['N_FISCAL_YEARS_AGO', 1, '2025-02-01', '2026-02-01']
    ])('%s:%s runs from %s to before %s', (name, n, start, end) => {
      expect(range(name, n, february)).toEqual([start, end]);
    });

    it('puts January in the fiscal year that started the February before', () => {
      expect(
        range('THIS_FISCAL_YEAR', undefined, { ...february, today: ApexDate.of(2027, 1, 10) })
      ).toEqual(['2026-02-01', '2027-02-01']);
    });
  });

  it('starts weeks on the locale first day of the week when given', () => {
    expect(range('THIS_WEEK', undefined, { ...calendar, firstDayOfWeek: 1 })).toEqual([
      '2026-11-16',
      '2026-11-23'
    ]);
  });

  it('refuses a negative n', () => {
    expect(() => range('LAST_N_DAYS', -1)).toThrow(NotSupportedOfflineError);
  });
});

describe('date literals in queries', () => {
  function setup() {
    const org = sampleOrg();
    return { ...org, env: environment(org.data) };
  }

  it('matches date fields within, before and after the range', () => {
    const { env } = setup();
    const names = (condition: string) =>
      column(records(`SELECT Name FROM Opportunity WHERE ${condition}`, env), 'Name');
    expect(names('CloseDate = THIS_MONTH')).toEqual(['Big Deal']);
    expect(names('CloseDate < THIS_MONTH')).toEqual(['Lost Deal']);
    expect(names('CloseDate > THIS_MONTH')).toEqual(['Small Deal', 'No Amount']);
    expect(names('CloseDate >= THIS_MONTH')).toEqual(['Big Deal', 'Small Deal', 'No Amount']);
    expect(names('CloseDate <= THIS_MONTH')).toEqual(['Big Deal', 'Lost Deal']);
    expect(names('CloseDate != THIS_MONTH')).toEqual(['Small Deal', 'Lost Deal', 'No Amount']);
  });

  it('reads dateTime fields in the running user time zone', () => {
    const { data, env } = setup();
    // 03:00 GMT on the 19th is 19:00 on the 18th in Los Angeles (GMT-8 in November).
    data.insert('Opportunity', { Name: 'Late', CreatedDate: datetime('2026-11-19T03:00:00Z') });
    const today = (timeZone: string) =>
      column(
        records('SELECT Name FROM Opportunity WHERE CreatedDate = TODAY', { ...env, timeZone }),
        'Name'
      );
    expect(today('GMT')).toEqual(['No Amount']);
    expect(today('America/Los_Angeles')).toEqual(['No Amount', 'Late']);
  });

  it('applies the org fiscal year start', () => {
    const { env } = setup();
    const rows = records('SELECT Name FROM Opportunity WHERE CloseDate = THIS_FISCAL_YEAR', {
      ...env,
      fiscalYearStartMonth: 11
    });
    // Fiscal year 2026-11-01 to 2027-10-31.
    expect(column(rows, 'Name')).toEqual(['Big Deal', 'Small Deal', 'No Amount']);
  });
});

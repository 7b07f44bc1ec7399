import {
  evaluateLogic,
  FilterError,
  makeCriterion,
  parseFilterLogic,
  relativeDateRange,
  timeFrameRange,
  epochDayOfIso,
  type CalendarContext
} from '../reportFilters';
import { dateBucket } from '../reportRun';

const CALENDAR: CalendarContext = {
  today: '2026-11-16',
  fiscalYearStartMonth: 1,
  firstDayOfWeek: 0,
  locale: 'en-US'
};
const DANISH: CalendarContext = { ...CALENDAR, locale: 'da-DK' };
const FISCAL_APRIL: CalendarContext = { ...CALENDAR, fiscalYearStartMonth: 4 };

function days(from: string, to: string) {
  return { start: epochDayOfIso(from), end: epochDayOfIso(to) + 1 };
}

describe('relative dates against the org today and fiscal year', () => {
  it('it_should_read_THIS_QUARTER_as_the_calendar_quarter_of_today', () => {
    expect(relativeDateRange('THIS_QUARTER', CALENDAR)).toEqual(days('2026-10-01', '2026-12-31'));
  });

  it('it_should_read_LAST_N_WEEKS_26_as_the_26_whole_weeks_before_this_one', () => {
    // 2026-11-16 is a Monday; this week started Sunday 2026-11-15.
    expect(relativeDateRange('LAST_N_WEEKS:26', CALENDAR)).toEqual(
      days('2026-05-17', '2026-11-14')
    );
  });

  it('it_should_follow_the_fiscal_year_start_for_fiscal_literals', () => {
    expect(relativeDateRange('THIS_FISCAL_QUARTER', FISCAL_APRIL)).toEqual(
      days('2026-10-01', '2026-12-31')
    );
    expect(relativeDateRange('THIS_FISCAL_YEAR', FISCAL_APRIL)).toEqual(
      days('2026-04-01', '2027-03-31')
    );
  });

  it('it_should_map_time_frame_intervals_and_refuse_unknown_ones', () => {
    expect(timeFrameRange({ interval: 'INTERVAL_CURFY' }, CALENDAR)).toEqual(
      days('2026-01-01', '2026-12-31')
    );
    expect(
      timeFrameRange(
        { interval: 'INTERVAL_CUSTOM', startDate: '2026-02-01', endDate: '2026-02-28' },
        CALENDAR
      )
    ).toEqual(days('2026-02-01', '2026-02-28'));
    expect(timeFrameRange({ interval: 'INTERVAL_CURRENTQ' }, FISCAL_APRIL)).toEqual(
      days('2026-10-01', '2026-12-31')
    );
    expect(timeFrameRange({ interval: 'INTERVAL_CURNEXT1' }, FISCAL_APRIL)).toEqual(
      days('2026-10-01', '2027-03-31')
    );
    expect(() => timeFrameRange({ interval: 'INTERVAL_SOMEDAY' }, CALENDAR)).toThrow(FilterError);
  });

  it('it_should_refuse_an_n_literal_without_n', () => {
    expect(() => relativeDateRange('LAST_N_WEEKS', CALENDAR)).toThrow(/needs ":n"/);
  });
});

describe('criteria operators', () => {
  const test = (
    kind: Parameters<typeof makeCriterion>[0],
    operator: Parameters<typeof makeCriterion>[1],
    value: string
  ) => makeCriterion(kind, operator, value, CALENDAR);

  it('it_should_match_equals_and_notEqual_against_a_list_case_insensitively', () => {
    expect(test('text', 'equals', 'Commit,Best Case')('best case')).toBe(true);
    expect(test('text', 'equals', 'Commit,Best Case')('Pipeline')).toBe(false);
    expect(test('text', 'notEqual', 'Commit')('Pipeline')).toBe(true);
    expect(test('text', 'notEqual', 'Commit')('COMMIT')).toBe(false);
  });

  it('it_should_treat_an_empty_value_as_blank', () => {
    expect(test('text', 'equals', '')(null)).toBe(true);
    expect(test('text', 'equals', '')('x')).toBe(false);
    expect(test('text', 'notEqual', '')('x')).toBe(true);
    expect(test('number', 'notEqual', '')(null)).toBe(false);
  });

  it('it_should_compare_numbers_with_the_ordering_operators', () => {
    expect(test('number', 'lessThan', '100')(99)).toBe(true);
    expect(test('number', 'lessThan', '100')(100)).toBe(false);
    expect(test('number', 'greaterThan', '100')(101)).toBe(true);
    expect(test('number', 'lessOrEqual', '100')(100)).toBe(true);
    expect(test('number', 'greaterOrEqual', '100')(100)).toBe(true);
    expect(test('number', 'greaterOrEqual', '100')(null)).toBe(false);
  });

  it('it_should_compare_dates_with_relative_and_absolute_values', () => {
    expect(test('date', 'equals', 'THIS_QUARTER')('2026-12-31')).toBe(true);
    expect(test('date', 'equals', 'THIS_QUARTER')('2027-01-01')).toBe(false);
    expect(test('date', 'lessThan', 'THIS_QUARTER')('2026-09-30')).toBe(true);
    expect(test('date', 'greaterThan', 'THIS_QUARTER')('2027-01-01')).toBe(true);
    expect(test('date', 'lessOrEqual', '2026-11-16')('2026-11-16')).toBe(true);
    expect(test('date', 'greaterOrEqual', '2026-11-16')('2026-11-15')).toBe(false);
    expect(test('date', 'notEqual', 'THIS_QUARTER')('2026-01-05')).toBe(true);
  });

  it('it_should_match_contains_notContain_and_startsWith_on_text', () => {
    expect(test('text', 'contains', 'renew,upsell')('Acme Renewal')).toBe(true);
    expect(test('text', 'notContain', 'renew')('Acme Renewal')).toBe(false);
    expect(test('text', 'startsWith', 'acme')('Acme Renewal')).toBe(true);
    expect(test('text', 'startsWith', 'renewal')('Acme Renewal')).toBe(false);
  });

  it('it_should_match_includes_and_excludes_on_multi_select_picklists', () => {
    expect(test('multi', 'includes', 'Negotiation,Discovery')('Discovery;Closing')).toBe(true);
    expect(test('multi', 'excludes', 'Discovery')('Discovery;Closing')).toBe(false);
    expect(() => test('text', 'includes', 'x')).toThrow(FilterError);
  });

  it('it_should_match_checkboxes', () => {
    expect(test('boolean', 'equals', 'true')(true)).toBe(true);
    expect(test('boolean', 'equals', '0')(false)).toBe(true);
    expect(test('boolean', 'notEqual', 'true')(true)).toBe(false);
  });
});

describe('filter logic', () => {
  it('it_should_evaluate_and_or_not_with_parentheses', () => {
    const logic = parseFilterLogic('1 AND (2 OR NOT 3)', 3);
    expect(evaluateLogic(logic, [true, false, false])).toBe(true);
    expect(evaluateLogic(logic, [true, false, true])).toBe(false);
    expect(evaluateLogic(logic, [false, true, true])).toBe(false);
  });

  it('it_should_name_the_fault_in_bad_logic', () => {
    expect(() => parseFilterLogic('1 AND 4', 3)).toThrow(/names filter 4; there are 3/);
    expect(() => parseFilterLogic('(1 OR 2', 2)).toThrow(/expected "\)"/);
    expect(() => parseFilterLogic('1 2', 2)).toThrow(/unexpected "2"/);
  });
});

describe('date granularity', () => {
  it('it_should_bucket_dates_by_day_week_month_quarter_year_and_fiscal_periods', () => {
    expect(dateBucket('2026-11-18', 'Day', CALENDAR).key).toBe('2026-11-18');
    expect(dateBucket('2026-11-18', 'Week', CALENDAR).key).toBe('2026-11-15');
    expect(dateBucket('2026-11-18', 'Month', CALENDAR)).toEqual({
      key: '2026-11',
      label: 'Nov 2026'
    });
    expect(dateBucket('2026-11-18', 'Quarter', CALENDAR).key).toBe('2026-Q4');
    expect(dateBucket('2026-11-18', 'Year', CALENDAR).key).toBe('2026');
    expect(dateBucket('2026-11-18', 'FiscalQuarter', FISCAL_APRIL).key).toBe('2027-Q3');
    expect(dateBucket('2026-03-18', 'FiscalYear', FISCAL_APRIL).key).toBe('2026');
  });

  it('it_should_write_days_weeks_and_months_in_the_viewers_locale', () => {
    expect(dateBucket('2026-11-18', 'Day', CALENDAR).label).toBe('Nov 18, 2026');
    expect(dateBucket('2026-11-18', 'Week', CALENDAR).label).toBe('Nov 15, 2026');
    expect(dateBucket('2026-11-18', 'Day', DANISH).label).toBe('18. nov. 2026');
    expect(dateBucket('2026-11-18', 'Month', DANISH).label).toBe('nov. 2026');
  });
});

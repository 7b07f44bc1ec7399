import {
  CALENDAR_YEAR,
  daysBetween,
  fiscalQuarter,
  fiscalYearOf,
  fiscalYearPeriod,
  parsePeriod,
  quarterOf,
  type FiscalCalendar
} from 'c/salesKpis';
import { FOUR_FOUR_FIVE, FOUR_FOUR_FIVE_ROWS } from './fourFourFive';

const Q4_2026 = { start: '2026-09-27', end: '2027-01-02', label: '2026-Q4' };

describe('quarters and fiscal years from the org’s Period rows (4-4-5, 14-week Q4)', () => {
  it('finds the quarter row containing a date, however long the quarter', () => {
    expect(quarterOf('2026-11-16', FOUR_FOUR_FIVE)).toEqual(Q4_2026);
    // The 14-week Q4 runs into the next calendar year and its last day is still FY2026.
    expect(quarterOf('2027-01-02', FOUR_FOUR_FIVE)).toEqual(Q4_2026);
    expect(quarterOf('2027-01-03', FOUR_FOUR_FIVE)).toEqual({
      start: '2027-01-03',
      end: '2027-04-03',
      label: '2027-Q1'
    });
    // FY2026 starts in December 2025.
    expect(quarterOf('2025-12-28', FOUR_FOUR_FIVE).label).toBe('2026-Q1');
    expect(daysBetween(Q4_2026.start, Q4_2026.end) + 1).toBe(98);
    const q3 = quarterOf('2026-08-01', FOUR_FOUR_FIVE);
    expect(daysBetween(q3.start, q3.end) + 1).toBe(91);
  });

  it('gives the quarter of a year and number, and the year a date belongs to', () => {
    expect(fiscalQuarter(2026, 4, FOUR_FOUR_FIVE)).toEqual(Q4_2026);
    expect(fiscalQuarter(2026, 1, FOUR_FOUR_FIVE)).toEqual({
      start: '2025-12-28',
      end: '2026-03-28',
      label: '2026-Q1'
    });
    expect(fiscalYearOf('2025-12-30', FOUR_FOUR_FIVE)).toBe(2026);
    expect(fiscalYearOf('2027-01-02', FOUR_FOUR_FIVE)).toBe(2026);
    expect(fiscalYearOf('2027-01-03', FOUR_FOUR_FIVE)).toBe(2027);
    expect(() => fiscalQuarter(2026, 5, FOUR_FOUR_FIVE)).toThrow('Quarter must be 1-4');
  });

  it('runs a fiscal year from its first quarter’s start to its last quarter’s end', () => {
    expect(fiscalYearPeriod(2026, FOUR_FOUR_FIVE)).toEqual({
      start: '2025-12-28',
      end: '2027-01-02',
      label: 'FY2026'
    });
    expect(daysBetween('2025-12-28', '2027-01-02') + 1).toBe(53 * 7);
  });

  it('parses quarters, years and ranges by the rows; months stay calendar months', () => {
    expect(parsePeriod('2026-Q4', FOUR_FOUR_FIVE)).toEqual(Q4_2026);
    expect(parsePeriod('2026Q4', FOUR_FOUR_FIVE)).toEqual(Q4_2026);
    expect(parsePeriod('FY2026', FOUR_FOUR_FIVE)).toMatchObject({
      start: '2025-12-28',
      end: '2027-01-02'
    });
    expect(parsePeriod('2026', FOUR_FOUR_FIVE)).toMatchObject({ label: 'FY2026' });
    expect(parsePeriod('2026-Q3..2027-Q1', FOUR_FOUR_FIVE)).toEqual({
      start: '2026-06-28',
      end: '2027-04-03',
      label: '2026-Q3..2027-Q1'
    });
    expect(parsePeriod('2026-11', FOUR_FOUR_FIVE)).toMatchObject({
      start: '2026-11-01',
      end: '2026-11-30'
    });
  });

  it('reads rows in any order', () => {
    const shuffled = { ...FOUR_FOUR_FIVE, Quarters: [...FOUR_FOUR_FIVE_ROWS].reverse() };
    expect(quarterOf('2026-11-16', shuffled)).toEqual(Q4_2026);
    expect(fiscalYearPeriod(2026, shuffled)).toMatchObject({
      start: '2025-12-28',
      end: '2027-01-02'
    });
  });

  it('leaves calendars without rows (or with none) exactly as before', () => {
    const empty: FiscalCalendar = { ...CALENDAR_YEAR, Quarters: [] };
    for (const calendar of [CALENDAR_YEAR, empty]) {
      expect(quarterOf('2026-11-16', calendar)).toEqual({
        start: '2026-10-01',
        end: '2026-12-31',
        label: '2026-Q4'
      });
      expect(fiscalYearPeriod(2026, calendar)).toMatchObject({
        start: '2026-01-01',
        end: '2026-12-31'
      });
    }
  });
});

describe('outside the org’s Period rows', () => {
  it('falls back to the start month for years the rows do not define', () => {
    expect(parsePeriod('2023-Q2', FOUR_FOUR_FIVE)).toEqual({
      start: '2023-04-01',
      end: '2023-06-30',
      label: '2023-Q2'
    });
    expect(fiscalYearOf('2023-05-10', FOUR_FOUR_FIVE)).toBe(2023);
    expect(quarterOf('2029-05-10', FOUR_FOUR_FIVE)).toEqual({
      start: '2029-04-01',
      end: '2029-06-30',
      label: '2029-Q2'
    });
  });

  it('uses the start month for dates before or after the rows, as Apex does', () => {
    // Standard 2024-Q4, though the first row starts on 2024-12-29 (the window keeps the
    // review's choices off such edges).
    expect(quarterOf('2024-11-15', FOUR_FOUR_FIVE)).toEqual({
      start: '2024-10-01',
      end: '2024-12-31',
      label: '2024-Q4'
    });
    expect(quarterOf('2028-01-02', FOUR_FOUR_FIVE)).toEqual({
      start: '2028-01-01',
      end: '2028-03-31',
      label: '2028-Q1'
    });
    expect(fiscalYearPeriod(2028, FOUR_FOUR_FIVE)).toEqual({
      start: '2028-01-01',
      end: '2028-12-31',
      label: 'FY2028'
    });
    expect(fiscalYearOf('2028-01-02', FOUR_FOUR_FIVE)).toBe(2028);
  });

  it('takes a year from the rows only when they hold all four of its quarters', () => {
    // The window Apex reads starts mid-year: FY2025 has only its Q3 and Q4 among the rows.
    const fromQ3 = { ...FOUR_FOUR_FIVE, Quarters: FOUR_FOUR_FIVE_ROWS.slice(2) };
    expect(fiscalYearPeriod(2025, fromQ3)).toEqual({
      start: '2025-01-01',
      end: '2025-12-31',
      label: 'FY2025'
    });
    expect(fiscalQuarter(2025, 1, fromQ3)).toMatchObject({
      start: '2025-01-01',
      end: '2025-03-31'
    });
    expect(fiscalQuarter(2025, 3, fromQ3)).toMatchObject({
      start: '2025-06-29',
      end: '2025-09-27'
    });
    expect(fiscalYearOf('2025-08-01', fromQ3)).toBe(2025);
    expect(fiscalYearPeriod(2026, fromQ3)).toMatchObject({ start: '2025-12-28' });
  });

  it('uses the start month for a day or quarter the rows leave out', () => {
    const withHole = {
      ...FOUR_FOUR_FIVE,
      Quarters: FOUR_FOUR_FIVE_ROWS.filter(
        (row) => !(row.FiscalYearSettings.Name === '2026' && row.Number === 2)
      )
    };
    const standardQ2 = { start: '2026-04-01', end: '2026-06-30', label: '2026-Q2' };
    expect(quarterOf('2026-05-01', withHole)).toEqual(standardQ2);
    expect(parsePeriod('2026-Q2', withHole)).toEqual(standardQ2);
    expect(fiscalYearOf('2026-05-01', withHole)).toBe(2026);
    expect(fiscalYearPeriod(2026, withHole)).toMatchObject({
      start: '2026-01-01',
      end: '2026-12-31'
    });
  });

  it('rejects rows that overlap, repeat a quarter or are malformed', () => {
    const [first, second] = FOUR_FOUR_FIVE_ROWS;
    const calendar = (quarters: FiscalCalendar['Quarters']): FiscalCalendar => ({
      ...CALENDAR_YEAR,
      Quarters: quarters
    });
    expect(() =>
      quarterOf('2025-01-10', calendar([first, { ...second, StartDate: '2025-03-29' }]))
    ).toThrow('overlap');
    expect(() => quarterOf('2025-01-10', calendar([first, { ...second, Number: 1 }]))).toThrow(
      'appears twice'
    );
    expect(() =>
      quarterOf('2025-01-10', calendar([{ ...first, FiscalYearSettings: { Name: 'FY25' } }]))
    ).toThrow('four-digit year');
    expect(() => quarterOf('2025-01-10', calendar([{ ...first, Number: 0 }]))).toThrow(
      'Quarter must be 1-4'
    );
  });
});

import {
  addDays,
  dateRange,
  daysBetween,
  elapsedPart,
  fiscalQuarter,
  fiscalYearOf,
  fiscalYearPeriod,
  isInPeriod,
  monthOf,
  monthsIn,
  parsePeriod,
  quarterOf,
  utcDayOf,
  dayNumber,
  instantOf,
  isoDate,
  weekdaysIn
} from 'c/salesKpis';
import type { FiscalCalendar } from 'c/salesKpis';
import fc from 'fast-check';

const APRIL_NAMED_BY_END: FiscalCalendar = {
  FiscalYearStartMonth: 4,
  UsesStartDateAsFiscalYearName: false
};
const APRIL_NAMED_BY_START: FiscalCalendar = {
  FiscalYearStartMonth: 4,
  UsesStartDateAsFiscalYearName: true
};

describe('parsePeriod', () => {
  it('reads a calendar quarter when the fiscal year starts in January', () => {
    expect(parsePeriod('2026-Q4')).toEqual({
      start: '2026-10-01',
      end: '2026-12-31',
      label: '2026-Q4'
    });
  });

  it('names a fiscal year by its ending year unless the org names it by its start', () => {
    // April start, named by the end: FY2026 runs 2025-04-01..2026-03-31, so Q1 is April-June 2025.
    expect(parsePeriod('2026-Q1', APRIL_NAMED_BY_END)).toMatchObject({
      start: '2025-04-01',
      end: '2025-06-30'
    });
    expect(parsePeriod('2026-Q4', APRIL_NAMED_BY_END)).toMatchObject({
      start: '2026-01-01',
      end: '2026-03-31'
    });
    // Named by the start: FY2026 runs 2026-04-01..2027-03-31.
    expect(parsePeriod('2026-Q1', APRIL_NAMED_BY_START)).toMatchObject({
      start: '2026-04-01',
      end: '2026-06-30'
    });
  });

  it('spans a calendar year end when the fiscal year starts in November', () => {
    const novemberStart = { FiscalYearStartMonth: 11, UsesStartDateAsFiscalYearName: false };
    expect(fiscalQuarter(2027, 1, novemberStart)).toMatchObject({
      start: '2026-11-01',
      end: '2027-01-31'
    });
  });

  it('reads months as calendar months, including a leap February', () => {
    expect(parsePeriod('2026-11')).toEqual({
      start: '2026-11-01',
      end: '2026-11-30',
      label: '2026-11'
    });
    expect(parsePeriod('2024-02', APRIL_NAMED_BY_END)).toMatchObject({ end: '2024-02-29' });
  });

  it('reads a fiscal year with or without the FY prefix', () => {
    expect(parsePeriod('2026')).toMatchObject({ start: '2026-01-01', end: '2026-12-31' });
    expect(parsePeriod('FY2026', APRIL_NAMED_BY_END)).toMatchObject({
      start: '2025-04-01',
      end: '2026-03-31'
    });
    expect(fiscalYearPeriod(2026)).toMatchObject({ label: 'FY2026' });
  });

  it('reads ranges of periods and of dates', () => {
    expect(parsePeriod('2026-Q1..2026-Q2')).toMatchObject({
      start: '2026-01-01',
      end: '2026-06-30'
    });
    expect(parsePeriod('2026-10-01..2026-10-15')).toMatchObject({
      start: '2026-10-01',
      end: '2026-10-15'
    });
    expect(parsePeriod(' 2026-10..2026-Q4 ')).toMatchObject({
      start: '2026-10-01',
      end: '2026-12-31'
    });
    expect(parsePeriod('2026-11-16')).toMatchObject({ start: '2026-11-16', end: '2026-11-16' });
  });

  it.each(['2026-Q5', '2026-13', 'next quarter', '2026-Q3..2026-Q1', '2026-02-30', 'a..b..c'])(
    'rejects %s',
    (text) => {
      expect(() => parsePeriod(text)).toThrow();
    }
  );

  it('rejects a fiscal start month outside 1-12', () => {
    expect(() =>
      parsePeriod('2026-Q1', { FiscalYearStartMonth: 13, UsesStartDateAsFiscalYearName: false })
    ).toThrow();
  });
});

describe('quarterOf and fiscalYearOf', () => {
  it('finds the quarter containing a date', () => {
    expect(quarterOf('2026-11-16').label).toBe('2026-Q4');
    // 2026-02-10 with an April start named by the end: FY2026 (Apr 2025 - Mar 2026), its Q4.
    expect(quarterOf('2026-02-10', APRIL_NAMED_BY_END)).toMatchObject({
      label: '2026-Q4',
      start: '2026-01-01'
    });
    expect(fiscalYearOf('2026-04-01', APRIL_NAMED_BY_END)).toBe(2027);
    expect(fiscalYearOf('2026-04-01', APRIL_NAMED_BY_START)).toBe(2026);
  });

  it('puts every date in exactly one quarter of its fiscal year, for any start month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2040-12-31') }),
        (startMonth, namedByStart, day) => {
          const calendar = {
            FiscalYearStartMonth: startMonth,
            UsesStartDateAsFiscalYearName: namedByStart
          };
          const date = addDays('1970-01-01', day);
          const quarter = quarterOf(date, calendar);
          const year = fiscalYearOf(date, calendar);
          const quarters = [1, 2, 3, 4].map((q) => fiscalQuarter(year, q, calendar));
          expect(isInPeriod(date, quarter)).toBe(true);
          expect(quarters.filter((q) => isInPeriod(date, q))).toHaveLength(1);
          // The four quarters tile the year without gaps.
          for (let q = 1; q < 4; q++) {
            expect(daysBetween(quarters[q - 1].end, quarters[q].start)).toBe(1);
          }
        }
      )
    );
  });
});

describe('dates', () => {
  it('takes the UTC date of a date-time written with an offset', () => {
    // 23:30 at -02:00 is 01:30 UTC the next day.
    expect(utcDayOf('2026-11-16T23:30:00.000-0200')).toBe(dayNumber('2026-11-17'));
    expect(utcDayOf('2026-11-16T23:30:00.000Z')).toBe(dayNumber('2026-11-16'));
  });

  it('reads the date-time forms the APIs write, and a missing zone as UTC', () => {
    const utc = Date.UTC(2026, 10, 16, 9, 30, 15, 250);
    expect(instantOf('2026-11-16T09:30:15.250Z')).toBe(utc);
    expect(instantOf('2026-11-16T11:30:15.250+0200')).toBe(utc);
    expect(instantOf('2026-11-16T04:00:15.250-05:30')).toBe(utc);
    expect(instantOf('2026-11-16T09:30:15.25')).toBe(utc);
    expect(instantOf('2026-11-16')).toBe(Date.UTC(2026, 10, 16));
  });

  it.each([
    '2026-11-16 09:30:00Z',
    '2026-11-16T09:30Z',
    '2026-11-16T09:30:00+2',
    '2026-11-16T09:30:00X'
  ])('rejects the date-time %s', (text) => {
    expect(() => instantOf(text)).toThrow();
  });

  it('agrees with the platform date conversion on any day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (day) => {
        const text = new Date(day * 86_400_000).toISOString();
        expect(dayNumber(text.slice(0, 10))).toBe(day);
        expect(instantOf(text)).toBe(day * 86_400_000);
        expect(isoDate(day)).toBe(text.slice(0, 10));
      })
    );
  });

  it('includes both ends of a period', () => {
    const q4 = parsePeriod('2026-Q4');
    expect(isInPeriod('2026-10-01', q4)).toBe(true);
    expect(isInPeriod('2026-12-31', q4)).toBe(true);
    expect(isInPeriod('2027-01-01', q4)).toBe(false);
    expect(isInPeriod(null, q4)).toBe(false);
  });

  it('rejects malformed dates', () => {
    expect(() => dayNumber('16/11/2026')).toThrow();
    expect(() => utcDayOf('yesterday')).toThrow();
    expect(() => dateRange('2026-11-02', '2026-11-01')).toThrow();
  });

  it('gives the calendar month of a date', () => {
    expect(monthOf('2026-02-14')).toEqual({
      start: '2026-02-01',
      end: '2026-02-28',
      label: '2026-02'
    });
  });
});

describe('monthsIn', () => {
  it('counts a quarter as exactly three months', () => {
    expect(monthsIn(parsePeriod('2026-Q4'))).toBe(3);
  });

  it('counts part months by the share of their days', () => {
    // November 1-15: 15 of 30 days.
    expect(monthsIn(dateRange('2026-11-01', '2026-11-15'))).toBe(0.5);
    // November 17-30 is 14/30, December 1-16 is 16/31.
    expect(monthsIn(dateRange('2026-11-17', '2026-12-16'))).toBeCloseTo(14 / 30 + 16 / 31, 12);
  });

  it('adds up over adjacent windows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (a, b) => {
        const start = '2026-01-01';
        const middle = addDays(start, a);
        const end = addDays(middle, b + 1);
        const whole = monthsIn(dateRange(start, end));
        const parts =
          monthsIn(dateRange(start, middle)) + monthsIn(dateRange(addDays(middle, 1), end));
        expect(whole).toBeCloseTo(parts, 9);
      })
    );
  });
});

describe('weekdaysIn and elapsedPart', () => {
  it('counts Monday to Friday only', () => {
    // 2026-11-16 is a Monday: the week to Sunday 22nd has 5 weekdays; to Monday 23rd, 6.
    expect(weekdaysIn(dateRange('2026-11-16', '2026-11-22'))).toBe(5);
    expect(weekdaysIn(dateRange('2026-11-16', '2026-11-23'))).toBe(6);
    expect(weekdaysIn(dateRange('2026-11-21', '2026-11-22'))).toBe(0);
  });

  it('cuts the current period at today and leaves past periods whole', () => {
    const q4 = parsePeriod('2026-Q4');
    expect(elapsedPart(q4, '2026-11-16')).toMatchObject({ start: '2026-10-01', end: '2026-11-16' });
    expect(elapsedPart(parsePeriod('2026-Q3'), '2026-11-16')).toMatchObject({ end: '2026-09-30' });
    expect(elapsedPart(parsePeriod('2027-Q1'), '2026-11-16')).toBeNull();
  });
});

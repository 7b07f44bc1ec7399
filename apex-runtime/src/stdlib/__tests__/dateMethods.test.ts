import { ApexDate, ApexDatetime } from '../../values/temporal';
import { ApexRuntimeError } from '../apexErrors';
import {
  addDays,
  addMonths,
  addYears,
  dayOfYear,
  daysBetween,
  daysInMonth,
  format,
  isLeapYear,
  monthsBetween,
  newInstance,
  parse,
  toStartOfMonth,
  toStartOfWeek,
  today,
  valueOf,
  valueOfObject
} from '../dateMethods';

const date = (text: string): ApexDate => ApexDate.parseIso(text);
const iso = (value: ApexDate): string => value.toIsoString();

// Apex Reference, "Date Class".
describe('Date class', () => {
  it('adds days across a month end', () => {
    expect(iso(addDays(date('2026-01-30'), 3))).toBe('2026-02-02');
  });

  it('adds months keeping the day, clamped to the end of a shorter month', () => {
    expect(iso(addMonths(date('2026-01-31'), 1))).toBe('2026-02-28');
    expect(iso(addMonths(date('2024-01-31'), 1))).toBe('2024-02-29');
  });

  it('subtracts months across a year', () => {
    expect(iso(addMonths(date('2026-02-15'), -3))).toBe('2025-11-15');
  });

  it('turns February 29 plus a year into February 28', () => {
    expect(iso(addYears(date('2024-02-29'), 1))).toBe('2025-02-28');
  });

  it('counts the day of the year from 1', () => {
    expect([dayOfYear(date('2026-01-01')), dayOfYear(date('2024-12-31'))]).toEqual([1, 366]);
  });

  // Date Class, daysBetween: negative when the argument is earlier.
  it('counts days between, negative when the other date is earlier', () => {
    expect(daysBetween(date('2026-03-01'), date('2026-03-31'))).toBe(30);
    expect(daysBetween(date('2026-03-31'), date('2026-03-01'))).toBe(-30);
  });

  // Date Class, monthsBetween: "March 1 and March 30 of the same year have 0 months between them".
  it('counts months between ignoring the days', () => {
    expect(monthsBetween(date('2026-03-01'), date('2026-03-30'))).toBe(0);
    expect(monthsBetween(date('2026-01-31'), date('2026-02-01'))).toBe(1);
    expect(monthsBetween(date('2026-05-15'), date('2025-12-15'))).toBe(-5);
  });

  it('knows the days in a month and leap years', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2026, 2), daysInMonth(2026, 4)]).toEqual([
      29, 28, 30
    ]);
    expect([isLeapYear(2000), isLeapYear(1900), isLeapYear(2024)]).toEqual([true, false, true]);
  });

  it('rolls an out-of-range day over, as java.util.Calendar does (this runtime s choice)', () => {
    expect(iso(newInstance(2026, 2, 30))).toBe('2026-03-02');
  });

  it('goes to the first of the month', () => {
    expect(iso(toStartOfMonth(date('2026-12-03')))).toBe('2026-12-01');
  });

  // Date Class, toStartOfWeek: Sunday in the United States, Monday in European locales.
  it('starts the week on Sunday for en_US and on Monday for da_DK', () => {
    const thursday = date('2026-12-03');
    expect(iso(toStartOfWeek(thursday, 'en_US'))).toBe('2026-11-29');
    expect(iso(toStartOfWeek(thursday, 'da_DK'))).toBe('2026-11-30');
    expect(iso(toStartOfWeek(thursday, 'en_GB'))).toBe('2026-11-30');
  });

  it('keeps a Sunday as its own start of week in en_US but not in da_DK', () => {
    const sunday = date('2026-11-29');
    expect(iso(toStartOfWeek(sunday, 'en_US'))).toBe('2026-11-29');
    expect(iso(toStartOfWeek(sunday, 'da_DK'))).toBe('2026-11-23');
  });

  it('gives today in the user s time zone', () => {
    // 2026-12-03T23:30Z is already December 4 in Copenhagen.
    const now = Date.UTC(2026, 11, 3, 23, 30);
    expect(iso(today(now, 'Europe/Copenhagen'))).toBe('2026-12-04');
    expect(iso(today(now, 'America/Los_Angeles'))).toBe('2026-12-03');
  });

  // Date Class, valueOf(String): "yyyy-MM-dd HH:mm:ss"; the time is ignored.
  it('reads yyyy-MM-dd, with or without a time', () => {
    expect(iso(valueOf('2026-02-03'))).toBe('2026-02-03');
    expect(iso(valueOf('2026-02-03 23:59:59'))).toBe('2026-02-03');
  });

  it('raises System.TypeException: Invalid date for other text', () => {
    for (const text of ['03/02/2026', '2026-02-30', '2026-02-03T10:00:00Z']) {
      let error: unknown;
      try {
        valueOf(text);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ApexRuntimeError);
      expect((error as ApexRuntimeError).message).toBe(`Invalid date: ${text}`);
    }
  });

  it('reads a Datetime as its GMT date in valueOf(Object)', () => {
    const lateEvening = new ApexDatetime(Date.UTC(2014, 1, 7, 2, 11, 11));
    expect(iso(valueOfObject(lateEvening) as ApexDate)).toBe('2014-02-07');
  });

  // Date Class, format(): the user's locale.
  it('formats in the locale s short date', () => {
    const value = date('2026-12-03');
    expect(format(value, 'en_US')).toBe('12/3/2026');
    expect(format(value, 'en_GB')).toBe('03/12/2026');
    expect(format(value, 'da_DK')).toBe('03.12.2026');
  });

  // Date Class, parse: "12/27/2009" in the en_US locale.
  it('parses the locale s short date', () => {
    expect(iso(parse('12/27/2009', 'en_US'))).toBe('2009-12-27');
    expect(iso(parse('27.12.2009', 'da_DK'))).toBe('2009-12-27');
  });

  it('raises System.TypeException for a date in another locale s order', () => {
    expect(() => parse('27/12/2009', 'en_US')).toThrow('Invalid date: 27/12/2009');
  });
});

import { ApexDate, ApexDatetime } from '../../values/temporal';
import { ApexRuntimeError } from '../apexErrors';
import { calendarFieldsOf, formatWithPattern, weekOfMonth, weekOfYear } from '../dateFormat';
import { localeConventions } from '../locales';

const EN_US = localeConventions('en_US');
const EN_GB = localeConventions('en_GB');
const DA_DK = localeConventions('da_DK');

function formatted(isoInstant: string, pattern: string, timeZone = 'GMT', locale = EN_US): string {
  return formatWithPattern(
    pattern,
    calendarFieldsOf(new ApexDatetime(Date.parse(isoInstant)), timeZone),
    locale
  );
}

// Datetime Class, format(dateFormatString): Java SimpleDateFormat letters.
describe('SimpleDateFormat patterns', () => {
  const instant = '2026-09-07T14:05:09.045Z'; // a Monday

  it.each([
    ['yyyy-MM-dd', '2026-09-07'],
    ['yy', '26'],
    ['M/d/y', '9/7/2026'],
    ['MMM', 'Sep'],
    ['MMMM', 'September'],
    ['EEE', 'Mon'],
    ['EEEE', 'Monday'],
    ['h:mm a', '2:05 PM'],
    ['HH:mm:ss.SSS', '14:05:09.045'],
    ['k K', '14 2'],
    ['D', '250'],
    ['F', '1'],
    ['u', '1'],
    ['G', 'AD'],
    ['S', '45']
  ])('writes %s as %s', (pattern, text) => {
    expect(formatted(instant, pattern)).toBe(text);
  });

  it('writes quoted text and doubled quotes literally', () => {
    expect(formatted(instant, "yyyy-MM-dd'T'HH:mm 'o''clock'")).toBe("2026-09-07T14:05 o'clock");
  });

  it('writes the offset as Z, X, XX and XXX do', () => {
    const patterns = ['Z', 'X', 'XX', 'XXX'].map((pattern) =>
      formatted(instant, pattern, 'America/New_York')
    );
    expect(patterns).toEqual(['-0400', '-04', '-0400', '-04:00']);
  });

  it('writes a zero offset as Z for X', () => {
    expect(formatted(instant, 'XXX')).toBe('Z');
  });

  it('writes the short and long zone names', () => {
    expect(formatted(instant, 'z', 'America/Los_Angeles')).toBe('PDT');
    expect(formatted(instant, 'zzzz', 'America/Los_Angeles')).toBe('Pacific Daylight Time');
    expect(formatted(instant, 'z')).toBe('GMT');
  });

  it('writes 12 for noon and midnight with h, and 24 for midnight with k', () => {
    expect(formatted('2026-09-07T00:15:00Z', 'h a k')).toBe('12 AM 24');
  });

  it('writes Danish month and day names', () => {
    expect(formatted(instant, 'EEEE d. MMMM yyyy', 'Europe/Copenhagen', DA_DK)).toBe(
      'mandag 7. september 2026'
    );
    expect(formatted(instant, 'EEE d. MMM', 'Europe/Copenhagen', DA_DK)).toBe('man. 7. sep.');
  });

  it('abbreviates September as Sept in British English (CLDR)', () => {
    expect(formatted(instant, 'd MMM yyyy', 'Europe/London', EN_GB)).toBe('7 Sept 2026');
  });

  it('writes am and pm in lower case for en_GB', () => {
    expect(formatted(instant, 'h:mm a', 'GMT', EN_GB)).toBe('2:05 pm');
  });

  it('raises an IllegalArgumentException for a letter SimpleDateFormat does not know', () => {
    let error: unknown;
    try {
      formatted(instant, 'yyyy-qq');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApexRuntimeError);
    expect((error as ApexRuntimeError).message).toBe("Illegal pattern character 'q'");
  });

  it('raises for an unterminated quote', () => {
    expect(() => formatted(instant, "yyyy 'at")).toThrow(ApexRuntimeError);
  });
});

describe('week fields', () => {
  it('numbers weeks as ISO 8601 does for da_DK (Monday, four days)', () => {
    expect(weekOfYear(ApexDate.of(2027, 1, 1), DA_DK)).toEqual({ weekYear: 2026, week: 53 });
    expect(weekOfYear(ApexDate.of(2025, 12, 29), DA_DK)).toEqual({ weekYear: 2026, week: 1 });
  });

  it('starts week 1 with January 1 for en_US (Sunday, one day)', () => {
    expect(weekOfYear(ApexDate.of(2026, 1, 1), EN_US)).toEqual({ weekYear: 2026, week: 1 });
    expect(weekOfYear(ApexDate.of(2026, 12, 27), EN_US)).toEqual({ weekYear: 2027, week: 1 });
  });

  it('writes the week-based year and week with Y and w', () => {
    expect(formatted('2027-01-01T12:00:00Z', "YYYY-'W'ww", 'GMT', DA_DK)).toBe('2026-W53');
  });

  it('counts the week of the month', () => {
    // September 2026 starts on a Tuesday.
    expect(weekOfMonth(ApexDate.of(2026, 9, 7), EN_US)).toBe(2);
    expect(weekOfMonth(ApexDate.of(2026, 9, 7), DA_DK)).toBe(2);
    // August 2026 starts on a Saturday: the 1st and 2nd are in week 0 under ISO rules.
    expect(weekOfMonth(ApexDate.of(2026, 8, 2), DA_DK)).toBe(0);
  });
});

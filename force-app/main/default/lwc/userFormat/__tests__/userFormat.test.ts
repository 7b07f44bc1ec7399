import {
  BLANK,
  dateText,
  dateTimeText,
  decimal,
  fieldNumber,
  formatsFor,
  formatsInCurrency,
  integer,
  money,
  percent,
  precisePercent,
  signedMoney,
  times,
  wholeMoney
} from 'c/userFormat';

// Intl puts a non-breaking space (U+00A0) where Danish writes a space: before 'kr.' and '%'.
const DANISH = formatsFor('da-DK', 'DKK', 'Europe/Copenhagen');
const US_IN_DKK_ORG = formatsFor('en-US', 'DKK', 'America/New_York');
const US = formatsFor('en-US', 'USD', 'America/Los_Angeles');

describe('userFormat', () => {
  it('writes a whole amount with the org currency in the user’s locale', () => {
    expect(wholeMoney(1_234_567, DANISH)).toBe('1.234.567\u00a0kr.');
    expect(wholeMoney(1_234_567, US_IN_DKK_ORG)).toBe('DKK\u00a01,234,567');
    expect(wholeMoney(1_234_567, US)).toBe('$1,234,567');
    expect(wholeMoney(null, US)).toBe(BLANK);
  });

  it('writes amounts compact with the currency of the locale, and exact', () => {
    expect(money(2_300_000, DANISH)).toEqual({
      text: '2,3\u00a0mio.\u00a0kr.',
      exact: '2.300.000,00\u00a0kr.'
    });
    expect(money(2_300_000, US)).toEqual({ text: '$2.3M', exact: '$2,300,000.00' });
    expect(money(22_000, US).text).toBe('$22K');
    expect(money(null, US)).toEqual({ text: BLANK, exact: '' });
  });

  it('signs amount changes, with no sign for zero', () => {
    expect(signedMoney(-5000, US).text).toBe('−$5K');
    expect(signedMoney(20_000, US).exact).toBe('+$20,000.00');
    expect(signedMoney(0, US).text).toBe('$0');
  });

  it('writes percentages whole or with one decimal, in the locale', () => {
    expect(percent(0.456, US)).toBe('46%');
    expect(percent(0.456, DANISH)).toBe('46\u00a0%');
    expect(precisePercent(0.1234, US)).toBe('12.3%');
    expect(precisePercent(0.1234, DANISH)).toBe('12,3\u00a0%');
    expect(percent(null, US)).toBe(BLANK);
  });

  it('writes numbers with the locale’s separators', () => {
    expect(integer(1234, DANISH)).toBe('1.234');
    expect(integer(1234, US)).toBe('1,234');
    expect(decimal(0.94, DANISH)).toBe('0,9');
    expect(times(0.94, US)).toBe('0.9×');
    expect(times(null, US)).toBe(BLANK);
  });

  it('writes a calendar date as the day it names, whatever the time zone', () => {
    expect(dateText('2026-11-16', US)).toBe('Nov 16, 2026');
    expect(dateText('2026-11-16', DANISH)).toBe('16. nov. 2026');
    expect(dateText('not a date', US)).toBe('not a date');
    expect(dateText(null, US)).toBe('');
  });

  it('writes an instant in the user’s time zone', () => {
    expect(dateTimeText('2026-08-28T09:00:00.000Z', DANISH)).toBe('28. aug. 2026, 11.00');
    expect(dateTimeText('2026-08-28T09:00:00.000Z', US)).toBe('Aug 28, 2026, 2:00 AM');
    expect(dateTimeText(undefined, US)).toBe('');
  });

  it('writes a field’s number with the field’s scale', () => {
    expect(fieldNumber('currency', 129_000, 2, DANISH)).toBe('129.000,00\u00a0kr.');
    expect(fieldNumber('currency', 129_000, 0, US)).toBe('$129,000');
    expect(fieldNumber('percent', 30, 2, US)).toBe('30%');
    expect(fieldNumber('number', 1234.5, 1, DANISH)).toBe('1.234,5');
  });

  it('falls back rather than break on a locale or time zone Intl does not know', () => {
    const odd = formatsFor('xx-invalid-locale-tag-!!', 'DKK', 'Mars/Olympus');
    expect(odd.locale).toBe('en-US');
    expect(odd.timeZone).toBe('UTC');
    expect(wholeMoney(5, odd)).toBe('DKK\u00a05');
  });

  it('uses the running user’s locale and currency by default (en-US, USD under Jest)', () => {
    expect(wholeMoney(1_234_567)).toBe('$1,234,567');
  });

  it('writes amounts in the currency the facts state, in the user’s locale', () => {
    expect(wholeMoney(1_234_567, formatsInCurrency('EUR'))).toBe('€1,234,567');
    expect(money(2_300_000, formatsInCurrency('EUR'))).toEqual({
      text: '€2.3M',
      exact: '€2,300,000.00'
    });
    expect(formatsInCurrency('EUR').locale).toBe('en-US');
    // Facts that state no currency (older cached data) are in the user's.
    expect(formatsInCurrency(null)).toBe(formatsFor());
    expect(formatsInCurrency(undefined)).toBe(formatsFor());
    expect(formatsInCurrency('')).toBe(formatsFor());
  });
});

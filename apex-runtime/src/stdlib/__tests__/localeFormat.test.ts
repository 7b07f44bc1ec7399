import { ApexDecimal } from '../../values/decimal';
import { ApexDouble } from '../../values/primitives';
import { NotSupportedOfflineError } from '../apexErrors';
import { formatNumber } from '../localeFormat';
import { formatDouble, formatInteger } from '../numbers';

const d = (text: string): ApexDecimal => ApexDecimal.parse(text);

// Decimal Class, format(): "Returns the String value of this Decimal using the locale of the
// context user" — U.S. locale 12345.6789 gives 12,345.679. salesforce.stackexchange.com 237107:
// format() keeps no more than three decimals and drops trailing zeros (1000.00 prints 1,000).
describe('number formatting', () => {
  it('groups thousands and keeps at most three decimals, half-even', () => {
    expect(formatNumber(d('12345.6789'), 'en_US')).toBe('12,345.679');
    expect(formatNumber(d('0.0005'), 'en_US')).toBe('0');
    expect(formatNumber(d('0.0015'), 'en_US')).toBe('0.002');
  });

  it('drops trailing zeros even when the scale asks for them', () => {
    expect(formatNumber(d('1000.00'), 'en_US')).toBe('1,000');
    expect(formatNumber(d('1000.10'), 'en_US')).toBe('1,000.1');
  });

  it('formats Danish numbers with a point for thousands and a comma for decimals', () => {
    expect(formatNumber(d('1234567.5'), 'da_DK')).toBe('1.234.567,5');
  });

  it('formats en_GB like en_US', () => {
    expect(formatNumber(d('-9876543.21'), 'en_GB')).toBe('-9,876,543.21');
  });

  it('keeps the minus sign of a negative number that rounds to zero, as Java does', () => {
    expect(formatNumber(d('-0.0001'), 'en_US')).toBe('-0');
  });

  it('formats Integers and Longs with grouping', () => {
    expect(formatInteger(1234567, 'en_US')).toBe('1,234,567');
    expect(formatInteger(-9007199254740993n, 'da_DK')).toBe('-9.007.199.254.740.993');
  });

  it('formats a Double by its Java digits', () => {
    expect(formatDouble(new ApexDouble(1234.5), 'en_US')).toBe('1,234.5');
    expect(formatDouble(new ApexDouble(1e20), 'en_US')).toBe('100,000,000,000,000,000,000');
  });

  it('fails loudly for a locale this runtime has no data for', () => {
    expect(() => formatNumber(1, 'fr_FR')).toThrow(NotSupportedOfflineError);
    expect(() => formatNumber(1, 'fr_FR')).toThrow('not supported offline: locale fr_FR');
  });
});

import { ApexDecimal } from '../../values/decimal';
import { ApexDate } from '../../values/temporal';
import { ApexRuntimeError, NotSupportedOfflineError } from '../apexErrors';
import { formatMessage } from '../messageFormat';

// String Class, format(stringToFormat, formattingArguments), which is java.text.MessageFormat.
describe('String.format', () => {
  it('inserts arguments by index', () => {
    expect(formatMessage('{1} and {0}', ['first', 'second'], 'en_US')).toBe('second and first');
  });

  it('reads a lone single quote as the start of quoted text, and two as one quote', () => {
    // The quote in Don't quotes the rest, placeholder included.
    expect(formatMessage("Don't {0}", ['stop'], 'en_US')).toBe('Dont {0}');
    expect(formatMessage("Don''t {0}", ['stop'], 'en_US')).toBe("Don't stop");
  });

  it('keeps quoted braces literal', () => {
    expect(formatMessage("'{0}' is {0}", ['x'], 'en_US')).toBe('{0} is x');
  });

  it('leaves a placeholder without an argument as its number', () => {
    expect(formatMessage('{0} {1}', ['only'], 'en_US')).toBe('only {1}');
  });

  it('prints null arguments as null', () => {
    expect(formatMessage('[{0}]', [null], 'en_US')).toBe('[null]');
  });

  it('formats numbers in the user s locale', () => {
    expect(formatMessage('{0}', [1234567], 'en_US')).toBe('1,234,567');
    expect(formatMessage('{0}', [ApexDecimal.parse('1234.5678')], 'da_DK')).toBe('1.234,568');
  });

  it('supports the number, integer and percent styles', () => {
    const value = ApexDecimal.parse('0.255');
    expect(
      formatMessage('{0,number}|{0,number,integer}|{0,number,percent}', [value], 'en_US')
    ).toBe('0.255|0|26%');
  });

  it('fails loudly for a Date argument and for date sub-formats', () => {
    expect(() => formatMessage('{0}', [ApexDate.of(2026, 1, 1)], 'en_US')).toThrow(
      NotSupportedOfflineError
    );
    expect(() => formatMessage('{0,date,short}', [1], 'en_US')).toThrow(NotSupportedOfflineError);
  });

  it('raises an IllegalArgumentException for unmatched braces', () => {
    expect(() => formatMessage('{0', ['x'], 'en_US')).toThrow(ApexRuntimeError);
    expect(() => formatMessage('{0', ['x'], 'en_US')).toThrow('Unmatched braces in the pattern.');
  });
});

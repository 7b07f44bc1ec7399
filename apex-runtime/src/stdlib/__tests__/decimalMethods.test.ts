import { ApexDecimal } from '../../values/decimal';
import { ApexDouble } from '../../values/primitives';
import { ApexRuntimeError } from '../apexErrors';
import {
  decimalToString,
  divide,
  divideDecimals,
  doubleValue,
  format,
  intValue,
  longValue,
  pow,
  precision,
  round,
  roundingModeNamed,
  setScale,
  stripTrailingZeros,
  toPlainString,
  valueOfDouble,
  valueOfInteger,
  valueOfString
} from '../decimalMethods';

const d = (text: string): ApexDecimal => ApexDecimal.parse(text);

function apexError(run: () => unknown): ApexRuntimeError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApexRuntimeError) return error;
    throw error;
  }
  throw new Error('expected an ApexRuntimeError');
}

describe('Decimal class', () => {
  describe('the / operator', () => {
    // octoberswimmer/aer-dist issue #345, compared with a real org: 1/31 has scale 34.
    it('gives 1/31 the 33 significant digits a real org prints', () => {
      const quotient = divideDecimals(d('1'), d('31'));
      expect(quotient.toPlainString()).toBe('0.0322580645161290322580645161290323');
      expect(quotient.scale).toBe(34);
    });

    // force201.wordpress.com, "Decimal scale": 1.0 / 3.0 equals 0.333... with 33 threes.
    it('gives 1.0 / 3.0 thirty-three threes whatever the operand scales', () => {
      expect(divideDecimals(d('1.0000'), d('3.00')).toPlainString()).toBe(`0.${'3'.repeat(33)}`);
    });

    // force201.wordpress.com, "Decimal scale": 1.0 / 4.0 equals 0.25.
    it('keeps an exact quotient short: 1.0 / 4.0 is 0.25', () => {
      expect(divideDecimals(d('1.0'), d('4.0')).toPlainString()).toBe('0.25');
    });

    it('raises System.MathException: Divide by 0', () => {
      const error = apexError(() => divideDecimals(d('5.0'), d('0')));
      expect([error.apexType, error.message]).toEqual(['System.MathException', 'Divide by 0']);
    });
  });

  describe('divide', () => {
    // Decimal Class, divide(divisor, scale): 19.divide(100, 3) is 0.190.
    it('sets the scale of the quotient', () => {
      expect(toPlainString(divide(d('19'), d('100'), 3))).toBe('0.190');
    });

    // Decimal Class, divide(divisor, scale, roundingMode): 12.4567.divide(7, 2, UP) is 1.78.
    it('rounds by the rounding mode', () => {
      expect(toPlainString(divide(d('12.4567'), d('7'), 2, 'UP'))).toBe('1.78');
    });

    // salesforce.stackexchange.com 154543: 5.divide(3, 30) is 1.666666666666666666666666666667.
    it('rounds the last digit to nearest', () => {
      expect(toPlainString(divide(d('5'), d('3'), 30))).toBe('1.666666666666666666666666666667');
    });

    it('rounds a tie half-even without a mode (this runtime s choice)', () => {
      expect(toPlainString(divide(d('1'), d('8'), 2))).toBe('0.12');
    });

    it('raises Divide by 0 for a zero divisor', () => {
      expect(apexError(() => divide(d('1'), d('0'), 2)).message).toBe('Divide by 0');
    });
  });

  describe('setScale', () => {
    // issacc.com, "Something about rounding": setScale(2) rounds half-even.
    it.each([
      ['5.245', '5.24'],
      ['5.235', '5.24'],
      ['5.236', '5.24'],
      ['5.234', '5.23']
    ])('rounds %s to %s with setScale(2)', (input, output) => {
      expect(toPlainString(setScale(d(input), 2))).toBe(output);
    });

    it('pads with zeros when the scale grows', () => {
      expect(toPlainString(setScale(d('1.5'), 3))).toBe('1.500');
    });

    it('rounds by an explicit mode: 5.245 HALF_UP is 5.25', () => {
      expect(toPlainString(setScale(d('5.245'), 2, 'HALF_UP'))).toBe('5.25');
    });

    it('raises System.MathException: Rounding necessary for UNNECESSARY', () => {
      const error = apexError(() => setScale(d('1.25'), 1, 'UNNECESSARY'));
      expect([error.apexType, error.message]).toEqual([
        'System.MathException',
        'Rounding necessary'
      ]);
    });
  });

  describe('round', () => {
    // Decimal Class, round(): half-even; the rounding mode examples give the other modes.
    it('rounds half-even to a Long', () => {
      expect([round(d('2.5')), round(d('3.5')), round(d('-2.5'))]).toEqual([2n, 4n, -2n]);
    });

    // Decimal Class, Rounding Mode: CEILING of 5.5, 1.1, -1.1, -2.7 is 6, 2, -1, -2.
    it('rounds by the mode given, as the CEILING examples show', () => {
      expect(['5.5', '1.1', '-1.1', '-2.7'].map((text) => round(d(text), 'CEILING'))).toEqual([
        6n,
        2n,
        -1n,
        -2n
      ]);
    });

    // Decimal Class, Rounding Mode: HALF_DOWN of 5.5, 1.1, -1.1, -2.7 is 5, 1, -1, -3.
    it('rounds HALF_DOWN as the examples show', () => {
      expect(['5.5', '1.1', '-1.1', '-2.7'].map((text) => round(d(text), 'HALF_DOWN'))).toEqual([
        5n,
        1n,
        -1n,
        -3n
      ]);
    });
  });

  describe('conversions', () => {
    // Decimal Class, precision(): 123.45 gives 5, 123.123 gives 6.
    it('counts the digits as the precision', () => {
      expect([precision(d('123.45')), precision(d('123.123'))]).toEqual([5, 6]);
    });

    it('strips trailing zeros', () => {
      expect(decimalToString(stripTrailingZeros(d('2.500')))).toBe('2.5');
    });

    // xgeek.net, "A bug caused by Decimal without SetScale": a zero of scale 32 prints 0E-32.
    it('prints like Java, in scientific notation for tiny values', () => {
      expect(decimalToString(new ApexDecimal(0n, 32))).toBe('0E-32');
      expect(toPlainString(new ApexDecimal(0n, 32))).toBe(`0.${'0'.repeat(32)}`);
    });

    it('truncates intValue toward zero and wraps it to 32 bits', () => {
      expect([intValue(d('-3.9')), intValue(d('4294967297'))]).toEqual([-3, 1]);
    });

    it('truncates longValue toward zero', () => {
      expect(longValue(d('-12345678901.99'))).toBe(-12345678901n);
    });

    it('converts to the nearest Double', () => {
      expect(doubleValue(d('0.1')).value).toBe(0.1);
    });

    it('raises to a power exactly: 4.12 squared is 16.9744', () => {
      expect(toPlainString(pow(d('4.12'), 2))).toBe('16.9744');
    });

    it('refuses a negative exponent', () => {
      expect(apexError(() => pow(d('2'), -1)).apexType).toBe('System.MathException');
    });
  });

  describe('valueOf', () => {
    // Decimal Class, valueOf(String): "As in Java, the string is interpreted as representing a
    // signed Decimal"; the scale is the number of digits after the point.
    it('reads a String with its scale', () => {
      expect(toPlainString(valueOfString('12.4500'))).toBe('12.4500');
    });

    it('reads an exponent', () => {
      expect(toPlainString(valueOfString('2.5E-2'))).toBe('0.025');
    });

    it('raises System.TypeException: Invalid decimal for text that is not a number', () => {
      const error = apexError(() => valueOfString('abc'));
      expect([error.apexType, error.message]).toEqual([
        'System.TypeException',
        'Invalid decimal: abc'
      ]);
    });

    it('refuses spaces, as Java does', () => {
      expect(apexError(() => valueOfString(' 1')).message).toBe('Invalid decimal:  1');
    });

    it('reads a Double through its Java digits', () => {
      expect(toPlainString(valueOfDouble(new ApexDouble(2)))).toBe('2.0');
    });

    it('refuses NaN', () => {
      expect(apexError(() => valueOfDouble(new ApexDouble(NaN))).message).toBe(
        'Invalid decimal: NaN'
      );
    });

    it('gives an Integer scale 0', () => {
      expect(valueOfInteger(42).scale).toBe(0);
    });
  });

  describe('format', () => {
    // Decimal Class, format(): U.S. locale 12345.6789 gives 12,345.679.
    it('formats in the locale with at most three decimals', () => {
      expect(format(d('12345.6789'), 'en_US')).toBe('12,345.679');
    });

    it('formats Danish with a point for thousands and a comma for decimals', () => {
      expect(format(d('1234567.5'), 'da_DK')).toBe('1.234.567,5');
    });
  });

  it('reads rounding mode names case-insensitively', () => {
    expect(roundingModeNamed('half_up')).toBe('HALF_UP');
  });
});

import { ApexDecimal, DecimalArithmeticError, javaDoubleToString } from '../decimal';

const d = (text: string): ApexDecimal => ApexDecimal.parse(text);

describe('ApexDecimal mechanics (java.math.BigDecimal semantics)', () => {
  describe('divideToPrecision', () => {
    it('keeps the preferred scale of an exact quotient: 10 / 4 is 2.5', () => {
      const quotient = d('10').divideToPrecision(d('4'), 33, 'HALF_EVEN');
      expect(quotient.toPlainString()).toBe('2.5');
      expect(quotient.scale).toBe(1);
    });

    it('gives an exact quotient the dividend-minus-divisor scale when it holds it: 1.00000 / 1', () => {
      expect(d('1.00000').divideToPrecision(d('1'), 33, 'HALF_EVEN').toPlainString()).toBe(
        '1.00000'
      );
    });

    it('keeps the digits an exact quotient needs: 2.10 / 2.0 is 1.05', () => {
      expect(d('2.10').divideToPrecision(d('2.0'), 33, 'HALF_EVEN').toPlainString()).toBe('1.05');
    });

    it('rounds an inexact quotient to the significant digits asked for', () => {
      expect(d('2').divideToPrecision(d('3'), 5, 'HALF_UP').toPlainString()).toBe('0.66667');
    });

    it('drops the carried digit when rounding reaches the next power of ten', () => {
      // 0.99999|9... rounded to 5 digits is 1.0000, written with 5 digits.
      const quotient = d('0.999999').divideToPrecision(d('1'), 5, 'HALF_UP');
      expect(quotient.toPlainString()).toBe('1.0000');
    });

    it('gives zero the preferred scale', () => {
      const quotient = d('0.00').divideToPrecision(d('3'), 33, 'HALF_EVEN');
      expect(quotient.scale).toBe(2);
      expect(quotient.isZero()).toBe(true);
    });

    it('refuses a zero divisor', () => {
      expect(() => d('1').divideToPrecision(d('0'), 33, 'HALF_EVEN')).toThrow(
        DecimalArithmeticError
      );
    });
  });

  describe('divideToScale', () => {
    it('writes the quotient with exactly the scale asked for: 19 / 100 at 3 is 0.190', () => {
      expect(d('19').divideToScale(d('100'), 3, 'HALF_EVEN').toPlainString()).toBe('0.190');
    });

    it('rounds by the mode: 12.4567 / 7 at 2, UP, is 1.78', () => {
      expect(d('12.4567').divideToScale(d('7'), 2, 'UP').toPlainString()).toBe('1.78');
    });

    it('raises RangeError for UNNECESSARY when digits would be lost', () => {
      expect(() => d('1').divideToScale(d('3'), 2, 'UNNECESSARY')).toThrow(RangeError);
    });
  });

  describe('toJavaString', () => {
    it('prints plain while the number is at least 1E-6', () => {
      expect(d('0.000001').toJavaString()).toBe('0.000001');
    });

    it('prints scientific below 1E-6: 0.0000001 is 1E-7', () => {
      expect(d('0.0000001').toJavaString()).toBe('1E-7');
    });

    it('prints a zero with a large scale as 0E-32', () => {
      expect(new ApexDecimal(0n, 32).toJavaString()).toBe('0E-32');
    });

    it('prints a negative scale with a positive exponent: 1.5E+3', () => {
      expect(new ApexDecimal(15n, -2).toJavaString()).toBe('1.5E+3');
    });

    it('keeps the sign in scientific notation', () => {
      expect(new ApexDecimal(-12n, 9).toJavaString()).toBe('-1.2E-8');
    });

    it('keeps trailing zeros of the scale', () => {
      expect(d('1.50').toJavaString()).toBe('1.50');
    });
  });

  describe('other operations', () => {
    it('counts the digits of the unscaled value as the precision', () => {
      expect(d('123.45').precision()).toBe(5);
      expect(d('0.001').precision()).toBe(1);
    });

    it('strips trailing zeros, down to a negative scale for whole tens', () => {
      expect(d('1.500').stripTrailingZeros().toPlainString()).toBe('1.5');
      const hundred = d('100').stripTrailingZeros();
      expect([hundred.unscaled, hundred.scale]).toEqual([1n, -2]);
    });

    it('strips a zero to plain 0', () => {
      expect(d('0.000').stripTrailingZeros().toJavaString()).toBe('0');
    });

    it('raises to a power exactly, multiplying the scale', () => {
      const cube = d('1.1').pow(3);
      expect(cube.toPlainString()).toBe('1.331');
    });

    it('wraps intValue to 32 bits after truncating', () => {
      expect(d('2147483648.9').toInt32()).toBe(-2147483648);
      expect(d('-7.9').toInt32()).toBe(-7);
    });

    it('reads a Double through its Java digits: 1.0 has scale 1', () => {
      const one = ApexDecimal.fromDouble(1);
      expect(one.toPlainString()).toBe('1.0');
    });

    it('reads 0.1 as 0.1, not its binary expansion', () => {
      expect(ApexDecimal.fromDouble(0.1).toPlainString()).toBe('0.1');
    });
  });

  describe('javaDoubleToString', () => {
    it.each([
      [1, '1.0'],
      [0.1, '0.1'],
      [1e7, '1.0E7'],
      [1.234e-5, '1.234E-5'],
      [-0, '-0.0'],
      [123456.789, '123456.789']
    ])('writes %p as %p', (value, text) => {
      expect(javaDoubleToString(value)).toBe(text);
    });
  });
});

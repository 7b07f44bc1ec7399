import { ApexDecimal } from '../../values/decimal';
import { ApexDouble } from '../../values/primitives';
import { ApexRuntimeError } from '../apexErrors';
import { add, compare, divide, mod, multiply, negate, subtract } from '../arithmetic';

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

// Apex Developer Guide, "Rules of Conversion": Integer < Long < Double < Decimal, and overflow
// (2147483647 + 1 is -2147483648; 365 * 24 * 60 * 60 * 1000 overflows as Integers).
describe('arithmetic operators', () => {
  it('keeps Integer + Integer an Integer that wraps at 32 bits', () => {
    expect(add(2147483647, 1)).toBe(-2147483648);
  });

  it('wraps an Integer product as the docs example of milliseconds per year does', () => {
    expect(multiply(multiply(multiply(multiply(365, 24), 60), 60), 1000)).toBe(1471228928);
  });

  it('makes Integer + Long a Long that wraps at 64 bits', () => {
    expect(add(1, 9223372036854775807n)).toBe(-9223372036854775808n);
  });

  it('makes anything with a Double a Double', () => {
    const sum = add(1, new ApexDouble(0.5));
    expect(sum).toBeInstanceOf(ApexDouble);
    expect((sum as ApexDouble).value).toBe(1.5);
  });

  it('makes Decimal + Double a Decimal, Decimal being the highest type', () => {
    const sum = add(d('1.10'), new ApexDouble(0.5));
    expect(sum).toBeInstanceOf(ApexDecimal);
    expect((sum as ApexDecimal).toPlainString()).toBe('1.60');
  });

  it('keeps the larger scale when adding Decimals', () => {
    expect((add(d('1.5'), d('2.25')) as ApexDecimal).toPlainString()).toBe('3.75');
  });

  it('adds scales when multiplying Decimals', () => {
    expect((multiply(d('1.5'), d('2.25')) as ApexDecimal).toPlainString()).toBe('3.375');
  });

  it('subtracts Longs', () => {
    expect(subtract(10n, 3)).toBe(7n);
  });

  it('truncates Integer division toward zero', () => {
    expect([divide(7, 2), divide(-7, 2)]).toEqual([3, -3]);
  });

  it('wraps the most negative Integer divided by -1, as Java does', () => {
    expect(divide(-2147483648, -1)).toBe(-2147483648);
  });

  it('raises Divide by 0 for an Integer divisor of zero', () => {
    const error = apexError(() => divide(5, 0));
    expect([error.apexType, error.message]).toEqual(['System.MathException', 'Divide by 0']);
  });

  it('raises Divide by 0 for a Long divisor of zero', () => {
    expect(apexError(() => divide(5n, 0n)).message).toBe('Divide by 0');
  });

  it('divides a Decimal by an Integer as Decimals', () => {
    expect((divide(d('10'), 4) as ApexDecimal).toPlainString()).toBe('2.5');
  });

  it('divides Doubles as IEEE 754 does (this runtime s choice for a zero divisor)', () => {
    expect((divide(new ApexDouble(1), 0) as ApexDouble).value).toBe(Infinity);
  });

  it('raises a NullPointerException for a null operand', () => {
    const error = apexError(() => add(null, 1));
    expect([error.apexType, error.message]).toEqual([
      'System.NullPointerException',
      'Attempt to de-reference a null object'
    ]);
  });

  it('negates the most negative Integer to itself', () => {
    expect(negate(-2147483648)).toBe(-2147483648);
  });

  it('negates a Decimal keeping its scale', () => {
    expect((negate(d('1.50')) as ApexDecimal).toPlainString()).toBe('-1.50');
  });

  it('compares across types by value', () => {
    expect([compare(1, d('1.00')), compare(2n, new ApexDouble(2.5)), compare(d('3'), 2)]).toEqual([
      0, -1, 1
    ]);
  });

  it('finds no order with NaN', () => {
    expect(compare(new ApexDouble(NaN), 1)).toBeNaN();
  });

  // Math Class, mod: the remainder of Integer or Long division.
  it('gives Math.mod the sign of the dividend', () => {
    expect([mod(7, 3), mod(-7, 3), mod(7, -3), mod(-7n, 3n)]).toEqual([1, -1, 1, -1n]);
  });

  it('raises Divide by 0 for Math.mod by zero', () => {
    expect(apexError(() => mod(1, 0)).apexType).toBe('System.MathException');
  });
});

import { ApexDecimal } from '../../values/decimal';
import { ApexDouble } from '../../values/primitives';
import { ApexRuntimeError } from '../apexErrors';
import {
  abs,
  ceil,
  exp,
  floor,
  max,
  min,
  pow,
  random,
  rint,
  round,
  roundToLong,
  signum,
  sqrt
} from '../math';

const d = (text: string): ApexDecimal => ApexDecimal.parse(text);
const plain = (value: unknown): string => (value as ApexDecimal).toPlainString();

// Apex Reference, "Math Class": each overload's return type.
describe('Math class', () => {
  it('keeps the type of abs: Integer, Long, Double and Decimal', () => {
    expect(abs(-3)).toBe(3);
    expect(abs(-3n)).toBe(3n);
    expect((abs(new ApexDouble(-1.5)) as ApexDouble).value).toBe(1.5);
    expect(plain(abs(d('-1.50')))).toBe('1.50');
  });

  it('wraps abs of the most negative Integer, as Java does', () => {
    expect(abs(-2147483648)).toBe(-2147483648);
  });

  it('gives max and min the promoted type of mixed arguments', () => {
    expect(max(3, 5n)).toBe(5n);
    expect(plain(min(d('2.5'), 3))).toBe('2.5');
    expect(plain(max(d('2.5'), 3))).toBe('3');
  });

  it('rounds a Decimal half-even to an Integer', () => {
    expect([round(d('2.5')), round(d('3.5')), round(d('-2.5'))]).toEqual([2, 4, -2]);
  });

  it('rounds a Double as Java Math.round does, ties up (this runtime s choice)', () => {
    expect([round(new ApexDouble(2.5)), round(new ApexDouble(-2.5))]).toEqual([3, -2]);
  });

  it('raises System.MathException when round leaves the Integer range', () => {
    expect(() => round(d('3000000000'))).toThrow(ApexRuntimeError);
  });

  it('rounds to a Long with roundToLong', () => {
    expect(roundToLong(d('3000000000.5'))).toBe(3000000000n);
  });

  it('keeps ceil and floor of a Decimal a Decimal', () => {
    expect(plain(ceil(d('1.1')))).toBe('2');
    expect(plain(floor(d('-1.1')))).toBe('-2');
  });

  it('gives ceil of a Double a Double', () => {
    expect((ceil(new ApexDouble(1.1)) as ApexDouble).value).toBe(2);
  });

  it('rounds rint ties to even', () => {
    expect((rint(new ApexDouble(2.5)) as ApexDouble).value).toBe(2);
    expect((rint(new ApexDouble(3.5)) as ApexDouble).value).toBe(4);
  });

  it('gives signum the type family of its argument', () => {
    expect(plain(signum(d('-4.2')))).toBe('-1');
    expect((signum(new ApexDouble(0)) as ApexDouble).value).toBe(0);
  });

  it('computes sqrt of a Decimal through a Double', () => {
    expect(plain(sqrt(d('2.25')))).toBe('1.5');
  });

  it('raises System.MathException for the square root of a negative Decimal', () => {
    expect(() => sqrt(d('-1'))).toThrow(ApexRuntimeError);
  });

  it('computes exp of a Double as a Double', () => {
    expect((exp(new ApexDouble(0)) as ApexDouble).value).toBe(1);
  });

  it('computes pow as a Double', () => {
    expect(pow(2, 10).value).toBe(1024);
  });

  it('draws random numbers from the source it is given', () => {
    expect(random(() => 0.25).value).toBe(0.25);
  });

  it('raises a NullPointerException for a null argument', () => {
    expect(() => abs(null)).toThrow('Attempt to de-reference a null object');
  });
});

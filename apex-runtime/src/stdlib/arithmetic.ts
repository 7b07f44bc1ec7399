/**
 * Apex's arithmetic operators on numbers: Integer (number), Long (bigint), Double (ApexDouble)
 * and Decimal (ApexDecimal). The operands are promoted to the higher of their types in the
 * hierarchy Integer < Long < Double < Decimal (Apex Developer Guide, "Rules of Conversion"), so
 * Integer op Integer is an Integer that wraps at 32 bits, Integer op Long a Long that wraps at 64
 * bits, anything with a Double a Double, and anything with a Decimal a Decimal. A null operand
 * raises `System.NullPointerException: Attempt to de-reference a null object`.
 */
import { ApexDecimal } from '../values/decimal';
import { ApexDouble, toInt32, toInt64 } from '../values/primitives';
import { mathError, nullPointerError, typeError } from './apexErrors';
import { divideDecimals } from './decimalMethods';

export type ApexNumber = number | bigint | ApexDouble | ApexDecimal;

type Rank = 0 | 1 | 2 | 3;
const INTEGER: Rank = 0;
const LONG: Rank = 1;
const DOUBLE: Rank = 2;
const DECIMAL: Rank = 3;

export function isApexNumber(value: unknown): value is ApexNumber {
  return (
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    value instanceof ApexDouble ||
    value instanceof ApexDecimal
  );
}

function rankOf(value: ApexNumber): Rank {
  if (typeof value === 'number') return INTEGER;
  if (typeof value === 'bigint') return LONG;
  return value instanceof ApexDouble ? DOUBLE : DECIMAL;
}

function operands(a: ApexNumber | null, b: ApexNumber | null): [ApexNumber, ApexNumber, Rank] {
  if (a === null || a === undefined || b === null || b === undefined) throw nullPointerError();
  return [a, b, Math.max(rankOf(a), rankOf(b)) as Rank];
}

/** The value as a Double (a Long or Decimal may lose digits, as in Java). */
export function toDoubleValue(value: ApexNumber): number {
  if (value instanceof ApexDouble) return value.value;
  if (value instanceof ApexDecimal) return value.toNumber();
  return Number(value);
}

/**
 * The value as a Decimal, as a lower type converts to a higher one. A Double converts through its
 * Java digits (Decimal.valueOf(Double)); NaN and the infinities have no Decimal and raise
 * `System.TypeException: Invalid decimal: NaN` (this runtime's choice).
 */
export function toDecimalValue(value: ApexNumber): ApexDecimal {
  if (value instanceof ApexDecimal) return value;
  if (value instanceof ApexDouble) {
    if (!Number.isFinite(value.value)) throw typeError(`Invalid decimal: ${value.toString()}`);
    return ApexDecimal.fromDouble(value.value);
  }
  return ApexDecimal.fromInteger(value);
}

function toLongValue(value: ApexNumber): bigint {
  return typeof value === 'bigint' ? value : BigInt(value as number);
}

export function add(a: ApexNumber | null, b: ApexNumber | null): ApexNumber {
  const [x, y, rank] = operands(a, b);
  switch (rank) {
    case INTEGER:
      return toInt32((x as number) + (y as number));
    case LONG:
      return toInt64(toLongValue(x) + toLongValue(y));
    case DOUBLE:
      return new ApexDouble(toDoubleValue(x) + toDoubleValue(y));
    default:
      return toDecimalValue(x).add(toDecimalValue(y));
  }
}

export function subtract(a: ApexNumber | null, b: ApexNumber | null): ApexNumber {
  const [x, y, rank] = operands(a, b);
  switch (rank) {
    case INTEGER:
      return toInt32((x as number) - (y as number));
    case LONG:
      return toInt64(toLongValue(x) - toLongValue(y));
    case DOUBLE:
      return new ApexDouble(toDoubleValue(x) - toDoubleValue(y));
    default:
      return toDecimalValue(x).subtract(toDecimalValue(y));
  }
}

export function multiply(a: ApexNumber | null, b: ApexNumber | null): ApexNumber {
  const [x, y, rank] = operands(a, b);
  switch (rank) {
    case INTEGER:
      return Math.imul(x as number, y as number);
    case LONG:
      return toInt64(toLongValue(x) * toLongValue(y));
    case DOUBLE:
      return new ApexDouble(toDoubleValue(x) * toDoubleValue(y));
    default:
      return toDecimalValue(x).multiply(toDecimalValue(y));
  }
}

/**
 * `a / b`. Integer and Long division truncates toward zero (7 / 2 is 3, -7 / 2 is -3); a zero
 * Integer, Long or Decimal divisor raises `System.MathException: Divide by 0`. Double division
 * follows IEEE 754 (1.0 / 0 is Infinity), as the Java double under Apex's Double does (this
 * runtime's choice; the docs are silent). Decimal division: `divideDecimals`.
 */
export function divide(a: ApexNumber | null, b: ApexNumber | null): ApexNumber {
  const [x, y, rank] = operands(a, b);
  switch (rank) {
    case INTEGER:
      if (y === 0) throw mathError('Divide by 0');
      return toInt32(Math.trunc((x as number) / (y as number)));
    case LONG: {
      const divisor = toLongValue(y);
      if (divisor === 0n) throw mathError('Divide by 0');
      return toInt64(toLongValue(x) / divisor);
    }
    case DOUBLE:
      return new ApexDouble(toDoubleValue(x) / toDoubleValue(y));
    default:
      return divideDecimals(toDecimalValue(x), toDecimalValue(y));
  }
}

/** Unary minus; the most negative Integer and Long negate to themselves, as they wrap. */
export function negate(a: ApexNumber | null): ApexNumber {
  if (a === null || a === undefined) throw nullPointerError();
  if (typeof a === 'number') return toInt32(-a);
  if (typeof a === 'bigint') return toInt64(-a);
  if (a instanceof ApexDouble) return new ApexDouble(-a.value);
  return a.negate();
}

/**
 * The order of two numbers after promotion: -1, 0 or 1, or NaN when a Double NaN makes them
 * unordered (then `<`, `<=`, `>`, `>=` are all false).
 */
export function compare(a: ApexNumber | null, b: ApexNumber | null): number {
  const [x, y, rank] = operands(a, b);
  switch (rank) {
    case INTEGER:
    case DOUBLE: {
      const left = toDoubleValue(x);
      const right = toDoubleValue(y);
      if (Number.isNaN(left) || Number.isNaN(right)) return NaN;
      return left === right ? 0 : left < right ? -1 : 1;
    }
    case LONG: {
      const left = toLongValue(x);
      const right = toLongValue(y);
      return left === right ? 0 : left < right ? -1 : 1;
    }
    default: {
      const unordered = [x, y].some(
        (value) => value instanceof ApexDouble && !Number.isFinite(value.value)
      );
      if (unordered) return compareAsDoubles(x, y);
      return toDecimalValue(x).compareTo(toDecimalValue(y));
    }
  }
}

function compareAsDoubles(x: ApexNumber, y: ApexNumber): number {
  const left = toDoubleValue(x);
  const right = toDoubleValue(y);
  if (Number.isNaN(left) || Number.isNaN(right)) return NaN;
  return left === right ? 0 : left < right ? -1 : 1;
}

/**
 * `Math.mod(a, b)` for Integers and Longs: the remainder of truncating division, so its sign
 * follows the dividend (Math.mod(-7, 3) is -1). A zero divisor raises
 * `System.MathException: Divide by 0`.
 */
export function mod(a: number | bigint | null, b: number | bigint | null): number | bigint {
  if (a === null || a === undefined || b === null || b === undefined) throw nullPointerError();
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw mathError('Divide by 0');
    return toInt32(a % b);
  }
  const divisor = BigInt(b);
  if (divisor === 0n) throw mathError('Divide by 0');
  return toInt64(BigInt(a) % divisor);
}

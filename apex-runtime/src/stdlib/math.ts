/**
 * Apex's Math class (Apex Reference, "Math Class") over runtime numbers. Each overload returns
 * the Apex type the docs give it: `abs`, `max`, `min`, `ceil`, `floor`, `signum`, `sqrt`, `exp`,
 * `log` and `log10` keep the argument's type family (Decimal in, Decimal out; Double in, Double
 * out), `round` gives an Integer, `roundToLong` a Long, `pow` and the trigonometric functions a
 * Double. A null argument raises `System.NullPointerException`.
 */
import { ApexDecimal } from '../values/decimal';
import { ApexDouble, toInt32, toInt64 } from '../values/primitives';
import { mathError, nullPointerError } from './apexErrors';
import {
  compare,
  mod as modOperator,
  toDecimalValue,
  toDoubleValue,
  type ApexNumber
} from './arithmetic';

function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw nullPointerError();
  return value;
}

function double(value: ApexNumber | null): number {
  return toDoubleValue(present(value));
}

/** A Decimal computed through a Double, as the platform's Decimal Math overloads do. */
function decimalThroughDouble(result: number): ApexDecimal {
  if (!Number.isFinite(result)) throw mathError('Invalid operation');
  return ApexDecimal.fromDouble(result);
}

/** `Math.abs`: Integer and Long wrap at their minimum, as Java's Math.abs does. */
export function abs(value: ApexNumber | null): ApexNumber {
  const number = present(value);
  if (typeof number === 'number') return toInt32(Math.abs(number));
  if (typeof number === 'bigint') return toInt64(number < 0n ? -number : number);
  if (number instanceof ApexDouble) return new ApexDouble(Math.abs(number.value));
  return number.abs();
}

/** The value converted to the type of `like` (Integer < Long < Double < Decimal). */
function promoteTo(value: ApexNumber, like: ApexNumber): ApexNumber {
  if (like instanceof ApexDecimal) return toDecimalValue(value);
  if (like instanceof ApexDouble) return new ApexDouble(toDoubleValue(value));
  if (typeof like === 'bigint') return typeof value === 'number' ? BigInt(value) : value;
  return value;
}

function higher(a: ApexNumber, b: ApexNumber): ApexNumber {
  const rank = (value: ApexNumber): number =>
    typeof value === 'number'
      ? 0
      : typeof value === 'bigint'
        ? 1
        : value instanceof ApexDouble
          ? 2
          : 3;
  return rank(a) >= rank(b) ? a : b;
}

/** `Math.max` of the overload the arguments resolve to (mixed arguments promote). */
export function max(a: ApexNumber | null, b: ApexNumber | null): ApexNumber {
  const x = present(a);
  const y = present(b);
  const like = higher(x, y);
  if ([x, y].some((value) => value instanceof ApexDouble && Number.isNaN(value.value))) {
    return new ApexDouble(NaN);
  }
  return promoteTo(compare(x, y) >= 0 ? x : y, like);
}

export function min(a: ApexNumber | null, b: ApexNumber | null): ApexNumber {
  const x = present(a);
  const y = present(b);
  const like = higher(x, y);
  if ([x, y].some((value) => value instanceof ApexDouble && Number.isNaN(value.value))) {
    return new ApexDouble(NaN);
  }
  return promoteTo(compare(x, y) <= 0 ? x : y, like);
}

/** `Math.mod(Integer, Integer)` and `Math.mod(Long, Long)`: the sign follows the dividend. */
export function mod(a: number | bigint | null, b: number | bigint | null): number | bigint {
  return modOperator(a, b);
}

const INTEGER_MIN = -2_147_483_648;
const INTEGER_MAX = 2_147_483_647;

/** Java's Math.round(double): the nearest integer, ties toward positive infinity. */
function javaRound(value: number): number {
  return Math.floor(value + 0.5);
}

/**
 * `Math.round(Decimal)` rounds half-even, like Decimal.round(); `Math.round(Double)` rounds as
 * Java's Math.round (ties up: 2.5 gives 3, -2.5 gives -2) — this runtime's choice for the
 * Double overload, which the docs describe only as "the closest Integer". A result outside the
 * Integer range raises `System.MathException` (the docs: "Apex generates an error").
 */
export function round(value: ApexNumber | null): number {
  const number = present(value);
  let rounded: number;
  if (number instanceof ApexDecimal) {
    rounded = Number(number.withScale(0, 'HALF_EVEN').unscaled);
  } else if (number instanceof ApexDouble) {
    rounded = javaRound(number.value);
  } else {
    rounded = Number(number);
  }
  if (!(rounded >= INTEGER_MIN && rounded <= INTEGER_MAX)) {
    throw mathError(`Integer overflow: ${rounded}`);
  }
  return rounded;
}

/** `Math.roundToLong`: half-even for a Decimal, Java's Math.round for a Double. */
export function roundToLong(value: ApexNumber | null): bigint {
  const number = present(value);
  if (number instanceof ApexDecimal) return toInt64(number.withScale(0, 'HALF_EVEN').unscaled);
  if (number instanceof ApexDouble) {
    if (Number.isNaN(number.value)) return 0n;
    const rounded = javaRound(number.value);
    if (rounded >= 2 ** 63) return 2n ** 63n - 1n;
    if (rounded <= -(2 ** 63)) return -(2n ** 63n);
    return BigInt(rounded);
  }
  return BigInt(number);
}

/** `Math.ceil`: a Decimal keeps its type (scale 0), anything else gives a Double. */
export function ceil(value: ApexNumber | null): ApexNumber {
  const number = present(value);
  if (number instanceof ApexDecimal) return number.withScale(0, 'CEILING');
  return new ApexDouble(Math.ceil(toDoubleValue(number)));
}

export function floor(value: ApexNumber | null): ApexNumber {
  const number = present(value);
  if (number instanceof ApexDecimal) return number.withScale(0, 'FLOOR');
  return new ApexDouble(Math.floor(toDoubleValue(number)));
}

/** `Math.rint`: the nearest integer, ties to even, in the argument's type family. */
export function rint(value: ApexNumber | null): ApexNumber {
  const number = present(value);
  if (number instanceof ApexDecimal) return number.withScale(0, 'HALF_EVEN');
  const x = toDoubleValue(number);
  const floored = Math.floor(x);
  const difference = x - floored;
  const result =
    difference > 0.5 || (difference === 0.5 && floored % 2 !== 0) ? floored + 1 : floored;
  return new ApexDouble(result);
}

/** `Math.signum`: -1, 0 or 1 as a Decimal for a Decimal, as a Double otherwise. */
export function signum(value: ApexNumber | null): ApexNumber {
  const number = present(value);
  if (number instanceof ApexDecimal) return ApexDecimal.fromInteger(number.signum());
  return new ApexDouble(Math.sign(toDoubleValue(number)));
}

function unaryDoubleOrDecimal(
  value: ApexNumber | null,
  operation: (x: number) => number
): ApexNumber {
  const number = present(value);
  const result = operation(toDoubleValue(number));
  return number instanceof ApexDecimal ? decimalThroughDouble(result) : new ApexDouble(result);
}

/**
 * `Math.sqrt`, `exp`, `log`, `log10`: a Decimal argument gives a Decimal computed through a
 * Double (the Decimal carries the Double's digits); a result with no Decimal (the square root of
 * a negative number) raises `System.MathException: Invalid operation` (this runtime's choice).
 */
export function sqrt(value: ApexNumber | null): ApexNumber {
  return unaryDoubleOrDecimal(value, Math.sqrt);
}

export function exp(value: ApexNumber | null): ApexNumber {
  return unaryDoubleOrDecimal(value, Math.exp);
}

export function log(value: ApexNumber | null): ApexNumber {
  return unaryDoubleOrDecimal(value, Math.log);
}

export function log10(value: ApexNumber | null): ApexNumber {
  return unaryDoubleOrDecimal(value, Math.log10);
}

/** `Math.pow(Double, Double)`: a Double. */
export function pow(base: ApexNumber | null, exponent: ApexNumber | null): ApexDouble {
  return new ApexDouble(Math.pow(double(base), double(exponent)));
}

/** `Math.random()`: a Double in [0, 1); the interpreter may pass a seeded source. */
export function random(source: () => number = Math.random): ApexDouble {
  return new ApexDouble(source());
}

export function acos(value: ApexNumber | null): ApexDouble {
  return new ApexDouble(Math.acos(double(value)));
}

export function asin(value: ApexNumber | null): ApexDouble {
  return new ApexDouble(Math.asin(double(value)));
}

export function atan(value: ApexNumber | null): ApexDouble {
  return new ApexDouble(Math.atan(double(value)));
}

export function atan2(y: ApexNumber | null, x: ApexNumber | null): ApexDouble {
  return new ApexDouble(Math.atan2(double(y), double(x)));
}

export function cbrt(value: ApexNumber | null): ApexDouble {
  return new ApexDouble(Math.cbrt(double(value)));
}

export function cos(value: ApexNumber | null): ApexDouble {
  return new ApexDouble(Math.cos(double(value)));
}

export function cosh(value: ApexNumber | null): ApexDouble {
  return new ApexDouble(Math.cosh(double(value)));
}

export function sin(value: ApexNumber | null): ApexDouble {
  return new ApexDouble(Math.sin(double(value)));
}

export function sinh(value: ApexNumber | null): ApexDouble {
  return new ApexDouble(Math.sinh(double(value)));
}

export function tan(value: ApexNumber | null): ApexDouble {
  return new ApexDouble(Math.tan(double(value)));
}

export function tanh(value: ApexNumber | null): ApexDouble {
  return new ApexDouble(Math.tanh(double(value)));
}

/**
 * The methods of Apex's Decimal class (Apex Reference, "Decimal Class") and the `/` operator on
 * Decimals, over `ApexDecimal`, with the platform's exceptions. The receiver is never null here:
 * the interpreter raises the NullPointerException for a method called on null.
 */
import {
  ApexDecimal,
  DecimalArithmeticError,
  DecimalFormatError,
  type RoundingMode
} from '../values/decimal';
import { ApexDouble } from '../values/primitives';
import { mathError, typeError } from './apexErrors';
import { formatNumber } from './localeFormat';

/**
 * Significant digits of an inexact quotient of the `/` operator. The docs are silent; a real org
 * prints `1/31` as `0.0322580645161290322580645161290323` (octoberswimmer/aer-dist issue #345,
 * checked against an org in 2026) and `1.0/3.0` as 33 threes (force201.wordpress.com, "Decimal
 * scale"): 33 significant digits in both.
 */
export const DIVISION_PRECISION = 33;

/**
 * The rounding of the `/` operator's last digit and of `divide(divisor, scale)`: the docs are
 * silent and no tie has been observed. HALF_EVEN, the mode the docs give for `setScale(scale)` and
 * `round()`, is this runtime's choice.
 */
export const DEFAULT_DIVISION_ROUNDING: RoundingMode = 'HALF_EVEN';

/** Runs Decimal mechanics, turning their failures into the Apex exceptions the platform raises. */
function apexArithmetic<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (error instanceof DecimalArithmeticError || error instanceof RangeError) {
      throw mathError(error.message);
    }
    throw error;
  }
}

/**
 * `a / b` for Decimals: an exact quotient keeps the scale `a.scale - b.scale` or the nearest
 * larger one that holds it (`10/4` is `2.5`); an inexact one has DIVISION_PRECISION significant
 * digits. A zero divisor raises `System.MathException: Divide by 0`.
 */
export function divideDecimals(a: ApexDecimal, b: ApexDecimal): ApexDecimal {
  return apexArithmetic(() =>
    a.divideToPrecision(b, DIVISION_PRECISION, DEFAULT_DIVISION_ROUNDING)
  );
}

/**
 * `divide(divisor, scale)` and `divide(divisor, scale, roundingMode)`: the quotient with `scale`
 * digits after the point (Decimal Class: `19.divide(100, 3)` is `0.190`,
 * `12.4567.divide(7, 2, RoundingMode.UP)` is `1.78`).
 */
export function divide(
  value: ApexDecimal,
  divisor: ApexDecimal,
  scale: number,
  roundingMode: RoundingMode = DEFAULT_DIVISION_ROUNDING
): ApexDecimal {
  return apexArithmetic(() => value.divideToScale(divisor, scale, roundingMode));
}

/**
 * `setScale(scale)` rounds half-even when digits are dropped (Decimal Class; observed by
 * issacc.com, "Something about rounding": 5.245 gives 5.24, 5.235 gives 5.24);
 * `setScale(scale, roundingMode)` rounds by the mode, and UNNECESSARY raises
 * `System.MathException: Rounding necessary` when digits would be lost.
 */
export function setScale(
  value: ApexDecimal,
  scale: number,
  roundingMode: RoundingMode = 'HALF_EVEN'
): ApexDecimal {
  return apexArithmetic(() => value.withScale(scale, roundingMode));
}

/**
 * `round()` (half-even, "statistically minimizes cumulative error") and `round(roundingMode)`,
 * both returning a Long.
 */
export function round(value: ApexDecimal, roundingMode: RoundingMode = 'HALF_EVEN'): bigint {
  return apexArithmetic(() => BigInt.asIntN(64, value.withScale(0, roundingMode).unscaled));
}

/** `precision()`: the number of digits (123.45 has 5, 123.123 has 6). */
export function precision(value: ApexDecimal): number {
  return value.precision();
}

export function scale(value: ApexDecimal): number {
  return value.scale;
}

export function stripTrailingZeros(value: ApexDecimal): ApexDecimal {
  return value.stripTrailingZeros();
}

/** `toPlainString()`: never scientific notation. */
export function toPlainString(value: ApexDecimal): string {
  return value.toPlainString();
}

/**
 * `String.valueOf(Decimal)`, `toString()`, concatenation and System.debug: Java's
 * BigDecimal.toString, scientific below 1E-6 or with a negative scale (`0E-32`, xgeek.net "A bug
 * caused by Decimal without SetScale").
 */
export function decimalToString(value: ApexDecimal): string {
  return value.toJavaString();
}

export function abs(value: ApexDecimal): ApexDecimal {
  return value.abs();
}

/**
 * `pow(exponent)`: exact. The exponent must be between 0 and 32,767 (Decimal Class); outside it
 * this runtime raises `System.MathException: Invalid operation` (Java's message; the platform's
 * is not documented).
 */
export function pow(value: ApexDecimal, exponent: number): ApexDecimal {
  if (exponent < 0 || exponent > 32_767) throw mathError('Invalid operation');
  return value.pow(exponent);
}

/** `intValue()`: truncated toward zero, wrapped to 32 bits as Java's BigDecimal.intValue does. */
export function intValue(value: ApexDecimal): number {
  return value.toInt32();
}

/** `longValue()`: truncated toward zero, wrapped to 64 bits. */
export function longValue(value: ApexDecimal): bigint {
  return value.toInt64();
}

export function doubleValue(value: ApexDecimal): ApexDouble {
  return new ApexDouble(value.toNumber());
}

/**
 * `Decimal.valueOf(String)`: Java's BigDecimal grammar (sign, digits, point, exponent; no
 * spaces). Anything else raises `System.TypeException: Invalid decimal: <text>`.
 */
export function valueOfString(text: string): ApexDecimal {
  if (/\s/.test(text)) throw typeError(`Invalid decimal: ${text}`);
  try {
    return ApexDecimal.parse(text);
  } catch (error) {
    if (error instanceof DecimalFormatError) throw typeError(`Invalid decimal: ${text}`);
    throw error;
  }
}

/**
 * `Decimal.valueOf(Double)`: the digits Java's Double.toString prints (1.0 gives 1.0, 0.1 gives
 * 0.1). NaN and the infinities raise `System.TypeException: Invalid decimal: NaN` (this runtime's
 * choice; Java refuses them with "Infinite or NaN").
 */
export function valueOfDouble(value: ApexDouble): ApexDecimal {
  if (!Number.isFinite(value.value)) throw typeError(`Invalid decimal: ${value.toString()}`);
  return ApexDecimal.fromDouble(value.value);
}

/** `Decimal.valueOf(Long)` and `Decimal.valueOf(Integer)`: scale 0. */
export function valueOfInteger(value: number | bigint): ApexDecimal {
  return ApexDecimal.fromInteger(value);
}

/**
 * `format()`: the number in the user's locale with at most three decimals, half-even, without
 * trailing zeros (Decimal Class: `12345.6789.format()` is `12,345.679` for en_US).
 */
export function format(value: ApexDecimal, locale: string): string {
  return formatNumber(value, locale);
}

const ROUNDING_MODES: readonly RoundingMode[] = [
  'CEILING',
  'DOWN',
  'FLOOR',
  'HALF_DOWN',
  'HALF_EVEN',
  'HALF_UP',
  'UNNECESSARY',
  'UP'
];

/** The RoundingMode of a `System.RoundingMode` enum constant's name (case-insensitive). */
export function roundingModeNamed(name: string): RoundingMode {
  const mode = ROUNDING_MODES.find((candidate) => candidate === name.toUpperCase());
  if (!mode) throw typeError(`Invalid rounding mode: ${name}`);
  return mode;
}

/**
 * Apex `Decimal`: an exact decimal number, an arbitrary-precision unscaled integer and a scale
 * (the number of digits after the point), as java.math.BigDecimal under the platform's Decimal.
 * `1.10` and `1.1` are equal numbers with different scales; the scale is kept and printed.
 *
 * This module holds the mechanics (exact, Java-compatible); the Apex-facing methods, with the
 * platform's exceptions, are in `stdlib/decimalMethods.ts`.
 */

export type RoundingMode =
  'CEILING' | 'DOWN' | 'FLOOR' | 'HALF_DOWN' | 'HALF_EVEN' | 'HALF_UP' | 'UNNECESSARY' | 'UP';

export class DecimalFormatError extends Error {}

/** An arithmetic failure (`Divide by 0`), as java.lang.ArithmeticException under Apex. */
export class DecimalArithmeticError extends Error {}

const TEN = 10n;

function pow10(exponent: number): bigint {
  return TEN ** BigInt(exponent);
}

function absolute(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/** Decimal digits of an integer, ignoring the sign; 1 for zero. */
function digitCount(value: bigint): number {
  return absolute(value).toString().length;
}

/**
 * A Double as Java's Double.toString writes it, which is what Apex prints and what
 * `Decimal.valueOf(Double)` reads: `1.0`, `0.1`, `1.0E10`, `1.234E-5`. JavaScript's shortest
 * round-trip digits are the digits Java prints for the doubles a sales package meets.
 */
export function javaDoubleToString(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = String(value);
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa, exponent] = value.toExponential().split('e');
  const digits = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${digits}E${Number(exponent)}`;
}

export class ApexDecimal {
  /** The value times 10^scale. */
  readonly unscaled: bigint;
  /** Digits after the point; may be negative only through arithmetic that the platform allows. */
  readonly scale: number;

  constructor(unscaled: bigint, scale: number) {
    this.unscaled = unscaled;
    this.scale = scale;
  }

  static readonly ZERO = new ApexDecimal(0n, 0);

  /** From an Apex Integer or Long (scale 0). */
  static fromInteger(value: number | bigint): ApexDecimal {
    return new ApexDecimal(BigInt(value), 0);
  }

  /**
   * From a decimal literal or `Decimal.valueOf(String)`: digits with an optional point, sign and
   * exponent (`1.50`, `-3`, `1e3`, `2.5E-2`). Throws DecimalFormatError on anything else.
   */
  static parse(text: string): ApexDecimal {
    const match = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
    if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
      throw new DecimalFormatError(`Invalid decimal: ${text}`);
    }
    const [, sign, whole, fraction = '', exponent] = match;
    let unscaled = BigInt((whole || '0') + fraction);
    if (sign === '-') unscaled = -unscaled;
    let scale = fraction.length;
    if (exponent !== undefined) scale -= Number(exponent);
    if (scale < 0) {
      unscaled *= pow10(-scale);
      scale = 0;
    }
    return new ApexDecimal(unscaled, scale);
  }

  /**
   * From an Apex Double, as `Decimal.valueOf(Double)` (java.math.BigDecimal.valueOf(double))
   * does: the digits of Java's Double.toString, so 0.1 gives 0.1 (not 0.1000000000000000055) and
   * 1.0 gives 1.0 with scale 1. NaN and the infinities have no Decimal: DecimalFormatError.
   */
  static fromDouble(value: number): ApexDecimal {
    if (!Number.isFinite(value)) throw new DecimalFormatError(`Invalid decimal: ${value}`);
    return ApexDecimal.parse(javaDoubleToString(value));
  }

  /** Both operands brought to the larger scale. */
  private static aligned(a: ApexDecimal, b: ApexDecimal): [bigint, bigint, number] {
    if (a.scale === b.scale) return [a.unscaled, b.unscaled, a.scale];
    if (a.scale > b.scale) return [a.unscaled, b.unscaled * pow10(a.scale - b.scale), a.scale];
    return [a.unscaled * pow10(b.scale - a.scale), b.unscaled, b.scale];
  }

  add(other: ApexDecimal): ApexDecimal {
    const [a, b, scale] = ApexDecimal.aligned(this, other);
    return new ApexDecimal(a + b, scale);
  }

  subtract(other: ApexDecimal): ApexDecimal {
    const [a, b, scale] = ApexDecimal.aligned(this, other);
    return new ApexDecimal(a - b, scale);
  }

  multiply(other: ApexDecimal): ApexDecimal {
    return new ApexDecimal(this.unscaled * other.unscaled, this.scale + other.scale);
  }

  negate(): ApexDecimal {
    return new ApexDecimal(-this.unscaled, this.scale);
  }

  signum(): number {
    return this.unscaled === 0n ? 0 : this.unscaled < 0n ? -1 : 1;
  }

  /** Numeric comparison, ignoring scale: -1, 0 or 1. */
  compareTo(other: ApexDecimal): number {
    const [a, b] = ApexDecimal.aligned(this, other);
    return a === b ? 0 : a < b ? -1 : 1;
  }

  /** Numeric equality, as Apex `==` on Decimals (1.0 == 1.00). */
  numericEquals(other: ApexDecimal): boolean {
    return this.compareTo(other) === 0;
  }

  /** The value with `scale` digits after the point, rounded by `mode` (HALF_UP by default). */
  withScale(scale: number, mode: RoundingMode = 'HALF_UP'): ApexDecimal {
    if (scale === this.scale) return this;
    if (scale > this.scale) {
      return new ApexDecimal(this.unscaled * pow10(scale - this.scale), scale);
    }
    const divisor = pow10(this.scale - scale);
    return new ApexDecimal(roundQuotient(this.unscaled, divisor, mode), scale);
  }

  isZero(): boolean {
    return this.unscaled === 0n;
  }

  abs(): ApexDecimal {
    return this.unscaled < 0n ? this.negate() : this;
  }

  /** Digits of the unscaled value (java.math.BigDecimal.precision): 123.45 has 5, 0.001 has 1. */
  precision(): number {
    return digitCount(this.unscaled);
  }

  /**
   * `this / divisor` with exactly `scale` digits after the point, rounded by `mode`
   * (BigDecimal.divide(divisor, scale, roundingMode)). RangeError for UNNECESSARY when rounding
   * is needed; DecimalArithmeticError for a zero divisor.
   */
  divideToScale(divisor: ApexDecimal, scale: number, mode: RoundingMode): ApexDecimal {
    if (divisor.unscaled === 0n) throw new DecimalArithmeticError('Divide by 0');
    const [numerator, denominator] = scaledOperands(this, divisor, scale);
    return new ApexDecimal(roundQuotient(numerator, denominator, mode), scale);
  }

  /**
   * `this / divisor` to `precision` significant digits, rounded by `mode`, with
   * BigDecimal.divide(divisor, MathContext)'s scale: an exact quotient keeps the scale nearest to
   * `this.scale - divisor.scale` that holds it (10 / 4 = 2.5, 1.0 / 4.0 = 0.25, 2.10 / 2.0 = 1.05);
   * an inexact one keeps all `precision` digits.
   */
  divideToPrecision(divisor: ApexDecimal, precision: number, mode: RoundingMode): ApexDecimal {
    if (divisor.unscaled === 0n) throw new DecimalArithmeticError('Divide by 0');
    const preferredScale = this.scale - divisor.scale;
    if (this.unscaled === 0n) return new ApexDecimal(0n, preferredScale);
    // This scale leaves `precision` or `precision + 1` digits before rounding.
    let scale =
      preferredScale + precision + digitCount(divisor.unscaled) - digitCount(this.unscaled);
    const [probeNumerator, probeDenominator] = scaledOperands(this, divisor, scale);
    if (digitCount(probeNumerator / probeDenominator) > precision) scale -= 1;
    const [numerator, denominator] = scaledOperands(this, divisor, scale);
    const exact = numerator % denominator === 0n;
    let quotient = roundQuotient(numerator, denominator, mode);
    if (digitCount(quotient) > precision) {
      // Rounding carried into a new digit (9.99 -> 10.0): drop the last, necessarily zero, digit.
      quotient /= TEN;
      scale -= 1;
    }
    if (exact) {
      while (scale > preferredScale && quotient % TEN === 0n && quotient !== 0n) {
        quotient /= TEN;
        scale -= 1;
      }
    }
    return new ApexDecimal(quotient, scale);
  }

  /**
   * The same number without trailing zeros (BigDecimal.stripTrailingZeros): 1.500 gives 1.5,
   * 100 gives 1E+2 (scale -2), zero gives 0 with scale 0.
   */
  stripTrailingZeros(): ApexDecimal {
    if (this.unscaled === 0n) return ApexDecimal.ZERO;
    let { unscaled, scale } = this;
    while (unscaled % TEN === 0n) {
      unscaled /= TEN;
      scale -= 1;
    }
    return new ApexDecimal(unscaled, scale);
  }

  /** `this` to a non-negative integer power, exactly (BigDecimal.pow): the scale multiplies. */
  pow(exponent: number): ApexDecimal {
    if (!Number.isInteger(exponent) || exponent < 0) {
      throw new DecimalArithmeticError('Invalid operation');
    }
    return new ApexDecimal(this.unscaled ** BigInt(exponent), this.scale * exponent);
  }

  /** The integer part as an Apex Integer: truncated, then wrapped to 32 bits (BigDecimal.intValue). */
  toInt32(): number {
    return Number(BigInt.asIntN(32, this.truncated()));
  }

  /** The integer part as an Apex Long: truncated, then wrapped to 64 bits (BigDecimal.longValue). */
  toInt64(): bigint {
    return BigInt.asIntN(64, this.truncated());
  }

  /**
   * Java's BigDecimal.toString, which is how Apex prints a Decimal (String.valueOf, `+`,
   * System.debug): plain while the scale is not negative and the number is not below 1E-6, else
   * scientific (`1E-7`, `0E-32`, `1.5E+3`).
   */
  toJavaString(): string {
    const coefficient = absolute(this.unscaled).toString();
    const adjusted = coefficient.length - 1 - this.scale;
    if (this.scale === 0 || (this.scale > 0 && adjusted >= -6)) return this.toPlainString();
    let text = coefficient.length > 1 ? `${coefficient[0]}.${coefficient.slice(1)}` : coefficient;
    if (adjusted !== 0) text += `E${adjusted > 0 ? '+' : ''}${adjusted}`;
    return this.unscaled < 0n ? `-${text}` : text;
  }

  /** Plain notation with every digit of the scale, as Apex prints a Decimal (`1.50`, `-0.003`). */
  toPlainString(): string {
    const negative = this.unscaled < 0n;
    const digits = (negative ? -this.unscaled : this.unscaled).toString();
    let text: string;
    if (this.scale <= 0) {
      text = digits + '0'.repeat(-this.scale);
    } else {
      const padded = digits.padStart(this.scale + 1, '0');
      text = `${padded.slice(0, padded.length - this.scale)}.${padded.slice(-this.scale)}`;
    }
    return negative ? `-${text}` : text;
  }

  toString(): string {
    return this.toPlainString();
  }

  /** The nearest JavaScript number (Apex `doubleValue()`). */
  toNumber(): number {
    return Number(this.toPlainString());
  }

  /** The integer part, truncated toward zero, as a bigint. */
  truncated(): bigint {
    return this.scale <= 0 ? this.unscaled * pow10(-this.scale) : this.unscaled / pow10(this.scale);
  }
}

/** Numerator and denominator whose integer quotient is `x / y` times 10^scale. */
function scaledOperands(x: ApexDecimal, y: ApexDecimal, scale: number): [bigint, bigint] {
  const shift = scale - x.scale + y.scale;
  return shift >= 0
    ? [x.unscaled * pow10(shift), y.unscaled]
    : [x.unscaled, y.unscaled * pow10(-shift)];
}

/** `dividend / divisor` rounded to an integer by `mode`; `divisor` is positive or negative. */
export function roundQuotient(dividend: bigint, divisor: bigint, mode: RoundingMode): bigint {
  const quotient = dividend / divisor;
  const remainder = dividend % divisor;
  if (remainder === 0n) return quotient;
  const positive = dividend < 0n === divisor < 0n;
  const awayFromZero = positive ? quotient + 1n : quotient - 1n;
  const twiceRemainder = (remainder < 0n ? -remainder : remainder) * 2n;
  const absDivisor = divisor < 0n ? -divisor : divisor;
  const half = twiceRemainder === absDivisor ? 0 : twiceRemainder > absDivisor ? 1 : -1;
  switch (mode) {
    case 'UP':
      return awayFromZero;
    case 'DOWN':
      return quotient;
    case 'CEILING':
      return positive ? awayFromZero : quotient;
    case 'FLOOR':
      return positive ? quotient : awayFromZero;
    case 'HALF_UP':
      return half >= 0 ? awayFromZero : quotient;
    case 'HALF_DOWN':
      return half > 0 ? awayFromZero : quotient;
    case 'HALF_EVEN':
      if (half !== 0) return half > 0 ? awayFromZero : quotient;
      return quotient % 2n === 0n ? quotient : awayFromZero;
    case 'UNNECESSARY':
      throw new RangeError('Rounding necessary');
  }
}

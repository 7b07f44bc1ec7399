/**
 * ROUND with Salesforce's round-half-up rule (halves go away from zero: ROUND(-1.5, 0) = -2),
 * done on the decimal text so that ROUND(1.005, 2) is 1.01 as in the org, not 1 as with
 * Math.round(1.005 * 100) / 100.
 */
export function roundHalfAwayFromZero(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  // A double has at most 17 significant digits and no digit below 1e-324: rounding to more
  // places changes nothing (and 10 ** 400 would be Infinity, giving NaN).
  if (digits > 340) return value;
  if (digits < -340) return 0;
  const sign = value < 0 ? -1 : 1;
  const magnitude = Math.abs(value);
  const text = String(magnitude);
  if (text.includes('e')) {
    const factor = 10 ** digits;
    const rounded = (sign * Math.round(magnitude * factor)) / factor;
    return Number.isFinite(rounded) ? rounded : value;
  }
  const shifted = Math.round(Number(`${text}e${digits}`));
  return sign * Number(`${shifted}e${-digits}`) || 0;
}

/**
 * TEXT(number): plain decimal notation, no exponent, no grouping, no trailing zeros, at most 15
 * significant digits so that double noise does not show (TEXT(0.1 + 0.2) is "0.3" as in the
 * org's decimal arithmetic).
 */
export function formatNumber(input: number): string {
  const value = Number(input.toPrecision(15));
  if (Object.is(value, -0)) return '0';
  const text = String(value);
  if (!text.includes('e')) return text;
  if (Math.abs(value) >= 1) return BigInt(Math.round(value)).toString();
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

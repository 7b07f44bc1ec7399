/**
 * Blank-safe arithmetic. A KPI that cannot be computed (nothing to divide by) is `null`, never
 * NaN or Infinity, so every consumer can show a dash without checking numbers.
 */

/** `numerator / denominator`, or null when either is blank or the result is not finite. */
export function ratio(
  numerator: number | null | undefined,
  denominator: number | null | undefined
): number | null {
  if (numerator === null || numerator === undefined) {
    return null;
  }
  if (denominator === null || denominator === undefined || denominator === 0) {
    return null;
  }
  const value = numerator / denominator;
  return Number.isFinite(value) ? value : null;
}

/** Mean of the values, or null when there are none. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  let sum = 0;
  for (const value of values) {
    sum += value;
  }
  return sum / values.length;
}

/** A Salesforce Percent field (0-100) as a fraction; blank stays blank. */
export function percentToFraction(percent: number | null | undefined): number | null {
  return percent === null || percent === undefined ? null : percent / 100;
}

/** A blank amount counts as 0 in sums (KPI_DEFINITIONS.md). */
export function amountOf(amount: number | null | undefined): number {
  return typeof amount === 'number' && Number.isFinite(amount) ? amount : 0;
}

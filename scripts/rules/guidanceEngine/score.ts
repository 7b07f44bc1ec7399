/**
 * The data-quality score (ARCHITECTURE.md section 2), the twin of Apex `DataQualityScore`:
 * 100 x the weight of applicable rules not flagged / the weight of applicable rules, rounded
 * half up to a whole number; 100 when no rule applies. Apex divides to six decimals before
 * rounding; the tiny epsilon here gives the same result for every weight the field allows
 * (whole numbers below 1,000), where a true half can only be exact.
 */
export function computeScore(applicableWeight: number, passedWeight: number): number {
  if (!(applicableWeight > 0)) {
    return 100;
  }
  return Math.floor((passedWeight * 100) / applicableWeight + 0.5 + 1e-9);
}

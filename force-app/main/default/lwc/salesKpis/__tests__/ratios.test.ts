import { amountOf, mean, percentToFraction, ratio } from 'c/salesKpis';

describe('blank-safe arithmetic', () => {
  it('gives null instead of NaN or Infinity', () => {
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(1, undefined)).toBeNull();
    expect(ratio(Number.MAX_VALUE, Number.MIN_VALUE)).toBeNull();
    expect(ratio(3, 4)).toBe(0.75);
  });

  it('averages only when there is something to average', () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 6])).toBe(3);
  });

  it('reads Percent fields as fractions and blank amounts as 0', () => {
    expect(percentToFraction(25)).toBe(0.25);
    expect(percentToFraction(null)).toBeNull();
    expect(amountOf(null)).toBe(0);
    expect(amountOf(Number.NaN)).toBe(0);
    expect(amountOf(12.5)).toBe(12.5);
  });
});

import { formatAmount, formatPercent, periodOptions, WORDS } from 'c/kpiView';
import { CALENDAR_YEAR } from 'c/salesKpis';
import { formatsInCurrency } from 'c/userFormat';

// Under Jest the running user is sfdx-lwc-jest's default: en-US, USD.
describe('kpiView formats for the running user', () => {
  it('writes amounts as money in the user’s currency, never a bare number', () => {
    expect(formatAmount(1_234_567)).toBe('$1,234,567');
    expect(formatAmount(null)).toBe('—');
  });

  it('writes amounts in the currency the facts state, in the user’s locale', () => {
    expect(formatAmount(1_234_567, formatsInCurrency('EUR'))).toBe('€1,234,567');
    expect(formatAmount(1_234_567, formatsInCurrency(null))).toBe('$1,234,567');
  });

  it('writes rates as percentages with at most one decimal', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(null)).toBe('—');
  });

  it('names each period with its dates in the user’s locale, not as ISO dates', () => {
    expect(periodOptions('2026-11-16', CALENDAR_YEAR, WORDS)[0].label).toBe(
      'c.SSM_Review_This_Quarter (Oct 1, 2026 – Dec 31, 2026)'
    );
  });
});

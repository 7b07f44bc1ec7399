import { formatAmount, formatPercent, periodOptions, WORDS } from 'c/kpiView';
import { CALENDAR_YEAR } from 'c/salesKpis';

// A Danish seller in a DKK org, as Lightning's @salesforce/i18n modules give them.
jest.mock('@salesforce/i18n/locale', () => ({ default: 'da-DK' }), { virtual: true });
jest.mock('@salesforce/i18n/currency', () => ({ default: 'DKK' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'Europe/Copenhagen' }), {
  virtual: true
});

describe('kpiView for a Danish seller', () => {
  // Intl writes a non-breaking space (U+00A0) before 'kr.' and '%'.
  it('writes amounts in kroner the Danish way', () => {
    expect(formatAmount(1_234_567)).toBe('1.234.567\u00a0kr.');
  });

  it('writes rates with a decimal comma and the Danish percent', () => {
    expect(formatPercent(0.1234)).toBe('12,3\u00a0%');
  });

  it('names each period with Danish dates', () => {
    expect(periodOptions('2026-11-16', CALENDAR_YEAR, WORDS)[0].label).toBe(
      'c.SSM_Review_This_Quarter (1. okt. 2026 – 31. dec. 2026)'
    );
  });
});

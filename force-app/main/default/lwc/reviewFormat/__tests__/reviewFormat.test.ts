import {
  dateText,
  dealCount,
  formatsFor,
  money,
  percent,
  signedMoney,
  times
} from 'c/reviewFormat';

const DANISH = formatsFor('da-DK', 'DKK');
const US = formatsFor('en-US', 'USD');

describe('reviewFormat', () => {
  it('writes amounts compact with the currency of the locale, and exact', () => {
    expect(money(2_300_000, DANISH).text).toBe('2,3\u00a0mio.\u00a0kr.');
    expect(money(2_300_000, US)).toEqual({ text: '$2.3M', exact: '$2,300,000.00' });
    expect(money(22_000, US).text).toBe('$22K');
    expect(money(null, US)).toEqual({ text: '—', exact: '' });
  });

  it('signs amount changes, with no sign for zero', () => {
    expect(signedMoney(-5000, US).text).toBe('−$5K');
    expect(signedMoney(20_000, US).exact).toBe('+$20,000.00');
    expect(signedMoney(0, US).text).toBe('$0');
  });

  it('writes every percentage as a whole percent in the locale', () => {
    expect(percent(0.456, US)).toBe('46%');
    expect(percent(0.456, DANISH)).toBe('46\u00a0%');
    expect(percent(null, US)).toBe('—');
    expect(times(0.94, US)).toBe('0.9×');
  });

  it('picks the plural label by the locale’s rules', () => {
    expect(dealCount(1, US)).toBe('c.SSM_Review_Deal_Count_One');
    expect(dealCount(0, US)).toBe('c.SSM_Review_Deal_Count_Other');
    expect(dealCount(2, DANISH)).toBe('c.SSM_Review_Deal_Count_Other');
  });

  it('writes dates in the locale’s medium style, whatever the time zone', () => {
    expect(dateText('2026-11-16', US)).toBe('Nov 16, 2026');
    expect(dateText('2026-11-16', DANISH)).toBe('16. nov. 2026');
    expect(dateText(null, US)).toBe('');
  });
});

import { dealCount } from 'c/reviewFormat';
import { formatsFor } from 'c/userFormat';

const DANISH = formatsFor('da-DK', 'DKK', 'Europe/Copenhagen');
const US = formatsFor('en-US', 'USD', 'America/Los_Angeles');

describe('reviewFormat', () => {
  it('picks the plural label by the locale’s rules', () => {
    expect(dealCount(1, US)).toBe('c.SSM_Review_Deal_Count_One');
    expect(dealCount(0, US)).toBe('c.SSM_Review_Deal_Count_Other');
    expect(dealCount(2, DANISH)).toBe('c.SSM_Review_Deal_Count_Other');
  });
});

import { periodOptions, WORDS } from 'c/kpiView';
import { FOUR_FOUR_FIVE } from '../../salesKpis/__tests__/fourFourFive';

const values = (today: string) =>
  periodOptions(today, FOUR_FOUR_FIVE, WORDS).map((option) => option.value);

describe('kpiView period choices in an org with custom fiscal years (4-4-5, 14-week Q4)', () => {
  it('offers this, next and last quarter from the org’s Period rows', () => {
    expect(values('2026-11-16')).toEqual([
      '2026-09-27..2027-01-02', // this quarter: FY2026 Q4, 14 weeks
      '2027-01-03..2027-04-03', // next: the row starting the day after this one ends
      '2026-06-28..2026-09-26', // last
      '2026-11-01..2026-11-30', // months stay calendar months
      '2026-12-01..2026-12-31'
    ]);
    expect(periodOptions('2026-11-16', FOUR_FOUR_FIVE, WORDS)[0].label).toBe(
      'c.SSM_Review_This_Quarter (Sep 27, 2026 – Jan 2, 2027)'
    );
  });

  it('makes the 14-week quarter the last quarter of the one after it', () => {
    expect(values('2027-01-03').slice(0, 3)).toEqual([
      '2027-01-03..2027-04-03',
      '2027-04-04..2027-07-03',
      '2026-09-27..2027-01-02'
    ]);
  });

  it('falls back to the start month beyond the last row', () => {
    // FY2027's Q4 is the last row: "next quarter" is standard 2028-Q1, as Apex would read it.
    expect(values('2027-11-16').slice(0, 3)).toEqual([
      '2027-10-03..2028-01-01',
      '2028-01-01..2028-03-31',
      '2027-07-04..2027-10-02'
    ]);
  });
});

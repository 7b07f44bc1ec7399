import { parsePeriod, quarterOf, salesFactsFromApex, type ApexPipelineFacts } from 'c/salesKpis';
import { FOUR_FOUR_FIVE_APEX_ROWS, FOUR_FOUR_FIVE_ROWS } from './fourFourFive';

const PAGE: ApexPipelineFacts = {
  today: '2026-11-16',
  periodStart: '2026-09-27',
  periodEnd: '2027-01-02',
  fiscalYearStartMonth: 1,
  usesStartDateAsFiscalYearName: false,
  fiscalQuarters: FOUR_FOUR_FIVE_APEX_ROWS
};

describe('fiscal quarters from PipelineReviewController.getPipelineFacts', () => {
  it('puts the org’s Period rows into the calendar, with the fields the KPIs read', () => {
    const calendar = salesFactsFromApex([PAGE]).facts.calendar;
    expect(calendar).toEqual({
      FiscalYearStartMonth: 1,
      UsesStartDateAsFiscalYearName: false,
      Quarters: FOUR_FOUR_FIVE_ROWS
    });
    expect(quarterOf('2026-11-16', calendar)).toEqual({
      start: '2026-09-27',
      end: '2027-01-02',
      label: '2026-Q4'
    });
    expect(parsePeriod('FY2026', calendar)).toMatchObject({
      start: '2025-12-28',
      end: '2027-01-02'
    });
  });

  it('reads the rows from the first page and orders them by start date', () => {
    const review = salesFactsFromApex([
      { ...PAGE, fiscalQuarters: [...FOUR_FOUR_FIVE_APEX_ROWS].reverse() },
      { ...PAGE, fiscalQuarters: [] }
    ]);
    expect(review.facts.calendar?.Quarters).toEqual(FOUR_FOUR_FIVE_ROWS);
  });

  it('leaves Quarters out when Apex sent none', () => {
    for (const fiscalQuarters of [undefined, null, []]) {
      const calendar = salesFactsFromApex([{ ...PAGE, fiscalQuarters }]).facts.calendar;
      expect(calendar).toEqual({ FiscalYearStartMonth: 1, UsesStartDateAsFiscalYearName: false });
      expect(quarterOf('2026-11-16', calendar).start).toBe('2026-10-01');
    }
  });

  it('ignores every row when one is unreadable, overlaps another or repeats a quarter', () => {
    const [first, second, ...rest] = FOUR_FOUR_FIVE_APEX_ROWS;
    const broken: unknown[][] = [
      [first, { ...second, EndDate: null }, ...rest],
      [first, { ...second, StartDate: '2025-02-30' }, ...rest],
      [first, { ...second, Number: 5 }, ...rest],
      [first, { ...second, FiscalYearSettings: null }, ...rest],
      [first, { ...second, FiscalYearSettings: { Name: 'FY 2025' } }, ...rest],
      [first, { ...second, StartDate: '2025-03-29' }, ...rest],
      [first, { ...second, Number: 1 }, ...rest],
      [first, 'row', ...rest]
    ];
    for (const fiscalQuarters of broken) {
      expect(salesFactsFromApex([{ ...PAGE, fiscalQuarters }]).facts.calendar).toEqual({
        FiscalYearStartMonth: 1,
        UsesStartDateAsFiscalYearName: false
      });
    }
  });
});

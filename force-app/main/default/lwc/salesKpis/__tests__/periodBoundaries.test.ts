import { dealsInPeriod, elapsedPart, isInPeriod, parsePeriod } from 'c/salesKpis';
import { deal } from './factBuilders';

/** Periods are inclusive at both ends (KPI_DEFINITIONS.md, "Deals and periods"). */
const Q4 = parsePeriod('2026-Q4'); // 2026-10-01..2026-12-31

describe('a deal is in a period when its CloseDate falls in it, both ends included', () => {
  const deals = [
    deal({ Id: 'dayBefore', CloseDate: '2026-09-30' }),
    deal({ Id: 'firstDay', CloseDate: '2026-10-01' }),
    deal({ Id: 'middle', CloseDate: '2026-11-16' }),
    deal({ Id: 'lastDay', CloseDate: '2026-12-31' }),
    deal({ Id: 'dayAfter', CloseDate: '2027-01-01' })
  ];

  it('keeps the deals closing on the first and the last day of the quarter', () => {
    expect(dealsInPeriod(deals, Q4).map((d) => d.Id)).toEqual(['firstDay', 'middle', 'lastDay']);
  });

  it('agrees with isInPeriod on every boundary date', () => {
    expect(deals.map((d) => isInPeriod(d.CloseDate, Q4))).toEqual([false, true, true, true, false]);
  });
});

describe('elapsedPart on the first day of a period', () => {
  it('has started: the elapsed part of Q4 on 1 October is that one day', () => {
    expect(elapsedPart(Q4, '2026-10-01')).toEqual({
      start: '2026-10-01',
      end: '2026-10-01',
      label: '2026-10-01..2026-10-01'
    });
  });

  it('has not started the day before', () => {
    expect(elapsedPart(Q4, '2026-09-30')).toBeNull();
  });

  it('is the whole period on its last day', () => {
    expect(elapsedPart(Q4, '2026-12-31')).toMatchObject({ start: '2026-10-01', end: '2026-12-31' });
  });
});

import { StageCatalog, forecastAccuracy, indexHistory, parsePeriod } from 'c/salesKpis';
import { STAGES, change, deal, wonDeal } from './factBuilders';

/**
 * Forecast accuracy of a closed period: 1 - |commit at the start - closed won| / closed won
 * (KPI_DEFINITIONS.md). The cases here pin what the other forecast accuracy tests leave open:
 * a commit BELOW the result (the absolute value matters) and the period's last and first days.
 */
const Q3 = parsePeriod('2026-Q3'); // 2026-07-01..2026-09-30
const TODAY = '2026-11-16';
const CREATED = '2026-05-01T09:00:00.000Z';

describe('forecastAccuracy when the commit was below the result', () => {
  // At the end of 1 July: big was an open Pipeline deal (not in the commit), sure an open
  // Commit deal. Both were won in August.
  const deals = [
    wonDeal({ Id: 'big', Amount: 100, CloseDate: '2026-08-01', CreatedDate: CREATED }),
    wonDeal({ Id: 'sure', Amount: 60, CloseDate: '2026-08-10', CreatedDate: CREATED })
  ];
  const history = indexHistory([
    change('big', 'StageName', 'Prospecting', 'Closed Won', '2026-08-01T10:00:00.000Z'),
    change('big', 'ForecastCategoryName', 'Pipeline', 'Closed', '2026-08-01T10:00:00.000Z'),
    change('sure', 'StageName', 'Negotiation', 'Closed Won', '2026-08-10T10:00:00.000Z'),
    change('sure', 'ForecastCategoryName', 'Commit', 'Closed', '2026-08-10T10:00:00.000Z')
  ]);
  const catalog = new StageCatalog(STAGES, deals);

  it('uses the size of the miss: commit 60 against 160 won is 1 - 100 / 160 = 0.375', () => {
    const result = forecastAccuracy(deals, history, Q3, TODAY, catalog);
    expect(result.commitAtStart).toBe(60);
    expect(result.closedWon).toBe(160);
    // Without the absolute value this would be 1 + 100 / 160 = 1.625, above a perfect forecast.
    expect(result.accuracy).toBe(0.375);
  });

  it('scores an under-commit and an over-commit of the same size alike', () => {
    // Over: commit 260 (both Commit at the start... plus 100 more) against 160 won, the same
    // miss of 100 the other way.
    const extra = deal({
      Id: 'slipped',
      Amount: 100,
      CloseDate: '2026-10-15',
      StageName: 'Negotiation',
      ForecastCategoryName: 'Commit',
      CreatedDate: CREATED
    });
    const overHistory = indexHistory([
      change('big', 'StageName', 'Negotiation', 'Closed Won', '2026-08-01T10:00:00.000Z'),
      change('big', 'ForecastCategoryName', 'Commit', 'Closed', '2026-08-01T10:00:00.000Z'),
      change('sure', 'StageName', 'Negotiation', 'Closed Won', '2026-08-10T10:00:00.000Z'),
      change('sure', 'ForecastCategoryName', 'Commit', 'Closed', '2026-08-10T10:00:00.000Z'),
      change('slipped', 'CloseDate', '2026-09-20', '2026-10-15', '2026-09-10T10:00:00.000Z')
    ]);
    const over = forecastAccuracy([...deals, extra], overHistory, Q3, TODAY, catalog);
    expect(over.commitAtStart).toBe(260);
    expect(over.closedWon).toBe(160);
    expect(over.accuracy).toBe(0.375);
  });
});

describe('forecastAccuracy at the edges of the period', () => {
  const catalog = new StageCatalog(STAGES, []);

  it('counts a deal won on the period’s last day and leaves out one won the day after', () => {
    const deals = [
      wonDeal({ Id: 'last', Amount: 40, CloseDate: '2026-09-30', CreatedDate: CREATED }),
      wonDeal({ Id: 'after', Amount: 1000, CloseDate: '2026-10-01', CreatedDate: CREATED }),
      wonDeal({ Id: 'before', Amount: 2000, CloseDate: '2026-06-30', CreatedDate: CREATED })
    ];
    // No history: each deal stood at the start as it stands now. Only 'last' closes in Q3.
    const result = forecastAccuracy(deals, indexHistory([]), Q3, TODAY, catalog);
    expect(result.closedWon).toBe(40);
    expect(result.commitAtStart).toBe(40);
    expect(result.accuracy).toBe(1);
  });

  it('counts a deal won on the period’s first day', () => {
    const deals = [
      wonDeal({ Id: 'first', Amount: 25, CloseDate: '2026-07-01', CreatedDate: CREATED })
    ];
    expect(forecastAccuracy(deals, indexHistory([]), Q3, TODAY, catalog).closedWon).toBe(25);
  });

  it('is blank on the period’s last day and known the day after', () => {
    const deals = [wonDeal({ Id: 'w', Amount: 10, CloseDate: '2026-08-01', CreatedDate: CREATED })];
    expect(
      forecastAccuracy(deals, indexHistory([]), Q3, '2026-09-30', catalog).accuracy
    ).toBeNull();
    expect(forecastAccuracy(deals, indexHistory([]), Q3, '2026-10-01', catalog).accuracy).toBe(1);
  });
});

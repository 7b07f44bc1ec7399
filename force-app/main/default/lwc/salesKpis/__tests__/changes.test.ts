import {
  CHANGE_KINDS,
  changesSince,
  forecastAccuracy,
  indexHistory,
  parsePeriod,
  pipelineAsOf,
  StageCatalog,
  dayNumber,
  isoDate,
  stateAtEndOf
} from 'c/salesKpis';
import { STAGES, change, deal, lostDeal, wonDeal } from './factBuilders';

const Q4 = parsePeriod('2026-Q4');
const D = '2026-11-09';

// A week of pipeline review: each deal shows one kind of change since D; see the arithmetic in
// each test.
const DEALS = [
  // 1: amount 80 -> 100 after D.
  deal({
    Id: 'up',
    Amount: 100,
    Probability: 60,
    ForecastCategoryName: 'Commit',
    CloseDate: '2026-12-10'
  }),
  // 2: created after D.
  deal({ Id: 'new', Amount: 50, CreatedDate: '2026-11-12T10:00:00.000Z', CloseDate: '2026-12-01' }),
  // 3: created on D itself.
  deal({
    Id: 'newOnD',
    Amount: 30,
    CreatedDate: '2026-11-09T08:00:00.000Z',
    CloseDate: '2026-11-30'
  }),
  // 4: pushed from 2026-12-20 out of the quarter.
  deal({
    Id: 'out',
    Amount: 70,
    Probability: 40,
    ForecastCategoryName: 'Best Case',
    CloseDate: '2027-02-15'
  }),
  // 5: pulled in from 2027-01-10 into the quarter.
  deal({ Id: 'in', Amount: 40, CreatedDate: '2026-07-01T09:00:00.000Z', CloseDate: '2026-11-25' }),
  // 6: won after D, amount 100 -> 90 at the same time.
  wonDeal({ Id: 'won', Amount: 90, CloseDate: '2026-11-11' }),
  // 7: lost after D, close date pulled in from 2026-12-05 when it was lost.
  lostDeal({ Id: 'lost', Amount: 25, CloseDate: '2026-11-14' }),
  // 8: lost before D: no change since D.
  lostDeal({ Id: 'lostBefore', Amount: 60, CloseDate: '2026-10-15' }),
  // 9: amount changed before D only.
  deal({ Id: 'before', Amount: 200, Probability: 10, CloseDate: '2026-12-31' }),
  // 10: amount 5 -> 10 one second before the end of D.
  deal({
    Id: 'lateOnD',
    Amount: 10,
    Probability: 50,
    ForecastCategoryName: 'Best Case',
    CloseDate: '2026-12-02'
  }),
  // 11: pushed, but never in the quarter.
  deal({ Id: 'elsewhere', Amount: 500, CloseDate: '2027-03-01' })
];

const HISTORY = [
  change('up', 'Amount', 80, 100, '2026-11-10T09:00:00.000Z'),
  change('new', 'created', null, null, '2026-11-12T10:00:00.000Z'),
  change('out', 'CloseDate', '2026-12-20', '2027-02-15', '2026-11-13T12:00:00.000Z'),
  change('in', 'CloseDate', '2027-01-10', '2026-11-25', '2026-11-10T00:00:00.000Z'),
  change('won', 'StageName', 'Negotiation', 'Closed Won', '2026-11-11T15:00:00.000Z'),
  change('won', 'Amount', 100, 90, '2026-11-11T15:00:00.000Z'),
  change('won', 'ForecastCategoryName', 'Commit', 'Closed', '2026-11-11T15:00:00.000Z'),
  change('lost', 'StageName', 'Proposal', 'Closed Lost', '2026-11-14T09:00:00.000Z'),
  change('lost', 'CloseDate', '2026-12-05', '2026-11-14', '2026-11-14T09:00:00.000Z'),
  change('before', 'Amount', '150', '200', '2026-11-02T09:00:00.000Z'),
  change('lateOnD', 'Amount', 5, 10, '2026-11-09T23:59:59.000Z'),
  change('elsewhere', 'CloseDate', '2027-02-01', '2027-03-01', '2026-11-10T09:00:00.000Z')
];

const catalog = new StageCatalog(STAGES, DEALS);
const history = indexHistory(HISTORY);

describe('changesSince', () => {
  const changes = changesSince(DEALS, history, D, Q4, catalog);

  it('counts new deals created on or after D, including on D itself', () => {
    // "new" 50 + "newOnD" 30.
    expect(changes.newDeals).toEqual({ count: 2, amount: 80 });
  });

  it('counts deals won and lost on or after D at their current amount', () => {
    expect(changes.won).toEqual({ count: 1, amount: 90 });
    expect(changes.lost).toEqual({ count: 1, amount: 25 });
  });

  it('counts close-date pushes and pull-ins of deals in the quarter then or now', () => {
    // Pushed: "out" (70); "elsewhere" was never in the quarter. Pulled in: "in" 40 + "lost" 25.
    expect(changes.pushed).toEqual({ count: 1, amount: 70 });
    expect(changes.pulledIn).toEqual({ count: 2, amount: 65 });
  });

  it('nets amount changes per deal and reports the size of the change', () => {
    // Up: "up" +20, "lateOnD" +5 (changed on D, after the start of D). Down: "won" -10.
    expect(changes.amountUp).toEqual({ count: 2, amount: 25 });
    expect(changes.amountDown).toEqual({ count: 1, amount: 10 });
  });

  it('counts deals moved out of and into the quarter', () => {
    expect(changes.movedOut).toEqual({ count: 1, amount: 70 });
    expect(changes.movedIn).toEqual({ count: 1, amount: 40 });
  });

  it('lists each changed deal with the tallies it counts in and its values at the start of D', () => {
    const byId = new Map(changes.deals.map((entry) => [entry.id, entry]));
    expect(byId.get('new')).toEqual({ id: 'new', kinds: ['newDeals'], before: null });
    expect(byId.get('won')?.kinds).toEqual(['won', 'amountDown']);
    expect(byId.get('won')?.before).toEqual({
      Amount: 100,
      CloseDate: '2026-11-11',
      StageName: 'Negotiation',
      ForecastCategoryName: 'Commit'
    });
    expect(byId.get('out')?.kinds).toEqual(['pushed', 'movedOut']);
    expect(byId.get('out')?.before?.CloseDate).toBe('2026-12-20');
    expect(byId.get('in')?.kinds).toEqual(['pulledIn', 'movedIn']);
    expect(byId.has('lostBefore')).toBe(false);
    expect(byId.has('before')).toBe(false);
    expect(byId.has('elsewhere')).toBe(false);
  });

  it('counts every listed deal in exactly the tallies it names', () => {
    for (const kind of CHANGE_KINDS) {
      const listed = changes.deals.filter((entry) => entry.kinds.includes(kind));
      expect([kind, listed.length]).toEqual([kind, changes[kind].count]);
    }
  });

  it('bridges the pipeline at the start of D to the pipeline now, to the unit', () => {
    // Opening (open in Q4 at the start of D): up 80 + out 70 + won 100 + lost 25 + before 200 +
    // lateOnD 5 = 480. Closing: up 100 + new 50 + newOnD 30 + in 40 + before 200 + lateOnD 10 = 430.
    expect(changes.bridge).toEqual({
      opening: 480,
      newDeals: 80,
      movedIn: 40,
      amountChange: 25,
      won: 100,
      lost: 25,
      movedOut: 70,
      movedEarlier: 0,
      closing: 430
    });
    const b = changes.bridge;
    expect(
      b.opening +
        b.newDeals +
        b.movedIn +
        b.amountChange -
        b.won -
        b.lost -
        b.movedOut -
        b.movedEarlier
    ).toBe(b.closing);
  });

  it('classifies a deal pulled in before the quarter as moved earlier', () => {
    const early = [deal({ Id: 'early', Amount: 15, CloseDate: '2026-09-28' })];
    const result = changesSince(
      early,
      indexHistory([
        change('early', 'CloseDate', '2026-10-05', '2026-09-28', '2026-11-10T09:00:00.000Z')
      ]),
      D,
      Q4,
      catalog
    );
    expect(result.bridge).toMatchObject({ opening: 15, movedEarlier: 15, closing: 0 });
    expect(result.pulledIn).toEqual({ count: 1, amount: 15 });
  });
});

describe('pipelineAsOf', () => {
  const snapshot = pipelineAsOf(DEALS, history, D, Q4, catalog);

  it('rebuilds the pipeline as it stood at the end of D', () => {
    // The opening 480 without lateOnD's 5, plus its 10 (changed before the end of D) and
    // newOnD's 30 (created on D): 480 - 5 + 10 + 30 = 515.
    expect(snapshot.openPipeline).toBe(515);
    expect(snapshot.openCount).toBe(7);
    expect(snapshot.deals.map((d) => d.Id).sort()).toEqual(
      ['before', 'lateOnD', 'lost', 'lostBefore', 'newOnD', 'out', 'up', 'won'].sort()
    );
  });

  it('takes the stage, category and default probability a deal had then', () => {
    const won = snapshot.deals.find((d) => d.Id === 'won');
    expect(won).toMatchObject({
      StageName: 'Negotiation',
      Amount: 100,
      ForecastCategoryName: 'Commit',
      Probability: 70,
      IsClosed: false
    });
    // "lost" had no category history: its stage then (Proposal) gives Best Case and 50 %.
    expect(snapshot.deals.find((d) => d.Id === 'lost')).toMatchObject({
      ForecastCategoryName: 'Best Case',
      Probability: 50,
      CloseDate: '2026-12-05'
    });
  });

  it('rolls the pipeline then up by forecast category and weights it by probability then', () => {
    // Commit: up 80 + won 100 = 180. Best Case adds out 70 + lost 25 + lateOnD 10 = 285.
    // Pipeline adds newOnD 30 + before 200 = 515.
    expect(snapshot.rollup).toEqual({
      closed: 0,
      commit: 180,
      bestCase: 285,
      openPipeline: 515,
      omitted: 0
    });
    // 80x60% + 30x10% + 70x40% + 200x10% + 10x50% + 100x70% + 25x50%
    // = 48 + 3 + 28 + 20 + 5 + 70 + 12.5 = 186.5.
    expect(snapshot.weightedPipeline).toBeCloseTo(186.5, 9);
  });
});

describe('StageCatalog', () => {
  it('infers unknown stages from their name', () => {
    const empty = new StageCatalog();
    expect(empty.describe('Won - Signed')).toMatchObject({ IsClosed: true, IsWon: true });
    expect(empty.describe('Lost to competitor')).toMatchObject({ IsClosed: true, IsWon: false });
    expect(empty.describe('Discovery')).toMatchObject({ IsClosed: false, IsWon: false });
  });

  it('learns stages from current deals when the org stages are not given', () => {
    const learned = new StageCatalog([], [wonDeal({ Id: 'x', StageName: 'Signed' })]);
    expect(learned.describe('Signed')).toMatchObject({ IsClosed: true, IsWon: true });
  });
});

describe('forecastAccuracy', () => {
  const Q3 = parsePeriod('2026-Q3');
  const q3Deals = [
    wonDeal({
      Id: 'w1',
      Amount: 100,
      CloseDate: '2026-08-20',
      CreatedDate: '2026-05-01T09:00:00.000Z'
    }),
    wonDeal({
      Id: 'w2',
      Amount: 60,
      CloseDate: '2026-09-15',
      CreatedDate: '2026-05-01T09:00:00.000Z'
    }),
    lostDeal({
      Id: 'l1',
      Amount: 50,
      CloseDate: '2026-09-01',
      CreatedDate: '2026-05-01T09:00:00.000Z'
    }),
    deal({
      Id: 'p1',
      Amount: 40,
      CloseDate: '2026-10-20',
      ForecastCategoryName: 'Commit',
      StageName: 'Negotiation',
      CreatedDate: '2026-05-01T09:00:00.000Z'
    }),
    wonDeal({
      Id: 'w0',
      Amount: 20,
      CloseDate: '2026-07-01',
      CreatedDate: '2026-05-01T09:00:00.000Z'
    })
  ];
  const q3History = indexHistory([
    change('w1', 'StageName', 'Negotiation', 'Closed Won', '2026-08-20T10:00:00.000Z'),
    change('w1', 'ForecastCategoryName', 'Commit', 'Closed', '2026-08-20T10:00:00.000Z'),
    change('w2', 'StageName', 'Prospecting', 'Closed Won', '2026-09-15T10:00:00.000Z'),
    change('w2', 'ForecastCategoryName', 'Pipeline', 'Closed', '2026-09-15T10:00:00.000Z'),
    change('l1', 'StageName', 'Negotiation', 'Closed Lost', '2026-09-01T10:00:00.000Z'),
    change('l1', 'ForecastCategoryName', 'Commit', 'Omitted', '2026-09-01T10:00:00.000Z'),
    change('p1', 'CloseDate', '2026-09-30', '2026-10-20', '2026-09-29T10:00:00.000Z'),
    change('w0', 'StageName', 'Negotiation', 'Closed Won', '2026-07-01T10:00:00.000Z')
  ]);
  const q3Catalog = new StageCatalog(STAGES, q3Deals);

  it('compares the commit roll-up at the end of the first day with closed won', () => {
    // Commit at the end of 1 July: won w0 20 + open Commit w1 100 + l1 50 + p1 40 = 210.
    // Closed won now: w1 100 + w2 60 + w0 20 = 180. Accuracy 1 - |210 - 180| / 180 = 5/6.
    const accuracy = forecastAccuracy(q3Deals, q3History, Q3, '2026-11-16', q3Catalog);
    expect(accuracy.commitAtStart).toBe(210);
    expect(accuracy.closedWon).toBe(180);
    expect(accuracy.accuracy).toBeCloseTo(5 / 6, 12);
  });

  it('is blank for a period that has not ended and when nothing was won', () => {
    expect(forecastAccuracy(q3Deals, q3History, Q3, '2026-09-30', q3Catalog).accuracy).toBeNull();
    expect(forecastAccuracy([], q3History, Q3, '2026-11-16', q3Catalog).accuracy).toBeNull();
  });

  it('is not clamped: a commit of three times the result gives -1', () => {
    const over = [
      wonDeal({
        Id: 'a',
        Amount: 10,
        CloseDate: '2026-08-01',
        CreatedDate: '2026-05-01T09:00:00.000Z'
      }),
      deal({
        Id: 'b',
        Amount: 20,
        CloseDate: '2026-08-15',
        ForecastCategoryName: 'Commit',
        CreatedDate: '2026-05-01T09:00:00.000Z'
      })
    ];
    // Without history, a stood as it is now (won) at the start: Closed 10 + open Commit b 20
    // = 30; 1 - |30 - 10| / 10 = -1.
    expect(forecastAccuracy(over, indexHistory([]), Q3, '2026-11-16', q3Catalog).accuracy).toBe(-1);
  });
});

describe('stateAtEndOf', () => {
  const lateOnD = DEALS[9];
  const newOnD = DEALS[2];
  // The end of the day before D is the start of D.
  const dayBeforeD = isoDate(dayNumber(D) - 1);

  it('puts a change made on D after the start of D and before its end', () => {
    expect(stateAtEndOf(lateOnD, history.get('lateOnD'), dayBeforeD, catalog)?.Amount).toBe(5);
    expect(stateAtEndOf(lateOnD, history.get('lateOnD'), D, catalog)?.Amount).toBe(10);
  });

  it('knows no deal before it was created', () => {
    expect(stateAtEndOf(newOnD, undefined, dayBeforeD, catalog)).toBeNull();
    expect(stateAtEndOf(newOnD, undefined, D, catalog)).toMatchObject({ Amount: 30 });
  });

  it('keeps a tracked category when only the stage changed since', () => {
    // The category was set to Best Case before D and is tracked; the stage moved on after D
    // without a category row, so the category then was still Best Case, not Proposal's default.
    const tracked = deal({ Id: 't', StageName: 'Negotiation', ForecastCategoryName: 'Best Case' });
    const rows = indexHistory([
      change('t', 'ForecastCategoryName', 'Pipeline', 'Best Case', '2026-11-01T09:00:00.000Z'),
      change('t', 'StageName', 'Prospecting', 'Negotiation', '2026-11-12T09:00:00.000Z')
    ]);
    expect(stateAtEndOf(tracked, rows.get('t'), D, catalog)).toMatchObject({
      StageName: 'Prospecting',
      ForecastCategoryName: 'Best Case',
      Probability: 10
    });
  });
});

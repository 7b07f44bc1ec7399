import {
  closeDateMoves,
  computeSlippage,
  computeStageAgeing,
  indexHistory,
  parsePeriod,
  stageAge,
  StageCatalog
} from 'c/salesKpis';
import { STAGES, change, deal, wonDeal } from './factBuilders';

const Q4 = parsePeriod('2026-Q4');

const DEALS = [
  // Pushed twice since 1 October: 15 Nov -> 1 Dec (16 days) -> 20 Dec (19 days).
  deal({ Id: 'twice', Amount: 100, CloseDate: '2026-12-20', Close_Date_Push_Count__c: 2 }),
  // Pulled in from 10 December to 30 October.
  deal({ Id: 'pulled', Amount: 50, CloseDate: '2026-10-30', Close_Date_Push_Count__c: 0 }),
  // Pushed out of the quarter: 15 Dec -> 20 Jan (36 days).
  deal({ Id: 'out', Amount: 70, CloseDate: '2027-01-20', Close_Date_Push_Count__c: 1 }),
  // Pushed before the window only.
  deal({ Id: 'early', Amount: 30, CloseDate: '2026-11-20', Close_Date_Push_Count__c: 1 })
];
const HISTORY = indexHistory([
  change('twice', 'CloseDate', '2026-11-15', '2026-12-01', '2026-10-10T09:00:00.000Z'),
  change('twice', 'CloseDate', '2026-12-01', '2026-12-20', '2026-11-05T09:00:00.000Z'),
  change('pulled', 'CloseDate', '2026-12-10', '2026-10-30', '2026-10-20T09:00:00.000Z'),
  change('out', 'CloseDate', '2026-12-15', '2027-01-20', '2026-11-01T09:00:00.000Z'),
  change('early', 'CloseDate', '2026-09-20', '2026-11-20', '2026-09-15T09:00:00.000Z')
]);
const catalog = new StageCatalog(STAGES, DEALS);

describe('computeSlippage', () => {
  const slippage = computeSlippage(DEALS, HISTORY, Q4, catalog);

  it('counts every push and pull-in made since the start of the period', () => {
    // Pushes: twice x2 + out x1 = 3, of 2 deals worth 100 + 70; early's push was in September.
    expect(slippage).toMatchObject({ pushes: 3, pushedDeals: 2, pushedAmount: 170 });
    expect(slippage).toMatchObject({ pullIns: 1, pulledInDeals: 1, pulledInAmount: 50 });
    // (16 + 19 + 36) / 3 days per push.
    expect(slippage.averagePushDays).toBeCloseTo(71 / 3, 12);
  });

  it('counts the deals moved out of the period', () => {
    expect(slippage).toMatchObject({ movedOutDeals: 1, movedOutAmount: 70 });
  });

  it('reads lifetime pushes from the stored push count', () => {
    // Open deals in Q4: twice (2), pulled (0), early (1): two pushed ever, one twice or more.
    expect(slippage.shareOfOpenDealsPushed).toBeCloseTo(2 / 3, 12);
    expect(slippage.repeatedlyPushedDeals).toBe(1);
  });

  it('honours a later "since" date', () => {
    // Since 1 November: twice's second push and out's push remain; the pull-in is older.
    const since = computeSlippage(DEALS, HISTORY, Q4, catalog, '2026-11-01');
    expect(since).toMatchObject({ pushes: 2, pushedDeals: 2, pullIns: 0, movedOutDeals: 1 });
  });

  it('is blank, not NaN, without deals', () => {
    const empty = computeSlippage([], HISTORY, Q4, catalog);
    expect(empty.averagePushDays).toBeNull();
    expect(empty.shareOfOpenDealsPushed).toBeNull();
  });
});

describe('closeDateMoves', () => {
  it('skips close-date rows with a blank side', () => {
    const rows = indexHistory([
      change('x', 'CloseDate', null, '2026-12-01', '2026-10-01T00:00:00.000Z')
    ]);
    expect(closeDateMoves(rows.get('x'))).toEqual([]);
  });
});

describe('stage ageing', () => {
  const today = '2026-11-16';
  const stageHistory = indexHistory([
    change('h', 'StageName', 'Prospecting', 'Proposal', '2026-11-10T12:00:00.000Z')
  ]);

  it('counts days since the stored stage-entry date, else since the last stage change', () => {
    expect(stageAge(deal({ Id: 's', Stage_Entered_On__c: '2026-11-01' }), today)).toBe(15);
    expect(stageAge(deal({ Id: 'h', StageName: 'Proposal' }), today, stageHistory)).toBe(6);
    expect(stageAge(deal({ Id: 'u' }), today, stageHistory)).toBeNull();
  });

  it('summarises open deals per stage in the org stage order', () => {
    const rows = computeStageAgeing(
      [
        deal({ Id: 'a', StageName: 'Proposal', Amount: 10, Stage_Entered_On__c: '2026-11-06' }),
        deal({ Id: 'b', StageName: 'Proposal', Amount: 20, Stage_Entered_On__c: '2026-10-27' }),
        deal({ Id: 'c', StageName: 'Prospecting', Amount: 5, Stage_Entered_On__c: '2026-11-15' }),
        deal({ Id: 'u', StageName: 'Prospecting', Amount: 5 }),
        wonDeal({ Id: 'w', Stage_Entered_On__c: '2020-01-01' })
      ],
      today,
      undefined,
      STAGES.map((s) => s.ApiName)
    );
    // Proposal: ages 10 and 20 -> mean 15, max 20. Prospecting: 1 known, 1 unknown.
    expect(rows).toEqual([
      {
        stageName: 'Prospecting',
        count: 2,
        amount: 10,
        averageAgeDays: 1,
        maxAgeDays: 1,
        unknownAgeCount: 1
      },
      {
        stageName: 'Proposal',
        count: 2,
        amount: 30,
        averageAgeDays: 15,
        maxAgeDays: 20,
        unknownAgeCount: 0
      }
    ]);
  });
});

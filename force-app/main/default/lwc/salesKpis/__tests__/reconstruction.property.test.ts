import {
  addDays,
  changesSince,
  dayNumber,
  indexHistory,
  parsePeriod,
  pipelineAsOf,
  StageCatalog
} from 'c/salesKpis';
import type { Deal, DealState, ForecastCategoryName, OpportunityHistoryRow } from 'c/salesKpis';
import fc from 'fast-check';
import { STAGES } from './factBuilders';

/**
 * Property tests of history reconstruction against a simulation: each generated deal starts in
 * some state and receives random changes at random moments. The simulation keeps the true state
 * at every moment and writes OpportunityFieldHistory rows as Salesforce would; the module sees
 * only the final records and the rows, and must give back the true past.
 */

const Q4 = parsePeriod('2026-Q4');
const BASE_MS = Date.UTC(2026, 7, 1); // 2026-08-01
const DAY_MS = 86_400_000;
const CATALOG = new StageCatalog(STAGES);
const stageInfo = new Map(STAGES.map((s) => [s.ApiName, s]));

type Field = 'StageName' | 'Amount' | 'CloseDate' | 'ForecastCategoryName';
interface SimState {
  StageName: string;
  Amount: number | null;
  CloseDate: string;
  ForecastCategoryName: ForecastCategoryName;
}
interface SimChange {
  at: number;
  field: Field;
  value: string | number | null;
}
interface SimDeal {
  id: string;
  createdAt: number;
  initial: SimState;
  changes: SimChange[];
}

const stageArb = fc.constantFrom(...STAGES.map((s) => s.ApiName));
const categoryArb = fc.constantFrom<ForecastCategoryName>(
  'Pipeline',
  'Best Case',
  'Commit',
  'Omitted'
);
const closeArb = fc
  .integer({ min: 14, max: 210 })
  .map((d) => new Date(BASE_MS + d * DAY_MS).toISOString().slice(0, 10));
const amountArb = fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null, freq: 8 });

const simDealArb = (index: number): fc.Arbitrary<SimDeal> =>
  fc
    .record({
      createdOffset: fc.integer({ min: 0, max: 120 * DAY_MS }),
      initial: fc.record({
        StageName: stageArb,
        Amount: amountArb,
        CloseDate: closeArb
      }),
      changes: fc.array(
        fc.record({
          delay: fc.integer({ min: 1, max: 60 * DAY_MS }),
          field: fc.constantFrom<Field>('StageName', 'Amount', 'CloseDate', 'ForecastCategoryName'),
          stage: stageArb,
          amount: amountArb,
          close: closeArb,
          category: categoryArb
        }),
        { maxLength: 6 }
      )
    })
    .map(({ createdOffset, initial, changes }) => {
      const createdAt = BASE_MS + createdOffset;
      const sorted = changes
        .map((c) => ({ ...c, at: createdAt + c.delay }))
        .sort((a, b) => a.at - b.at);
      return {
        id: `deal${index}`,
        createdAt,
        // A new deal takes its stage's default category, as Salesforce sets it.
        initial: { ...initial, ForecastCategoryName: defaultCategory(initial.StageName) },
        changes: sorted.map((c) => ({
          at: c.at,
          field: c.field,
          value:
            c.field === 'StageName'
              ? c.stage
              : c.field === 'Amount'
                ? c.amount
                : c.field === 'CloseDate'
                  ? c.close
                  : c.category
        }))
      };
    });

function defaultCategory(stage: string): ForecastCategoryName {
  return stageInfo.get(stage)?.ForecastCategoryName ?? 'Pipeline';
}

/** Closed stages force their category, as Salesforce does. */
function categoryFor(stage: string, requested: ForecastCategoryName): ForecastCategoryName {
  const info = stageInfo.get(stage);
  if (info?.IsWon) return 'Closed';
  if (info?.IsClosed) return 'Omitted';
  return requested;
}

/** Replays the changes before `instant`, writing history rows as it goes. */
function replay(sim: SimDeal, instant: number, rows?: OpportunityHistoryRow[]): SimState {
  const state = { ...sim.initial };
  for (const c of sim.changes) {
    if (c.at >= instant) break;
    const createdDate = new Date(c.at).toISOString();
    const write = (field: Field, value: string | number | null) => {
      const old = state[field];
      if (old === value) return;
      rows?.push({
        OpportunityId: sim.id,
        Field: field,
        OldValue: old,
        NewValue: value,
        CreatedDate: createdDate
      });
      (state as Record<Field, string | number | null>)[field] = value;
    };
    if (c.field === 'StageName') {
      write('StageName', c.value);
      // A stage change resets the category to the stage's default, tracked like any change.
      write('ForecastCategoryName', defaultCategory(String(c.value)));
    } else if (c.field === 'ForecastCategoryName') {
      write('ForecastCategoryName', categoryFor(state.StageName, c.value as ForecastCategoryName));
    } else {
      write(c.field, c.value);
    }
  }
  return state;
}

function asDealState(sim: SimDeal, state: SimState): DealState {
  const info = stageInfo.get(state.StageName);
  return {
    Id: sim.id,
    OwnerId: 'seller1',
    ...state,
    Probability: info?.DefaultProbability ?? null,
    IsClosed: info?.IsClosed ?? false,
    IsWon: info?.IsWon ?? false
  };
}

function build(sims: SimDeal[]): { deals: Deal[]; rows: OpportunityHistoryRow[] } {
  const rows: OpportunityHistoryRow[] = [];
  const deals = sims.map((sim) => {
    const state = asDealState(sim, replay(sim, Number.MAX_SAFE_INTEGER, rows));
    return { ...state, CreatedDate: new Date(sim.createdAt).toISOString() } as Deal;
  });
  // Salesforce returns history newest first; the module must not depend on the order.
  rows.reverse();
  return { deals, rows };
}

const scenarioArb = fc
  .integer({ min: 1, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => simDealArb(i))))
  .chain((sims) =>
    fc.record({ sims: fc.constant(sims), sinceOffset: fc.integer({ min: 20, max: 160 }) })
  );

function inQ4(date: string): boolean {
  const day = dayNumber(date);
  return day >= dayNumber(Q4.start) && day <= dayNumber(Q4.end);
}

describe('history reconstruction (property)', () => {
  it('rebuilds every deal exactly as it stood at the end of D', () => {
    fc.assert(
      fc.property(scenarioArb, ({ sims, sinceOffset }) => {
        const { deals, rows } = build(sims);
        const since = addDays('2026-08-01', sinceOffset);
        const endOfD = BASE_MS + (sinceOffset + 1) * DAY_MS;
        const expected = sims
          .filter((sim) => sim.createdAt < endOfD)
          .map((sim) => asDealState(sim, replay(sim, endOfD)))
          .filter((state) => inQ4(state.CloseDate));
        const snapshot = pipelineAsOf(deals, indexHistory(rows, deals), since, Q4, CATALOG);
        expect(snapshot.deals).toEqual(expected);
      }),
      { numRuns: 300 }
    );
  });

  it('reconciles the pipeline at the start of D with the pipeline now', () => {
    fc.assert(
      fc.property(scenarioArb, ({ sims, sinceOffset }) => {
        const { deals, rows } = build(sims);
        const since = addDays('2026-08-01', sinceOffset);
        const startOfD = BASE_MS + sinceOffset * DAY_MS;
        const openAmount = (states: DealState[]) =>
          states
            .filter((s) => !s.IsClosed && inQ4(s.CloseDate))
            .reduce((sum, s) => sum + (s.Amount ?? 0), 0);
        const then = sims
          .filter((sim) => sim.createdAt < startOfD)
          .map((sim) => asDealState(sim, replay(sim, startOfD)));
        const changes = changesSince(deals, indexHistory(rows, deals), since, Q4, CATALOG);
        const b = changes.bridge;
        expect(b.opening).toBe(openAmount(then));
        expect(b.closing).toBe(openAmount(deals));
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
        // Every new deal was created on or after D; won counts deals not won at the start of D.
        const thenById = new Map(then.map((s) => [s.Id, s]));
        const wonSince = deals.filter(
          (d) => d.IsWon && inQ4(d.CloseDate) && !thenById.get(d.Id)?.IsWon
        );
        expect(changes.won.count).toBe(wonSince.length);
        const created = deals.filter((d) => !thenById.has(d.Id) && inQ4(d.CloseDate));
        expect(changes.newDeals.count).toBe(created.length);
      }),
      { numRuns: 300 }
    );
  });
});

/**
 * The KPIs of KPI_Snapshot__c are formula fields, and c/salesKpis defines the same KPIs for the
 * components: the one rule is written twice, so each formula field is evaluated here by the Apex
 * runtime (the project's formula engine, as the org computes a formula field when it is read) on
 * facts derived from sample inputs, and must give what c/salesKpis computes from those inputs.
 * A Percent formula reads 25 for 25 % through the API, as the runtime returns it; Number and
 * Percent results are rounded to the field's scale.
 */
import { loadProject } from '../../../apex-runtime/src/metadata/loadProject';
import { valueFromJson, valueToJson } from '../../../apex-runtime/src/platform/fieldValues';
import { testOrg } from '../../../apex-runtime/src/platform/orgs';
import { loadEmbeddedOrg } from '../../org/embeddedOrg';
import {
  addDays,
  coachingSessionsPerSellerPerMonth,
  computeAdoption,
  computeDataQuality,
  computePipelineKpis,
  pipelineKpisFromSums,
  dateRange,
  teamTimeWithCustomers,
  type CoachingSession,
  type Deal,
  type StrategyTargets
} from '../../../force-app/main/default/lwc/salesKpis/salesKpis';

const org = testOrg(loadProject());
const db = org.database;
const STRATEGY: StrategyTargets = {
  Target_Pipeline_Coverage__c: 3,
  Target_Win_Rate__c: 35,
  Target_Data_Quality_Score__c: 80,
  Target_Time_With_Customers__c: 40,
  Target_Coaching_Sessions__c: 2
};

/** Inserts a record from JSON values, as the sample data and the API carry them. */
function insert(objectName: string, values: Record<string, unknown>) {
  const stored = Object.fromEntries(
    Object.entries(values).map(([name, json]) => [
      name,
      valueFromJson(db.schema.field(objectName, name)!, json, `${objectName}.${name}`)
    ])
  );
  return db.insert(objectName, stored);
}

const strategyId = insert('Strategy_Version__c', {
  Name: 'Strategy 2026',
  Status__c: 'Published',
  ...STRATEGY
}).Id as string;

function formulaValues(facts: Record<string, unknown>): Record<string, number | null> {
  const row = insert('KPI_Snapshot__c', { Strategy_Version__c: strategyId, ...facts });
  const result: Record<string, number | null> = {};
  for (const field of db.schema.object('KPI_Snapshot__c')!.fields.values()) {
    if (field.formula !== undefined) {
      result[field.name] = valueToJson(db.read('KPI_Snapshot__c', row, field)) as number | null;
    }
  }
  return result;
}

/** A KPI as a formula field of that scale returns it: rounded half up, blank for null. */
function rounded(kpi: number | null, scale: number): number | null {
  return kpi === null ? null : Math.round(kpi * 10 ** scale) / 10 ** scale;
}

const percent = (value: number | null): number | null => (value === null ? null : value * 100);

let dealCount = 0;

function deal(overrides: Partial<Deal>): Deal {
  dealCount++;
  return {
    Id: `006${String(dealCount).padStart(12, '0')}`,
    OwnerId: '005000000000001',
    StageName: 'Prospecting',
    Amount: 1000,
    Probability: 10,
    CloseDate: '2026-11-30',
    CreatedDate: '2026-10-01T08:00:00.000Z',
    IsClosed: false,
    IsWon: false,
    ...overrides
  } as Deal;
}

describe('KPI_Snapshot__c formula fields equal c/salesKpis', () => {
  it.each([
    ['open, won and lost deals with a target', [120000, 30000], [40000], [10000, 5000], 200000],
    ['the target already met', [50000], [250000], [], 200000],
    ['no target', [50000], [20000], [20000], null],
    ['no closed deals and a zero target', [1000], [], [], 0]
  ])('coverage, win rate and attainment: %s', (_name, open, won, lost, target) => {
    const deals = [
      ...open.map((Amount) => deal({ Amount })),
      ...won.map((Amount) => deal({ Amount, IsClosed: true, IsWon: true })),
      ...lost.map((Amount) => deal({ Amount, IsClosed: true }))
    ];
    const kpis = computePipelineKpis(deals, target);
    const values = formulaValues({
      Open_Pipeline__c: kpis.openPipeline,
      Closed_Won__c: kpis.closedWon,
      Closed_Lost__c: kpis.closedLost,
      Target__c: target,
      Open_Deals__c: kpis.openCount,
      Won_Deals__c: kpis.wonCount,
      Lost_Deals__c: kpis.lostCount
    });
    expect(values.Coverage__c).toBe(
      rounded(kpis.coverage?.kind === 'ratio' ? kpis.coverage.value : null, 2)
    );
    expect(values.Win_Rate__c).toBe(rounded(percent(kpis.winRateByCount), 2));
    expect(values.Attainment__c).toBe(rounded(percent(kpis.attainment), 2));
  });

  it.each([
    ['scored deals, some below the target', [95, 80, 79, 40, null]],
    ['no scored deal', [null, null]],
    ['no open deal', []]
  ])('data-quality average and share at target: %s', (_name, scores) => {
    const deals = scores.map((score) => deal({ Data_Quality_Score__c: score }));
    const kpis = computeDataQuality(deals, STRATEGY);
    const scored = scores.filter((score): score is number => score !== null);
    const values = formulaValues({
      Scored_Deals__c: scored.length,
      Score_Sum__c: scored.reduce((sum, score) => sum + score, 0),
      Deals_At_Target__c: scored.filter((score) => score >= 80).length
    });
    expect(values.Data_Quality_Average__c).toBe(rounded(kpis.averageScore, 1));
    expect(values.Share_At_Target__c).toBe(rounded(percent(kpis.shareAtOrAboveTarget), 2));
  });

  it.each([
    [2220, 8880],
    [0, 8880],
    [0, 0]
  ])('time with customers: %d of %d minutes', (customerMinutes, workingMinutes) => {
    const values = formulaValues({
      Customer_Minutes__c: customerMinutes,
      Working_Minutes__c: workingMinutes
    });
    const kpi = teamTimeWithCustomers([
      {
        sellerId: 'seller',
        customerMinutes,
        workingMinutes,
        share: null,
        target: null,
        meetsTarget: null
      }
    ]);
    expect(values.Time_With_Customers__c).toBe(rounded(percent(kpi), 2));
  });

  it.each([
    [2, 3],
    [0, 1],
    [0, 0]
  ])('acknowledgement rate: %d of %d', (acknowledged, expected) => {
    const audience = Array.from({ length: expected }, (_, i) => ({ Id: `user${i}` }));
    const acknowledgements = audience
      .slice(0, acknowledged)
      .map((member) => ({ Strategy_Version__c: strategyId, User__c: member.Id }));
    const adoption = computeAdoption({ Id: strategyId }, audience, acknowledgements, '2026-11-16');
    const values = formulaValues({
      Acknowledgements_Expected__c: expected,
      Acknowledgements__c: acknowledged
    });
    expect(values.Acknowledgement_Rate__c).toBe(rounded(percent(adoption.rate), 2));
  });

  // Every week of a common year and of a leap year: the 30-day window ending on the week's
  // Sunday spans one, two or (Jan 31-Mar 1 of a common year) three calendar months.
  const mondays = [
    ...Array.from({ length: 53 }, (_, i) => addDays('2025-12-29', 7 * i)),
    ...Array.from({ length: 53 }, (_, i) => addDays('2028-01-03', 7 * i))
  ];
  it('coaching sessions per seller per month, for every week of two years', () => {
    expect(mondays).toContain('2026-02-23');
    for (const weekStart of mondays) {
      const windowEnd = addDays(weekStart, 6);
      const window = dateRange(addDays(windowEnd, -29), windowEnd);
      const sessions: CoachingSession[] = [0, 1, 2, 3, 4].map((day) => ({
        Seller__c: day % 2 === 0 ? 'sellerA' : 'sellerB',
        Coach__c: 'manager',
        Session_Date__c: addDays(window.start, day * 7)
      }));
      const kpi = coachingSessionsPerSellerPerMonth(
        sessions,
        ['sellerA', 'sellerB', 'sellerC'],
        window
      );
      const values = formulaValues({
        Week_Start__c: weekStart,
        Coaching_Sessions__c: sessions.length,
        Sellers__c: 3
      });
      expect({ weekStart, value: values.Coaching_Per_Seller_Month__c }).toEqual({
        weekStart,
        value: rounded(kpi, 2)
      });
    }
    expect(
      formulaValues({ Coaching_Sessions__c: 0, Sellers__c: 0 }).Coaching_Per_Seller_Month__c
    ).toBeNull();
  });

  it('on every week of the sample history (the embedded org computes the formulas unrounded)', () => {
    const rows = loadEmbeddedOrg().records('KPI_Snapshot__c');
    expect(rows.length).toBeGreaterThan(0);
    const n = (row: Record<string, unknown>, field: string): number => Number(row[field] ?? 0);
    for (const row of rows) {
      const target = row.Target__c === undefined ? null : n(row, 'Target__c');
      const kpis = pipelineKpisFromSums(
        {
          dealCount: n(row, 'Open_Deals__c') + n(row, 'Won_Deals__c') + n(row, 'Lost_Deals__c'),
          openCount: n(row, 'Open_Deals__c'),
          wonCount: n(row, 'Won_Deals__c'),
          lostCount: n(row, 'Lost_Deals__c'),
          openPipeline: n(row, 'Open_Pipeline__c'),
          weightedPipeline: n(row, 'Weighted_Pipeline__c'),
          closedWon: n(row, 'Closed_Won__c'),
          closedLost: n(row, 'Closed_Lost__c')
        },
        null,
        target
      );
      const time = teamTimeWithCustomers([
        {
          sellerId: String(row.User__c),
          customerMinutes: n(row, 'Customer_Minutes__c'),
          workingMinutes: n(row, 'Working_Minutes__c'),
          share: null,
          target: null,
          meetsTarget: null
        }
      ]);
      expect({
        row: row.Id,
        coverage: row.Coverage__c ?? null,
        winRate: row.Win_Rate__c ?? null,
        attainment: row.Attainment__c ?? null,
        time: row.Time_With_Customers__c ?? null
      }).toEqual({
        row: row.Id,
        coverage: kpis.coverage?.kind === 'ratio' ? kpis.coverage.value : null,
        winRate: kpis.winRateByCount,
        attainment: kpis.attainment,
        time
      });
    }
  });

  it('draws the target lines from the strategy version, percent fields as percent', () => {
    expect(formulaValues({})).toMatchObject({
      Coverage_Target__c: 3,
      Win_Rate_Target__c: 35,
      Time_With_Customers_Target__c: 40,
      Coaching_Target__c: 2,
      Data_Quality_Target__c: 80
    });
  });
});

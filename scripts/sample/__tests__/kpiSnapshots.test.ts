/**
 * The sample's KPI_Snapshot__c history and KpiSnapshotJob compute the same facts by two paths:
 * the generator from the sample's records with c/salesKpis, the job in Apex with aggregate
 * queries. The job runs here on the sample org in the Apex runtime for the newest sample week,
 * and every fact of every row must equal the generator's for the same week. The generator is
 * given the sample day as the deals' "as of" day: the job reads deals as they stand when it runs,
 * and the sample records deal saves on the morning of the sample day, after the 03:00 run the
 * stored history describes (which reads them as of the week's Sunday). The deals' scores are the
 * nightly GuidanceRecalculationBatch's (Apex RuleEngine over the stored records) on one side and
 * the generator's (the rules over each deal rebuilt from its history) on the other.
 */
import { loadEmbeddedOrg } from '../../org/embeddedOrg';
import { valueToJson } from '../../../apex-runtime/src/platform/fieldValues';
import { sampleOrg } from '../../../apex-runtime/src/platform/orgs';
import { runAnonymousApex } from '../../../apex-runtime/src/testing/anonymousRun';
import { SAMPLE_TODAY } from '../constants';
import { generateSampleOrg } from '../sampleOrg';
import { SNAPSHOT_WEEKS, snapshotInputs, snapshotWeeks, weekFacts } from '../snapshots';

const generated = generateSampleOrg();
const inputs = snapshotInputs(generated);
const embedded = loadEmbeddedOrg();
const NEWEST_WEEK = snapshotWeeks()[SNAPSHOT_WEEKS - 1];

type Facts = Record<string, unknown>;

function rowsOfWeek(records: readonly Facts[], week: string): Map<string, Facts> {
  return new Map(
    records
      .filter((row) => row.Week_Start__c === week)
      .map((row) => [`${String(row.Scope__c)}:${embedded.userOf(String(row.User__c))?.key}`, row])
  );
}

describe('the sample KPI snapshot history', () => {
  it('holds 26 weeks of a row per seller and per team, the newest the week before the sample day', () => {
    expect(NEWEST_WEEK).toBe('2026-11-09');
    expect(snapshotWeeks()[0]).toBe('2026-05-18');
    const records = embedded.records('KPI_Snapshot__c');
    expect(records).toHaveLength(SNAPSHOT_WEEKS * 11);
    expect([...rowsOfWeek(records, NEWEST_WEEK).keys()].sort()).toEqual([
      'Seller:seller1',
      'Seller:seller2',
      'Seller:seller3',
      'Seller:seller4',
      'Seller:seller5',
      'Seller:seller6',
      'Seller:seller7',
      'Seller:seller8',
      'Team:director',
      'Team:manager1',
      'Team:manager2'
    ]);
    for (const row of records) {
      expect(row.OwnerId).toBe(row.User__c);
    }
  });

  it('is what KpiSnapshotJob computes on the sample org, fact by fact', () => {
    const org = sampleOrg();
    const db = org.database;
    const before = db.count('KPI_Snapshot__c');
    // Blanks the sample's facts of the week, so that only the job can put them back.
    const newest = [...db.rows('KPI_Snapshot__c')].filter(
      (row) => valueToJson(row.Week_Start__c) === NEWEST_WEEK
    );
    expect(newest).toHaveLength(11);
    for (const row of newest) {
      db.update(row.Id as string, { Open_Pipeline__c: null, Customer_Minutes__c: null });
    }

    const nightly = runAnonymousApex(
      org,
      'Database.executeBatch(new GuidanceRecalculationBatch(), 200);'
    );
    expect(nightly.exceptionMessage ?? nightly.compileProblem ?? 'ok').toBe('ok');
    const result = runAnonymousApex(org, "KpiSnapshotJob.snapshot(Date.valueOf('2026-11-09'));");

    expect(result.exceptionMessage ?? result.compileProblem ?? 'ok').toBe('ok');
    expect(db.count('KPI_Snapshot__c')).toBe(before);
    const object = db.schema.object('KPI_Snapshot__c')!;
    const apexRows = [...db.rows('KPI_Snapshot__c')].map((row) =>
      Object.fromEntries(
        [...object.fields.values()].map((field) => [
          field.name,
          valueToJson(db.read('KPI_Snapshot__c', row, field))
        ])
      )
    );
    const apex = rowsOfWeek(apexRows, NEWEST_WEEK);
    const expected = weekFacts(inputs, NEWEST_WEEK, SAMPLE_TODAY);
    expect(apex.size).toBe(expected.length);
    // Not vacuous: the scores are compared, and some deals fall short of the target.
    const team = expected.find((row) => row.scope === 'Team' && row.userKey === 'director');
    expect(team?.facts.Scored_Deals__c).toBeGreaterThan(100);
    expect(team?.facts.Deals_At_Target__c).toBeLessThan(Number(team?.facts.Scored_Deals__c));
    for (const row of expected) {
      const stored = apex.get(`${row.scope}:${row.userKey}`) ?? {};
      const facts = Object.fromEntries(Object.keys(row.facts).map((name) => [name, stored[name]]));
      // The job adds each deal's ExpectedRevenue, rounded in the deal's own currency and then
      // converted; the rebuild adds Amount in DKK x Probability. For a deal in EUR, SEK or NOK the
      // two differ by less than a cent: the weighted pipeline is held to 1 DKK, the rest exactly.
      expect(Number(facts.Weighted_Pipeline__c)).toBeCloseTo(
        Number(row.facts.Weighted_Pipeline__c),
        0
      );
      expect({ row: `${row.scope}:${row.userKey}`, facts }).toEqual({
        row: `${row.scope}:${row.userKey}`,
        facts: { ...row.facts, Weighted_Pipeline__c: facts.Weighted_Pipeline__c }
      });
      expect(stored.Strategy_Version__c).toBe(embedded.idOf(row.strategyVersion as string));
    }
  });
});

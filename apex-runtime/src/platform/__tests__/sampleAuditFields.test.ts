/**
 * The sample org as the runtime serves it (to anonymous Apex, the Apex tests' SeeAllData view and
 * the workbench) carries the audit fields on every record of every object, consistent with the
 * opportunity field history. Salesforce API Developer Guide, "System Fields": CreatedById,
 * CreatedDate, LastModifiedById, LastModifiedDate and SystemModstamp on most objects; field
 * history rows carry only CreatedById and CreatedDate.
 */
import { loadEmbeddedOrg, HISTORY_OBJECT } from '../../../../scripts/org/embeddedOrg';
import { runAnonymousApex } from '../../testing/anonymousRun';
import type { ApexDatetime } from '../../values/primitives';
import { sampleOrg } from '../orgs';

const AUDIT_FIELDS = ['CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById'];

const embedded = loadEmbeddedOrg();
const org = sampleOrg();
const db = org.database;
const ms = (value: unknown): number => (value as ApexDatetime).epochMs;
const iso = (value: unknown): string => (value as ApexDatetime).toIsoString();
/** Nothing in the sample happens after noon UTC of the sample day. */
const SAMPLE_NOW = Date.parse(`${embedded.today}T12:00:00.000Z`);

function sampleRows(objectName: string) {
  return [...db.rows(objectName)].filter(
    (row) => objectName !== 'User' || row.Id !== org.adminUserId
  );
}

describe('the audit fields of the sample org', () => {
  it('are on every record of every object, the users on sample users', () => {
    const sampleUsers = new Set(embedded.records('User').map((user) => user.Id));
    const problems: string[] = [];
    for (const objectName of embedded.objectNames) {
      const rows = sampleRows(objectName);
      expect(`${objectName} ${rows.length}`).toBe(
        `${objectName} ${embedded.records(objectName).length}`
      );
      for (const row of rows) {
        const missing = AUDIT_FIELDS.filter(
          (name) => row[name] === undefined || row[name] === null
        );
        if (missing.length > 0) problems.push(`${objectName} ${String(row.Id)}: no ${missing}`);
        for (const name of ['CreatedById', 'LastModifiedById']) {
          if (!sampleUsers.has(row[name] as string)) {
            problems.push(`${objectName} ${String(row.Id)}.${name} is not a sample user`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('never modify a record before it was created, nor after the sample day, nor by a user who did not exist yet', () => {
    const problems: string[] = [];
    for (const objectName of embedded.objectNames) {
      for (const row of sampleRows(objectName)) {
        const created = ms(row.CreatedDate);
        const modified = ms(row.LastModifiedDate);
        const where = `${objectName} ${String(row.Id)}`;
        if (modified < created) problems.push(`${where}: modified before created`);
        if (modified > SAMPLE_NOW) problems.push(`${where}: modified after the sample day`);
        if (ms(row.SystemModstamp) < modified) problems.push(`${where}: SystemModstamp too early`);
        for (const [name, at] of [
          ['CreatedById', created],
          ['LastModifiedById', modified]
        ] as const) {
          const user = db.row(row[name] as string);
          if (!user || ms(user.CreatedDate) > at) problems.push(`${where}: ${name} did not exist`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('never let a record point at a record created after its last save', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const objectName of embedded.objectNames.filter((name) => name !== 'User')) {
      const lookups = (db.schema.object(objectName)?.fields ?? []).filter(
        (field) =>
          field.referenceTo.length > 0 &&
          !['OwnerId', 'CreatedById', 'LastModifiedById'].includes(field.name)
      );
      for (const row of sampleRows(objectName)) {
        for (const field of lookups) {
          const value = row[field.name];
          const target = typeof value === 'string' ? db.row(value) : undefined;
          if (target) checked++;
          if (target && ms(target.CreatedDate) > ms(row.LastModifiedDate)) {
            problems.push(`${objectName} ${String(row.Id)}.${field.name} points at a later record`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
    expect(problems).toEqual([]);
  });

  it('date and sign each deal by its field history: created with its created row, last modified by its last row', () => {
    const history = new Map<string, { at: number; by: unknown; field: unknown }[]>();
    for (const row of db.rows(HISTORY_OBJECT)) {
      const rows = history.get(row.OpportunityId as string) ?? [];
      rows.push({ at: ms(row.CreatedDate), by: row.CreatedById, field: row.Field });
      history.set(row.OpportunityId as string, rows);
    }
    const deals = [...db.rows('Opportunity')];
    expect(deals).toHaveLength(500);
    const problems: string[] = [];
    for (const deal of deals) {
      const rows = history.get(deal.Id as string) ?? [];
      const created = rows.find((row) => row.field === 'created');
      const last = rows.reduce((max, row) => (row.at >= max.at ? row : max), rows[0]);
      const seen = {
        CreatedDate: iso(deal.CreatedDate),
        CreatedById: deal.CreatedById,
        LastModifiedDate: iso(deal.LastModifiedDate),
        LastModifiedById: deal.LastModifiedById
      };
      const expected = {
        CreatedDate: created && new Date(created.at).toISOString(),
        CreatedById: created?.by,
        LastModifiedDate: last && new Date(last.at).toISOString(),
        LastModifiedById: last?.by
      };
      if (JSON.stringify(seen) !== JSON.stringify(expected)) {
        problems.push(`${String(deal.Id)}: ${JSON.stringify(seen)} vs ${JSON.stringify(expected)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('sign every field history row by the sample user who saved it', () => {
    const rows = [...db.rows(HISTORY_OBJECT)];
    expect(rows.length).toBe(embedded.records(HISTORY_OBJECT).length);
    const owners = new Map([...db.rows('Opportunity')].map((deal) => [deal.Id, deal.OwnerId]));
    expect(rows.filter((row) => row.CreatedById !== owners.get(row.OpportunityId))).toEqual([]);
  });

  it('are what Apex reads: a deal pushed out of Q3 was last modified at its last history row', () => {
    const pushedOutOfQ3 = embedded.idOf('OpportunityRef216') as string;
    // Pushed out of Q3 on 7 October 2026; last saved on 2 November, 31 October to 1 December.
    const result = runAnonymousApex(
      sampleOrg(),
      `Opportunity deal = [SELECT LastModifiedDate, LastModifiedBy.Name FROM Opportunity WHERE Id = '${pushedOutOfQ3}'];
       Assert.areEqual(Datetime.newInstanceGmt(2026, 11, 2, 10, 0, 0), deal.LastModifiedDate);
       Assert.areEqual(0, [SELECT COUNT() FROM Opportunity WHERE LastModifiedDate = null OR CreatedDate = null]);
       System.debug(deal.LastModifiedBy.Name);`
    );
    expect(result.exceptionMessage ?? result.compileProblem).toBeUndefined();
    expect(result.success).toBe(true);
    const owner = embedded.userOf(String(embedded.byId(pushedOutOfQ3)?.OwnerId));
    expect(result.debugLog.map((line) => line.message)).toContain(
      `${owner?.firstName} ${owner?.lastName}`
    );
  });
});

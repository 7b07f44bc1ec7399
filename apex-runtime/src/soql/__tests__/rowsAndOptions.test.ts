/**
 * Row selection and query options: SOQL and SOSL Reference, "ALL ROWS" / Apex Developer Guide
 * "Querying All Records with a SOQL Statement" (deleted rows with ALL ROWS), "FOR UPDATE" and
 * "FOR VIEW / FOR REFERENCE" (accepted; no locking or view tracking offline); Apex Developer Guide,
 * "Execution Governors and Limits": rows returned, sub-query rows included, count toward the
 * query-rows limit.
 */
import type { DataSource, StoredRow } from '../../platform/dataSource';
import { ApexList } from '../../values/collections';
import { ID_TYPE } from '../../values/typeRef';
import { column, environment, records, run, sampleOrg } from './fixtureOrg';

function setup() {
  const org = sampleOrg();
  return { ...org, env: environment(org.data) };
}

describe('rows read', () => {
  it('leaves deleted rows out unless ALL ROWS', () => {
    const { data, env } = setup();
    data.insert('Account', { Name: 'Gone', IsDeleted: true });
    expect(column(records("SELECT Name FROM Account WHERE Name = 'Gone'", env), 'Name')).toEqual(
      []
    );
    expect(
      column(
        records("SELECT Name, IsDeleted FROM Account WHERE Name = 'Gone' ALL ROWS", env),
        'IsDeleted'
      )
    ).toEqual([true]);
  });

  it('leaves a deleted row out of an Id lookup unless ALL ROWS', () => {
    const { data, env } = setup();
    const gone = data.insert('Account', { Name: 'Gone', IsDeleted: true });
    env.binds.id = gone;
    expect(records('SELECT Name FROM Account WHERE Id = :id', env)).toEqual([]);
    expect(records('SELECT Name FROM Account WHERE Id = :id ALL ROWS', env)).toHaveLength(1);
  });

  it('accepts FOR UPDATE, FOR VIEW and FOR REFERENCE without changing the result', () => {
    const { env } = setup();
    expect(records('SELECT Id FROM Account FOR UPDATE', env)).toHaveLength(3);
    expect(records('SELECT Id FROM Account FOR VIEW', env)).toHaveLength(3);
    expect(records('SELECT Id FROM Account FOR REFERENCE', env)).toHaveLength(3);
  });

  it('reads only the pinned records for Id = :id and Id IN :ids', () => {
    const { data, env, ids } = setup();
    let scans = 0;
    const counting: DataSource = {
      schema: data.schema,
      rows: (objectName: string, includeDeleted?: boolean): Iterable<StoredRow> => {
        scans++;
        return data.rows(objectName, includeDeleted);
      },
      row: (id) => data.row(id),
      read: (objectName, row, field) => data.read(objectName, row, field)
    };
    const indexed = { ...env, source: counting };
    indexed.binds.ids = new ApexList(ID_TYPE, [ids.initech, ids.acme, ids.bigDeal]);
    expect(
      column(records("SELECT Name FROM Account WHERE Id IN :ids AND Name != 'x'", indexed), 'Name')
    ).toEqual(['initech', 'Acme']);
    expect(
      column(records(`SELECT Name FROM Account WHERE Id = '${ids.globex}'`, indexed), 'Name')
    ).toEqual(['Globex']);
    expect(scans).toBe(0);
  });
});

describe('rows counted toward the limit', () => {
  it('counts the records returned and their sub-query rows', () => {
    const { env } = setup();
    run('SELECT Name, (SELECT Id FROM Opportunities), (SELECT Id FROM Contacts) FROM Account', env);
    // 3 accounts, 4 opportunities, 1 contact.
    expect(env.counted).toEqual([8]);
  });

  it('counts rows after LIMIT, and not the rows of a semi-join', () => {
    const { env } = setup();
    run('SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Opportunity) LIMIT 1', env);
    expect(env.counted).toEqual([1]);
  });
});

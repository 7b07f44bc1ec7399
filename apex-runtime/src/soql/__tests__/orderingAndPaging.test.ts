/**
 * ORDER BY, LIMIT and OFFSET: SOQL and SOSL Reference, "ORDER BY"
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_orderby.htm):
 * "Default order is ascending", "By default, null values are sorted first", "Sorting is case
 * insensitive", picklists sort in their defined order; "LIMIT"; "OFFSET": "The maximum offset is
 * 2,000 rows".
 */
import { QueryException } from '../soqlErrors';
import { column, environment, records, run, sampleOrg } from './fixtureOrg';

function setup() {
  const org = sampleOrg();
  return { ...org, env: environment(org.data) };
}

function names(text: string, binds: Record<string, unknown> = {}): unknown[] {
  const { env } = setup();
  Object.assign(env.binds, binds);
  return column(records(text, env), 'Name');
}

describe('ORDER BY', () => {
  it('sorts ascending by default and case-insensitively', () => {
    expect(names('SELECT Name FROM Account ORDER BY Name')).toEqual(['Acme', 'Globex', 'initech']);
    expect(names('SELECT Name FROM Account ORDER BY Name DESC')).toEqual([
      'initech',
      'Globex',
      'Acme'
    ]);
  });

  it('puts nulls first by default in either direction', () => {
    expect(names('SELECT Name FROM Opportunity ORDER BY Amount')).toEqual([
      'No Amount',
      'Small Deal',
      'Lost Deal',
      'Big Deal'
    ]);
    expect(names('SELECT Name FROM Opportunity ORDER BY Amount DESC')).toEqual([
      'No Amount',
      'Big Deal',
      'Lost Deal',
      'Small Deal'
    ]);
  });

  it('puts nulls last with NULLS LAST', () => {
    expect(names('SELECT Name FROM Opportunity ORDER BY Amount DESC NULLS LAST')).toEqual([
      'Big Deal',
      'Lost Deal',
      'Small Deal',
      'No Amount'
    ]);
  });

  it('sorts by several keys', () => {
    expect(names('SELECT Name FROM Opportunity ORDER BY IsClosed DESC, CloseDate')).toEqual([
      'Lost Deal',
      'Big Deal',
      'Small Deal',
      'No Amount'
    ]);
  });

  it('sorts by parent paths, blank parents as nulls', () => {
    expect(
      names('SELECT Name FROM Account ORDER BY Customer_Segment__r.Name DESC NULLS LAST')
    ).toEqual(['initech', 'Acme', 'Globex']);
  });

  it('sorts a picklist in the order of its values', () => {
    expect(names('SELECT Name FROM Opportunity ORDER BY StageName')).toEqual([
      'Small Deal',
      'No Amount',
      'Big Deal',
      'Lost Deal'
    ]);
  });

  it('refuses to sort by a multi-select picklist', () => {
    const { env } = setup();
    expect(() => run('SELECT Id FROM Account ORDER BY Tags__c', env)).toThrow(
      "field 'Tags__c' can not be sorted in a query call"
    );
  });
});

describe('LIMIT and OFFSET', () => {
  it('returns at most LIMIT rows after skipping OFFSET rows', () => {
    expect(names('SELECT Name FROM Opportunity ORDER BY Name LIMIT 2')).toEqual([
      'Big Deal',
      'Lost Deal'
    ]);
    expect(names('SELECT Name FROM Opportunity ORDER BY Name LIMIT 2 OFFSET 1')).toEqual([
      'Lost Deal',
      'No Amount'
    ]);
    expect(names('SELECT Name FROM Opportunity ORDER BY Name OFFSET 3')).toEqual(['Small Deal']);
  });

  it('reads LIMIT and OFFSET from binds', () => {
    expect(
      names('SELECT Name FROM Opportunity ORDER BY Name LIMIT :size OFFSET :start', {
        size: 1,
        start: 2
      })
    ).toEqual(['No Amount']);
  });

  it('refuses an OFFSET over 2000', () => {
    const { env } = setup();
    env.binds.start = 2001;
    expect(() => run('SELECT Id FROM Account OFFSET :start', env)).toThrow(QueryException);
    expect(() => run('SELECT Id FROM Account OFFSET 2001', env)).toThrow(
      'Maximum SOQL offset allowed is 2000'
    );
    expect(() => run('SELECT Id FROM Account OFFSET 2000', env)).not.toThrow();
  });

  it('refuses a negative bound LIMIT', () => {
    const { env } = setup();
    env.binds.size = -1;
    expect(() => run('SELECT Id FROM Account LIMIT :size', env)).toThrow(QueryException);
  });
});

/**
 * Aggregate queries: SOQL and SOSL Reference, "Aggregate Functions", "COUNT() and
 * COUNT(fieldName)", "GROUP BY", "HAVING", "Using Aliases with GROUP BY", "Date Functions"
 * (https://developer.salesforce.com/docs/platform/salesforce-soql-sosl/guide/sforce-api-calls-soql-select-date-functions.html);
 * Apex Developer Guide, "Working with SOQL Aggregate Functions": results are AggregateResult rows,
 * unaliased aggregates are named expr0, expr1, ...; every row aggregated counts toward the query
 * rows limit except for COUNT()/COUNT(field), which count one row per group.
 */
import { ApexDecimal } from '../../values/decimal';
import { ApexDouble } from '../../values/primitives';
import { SObjectValue } from '../../values/sobject';
import { ApexDate } from '../../values/temporal';
import { NotSupportedOfflineError, QueryException } from '../soqlErrors';
import { aggregateResultDescribe } from '../syntheticObjects';
import { column, environment, records, run, sampleOrg } from './fixtureOrg';

function setup() {
  const org = sampleOrg();
  return { ...org, env: environment(org.data) };
}

function entries(row: SObjectValue): Record<string, unknown> {
  return Object.fromEntries(row.populated().map((entry) => [entry.name, entry.value]));
}

function text(value: unknown): string {
  return String(value);
}

describe('aggregate queries', () => {
  it('groups by a field and names unaliased aggregates expr0, expr1', () => {
    const { env, ids } = setup();
    const rows = records(
      'SELECT OwnerId, COUNT(Id), SUM(Amount) FROM Opportunity GROUP BY OwnerId',
      env
    );
    expect(rows[0].type).toBe(aggregateResultDescribe());
    expect(rows[0].type.name).toBe('AggregateResult');
    expect(rows.map((row) => row.populated().map((entry) => entry.name))).toEqual([
      ['OwnerId', 'expr0', 'expr1'],
      ['OwnerId', 'expr0', 'expr1']
    ]);
    expect(
      rows.map((row) => [row.get('OwnerId'), row.get('expr0'), text(row.get('expr1'))])
    ).toEqual([
      [ids.ann, 2, '750.00'],
      [ids.bob, 2, '100.00']
    ]);
  });

  it('names entries by their aliases', () => {
    const { env } = setup();
    const [row] = records(
      'SELECT OwnerId owner, COUNT(Id) deals FROM Opportunity GROUP BY OwnerId LIMIT 1',
      env
    );
    expect(Object.keys(entries(row))).toEqual(['owner', 'deals']);
  });

  it('groups by a parent path, naming the entry by the field', () => {
    const { env } = setup();
    const rows = records(
      'SELECT Account.Industry, COUNT(Id) FROM Opportunity GROUP BY Account.Industry',
      env
    );
    expect(rows.map(entries)).toEqual([
      { Industry: 'Technology', expr0: 2 },
      { Industry: 'Energy', expr0: 1 },
      { Industry: 'Retail', expr0: 1 }
    ]);
  });

  it('returns SUM and AVG of currency as Decimals, of Double fields as Doubles', () => {
    const { env } = setup();
    const [row] = records(
      'SELECT SUM(Amount), AVG(Amount), SUM(Score__c), AVG(Score__c) FROM Opportunity',
      env
    );
    expect(row.get('expr0')).toBeInstanceOf(ApexDecimal);
    expect(text(row.get('expr0'))).toBe('850.00');
    expect(text(row.get('expr1'))).toBe('283.3333333333333');
    expect(row.get('expr2')).toEqual(new ApexDouble(4));
    expect(row.get('expr3')).toEqual(new ApexDouble(2));
  });

  it('counts rows, non-null values and distinct values as Integers', () => {
    const { env } = setup();
    const [row] = records(
      'SELECT COUNT(Id), COUNT(Amount), COUNT_DISTINCT(OwnerId), COUNT_DISTINCT(Account.Industry) FROM Opportunity',
      env
    );
    expect(entries(row)).toEqual({ expr0: 4, expr1: 3, expr2: 2, expr3: 3 });
  });

  it('returns MIN and MAX in the field type', () => {
    const { env } = setup();
    const [row] = records('SELECT MIN(CloseDate), MAX(Name), MAX(Amount) FROM Opportunity', env);
    expect(row.get('expr0')).toEqual(ApexDate.of(2026, 10, 20));
    expect(row.get('expr1')).toBe('Small Deal');
    expect(text(row.get('expr2'))).toBe('500.00');
  });

  it('returns one row without GROUP BY, even when no row matches', () => {
    const { env } = setup();
    const rows = records("SELECT COUNT(Id), SUM(Amount) FROM Opportunity WHERE Name = 'none'", env);
    expect(rows.map(entries)).toEqual([{ expr0: 0, expr1: null }]);
  });

  it('returns no row with GROUP BY when no row matches', () => {
    const { env } = setup();
    expect(
      records(
        "SELECT OwnerId, COUNT(Id) FROM Opportunity WHERE Name = 'none' GROUP BY OwnerId",
        env
      )
    ).toEqual([]);
  });

  it('filters groups with HAVING on aggregates and grouped fields', () => {
    const { env, ids } = setup();
    expect(
      column(
        records(
          'SELECT AccountId, COUNT(Id) FROM Opportunity GROUP BY AccountId HAVING COUNT(Id) > 1',
          env
        ),
        'AccountId'
      )
    ).toEqual([ids.acme]);
    expect(
      column(
        records(
          "SELECT StageName, SUM(Amount) FROM Opportunity GROUP BY StageName HAVING StageName LIKE 'closed%'",
          env
        ),
        'StageName'
      )
    ).toEqual(['Closed Won', 'Closed Lost']);
  });

  it('orders groups by aggregates', () => {
    const { env, ids } = setup();
    const rows = records(
      'SELECT OwnerId, SUM(Amount) total FROM Opportunity GROUP BY OwnerId ORDER BY SUM(Amount)',
      env
    );
    expect(column(rows, 'OwnerId')).toEqual([ids.bob, ids.ann]);
  });

  it('groups by date functions, numbered among the expressions', () => {
    const { env } = setup();
    const rows = records(
      'SELECT CALENDAR_YEAR(CloseDate), COUNT(Id) FROM Opportunity GROUP BY CALENDAR_YEAR(CloseDate) ORDER BY CALENDAR_YEAR(CloseDate) DESC',
      env
    );
    expect(rows.map(entries)).toEqual([
      { expr0: 2027, expr1: 1 },
      { expr0: 2026, expr1: 3 }
    ]);
  });

  it('computes fiscal quarters from the org fiscal year start', () => {
    const { env } = setup();
    const rows = records(
      'SELECT FISCAL_QUARTER(CloseDate) q, COUNT(Id) n FROM Opportunity GROUP BY FISCAL_QUARTER(CloseDate)',
      { ...env, fiscalYearStartMonth: 11 }
    );
    expect(rows.map(entries)).toEqual([
      { q: 1, n: 3 },
      { q: 4, n: 1 }
    ]);
  });

  it('reads dateTime fields in GMT unless convertTimezone() is used', () => {
    const { env } = setup();
    const losAngeles = { ...env, timeZone: 'America/Los_Angeles' };
    // Small Deal was created at 23:30 GMT, 15:30 in Los Angeles.
    expect(
      column(
        records('SELECT Name FROM Opportunity WHERE HOUR_IN_DAY(CreatedDate) = 23', losAngeles),
        'Name'
      )
    ).toEqual(['Small Deal']);
    expect(
      column(
        records(
          'SELECT Name FROM Opportunity WHERE HOUR_IN_DAY(convertTimezone(CreatedDate)) = 15',
          losAngeles
        ),
        'Name'
      )
    ).toEqual(['Small Deal']);
  });

  it('numbers days of the week from Sunday and weeks of the year from January 1', () => {
    const { env } = setup();
    // 2026-11-02 is a Monday, day 306 of the year.
    expect(
      column(records('SELECT Name FROM Opportunity WHERE DAY_IN_WEEK(CloseDate) = 2', env), 'Name')
    ).toEqual(['Big Deal']);
    expect(
      column(
        records('SELECT Name FROM Opportunity WHERE WEEK_IN_YEAR(CloseDate) = 44', env),
        'Name'
      )
    ).toEqual(['Big Deal']);
  });

  it('names fiscal years by the org setting, and refuses to guess it', () => {
    const { env } = setup();
    const november = { ...env, fiscalYearStartMonth: 11 };
    const query = 'SELECT Name FROM Opportunity WHERE FISCAL_YEAR(CloseDate) = 2027';
    expect(() => records(query, november)).toThrow(NotSupportedOfflineError);
    expect(
      column(records(query, { ...november, usesStartDateAsFiscalYearName: false }), 'Name')
    ).toEqual(['Big Deal', 'Small Deal', 'No Amount']);
    expect(
      column(records(query, { ...november, usesStartDateAsFiscalYearName: true }), 'Name')
    ).toEqual([]);
  });

  it('groups without aggregates', () => {
    const { env, ids } = setup();
    expect(records('SELECT OwnerId o FROM Opportunity GROUP BY OwnerId', env).map(entries)).toEqual(
      [{ o: ids.ann }, { o: ids.bob }]
    );
  });

  it('refuses a select field that is neither grouped nor aggregated', () => {
    const { env } = setup();
    expect(() => run('SELECT Name, COUNT(Id) FROM Opportunity GROUP BY StageName', env)).toThrow(
      'Field must be grouped or aggregated: Name'
    );
  });

  it('refuses SUM of a text field', () => {
    const { env } = setup();
    expect(() => run('SELECT SUM(Name) FROM Opportunity', env)).toThrow(
      'field Name does not support aggregate operator SUM'
    );
  });

  it('refuses COUNT() beside other items or with GROUP BY', () => {
    const { env } = setup();
    expect(() => run('SELECT COUNT(), MAX(Amount) FROM Opportunity', env)).toThrow(
      'COUNT() must be the only element in the SELECT list'
    );
    expect(() => run('SELECT COUNT() FROM Opportunity GROUP BY OwnerId', env)).toThrow(
      QueryException
    );
  });

  it('refuses duplicate aliases', () => {
    const { env } = setup();
    expect(() => run('SELECT COUNT(Id) n, SUM(Amount) n FROM Opportunity', env)).toThrow(
      QueryException
    );
  });
});

describe('COUNT()', () => {
  it('returns the number of matching rows, at most LIMIT', () => {
    const { env } = setup();
    expect(run('SELECT COUNT() FROM Opportunity', env)).toEqual({ kind: 'count', count: 4 });
    expect(run('SELECT COUNT() FROM Opportunity WHERE IsClosed = false', env)).toEqual({
      kind: 'count',
      count: 2
    });
    expect(run('SELECT COUNT() FROM Opportunity LIMIT 3', env)).toEqual({
      kind: 'count',
      count: 3
    });
  });

  it("can't be used with ORDER BY", () => {
    const { env } = setup();
    expect(() => run('SELECT COUNT() FROM Opportunity ORDER BY Name', env)).toThrow(QueryException);
  });
});

describe('query rows counted toward the limit', () => {
  it('counts one row for COUNT()', () => {
    const { env } = setup();
    run('SELECT COUNT() FROM Opportunity', env);
    expect(env.counted).toEqual([1]);
  });

  it('counts every row aggregated for SUM, AVG, MIN, MAX and COUNT_DISTINCT', () => {
    const { env } = setup();
    run('SELECT OwnerId, SUM(Amount) FROM Opportunity GROUP BY OwnerId', env);
    run('SELECT COUNT_DISTINCT(OwnerId) FROM Opportunity', env);
    expect(env.counted).toEqual([4, 4]);
  });

  it('counts one row per group for COUNT(field)', () => {
    const { env } = setup();
    run('SELECT OwnerId, COUNT(Id) FROM Opportunity GROUP BY OwnerId', env);
    run('SELECT COUNT(Id) FROM Opportunity', env);
    expect(env.counted).toEqual([2, 1]);
  });
});

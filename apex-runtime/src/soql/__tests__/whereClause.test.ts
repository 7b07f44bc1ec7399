/**
 * WHERE: SOQL and SOSL Reference, "Comparison Operators"
 * (https://developer.salesforce.com/docs/platform/salesforce-soql-sosl/guide/sforce-api-calls-soql-select-comparisonoperators.html),
 * "Logical Operators", "Quoted String Escape Sequences", "Querying Multi-Select Picklists",
 * "Semi-Join and Anti-Join", "Date Formats and Date Literals in WHERE".
 */
import { ApexList, ApexSet } from '../../values/collections';
import { ApexTime } from '../../values/temporal';
import { SObjectValue } from '../../values/sobject';
import { ID_TYPE, STRING_TYPE, typeNamed } from '../../values/typeRef';
import { NotSupportedOfflineError, QueryException } from '../soqlErrors';
import { column, date, datetime, environment, records, run, sampleOrg } from './fixtureOrg';

function setup() {
  const org = sampleOrg();
  return { ...org, env: environment(org.data) };
}

function names(text: string, binds: Record<string, unknown> = {}): unknown[] {
  const { env } = setup();
  Object.assign(env.binds, binds);
  return column(records(text, env), 'Name');
}

describe('WHERE: comparisons', () => {
  it('compares text case-insensitively', () => {
    expect(names("SELECT Name FROM Account WHERE Name = 'ACME'")).toEqual(['Acme']);
  });

  it('compares a case-sensitive field case-sensitively', () => {
    expect(names("SELECT Name FROM Account WHERE External_Code__c = 'abc'")).toEqual([]);
    expect(names("SELECT Name FROM Account WHERE External_Code__c = 'AbC'")).toEqual(['Acme']);
  });

  it('orders text case-insensitively for < and >', () => {
    expect(names("SELECT Name FROM Account WHERE Name > 'GLOBEX'")).toEqual(['initech']);
  });

  it('compares numbers by value, whatever their scale', () => {
    expect(names('SELECT Name FROM Opportunity WHERE Amount = 500')).toEqual(['Big Deal']);
    expect(names('SELECT Name FROM Opportunity WHERE Amount >= 250.0')).toEqual([
      'Big Deal',
      'Lost Deal'
    ]);
    expect(names('SELECT Name FROM Opportunity WHERE Amount < 250')).toEqual(['Small Deal']);
    expect(names('SELECT Name FROM Opportunity WHERE Score__c <= 1.5')).toEqual(['Big Deal']);
  });

  it('refuses a number with an Apex type suffix', () => {
    const { env } = setup();
    expect(() => run('SELECT Id FROM Opportunity WHERE Amount > 1.5d', env)).toThrow(
      'invalid number: 1.5d'
    );
  });

  it('compares booleans', () => {
    expect(names('SELECT Name FROM Opportunity WHERE IsWon = TRUE')).toEqual(['Big Deal']);
    expect(names('SELECT Name FROM Opportunity WHERE IsClosed != true')).toEqual([
      'Small Deal',
      'No Amount'
    ]);
  });

  it('compares dates with date literals and dateTimes with dateTime literals', () => {
    expect(names('SELECT Name FROM Opportunity WHERE CloseDate < 2026-11-02')).toEqual([
      'Lost Deal'
    ]);
    expect(names('SELECT Name FROM Opportunity WHERE CloseDate <= 2026-11-02')).toEqual([
      'Big Deal',
      'Lost Deal'
    ]);
    expect(names('SELECT Name FROM Opportunity WHERE CreatedDate > 2026-11-17T23:00:00Z')).toEqual([
      'Small Deal',
      'No Amount'
    ]);
    expect(
      names('SELECT Name FROM Opportunity WHERE CreatedDate = 2026-11-18T09:00:00+01:00')
    ).toEqual(['No Amount']);
  });

  // "Date Formats and Date Literals": a date format filters date fields only, dateTime dateTime fields.
  it('refuses a date literal for a dateTime field and a dateTime literal for a date field', () => {
    const { env } = setup();
    expect(() => run('SELECT Id FROM Opportunity WHERE CreatedDate > 2026-01-01', env)).toThrow(
      QueryException
    );
    expect(() =>
      run('SELECT Id FROM Opportunity WHERE CloseDate > 2026-01-01T00:00:00Z', env)
    ).toThrow(QueryException);
  });

  it('compares time fields with time literals', () => {
    const { data, env } = setup();
    data.insert('Event', { Subject: 'Early', Start_Time__c: ApexTime.of(8, 30, 0, 0) });
    data.insert('Event', { Subject: 'Late', Start_Time__c: ApexTime.of(14, 0, 0, 0) });
    expect(
      column(
        records('SELECT Subject FROM Event WHERE Start_Time__c > 10:00:00.000Z', env),
        'Subject'
      )
    ).toEqual(['Late']);
  });

  it('refuses a quoted value for a number field and an unquoted one for a text field', () => {
    const { env } = setup();
    expect(() => run("SELECT Id FROM Opportunity WHERE Amount = '5'", env)).toThrow(
      "value of filter criterion for field 'Amount' must be of type double and should not be enclosed in quotes"
    );
    expect(() => run('SELECT Id FROM Account WHERE Name = 5', env)).toThrow(
      "value of filter criterion for field 'Name' must be of type string and should be enclosed in quotes"
    );
  });

  it('filters on parent paths', () => {
    expect(names("SELECT Name FROM Opportunity WHERE Account.Industry = 'technology'")).toEqual([
      'Big Deal',
      'Small Deal'
    ]);
    expect(names("SELECT Name FROM Opportunity WHERE Account.Owner.Name = 'Bob Jones'")).toEqual([
      'Lost Deal'
    ]);
  });

  it('filters polymorphic relationships by Type', () => {
    expect(
      column(
        records("SELECT Subject FROM Event WHERE What.Type IN ('Opportunity')", setup().env),
        'Subject'
      )
    ).toEqual(['Call']);
  });

  it('refuses a filter on a long text area', () => {
    const { env } = setup();
    expect(() => run("SELECT Id FROM Account WHERE Description = 'x'", env)).toThrow(
      "field 'Description' can not be filtered in a query call"
    );
  });
});

describe('WHERE: null', () => {
  it('matches blank fields with = null and set ones with != null', () => {
    expect(names('SELECT Name FROM Opportunity WHERE Amount = null')).toEqual(['No Amount']);
    expect(names('SELECT Name FROM Opportunity WHERE Amount != null')).toEqual([
      'Big Deal',
      'Small Deal',
      'Lost Deal'
    ]);
  });

  it('never matches a blank field with <, <=, > or >=', () => {
    expect(names('SELECT Name FROM Opportunity WHERE Amount < 1000000')).toEqual([
      'Big Deal',
      'Small Deal',
      'Lost Deal'
    ]);
    expect(names('SELECT Name FROM Opportunity WHERE Amount >= 0')).toEqual([
      'Big Deal',
      'Small Deal',
      'Lost Deal'
    ]);
  });

  it('matches a blank field with != value (a choice)', () => {
    expect(names('SELECT Name FROM Opportunity WHERE Amount != 500')).toEqual([
      'Small Deal',
      'Lost Deal',
      'No Amount'
    ]);
  });

  it('treats a null bind as = null', () => {
    expect(names('SELECT Name FROM Opportunity WHERE Amount = :blank', { blank: null })).toEqual([
      'No Amount'
    ]);
  });
});

describe('WHERE: logical operators', () => {
  it('combines AND, OR and NOT with parentheses', () => {
    expect(
      names(
        "SELECT Name FROM Opportunity WHERE (StageName = 'Closed Won' OR Amount = null) AND (NOT Name LIKE 'Big%')"
      )
    ).toEqual(['No Amount']);
  });
});

describe('WHERE: IN and NOT IN', () => {
  it('matches literal lists', () => {
    expect(names("SELECT Name FROM Account WHERE Industry IN ('energy', 'RETAIL')")).toEqual([
      'Globex',
      'initech'
    ]);
  });

  it('keeps blank fields for NOT IN (a choice)', () => {
    expect(names("SELECT Name FROM Account WHERE Rating NOT IN ('Hot')")).toEqual([
      'Globex',
      'initech'
    ]);
  });

  it('matches bound Lists and Sets of values', () => {
    const { ids } = setup();
    const list = new ApexList(STRING_TYPE, ['Globex', 'Initech']);
    expect(names('SELECT Name FROM Account WHERE Name IN :names', { names: list })).toEqual([
      'Globex',
      'initech'
    ]);
    const set = new ApexSet(ID_TYPE, [ids.globex]);
    expect(names('SELECT Name FROM Account WHERE Id NOT IN :ids', { ids: set })).toEqual([
      'Acme',
      'initech'
    ]);
  });

  it('matches a bound list of records by their Ids', () => {
    const { env, ids } = setup();
    const acme = new SObjectValue(env.source.schema.object('Account')!);
    acme.set('Id', ids.acme);
    env.binds.accounts = new ApexList(typeNamed('Account'), [acme]);
    expect(
      column(records('SELECT Name FROM Opportunity WHERE AccountId IN :accounts', env), 'Name')
    ).toEqual(['Big Deal', 'Small Deal']);
  });

  it('matches an SObject bound to an Id comparison by its Id', () => {
    const { env, ids } = setup();
    const deal = new SObjectValue(env.source.schema.object('Opportunity')!);
    deal.set('Id', ids.lostDeal);
    env.binds.deal = deal;
    expect(column(records('SELECT Name FROM Opportunity WHERE Id = :deal', env), 'Name')).toEqual([
      'Lost Deal'
    ]);
  });

  it('refuses = with a bound collection', () => {
    const { env } = setup();
    env.binds.names = new ApexList(STRING_TYPE, ['Acme']);
    expect(() => run('SELECT Id FROM Account WHERE Name = :names', env)).toThrow(
      'not supported offline: = with a bound List; use IN'
    );
  });

  it('refuses IN with a bind that is not a collection', () => {
    const { env } = setup();
    env.binds.name = 'Acme';
    expect(() => run('SELECT Id FROM Account WHERE Name IN :name', env)).toThrow(
      NotSupportedOfflineError
    );
  });

  it('runs semi-joins and anti-joins', () => {
    expect(
      names(
        'SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Opportunity WHERE IsClosed = true)'
      )
    ).toEqual(['Acme', 'Globex']);
    expect(
      names(
        'SELECT Name FROM Account WHERE Id NOT IN (SELECT AccountId FROM Opportunity WHERE IsClosed = true)'
      )
    ).toEqual(['initech']);
  });

  it('runs a semi-join on a reference field with a parent path inside', () => {
    expect(
      names(
        "SELECT Name FROM User WHERE Id IN (SELECT OwnerId FROM Opportunity WHERE Account.Name = 'Globex')"
      )
    ).toEqual(['Ann Smith']);
  });
});

describe('WHERE: Ids', () => {
  it('matches a 15-character Id with the 18-character stored Id', () => {
    const { env, ids } = setup();
    env.binds.id = ids.globex.slice(0, 15);
    expect(column(records('SELECT Name FROM Account WHERE Id = :id', env), 'Name')).toEqual([
      'Globex'
    ]);
    expect(
      column(
        records(`SELECT Name FROM Account WHERE Id = '${ids.initech.slice(0, 15)}'`, env),
        'Name'
      )
    ).toEqual(['initech']);
  });

  it('orders Ids for > as the platform does (base-62 order)', () => {
    const { env } = setup();
    env.binds.cursor = '000000000000000';
    expect(records('SELECT Id FROM Account WHERE Id > :cursor', env)).toHaveLength(3);
  });

  it('refuses a malformed Id', () => {
    const { env } = setup();
    expect(() => run("SELECT Id FROM Account WHERE Id = 'abc'", env)).toThrow(
      'invalid ID field: abc'
    );
  });
});

describe('WHERE: LIKE', () => {
  it('matches % and _ case-insensitively', () => {
    expect(names("SELECT Name FROM Opportunity WHERE Name LIKE '%DEAL'")).toEqual([
      'Big Deal',
      'Small Deal',
      'Lost Deal'
    ]);
    expect(names("SELECT Name FROM Opportunity WHERE Name LIKE '_ig%'")).toEqual(['Big Deal']);
  });

  it('treats \\% and \\_ as literal characters', () => {
    const { data, env } = setup();
    data.insert('Account', { Name: '50% off' });
    data.insert('Account', { Name: '50 percent off' });
    expect(
      column(records("SELECT Name FROM Account WHERE Name LIKE '50\\%%'", env), 'Name')
    ).toEqual(['50% off']);
  });

  it('reads a bound pattern with the same escapes', () => {
    const { data, env } = setup();
    data.insert('Account', { Name: 'a_b' });
    data.insert('Account', { Name: 'axb' });
    env.binds.pattern = 'a\\_b';
    expect(
      column(records('SELECT Name FROM Account WHERE Name LIKE :pattern', env), 'Name')
    ).toEqual(['a_b']);
  });

  it('refuses \\% outside LIKE', () => {
    const { env } = setup();
    expect(() => run("SELECT Id FROM Account WHERE Name = '50\\%'", env)).toThrow(QueryException);
  });
});

// SOQL and SOSL Reference, "Querying Multi-Select Picklists": ';' means AND, ',' means OR.
describe('WHERE: multi-select picklists', () => {
  it('INCLUDES any of the values, each possibly several joined by ;', () => {
    expect(names("SELECT Name FROM Account WHERE Tags__c INCLUDES ('beta;alpha')")).toEqual([
      'Acme'
    ]);
    expect(names("SELECT Name FROM Account WHERE Tags__c INCLUDES ('Beta;Gamma')")).toEqual([]);
    expect(names("SELECT Name FROM Account WHERE Tags__c INCLUDES ('Beta', 'Gamma')")).toEqual([
      'Acme',
      'Globex'
    ]);
  });

  it('EXCLUDES rows holding the values, blank fields kept (a choice)', () => {
    expect(names("SELECT Name FROM Account WHERE Tags__c EXCLUDES ('Alpha')")).toEqual([
      'Globex',
      'initech'
    ]);
  });

  it('reads the alternatives from a bound collection', () => {
    const { env } = setup();
    env.binds.tags = new ApexSet(STRING_TYPE, ['gamma', 'Alpha;Beta']);
    expect(
      column(records('SELECT Name FROM Account WHERE Tags__c INCLUDES :tags', env), 'Name')
    ).toEqual(['Acme', 'Globex']);
  });

  it('compares = as the exact set of values', () => {
    expect(names("SELECT Name FROM Account WHERE Tags__c = 'Beta;Alpha'")).toEqual(['Acme']);
  });

  it('refuses INCLUDES on other fields', () => {
    const { env } = setup();
    expect(() => run("SELECT Id FROM Account WHERE Industry INCLUDES ('a')", env)).toThrow(
      QueryException
    );
  });
});

describe('WHERE: binds', () => {
  it('evaluates each bind once per execution', () => {
    const { env } = setup();
    let calls = 0;
    env.bind = () => {
      calls++;
      return 'Acme';
    };
    run(
      'SELECT (SELECT Id FROM Opportunities WHERE Account.Name = :name) FROM Account WHERE Name = :name',
      env
    );
    expect(calls).toBe(2);
  });

  it('refuses a bound value of another type', () => {
    const { env } = setup();
    env.binds.amount = 'five';
    expect(() => run('SELECT Id FROM Opportunity WHERE Amount = :amount', env)).toThrow(
      'Invalid bind expression type of String for column of type Decimal'
    );
  });

  it('refuses a Datetime bound to a Date field rather than guess the conversion', () => {
    const { env } = setup();
    env.binds.moment = datetime('2026-11-02T00:00:00Z');
    expect(() => run('SELECT Id FROM Opportunity WHERE CloseDate = :moment', env)).toThrow(
      'not supported offline: comparing the date field CloseDate with a bound Datetime'
    );
    env.binds.day = date('2026-11-02');
    expect(() => run('SELECT Id FROM Opportunity WHERE CreatedDate > :day', env)).toThrow(
      NotSupportedOfflineError
    );
  });
});

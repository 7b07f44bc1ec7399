/**
 * What a record query returns: SOQL and SOSL Reference, "SOQL SELECT Syntax", "Relationship
 * Queries" (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_relationships.htm),
 * "Understanding Relationship Fields and Polymorphic Fields", Object Reference "Name", "FIELDS()",
 * "toLabel()".
 */
import { ApexList } from '../../values/collections';
import { SObjectValue } from '../../values/sobject';
import { NotSupportedOfflineError } from '../soqlErrors';
import { column, environment, records, run, sampleOrg } from './fixtureOrg';

function setup() {
  const org = sampleOrg();
  return { ...org, env: environment(org.data) };
}

function entryNames(record: unknown): string[] {
  if (!(record instanceof SObjectValue)) throw new Error('not a record');
  return record.populated().map((entry) => entry.name);
}

describe('record queries: select list', () => {
  it('returns exactly the selected fields under canonical names, and the Id last when not selected', () => {
    const { env } = setup();
    const [acme] = records("SELECT name, INDUSTRY FROM account WHERE Name = 'Acme'", env);
    expect(acme.type.name).toBe('Account');
    expect(acme.fromQuery).toBe(true);
    expect(acme.populated()).toEqual([
      { name: 'Name', value: 'Acme' },
      { name: 'Industry', value: 'Technology' },
      { name: 'Id', value: expect.stringMatching(/^001/) }
    ]);
  });

  it('nests a parent path under the relationship name, several levels deep, with the parent Id', () => {
    const { env, ids } = setup();
    const [deal] = records(
      "SELECT Account.Name, Account.Owner.Name, Account.Owner.Manager.Name FROM Opportunity WHERE Name = 'Small Deal'",
      env
    );
    expect(entryNames(deal)).toEqual(['Account', 'Id']);
    const account = deal.get('Account') as SObjectValue;
    expect(account.type.name).toBe('Account');
    expect(entryNames(account)).toEqual(['Name', 'Owner', 'Id']);
    expect(account.get('Id')).toBe(ids.acme);
    const owner = account.get('Owner') as SObjectValue;
    expect(owner.get('Name')).toBe('Ann Smith');
    expect(owner.get('Manager')).toBeNull();
  });

  it('returns a null parent through a blank lookup', () => {
    const { env } = setup();
    const [globex] = records(
      "SELECT Customer_Segment__r.Name FROM Account WHERE Name = 'Globex'",
      env
    );
    expect(globex.has('Customer_Segment__r')).toBe(true);
    expect(globex.get('Customer_Segment__r')).toBeNull();
  });

  it('reads custom relationships by their __r name', () => {
    const { env } = setup();
    const [acme] = records(
      "SELECT Customer_Segment__r.Value_Focus__c FROM Account WHERE Name = 'Acme'",
      env
    );
    expect((acme.get('Customer_Segment__r') as SObjectValue).get('Value_Focus__c')).toBe('Growth');
  });

  it('returns polymorphic parents as Name records whose Type is the parent object', () => {
    const { env } = setup();
    const events = records(
      'SELECT Subject, What.Type, What.Name, Who.Type, Owner.Name FROM Event',
      env
    );
    const whats = events.map((event) => event.get('What') as SObjectValue | null);
    expect(whats[0]?.type.name).toBe('Name');
    expect(whats.map((what) => what?.get('Type') ?? null)).toEqual([
      'Account',
      'Opportunity',
      null
    ]);
    expect(whats.map((what) => what?.get('Name') ?? null)).toEqual(['Acme', 'Big Deal', null]);
    expect(
      events.map((event) => (event.get('Who') as SObjectValue | null)?.get('Type') ?? null)
    ).toEqual(['Contact', 'Lead', null]);
    expect(events.map((event) => (event.get('Owner') as SObjectValue).get('Name'))).toEqual([
      'Ann Smith',
      'Support Queue',
      'Ann Smith'
    ]);
  });

  it('refuses a field the Name object does not have', () => {
    const { env } = setup();
    expect(() => run('SELECT What.Industry FROM Event', env)).toThrow(
      "No such column 'Industry' on entity 'Name'."
    );
  });

  it('returns sub-query rows as a list under the child relationship name, with their own WHERE, ORDER BY and LIMIT', () => {
    const { env } = setup();
    const [acme] = records(
      "SELECT Name, (SELECT Name FROM Opportunities WHERE Amount > 50 ORDER BY Amount LIMIT 1) FROM Account WHERE Name = 'Acme'",
      env
    );
    const deals = acme.get('Opportunities');
    expect(deals).toBeInstanceOf(ApexList);
    expect((deals as ApexList).elementType.name).toBe('Opportunity');
    expect((deals as ApexList).items.map((deal) => (deal as SObjectValue).get('Name'))).toEqual([
      'Small Deal'
    ]);
  });

  it('returns an empty list for a parent without children', () => {
    const { env } = setup();
    const [globex] = records(
      "SELECT (SELECT Name FROM Contacts) FROM Account WHERE Name = 'Globex'",
      env
    );
    expect((globex.get('Contacts') as ApexList).items).toEqual([]);
  });

  it('runs sub-queries over master-detail __r child relationships, nested', () => {
    const { env } = setup();
    const [acme] = records(
      "SELECT (SELECT Name, (SELECT Name FROM Account_Plan_Objectives__r ORDER BY Due_Date__c) FROM Account_Plans__r WHERE Status__c = 'Active') FROM Account WHERE Name = 'Acme'",
      env
    );
    const [plan] = (acme.get('Account_Plans__r') as ApexList).items as SObjectValue[];
    expect(plan.get('Name')).toBe('Plan A');
    const objectives = (plan.get('Account_Plan_Objectives__r') as ApexList).items as SObjectValue[];
    expect(objectives.map((objective) => objective.get('Name'))).toEqual(['Sooner', 'Later']);
  });

  it('accepts a FROM alias and the object name as qualifiers', () => {
    const { env } = setup();
    const rows = records(
      "SELECT a.Name, Account.Industry FROM Account a WHERE a.Name = 'Acme'",
      env
    );
    expect(rows.map((row) => entryNames(row))).toEqual([['Name', 'Industry', 'Id']]);
  });

  it('queries custom metadata types like other objects', () => {
    const { env } = setup();
    const rules = records(
      'SELECT DeveloperName, Weight__c FROM Sales_Rule__mdt WHERE Active__c = TRUE',
      env
    );
    expect(column(rules, 'DeveloperName')).toEqual(['Missing_Next_Step']);
  });

  // "SOQL SELECT Syntax": a field may not be selected twice.
  it('refuses a field selected twice, whatever its case', () => {
    const { env } = setup();
    expect(() => run('SELECT Name, NAME FROM Account', env)).toThrow(
      'duplicate field selected: Name'
    );
  });

  it('refuses an unknown field with the platform message', () => {
    const { env } = setup();
    expect(() => run('SELECT Nmae FROM Account', env)).toThrow(
      "No such column 'Nmae' on entity 'Account'. If you are attempting to use a custom field, be sure to " +
        "append the '__c' after the custom field name. Please reference your WSDL or the describe call for " +
        'the appropriate names.'
    );
  });

  it('refuses an unknown object with the platform message', () => {
    const { env } = setup();
    expect(() => run('SELECT Id FROM Acount', env)).toThrow(
      "sObject type 'Acount' is not supported. If you are attempting to use a custom object, be sure to " +
        "append the '__c' after the entity name."
    );
  });

  it('refuses unknown parent and child relationships with the platform messages', () => {
    const { env } = setup();
    expect(() => run('SELECT Acount.Name FROM Opportunity', env)).toThrow(
      "Didn't understand relationship 'Acount' in field path."
    );
    expect(() => run('SELECT (SELECT Id FROM Deals) FROM Account', env)).toThrow(
      "Didn't understand relationship 'Deals' in FROM part of query call."
    );
  });

  it('reports the place of an unknown field', () => {
    const { env } = setup();
    expect(() => run('SELECT Id,\n  Nmae FROM Account', env)).toThrow(
      expect.objectContaining({ position: { line: 2, column: 3 } })
    );
  });

  it('refuses an alias outside aggregate queries', () => {
    const { env } = setup();
    expect(() => run('SELECT Name n FROM Account', env)).toThrow(
      'Only aggregate expressions use field aliasing'
    );
  });

  // SOQL and SOSL Reference, "toLabel()".
  it('returns picklist labels for toLabel() under the field name', () => {
    const { env } = setup();
    const [acme] = records("SELECT toLabel(Industry) FROM Account WHERE Name = 'Acme'", env);
    expect(acme.get('Industry')).toBe('Technology label');
  });

  it('compares toLabel() in WHERE with the label', () => {
    const { env } = setup();
    const rows = records("SELECT Name FROM Account WHERE toLabel(Industry) = 'energy LABEL'", env);
    expect(column(rows, 'Name')).toEqual(['Globex']);
  });

  // SOQL and SOSL Reference, "FIELDS()": FIELDS(STANDARD) is unbounded; ALL and CUSTOM need LIMIT 200.
  it('expands FIELDS(STANDARD) to the standard fields, once each', () => {
    const { env } = setup();
    const [segment] = records(
      "SELECT Name, FIELDS(STANDARD) FROM Customer_Segment__c WHERE Name = 'Large'",
      env
    );
    expect(entryNames(segment)).toEqual(['Name', 'Id', 'IsDeleted', 'CreatedDate']);
  });

  it('refuses FIELDS(ALL) without a LIMIT of at most 200', () => {
    const { env } = setup();
    expect(() => run('SELECT FIELDS(ALL) FROM Account', env)).toThrow(
      'The SOQL FIELDS function must have a LIMIT of at most 200'
    );
    expect(records('SELECT FIELDS(CUSTOM) FROM Account LIMIT 1', env)[0].has('Tags__c')).toBe(true);
  });

  it.each([
    ['TYPEOF', 'SELECT TYPEOF What WHEN Account THEN Name END FROM Event'],
    ['FORMAT()', 'SELECT FORMAT(Amount) FROM Opportunity'],
    ['USING SCOPE', 'SELECT Id FROM Account USING SCOPE Mine'],
    ['WITH DATA CATEGORY', 'SELECT Id FROM Account WITH DATA CATEGORY Geography__c AT usa__c']
  ])('fails loudly on %s', (what, text) => {
    const { env } = setup();
    expect(() => run(text, env)).toThrow(NotSupportedOfflineError);
    expect(() => run(text, env)).toThrow(`not supported offline: ${what}`);
  });

  it('refuses convertCurrency() in an org without multiple currencies', () => {
    const { env } = setup();
    expect(() => run('SELECT convertCurrency(Amount) FROM Opportunity', env)).toThrow(
      'convertCurrency(Amount) is only available in an org with multiple currencies'
    );
  });
});

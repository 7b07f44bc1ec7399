/**
 * Access modes: Apex Developer Guide, "Enforce User Mode for Database Operations"
 * (https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_enforce_usermode.htm):
 * user mode enforces object permissions, field-level security in every clause, and sharing; system
 * mode ignores object and field permissions and applies sharing per the class's sharing keyword;
 * "Filter SOQL Queries Using WITH SECURITY_ENFORCED": SELECT and FROM only, error "Insufficient
 * permissions: secure query included inaccessible field".
 */
import { SObjectValue } from '../../values/sobject';
import { NotSupportedOfflineError, QueryException } from '../soqlErrors';
import { ApexList } from '../../values/collections';
import { column, environment, records, run, sampleOrg } from './fixtureOrg';

function setup() {
  const org = sampleOrg();
  return { ...org, env: environment(org.data) };
}

function caught(action: () => unknown): QueryException {
  try {
    action();
  } catch (error) {
    if (error instanceof QueryException) return error;
    throw error;
  }
  throw new Error('no QueryException');
}

describe('WITH USER_MODE', () => {
  it('fails on an unreadable field in the select list, naming it as the platform names a missing field', () => {
    const { env } = setup();
    env.rules.unreadableFields.add('Account.Secret_Notes__c');
    const error = caught(() =>
      run('SELECT Name, Secret_Notes__c FROM Account WITH USER_MODE', env)
    );
    expect(error.message).toBe(
      "No such column 'Secret_Notes__c' on entity 'Account'. If you are attempting to use a custom field, " +
        "be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe " +
        'call for the appropriate names.'
    );
  });

  it('lists every unreadable field of every clause, for getInaccessibleFields()', () => {
    const { env } = setup();
    env.rules.unreadableFields.add('Account.Secret_Notes__c');
    env.rules.unreadableFields.add('Account.Rating');
    env.rules.unreadableFields.add('User.Title');
    const error = caught(() =>
      run(
        "SELECT Name FROM Account WHERE Secret_Notes__c != null AND Owner.Title = 'x' WITH USER_MODE ORDER BY Rating",
        env
      )
    );
    expect(Object.fromEntries(error.inaccessibleFields)).toEqual({
      Account: ['Secret_Notes__c', 'Rating'],
      User: ['Title']
    });
  });

  it('checks the lookup followed by a parent path', () => {
    const { env } = setup();
    env.rules.unreadableFields.add('Opportunity.AccountId');
    expect(() => run('SELECT Account.Name FROM Opportunity WITH USER_MODE', env)).toThrow(
      "No such column 'AccountId' on entity 'Opportunity'."
    );
  });

  it('checks sub-query and semi-join fields', () => {
    const { env } = setup();
    env.rules.unreadableFields.add('Opportunity.Amount');
    expect(() =>
      run('SELECT (SELECT Amount FROM Opportunities) FROM Account WITH USER_MODE', env)
    ).toThrow(QueryException);
    expect(() =>
      run(
        'SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Opportunity WHERE Amount > 0) WITH USER_MODE',
        env
      )
    ).toThrow(QueryException);
  });

  it('fails on an unreadable object as on an unknown one', () => {
    const { env } = setup();
    env.rules.unreadableObjects.add('Account_Plan__c');
    expect(() => run('SELECT Name FROM Account_Plan__c WITH USER_MODE', env)).toThrow(
      "sObject type 'Account_Plan__c' is not supported."
    );
  });

  it('applies sharing even in a class without sharing', () => {
    const { env, ids } = setup();
    env.rules.invisibleRecords.add(ids.globex);
    expect(column(records('SELECT Name FROM Account WITH USER_MODE', env), 'Name')).toEqual([
      'Acme',
      'initech'
    ]);
  });

  it('returns a parent the user cannot see as a null relationship, the lookup Id kept', () => {
    const { env, ids } = setup();
    env.rules.invisibleRecords.add(ids.globex);
    const [lost] = records(
      "SELECT AccountId, Account.Name FROM Opportunity WHERE Name = 'Lost Deal' WITH USER_MODE",
      env
    );
    expect(lost.get('AccountId')).toBe(ids.globex);
    expect(lost.get('Account')).toBeNull();
  });

  it('filters child and semi-join rows the user cannot see', () => {
    const { env, ids } = setup();
    env.rules.invisibleRecords.add(ids.smallDeal);
    env.rules.invisibleRecords.add(ids.lostDeal);
    const [acme] = records(
      "SELECT (SELECT Name FROM Opportunities) FROM Account WHERE Name = 'Acme' WITH USER_MODE",
      env
    );
    expect(
      (acme.get('Opportunities') as ApexList).items.map((deal) =>
        (deal as SObjectValue).get('Name')
      )
    ).toEqual(['Big Deal']);
    expect(
      column(
        records(
          'SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Opportunity) WITH USER_MODE',
          env
        ),
        'Name'
      )
    ).toEqual(['Acme', 'initech']);
  });

  it('lists only readable fields for FIELDS()', () => {
    const { env } = setup();
    env.rules.unreadableFields.add('Customer_Segment__c.Value_Focus__c');
    const [segment] = records(
      'SELECT FIELDS(ALL) FROM Customer_Segment__c WITH USER_MODE LIMIT 1',
      env
    );
    expect(segment.has('Value_Focus__c')).toBe(false);
    expect(segment.has('Priority__c')).toBe(true);
  });
});

describe('system mode', () => {
  it('ignores field and object permissions with WITH SYSTEM_MODE and by default', () => {
    const { env } = setup();
    env.rules.unreadableFields.add('Account.Secret_Notes__c');
    env.rules.unreadableObjects.add('Account');
    expect(records('SELECT Secret_Notes__c FROM Account WITH SYSTEM_MODE', env)).toHaveLength(3);
    expect(records('SELECT Secret_Notes__c FROM Account', env)).toHaveLength(3);
  });

  it('applies sharing only with sharing', () => {
    const { env, ids } = setup();
    env.rules.invisibleRecords.add(ids.globex);
    expect(records('SELECT Name FROM Account WITH SYSTEM_MODE', env)).toHaveLength(3);
    expect(records('SELECT Name FROM Account', { ...env, withSharing: true })).toHaveLength(2);
    expect(
      records('SELECT Name FROM Account WITH SYSTEM_MODE', { ...env, withSharing: true })
    ).toHaveLength(2);
  });

  it('returns parents the user cannot see when sharing does not apply', () => {
    const { env, ids } = setup();
    env.rules.invisibleRecords.add(ids.globex);
    const [lost] = records("SELECT Account.Name FROM Opportunity WHERE Name = 'Lost Deal'", env);
    expect((lost.get('Account') as SObjectValue).get('Name')).toBe('Globex');
  });

  it('runs in user mode by default when the environment says so (API 67.0 and later)', () => {
    const { env } = setup();
    env.rules.unreadableFields.add('Account.Secret_Notes__c');
    expect(() =>
      run('SELECT Secret_Notes__c FROM Account', { ...env, defaultAccessMode: 'USER_MODE' })
    ).toThrow(QueryException);
  });
});

describe('WITH SECURITY_ENFORCED', () => {
  it('fails on an unreadable select-list field with the platform message', () => {
    const { env } = setup();
    env.rules.unreadableFields.add('User.Name');
    expect(() => run('SELECT Name, Owner.Name FROM Account WITH SECURITY_ENFORCED', env)).toThrow(
      'Insufficient permissions: secure query included inaccessible field'
    );
  });

  it('fails on an unreadable FROM object', () => {
    const { env } = setup();
    env.rules.unreadableObjects.add('Account');
    expect(() => run('SELECT Name FROM Account WITH SECURITY_ENFORCED', env)).toThrow(
      'Insufficient permissions: secure query included inaccessible field'
    );
  });

  it('does not check WHERE and ORDER BY fields', () => {
    const { env } = setup();
    env.rules.unreadableFields.add('Account.Rating');
    expect(
      column(
        records(
          "SELECT Name FROM Account WHERE Rating = 'Hot' WITH SECURITY_ENFORCED ORDER BY Rating",
          env
        ),
        'Name'
      )
    ).toEqual(['Acme']);
  });
});

describe('AccessLevel argument of Database.query', () => {
  it('acts as the matching WITH clause', () => {
    const { env } = setup();
    env.rules.unreadableFields.add('Account.Secret_Notes__c');
    expect(() =>
      run('SELECT Secret_Notes__c FROM Account', { ...env, accessLevel: 'USER_MODE' })
    ).toThrow(QueryException);
    expect(
      records('SELECT Secret_Notes__c FROM Account', { ...env, accessLevel: 'SYSTEM_MODE' })
    ).toHaveLength(3);
  });

  it('is refused together with a WITH access clause', () => {
    const { env } = setup();
    expect(() =>
      run('SELECT Id FROM Account WITH USER_MODE', { ...env, accessLevel: 'SYSTEM_MODE' })
    ).toThrow(NotSupportedOfflineError);
  });
});

/**
 * `@AuraEnabled` methods called as Lightning components call them (Lightning Web Components
 * Developer Guide, "Call Apex Methods", "Handle Errors"; Apex Developer Guide, "AuraEnabled
 * Annotation": a `cacheable=true` method cannot perform DML), on a test org.
 */
import { Program } from '../../interpreter/program';
import { testOrg } from '../../platform/orgs';
import { harnessProject, runOnTestOrg } from '../../testing/orgHarness';
import { INTERNAL_ERROR_MESSAGE, invokeAuraEnabled, type AuraResponse } from '../auraInvoke';

const PROBE = `public with sharing class Probe {
  public class Summary {
    @AuraEnabled public String name;
    @AuraEnabled public Date closeDate;
    @AuraEnabled public Datetime seenAt;
    @AuraEnabled public Decimal amount;
    @AuraEnabled public List<String> tags;
    @AuraEnabled public String empty;
    public String hidden = 'not for the client';
  }
  @AuraEnabled(cacheable=true)
  public static Summary summary(String name, Integer days, List<String> tags) {
    Summary result = new Summary();
    result.name = name;
    result.closeDate = Date.newInstance(2026, 11, 16).addDays(days);
    result.seenAt = Datetime.newInstanceGmt(2026, 11, 16, 9, 30, 0);
    result.amount = 1234.50;
    result.tags = tags;
    return result;
  }
  @AuraEnabled(cacheable=true)
  public static Id createInCacheable() {
    Account a = new Account(Name = 'Not allowed');
    insert a;
    return a.Id;
  }
  @AuraEnabled
  public static Id createThenFail(Boolean handled) {
    insert new Account(Name = 'Rolled back');
    if (handled) throw new AuraHandledException('Tell the user this');
    Integer broken = null;
    broken++;
    return null;
  }
  @AuraEnabled
  public static Id create(String name) {
    Account a = new Account(Name = name);
    insert a;
    return a.Id;
  }
  @AuraEnabled
  public static Map<String, Object> records() {
    return new Map<String, Object>{ 'accounts' => [SELECT Name FROM Account ORDER BY Name] };
  }
  @AuraEnabled
  public static String echoId(Id recordId) { return recordId; }
  public static String notEnabled() { return 'no'; }
}`;

function setUp() {
  const project = harnessProject();
  const org = testOrg(project);
  const program = Program.fromSources(project.schema, [{ file: 'classes/Probe.cls', text: PROBE }]);
  const call = (
    methodName: string,
    params: Record<string, unknown> = {},
    userId = org.adminUserId
  ) => invokeAuraEnabled(org, { className: 'Probe', methodName, params, userId }, program);
  const accountNames = () => [...org.database.rows('Account')].map((row) => String(row.Name));
  return { org, call, accountNames };
}

function failure(response: AuraResponse) {
  if (response.ok) throw new Error('the call succeeded');
  return response;
}

describe('invokeAuraEnabled', () => {
  it('passes parameters by name as the declared types and serialises only @AuraEnabled members', () => {
    const { call } = setUp();
    const response = call('summary', { name: 'Acme', days: 3, tags: ['a', 'b'] });
    expect(response.ok && response.value).toEqual({
      name: 'Acme',
      closeDate: '2026-11-19',
      seenAt: '2026-11-16T09:30:00.000Z',
      amount: 1234.5,
      tags: ['a', 'b']
    });
  });

  it('gives SObjects their queried fields', () => {
    const { call } = setUp();
    call('create', { name: 'Beta' });
    call('create', { name: 'Alpha' });
    const response = call('records');
    expect(response.ok && response.value).toEqual({
      accounts: [
        { Name: 'Alpha', Id: expect.any(String) },
        { Name: 'Beta', Id: expect.any(String) }
      ]
    });
  });

  it('refuses a parameter that is not of its declared type before the method runs', () => {
    const { call } = setUp();
    expect(failure(call('echoId', { recordId: '' }))).toMatchObject({
      status: 400,
      message: "Value provided is invalid for action parameter 'recordId' of type 'Id'"
    });
    expect(failure(call('summary', { name: 'x', days: 'three' }))).toMatchObject({
      status: 400,
      message: "Value provided is invalid for action parameter 'days' of type 'Integer'"
    });
  });

  it('refuses DML in a cacheable method, as the DML limit of 0', () => {
    const { call, accountNames } = setUp();
    const response = failure(call('createInCacheable'));
    expect(response.message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(response.detail).toMatch(/Too many DML statements: 1/);
    expect(accountNames()).toEqual([]);
  });

  it("passes on an AuraHandledException's message and rolls the transaction back", () => {
    const { call, accountNames } = setUp();
    const response = failure(call('createThenFail', { handled: true }));
    expect(response).toMatchObject({
      status: 500,
      message: 'Tell the user this',
      exceptionType: 'System.AuraHandledException'
    });
    expect(accountNames()).toEqual([]);
  });

  it('hides any other exception behind the generic message, keeping it for the developer', () => {
    const { call, accountNames } = setUp();
    const response = failure(call('createThenFail', { handled: false }));
    expect(response.message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(response.detail).toMatch(
      /^System.NullPointerException: .*\nClass.Probe.createThenFail: line \d+/
    );
    expect(accountNames()).toEqual([]);
  });

  it('commits a method that succeeds', () => {
    const { call, accountNames } = setUp();
    expect(call('create', { name: 'Kept' }).ok).toBe(true);
    expect(accountNames()).toEqual(['Kept']);
  });

  it('answers 404 for a method that is not @AuraEnabled and 403 without access to the class', () => {
    const { org, call } = setUp();
    expect(failure(call('notEnabled')).status).toBe(404);
    const setup = runOnTestOrg(
      `Profile standard = [SELECT Id FROM Profile WHERE Name = 'Standard User'];
       User plain = new User(ProfileId = standard.Id, LastName = 'Plain', Email = 'p@example.com',
         Username = 'p@example.com.offline', Alias = 'plain', TimeZoneSidKey = 'Europe/Copenhagen',
         LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US');
       insert plain;
       System.debug(plain.Id);`,
      { org }
    );
    const response = failure(call('create', { name: 'x' }, setup.debug[0]));
    expect(response).toMatchObject({
      status: 403,
      message: "You do not have access to the Apex class named 'Probe'."
    });
  });
});

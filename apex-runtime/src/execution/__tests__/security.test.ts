/**
 * Sharing and user mode (Apex Developer Guide, "Using the with sharing, without sharing, and
 * inherited sharing Keywords", "Enforce User Mode for Database Operations"): what a seller can
 * read and write of records someone else owns on a Private object, and the field-level security of
 * user-mode DML.
 */
import { runOnTestOrg, type OrgRunResult } from '../../testing/orgHarness';

const classes = {
  SharedReader: `public with sharing class SharedReader {
    public static Integer visibleSessions() { return [SELECT COUNT() FROM Coaching_Session__c]; }
  }`,
  SystemReader: `public without sharing class SystemReader {
    public static Integer allSessions() { return [SELECT COUNT() FROM Coaching_Session__c]; }
  }`
};

/** An org with a seller (Standard User + SSM_Seller) and a session the administrator owns. */
function orgWithSellerAndSession(): {
  org: OrgRunResult['org'];
  sellerId: string;
  sessionId: string;
} {
  const setup = runOnTestOrg(
    `
    Profile standard = [SELECT Id FROM Profile WHERE Name = 'Standard User'];
    User seller = new User(ProfileId = standard.Id, LastName = 'Seller', Email = 's@example.com',
      Username = 's@example.com.offline', Alias = 'sell', TimeZoneSidKey = 'Europe/Copenhagen',
      LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US');
    insert seller;
    insert new PermissionSetAssignment(AssigneeId = seller.Id,
      PermissionSetId = [SELECT Id FROM PermissionSet WHERE Name = 'SSM_Seller'].Id);
    System.debug(seller.Id);
  `,
    { classes }
  );
  if (!setup.success) throw new Error(setup.exceptionMessage);
  // A record in a transaction of its own: it cannot share one with a permission set assignment.
  const session = runOnTestOrg(
    `Coaching_Session__c session = new Coaching_Session__c(Session_Date__c = Date.today());
    insert session;
    System.debug(session.Id);`,
    { org: setup.org }
  );
  if (!session.success) throw new Error(session.exceptionMessage);
  return { org: setup.org, sellerId: setup.debug[0], sessionId: session.debug[0] };
}

describe('record sharing', () => {
  it('hides a Private record from a user who neither owns it nor has it shared, with sharing only', () => {
    const { org, sellerId } = orgWithSellerAndSession();
    const result = runOnTestOrg(
      'System.debug(SharedReader.visibleSessions()); System.debug(SystemReader.allSessions());',
      {
        classes,
        org,
        userId: sellerId
      }
    );
    expect(result.debug).toEqual(['0', '1']);
  });

  it('shows the record once a share row grants it to the user', () => {
    const { org, sellerId, sessionId } = orgWithSellerAndSession();
    runOnTestOrg(
      `insert new Coaching_Session__Share(ParentId = '${sessionId}', UserOrGroupId = '${sellerId}', AccessLevel = 'Read', RowCause = Schema.Coaching_Session__Share.RowCause.Coached_Seller__c);`,
      { classes, org }
    );
    const result = runOnTestOrg('System.debug(SharedReader.visibleSessions());', {
      classes,
      org,
      userId: sellerId
    });
    expect(result.debug).toEqual(['1']);
  });
});

describe('user mode', () => {
  it('refuses a field the user cannot edit in a user-mode insert, naming it', () => {
    const { org, sellerId } = orgWithSellerAndSession();
    const result = runOnTestOrg(
      `Database.SaveResult result = Database.insert(new Improvement_Idea__c(Name = 'Idea', Status__c = 'Accepted'), false, AccessLevel.USER_MODE);
       System.debug(result.getErrors()[0].getStatusCode() + ' ' + result.getErrors()[0].getFields());`,
      { classes, org, userId: sellerId }
    );
    expect(result.debug).toEqual(['INSUFFICIENT_ACCESS_OR_READONLY (Status__c)']);
  });

  it('refuses a user-mode query of an object the user has no access to', () => {
    const { org } = orgWithSellerAndSession();
    const plain = runOnTestOrg(
      `User plain = new User(ProfileId = [SELECT Id FROM Profile WHERE Name = 'Standard User'].Id,
        LastName = 'Plain', Email = 'p@example.com', Username = 'p@example.com.offline', Alias = 'plain',
        TimeZoneSidKey = 'Europe/Copenhagen', LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8',
        LanguageLocaleKey = 'en_US');
       insert plain;
       System.debug(plain.Id);`,
      { classes, org }
    );
    const result = runOnTestOrg(
      `try { Integer n = [SELECT COUNT() FROM Coaching_Session__c WITH USER_MODE]; }
       catch (QueryException e) { System.debug(e.getMessage()); }
       System.debug(SystemReader.allSessions());`,
      { classes, org, userId: plain.debug[0] }
    );
    expect(result.debug[0]).toMatch(/Coaching_Session__c/);
    expect(result.debug[1]).toBe('1');
  });
});

describe('permission set groups', () => {
  // Apex Developer Guide, "Permission Set Groups": a group made in a test grants its components
  // once Test.calculatePermissionSetGroup has run.
  it('grants a user the permission sets of a group created at run time', () => {
    const setup = runOnTestOrg(`
      Profile standard = [SELECT Id FROM Profile WHERE Name = 'Standard User'];
      User seller = new User(ProfileId = standard.Id, LastName = 'Seller', Email = 's@example.com',
        Username = 's@example.com.offline', Alias = 'sell', TimeZoneSidKey = 'Europe/Copenhagen',
        LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US');
      insert seller;
      PermissionSetGroup persona = new PermissionSetGroup(DeveloperName = 'Persona', MasterLabel = 'Persona');
      insert persona;
      insert new PermissionSetGroupComponent(PermissionSetGroupId = persona.Id,
        PermissionSetId = [SELECT Id FROM PermissionSet WHERE Name = 'SSM_Seller'].Id);
      insert new PermissionSetAssignment(AssigneeId = seller.Id, PermissionSetGroupId = persona.Id);
      System.debug(seller.Id);
    `);
    if (!setup.success) throw new Error(setup.exceptionMessage);
    const asSeller = runOnTestOrg(
      `System.debug(Schema.sObjectType.Coaching_Session__c.isAccessible());
       System.debug([SELECT COUNT() FROM PermissionSetGroupComponent WHERE PermissionSetGroup.DeveloperName = 'Persona']);`,
      { org: setup.org, userId: setup.debug[0] }
    );
    expect(asSeller.debug).toEqual(['true', '1']);
  });
});

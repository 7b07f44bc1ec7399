/**
 * The mixed-DML rule (Apex Developer Guide, "sObjects That Can’t Be Used Together in DML
 * Operations"), on a test org.
 */
import { runOnTestOrg } from '../../testing/orgHarness';

const NEW_USER = `Profile standard = [SELECT Id FROM Profile WHERE Name = 'Standard User'];
  User seller = new User(ProfileId = standard.Id, LastName = 'Seller', Email = 's@example.com',
    Username = 's@example.com.offline', Alias = 'sell', TimeZoneSidKey = 'Europe/Copenhagen',
    LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US');`;
const SELLER_SET = "[SELECT Id FROM PermissionSet WHERE Name = 'SSM_Seller'].Id";

describe('mixed DML', () => {
  it('refuses a permission set assignment after an account in the same transaction', () => {
    const result = runOnTestOrg(`${NEW_USER}
      insert seller;
      insert new Account(Name = 'Acme');
      insert new PermissionSetAssignment(AssigneeId = seller.Id, PermissionSetId = ${SELLER_SET});`);
    expect(result.exceptionMessage).toBe(
      'System.DmlException: Insert failed. First exception on row 0; first error: MIXED_DML_OPERATION, DML operation on setup object is not permitted after you have updated a non-setup object (or vice versa): PermissionSetAssignment, original object: Account: []'
    );
  });

  it('refuses an account after a permission set assignment, naming the setup object', () => {
    const result = runOnTestOrg(`${NEW_USER}
      insert seller;
      insert new PermissionSetAssignment(AssigneeId = seller.Id, PermissionSetId = ${SELLER_SET});
      Database.SaveResult saved = Database.insert(new Account(Name = 'Acme'), false);
      System.debug(saved.getErrors()[0].getStatusCode() + ': ' + saved.getErrors()[0].getMessage());`);
    expect(result.debug).toEqual([
      'MIXED_DML_OPERATION: DML operation on setup object is not permitted after you have updated a non-setup object (or vice versa): Account, original object: PermissionSetAssignment'
    ]);
  });

  it('lets a user without a role be inserted with other records, before and after', () => {
    const result = runOnTestOrg(`${NEW_USER}
      insert new Account(Name = 'Before');
      insert seller;
      insert new Account(Name = 'After');
      System.debug([SELECT COUNT() FROM Account]);`);
    expect(result.debug).toEqual(['2']);
  });

  it('lets a user be updated with other records unless the update changes their access', () => {
    const result = runOnTestOrg(`${NEW_USER}
      insert seller;
      insert new Account(Name = 'Acme');
      update new User(Id = seller.Id, Title = 'Account Executive');
      try {
        update new User(Id = seller.Id, IsActive = false);
      } catch (DmlException e) {
        System.debug(e.getDmlType(0));
      }`);
    expect(result.debug).toEqual(['MIXED_DML_OPERATION']);
  });

  it('lets a queued job do the setup DML, in a transaction of its own', () => {
    const result = runOnTestOrg(
      `${NEW_USER}
      insert seller;
      insert new Account(Name = 'Acme');
      System.enqueueJob(new GrantSeller(seller.Id));`,
      {
        classes: {
          GrantSeller: `public class GrantSeller implements Queueable {
            private Id userId;
            public GrantSeller(Id userId) { this.userId = userId; }
            public void execute(QueueableContext context) {
              insert new PermissionSetAssignment(AssigneeId = userId, PermissionSetId = ${SELLER_SET});
              System.debug('granted');
            }
          }`
        }
      }
    );
    expect(result.debug).toEqual(['granted']);
  });
});

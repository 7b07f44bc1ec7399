/**
 * DML as the platform runs it (Apex Developer Guide, "Triggers and Order of Execution", "DML
 * Exceptions", Apex Reference "Database Class"), on a fresh test org with triggers of the test's
 * own.
 */
import { runOnTestOrg } from '../../testing/orgHarness';

function debugOf(code: string, options: Parameters<typeof runOnTestOrg>[1] = {}): string[] {
  const result = runOnTestOrg(code, options);
  if (!result.success)
    throw new Error(
      `${result.compileProblem ?? result.exceptionMessage}\n${result.exceptionStackTrace ?? ''}`
    );
  return result.debug;
}

describe('insert', () => {
  it('assigns the Id to the inserted record and defaults the owner to the running user', () => {
    expect(
      debugOf(`
        Account a = new Account(Name = 'Acme');
        insert a;
        Account saved = [SELECT OwnerId FROM Account WHERE Id = :a.Id];
        System.debug(a.Id != null);
        System.debug(saved.OwnerId == UserInfo.getUserId());
      `)
    ).toEqual(['true', 'true']);
  });

  it('gives a picklist its default value when the record sets none', () => {
    expect(
      debugOf(`
        Improvement_Idea__c idea = new Improvement_Idea__c(Name = 'Faster quotes');
        insert idea;
        System.debug([SELECT Status__c FROM Improvement_Idea__c].Status__c);
      `)
    ).toEqual(['New']);
  });

  it('refuses a record without a required field, naming it', () => {
    const result = runOnTestOrg(`insert new Opportunity(Name = 'No stage');`);
    expect(result.exceptionMessage).toBe(
      'System.DmlException: Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [StageName, CloseDate]: [StageName, CloseDate]'
    );
  });

  it('refuses a record a validation rule rejects, with the rule message on its field', () => {
    const result = runOnTestOrg(`
      Coaching_Session__c session = new Coaching_Session__c(Session_Date__c = Date.today(), Usefulness_Rating__c = 7);
      try {
        insert session;
      } catch (DmlException e) {
        System.debug(e.getDmlStatusCode(0) + ' ' + e.getDmlMessage(0) + ' ' + e.getDmlFieldNames(0));
      }
    `);
    expect(result.debug).toEqual([
      'FIELD_CUSTOM_VALIDATION_EXCEPTION Rate the session from 1 (not useful) to 5 (very useful). (Usefulness_Rating__c)'
    ]);
  });

  it('saves the good records of a partial insert and reports the bad one', () => {
    expect(
      debugOf(`
        List<Database.SaveResult> results = Database.insert(new List<Account>{
          new Account(Name = 'Good'), new Account(), new Account(Name = 'Also good')
        }, false);
        for (Database.SaveResult result : results) System.debug(result.isSuccess());
        System.debug(results[1].getErrors()[0].getStatusCode());
        System.debug([SELECT COUNT() FROM Account]);
      `)
    ).toEqual(['true', 'false', 'true', 'REQUIRED_FIELD_MISSING', '2']);
  });

  it('rolls back every record of an all-or-none insert when one fails', () => {
    expect(
      debugOf(`
        try {
          insert new List<Account>{ new Account(Name = 'Good'), new Account() };
        } catch (DmlException e) {
          System.debug(e.getNumDml());
        }
        System.debug([SELECT COUNT() FROM Account]);
      `)
    ).toEqual(['1', '0']);
  });
});

describe('triggers', () => {
  const triggers = {
    AccountTrigger: `trigger AccountTrigger on Account (before insert, after insert, before update) {
      for (Account a : Trigger.new) {
        if (Trigger.isBefore && Trigger.isInsert) a.Description = 'stamped before insert';
        if (Trigger.isAfter) System.debug('after insert sees ' + a.Id.getSObjectType() + ' ' + Trigger.newMap.size());
        if (Trigger.isUpdate) System.debug('update from ' + Trigger.oldMap.get(a.Id).Name + ' to ' + a.Name);
      }
    }`
  };

  it('lets before triggers change the record and gives after triggers the Ids', () => {
    expect(
      debugOf(
        `
        Account a = new Account(Name = 'Acme');
        insert a;
        System.debug([SELECT Description FROM Account].Description);
        a.Name = 'Acme Corp';
        update a;
      `,
        { triggers }
      )
    ).toEqual([
      'after insert sees Account 1',
      'stamped before insert',
      'update from Acme to Acme Corp'
    ]);
  });

  it('makes Trigger.new read-only in after triggers', () => {
    const result = runOnTestOrg(`insert new Account(Name = 'Acme');`, {
      triggers: {
        AccountTrigger:
          "trigger AccountTrigger on Account (after insert) { Trigger.new[0].Name = 'x'; }"
      }
    });
    expect(result.exceptionMessage).toContain(
      'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY, AccountTrigger: execution of AfterInsert'
    );
    expect(result.exceptionMessage).toContain(
      'caused by: System.FinalException: Record is read-only'
    );
  });

  it('fails the records a trigger rejects with addError, keeping the others', () => {
    expect(
      debugOf(
        `
        List<Database.SaveResult> results = Database.insert(new List<Account>{ new Account(Name = 'Keep'), new Account(Name = 'Refuse') }, false);
        System.debug(results[0].isSuccess() + ' ' + results[1].isSuccess() + ' ' + results[1].getErrors()[0].getMessage());
        System.debug([SELECT Name FROM Account].Name);
      `,
        {
          triggers: {
            AccountTrigger: `trigger AccountTrigger on Account (before insert) {
              for (Account a : Trigger.new) if (a.Name == 'Refuse') a.addError('Not this one');
            }`
          }
        }
      )
    ).toEqual(['true false Not this one', 'Keep']);
  });
});

describe('update and delete', () => {
  it('refuses to update a deleted record, and brings it back with undelete', () => {
    expect(
      debugOf(`
        Account a = new Account(Name = 'Acme');
        insert a;
        delete a;
        System.debug([SELECT COUNT() FROM Account]);
        System.debug([SELECT COUNT() FROM Account ALL ROWS]);
        Database.SaveResult result = Database.update(new Account(Id = a.Id, Name = 'x'), false);
        System.debug(result.getErrors()[0].getStatusCode());
        undelete a;
        System.debug([SELECT COUNT() FROM Account]);
      `)
    ).toEqual(['0', '1', 'ENTITY_IS_DELETED', '1']);
  });

  it('refuses a list that names the same record twice', () => {
    const result = runOnTestOrg(`
      Account a = new Account(Name = 'Acme');
      insert a;
      update new List<Account>{ new Account(Id = a.Id), new Account(Id = a.Id) };
    `);
    expect(result.exceptionMessage).toMatch(/^System\.ListException: Duplicate id in list: 001/);
  });
});

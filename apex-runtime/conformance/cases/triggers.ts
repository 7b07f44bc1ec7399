/**
 * Triggers, on a test org with triggers of the case's own: the order of execution around a save
 * (before triggers, system validation and validation rules, after triggers, roll-up summaries), the
 * context variables of each event, read-only records, addError, uncaught exceptions, bulk chunks
 * and the partial-save retries that rerun triggers.
 */
import { onTestOrg } from '../conformanceCase';
import { DOCS } from '../docPages';

/** Describes each firing: the operation and the sizes of new, old, newMap and oldMap (or null). */
const CONTEXT_TRIGGER = {
  AccountContext: `trigger AccountContext on Account (before insert, after insert, before update, after update, before delete, after delete, after undelete) {
    String line = String.valueOf(Trigger.operationType);
    line += ' new=' + (Trigger.new == null ? 'null' : String.valueOf(Trigger.new.size()));
    line += ' old=' + (Trigger.old == null ? 'null' : String.valueOf(Trigger.old.size()));
    line += ' newMap=' + (Trigger.newMap == null ? 'null' : String.valueOf(Trigger.newMap.size()));
    line += ' oldMap=' + (Trigger.oldMap == null ? 'null' : String.valueOf(Trigger.oldMap.size()));
    System.debug(line);
  }`
};

const TWO_ACCOUNTS =
  "insert new List<Account>{ new Account(Name = 'One'), new Account(Name = 'Two') };";

/** A before-insert trigger that refuses accounts named Refuse and reports the size of each firing. */
const REFUSING_TRIGGER = {
  AccountRefusal: `trigger AccountRefusal on Account (before insert, after insert) {
    System.debug((Trigger.isBefore ? 'before ' : 'after ') + Trigger.size);
    if (Trigger.isBefore) {
      for (Account a : Trigger.new) if (a.Name == 'Refuse') a.addError('Not this one');
    }
  }`
};

const COUNTER = {
  TriggerCounter: 'public class TriggerCounter { public static Integer firings = 0; }'
};

export const triggerCases = onTestOrg([
  {
    name: 'an insert fires before insert with Trigger.new only, then after insert with Trigger.newMap too',
    source: DOCS.triggerContextVariables,
    triggers: CONTEXT_TRIGGER,
    apex: TWO_ACCOUNTS,
    debug: [
      'BEFORE_INSERT new=2 old=null newMap=null oldMap=null',
      'AFTER_INSERT new=2 old=null newMap=2 oldMap=null'
    ],
    note: 'The page: newMap is available in before update, after insert, after update and after undelete triggers; old and oldMap in update and delete triggers.'
  },
  {
    name: 'an update fires before and after update with new, old and both maps',
    source: DOCS.triggerContextVariables,
    triggers: CONTEXT_TRIGGER,
    setup: TWO_ACCOUNTS,
    apex: 'update [SELECT Id FROM Account];',
    debug: [
      'BEFORE_UPDATE new=2 old=2 newMap=2 oldMap=2',
      'AFTER_UPDATE new=2 old=2 newMap=2 oldMap=2'
    ]
  },
  {
    name: 'a delete fires before and after delete with Trigger.old and Trigger.oldMap only',
    source: DOCS.triggerContextVariables,
    triggers: CONTEXT_TRIGGER,
    setup: TWO_ACCOUNTS,
    apex: 'delete [SELECT Id FROM Account];',
    debug: [
      'BEFORE_DELETE new=null old=2 newMap=null oldMap=2',
      'AFTER_DELETE new=null old=2 newMap=null oldMap=2'
    ]
  },
  {
    name: 'an undelete fires after undelete with Trigger.new and Trigger.newMap',
    source: DOCS.triggerContextVariables,
    triggers: CONTEXT_TRIGGER,
    setup: TWO_ACCOUNTS + '\ndelete [SELECT Id FROM Account];',
    apex: 'undelete [SELECT Id FROM Account ALL ROWS];',
    debug: ['AFTER_UNDELETE new=2 old=null newMap=2 oldMap=null']
  },
  {
    name: 'the Boolean context variables describe the event',
    source: DOCS.triggerContextVariables,
    triggers: {
      AccountFlags: `trigger AccountFlags on Account (before update) {
        System.debug(Trigger.isExecuting + ' ' + Trigger.isBefore + ' ' + Trigger.isAfter + ' ' + Trigger.isInsert + ' ' + Trigger.isUpdate + ' ' + Trigger.isDelete + ' ' + Trigger.isUndelete + ' ' + Trigger.size);
      }`
    },
    setup: TWO_ACCOUNTS,
    apex: 'update [SELECT Id FROM Account];',
    debug: ['true true false false true false false 2']
  },
  {
    name: 'Trigger.operationType is a System.TriggerOperation that switch can match',
    source: DOCS.triggerOperationEnum,
    triggers: {
      AccountSwitch: `trigger AccountSwitch on Account (before insert, after insert) {
        switch on Trigger.operationType {
          when BEFORE_INSERT { System.debug('stamping'); }
          when AFTER_INSERT { System.debug('notifying'); }
        }
      }`
    },
    apex: "insert new Account(Name = 'One');",
    debug: ['stamping', 'notifying']
  },
  {
    name: 'outside a trigger the context variables are null or false',
    source: DOCS.triggerContextVariables,
    classes: {
      Context: `public class Context {
        public static String describe() { return Trigger.isExecuting + ' ' + (Trigger.new == null); }
      }`
    },
    triggers: {
      AccountCaller: `trigger AccountCaller on Account (before insert) { System.debug('in trigger: ' + Context.describe()); }`
    },
    apex: "System.debug('anonymous: ' + Context.describe());\ninsert new Account(Name = 'One');",
    debug: ['anonymous: false true', 'in trigger: true false'],
    note: 'The page: isExecuting is true when the current context is a trigger, not an executeanonymous() call; a class a trigger calls is in that context.'
  },
  {
    name: 'Trigger.old holds the values before the update, Trigger.new the values being saved',
    source: DOCS.triggerContextVariables,
    triggers: {
      AccountRename: `trigger AccountRename on Account (before update) {
        for (Account a : Trigger.new) System.debug(Trigger.oldMap.get(a.Id).Name + ' -> ' + a.Name);
      }`
    },
    setup: "insert new Account(Name = 'Old');",
    apex: "Account a = [SELECT Id FROM Account];\na.Name = 'New';\nupdate a;",
    debug: ['Old -> New']
  },
  {
    name: 'a before trigger runs before the required-field check, so it can fill a missing field',
    source: DOCS.triggersOrderOfExecution,
    triggers: {
      AccountDefaults: `trigger AccountDefaults on Account (before insert) {
        for (Account a : Trigger.new) if (a.Name == null) a.Name = 'Unnamed';
      }`
    },
    apex: 'insert new Account();\nSystem.debug([SELECT Name FROM Account].Name);',
    debug: ['Unnamed'],
    note: 'The page: before triggers run, then most system validation again, such as verifying that required fields have a non-null value.'
  },
  {
    name: 'validation rules run after before triggers, so a before trigger can correct a value',
    source: DOCS.triggersOrderOfExecution,
    triggers: {
      SessionClamp: `trigger SessionClamp on Coaching_Session__c (before insert) {
        for (Coaching_Session__c s : Trigger.new) if (s.Usefulness_Rating__c > 5) s.Usefulness_Rating__c = 5;
      }`
    },
    apex: 'insert new Coaching_Session__c(Session_Date__c = Date.newInstance(2026, 11, 16), Usefulness_Rating__c = 7);\nSystem.debug([SELECT Usefulness_Rating__c FROM Coaching_Session__c].Usefulness_Rating__c);',
    debug: ['5'],
    note: 'Without the trigger the project’s validation rule refuses a rating over 5.'
  },
  {
    name: 'a before insert trigger has no Id, an after insert trigger has the Id and audit fields',
    source: DOCS.triggers,
    triggers: {
      AccountIds: `trigger AccountIds on Account (before insert, after insert) {
        Account a = Trigger.new[0];
        System.debug((Trigger.isBefore ? 'before ' : 'after ') + (a.Id != null) + ' ' + (a.CreatedDate != null));
      }`
    },
    apex: "insert new Account(Name = 'One');",
    debug: ['before false false', 'after true true'],
    note: 'The page: after triggers are used to access field values that are set by the system, such as a record’s Id or LastModifiedDate.'
  },
  {
    name: 'changes a before trigger makes to Trigger.new are saved without DML',
    source: DOCS.triggerContextConsiderations,
    triggers: {
      AccountStamp: `trigger AccountStamp on Account (before update) {
        for (Account a : Trigger.new) a.Description = 'stamped';
      }`
    },
    setup: "insert new Account(Name = 'One');",
    apex: "update new Account(Id = [SELECT Id FROM Account].Id, Name = 'Renamed');\nAccount saved = [SELECT Name, Description FROM Account];\nSystem.debug(saved.Name + ' ' + saved.Description);",
    debug: ['Renamed stamped']
  },
  {
    name: 'changing Trigger.new in an after trigger fails the save with a read-only error',
    source: DOCS.triggerContextConsiderations,
    triggers: {
      AccountLate:
        "trigger AccountLate on Account (after insert) { Trigger.new[0].Name = 'Too late'; }"
    },
    apex: "try {\n  insert new Account(Name = 'One');\n} catch (DmlException e) {\n  System.debug(e.getDmlStatusCode(0));\n  System.debug(e.getDmlMessage(0).startsWith('AccountLate: execution of AfterInsert'));\n  System.debug(e.getDmlMessage(0).contains('caused by: System.FinalException: Record is read-only'));\n}\nSystem.debug([SELECT COUNT() FROM Account]);",
    debug: ['CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', 'true', 'true', '0'],
    note: 'The page: in all after triggers, trigger.new is not saved, so a runtime exception is thrown. The message is the one orgs print.'
  },
  {
    name: 'Trigger.old is read-only even in a before trigger',
    source: DOCS.triggerContextConsiderations,
    triggers: {
      AccountOld: `trigger AccountOld on Account (before update) {
        try {
          Trigger.old[0].Name = 'Rewritten';
        } catch (FinalException e) {
          System.debug(e.getMessage());
        }
      }`
    },
    setup: "insert new Account(Name = 'One');",
    apex: 'update [SELECT Id FROM Account];',
    debug: ['Record is read-only']
  },
  {
    name: 'addError in a before trigger fails the record with its message and rolls back the statement',
    source: DOCS.triggerExceptions,
    triggers: REFUSING_TRIGGER,
    apex: "try {\n  insert new List<Account>{ new Account(Name = 'Keep'), new Account(Name = 'Refuse') };\n} catch (DmlException e) {\n  System.debug(e.getMessage());\n}\nSystem.debug([SELECT COUNT() FROM Account]);",
    debug: [
      'before 2',
      'after 1',
      'Insert failed. First exception on row 1; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, Not this one: []',
      '0'
    ],
    note: 'The page: if the trigger was spawned by a DML statement in Apex, any one error rolls back the entire operation, and every record is still processed; the good record reaches its after trigger. Message as orgs print it.'
  },
  {
    name: 'a partial save reruns the triggers on the records that succeeded',
    source: DOCS.bulkDmlExceptions,
    triggers: REFUSING_TRIGGER,
    apex: "List<Database.SaveResult> results = Database.insert(new List<Account>{ new Account(Name = 'Keep'), new Account(Name = 'Refuse') }, false);\nSystem.debug(results[0].isSuccess() + ' ' + results[1].getErrors()[0].getMessage());\nSystem.debug([SELECT Name FROM Account].Name);",
    debug: ['before 2', 'after 1', 'before 1', 'after 1', 'true Not this one', 'Keep'],
    note: 'The page: the first attempt processes all records and sets aside those that fail; the second attempt saves the others, and triggers are rerun on that subset.'
  },
  {
    name: 'addError on Trigger.old in a delete trigger prevents the deletion',
    source: DOCS.triggerExceptions,
    triggers: {
      AccountKeep: `trigger AccountKeep on Account (before delete) {
        for (Account a : Trigger.old) a.addError('Accounts are kept');
      }`
    },
    setup: "insert new Account(Name = 'One');",
    apex: "Database.DeleteResult result = Database.delete([SELECT Id FROM Account][0], false);\nSystem.debug(result.isSuccess() + ' ' + result.getErrors()[0].getMessage());\nSystem.debug([SELECT COUNT() FROM Account]);",
    debug: ['false Accounts are kept', '1']
  },
  {
    name: 'an exception a trigger does not catch fails every record with the trigger’s name and event',
    source: DOCS.triggerExceptions,
    triggers: {
      AccountBroken: `trigger AccountBroken on Account (before insert) {
        Integer zero = 0;
        Integer broken = 1 / zero;
      }`
    },
    apex: "List<Database.SaveResult> results = Database.insert(new List<Account>{ new Account(Name = 'One'), new Account(Name = 'Two') }, false);\nfor (Database.SaveResult r : results) {\n  System.debug(r.getErrors()[0].getStatusCode() + ' ' + r.getErrors()[0].getMessage().substringBefore('\\n'));\n}",
    debug: [
      'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY AccountBroken: execution of BeforeInsert',
      'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY AccountBroken: execution of BeforeInsert'
    ],
    note: 'The page: if a trigger ever throws an unhandled exception, all records are marked with an error. Status code and message as orgs print them.'
  },
  {
    name: 'a failed DML statement inside an after trigger rolls back the record that fired it',
    source: DOCS.triggerExceptions,
    triggers: {
      AccountFollowUp: `trigger AccountFollowUp on Account (after insert) {
        insert new Contact(AccountId = Trigger.new[0].Id);
      }`
    },
    apex: "try {\n  insert new Account(Name = 'One');\n} catch (DmlException e) {\n  System.debug(e.getDmlStatusCode(0));\n  System.debug(e.getDmlMessage(0).contains('REQUIRED_FIELD_MISSING'));\n}\nSystem.debug([SELECT COUNT() FROM Account]);\nSystem.debug([SELECT COUNT() FROM Contact]);",
    debug: ['CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', 'true', '0', '0']
  },
  {
    name: 'triggers process 200 records at a time',
    source: DOCS.triggers,
    triggers: {
      AccountChunks:
        'trigger AccountChunks on Account (before insert) { System.debug(Trigger.size); }'
    },
    apex: "List<Account> accounts = new List<Account>();\nfor (Integer i = 0; i < 450; i++) accounts.add(new Account(Name = 'A' + i));\ninsert accounts;",
    debug: ['200', '200', '50'],
    note: 'The Triggers page and "Execution Governors and Limits": triggers execute on batches of 200 records at a time.'
  },
  {
    name: 'upsert fires insert triggers for new records and update triggers for existing ones',
    source: DOCS.triggers,
    triggers: CONTEXT_TRIGGER,
    setup: "insert new Account(Name = 'Existing');",
    apex: "upsert new List<Account>{ [SELECT Id FROM Account], new Account(Name = 'New') };",
    debug: [
      'BEFORE_INSERT new=1 old=null newMap=null oldMap=null',
      'AFTER_INSERT new=1 old=null newMap=1 oldMap=null',
      'BEFORE_UPDATE new=1 old=1 newMap=1 oldMap=1',
      'AFTER_UPDATE new=1 old=1 newMap=1 oldMap=1'
    ],
    note: 'The page: upsert triggers fire both before and after insert or before and after update triggers as appropriate. The order of the two groups is not documented; the runtime saves the new records first.'
  },
  {
    name: 'static variables keep their values across the DML statements of one transaction',
    source: DOCS.staticAndInstance,
    classes: COUNTER,
    triggers: {
      AccountCount: 'trigger AccountCount on Account (after insert) { TriggerCounter.firings++; }'
    },
    apex: "insert new Account(Name = 'One');\ninsert new Account(Name = 'Two');\nSystem.debug(TriggerCounter.firings);",
    debug: ['2']
  },
  {
    name: 'static variables start afresh in the next transaction',
    source: DOCS.staticAndInstance,
    classes: COUNTER,
    triggers: {
      AccountCount: 'trigger AccountCount on Account (after insert) { TriggerCounter.firings++; }'
    },
    setup: "insert new Account(Name = 'In setup');",
    apex: "insert new Account(Name = 'One');\nSystem.debug(TriggerCounter.firings);",
    debug: ['1'],
    note: 'The setup runs in a transaction of its own, as a separate anonymous block does.'
  },
  {
    name: 'a roll-up summary change puts the parent through its own save, firing its update triggers',
    source: DOCS.triggersOrderOfExecution,
    triggers: {
      PlanRollup: `trigger PlanRollup on Account_Plan__c (after update) {
        for (Account_Plan__c plan : Trigger.new) {
          System.debug(Trigger.oldMap.get(plan.Id).Objective_Count__c + ' -> ' + plan.Objective_Count__c);
        }
      }`
    },
    setup:
      "Account a = new Account(Name = 'Acme');\ninsert a;\ninsert new Account_Plan__c(Name = 'Plan', Account__c = a.Id);",
    apex: "Account_Plan__c plan = [SELECT Id FROM Account_Plan__c];\ninsert new List<Account_Plan_Objective__c>{\n  new Account_Plan_Objective__c(Name = 'First', Account_Plan__c = plan.Id),\n  new Account_Plan_Objective__c(Name = 'Second', Account_Plan__c = plan.Id)\n};",
    debug: ['0 -> 2'],
    note: 'The page: roll-up summary fields are calculated and the parent record goes through the save procedure. Objective_Count__c counts the plan’s objectives.'
  },
  {
    name: 'a trigger that recursively fires itself through DML stops at a depth of 16',
    source: DOCS.governorLimits,
    classes: COUNTER,
    triggers: {
      AccountEcho: `trigger AccountEcho on Account (after insert) {
        TriggerCounter.firings++;
        insert new Account(Name = 'Echo ' + TriggerCounter.firings);
      }`
    },
    apex: "try {\n  insert new Account(Name = 'Echo 0');\n} catch (DmlException e) {\n  System.debug(e.getMessage().contains('AccountEcho: maximum trigger depth exceeded'));\n}\nSystem.debug(TriggerCounter.firings);\nSystem.debug([SELECT COUNT() FROM Account]);",
    debug: ['true', '16', '0'],
    note: 'The page: the total stack depth for any Apex invocation that recursively fires triggers due to insert, update, or delete statements is 16. The message is the one orgs print; the insert of the 16th level fails and every level rolls back, static variables keep their values.'
  }
]);

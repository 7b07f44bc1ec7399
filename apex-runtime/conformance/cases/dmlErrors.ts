/**
 * DML statements and their errors as Apex sees them, on a test org: the DmlException of a DML
 * statement (its message and its per-row getDml* methods), the SaveResult and Database.Error of a
 * Database method with allOrNone false, the status codes of the platform's system validation,
 * upsert, savepoints, and the cascade of a master record's delete and undelete.
 *
 * Status codes and messages: the Database.Error page sends the reader to the org's WSDL for the
 * full list of status codes; where a page quotes no message, the case pins the one orgs print and
 * says so in its note.
 */
import { onTestOrg } from '../conformanceCase';
import { DOCS } from '../docPages';

/** Prints the first error of a partial save of one record: status code, message and fields. */
function firstErrorOf(saveCall: string): string {
  return `Database.SaveResult result = ${saveCall};
Database.Error error = result.getErrors()[0];
System.debug(result.isSuccess() + ' ' + error.getStatusCode());
System.debug(error.getMessage());
System.debug(error.getFields());`;
}

export const dmlErrorCases = onTestOrg([
  {
    name: 'a DML statement that fails throws a DmlException naming the row, the status code and the fields',
    source: DOCS.dmlExceptionHandling,
    apex: 'insert new Account();',
    error:
      'System.DmlException: Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [Name]: [Name]',
    line: 1,
    note: 'The page shows the catch; the message format is the one orgs print.'
  },
  {
    name: 'the DmlException methods describe each failed row',
    source: DOCS.exceptionClass,
    apex: 'try {\n  insert new Account();\n} catch (DmlException e) {\n  System.debug(e.getNumDml());\n  System.debug(e.getDmlIndex(0));\n  System.debug(e.getDmlStatusCode(0));\n  System.debug(e.getDmlMessage(0));\n  System.debug(e.getDmlFieldNames(0));\n}',
    debug: ['1', '0', 'REQUIRED_FIELD_MISSING', 'Required fields are missing: [Name]', '(Name)']
  },
  {
    name: 'an all-or-none DML statement reports every failed row, not only the first',
    source: DOCS.triggerExceptions,
    apex: "try {\n  insert new List<Account>{ new Account(Name = 'Good'), new Account(), new Account() };\n} catch (DmlException e) {\n  System.debug(e.getNumDml());\n  System.debug(e.getDmlIndex(0) + ' ' + e.getDmlIndex(1));\n  System.debug(e.getMessage().startsWith('Insert failed. First exception on row 1;'));\n}\nSystem.debug([SELECT COUNT() FROM Account]);",
    debug: ['2', '1 2', 'true', '0'],
    note: 'The page: the runtime engine still processes every record in the operation to compile a comprehensive list of errors; and the whole operation rolls back.'
  },
  {
    name: 'Database.insert with allOrNone false saves the good records and returns an error for the bad one',
    source: DOCS.databaseErrors,
    apex: "List<Database.SaveResult> results = Database.insert(new List<Account>{ new Account(Name = 'Good'), new Account() }, false);\nSystem.debug(results[0].isSuccess() + ' ' + (results[0].getId() != null));\nSystem.debug(results[1].isSuccess() + ' ' + results[1].getId());\nSystem.debug(results[1].getErrors()[0].getStatusCode());\nSystem.debug([SELECT COUNT() FROM Account]);",
    debug: ['true true', 'false null', 'REQUIRED_FIELD_MISSING', '1']
  },
  {
    name: 'a SaveResult gives the Id of the saved record, which the record in the list gets too',
    source: DOCS.saveResultClass,
    apex: "Account a = new Account(Name = 'Acme');\nDatabase.SaveResult result = Database.insert(a, false);\nSystem.debug(result.isSuccess() + ' ' + result.getErrors().isEmpty());\nSystem.debug(result.getId() == a.Id);\nSystem.debug(String.valueOf(result.getId()).left(3));",
    debug: ['true true', 'true', '001']
  },
  {
    name: 'Database.insert with allOrNone true throws like the DML statement',
    source: DOCS.dmlVersusDatabase,
    apex: "try {\n  Database.insert(new List<Account>{ new Account(Name = 'Good'), new Account() }, true);\n} catch (DmlException e) {\n  System.debug(e.getDmlStatusCode(0));\n}\nSystem.debug([SELECT COUNT() FROM Account]);",
    debug: ['REQUIRED_FIELD_MISSING', '0']
  },
  {
    name: 'a text longer than the field fails with STRING_TOO_LONG on that field',
    source: DOCS.databaseErrorClass,
    apex: firstErrorOf(
      "Database.insert(new Account(Name = 'Acme', BillingCity = 'x'.repeat(41)), false)"
    ),
    debug: [
      'false STRING_TOO_LONG',
      'Billing City: data value too large: ' + 'x'.repeat(41) + ' (max length=40)',
      '(BillingCity)'
    ],
    note: 'Message as orgs print it: the field label, the value and the maximum length.'
  },
  {
    name: 'a value outside a restricted picklist fails with INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    source: DOCS.databaseErrorClass,
    apex: firstErrorOf(
      "Database.insert(new Opportunity(Name = 'Deal', StageName = 'Dreaming', CloseDate = Date.newInstance(2026, 12, 1)), false)"
    ),
    debug: [
      'false INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      'Stage: bad value for restricted picklist field: Dreaming',
      '(StageName)'
    ],
    note: 'Message as orgs print it.'
  },
  {
    name: 'a number with more integer digits than the field allows fails with NUMBER_OUTSIDE_VALID_RANGE',
    source: DOCS.databaseErrorClass,
    apex: firstErrorOf(
      "Database.insert(new Account(Name = 'Acme', Data_Quality_Score__c = 1000), false)"
    ),
    debug: [
      'false NUMBER_OUTSIDE_VALID_RANGE',
      'Data Quality Score: value outside of valid range on numeric field: 1000',
      '(Data_Quality_Score__c)'
    ],
    note: 'Data_Quality_Score__c has precision 3 and scale 0; message as orgs print it.'
  },
  {
    name: 'a second record with the value of a unique field fails with DUPLICATE_VALUE, ignoring case',
    source: DOCS.databaseErrorClass,
    setup: "insert new Account(Name = 'First', SSM_External_Id__c = 'ACC-1');",
    apex: "Database.SaveResult result = Database.insert(new Account(Name = 'Second', SSM_External_Id__c = 'acc-1'), false);\nSystem.debug(result.getErrors()[0].getStatusCode());\nSystem.debug(result.getErrors()[0].getFields());\nSystem.debug(result.getErrors()[0].getMessage().startsWith('duplicate value found: SSM_External_Id__c duplicates value on record with id: 001'));",
    debug: ['DUPLICATE_VALUE', '(SSM_External_Id__c)', 'true'],
    note: 'SSM_External_Id__c is unique and not case-sensitive; message as orgs print it.'
  },
  {
    name: 'a validation rule that fires fails the record with FIELD_CUSTOM_VALIDATION_EXCEPTION and its message',
    source: DOCS.triggersOrderOfExecution,
    apex: 'try {\n  insert new Coaching_Session__c(Session_Date__c = Date.newInstance(2026, 11, 16), Usefulness_Rating__c = 7);\n} catch (DmlException e) {\n  System.debug(e.getDmlStatusCode(0));\n  System.debug(e.getDmlMessage(0));\n  System.debug(e.getDmlFieldNames(0));\n}',
    debug: [
      'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      'Rate the session from 1 (not useful) to 5 (very useful).',
      '(Usefulness_Rating__c)'
    ],
    note: 'The project’s validation rule on Coaching_Session__c shows its message at Usefulness_Rating__c.'
  },
  {
    name: 'updating a record without an Id fails with MISSING_ARGUMENT',
    source: DOCS.dmlExceptionHandling,
    apex: "update new Account(Name = 'No Id');",
    error:
      'System.DmlException: Update failed. First exception on row 0; first error: MISSING_ARGUMENT, Id not specified in an update call: []',
    note: 'Message as orgs print it.'
  },
  {
    name: 'inserting a record that has an Id fails with INVALID_FIELD_FOR_INSERT_UPDATE',
    source: DOCS.dmlExceptionHandling,
    apex:
      "Account a = new Account(Name = 'Acme');\ninsert a;\n" +
      firstErrorOf('Database.insert(a, false)'),
    debug: ['false INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', '(Id)'],
    note: 'Message as orgs print it.'
  },
  {
    name: 'deleting a deleted record fails with ENTITY_IS_DELETED',
    source: DOCS.databaseErrorClass,
    apex: "Account a = new Account(Name = 'Acme');\ninsert a;\ndelete a;\nDatabase.DeleteResult result = Database.delete(a.Id, false);\nSystem.debug(result.isSuccess() + ' ' + result.getErrors()[0].getStatusCode() + ' ' + result.getErrors()[0].getMessage());",
    debug: ['false ENTITY_IS_DELETED entity is deleted']
  },
  {
    name: 'undeleting a record that is not in the Recycle Bin fails with UNDELETE_FAILED',
    source: DOCS.databaseErrorClass,
    apex: "Account a = new Account(Name = 'Acme');\ninsert a;\nDatabase.UndeleteResult result = Database.undelete(a.Id, false);\nSystem.debug(result.isSuccess() + ' ' + result.getErrors()[0].getStatusCode());",
    debug: ['false UNDELETE_FAILED']
  },
  {
    name: 'a lookup to a record of the wrong object fails with FIELD_INTEGRITY_EXCEPTION',
    source: DOCS.databaseErrorClass,
    apex:
      "Opportunity o = new Opportunity(Name = 'Deal', StageName = 'Prospecting', CloseDate = Date.newInstance(2026, 12, 1));\ninsert o;\n" +
      firstErrorOf(
        "Database.insert(new Contact(LastName = 'Doe', AccountId = o.Id), false)"
      ).replace(
        'System.debug(error.getMessage());',
        "System.debug(error.getMessage() == 'Account ID: id value of incorrect type: ' + o.Id);"
      ),
    debug: ['false FIELD_INTEGRITY_EXCEPTION', 'true', '(AccountId)'],
    note: 'Status code and message as orgs print them for an Id of another object in a lookup.'
  },
  {
    name: 'a lookup to a deleted record fails with ENTITY_IS_DELETED',
    source: DOCS.databaseErrorClass,
    apex:
      "Account gone = new Account(Name = 'Gone');\ninsert gone;\ndelete gone;\n" +
      "Database.SaveResult result = Database.insert(new Contact(LastName = 'Doe', AccountId = gone.Id), false);\nSystem.debug(result.getErrors()[0].getStatusCode() + ' ' + result.getErrors()[0].getMessage());",
    debug: ['ENTITY_IS_DELETED entity is deleted'],
    note: 'Status code and message as orgs print them for a lookup to a record in the Recycle Bin.'
  },
  {
    name: 'upsert inserts the records without an Id and updates those with one',
    source: DOCS.upsertingRecords,
    setup: "insert new Account(Name = 'Old');",
    apex: "Account old = [SELECT Id, Name FROM Account];\nold.Name = 'Renamed';\nList<Database.UpsertResult> results = Database.upsert(new List<Account>{ old, new Account(Name = 'New') });\nSystem.debug(results[0].isCreated() + ' ' + results[1].isCreated());\nfor (Account a : [SELECT Name FROM Account ORDER BY Name]) System.debug(a.Name);",
    debug: ['false true', 'New', 'Renamed']
  },
  {
    name: 'upsert by an external Id updates the record whose key matches',
    source: DOCS.upsertingRecords,
    setup: "insert new Account(Name = 'Old name', SSM_External_Id__c = 'ACC-1');",
    apex: "Database.UpsertResult result = Database.upsert(new Account(Name = 'New name', SSM_External_Id__c = 'ACC-1'), Account.SSM_External_Id__c);\nSystem.debug(result.isCreated());\nSystem.debug([SELECT COUNT() FROM Account]);\nSystem.debug([SELECT Name FROM Account].Name);",
    debug: ['false', '1', 'New name']
  },
  {
    name: 'upsert by an external Id inserts when no record has the key',
    source: DOCS.upsertingRecords,
    setup: "insert new Account(Name = 'Other', SSM_External_Id__c = 'ACC-1');",
    apex: "upsert new Account(Name = 'Fresh', SSM_External_Id__c = 'ACC-2') SSM_External_Id__c;\nSystem.debug([SELECT COUNT() FROM Account]);",
    debug: ['2']
  },
  {
    name: 'rolling back to a savepoint undoes the DML after it',
    source: DOCS.transactionControl,
    apex: "insert new Account(Name = 'Kept');\nSavepoint sp = Database.setSavepoint();\ninsert new Account(Name = 'Undone');\nDatabase.rollback(sp);\nfor (Account a : [SELECT Name FROM Account]) System.debug(a.Name);",
    debug: ['Kept']
  },
  {
    name: 'setSavepoint and rollback each count as a DML statement',
    source: DOCS.transactionControl,
    apex: "Savepoint sp = Database.setSavepoint();\ninsert new Account(Name = 'Undone');\nDatabase.rollback(sp);\nSystem.debug(Limits.getDmlStatements());",
    debug: ['3']
  },
  {
    name: 'a record inserted after a savepoint keeps its Id after the rollback, so it cannot be inserted again',
    source: DOCS.transactionControl,
    apex: "Savepoint sp = Database.setSavepoint();\nAccount a = new Account(Name = 'Undone');\ninsert a;\nDatabase.rollback(sp);\nSystem.debug(a.Id != null);\ntry {\n  insert a;\n} catch (DmlException e) {\n  System.debug(e.getDmlStatusCode(0));\n}",
    debug: ['true', 'INVALID_FIELD_FOR_INSERT_UPDATE']
  },
  {
    name: 'deleting a master record deletes its detail records, and undeleting it restores them',
    source: DOCS.deletingRecords,
    setup:
      "Account a = new Account(Name = 'Acme');\ninsert a;\nAccount_Plan__c plan = new Account_Plan__c(Name = 'Plan', Account__c = a.Id);\ninsert plan;\ninsert new Account_Plan_Objective__c(Name = 'Grow', Account_Plan__c = plan.Id);",
    apex: "delete [SELECT Id FROM Account];\nSystem.debug([SELECT COUNT() FROM Account_Plan__c] + ' ' + [SELECT COUNT() FROM Account_Plan_Objective__c]);\nSystem.debug([SELECT COUNT() FROM Account_Plan__c ALL ROWS]);\nundelete [SELECT Id FROM Account ALL ROWS];\nSystem.debug([SELECT COUNT() FROM Account_Plan__c] + ' ' + [SELECT COUNT() FROM Account_Plan_Objective__c]);",
    debug: ['0 0', '1', '1 1'],
    note: 'The page: the delete operation cascades to the children (the account plan is a master-detail child of the account, its objectives of the plan). That undelete restores them is Salesforce Help’s ("Considerations for Relationships").'
  },
  {
    name: 'a detail record deleted before its master is not restored with it',
    source: DOCS.deletingRecords,
    setup:
      "Account a = new Account(Name = 'Acme');\ninsert a;\ninsert new List<Account_Plan__c>{ new Account_Plan__c(Name = 'Kept', Account__c = a.Id), new Account_Plan__c(Name = 'Dropped', Account__c = a.Id) };",
    apex: "delete [SELECT Id FROM Account_Plan__c WHERE Name = 'Dropped'];\ndelete [SELECT Id FROM Account];\nundelete [SELECT Id FROM Account ALL ROWS];\nfor (Account_Plan__c plan : [SELECT Name FROM Account_Plan__c ALL ROWS]) System.debug(plan.Name);",
    debug: ['Kept'],
    note: 'Salesforce Help ("Considerations for Relationships"): a detail record deleted separately before its master is deleted for good when the master is deleted, and cannot be restored.'
  }
]);

/**
 * Sharing and user mode, on a test org: which records a user's code sees under with, without,
 * inherited and omitted sharing keywords (classes of API 66.0 and earlier, where database
 * operations default to system mode), share rows, and the object and field permissions that user
 * mode, WITH SECURITY_ENFORCED and stripInaccessible enforce.
 *
 * The users (see conformanceCase.ts): `seller`, a Standard User with SSM_Seller (read and edit on
 * Coaching_Session__c, whose org-wide default is Private; Improvement_Idea__c.Status__c read-only);
 * `plain`, a Standard User with no permission set (no access to custom objects, no custom field of
 * Account readable). Records the setup inserts belong to the administrator.
 */
import { onTestOrg } from '../conformanceCase';
import { DOCS } from '../docPages';

const SELLER_ID = "[SELECT Id FROM User WHERE Username = 'seller@conformance.example.com'].Id";

/** Plain's role is above seller's; plain, the seller and the administrator own a session each. */
/** Roles in one transaction, records in the next: the two cannot share one (mixed DML). */
const ROLES_AND_SESSIONS = [
  `UserRole boss = new UserRole(Name = 'Boss');
insert boss;
UserRole rep = new UserRole(Name = 'Rep', ParentRoleId = boss.Id);
insert rep;
User seller = [SELECT Id FROM User WHERE Username = 'seller@conformance.example.com'];
seller.UserRoleId = rep.Id;
User plain = [SELECT Id FROM User WHERE Username = 'plain@conformance.example.com'];
plain.UserRoleId = boss.Id;
update new List<User>{ seller, plain };`,
  `User seller = [SELECT Id FROM User WHERE Username = 'seller@conformance.example.com'];
User plain = [SELECT Id FROM User WHERE Username = 'plain@conformance.example.com'];
insert new List<Coaching_Session__c>{
  new Coaching_Session__c(Session_Date__c = Date.newInstance(2026, 11, 16), OwnerId = plain.Id),
  new Coaching_Session__c(Session_Date__c = Date.newInstance(2026, 11, 16), OwnerId = seller.Id),
  new Coaching_Session__c(Session_Date__c = Date.newInstance(2026, 11, 16))
};`
];

const ADMIN_SESSION =
  'insert new Coaching_Session__c(Session_Date__c = Date.newInstance(2026, 11, 16));';

/** Readers of Coaching_Session__c under each sharing keyword, and callers between them. */
const READERS = {
  WithSharingReader: `public with sharing class WithSharingReader {
    public static Integer sessions() { return [SELECT COUNT() FROM Coaching_Session__c]; }
  }`,
  WithoutSharingReader: `public without sharing class WithoutSharingReader {
    public static Integer sessions() { return [SELECT COUNT() FROM Coaching_Session__c]; }
    public static Integer viaWithSharing() { return WithSharingReader.sessions(); }
    public static Integer viaInherited() { return InheritedReader.sessions(); }
    public static Integer viaOmitted() { return OmittedReader.sessions(); }
    public static Integer viaInner() { return new SharingOuter.Inner().sessions(); }
    public static Integer inUserMode() { return [SELECT COUNT() FROM Coaching_Session__c WITH USER_MODE]; }
    public static Integer dynamicInUserMode() {
      return Database.query('SELECT Id FROM Coaching_Session__c', AccessLevel.USER_MODE).size();
    }
  }`,
  InheritedReader: `public inherited sharing class InheritedReader {
    public static Integer sessions() { return [SELECT COUNT() FROM Coaching_Session__c]; }
  }`,
  OmittedReader: `public class OmittedReader {
    public static Integer sessions() { return [SELECT COUNT() FROM Coaching_Session__c]; }
  }`,
  SharingOuter: `public with sharing class SharingOuter {
    public static Integer sessions() { return [SELECT COUNT() FROM Coaching_Session__c]; }
    public class Inner {
      public Integer sessions() { return [SELECT COUNT() FROM Coaching_Session__c]; }
    }
  }`
};

/** Account queries in each mode, for a user who cannot read Market_Potential__c. */
const ACCOUNT_QUERIES = {
  AccountQueries: `public with sharing class AccountQueries {
    public static String selectInUserMode() {
      try {
        return String.valueOf([SELECT Market_Potential__c FROM Account WITH USER_MODE].size());
      } catch (QueryException e) {
        return 'QueryException';
      }
    }
    public static String filterInUserMode() {
      try {
        return String.valueOf([SELECT Name FROM Account WHERE Market_Potential__c > 0 WITH USER_MODE].size());
      } catch (QueryException e) {
        return 'QueryException';
      }
    }
    public static String filterSecurityEnforced() {
      return String.valueOf([SELECT Name FROM Account WHERE Market_Potential__c > 0 WITH SECURITY_ENFORCED].size());
    }
    public static String selectSecurityEnforced() {
      try {
        return String.valueOf([SELECT Market_Potential__c FROM Account WITH SECURITY_ENFORCED].size());
      } catch (QueryException e) {
        return e.getMessage();
      }
    }
    public static String selectInSystemMode() {
      return String.valueOf([SELECT Market_Potential__c FROM Account].Market_Potential__c.intValue());
    }
    public static String selectWithSystemMode() {
      return String.valueOf([SELECT Market_Potential__c FROM Account WITH SYSTEM_MODE].Market_Potential__c.intValue());
    }
  }`
};

const ACCOUNT_WITH_POTENTIAL = "insert new Account(Name = 'Acme', Market_Potential__c = 5000);";

const IDEA_WRITER = {
  IdeaWriter: `public with sharing class IdeaWriter {
    public static String insertAsUser() {
      try {
        insert as user new Improvement_Idea__c(Name = 'Idea', Status__c = 'Accepted');
        return 'saved';
      } catch (DmlException e) {
        return e.getDmlStatusCode(0) + ' ' + e.getDmlFieldNames(0);
      }
    }
    public static String insertInSystemMode() {
      insert new Improvement_Idea__c(Name = 'Idea', Status__c = 'Accepted');
      return [SELECT Status__c FROM Improvement_Idea__c].Status__c;
    }
    public static String insertWithUserModeAccessLevel() {
      Database.SaveResult result = Database.insert(new Improvement_Idea__c(Name = 'Idea'), false, AccessLevel.USER_MODE);
      return result.isSuccess() + ' ' + result.getErrors()[0].getStatusCode();
    }
  }`
};

export const sharingAndUserModeCases = onTestOrg([
  {
    name: 'anonymous Apex runs as the user who runs it',
    source: DOCS.anonymousBlocks,
    asUser: 'seller',
    apex: "System.debug(UserInfo.getUserName());\nSystem.debug(UserInfo.getUserId() == [SELECT Id FROM User WHERE Username = 'seller@conformance.example.com'].Id);",
    debug: ['seller@conformance.example.com', 'true']
  },
  {
    name: 'anonymous Apex runs with the sharing rules of the user who runs it',
    source: DOCS.sharingKeywords,
    classes: READERS,
    setup: ADMIN_SESSION,
    asUser: 'seller',
    apex: 'System.debug([SELECT COUNT() FROM Coaching_Session__c]);\nSystem.debug(WithoutSharingReader.sessions());',
    debug: ['0', '1'],
    note: 'The page: Apex code executed with the executeAnonymous call always executes using the sharing rules of the current user.'
  },
  {
    name: 'with sharing hides a Private record the user neither owns nor has shared',
    source: DOCS.sharingKeywords,
    classes: READERS,
    setup: ADMIN_SESSION,
    asUser: 'seller',
    apex: 'System.debug(WithSharingReader.sessions());',
    debug: ['0']
  },
  {
    name: 'without sharing sees every record',
    source: DOCS.sharingKeywords,
    classes: READERS,
    setup: ADMIN_SESSION,
    asUser: 'seller',
    apex: 'System.debug(WithoutSharingReader.sessions());',
    debug: ['1']
  },
  {
    name: 'with sharing shows the records the user owns',
    source: DOCS.sharingKeywords,
    classes: READERS,
    setup: `${ADMIN_SESSION}\ninsert new Coaching_Session__c(Session_Date__c = Date.newInstance(2026, 11, 16), OwnerId = ${SELLER_ID});`,
    asUser: 'seller',
    apex: 'System.debug(WithSharingReader.sessions());',
    debug: ['1']
  },
  {
    name: 'a share row grants the user access to a Private record',
    source: DOCS.managedSharing,
    classes: READERS,
    setup: `Coaching_Session__c s = new Coaching_Session__c(Session_Date__c = Date.newInstance(2026, 11, 16));\ninsert s;\ninsert new Coaching_Session__Share(ParentId = s.Id, UserOrGroupId = ${SELLER_ID}, AccessLevel = 'Read', RowCause = Schema.Coaching_Session__Share.RowCause.Coached_Seller__c);`,
    asUser: 'seller',
    apex: 'System.debug(WithSharingReader.sessions());',
    debug: ['1']
  },
  {
    name: 'the sharing of the class that defines a method applies, not the caller’s',
    source: DOCS.sharingKeywords,
    classes: READERS,
    setup: ADMIN_SESSION,
    asUser: 'seller',
    apex: 'System.debug(WithoutSharingReader.viaWithSharing());',
    debug: ['0']
  },
  {
    name: 'a class without a sharing keyword keeps the sharing of the code that calls it',
    source: DOCS.sharingKeywords,
    classes: READERS,
    setup: ADMIN_SESSION,
    asUser: 'seller',
    apex: 'System.debug(OmittedReader.sessions());\nSystem.debug(WithoutSharingReader.viaOmitted());',
    debug: ['0', '1'],
    note: 'Classes of API 66.0 and earlier (the project’s are 65.0): if a class isn’t declared as either with or without sharing, the current sharing rules remain in effect. The latest page makes with sharing the default from API 67.0.'
  },
  {
    name: 'inherited sharing runs in the sharing mode of the calling class',
    source: DOCS.sharingKeywords,
    classes: READERS,
    setup: ADMIN_SESSION,
    asUser: 'seller',
    apex: 'System.debug(InheritedReader.sessions());\nSystem.debug(WithoutSharingReader.viaInherited());',
    debug: ['0', '1']
  },
  {
    name: 'an inner class does not inherit the sharing keyword of its outer class',
    source: DOCS.sharingKeywords,
    classes: READERS,
    setup: ADMIN_SESSION,
    asUser: 'seller',
    apex: 'System.debug(SharingOuter.sessions());\nSystem.debug(WithoutSharingReader.viaInner());',
    debug: ['0', '1'],
    note: 'The page: inner classes do not inherit the sharing setting from their container class. The inner class has no keyword, so called from a without sharing class it keeps its caller’s sharing.'
  },
  {
    name: 'a user-mode query applies sharing even in a without sharing class',
    source: DOCS.userMode,
    classes: READERS,
    setup: ADMIN_SESSION,
    asUser: 'seller',
    apex: 'System.debug(WithoutSharingReader.inUserMode());\nSystem.debug(WithoutSharingReader.dynamicInUserMode());',
    debug: ['0', '0'],
    note: 'The page: user mode always applies sharing rules; in system mode they are controlled by the class’s sharing keyword.'
  },
  {
    name: 'with sharing refuses an update of a record the user can only read',
    source: DOCS.sharingKeywords,
    classes: {
      OpportunityRenamer: `public with sharing class OpportunityRenamer {
        public static String rename() {
          Database.SaveResult result = Database.update(new Opportunity(Id = [SELECT Id FROM Opportunity].Id, Name = 'Renamed'), false);
          return result.isSuccess() + ' ' + (result.isSuccess() ? '' : String.valueOf(result.getErrors()[0].getStatusCode()));
        }
      }`,
      SystemRenamer: `public without sharing class SystemRenamer {
        public static Boolean rename() {
          return Database.update(new Opportunity(Id = [SELECT Id FROM Opportunity].Id, Name = 'Renamed'), false).isSuccess();
        }
      }`
    },
    setup:
      "insert new Opportunity(Name = 'Admin deal', StageName = 'Prospecting', CloseDate = Date.newInstance(2026, 12, 1));",
    asUser: 'seller',
    apex: 'System.debug(OpportunityRenamer.rename());\nSystem.debug(SystemRenamer.rename());',
    debug: ['false INSUFFICIENT_ACCESS_OR_READONLY', 'true'],
    note: 'Opportunity’s org-wide default is Public Read Only in the project; the page: with sharing, a DML operation can fail because the current user lacks access. Status code as orgs report it.'
  },
  {
    name: 'a user-mode query of an object the user cannot read throws a QueryException',
    source: DOCS.userMode,
    classes: READERS,
    setup: ADMIN_SESSION,
    asUser: 'plain',
    apex: "try {\n  System.debug(WithoutSharingReader.inUserMode());\n} catch (QueryException e) {\n  System.debug('QueryException');\n}\nSystem.debug(WithoutSharingReader.sessions());",
    debug: ['QueryException', '1'],
    note: 'In system mode (no WITH clause, API 66.0 and earlier) object permissions are ignored.'
  },
  {
    name: 'a user-mode query of a field the user cannot read throws a QueryException',
    source: DOCS.userMode,
    classes: ACCOUNT_QUERIES,
    setup: ACCOUNT_WITH_POTENTIAL,
    asUser: 'plain',
    apex: 'System.debug(AccountQueries.selectInUserMode());',
    debug: ['QueryException']
  },
  {
    name: 'user mode checks the fields of the WHERE clause too',
    source: DOCS.userMode,
    classes: ACCOUNT_QUERIES,
    setup: ACCOUNT_WITH_POTENTIAL,
    asUser: 'plain',
    apex: 'System.debug(AccountQueries.filterInUserMode());',
    debug: ['QueryException'],
    note: 'The page: WITH USER_MODE processes all clauses of the SELECT statement, including WHERE.'
  },
  {
    name: 'WITH SECURITY_ENFORCED checks only the SELECT and FROM clauses',
    source: DOCS.securityEnforced,
    classes: ACCOUNT_QUERIES,
    setup: ACCOUNT_WITH_POTENTIAL,
    asUser: 'plain',
    apex: 'System.debug(AccountQueries.filterSecurityEnforced());',
    debug: ['1']
  },
  {
    name: 'WITH SECURITY_ENFORCED refuses a field of the select list the user cannot read',
    source: DOCS.securityEnforced,
    classes: ACCOUNT_QUERIES,
    setup: ACCOUNT_WITH_POTENTIAL,
    asUser: 'plain',
    apex: 'System.debug(AccountQueries.selectSecurityEnforced());',
    debug: ['Insufficient permissions: secure query included inaccessible field']
  },
  {
    name: 'a query in system mode reads fields the user cannot read',
    source: DOCS.userMode,
    classes: ACCOUNT_QUERIES,
    setup: ACCOUNT_WITH_POTENTIAL,
    asUser: 'plain',
    apex: 'System.debug(AccountQueries.selectInSystemMode());\nSystem.debug(AccountQueries.selectWithSystemMode());',
    debug: ['5000', '5000'],
    note: 'Database operations of classes of API 66.0 and earlier run in system mode by default; from API 67.0 the platform runs them in user mode.'
  },
  {
    name: 'a user-mode insert refuses a field the user cannot edit, naming it',
    source: DOCS.userMode,
    classes: IDEA_WRITER,
    asUser: 'seller',
    apex: 'System.debug(IdeaWriter.insertAsUser());',
    debug: ['INSUFFICIENT_ACCESS_OR_READONLY (Status__c)'],
    note: 'The page: with DML in user mode, getDmlFieldNames() gives the fields with FLS errors. Status code as orgs report it.'
  },
  {
    name: 'a system-mode insert sets a field the user cannot edit',
    source: DOCS.userMode,
    classes: IDEA_WRITER,
    asUser: 'seller',
    apex: 'System.debug(IdeaWriter.insertInSystemMode());',
    debug: ['Accepted']
  },
  {
    name: 'a user-mode Database.insert of an object the user cannot create returns an error',
    source: DOCS.userMode,
    classes: IDEA_WRITER,
    asUser: 'plain',
    apex: 'System.debug(IdeaWriter.insertWithUserModeAccessLevel());',
    debug: ['false INSUFFICIENT_ACCESS_OR_READONLY'],
    note: 'The AccessLevel page: if the user has no create access, Database.insert in user mode returns an error. Status code as orgs report it.'
  },
  {
    name: 'stripInaccessible(READABLE) removes the fields the user cannot read',
    source: DOCS.stripInaccessible,
    classes: {
      Stripper: `public with sharing class Stripper {
        public static void strip() {
          SObjectAccessDecision decision = Security.stripInaccessible(AccessType.READABLE, [SELECT Name, Market_Potential__c FROM Account]);
          Account a = (Account) decision.getRecords()[0];
          System.debug(a.Name + ' ' + a.isSet('Market_Potential__c'));
          System.debug(decision.getRemovedFields().get('Account'));
        }
      }`
    },
    setup: ACCOUNT_WITH_POTENTIAL,
    asUser: 'plain',
    apex: 'Stripper.strip();',
    debug: ['Acme false', '{Market_Potential__c}']
  },
  {
    name: 'stripInaccessible(UPDATABLE) removes the fields the user can read but not edit',
    source: DOCS.stripInaccessible,
    classes: {
      Stripper: `public with sharing class Stripper {
        public static void strip() {
          List<Account> drafts = new List<Account>{ new Account(Name = 'Acme', Market_Potential__c = 10, Data_Quality_Score__c = 50) };
          SObjectAccessDecision decision = Security.stripInaccessible(AccessType.UPDATABLE, drafts);
          Account a = (Account) decision.getRecords()[0];
          System.debug(a.isSet('Name') + ' ' + a.isSet('Market_Potential__c') + ' ' + a.isSet('Data_Quality_Score__c'));
        }
      }`
    },
    asUser: 'seller',
    apex: 'Stripper.strip();',
    debug: ['true true false'],
    note: 'SSM_Seller grants edit on Account.Market_Potential__c and read only on Data_Quality_Score__c.'
  },
  {
    name: 'with sharing shows a user the records owned by users below them in the role hierarchy',
    source: DOCS.sharingKeywords,
    classes: READERS,
    setup: ROLES_AND_SESSIONS,
    asUser: 'plain',
    apex: 'System.debug(WithSharingReader.sessions());',
    debug: ['2'],
    note: 'Which records the sharing rules of the current user give is Salesforce Help’s ("Role Hierarchy"; Grant Access Using Hierarchies is always on for custom objects): their own session and the seller’s, not the administrator’s, who has no role. The plain user has no permission on the object, which system mode ignores.'
  },
  {
    name: 'the role hierarchy gives no access to the records of users above',
    source: DOCS.sharingKeywords,
    classes: READERS,
    setup: ROLES_AND_SESSIONS,
    asUser: 'seller',
    apex: 'System.debug(WithSharingReader.sessions());',
    debug: ['1'],
    note: 'The seller sees the session they own, not the one their manager’s role owns.'
  }
]);

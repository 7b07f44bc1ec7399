/**
 * The governor limits of the database, on a test org: SOQL queries (100), DML statements (150),
 * DML rows (10,000) and query rows (50,000) per synchronous transaction, how aggregate queries,
 * sub-queries and Custom Metadata count, the partial-save retries that reset the limits, and the
 * Limits methods that report them. A limit exception ends the transaction: no catch block sees it.
 */
import { onTestOrg } from '../conformanceCase';
import { DOCS } from '../docPages';
import { FIVE_ACCOUNTS } from './soqlFilters';

const TEN_THOUSAND_ACCOUNTS =
  "List<Account> accounts = new List<Account>();\nfor (Integer i = 0; i < 10000; i++) accounts.add(new Account(Name = 'A' + i));\ninsert accounts;";

export const platformLimitCases = onTestOrg([
  {
    name: 'the 101st SOQL query of a transaction throws a LimitException no catch block sees',
    source: DOCS.governorLimits,
    apex: "try {\n  for (Integer i = 0; i < 101; i++) {\n    Integer n = [SELECT COUNT() FROM Account];\n  }\n} catch (Exception e) {\n  System.debug('caught');\n}\nSystem.debug('not reached');",
    error: 'System.LimitException: Too many SOQL queries: 101',
    line: 3
  },
  {
    name: '100 SOQL queries are allowed',
    source: DOCS.governorLimits,
    apex: "for (Integer i = 0; i < 100; i++) {\n  Integer n = [SELECT COUNT() FROM Account];\n}\nSystem.debug(Limits.getQueries() + ' of ' + Limits.getLimitQueries());",
    debug: ['100 of 100']
  },
  {
    name: 'the 151st DML statement of a transaction throws a LimitException',
    source: DOCS.governorLimits,
    apex: "for (Integer i = 0; i < 151; i++) {\n  insert new Account(Name = 'A' + i);\n}",
    error: 'System.LimitException: Too many DML statements: 151',
    line: 2
  },
  {
    name: 'Limits counts DML statements and the records they process',
    source: DOCS.limitsClass,
    apex: "insert new List<Account>{ new Account(Name = 'a'), new Account(Name = 'b'), new Account(Name = 'c') };\nupdate [SELECT Id FROM Account LIMIT 2];\nSystem.debug(Limits.getDmlStatements() + ' ' + Limits.getDmlRows());\nSystem.debug(Limits.getLimitDmlStatements() + ' ' + Limits.getLimitDmlRows());",
    debug: ['2 5', '150 10000']
  },
  {
    name: 'a DML statement over 10,000 records throws a LimitException naming the 10,001st row',
    source: DOCS.governorLimits,
    apex: "List<Account> accounts = new List<Account>();\nfor (Integer i = 0; i < 10500; i++) accounts.add(new Account(Name = 'A' + i));\ninsert accounts;",
    error: 'System.LimitException: Too many DML rows: 10001',
    line: 3,
    note: 'The limit is 10,000 records per transaction; the message names the first record over it, as orgs print it.',
    timeoutMs: 60_000
  },
  {
    name: 'the 50,001st query row of a transaction throws a LimitException',
    source: DOCS.governorLimits,
    setup: TEN_THOUSAND_ACCOUNTS,
    apex: 'for (Integer i = 0; i < 6; i++) {\n  List<Account> rows = [SELECT Id FROM Account];\n  System.debug(Limits.getQueryRows());\n}',
    debug: ['10000', '20000', '30000', '40000', '50000'],
    error: 'System.LimitException: Too many query rows: 50001',
    line: 2,
    note: 'The limit is 50,000 rows per transaction; the message names the first row over it, as orgs print it.',
    timeoutMs: 60_000
  },
  {
    name: 'Limits counts the rows a query returns',
    source: DOCS.limitsClass,
    setup: FIVE_ACCOUNTS,
    apex: "List<Account> two = [SELECT Id FROM Account LIMIT 2];\nSystem.debug(Limits.getQueryRows() + ' of ' + Limits.getLimitQueryRows());",
    debug: ['2 of 50000']
  },
  {
    name: 'COUNT() costs one query row, other aggregates every row they aggregate',
    source: DOCS.soqlAggregatesInApex,
    setup: FIVE_ACCOUNTS,
    apex: 'Integer n = [SELECT COUNT() FROM Account];\nSystem.debug(Limits.getQueryRows());\nAggregateResult total = [SELECT SUM(AnnualRevenue) FROM Account];\nSystem.debug(Limits.getQueryRows());',
    debug: ['1', '6']
  },
  {
    name: 'COUNT(field) with GROUP BY costs one query row per group',
    source: DOCS.soqlAggregatesInApex,
    setup: FIVE_ACCOUNTS,
    apex: "List<AggregateResult> groups = [SELECT Industry, COUNT(Id) FROM Account GROUP BY Industry];\nSystem.debug(groups.size() + ' ' + Limits.getQueryRows());",
    debug: ['4 4']
  },
  {
    name: 'the rows of a sub-query count as query rows, the sub-query not as a query',
    source: DOCS.governorLimits,
    setup:
      "Account a = new Account(Name = 'Acme');\ninsert a;\ninsert new List<Contact>{ new Contact(LastName = 'One', AccountId = a.Id), new Contact(LastName = 'Two', AccountId = a.Id) };",
    apex: "List<Account> rows = [SELECT Id, (SELECT Id FROM Contacts) FROM Account];\nSystem.debug(Limits.getQueries() + ' ' + Limits.getQueryRows());",
    debug: ['1 3'],
    note: 'The page: each parent-child sub-query counts toward a separate limit of its own (Limits.getAggregateQueries), and its rows contribute to the row count.'
  },
  {
    name: 'queries of Custom Metadata types do not count toward the SOQL query limit',
    source: DOCS.governorLimits,
    apex: 'for (Integer i = 0; i < 3; i++) {\n  List<Sales_Rule__mdt> rules = [SELECT DeveloperName FROM Sales_Rule__mdt];\n}\nInteger accounts = [SELECT COUNT() FROM Account];\nSystem.debug(Limits.getQueries());',
    debug: ['1'],
    note: 'The page: the SOQL query limit doesn’t apply to custom metadata types; custom metadata records can have unlimited SOQL queries.'
  },
  {
    name: 'the retries of a partial save start from the limits before the first attempt',
    source: DOCS.bulkDmlExceptions,
    triggers: {
      AccountLookup: `trigger AccountLookup on Account (before insert) {
        Integer existing = [SELECT COUNT() FROM Account];
        for (Account a : Trigger.new) if (a.Name == 'Refuse') a.addError('Not this one');
      }`
    },
    apex: "Database.insert(new List<Account>{ new Account(Name = 'Keep'), new Account(Name = 'Refuse') }, false);\nSystem.debug(Limits.getQueries());",
    debug: ['1'],
    note: 'The page: during the second and third attempts, governor limits are reset to their original state before the first attempt; the trigger’s query of the retry is the one that counts.'
  },
  {
    name: 'Limits.getQueries counts the queries of triggers in the same transaction',
    source: DOCS.governorLimits,
    triggers: {
      AccountLookup:
        'trigger AccountLookup on Account (after insert) { Integer n = [SELECT COUNT() FROM Contact]; }'
    },
    apex: "insert new Account(Name = 'One');\ninsert new Account(Name = 'Two');\nSystem.debug(Limits.getQueries() + ' ' + Limits.getDmlStatements());",
    debug: ['2 2'],
    note: 'The page: limits count per transaction, and a trigger runs in the transaction of the DML that fires it.'
  }
]);

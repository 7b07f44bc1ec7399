/**
 * SOQL filters, binds, paging, relationships and query results in Apex, on a test org: WHERE with
 * comparison operators, LIKE, IN and semi-joins, null, binds of values, collections and records,
 * LIMIT and OFFSET, parent paths and child sub-queries, dynamic SOQL, ALL ROWS, and the exceptions
 * a query's result raises in Apex.
 */
import { onTestOrg } from '../conformanceCase';
import { DOCS } from '../docPages';

/** Five accounts; Globex has no revenue, Initech no industry and no employee count. */
export const FIVE_ACCOUNTS = `insert new List<Account>{
  new Account(Name = 'Acme', Industry = 'Banking', AnnualRevenue = 500, NumberOfEmployees = 10, Rating = 'Hot'),
  new Account(Name = 'acme labs', Industry = 'Biotechnology', AnnualRevenue = 1500, NumberOfEmployees = 200, Rating = 'Cold'),
  new Account(Name = 'Globex', Industry = 'Banking', NumberOfEmployees = 50, Rating = 'Warm'),
  new Account(Name = 'Initech', AnnualRevenue = 2500),
  new Account(Name = '100% Pure', Industry = 'Chemicals', AnnualRevenue = 0, NumberOfEmployees = 5)
};`;

/** Acme with two contacts and two opportunities; Globex with none. */
const ACCOUNTS_WITH_CHILDREN = `Account acme = new Account(Name = 'Acme');
Account globex = new Account(Name = 'Globex');
insert new List<Account>{ acme, globex };
insert new List<Contact>{
  new Contact(LastName = 'Zed', AccountId = acme.Id),
  new Contact(LastName = 'Able', AccountId = acme.Id)
};
insert new List<Opportunity>{
  new Opportunity(Name = 'Big', StageName = 'Prospecting', CloseDate = Date.newInstance(2026, 12, 1), Amount = 1000, AccountId = acme.Id),
  new Opportunity(Name = 'Won', StageName = 'Closed Won', CloseDate = Date.newInstance(2026, 10, 1), Amount = 300, AccountId = acme.Id)
};`;

export const soqlFilterCases = onTestOrg([
  {
    name: 'text equality ignores case',
    source: DOCS.soqlComparisonOperators,
    setup: FIVE_ACCOUNTS,
    apex: "System.debug([SELECT Name FROM Account WHERE Name = 'ACME'].Name);",
    debug: ['Acme'],
    note: 'The page: comparisons on strings are case-insensitive except for unique case-sensitive fields.'
  },
  {
    name: 'LIKE with % matches any run of characters, ignoring case',
    source: DOCS.soqlComparisonOperators,
    setup: FIVE_ACCOUNTS,
    apex: "for (Account a : [SELECT Name FROM Account WHERE Name LIKE 'acme%' ORDER BY Name]) System.debug(a.Name);",
    debug: ['Acme', 'acme labs']
  },
  {
    name: 'LIKE with _ matches exactly one character',
    source: DOCS.soqlComparisonOperators,
    setup: FIVE_ACCOUNTS,
    apex: "System.debug([SELECT COUNT() FROM Account WHERE Name LIKE 'Acm_']);\nSystem.debug([SELECT COUNT() FROM Account WHERE Name LIKE 'Ac_'] );",
    debug: ['1', '0']
  },
  {
    name: 'LIKE with a leading % matches the end of the text',
    source: DOCS.soqlComparisonOperators,
    setup: FIVE_ACCOUNTS,
    apex: "System.debug([SELECT Name FROM Account WHERE Name LIKE '%PURE'].Name);",
    debug: ['100% Pure']
  },
  {
    name: 'IN matches any value of the list',
    source: DOCS.soqlComparisonOperators,
    setup: FIVE_ACCOUNTS,
    apex: "System.debug([SELECT COUNT() FROM Account WHERE Industry IN ('Banking', 'Chemicals')]);",
    debug: ['3']
  },
  {
    name: '= null finds the records whose field is blank',
    source: DOCS.soqlConditionExpression,
    setup: FIVE_ACCOUNTS,
    apex: 'System.debug([SELECT Name FROM Account WHERE Industry = null].Name);',
    debug: ['Initech']
  },
  {
    name: '!= null finds the records whose field has a value',
    source: DOCS.soqlConditionExpression,
    setup: FIVE_ACCOUNTS,
    apex: 'System.debug([SELECT COUNT() FROM Account WHERE Industry != null]);',
    debug: ['4']
  },
  {
    name: '!= a value includes the records whose field is null',
    source: DOCS.soqlComparisonOperators,
    setup: FIVE_ACCOUNTS,
    apex: "for (Account a : [SELECT Name FROM Account WHERE Industry != 'Banking' ORDER BY Name]) System.debug(a.Name);",
    debug: ['100% Pure', 'acme labs', 'Initech'],
    note: 'The page defines != as "the value in the field does not equal the specified value"; SOQL has no unknown truth value, so a blank field is unequal to Banking (the behaviour orgs show).'
  },
  {
    name: 'a numeric range excludes records whose field is null',
    source: DOCS.soqlComparisonOperators,
    setup: FIVE_ACCOUNTS,
    apex: 'System.debug([SELECT COUNT() FROM Account WHERE AnnualRevenue > 1000]);\nSystem.debug([SELECT COUNT() FROM Account WHERE AnnualRevenue < 1000]);',
    debug: ['2', '2'],
    note: 'Globex has no revenue and is neither above nor below 1000.'
  },
  {
    name: 'parentheses group OR inside AND',
    source: DOCS.soqlConditionExpression,
    setup: FIVE_ACCOUNTS,
    apex: "for (Account a : [SELECT Name FROM Account WHERE Industry = 'Banking' AND (AnnualRevenue > 100 OR NumberOfEmployees > 20) ORDER BY Name]) System.debug(a.Name);",
    debug: ['Acme', 'Globex']
  },
  {
    name: 'NOT negates a bracketed condition',
    source: DOCS.soqlConditionExpression,
    setup: FIVE_ACCOUNTS,
    apex: "System.debug([SELECT COUNT() FROM Account WHERE NOT (Name LIKE 'acme%')]);",
    debug: ['3']
  },
  {
    name: 'a bind variable supplies the value of a comparison',
    source: DOCS.soqlVariables,
    setup: FIVE_ACCOUNTS,
    apex: "String industry = 'Banking';\nSystem.debug([SELECT COUNT() FROM Account WHERE Industry = :industry]);",
    debug: ['2']
  },
  {
    name: 'a bind can be any expression, such as a field of a record',
    source: DOCS.soqlVariables,
    setup: FIVE_ACCOUNTS,
    apex: "Account template = new Account(Name = 'Glo');\nSystem.debug([SELECT Name FROM Account WHERE Name LIKE :(template.Name + '%')].Name);",
    debug: ['Globex']
  },
  {
    name: 'IN with a bound list matches any of its elements',
    source: DOCS.soqlVariables,
    setup: FIVE_ACCOUNTS,
    apex: "List<String> names = new List<String>{ 'Acme', 'Initech', 'Nobody' };\nSystem.debug([SELECT COUNT() FROM Account WHERE Name IN :names]);",
    debug: ['2']
  },
  {
    name: 'IN with a bound list of records binds their Ids',
    source: DOCS.soqlVariables,
    setup: ACCOUNTS_WITH_CHILDREN,
    apex: "List<Account> accounts = [SELECT Id FROM Account WHERE Name = 'Acme'];\nSystem.debug([SELECT COUNT() FROM Contact WHERE AccountId IN :accounts]);",
    debug: ['2']
  },
  {
    name: 'IN with a bound set of Ids',
    source: DOCS.soqlVariables,
    setup: FIVE_ACCOUNTS,
    apex: "Set<Id> ids = new Map<Id, Account>([SELECT Id FROM Account WHERE Industry = 'Banking']).keySet();\nSystem.debug([SELECT COUNT() FROM Account WHERE Id IN :ids]);",
    debug: ['2']
  },
  {
    name: 'LIMIT caps the rows after ORDER BY',
    source: DOCS.soqlLimit,
    setup: FIVE_ACCOUNTS,
    apex: 'for (Account a : [SELECT Name FROM Account ORDER BY NumberOfEmployees DESC NULLS LAST LIMIT 2]) System.debug(a.Name);',
    debug: ['acme labs', 'Globex']
  },
  {
    name: 'OFFSET skips rows before LIMIT counts',
    source: DOCS.soqlOffset,
    setup: FIVE_ACCOUNTS,
    apex: 'for (Account a : [SELECT Name FROM Account ORDER BY Name LIMIT 2 OFFSET 1]) System.debug(a.Name);',
    debug: ['Acme', 'acme labs'],
    note: "Names sort case-insensitively ('100% Pure', 'Acme', 'acme labs', 'Globex', 'Initech'); the second and third."
  },
  {
    name: 'a query that finds no row cannot be assigned to one record',
    source: DOCS.builtInExceptions,
    setup: FIVE_ACCOUNTS,
    apex: "Account a = [SELECT Id FROM Account WHERE Name = 'Nobody'];",
    error: 'System.QueryException: List has no rows for assignment to SObject',
    line: 1
  },
  {
    name: 'a query that finds several rows cannot be assigned to one record',
    source: DOCS.builtInExceptions,
    setup: FIVE_ACCOUNTS,
    apex: "System.debug('start');\nAccount a = [SELECT Id FROM Account WHERE Industry = 'Banking'];",
    debug: ['start'],
    error: 'System.QueryException: List has more than 1 row for assignment to SObject',
    line: 2
  },
  {
    name: 'reading a field the query did not select throws',
    source: DOCS.soqlInApex,
    setup: FIVE_ACCOUNTS,
    apex: "Account a = [SELECT Name FROM Account WHERE Name = 'Acme'];\nSystem.debug(a.Name);\nSystem.debug(a.Industry);",
    debug: ['Acme'],
    error:
      'System.SObjectException: SObject row was retrieved via SOQL without querying the requested field: Account.Industry',
    line: 3
  },
  {
    name: 'a parent path reads a field of the related record',
    source: DOCS.soqlRelationships,
    setup: ACCOUNTS_WITH_CHILDREN,
    apex: "Opportunity o = [SELECT Account.Name FROM Opportunity WHERE Name = 'Big'];\nSystem.debug(o.Account.Name);",
    debug: ['Acme']
  },
  {
    name: 'a child sub-query returns each parent its own list, empty when it has none',
    source: DOCS.soqlRelationships,
    setup: ACCOUNTS_WITH_CHILDREN,
    apex: "for (Account a : [SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account ORDER BY Name]) {\n  System.debug(a.Name + ' ' + a.Contacts.size());\n  for (Contact c : a.Contacts) System.debug(c.LastName);\n}",
    debug: ['Acme 2', 'Able', 'Zed', 'Globex 0']
  },
  {
    name: 'a semi-join keeps the records a sub-query names',
    source: DOCS.soqlComparisonOperators,
    setup: ACCOUNTS_WITH_CHILDREN,
    apex: 'System.debug([SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Opportunity)].Name);',
    debug: ['Acme']
  },
  {
    name: 'an anti-join keeps the records a sub-query does not name',
    source: DOCS.soqlComparisonOperators,
    setup: ACCOUNTS_WITH_CHILDREN,
    apex: "System.debug([SELECT Name FROM Account WHERE Id NOT IN (SELECT AccountId FROM Opportunity WHERE StageName = 'Prospecting')].Name);",
    debug: ['Globex']
  },
  {
    name: 'a boolean field filters with true and false',
    source: DOCS.soqlComparisonOperators,
    setup: ACCOUNTS_WITH_CHILDREN,
    apex: 'System.debug([SELECT Name FROM Opportunity WHERE IsWon = true].Name);\nSystem.debug([SELECT Name FROM Opportunity WHERE IsClosed = false].Name);',
    debug: ['Won', 'Big']
  },
  {
    name: 'a date field compares with a date literal without quotes',
    source: DOCS.soqlDateLiterals,
    setup: ACCOUNTS_WITH_CHILDREN,
    apex: 'System.debug([SELECT Name FROM Opportunity WHERE CloseDate > 2026-11-01].Name);',
    debug: ['Big']
  },
  {
    name: 'a dateTime literal with a zone offset compares as the instant it names',
    source: DOCS.soqlDateLiterals,
    setup: FIVE_ACCOUNTS,
    apex: 'System.debug([SELECT COUNT() FROM Account WHERE CreatedDate = 2026-11-16T09:30:00Z]);\nSystem.debug([SELECT COUNT() FROM Account WHERE CreatedDate > 2026-11-16T10:00:00+01:00]);\nSystem.debug([SELECT COUNT() FROM Account WHERE CreatedDate > 2026-11-16T10:00:00Z]);',
    debug: ['5', '5', '0'],
    note: 'The records were created at the harness clock, 2026-11-16T09:30:00Z; 10:00+01:00 is 09:00Z.'
  },
  {
    name: 'Database.query binds the variables in scope by name',
    source: DOCS.dynamicSoql,
    setup: FIVE_ACCOUNTS,
    apex: "String industry = 'Banking';\nList<Account> rows = Database.query('SELECT Name FROM Account WHERE Industry = :industry ORDER BY Name');\nSystem.debug(rows.size() + ' ' + rows[0].Name);",
    debug: ['2 Acme']
  },
  {
    name: 'Database.queryWithBinds takes the binds from a map',
    source: DOCS.databaseClass,
    setup: FIVE_ACCOUNTS,
    apex: "Map<String, Object> binds = new Map<String, Object>{ 'minimum' => 1000 };\nSystem.debug(Database.queryWithBinds('SELECT Id FROM Account WHERE AnnualRevenue >= :minimum', binds, AccessLevel.SYSTEM_MODE).size());",
    debug: ['2']
  },
  {
    name: 'Database.countQuery returns the COUNT() of a query text',
    source: DOCS.databaseClass,
    setup: FIVE_ACCOUNTS,
    apex: "System.debug(Database.countQuery('SELECT COUNT() FROM Account WHERE NumberOfEmployees > 5'));",
    debug: ['3']
  },
  {
    name: 'escapeSingleQuotes keeps a quote in a dynamic query inside the string',
    source: DOCS.dynamicSoql,
    setup: "insert new Account(Name = 'O\\'Brien');",
    apex: "String name = 'O\\'Brien';\nSystem.debug(Database.query('SELECT Name FROM Account WHERE Name = \\'' + String.escapeSingleQuotes(name) + '\\'').size());",
    debug: ['1']
  },
  {
    name: 'deleted records are found only with ALL ROWS',
    source: DOCS.soqlAllRows,
    setup: FIVE_ACCOUNTS,
    apex: "delete [SELECT Id FROM Account WHERE Name = 'Initech'];\nSystem.debug([SELECT COUNT() FROM Account]);\nSystem.debug([SELECT COUNT() FROM Account ALL ROWS]);\nSystem.debug([SELECT Name FROM Account WHERE IsDeleted = true ALL ROWS].Name);",
    debug: ['4', '5', 'Initech']
  },
  {
    name: 'a SOQL for loop with one record variable visits every row',
    source: DOCS.soqlForLoops,
    setup:
      "List<Account> accounts = new List<Account>();\nfor (Integer i = 0; i < 450; i++) accounts.add(new Account(Name = 'A' + i));\ninsert accounts;",
    apex: 'Integer visited = 0;\nfor (Account a : [SELECT Id FROM Account]) visited++;\nSystem.debug(visited);',
    debug: ['450']
  },
  {
    name: 'a SOQL for loop with a list variable takes the rows 200 at a time',
    source: DOCS.soqlForLoops,
    setup:
      "List<Account> accounts = new List<Account>();\nfor (Integer i = 0; i < 450; i++) accounts.add(new Account(Name = 'A' + i));\ninsert accounts;",
    apex: 'for (List<Account> chunk : [SELECT Id FROM Account]) System.debug(chunk.size());',
    debug: ['200', '200', '50']
  },
  {
    name: 'a dynamic query works as a SOQL for loop too, a list variable taking 200 rows at a time',
    source: DOCS.dynamicSoql,
    setup:
      "List<Account> accounts = new List<Account>();\nfor (Integer i = 0; i < 450; i++) accounts.add(new Account(Name = 'A' + i));\ninsert accounts;",
    apex: "for (List<SObject> chunk : Database.query('SELECT Id FROM Account')) System.debug(chunk.size());\nfor (List<Account> chunk : Database.queryWithBinds('SELECT Id FROM Account WHERE Name LIKE :p', new Map<String, Object>{ 'p' => 'A1%' }, AccessLevel.USER_MODE)) System.debug(chunk.size());",
    debug: ['200', '200', '50', '111'],
    note: 'The page: Database.query "can be used wherever an inline SOQL query can be used, such as in regular assignment statements and for loops".'
  }
]);

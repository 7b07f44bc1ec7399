/**
 * SOQL aggregate functions, GROUP BY and HAVING as Apex sees them (AggregateResult rows named by
 * alias or expr0, expr1, ...), and ORDER BY: direction, where nulls go, text and picklist order.
 * On a test org holding the five accounts of `soqlFilters.ts`.
 */
import { onTestOrg } from '../conformanceCase';
import { DOCS } from '../docPages';
import { FIVE_ACCOUNTS } from './soqlFilters';

function namesOrderedBy(orderBy: string): string {
  return `for (Account a : [SELECT Name FROM Account ORDER BY ${orderBy}]) System.debug(a.Name);`;
}

export const soqlAggregateAndOrderingCases = onTestOrg([
  {
    name: 'COUNT(field) counts the rows whose field is not null, COUNT() and COUNT(Id) every row',
    source: DOCS.soqlAggregateFunctions,
    setup: FIVE_ACCOUNTS,
    apex: "System.debug([SELECT COUNT(Industry) FROM Account][0].get('expr0'));\nSystem.debug([SELECT COUNT(Id) FROM Account][0].get('expr0'));\nSystem.debug([SELECT COUNT() FROM Account]);",
    debug: ['4', '5', '5']
  },
  {
    name: 'COUNT_DISTINCT counts the distinct values that are not null',
    source: DOCS.soqlAggregateFunctions,
    setup: FIVE_ACCOUNTS,
    apex: "System.debug([SELECT COUNT_DISTINCT(Industry) FROM Account][0].get('expr0'));",
    debug: ['3']
  },
  {
    name: 'SUM and AVG ignore null values',
    source: DOCS.soqlAggregateFunctions,
    setup: FIVE_ACCOUNTS,
    apex: "AggregateResult r = [SELECT SUM(AnnualRevenue) total, AVG(AnnualRevenue) mean FROM Account];\nSystem.debug(((Decimal) r.get('total')).intValue());\nSystem.debug(((Decimal) r.get('mean')).intValue());",
    debug: ['4500', '1125'],
    note: 'Four accounts have a revenue (500, 1500, 2500, 0); the average is over those four.'
  },
  {
    name: 'MIN and MAX of a number field',
    source: DOCS.soqlAggregateFunctions,
    setup: FIVE_ACCOUNTS,
    apex: "AggregateResult r = [SELECT MIN(NumberOfEmployees) low, MAX(NumberOfEmployees) high FROM Account];\nSystem.debug(r.get('low') + ' ' + r.get('high'));",
    debug: ['5 200']
  },
  {
    name: 'MIN and MAX of a picklist follow the picklist order, not the alphabet',
    source: DOCS.soqlAggregateFunctions,
    setup: FIVE_ACCOUNTS,
    apex: "AggregateResult r = [SELECT MIN(Rating) low, MAX(Rating) high FROM Account];\nSystem.debug(r.get('low') + ' ' + r.get('high'));",
    debug: ['Hot Cold'],
    note: 'Rating is defined as Hot, Warm, Cold; alphabetically MIN would be Cold.'
  },
  {
    name: 'an aggregate without GROUP BY returns one row, even over no records',
    source: DOCS.soqlAggregatesInApex,
    setup: FIVE_ACCOUNTS,
    apex: "List<AggregateResult> rows = [SELECT COUNT(Id) n, SUM(AnnualRevenue) total FROM Account WHERE Name = 'Nobody'];\nSystem.debug(rows.size());\nSystem.debug(rows[0].get('n'));\nSystem.debug(rows[0].get('total'));",
    debug: ['1', '0', 'null'],
    note: 'SUM ignores nulls and has nothing to add up: null, as in SQL; COUNT counts nothing: 0.'
  },
  {
    name: 'unaliased aggregates are named expr0, expr1, ... in select-list order, skipping aliased ones',
    source: DOCS.soqlAggregatesInApex,
    setup: FIVE_ACCOUNTS,
    apex: "AggregateResult r = [SELECT COUNT(Id), MAX(NumberOfEmployees) most, MIN(NumberOfEmployees) FROM Account];\nSystem.debug(r.get('expr0') + ' ' + r.get('most') + ' ' + r.get('expr1'));",
    debug: ['5 200 5']
  },
  {
    name: 'GROUP BY makes one row per value, null included',
    source: DOCS.soqlGroupBy,
    setup: FIVE_ACCOUNTS,
    apex: "for (AggregateResult r : [SELECT Industry, COUNT(Id) n FROM Account GROUP BY Industry ORDER BY Industry NULLS LAST]) {\n  System.debug(r.get('Industry') + ' ' + r.get('n'));\n}",
    debug: ['Banking 2', 'Biotechnology 1', 'Chemicals 1', 'null 1']
  },
  {
    name: 'a grouped field is read by its name, or by its alias when it has one',
    source: DOCS.soqlGroupBy,
    setup: FIVE_ACCOUNTS,
    apex: "AggregateResult r = [SELECT Industry sector, COUNT(Id) FROM Account WHERE Industry = 'Banking' GROUP BY Industry];\nSystem.debug(r.get('sector') + ' ' + r.get('expr0'));",
    debug: ['Banking 2']
  },
  {
    name: 'HAVING filters the groups by an aggregate',
    source: DOCS.soqlHaving,
    setup: FIVE_ACCOUNTS,
    apex: "for (AggregateResult r : [SELECT Industry, COUNT(Id) FROM Account GROUP BY Industry HAVING COUNT(Id) > 1]) {\n  System.debug(r.get('Industry'));\n}",
    debug: ['Banking']
  },
  {
    name: 'ORDER BY an aggregate sorts the groups',
    source: DOCS.soqlGroupBy,
    setup: FIVE_ACCOUNTS,
    apex: "for (AggregateResult r : [SELECT Industry, SUM(NumberOfEmployees) staff FROM Account WHERE Industry != null GROUP BY Industry ORDER BY SUM(NumberOfEmployees) DESC]) {\n  System.debug(r.get('Industry') + ' ' + r.get('staff'));\n}",
    debug: ['Biotechnology 200', 'Banking 60', 'Chemicals 5']
  },
  {
    name: 'GROUP BY a date function groups by its value',
    source: DOCS.soqlDateFunctions,
    setup:
      "insert new List<Opportunity>{\n  new Opportunity(Name = 'a', StageName = 'Prospecting', CloseDate = Date.newInstance(2025, 3, 1)),\n  new Opportunity(Name = 'b', StageName = 'Prospecting', CloseDate = Date.newInstance(2026, 3, 1)),\n  new Opportunity(Name = 'c', StageName = 'Prospecting', CloseDate = Date.newInstance(2026, 9, 1))\n};",
    apex: "for (AggregateResult r : [SELECT CALENDAR_YEAR(CloseDate) y, COUNT(Id) n FROM Opportunity GROUP BY CALENDAR_YEAR(CloseDate) ORDER BY CALENDAR_YEAR(CloseDate)]) {\n  System.debug(r.get('y') + ': ' + r.get('n'));\n}",
    debug: ['2025: 1', '2026: 2']
  },
  {
    name: 'a field neither grouped nor aggregated is refused in an aggregate query',
    source: DOCS.soqlGroupBy,
    setup: FIVE_ACCOUNTS,
    apex: "try {\n  Database.query('SELECT Name, COUNT(Id) FROM Account GROUP BY Industry');\n} catch (QueryException e) {\n  System.debug('refused');\n}",
    debug: ['refused']
  },
  {
    name: 'COUNT() cannot be combined with ORDER BY',
    source: DOCS.soqlCount,
    setup: FIVE_ACCOUNTS,
    apex: "try {\n  Database.countQuery('SELECT COUNT() FROM Account ORDER BY Name');\n} catch (QueryException e) {\n  System.debug('refused');\n}",
    debug: ['refused']
  },
  {
    name: 'COUNT() can be combined with LIMIT, which caps the count',
    source: DOCS.soqlCount,
    setup: FIVE_ACCOUNTS,
    apex: 'System.debug([SELECT COUNT() FROM Account LIMIT 3]);',
    debug: ['3']
  },
  {
    name: 'an aggregate query without GROUP BY cannot have a LIMIT',
    source: DOCS.soqlAggregateFunctions,
    setup: FIVE_ACCOUNTS,
    apex: "try {\n  Database.query('SELECT MAX(AnnualRevenue) FROM Account LIMIT 1');\n} catch (QueryException e) {\n  System.debug('refused');\n}",
    debug: ['refused'],
    note: 'The page: you can’t use a LIMIT clause in a query that uses an aggregate function but doesn’t use GROUP BY (COUNT() is the exception, see COUNT()).'
  },
  {
    name: 'with GROUP BY, LIMIT caps the number of groups',
    source: DOCS.soqlGroupBy,
    setup: FIVE_ACCOUNTS,
    apex: "for (AggregateResult r : [SELECT Industry, COUNT(Id) FROM Account GROUP BY Industry ORDER BY Industry NULLS LAST LIMIT 2]) {\n  System.debug(r.get('Industry'));\n}",
    debug: ['Banking', 'Biotechnology']
  },
  {
    name: 'null values sort first by default',
    source: DOCS.soqlOrderBy,
    setup: FIVE_ACCOUNTS,
    apex: namesOrderedBy('Industry, Name'),
    debug: ['Initech', 'Acme', 'Globex', 'acme labs', '100% Pure']
  },
  {
    name: 'null values sort first by default in descending order too',
    source: DOCS.soqlOrderBy,
    setup: FIVE_ACCOUNTS,
    apex: namesOrderedBy('Industry DESC, Name'),
    debug: ['Initech', '100% Pure', 'acme labs', 'Acme', 'Globex'],
    note: 'The page says "By default, null values are sorted first" and names no direction; the suite reads it for both, as the runtime does.'
  },
  {
    name: 'NULLS LAST puts the records whose field is null at the end',
    source: DOCS.soqlOrderBy,
    setup: FIVE_ACCOUNTS,
    apex: namesOrderedBy('NumberOfEmployees NULLS LAST'),
    debug: ['100% Pure', 'Acme', 'Globex', 'acme labs', 'Initech']
  },
  {
    name: 'DESC NULLS LAST sorts the values down and the nulls after them',
    source: DOCS.soqlOrderBy,
    setup: FIVE_ACCOUNTS,
    apex: namesOrderedBy('AnnualRevenue DESC NULLS LAST'),
    debug: ['Initech', 'acme labs', 'Acme', '100% Pure', 'Globex']
  },
  {
    name: 'text sorts without regard to case',
    source: DOCS.soqlOrderBy,
    setup: FIVE_ACCOUNTS,
    apex: namesOrderedBy('Name DESC'),
    debug: ['Initech', 'Globex', 'acme labs', 'Acme', '100% Pure']
  },
  {
    name: 'a picklist sorts in the order its values are defined',
    source: DOCS.soqlOrderBy,
    setup: FIVE_ACCOUNTS,
    apex: namesOrderedBy('Rating NULLS LAST, Name'),
    debug: ['Acme', 'Globex', 'acme labs', '100% Pure', 'Initech'],
    note: 'Rating is defined as Hot, Warm, Cold (Acme, Globex, acme labs); the page: picklist sorting is defined by the picklist sort order set up for the field.'
  },
  {
    name: 'several keys sort by the first, then the next within ties',
    source: DOCS.soqlOrderBy,
    setup: FIVE_ACCOUNTS,
    apex: namesOrderedBy('Industry NULLS LAST, NumberOfEmployees DESC'),
    debug: ['Globex', 'Acme', 'acme labs', '100% Pure', 'Initech']
  },
  {
    name: 'ordering by a parent field keeps the records that have no parent',
    source: DOCS.soqlOrderBy,
    setup:
      "Account zeta = new Account(Name = 'Zeta');\nAccount alpha = new Account(Name = 'Alpha');\ninsert new List<Account>{ zeta, alpha };\ninsert new List<Opportunity>{\n  new Opportunity(Name = 'For Zeta', StageName = 'Prospecting', CloseDate = Date.newInstance(2026, 12, 1), AccountId = zeta.Id),\n  new Opportunity(Name = 'Orphan', StageName = 'Prospecting', CloseDate = Date.newInstance(2026, 12, 1)),\n  new Opportunity(Name = 'For Alpha', StageName = 'Prospecting', CloseDate = Date.newInstance(2026, 12, 1), AccountId = alpha.Id)\n};",
    apex: 'for (Opportunity o : [SELECT Name FROM Opportunity ORDER BY Account.Name]) System.debug(o.Name);',
    debug: ['Orphan', 'For Alpha', 'For Zeta']
  }
]);

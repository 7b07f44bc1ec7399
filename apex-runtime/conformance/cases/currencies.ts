/**
 * Multiple currencies, on the conformance test org: the project's scratch definition turns on
 * multiple currencies and advanced currency management, with the currencies of
 * `config/currencies.json` (corporate DKK; EUR 0.134, SEK 1.52, NOK 1.58; dated EUR rates from
 * 2026-10-01 0.1342, 2026-11-01 0.1339, 2026-12-01 0.1336). The single-currency side (no
 * CurrencyIsoCode, no CurrencyType, convertCurrency() refused) needs the same project loaded as a
 * single-currency org, which this harness does not: src/platform/__tests__/currencies.test.ts
 * pins it.
 */
import { onTestOrg } from '../conformanceCase';
import { DOCS } from '../docPages';

/** Makes the administrator's currency EUR (setup, a transaction of its own). */
const ADMIN_IN_EUR =
  "User me = [SELECT Id FROM User WHERE Id = :UserInfo.getUserId()];\nme.DefaultCurrencyIsoCode = 'EUR';\nupdate me;";

const EUR_DEALS =
  "insert new List<Opportunity>{\n  new Opportunity(Name = 'before', StageName = 'Prospecting', CloseDate = Date.newInstance(2026, 5, 15), Amount = 1000, CurrencyIsoCode = 'EUR'),\n  new Opportunity(Name = 'november', StageName = 'Prospecting', CloseDate = Date.newInstance(2026, 11, 15), Amount = 1000, CurrencyIsoCode = 'EUR'),\n  new Opportunity(Name = 'december', StageName = 'Prospecting', CloseDate = Date.newInstance(2026, 12, 31), Amount = 1000, CurrencyIsoCode = 'EUR'),\n  new Opportunity(Name = 'kroner', StageName = 'Qualification', CloseDate = Date.newInstance(2026, 11, 15), Amount = 500, CurrencyIsoCode = 'DKK')\n};";

export const currencyCases = onTestOrg([
  {
    name: 'isMultiCurrencyOrganization is true in an org with multiple currencies',
    source: DOCS.userInfoClass,
    apex: 'System.debug(UserInfo.isMultiCurrencyOrganization());',
    debug: ['true']
  },
  {
    name: "getDefaultCurrency is the running user's default currency, the corporate one for a new user",
    source: DOCS.userInfoClass,
    apex: 'System.debug(UserInfo.getDefaultCurrency());\nSystem.debug([SELECT DefaultCurrencyIsoCode FROM User WHERE Id = :UserInfo.getUserId()].DefaultCurrencyIsoCode);',
    debug: ['DKK', 'DKK'],
    note: 'A user created without a currency gets the corporate currency (the picklist default), as the org gives its first users.'
  },
  {
    name: "getDefaultCurrency follows the user's DefaultCurrencyIsoCode, not the org's currency",
    source: DOCS.userInfoClass,
    setup: ADMIN_IN_EUR,
    apex: 'System.debug(UserInfo.getDefaultCurrency());\nSystem.debug([SELECT DefaultCurrencyIsoCode FROM Organization].DefaultCurrencyIsoCode);',
    debug: ['EUR', 'DKK']
  },
  {
    name: "a new record without a currency gets the creating user's default currency",
    source: DOCS.getUserInfoResult,
    setup: ADMIN_IN_EUR,
    apex: "Account a = new Account(Name = 'Acme');\ninsert a;\nAccount b = new Account(Name = 'Nordic', CurrencyIsoCode = 'SEK');\ninsert b;\nfor (Account acc : [SELECT Name, CurrencyIsoCode FROM Account ORDER BY Name]) System.debug(acc.Name + ' ' + acc.CurrencyIsoCode);",
    debug: ['Acme EUR', 'Nordic SEK'],
    note: 'The page: the user’s default currency is used when the user creates records that have a currency ISO code and does not set one.'
  },
  {
    name: 'CurrencyIsoCode is a restricted picklist of the active currencies, labelled Currency',
    source: DOCS.soqlConvertCurrency,
    apex: "Schema.DescribeFieldResult f = Opportunity.CurrencyIsoCode.getDescribe();\nSystem.debug(f.getLabel() + ' ' + f.getType() + ' ' + f.isRestrictedPicklist());\nList<String> codes = new List<String>();\nfor (Schema.PicklistEntry e : f.getPicklistValues()) codes.add(e.getValue());\nSystem.debug(String.join(codes, ','));",
    debug: ['Currency PICKLIST true', 'DKK,EUR,SEK,NOK'],
    note: 'Describe order follows config/currencies.json.'
  },
  {
    name: 'a currency that is not active is refused on save',
    source: DOCS.soqlConvertCurrency,
    apex: "try {\n  insert new Account(Name = 'Acme', CurrencyIsoCode = 'USD');\n} catch (DmlException e) {\n  System.debug(e.getDmlType(0));\n}",
    debug: ['INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'],
    note: 'CurrencyIsoCode is a restricted picklist of the active currencies (Object Reference, CurrencyType: inactive currencies do not appear in picklists).'
  },
  {
    name: 'CurrencyType holds the org currencies, readable without SeeAllData, the corporate one at rate 1',
    source: DOCS.currencyTypeObject,
    apex: "for (CurrencyType t : [SELECT IsoCode, ConversionRate, DecimalPlaces, IsCorporate, IsActive FROM CurrencyType ORDER BY IsoCode]) {\n  System.debug(t.IsoCode + ' ' + t.ConversionRate.stripTrailingZeros() + ' ' + t.DecimalPlaces + ' ' + t.IsCorporate + ' ' + t.IsActive);\n}",
    debug: [
      'DKK 1 2 true true',
      'EUR 0.134 2 false true',
      'SEK 1.52 2 false true',
      'NOK 1.58 2 false true'
    ],
    note: 'IsoCode is a picklist: ORDER BY sorts by its value order (config/currencies.json), not the alphabet. The conformance org is the org an Apex test sees without SeeAllData: currencies are setup data, there as OpportunityStage is.'
  },
  {
    name: 'any user can read the currencies in user mode',
    source: DOCS.currencyTypeObject,
    asUser: 'plain',
    apex: 'System.debug([SELECT COUNT() FROM CurrencyType WITH USER_MODE]);\nSystem.debug([SELECT IsoCode FROM CurrencyType WHERE IsCorporate = true WITH USER_MODE].IsoCode);',
    debug: ['4', 'DKK']
  },
  {
    name: 'DatedConversionRate periods end at the next start date, the last one in 9999',
    source: DOCS.datedConversionRateObject,
    apex: "for (DatedConversionRate r : [SELECT ConversionRate, StartDate, NextStartDate FROM DatedConversionRate WHERE IsoCode = 'EUR' ORDER BY StartDate]) {\n  System.debug(r.ConversionRate.stripTrailingZeros() + ' ' + String.valueOf(r.StartDate) + ' ' + String.valueOf(r.NextStartDate));\n}",
    debug: [
      '0.1342 2026-10-01 2026-11-01',
      '0.1339 2026-11-01 2026-12-01',
      '0.1336 2026-12-01 9999-12-31'
    ],
    note: 'NextStartDate is "the day after the end date for this exchange rate"; the last period has no end, which the org shows as 9999-12-31.'
  },
  {
    name: 'DML on CurrencyType is refused',
    source: DOCS.currencyTypeObject,
    apex: 'try {\n  insert new CurrencyType();\n} catch (DmlException e) {\n  System.debug(e.getDmlMessage(0));\n}',
    debug: ['DML operation Insert not allowed on CurrencyType'],
    note: 'The page lists no Apex DML; currencies are managed in Setup or through the API. The runtime refuses it as for other setup objects.'
  },
  {
    name: "convertCurrency converts a field into the user's currency with the CurrencyType rate",
    source: DOCS.soqlConvertCurrency,
    setup:
      "insert new Account(Name = 'Acme', AnnualRevenue = 1000, CurrencyIsoCode = 'EUR');\ninsert new Account(Name = 'Nordic', AnnualRevenue = 1520, CurrencyIsoCode = 'SEK');",
    apex: "for (Account a : [SELECT Name, convertCurrency(AnnualRevenue) FROM Account ORDER BY Name]) System.debug(a.Name + ' ' + a.AnnualRevenue);",
    debug: ['Acme 7462.69', 'Nordic 1000.00'],
    note: '1000 EUR / 0.134 = 7462.686... DKK and 1520 SEK / 1.52 = 1000 DKK, rounded to the 2 decimal places of DKK (the page does not state the rounding; runtime choice, half to even).'
  },
  {
    name: 'convertCurrency with an alias keeps the field in its own currency',
    source: DOCS.soqlConvertCurrency,
    setup: "insert new Account(Name = 'Acme', AnnualRevenue = 1000, CurrencyIsoCode = 'EUR');",
    apex: "Account a = [SELECT AnnualRevenue, convertCurrency(AnnualRevenue) converted, CurrencyIsoCode FROM Account];\nSystem.debug(a.AnnualRevenue + ' ' + a.CurrencyIsoCode + ' = ' + a.get('converted'));",
    debug: ['1000 EUR = 7462.69'],
    note: 'AnnualRevenue has no decimal places; the converted amount has those of DKK.'
  },
  {
    name: "convertCurrency converts into the user's own currency, not the corporate one",
    source: DOCS.soqlConvertCurrency,
    setup: [
      ADMIN_IN_EUR,
      "insert new Account(Name = 'Nordic', AnnualRevenue = 1520, CurrencyIsoCode = 'SEK');"
    ],
    apex: 'System.debug([SELECT convertCurrency(AnnualRevenue) FROM Account].AnnualRevenue);',
    debug: ['134.00'],
    note: '1520 SEK / 1.52 * 0.134 = 134 EUR.'
  },
  {
    name: 'with advanced currency management, opportunity amounts convert at the dated rate of their close date',
    source: DOCS.soqlConvertCurrency,
    setup: EUR_DEALS,
    apex: "for (Opportunity o : [SELECT Name, convertCurrency(Amount) FROM Opportunity ORDER BY Name]) System.debug(o.Name + ' ' + o.Amount);",
    debug: ['before 7462.69', 'december 7485.03', 'kroner 500.00', 'november 7468.26'],
    note: 'November: 1000 / 0.1339; December: 1000 / 0.1336; a close date before the first dated period takes the CurrencyType rate (1000 / 0.134), a runtime choice where the page is silent.'
  },
  {
    name: 'aggregates of a currency field are in the corporate currency, each record converted first',
    source: DOCS.soqlConvertCurrency,
    setup: [ADMIN_IN_EUR, EUR_DEALS],
    apex: "for (AggregateResult r : [SELECT StageName, SUM(Amount) total, MAX(Amount) biggest FROM Opportunity GROUP BY StageName ORDER BY StageName]) {\n  System.debug(r.get('StageName') + ' ' + r.get('total') + ' ' + r.get('biggest'));\n}",
    debug: ['Prospecting 22415.98 7485.03', 'Qualification 500.00 500.00'],
    note: 'In DKK although the user works in EUR ("any currency data returned by using an aggregate function, such as SUM() or MAX(), is in the org’s default currency"); the three EUR deals at their dated rates: 7462.686 + 7468.260 + 7485.030 = 22415.98 after rounding the sum.'
  },
  {
    name: 'HAVING compares an aggregate in the corporate currency',
    source: DOCS.soqlConvertCurrency,
    setup: EUR_DEALS,
    apex: "for (AggregateResult r : [SELECT StageName, SUM(Amount) total FROM Opportunity GROUP BY StageName HAVING SUM(Amount) > 5000]) {\n  System.debug(r.get('StageName'));\n}",
    debug: ['Prospecting']
  },
  {
    name: 'convertCurrency in WHERE is an error',
    source: DOCS.soqlConvertCurrency,
    apex: "try {\n  Database.query('SELECT Id FROM Opportunity WHERE convertCurrency(Amount) > 100');\n  System.debug('accepted');\n} catch (QueryException e) {\n  System.debug('refused');\n}",
    debug: ['refused'],
    note: 'The page: "You can’t use the convertCurrency() function in a WHERE clause. If you do, an error is returned."'
  },
  {
    name: 'convertCurrency of an aggregate is an error',
    source: DOCS.soqlConvertCurrency,
    apex: "try {\n  Database.query('SELECT StageName, convertCurrency(Amount) FROM Opportunity GROUP BY StageName');\n  System.debug('accepted');\n} catch (QueryException e) {\n  System.debug('refused');\n}",
    debug: ['refused'],
    note: 'The page: you can’t convert the result of an aggregate function into the user’s currency by calling convertCurrency().'
  }
]);

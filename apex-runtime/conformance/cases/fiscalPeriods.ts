/**
 * Fiscal periods, on the conformance test org: the project's scratch definition gives the org a
 * standard fiscal year starting in January, named by the year it ends in (the defaults), so the org
 * holds FiscalYearSettings and Period rows (Year, 4 Quarters, 12 Months) for the years named 10
 * before to 5 after the year the org was created in (metadata/fiscalYears.ts); the cases read
 * fiscal year 2026, which that range holds from 2021 to 2036. The clock stands on 2026-11-16.
 *
 * The custom fiscal year org (config/custom-fiscal-years.json, quarters of unequal length, the
 * fiscal date literals following them) needs the project loaded with `customFiscalYears`, which
 * this harness does not: src/platform/__tests__/fiscalPeriods.test.ts pins it.
 */
import { onTestOrg } from '../conformanceCase';
import { DOCS } from '../docPages';

export const fiscalPeriodCases = onTestOrg([
  {
    name: 'a standard fiscal year has four quarter periods of three calendar months from its start month',
    source: DOCS.periodObject,
    apex: "for (Period p : [SELECT Number, StartDate, EndDate FROM Period WHERE Type = 'Quarter' AND FiscalYearSettings.Name = '2026' ORDER BY StartDate]) {\n  System.debug(p.Number + ' ' + String.valueOf(p.StartDate) + ' ' + String.valueOf(p.EndDate));\n}",
    debug: [
      '1 2026-01-01 2026-03-31',
      '2 2026-04-01 2026-06-30',
      '3 2026-07-01 2026-09-30',
      '4 2026-10-01 2026-12-31'
    ],
    note: 'The Object Reference does not say whether a standard fiscal year has Period rows; orgs have them, and the runtime generates them from the scratch definition (fiscalYearSettings.startMonth, here January).'
  },
  {
    name: 'Period.FiscalYearSettings is the parent fiscal year: Name, dates, IsStandardYear and YearType',
    source: DOCS.fiscalYearSettingsObject,
    apex: "Period q = [SELECT FiscalYearSettings.Name, FiscalYearSettings.StartDate, FiscalYearSettings.EndDate, FiscalYearSettings.IsStandardYear, FiscalYearSettings.YearType FROM Period WHERE Type = 'Quarter' AND StartDate = 2026-10-01];\nFiscalYearSettings y = q.FiscalYearSettings;\nSystem.debug(y.Name + ' ' + String.valueOf(y.StartDate) + ' ' + String.valueOf(y.EndDate) + ' ' + y.IsStandardYear + ' ' + y.YearType);",
    debug: ['2026 2026-01-01 2026-12-31 true Standard'],
    note: 'A fiscal year starting in January is named by its own year; a later start month is named by the ending year unless the org bases the name on the starting month (usesStartDateAsFiscalYearName).'
  },
  {
    name: 'a fiscal year has one Year, four Quarter and twelve Month periods (the Periods sub-query)',
    source: DOCS.fiscalYearSettingsObject,
    apex: "FiscalYearSettings y = [SELECT Name, Period.Type, (SELECT Type FROM Periods ORDER BY StartDate) FROM FiscalYearSettings WHERE Name = '2026'];\nMap<String, Integer> byType = new Map<String, Integer>();\nfor (Period p : y.Periods) byType.put(p.Type, (byType.containsKey(p.Type) ? byType.get(p.Type) : 0) + 1);\nSystem.debug(y.Period.Type + ' ' + byType.get('Year') + ' ' + byType.get('Quarter') + ' ' + byType.get('Month'));",
    debug: ['Year 1 4 12'],
    note: 'PeriodId ("ID of the associated fiscal period") is the Year period; the child relationship name Periods is the runtime’s choice (the reference names none). Standard years have no Week periods.'
  },
  {
    name: 'Period rows are visible to an Apex test without SeeAllData',
    source: DOCS.testDataIsolation,
    apex: "System.debug([SELECT COUNT() FROM FiscalYearSettings WHERE Name = '2026']);\nSystem.debug([SELECT COUNT() FROM Period WHERE FiscalYearSettings.Name = '2026']);",
    debug: ['1', '17'],
    note: 'The conformance org is the org a test sees without SeeAllData. The page lists examples of the "objects that are used to manage your organization" a test can still read, not all of them; the fiscal calendar is org setup (defined in Setup, not by DML), so the runtime treats it as OpportunityStage and CurrencyType.'
  },
  {
    name: 'any user can read the fiscal periods in user mode',
    source: DOCS.periodObject,
    asUser: 'plain',
    apex: "System.debug([SELECT COUNT() FROM Period WHERE Type = 'Quarter' AND FiscalYearSettings.Name = '2026' WITH USER_MODE]);",
    debug: ['4'],
    note: 'The page: "only Chatter Free users and standard users can access this object"; a standard profile reads it.'
  },
  {
    name: 'THIS_FISCAL_QUARTER is the quarter Period holding today',
    source: DOCS.soqlDateLiterals,
    apex: "Period q = [SELECT Number, FullyQualifiedLabel FROM Period WHERE Type = 'Quarter' AND StartDate = THIS_FISCAL_QUARTER];\nSystem.debug(q.Number + ' ' + q.FullyQualifiedLabel);\nSystem.debug([SELECT COUNT() FROM Period WHERE Type = 'Month' AND StartDate = THIS_FISCAL_YEAR]);",
    debug: ['4 Q4 FY 2026', '12'],
    note: 'Fiscal literals use the fiscal year the org sets up in Setup. FullyQualifiedLabel of a quarter ("Q4 FY 2026") is the runtime’s choice after the reference’s month example, "September FY 2016".'
  },
  {
    name: 'DML on Period and FiscalYearSettings is refused',
    source: DOCS.periodObject,
    apex: "try {\n  insert new Period();\n} catch (DmlException e) {\n  System.debug(e.getDmlMessage(0));\n}\nFiscalYearSettings y = [SELECT Id, Name FROM FiscalYearSettings WHERE Name = '2026'];\ntry {\n  update y;\n} catch (DmlException e) {\n  System.debug(e.getDmlMessage(0));\n}\ntry {\n  delete [SELECT Id FROM Period WHERE Type = 'Year' AND FiscalYearSettings.Name = '2026'];\n} catch (DmlException e) {\n  System.debug(e.getDmlMessage(0));\n}",
    debug: [
      'DML operation Insert not allowed on Period',
      'DML operation Update not allowed on FiscalYearSettings',
      'DML operation Delete not allowed on Period'
    ],
    note: 'The page lists only describeSObjects(), getDeleted(), getUpdated(), query() and retrieve(); fiscal years are defined in Setup. The runtime refuses DML as on other read-only setup objects (setting one of their fields is already an SObjectException, "Field is not writeable").'
  }
]);

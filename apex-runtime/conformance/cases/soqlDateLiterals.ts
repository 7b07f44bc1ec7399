/**
 * SOQL date literals and date functions, on a test org whose clock stands at 2026-11-16T09:30:00Z,
 * a Monday, for a user in Europe/Copenhagen (10:30 local) with locale en_US, whose week starts on
 * Sunday. The org's fiscal year starts in January. Each opportunity is named by its close date, so
 * a case prints the dates a literal covers.
 */
import { onTestOrg } from '../conformanceCase';
import { DOCS } from '../docPages';

const CLOSE_DATES = [
  '2025-12-31',
  '2026-01-01',
  '2026-08-17',
  '2026-08-18',
  '2026-09-30',
  '2026-10-01',
  '2026-10-31',
  '2026-11-01',
  '2026-11-09',
  '2026-11-14',
  '2026-11-15',
  '2026-11-16',
  '2026-11-17',
  '2026-11-21',
  '2026-11-22',
  '2026-12-01',
  '2026-12-31',
  '2027-01-01',
  '2027-02-14'
];

const DATED_OPPORTUNITIES = `List<Opportunity> deals = new List<Opportunity>();
for (String day : new List<String>{ '${CLOSE_DATES.join("', '")}' }) {
  deals.add(new Opportunity(Name = day, StageName = 'Prospecting', CloseDate = Date.valueOf(day)));
}
insert deals;`;

/** Prints the close dates a WHERE condition selects, in date order. */
function datesWhere(condition: string): string {
  return `for (Opportunity o : [SELECT Name FROM Opportunity WHERE ${condition} ORDER BY CloseDate]) System.debug(o.Name);`;
}

function countWhere(condition: string): string {
  return `System.debug([SELECT COUNT() FROM Opportunity WHERE ${condition}]);`;
}

export const soqlDateLiteralCases = onTestOrg([
  {
    name: 'YESTERDAY, TODAY and TOMORROW are single days',
    source: DOCS.soqlDateLiterals,
    setup: DATED_OPPORTUNITIES,
    apex: [
      datesWhere('CloseDate = YESTERDAY'),
      datesWhere('CloseDate = TODAY'),
      datesWhere('CloseDate = TOMORROW')
    ].join('\n'),
    debug: ['2026-11-15', '2026-11-16', '2026-11-17']
  },
  {
    name: 'THIS_WEEK starts on the first day of the week of the user’s locale (Sunday for en_US)',
    source: DOCS.soqlDateLiterals,
    setup: DATED_OPPORTUNITIES,
    apex: datesWhere('CloseDate = THIS_WEEK'),
    debug: ['2026-11-15', '2026-11-16', '2026-11-17', '2026-11-21']
  },
  {
    name: 'LAST_WEEK and NEXT_WEEK are the whole weeks around this one',
    source: DOCS.soqlDateLiterals,
    setup: DATED_OPPORTUNITIES,
    apex: [datesWhere('CloseDate = LAST_WEEK'), datesWhere('CloseDate = NEXT_WEEK')].join('\n'),
    debug: ['2026-11-09', '2026-11-14', '2026-11-22']
  },
  {
    name: 'THIS_MONTH covers every day of the current month',
    source: DOCS.soqlDateLiterals,
    setup: DATED_OPPORTUNITIES,
    apex: datesWhere('CloseDate = THIS_MONTH'),
    debug: [
      '2026-11-01',
      '2026-11-09',
      '2026-11-14',
      '2026-11-15',
      '2026-11-16',
      '2026-11-17',
      '2026-11-21',
      '2026-11-22'
    ]
  },
  {
    name: 'LAST_MONTH and NEXT_MONTH are the calendar months around this one',
    source: DOCS.soqlDateLiterals,
    setup: DATED_OPPORTUNITIES,
    apex: [datesWhere('CloseDate = LAST_MONTH'), datesWhere('CloseDate = NEXT_MONTH')].join('\n'),
    debug: ['2026-10-01', '2026-10-31', '2026-12-01', '2026-12-31']
  },
  {
    name: 'THIS_QUARTER is October to December, LAST_QUARTER July to September',
    source: DOCS.soqlDateLiterals,
    setup: DATED_OPPORTUNITIES,
    apex: [countWhere('CloseDate = THIS_QUARTER'), datesWhere('CloseDate = LAST_QUARTER')].join(
      '\n'
    ),
    debug: ['12', '2026-08-17', '2026-08-18', '2026-09-30']
  },
  {
    name: 'NEXT_QUARTER starts on the first day of the next quarter',
    source: DOCS.soqlDateLiterals,
    setup: DATED_OPPORTUNITIES,
    apex: datesWhere('CloseDate = NEXT_QUARTER'),
    debug: ['2027-01-01', '2027-02-14']
  },
  {
    name: 'THIS_YEAR and LAST_YEAR are calendar years',
    source: DOCS.soqlDateLiterals,
    setup: DATED_OPPORTUNITIES,
    apex: [countWhere('CloseDate = THIS_YEAR'), datesWhere('CloseDate = LAST_YEAR')].join('\n'),
    debug: ['16', '2025-12-31']
  },
  {
    name: 'THIS_FISCAL_QUARTER follows the org’s fiscal year, here the calendar one',
    source: DOCS.soqlDateLiterals,
    setup: DATED_OPPORTUNITIES,
    apex: [
      countWhere('CloseDate = THIS_FISCAL_QUARTER'),
      countWhere('CloseDate = THIS_FISCAL_YEAR')
    ].join('\n'),
    debug: ['12', '16'],
    note: 'The test org keeps the default fiscal year, which starts in January.'
  },
  {
    name: 'LAST_N_DAYS:1 includes yesterday and today',
    source: DOCS.soqlDateLiterals,
    setup: DATED_OPPORTUNITIES,
    apex: datesWhere('CloseDate = LAST_N_DAYS:1'),
    debug: ['2026-11-15', '2026-11-16']
  },
  {
    name: 'LAST_90_DAYS covers today and the 90 days before it, 91 days in all',
    source: DOCS.soqlDateLiterals,
    setup: DATED_OPPORTUNITIES,
    apex: [
      countWhere('CloseDate = LAST_90_DAYS'),
      'System.debug([SELECT Name FROM Opportunity WHERE CloseDate = LAST_90_DAYS ORDER BY CloseDate LIMIT 1].Name);'
    ].join('\n'),
    debug: ['9', '2026-08-18'],
    note: '2026-08-18 is today minus 90 days; 2026-08-17 is outside.'
  },
  {
    name: 'NEXT_N_DAYS:n starts tomorrow and lasts n days',
    source: DOCS.soqlDateLiterals,
    setup: DATED_OPPORTUNITIES,
    apex: datesWhere('CloseDate = NEXT_N_DAYS:5'),
    debug: ['2026-11-17', '2026-11-21']
  },
  {
    name: 'N_DAYS_AGO:n is the single day n days before today',
    source: DOCS.soqlDateLiterals,
    setup: DATED_OPPORTUNITIES,
    apex: datesWhere('CloseDate = N_DAYS_AGO:7'),
    debug: ['2026-11-09']
  },
  {
    name: 'NEXT_N_MONTHS:n starts with the next month, not the current one',
    source: DOCS.soqlDateLiterals,
    setup: DATED_OPPORTUNITIES,
    apex: datesWhere('CloseDate = NEXT_N_MONTHS:2'),
    debug: ['2026-12-01', '2026-12-31', '2027-01-01']
  },
  {
    name: 'LAST_N_MONTHS:n ends with the previous month, not the current one',
    source: DOCS.soqlDateLiterals,
    setup: DATED_OPPORTUNITIES,
    apex: datesWhere('CloseDate = LAST_N_MONTHS:1'),
    debug: ['2026-10-01', '2026-10-31']
  },
  {
    name: '< and > with a date literal select the dates before and after its range',
    source: DOCS.soqlDateLiterals,
    setup: DATED_OPPORTUNITIES,
    apex: [countWhere('CloseDate < THIS_MONTH'), countWhere('CloseDate > THIS_MONTH')].join('\n'),
    debug: ['7', '4']
  },
  {
    name: 'a date literal on a dateTime field uses the day boundaries of the user’s time zone',
    source: DOCS.soqlDateLiterals,
    setup:
      "insert new List<Account>{\n  new Account(Name = 'Late yesterday GMT', Data_Quality_Evaluated_At__c = Datetime.newInstanceGmt(2026, 11, 15, 23, 30, 0)),\n  new Account(Name = 'Late yesterday here', Data_Quality_Evaluated_At__c = Datetime.newInstanceGmt(2026, 11, 15, 22, 30, 0))\n};",
    apex: 'System.debug([SELECT Name FROM Account WHERE Data_Quality_Evaluated_At__c = TODAY].Name);\nSystem.debug([SELECT Name FROM Account WHERE Data_Quality_Evaluated_At__c = YESTERDAY].Name);',
    debug: ['Late yesterday GMT', 'Late yesterday here'],
    note: 'The page ties the range to the user sending the query; 23:30 GMT on the 15th is 00:30 on the 16th in Copenhagen (CET, UTC+1), so TODAY there.'
  },
  {
    name: 'CreatedDate = TODAY finds records created today',
    source: DOCS.soqlDateLiterals,
    setup: "insert new Account(Name = 'New');",
    apex: 'System.debug([SELECT COUNT() FROM Account WHERE CreatedDate = TODAY]);\nSystem.debug([SELECT COUNT() FROM Account WHERE CreatedDate = LAST_WEEK]);',
    debug: ['1', '0']
  },
  {
    name: 'DAY_IN_WEEK numbers the days from 1 for Sunday',
    source: DOCS.soqlDateFunctions,
    setup: DATED_OPPORTUNITIES,
    apex: datesWhere('DAY_IN_WEEK(CloseDate) = 1'),
    debug: ['2026-11-01', '2026-11-15', '2026-11-22', '2027-02-14']
  },
  {
    name: 'CALENDAR_MONTH filters on the month of a date whatever its year',
    source: DOCS.soqlDateFunctions,
    setup: DATED_OPPORTUNITIES,
    apex: datesWhere('CALENDAR_MONTH(CloseDate) = 12'),
    debug: ['2025-12-31', '2026-12-01', '2026-12-31']
  },
  {
    name: 'a date literal cannot be compared with a field that is not a date',
    source: DOCS.soqlDateLiterals,
    setup: DATED_OPPORTUNITIES,
    apex: "try {\n  Integer n = Database.countQuery('SELECT COUNT() FROM Opportunity WHERE Name = TODAY');\n} catch (QueryException e) {\n  System.debug('refused');\n}",
    debug: ['refused']
  }
]);

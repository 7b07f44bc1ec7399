/**
 * Date, Datetime and Time, and the running user's time zone. The harness user is in
 * Europe/Copenhagen (UTC+1 in winter, UTC+2 from the last Sunday of March to the last Sunday of
 * October) with locale en_US; its clock reads 2026-11-16T09:30:00Z, a Monday, 10:30 in Copenhagen.
 */
import type { ConformanceCase } from '../conformanceCase';
import { DOCS } from '../docPages';

export const dateAndTimeCases: readonly ConformanceCase[] = [
  {
    name: 'Date.today() is the date in the user time zone',
    source: DOCS.dateClass,
    apex: 'System.debug(String.valueOf(Date.today()));',
    debug: ['2026-11-16']
  },
  {
    name: 'String.valueOf(Datetime) prints the user time zone',
    source: DOCS.stringClass,
    apex: 'System.debug(String.valueOf(Datetime.now()));',
    debug: ['2026-11-16 10:30:00']
  },
  {
    name: 'System.debug prints a Datetime in GMT',
    source: DOCS.datetimeClass,
    apex: 'System.debug(System.now());',
    debug: ['2026-11-16 09:30:00'],
    note: 'The docs do not show it; debug output and concatenation print Datetimes in GMT (String.valueOf in the user zone).'
  },
  {
    name: 'System.debug prints a Date with a midnight time',
    source: DOCS.dateClass,
    apex: 'System.debug(Date.newInstance(2026, 3, 5));',
    debug: ['2026-03-05 00:00:00'],
    note: 'The docs do not show it; debug output and concatenation print a Date as yyyy-MM-dd 00:00:00.'
  },
  {
    name: 'hour() is in the user time zone, hourGmt() in GMT',
    source: DOCS.datetimeClass,
    apex: 'Datetime now = Datetime.now(); System.debug(now.hour()); System.debug(now.hourGmt()); System.debug(now.minute());',
    debug: ['10', '9', '30']
  },
  {
    name: 'format(pattern) uses the user time zone, formatGmt(pattern) GMT',
    source: DOCS.datetimeClass,
    apex: "Datetime now = Datetime.now(); System.debug(now.format('yyyy-MM-dd HH:mm')); System.debug(now.formatGmt('yyyy-MM-dd HH:mm:ss'));",
    debug: ['2026-11-16 10:30', '2026-11-16 09:30:00']
  },
  {
    name: 'format(pattern, timezone) uses the given time zone',
    source: DOCS.datetimeClass,
    apex: "System.debug(Datetime.now().format('HH:mm z', 'America/New_York'));",
    debug: ['04:30 EST']
  },
  {
    name: 'format patterns spell out days and months in the user locale',
    source: DOCS.datetimeClass,
    apex: "System.debug(Datetime.now().format('EEEE, MMMM d, yyyy'));",
    debug: ['Monday, November 16, 2026']
  },
  {
    name: 'Datetime.newInstance reads its fields in the user time zone (summer time)',
    source: DOCS.datetimeClass,
    apex: "Datetime dt = Datetime.newInstance(2026, 7, 1, 12, 0, 0); System.debug(dt.formatGmt('yyyy-MM-dd HH:mm'));",
    debug: ['2026-07-01 10:00']
  },
  {
    name: 'Datetime.newInstance on each side of the switch to summer time',
    source: DOCS.datetimeClass,
    apex: "System.debug(Datetime.newInstance(2026, 3, 28, 12, 0, 0).formatGmt('HH')); System.debug(Datetime.newInstance(2026, 3, 29, 12, 0, 0).formatGmt('HH'));",
    debug: ['11', '10'],
    note: 'Copenhagen moves from UTC+1 to UTC+2 on Sunday 29 March 2026 (IANA time zone database).'
  },
  {
    name: 'Datetime.newInstanceGmt reads its fields in GMT',
    source: DOCS.datetimeClass,
    apex: 'Datetime dt = Datetime.newInstanceGmt(2026, 7, 1, 12, 0, 0); System.debug(dt.hour()); System.debug(dt.hourGmt());',
    debug: ['14', '12']
  },
  {
    name: 'date() is the date in the user time zone, dateGmt() in GMT',
    source: DOCS.datetimeClass,
    apex: 'Datetime late = Datetime.newInstanceGmt(2026, 11, 16, 23, 30, 0); System.debug(String.valueOf(late.date())); System.debug(String.valueOf(late.dateGmt()));',
    debug: ['2026-11-17', '2026-11-16']
  },
  {
    name: 'time() is the time of day in the user time zone',
    source: DOCS.datetimeClass,
    apex: 'System.debug(Datetime.now().time()); System.debug(Datetime.now().timeGmt());',
    debug: ['10:30:00.000Z', '09:30:00.000Z']
  },
  {
    name: 'Datetime.newInstance(date, time) combines them in the user time zone',
    source: DOCS.datetimeClass,
    apex: "Datetime dt = Datetime.newInstance(Date.newInstance(2026, 1, 2), Time.newInstance(8, 0, 0, 0)); System.debug(dt.formatGmt('yyyy-MM-dd HH:mm'));",
    debug: ['2026-01-02 07:00']
  },
  {
    name: 'getTime() counts milliseconds since 1970-01-01 GMT',
    source: DOCS.datetimeClass,
    apex: 'System.debug(Datetime.newInstanceGmt(1970, 1, 1, 0, 0, 0).getTime()); System.debug(Datetime.newInstanceGmt(2026, 11, 16, 9, 30, 0).getTime());',
    debug: ['0', '1794821400000']
  },
  {
    name: 'Datetime.newInstance(milliseconds) is the inverse of getTime()',
    source: DOCS.datetimeClass,
    apex: "Datetime dt = Datetime.newInstance(1794821400000L); System.debug(dt.formatGmt('yyyy-MM-dd HH:mm'));",
    debug: ['2026-11-16 09:30']
  },
  {
    name: 'Datetime.valueOf reads the string in the user time zone',
    source: DOCS.datetimeClass,
    apex: "Datetime dt = Datetime.valueOf('2026-11-16 10:30:00'); System.debug(dt.formatGmt('HH:mm'));",
    debug: ['09:30']
  },
  {
    name: 'Datetime.valueOfGmt reads the string in GMT',
    source: DOCS.datetimeClass,
    apex: "Datetime dt = Datetime.valueOfGmt('2026-11-16 10:30:00'); System.debug(dt.hour());",
    debug: ['11']
  },
  {
    name: 'adding a Double to a Datetime adds fractions of days',
    source: DOCS.primitiveTypes,
    apex: "Datetime dt = Datetime.newInstanceGmt(2026, 1, 1, 0, 0, 0); Double half = 0.5; System.debug((dt + half).formatGmt('yyyy-MM-dd HH:mm')); System.debug((dt + 2).formatGmt('yyyy-MM-dd'));",
    debug: ['2026-01-01 12:00', '2026-01-03']
  },
  {
    name: 'addHours, addMinutes and addSeconds',
    source: DOCS.datetimeClass,
    apex: "Datetime dt = Datetime.newInstanceGmt(2026, 1, 1, 23, 0, 0); System.debug(dt.addHours(2).formatGmt('yyyy-MM-dd HH:mm')); System.debug(dt.addMinutes(-90).formatGmt('HH:mm')); System.debug(dt.addSeconds(61).formatGmt('HH:mm:ss'));",
    debug: ['2026-01-02 01:00', '21:30', '23:01:01']
  },
  {
    name: 'Datetime.addDays adds 24-hour days, so the local time moves across a switch to summer time',
    source: DOCS.datetimeClass,
    apex: "Datetime dt = Datetime.newInstance(2026, 3, 28, 12, 0, 0); System.debug(dt.addDays(1).format('HH:mm')); System.debug(dt.addDays(1).formatGmt('HH:mm'));",
    debug: ['13:00', '11:00'],
    note: 'The page only says days are added; orgs add 24-hour days to the instant (salesforce.stackexchange.com questions 238465 and 385788).'
  },
  {
    name: 'adding an Integer to a Date adds days',
    source: DOCS.primitiveTypes,
    apex: 'Date d = Date.newInstance(2026, 12, 31) + 1; System.debug(String.valueOf(d)); System.debug(String.valueOf(d - 365));',
    debug: ['2027-01-01', '2026-01-01']
  },
  {
    name: 'addMonths keeps the day or uses the last day of a shorter month',
    source: DOCS.dateClass,
    apex: 'System.debug(String.valueOf(Date.newInstance(2026, 1, 31).addMonths(1))); System.debug(String.valueOf(Date.newInstance(2026, 1, 15).addMonths(13)));',
    debug: ['2026-02-28', '2027-02-15'],
    note: 'The page does not say what happens to the 31st in a shorter month; the day becomes the last of the month, as in Java.'
  },
  {
    name: 'addYears from 29 February gives 28 February',
    source: DOCS.dateClass,
    apex: 'System.debug(String.valueOf(Date.newInstance(2024, 2, 29).addYears(1)));',
    debug: ['2025-02-28'],
    note: 'As for addMonths: the day is clamped to the length of the month.'
  },
  {
    name: 'daysBetween counts the days to the argument',
    source: DOCS.dateClass,
    apex: 'Date startDate = Date.newInstance(2008, 1, 1); Date dueDate = Date.newInstance(2008, 1, 30); System.debug(startDate.daysBetween(dueDate)); System.debug(dueDate.daysBetween(startDate));',
    debug: ['29', '-29']
  },
  {
    name: 'monthsBetween ignores the days',
    source: DOCS.dateClass,
    apex: 'Date firstDate = Date.newInstance(2006, 12, 2); Date secondDate = Date.newInstance(2012, 12, 8); System.debug(firstDate.monthsBetween(secondDate));',
    debug: ['72']
  },
  {
    name: 'toStartOfMonth',
    source: DOCS.dateClass,
    apex: 'System.debug(String.valueOf(Date.newInstance(2026, 11, 16).toStartOfMonth()));',
    debug: ['2026-11-01']
  },
  {
    name: 'toStartOfWeek is Sunday for the en_US locale',
    source: DOCS.dateClass,
    apex: 'System.debug(String.valueOf(Date.newInstance(2026, 11, 16).toStartOfWeek())); System.debug(String.valueOf(Date.newInstance(2026, 11, 15).toStartOfWeek()));',
    debug: ['2026-11-15', '2026-11-15']
  },
  {
    name: 'isLeapYear and daysInMonth',
    source: DOCS.dateClass,
    apex: 'System.debug(Date.isLeapYear(2024)); System.debug(Date.isLeapYear(1900)); System.debug(Date.daysInMonth(1960, 2));',
    debug: ['true', 'false', '29']
  },
  {
    name: 'dayOfYear',
    source: DOCS.dateClass,
    apex: 'Date myDate = Date.newInstance(1998, 10, 21); System.debug(myDate.dayOfYear());',
    debug: ['294']
  },
  {
    name: 'Date.valueOf reads yyyy-MM-dd',
    source: DOCS.dateClass,
    apex: "Date d = Date.valueOf('2026-11-16'); System.debug(d.year() + ' ' + d.month() + ' ' + d.day());",
    debug: ['2026 11 16']
  },
  {
    name: 'Date.parse reads the locale format of the user (en_US: M/d/yyyy)',
    source: DOCS.dateClass,
    apex: "Date d = Date.parse('12/27/2009'); System.debug(String.valueOf(d));",
    debug: ['2009-12-27']
  },
  {
    name: 'Date.format prints the locale format of the user',
    source: DOCS.dateClass,
    apex: 'System.debug(Date.newInstance(2026, 11, 6).format());',
    debug: ['11/6/2026']
  },
  {
    name: 'Dates compare with <, == and isSameDay',
    source: DOCS.dateClass,
    apex: 'Date a = Date.newInstance(2026, 1, 1); Date b = Date.newInstance(2026, 1, 2); System.debug(a < b); System.debug(a == b.addDays(-1)); System.debug(a.isSameDay(b));',
    debug: ['true', 'true', 'false']
  },
  {
    name: 'Datetimes compare as instants',
    source: DOCS.datetimeClass,
    apex: 'Datetime a = Datetime.newInstanceGmt(2026, 11, 16, 9, 30, 0); System.debug(a == Datetime.now()); System.debug(a.addSeconds(-1) < Datetime.now());',
    debug: ['true', 'true']
  },
  {
    name: 'Time.newInstance and its parts',
    source: DOCS.timeClass,
    apex: "Time myTime = Time.newInstance(1, 2, 3, 4); System.debug(myTime); System.debug(myTime.hour() + ' ' + myTime.minute() + ' ' + myTime.second() + ' ' + myTime.millisecond());",
    debug: ['01:02:03.004Z', '1 2 3 4']
  },
  {
    name: 'Time arithmetic wraps around midnight',
    source: DOCS.timeClass,
    apex: 'Time myTime = Time.newInstance(1, 2, 3, 4); System.debug(myTime.addHours(3) == Time.newInstance(4, 2, 3, 4)); System.debug(Time.newInstance(23, 30, 0, 0).addMinutes(45));',
    debug: ['true', '00:15:00.000Z'],
    note: "The page does not mention midnight; a Time is a time of day, so the sum wraps as Java's LocalTime does."
  }
];

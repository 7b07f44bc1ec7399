import { ApexDate, ApexDatetime, ApexTime } from '../../values/temporal';
import { ApexRuntimeError } from '../apexErrors';
import {
  addDays,
  addHours,
  addMonths,
  date,
  dateGmt,
  format,
  formatGmt,
  formatLong,
  formatPattern,
  getTime,
  hour,
  hourGmt,
  isSameDay,
  newInstance,
  newInstanceFromDateAndTime,
  newInstanceFromMillis,
  newInstanceGmt,
  parse,
  time,
  valueOf,
  valueOfGmt
} from '../datetimeMethods';

const CHICAGO = 'America/Chicago';
const gmt = (datetime: ApexDatetime): string => formatGmt(datetime, 'yyyy-MM-dd HH:mm:ss', 'en_US');

// Apex Reference, "Datetime Class".
describe('Datetime class', () => {
  describe('construction', () => {
    // salesforce.stackexchange.com 238465: newInstance(2018, 11, 4) in America/Chicago is
    // 2018-11-04 05:00:00 GMT.
    it('reads newInstance(year, month, day) on the user s wall clock', () => {
      expect(gmt(newInstance(2018, 11, 4, 0, 0, 0, CHICAGO))).toBe('2018-11-04 05:00:00');
    });

    it('reads newInstanceGmt in GMT', () => {
      expect(gmt(newInstanceGmt(2026, 12, 3, 9, 30, 0))).toBe('2026-12-03 09:30:00');
    });

    // medium.com, "DateTime.newInstance vs DateTime.newInstanceGMT": 2024-10-19 07:34:03 in CET
    // (summer time) is 05:34:03 GMT.
    it('reads newInstance(date, time) in the user s zone', () => {
      const value = newInstanceFromDateAndTime(
        ApexDate.of(2024, 10, 19),
        ApexTime.of(7, 34, 3, 0),
        'Europe/Copenhagen'
      );
      expect(gmt(value)).toBe('2024-10-19 05:34:03');
    });

    it('rolls an hour past midnight into the next day', () => {
      expect(gmt(newInstanceGmt(2026, 12, 31, 25, 0, 0))).toBe('2027-01-01 01:00:00');
    });

    it('builds an instant from milliseconds and gives them back as a Long', () => {
      expect(getTime(newInstanceFromMillis(1_700_000_000_000n))).toBe(1_700_000_000_000n);
    });
  });

  describe('arithmetic', () => {
    // salesforce.stackexchange.com 238465: addDays(1) from Chicago midnight on the day the
    // clocks went back gives 2018-11-04 23:00 local, 2018-11-05 05:00 GMT.
    it('adds days as 24-hour periods of the stored instant', () => {
      const midnight = newInstance(2018, 11, 4, 0, 0, 0, CHICAGO);
      const next = addDays(midnight, 1);
      expect(formatPattern(next, 'yyyy-MM-dd HH:mm:ss', CHICAGO, 'en_US')).toBe(
        '2018-11-04 23:00:00'
      );
      expect(gmt(next)).toBe('2018-11-05 05:00:00');
    });

    // salesforce.stackexchange.com 385788: in London, 2022-10-30 15:30 minus a day is 16:30 on
    // the 29th, as summer time still held.
    it('subtracts days as 24-hour periods across the autumn change', () => {
      const start = newInstance(2022, 10, 30, 15, 30, 0, 'Europe/London');
      expect(formatPattern(addDays(start, -1), 'yyyy-MM-dd HH:mm', 'Europe/London', 'en_GB')).toBe(
        '2022-10-29 16:30'
      );
    });

    it('adds hours to the instant', () => {
      expect(gmt(addHours(newInstanceGmt(2026, 1, 1, 23, 0, 0), 2))).toBe('2026-01-02 01:00:00');
    });

    it('adds months on the GMT calendar, clamping the day (this runtime s choice)', () => {
      expect(gmt(addMonths(newInstanceGmt(2026, 1, 31, 12, 0, 0), 1))).toBe('2026-02-28 12:00:00');
    });
  });

  describe('fields', () => {
    const lateUtc = newInstanceGmt(2026, 12, 3, 23, 30, 0);

    it('reads the date in the user s zone and in GMT', () => {
      expect(date(lateUtc, 'Europe/Copenhagen').toIsoString()).toBe('2026-12-04');
      expect(dateGmt(lateUtc).toIsoString()).toBe('2026-12-03');
    });

    it('reads the hour in the user s zone and in GMT', () => {
      expect([hour(lateUtc, 'Europe/Copenhagen'), hourGmt(lateUtc)]).toEqual([0, 23]);
    });

    it('reads the time of day in the user s zone', () => {
      expect(time(lateUtc, 'America/Los_Angeles').toString()).toBe('15:30:00.000Z');
    });

    it('compares days in the user s zone', () => {
      const earlier = newInstanceGmt(2026, 12, 3, 22, 0, 0);
      expect(isSameDay(earlier, lateUtc, 'GMT')).toBe(true);
      expect(isSameDay(earlier, lateUtc, 'Europe/Copenhagen')).toBe(false);
    });
  });

  describe('formatting', () => {
    const afternoon = newInstanceGmt(2008, 1, 29, 0, 30, 5);

    // Salesforce Help, "Differences Between JDK and ICU Locale Formats": en_US ICU short date
    // and time is "1/28/2008, 4:30 PM".
    it('formats en_US as ICU does, with a comma', () => {
      expect(format(afternoon, 'America/Los_Angeles', 'en_US')).toBe('1/28/2008, 4:30 PM');
    });

    it('formats en_GB with a 24-hour clock', () => {
      expect(format(afternoon, 'Europe/London', 'en_GB')).toBe('29/01/2008, 00:30');
    });

    it('formats da_DK with points', () => {
      expect(format(afternoon, 'Europe/Copenhagen', 'da_DK')).toBe('29.01.2008 01.30');
    });

    // Datetime Class, formatLong(): "12/28/2012 10:00:00 AM PST" (JDK); ICU adds the comma.
    it('formats long with seconds and the zone', () => {
      const morning = newInstance(2012, 12, 28, 10, 0, 0, 'America/Los_Angeles');
      expect(formatLong(morning, 'America/Los_Angeles', 'en_US')).toBe(
        '12/28/2012, 10:00:00 AM PST'
      );
    });

    it('formats an ISO pattern with the offset', () => {
      expect(
        formatPattern(afternoon, "yyyy-MM-dd'T'HH:mm:ss.SSSZ", 'America/Los_Angeles', 'en_US')
      ).toBe('2008-01-28T16:30:05.000-0800');
    });

    it('formats in another zone given by id', () => {
      expect(formatPattern(afternoon, 'HH:mm XXX', 'Asia/Kolkata', 'en_US')).toBe('06:00 +05:30');
    });

    it('formats in GMT for a zone id Java does not know', () => {
      expect(formatPattern(afternoon, 'HH:mm', 'Mars/Olympus', 'en_US')).toBe('00:30');
    });
  });

  describe('parsing', () => {
    // Datetime Class, valueOf: "yyyy-MM-dd HH:mm:ss" in the local time zone.
    it('reads valueOf on the user s wall clock', () => {
      expect(gmt(valueOf('2015-12-09 12:22:13', 'Europe/Copenhagen'))).toBe('2015-12-09 11:22:13');
    });

    it('reads valueOfGmt in GMT', () => {
      expect(gmt(valueOfGmt('2015-12-09 12:22:13'))).toBe('2015-12-09 12:22:13');
    });

    it('raises System.TypeException: Invalid date/time for an ISO string', () => {
      let error: unknown;
      try {
        valueOf('2022-07-29T02:21:34.000Z', 'GMT');
      } catch (caught) {
        error = caught;
      }
      expect((error as ApexRuntimeError).message).toBe(
        'Invalid date/time: 2022-07-29T02:21:34.000Z'
      );
    });

    // Datetime Class, parse: "10/14/2011 11:46 AM" for en_US.
    it('parses the locale s short date and time, with or without the ICU comma', () => {
      expect(gmt(parse('10/14/2011 11:46 AM', 'GMT', 'en_US'))).toBe('2011-10-14 11:46:00');
      expect(gmt(parse('10/14/2011, 11:46 PM', 'GMT', 'en_US'))).toBe('2011-10-14 23:46:00');
    });

    it('parses da_DK in the user s zone', () => {
      expect(gmt(parse('14.10.2011 11.46', 'Europe/Copenhagen', 'da_DK'))).toBe(
        '2011-10-14 09:46:00'
      );
    });
  });
});

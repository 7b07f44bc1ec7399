/**
 * Date, Datetime and Time (Apex Reference, "Date Class", "Datetime Class", "Time Class") bound to
 * the stdlib functions, with the running user's time zone and locale where the result depends on
 * them.
 */
import * as dates from '../stdlib/dateMethods';
import * as datetimes from '../stdlib/datetimeMethods';
import * as times from '../stdlib/timeMethods';
import { ApexDate, ApexDatetime, ApexTime } from '../values/temporal';
import type { Frame } from '../interpreter/frame';
import { defineNative, type NativeInstanceMethod } from '../interpreter/nativeTypes';
import { nullPointer } from '../interpreter/operators';

function zone(frame: Frame): string {
  return frame.ctx.user.timeZone;
}

function locale(frame: Frame): string {
  return frame.ctx.user.locale;
}

function required<T>(value: unknown): T {
  if (value === null || value === undefined) throw nullPointer();
  return value as T;
}

function numberArg(value: unknown): number {
  return Number(required<number | bigint>(value));
}

defineNative({
  name: 'Date',
  isInstance: (value) => value instanceof ApexDate,
  statics: {
    today: (frame) => dates.today(frame.ctx.platform.now().epochMs, zone(frame)),
    newinstance: (_frame, args) =>
      dates.newInstance(numberArg(args[0]), numberArg(args[1]), numberArg(args[2])),
    valueof: (_frame, args) =>
      typeof args[0] === 'string' ? dates.valueOf(args[0]) : dates.valueOfObject(args[0]),
    parse: (frame, args) => dates.parse(required<string>(args[0]), locale(frame)),
    daysinmonth: (_frame, args) => dates.daysInMonth(numberArg(args[0]), numberArg(args[1])),
    isleapyear: (_frame, args) => dates.isLeapYear(numberArg(args[0]))
  },
  methods: {
    adddays: (_frame, self: ApexDate, args) => dates.addDays(self, numberArg(args[0])),
    addmonths: (_frame, self: ApexDate, args) => dates.addMonths(self, numberArg(args[0])),
    addyears: (_frame, self: ApexDate, args) => dates.addYears(self, numberArg(args[0])),
    day: (_frame, self: ApexDate) => dates.day(self),
    dayofyear: (_frame, self: ApexDate) => dates.dayOfYear(self),
    daysbetween: (_frame, self: ApexDate, args) =>
      dates.daysBetween(self, required<ApexDate>(args[0])),
    format: (frame, self: ApexDate) => dates.format(self, locale(frame)),
    issameday: (_frame, self: ApexDate, args) => dates.isSameDay(self, required<ApexDate>(args[0])),
    month: (_frame, self: ApexDate) => dates.month(self),
    monthsbetween: (_frame, self: ApexDate, args) =>
      dates.monthsBetween(self, required<ApexDate>(args[0])),
    tostartofmonth: (_frame, self: ApexDate) => dates.toStartOfMonth(self),
    tostartofweek: (frame, self: ApexDate) => dates.toStartOfWeek(self, locale(frame)),
    year: (_frame, self: ApexDate) => dates.year(self)
  }
});

/** A Datetime method that has a user-zone form and a `...Gmt` form. */
function zoned(
  local: (value: ApexDatetime, timeZone: string) => unknown,
  gmt: (value: ApexDatetime) => unknown
): [NativeInstanceMethod, NativeInstanceMethod] {
  return [
    (frame, self: ApexDatetime) => local(self, zone(frame)),
    (_frame, self: ApexDatetime) => gmt(self)
  ];
}

const [date, dateGmt] = zoned(datetimes.date, datetimes.dateGmt);
const [day, dayGmt] = zoned(datetimes.day, datetimes.dayGmt);
const [dayOfYear, dayOfYearGmt] = zoned(datetimes.dayOfYear, datetimes.dayOfYearGmt);
const [hour, hourGmt] = zoned(datetimes.hour, datetimes.hourGmt);
const [millisecond, millisecondGmt] = zoned(datetimes.millisecond, datetimes.millisecondGmt);
const [minute, minuteGmt] = zoned(datetimes.minute, datetimes.minuteGmt);
const [month, monthGmt] = zoned(datetimes.month, datetimes.monthGmt);
const [second, secondGmt] = zoned(datetimes.second, datetimes.secondGmt);
const [time, timeGmt] = zoned(datetimes.time, datetimes.timeGmt);
const [year, yearGmt] = zoned(datetimes.year, datetimes.yearGmt);

defineNative({
  name: 'Datetime',
  isInstance: (value) => value instanceof ApexDatetime,
  statics: {
    now: (frame) => frame.ctx.platform.now(),
    newinstance: (frame, args) => {
      if (args.length === 1)
        return datetimes.newInstanceFromMillis(required<bigint | number>(args[0]));
      if (args.length === 2) {
        return datetimes.newInstanceFromDateAndTime(
          required<ApexDate>(args[0]),
          required<ApexTime>(args[1]),
          zone(frame)
        );
      }
      const [y, mo, d, h = 0, mi = 0, s = 0] = args.map(numberArg);
      return datetimes.newInstance(y, mo, d, h, mi, s, zone(frame));
    },
    newinstancegmt: (_frame, args) => {
      if (args.length === 2) {
        return datetimes.newInstanceGmtFromDateAndTime(
          required<ApexDate>(args[0]),
          required<ApexTime>(args[1])
        );
      }
      const [y, mo, d, h = 0, mi = 0, s = 0] = args.map(numberArg);
      return datetimes.newInstanceGmt(y, mo, d, h, mi, s);
    },
    valueof: (frame, args) => datetimes.valueOf(required<string>(args[0]), zone(frame)),
    valueofgmt: (_frame, args) => datetimes.valueOfGmt(required<string>(args[0])),
    parse: (frame, args) => datetimes.parse(required<string>(args[0]), zone(frame), locale(frame))
  },
  methods: {
    adddays: (_frame, self: ApexDatetime, args) => datetimes.addDays(self, numberArg(args[0])),
    addhours: (_frame, self: ApexDatetime, args) => datetimes.addHours(self, numberArg(args[0])),
    addminutes: (_frame, self: ApexDatetime, args) =>
      datetimes.addMinutes(self, numberArg(args[0])),
    addseconds: (_frame, self: ApexDatetime, args) =>
      datetimes.addSeconds(self, numberArg(args[0])),
    addmonths: (_frame, self: ApexDatetime, args) => datetimes.addMonths(self, numberArg(args[0])),
    addyears: (_frame, self: ApexDatetime, args) => datetimes.addYears(self, numberArg(args[0])),
    date,
    dategmt: dateGmt,
    day,
    daygmt: dayGmt,
    dayofyear: dayOfYear,
    dayofyeargmt: dayOfYearGmt,
    format: (frame, self: ApexDatetime, args) =>
      args.length === 0
        ? datetimes.format(self, zone(frame), locale(frame))
        : datetimes.formatPattern(
            self,
            required<string>(args[0]),
            args.length > 1 ? required<string>(args[1]) : zone(frame),
            locale(frame)
          ),
    formatgmt: (frame, self: ApexDatetime, args) =>
      datetimes.formatGmt(self, required<string>(args[0]), locale(frame)),
    formatlong: (frame, self: ApexDatetime) =>
      datetimes.formatLong(self, zone(frame), locale(frame)),
    gettime: (_frame, self: ApexDatetime) => datetimes.getTime(self),
    hour,
    hourgmt: hourGmt,
    issameday: (frame, self: ApexDatetime, args) =>
      datetimes.isSameDay(self, required<ApexDatetime>(args[0]), zone(frame)),
    millisecond,
    millisecondgmt: millisecondGmt,
    minute,
    minutegmt: minuteGmt,
    month,
    monthgmt: monthGmt,
    second,
    secondgmt: secondGmt,
    time,
    timegmt: timeGmt,
    year,
    yeargmt: yearGmt
  }
});

defineNative({
  name: 'Time',
  isInstance: (value) => value instanceof ApexTime,
  statics: {
    newinstance: (_frame, args) => {
      const [h, m, s, ms] = args.map(numberArg);
      return times.newInstance(h, m, s, ms);
    }
  },
  methods: {
    addhours: (_frame, self: ApexTime, args) => times.addHours(self, numberArg(args[0])),
    addmilliseconds: (_frame, self: ApexTime, args) =>
      times.addMilliseconds(self, numberArg(args[0])),
    addminutes: (_frame, self: ApexTime, args) => times.addMinutes(self, numberArg(args[0])),
    addseconds: (_frame, self: ApexTime, args) => times.addSeconds(self, numberArg(args[0])),
    hour: (_frame, self: ApexTime) => times.hour(self),
    millisecond: (_frame, self: ApexTime) => times.millisecond(self),
    minute: (_frame, self: ApexTime) => times.minute(self),
    second: (_frame, self: ApexTime) => times.second(self)
  }
});

/**
 * Calendar arithmetic on ISO date strings (YYYY-MM-DD) in UTC, so that generated dates never
 * depend on the machine's time zone.
 */
const DAY_MS = 86_400_000;

export type IsoDate = string;

export function dayNumber(date: IsoDate): number {
  return Math.round(Date.parse(`${date}T00:00:00.000Z`) / DAY_MS);
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function isWeekend(date: IsoDate): boolean {
  const weekday = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Moves a weekend date to the following Monday. */
export function nextWeekday(date: IsoDate): IsoDate {
  let result = date;
  while (isWeekend(result)) {
    result = addDays(result, 1);
  }
  return result;
}

/** An ISO date-time in UTC with millisecond precision, the form the Salesforce APIs return. */
export function dateTime(date: IsoDate, minutesAfterMidnight: number): string {
  return new Date(dayNumber(date) * DAY_MS + minutesAfterMidnight * 60_000).toISOString();
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

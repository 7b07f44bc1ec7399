/**
 * How the Reports and Dashboards tabs write a report value: with c/userFormat (the user's locale,
 * currency and time zone), by the column's kind. Percent fields hold 0-100, as the API gives
 * them; a date-time is an instant, so it is shown in the user's time zone.
 */
import { BLANK, dateText, dateTimeText, decimal, integer, money, percent } from 'c/userFormat';

export function formatValue(value: unknown, format: string): string {
  if (value === null || value === undefined || value === '') return BLANK;
  if (typeof value === 'number') {
    if (format === 'currency') return money(value).text;
    if (format === 'percent') return percent(value / 100);
    if (format === 'number') return Number.isInteger(value) ? integer(value) : decimal(value);
    return decimal(value);
  }
  if (format === 'date' && typeof value === 'string') return dateText(value);
  if (format === 'datetime' && typeof value === 'string') {
    // A grouping bucket of a date-time column is a day, which has no time zone to convert.
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? dateText(value) : dateTimeText(value);
  }
  return String(value);
}

/** The exact amount of a currency value (for a title), else the formatted value. */
export function exactValue(value: unknown, format: string): string {
  if (format === 'currency' && typeof value === 'number') return money(value).exact;
  return formatValue(value, format);
}

/**
 * How the Reports and Dashboards tabs write a report value: with the pipeline review's formats
 * (c/reviewFormat, in the user's locale and currency), by the column's kind. Percent fields hold
 * 0-100, as the API gives them.
 */
import { BLANK, dateText, decimal, integer, money, percent } from 'c/reviewFormat';

export function formatValue(value: unknown, format: string): string {
  if (value === null || value === undefined || value === '') return BLANK;
  if (typeof value === 'number') {
    if (format === 'currency') return money(value).text;
    if (format === 'percent') return percent(value / 100);
    if (format === 'number') return Number.isInteger(value) ? integer(value) : decimal(value);
    return decimal(value);
  }
  if (format === 'date' && typeof value === 'string') return dateText(value);
  if (format === 'datetime' && typeof value === 'string') return dateText(value.slice(0, 10));
  return String(value);
}

/** The exact amount of a currency value (for a title), else the formatted value. */
export function exactValue(value: unknown, format: string): string {
  if (format === 'currency' && typeof value === 'number') return money(value).exact;
  return formatValue(value, format);
}

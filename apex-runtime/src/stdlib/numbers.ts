/**
 * The static and formatting methods of Apex's Integer, Long, Double and Boolean classes (Apex
 * Reference, "Integer Class", "Long Class", "Double Class", "Boolean Class"). Parsing follows the
 * Java parsers under them (Integer.parseInt, Long.parseLong, Double.parseDouble); text they refuse
 * raises `System.TypeException: Invalid integer: <text>` (`Invalid long`, `Invalid double`).
 */
import { ApexDouble } from '../values/primitives';
import { typeError } from './apexErrors';
import { formatNumber } from './localeFormat';

const INTEGER_TEXT = /^[+-]?\d+$/;

/** `Integer.valueOf(String)`: decimal digits with an optional sign, within 32 bits. */
export function integerValueOf(text: string): number {
  if (!INTEGER_TEXT.test(text)) throw typeError(`Invalid integer: ${text}`);
  const value = BigInt(text);
  if (BigInt.asIntN(32, value) !== value) throw typeError(`Invalid integer: ${text}`);
  return Number(value);
}

/** `Long.valueOf(String)`: decimal digits with an optional sign, within 64 bits. */
export function longValueOf(text: string): bigint {
  if (!INTEGER_TEXT.test(text)) throw typeError(`Invalid long: ${text}`);
  const value = BigInt(text);
  if (BigInt.asIntN(64, value) !== value) throw typeError(`Invalid long: ${text}`);
  return value;
}

/**
 * `Double.valueOf(String)`: Java's Double.parseDouble, which trims spaces and control characters
 * and reads a sign, digits, a point, an exponent, a `d`/`f` suffix, `NaN` and `Infinity`.
 * Hexadecimal floating literals raise the TypeException too (not supported here).
 */
export function doubleValueOf(text: string): ApexDouble {
  const trimmed = text.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  const match = /^([+-]?)(NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[dDfF]?$/.exec(trimmed);
  if (!match || (/^(NaN|Infinity)$/.test(match[2]) && /[dDfF]$/.test(trimmed))) {
    throw typeError(`Invalid double: ${text}`);
  }
  const magnitude =
    match[2] === 'NaN' ? NaN : match[2] === 'Infinity' ? Infinity : Number(match[2]);
  return new ApexDouble(match[1] === '-' ? -magnitude : magnitude);
}

/** `Boolean.valueOf(String)`: true exactly when the text is `true`, ignoring case. */
export function booleanValueOf(text: string | null): boolean {
  return text !== null && text.toLowerCase() === 'true';
}

/** `Integer.format()` and `Long.format()`: the user's locale's grouping (`1,234,567`). */
export function formatInteger(value: number | bigint, locale: string): string {
  return formatNumber(value, locale);
}

/** `Double.format()`: as Decimal.format() of the Double's digits, at most three decimals. */
export function formatDouble(value: ApexDouble, locale: string): string {
  return formatNumber(value, locale);
}

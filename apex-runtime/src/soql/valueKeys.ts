/**
 * How SOQL compares values of each field type (SOQL and SOSL Reference, "Comparison Operators" and
 * "ORDER BY"): every value becomes a key that equality, ordering and grouping share.
 * - Text is compared case-insensitively (by its upper-case form, as the reference says English
 *   locales sort), except on fields marked case-sensitive.
 * - Ids compare by their 15-character case-sensitive form, so a 15- and an 18-character Id of the
 *   same record are equal; ordering is ordinal, which is base-62 order.
 * - Numbers compare by value across Integer, Long, Double and Decimal; dates by day; datetimes by
 *   instant; times by time of day; booleans false before true.
 * - Multi-select picklist values compare as sets of values (`'a;b'` equals `'B;A'`).
 */
import type { FieldDescribe } from '../metadata/schema';
import { ApexList, ApexMap, ApexSet } from '../values/collections';
import { ApexDecimal } from '../values/decimal';
import { numericValue } from '../values/equality';
import { ApexDouble } from '../values/primitives';
import { SObjectValue } from '../values/sobject';
import { ApexDate, ApexDatetime, ApexTime } from '../values/temporal';

export type ValueKind =
  'id' | 'string' | 'multipicklist' | 'boolean' | 'number' | 'date' | 'datetime' | 'time' | 'other';

export function kindOfField(field: FieldDescribe): ValueKind {
  switch (field.apexType) {
    case 'Id':
      return 'id';
    case 'String':
      return field.displayType === 'MULTIPICKLIST' ? 'multipicklist' : 'string';
    case 'Boolean':
      return 'boolean';
    case 'Integer':
    case 'Long':
    case 'Double':
    case 'Decimal':
      return 'number';
    case 'Date':
      return 'date';
    case 'Datetime':
      return 'datetime';
    case 'Time':
      return 'time';
    default:
      return 'other';
  }
}

/**
 * A comparable form of a non-null value. Numbers are JavaScript numbers when that is exact enough
 * to keep their order and equality (at most 15 significant digits), Decimals otherwise.
 */
export type ValueKey = string | number | ApexDecimal;

const EXACT_DIGITS = 10n ** 15n;

function numberKey(value: unknown): ValueKey {
  if (typeof value === 'number') return value;
  if (value instanceof ApexDouble) return value.value;
  const decimal = numericValue(value);
  if (!decimal) return Number.NaN;
  const { scale } = decimal;
  if (
    scale >= 0 &&
    scale <= 22 &&
    decimal.unscaled < EXACT_DIGITS &&
    decimal.unscaled > -EXACT_DIGITS
  ) {
    // Both operands are exact doubles, so the quotient is the double nearest the decimal.
    return Number(decimal.unscaled) / 10 ** scale;
  }
  let unscaled = decimal.unscaled;
  while (unscaled !== 0n && unscaled % 10n === 0n) unscaled /= 10n;
  const magnitude = unscaled < 0n ? -unscaled : unscaled;
  // Up to 15 significant digits a decimal converts to the nearest double without merging values.
  return magnitude < EXACT_DIGITS ? Number(decimal.toPlainString()) : decimal;
}

const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

export function isIdText(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** The key of a stored value of a field of `kind`; null for null. */
export function keyOf(kind: ValueKind, caseSensitive: boolean, value: unknown): ValueKey | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'id':
      return typeof value === 'string' ? value.slice(0, 15) : String(value);
    case 'string':
      return typeof value === 'string' && !caseSensitive ? value.toUpperCase() : String(value);
    case 'multipicklist':
      return multipicklistKey(String(value));
    case 'boolean':
      return value === true ? 1 : 0;
    case 'number':
      return numberKey(value);
    case 'date':
      return value instanceof ApexDate ? value.epochDay : Number.NaN;
    case 'datetime':
      return value instanceof ApexDatetime ? value.epochMs : Number.NaN;
    case 'time':
      return value instanceof ApexTime ? value.millisOfDay : Number.NaN;
    case 'other':
      return String(value);
  }
}

export function multipicklistValues(value: string): string[] {
  return value
    .split(';')
    .map((part) => part.trim().toUpperCase())
    .filter((part) => part !== '');
}

function multipicklistKey(value: string): string {
  return [...new Set(multipicklistValues(value))].sort().join(';');
}

export function compareKeys(a: ValueKey, b: ValueKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  if (a instanceof ApexDecimal || b instanceof ApexDecimal) {
    return asDecimal(a).compareTo(asDecimal(b));
  }
  const left = String(a);
  const right = String(b);
  return left === right ? 0 : left < right ? -1 : 1;
}

function asDecimal(key: ValueKey): ApexDecimal {
  if (key instanceof ApexDecimal) return key;
  return typeof key === 'number' ? ApexDecimal.fromDouble(key) : ApexDecimal.parse(key);
}

/**
 * A value that is the same (SameValueZero) for equal keys of one kind: for sets, grouping and
 * distinct counts.
 */
export function keyText(key: ValueKey): string | number {
  if (!(key instanceof ApexDecimal)) return key;
  let { unscaled, scale } = key;
  while (scale > 0 && unscaled % 10n === 0n) {
    unscaled /= 10n;
    scale--;
  }
  return `${unscaled}e${-scale}`;
}

/** The Apex type name of a runtime value, for messages. */
export function apexTypeNameOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return 'Integer';
  if (typeof value === 'bigint') return 'Long';
  if (value instanceof ApexDecimal) return 'Decimal';
  if (value instanceof ApexDouble) return 'Double';
  if (value instanceof ApexDate) return 'Date';
  if (value instanceof ApexDatetime) return 'Datetime';
  if (value instanceof ApexTime) return 'Time';
  if (value instanceof SObjectValue) return value.type.name;
  if (value instanceof ApexList) return 'List';
  if (value instanceof ApexSet) return 'Set';
  if (value instanceof ApexMap) return 'Map';
  return typeof value === 'object' ? (value.constructor?.name ?? 'Object') : typeof value;
}

/** Whether a runtime value can stand for a field of `kind` in a comparison. */
export function valueFitsKind(kind: ValueKind, value: unknown): boolean {
  switch (kind) {
    case 'id':
    case 'string':
    case 'multipicklist':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return numericValue(value) !== undefined;
    case 'date':
      return value instanceof ApexDate;
    case 'datetime':
      return value instanceof ApexDatetime;
    case 'time':
      return value instanceof ApexTime;
    case 'other':
      return true;
  }
}

/** Long text areas cannot be filtered, sorted or grouped on (a text area over 255 characters). */
export function isLongTextArea(field: FieldDescribe): boolean {
  return field.displayType === 'TEXTAREA' && (field.length ?? 0) > 255;
}

/**
 * A LIKE pattern as a regular expression: `%` any run of characters, `_` one character, both
 * literal where escaped; matching is case-insensitive.
 */
export function likeRegExp(pattern: string, escaped: ReadonlySet<number>): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '%' && !escaped.has(i)) source += '.*';
    else if (char === '_' && !escaped.has(i)) source += '.';
    else source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'isu');
}

/** A bound LIKE pattern: its `\%`, `\_` and `\\` are escapes, as in a quoted pattern. */
export function likeRegExpOfBoundText(text: string): RegExp {
  let pattern = '';
  const escaped = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const next = text[i + 1];
    if (text[i] === '\\' && (next === '%' || next === '_' || next === '\\')) {
      if (next !== '\\') escaped.add(pattern.length);
      pattern += next;
      i++;
    } else {
      pattern += text[i];
    }
  }
  return likeRegExp(pattern, escaped);
}

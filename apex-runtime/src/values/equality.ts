/**
 * Apex equality. `==` compares Strings case-insensitively, numbers by value across Integer,
 * Long, Double and Decimal, SObjects and collections by their contents, and objects of Apex
 * classes with their `equals` method when they declare one (by reference otherwise). Map keys and
 * Set elements use the same rules except that Strings are case-sensitive.
 */
import { ApexDecimal } from './decimal';
import { ApexDate, ApexDatetime, ApexTime } from './temporal';
import { ApexBlob, ApexDouble } from './primitives';
import { ApexList, ApexMap, ApexSet } from './collections';
import { SObjectValue } from './sobject';

/**
 * How objects of Apex classes take part in equality; the interpreter installs it so that classes
 * declaring `equals` and `hashCode` work as map keys.
 */
export interface InstanceEquality {
  /** The result of the class's `equals`, or undefined when it declares none. */
  equals(a: object, b: unknown): boolean | undefined;
  /** A key from the class's `hashCode` and contents, or undefined when it declares none. */
  key(value: object): unknown;
}

let instanceEquality: InstanceEquality = {
  equals: () => undefined,
  key: () => undefined
};

export function setInstanceEquality(hooks: InstanceEquality): void {
  instanceEquality = hooks;
}

/** The value of a number as an exact decimal, or undefined when it is not a number. */
export function numericValue(value: unknown): ApexDecimal | undefined {
  if (typeof value === 'number' || typeof value === 'bigint') return ApexDecimal.fromInteger(value);
  if (value instanceof ApexDecimal) return value;
  if (value instanceof ApexDouble && Number.isFinite(value.value)) {
    return ApexDecimal.fromDouble(value.value);
  }
  return undefined;
}

function isPlainNumber(value: unknown): boolean {
  return (
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    value instanceof ApexDecimal ||
    value instanceof ApexDouble
  );
}

/** Apex `==`. */
export function apexEquals(a: unknown, b: unknown): boolean {
  return equalsWith(a, b, false);
}

/** `equals()` and the Assert methods: as `==`, but Strings compare case-sensitively. */
export function apexEqualsExactCase(a: unknown, b: unknown): boolean {
  return equalsWith(a, b, true);
}

function equalsWith(a: unknown, b: unknown, caseSensitive: boolean): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a === 'string' && typeof b === 'string') {
    return caseSensitive ? a === b : a.length === b.length && a.toLowerCase() === b.toLowerCase();
  }
  if (isPlainNumber(a) && isPlainNumber(b)) {
    if (a instanceof ApexDouble || b instanceof ApexDouble) {
      return toDouble(a) === toDouble(b);
    }
    return (numericValue(a) as ApexDecimal).numericEquals(numericValue(b) as ApexDecimal);
  }
  if (a instanceof ApexDate && b instanceof ApexDate) return a.epochDay === b.epochDay;
  if (a instanceof ApexDatetime && b instanceof ApexDatetime) return a.epochMs === b.epochMs;
  if (a instanceof ApexTime && b instanceof ApexTime) return a.millisOfDay === b.millisOfDay;
  if (a instanceof ApexBlob && b instanceof ApexBlob) {
    return a.bytes.length === b.bytes.length && a.bytes.every((byte, i) => byte === b.bytes[i]);
  }
  if (a instanceof ApexList && b instanceof ApexList) {
    return (
      a.items.length === b.items.length &&
      a.items.every((item, i) => equalsWith(item, b.items[i], caseSensitive))
    );
  }
  if (a instanceof ApexSet && b instanceof ApexSet) {
    return a.size === b.size && a.values().every((value) => b.has(value));
  }
  if (a instanceof ApexMap && b instanceof ApexMap) {
    return (
      a.size === b.size &&
      a
        .entryList()
        .every(([key, value]) => b.has(key) && equalsWith(value, b.get(key), caseSensitive))
    );
  }
  if (a instanceof SObjectValue && b instanceof SObjectValue) {
    if (a.type !== b.type) return false;
    const fields = a.populated();
    return (
      fields.length === b.populated().length &&
      fields.every(
        (entry) => b.has(entry.name) && equalsWith(entry.value, b.get(entry.name), caseSensitive)
      )
    );
  }
  if (typeof a === 'object') {
    const declared = instanceEquality.equals(a, b);
    if (declared !== undefined) return declared;
  }
  return false;
}

function toDouble(value: unknown): number {
  if (value instanceof ApexDouble) return value.value;
  if (value instanceof ApexDecimal) return value.toNumber();
  return Number(value);
}

/**
 * The key a Map or Set files a value under: equal keys (by Apex's map-key rules) give the same
 * JavaScript value, compared with SameValueZero.
 */
export function collectionKey(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'number':
    case 'bigint':
      return value;
  }
  if (value instanceof ApexDecimal) return `d:${normalisedDecimal(value)}`;
  if (value instanceof ApexDouble) return `f:${value.value}`;
  if (value instanceof ApexDate) return `D:${value.epochDay}`;
  if (value instanceof ApexDatetime) return `T:${value.epochMs}`;
  if (value instanceof ApexTime) return `t:${value.millisOfDay}`;
  if (value instanceof ApexBlob) return `b:${Array.from(value.bytes).join(',')}`;
  if (value instanceof ApexList) return `l:[${value.items.map(keyText).join(',')}]`;
  if (value instanceof ApexSet) return `s:{${value.values().map(keyText).sort().join(',')}}`;
  if (value instanceof ApexMap) {
    return `m:{${value
      .entryList()
      .map(([key, item]) => `${keyText(key)}=${keyText(item)}`)
      .sort()
      .join(',')}}`;
  }
  if (value instanceof SObjectValue) {
    return `o:${value.type.name}{${value
      .populated()
      .map((entry) => `${entry.name.toLowerCase()}=${keyText(entry.value)}`)
      .sort()
      .join(',')}}`;
  }
  return instanceEquality.key(value as object) ?? value;
}

function keyText(value: unknown): string {
  const key = collectionKey(value);
  return typeof key === 'string'
    ? JSON.stringify(key)
    : typeof key === 'object' && key !== null
      ? `#${identityOf(key)}`
      : String(key);
}

const identities = new WeakMap<object, number>();
let nextIdentity = 1;

function identityOf(value: object): number {
  let identity = identities.get(value);
  if (identity === undefined) {
    identity = nextIdentity++;
    identities.set(value, identity);
  }
  return identity;
}

function normalisedDecimal(value: ApexDecimal): string {
  let { unscaled, scale } = value;
  while (scale > 0 && unscaled % 10n === 0n) {
    unscaled /= 10n;
    scale--;
  }
  return `${unscaled}e${-scale}`;
}

/**
 * A field's value in its three forms: the runtime value the database stores (Decimal fields
 * `ApexDecimal`, dates `ApexDate`, ...; see values/primitives.ts), the text metadata and CSV
 * hold (`12.50`, `2026-11-16`, `true`), and the JSON that REST, the sample data files and the
 * formula engine use (numbers, ISO strings, booleans).
 */
import type { FieldDescribe } from '../metadata/schema';
import {
  ApexBlob,
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexDouble,
  ApexTime
} from '../values/primitives';

export class FieldValueError extends Error {}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return value.constructor.name;
  return `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * Throws unless `value` is what the database stores for the field: null, or the runtime value
 * of the field's Apex type (an Integer field holds a 32-bit integer number, a Currency field an
 * ApexDecimal, an Id field an 18-character string ...).
 */
export function assertStorable(field: FieldDescribe, value: unknown, where: string): void {
  if (value === null) return;
  const ok = (() => {
    switch (field.apexType) {
      case 'Id':
        return typeof value === 'string' && value.length === 18;
      case 'String':
        return typeof value === 'string';
      case 'Boolean':
        return typeof value === 'boolean';
      case 'Integer':
        return typeof value === 'number' && Number.isInteger(value) && (value | 0) === value;
      case 'Long':
        return typeof value === 'bigint';
      case 'Double':
        return value instanceof ApexDouble;
      case 'Decimal':
        return value instanceof ApexDecimal;
      case 'Date':
        return value instanceof ApexDate;
      case 'Datetime':
        return value instanceof ApexDatetime;
      case 'Time':
        return value instanceof ApexTime;
      case 'Blob':
        return value instanceof ApexBlob;
      case 'Object':
        return value !== undefined;
    }
  })();
  if (!ok) {
    throw new FieldValueError(
      `${where}: ${field.name} is ${field.apexType}, not ${describeValue(value)}`
    );
  }
}

function decodeBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

/** A value written as text (Custom Metadata values, CSV cells) as the field's runtime value. */
export function valueFromText(field: FieldDescribe, text: string | null, where: string): unknown {
  if (text === null) return null;
  const fail = (): never => {
    throw new FieldValueError(
      `${where}: "${text}" is not a valid ${field.apexType} for ${field.name}`
    );
  };
  switch (field.apexType) {
    case 'String':
    case 'Id':
      // An empty text value is a blank field: the platform stores null, never ''.
      return text === '' ? null : text;
    case 'Boolean':
      if (/^(true|1)$/i.test(text)) return true;
      if (/^(false|0|)$/i.test(text)) return false;
      return fail();
    case 'Integer': {
      if (text === '') return null;
      const number = Number(text);
      return Number.isInteger(number) && (number | 0) === number ? number : fail();
    }
    case 'Long':
      return text === '' ? null : /^[+-]?\d+$/.test(text) ? BigInt(text) : fail();
    case 'Double':
      return text === ''
        ? null
        : Number.isFinite(Number(text))
          ? new ApexDouble(Number(text))
          : fail();
    case 'Decimal':
      if (text === '') return null;
      try {
        return ApexDecimal.parse(text);
      } catch {
        return fail();
      }
    case 'Date':
      if (text === '') return null;
      try {
        return ApexDate.parseIso(text);
      } catch {
        return fail();
      }
    case 'Datetime':
      if (text === '') return null;
      try {
        return ApexDatetime.parseIso(text);
      } catch {
        return fail();
      }
    case 'Time': {
      const match = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?$/.exec(text);
      if (!match) return text === '' ? null : fail();
      return ApexTime.of(
        Number(match[1]),
        Number(match[2]),
        Number(match[3] ?? 0),
        Number((match[4] ?? '0').padEnd(3, '0'))
      );
    }
    case 'Blob':
      return text === '' ? null : new ApexBlob(decodeBase64(text));
    case 'Object':
      return text;
  }
}

/** A JSON value (REST, `sf data tree` files) as the field's runtime value. */
export function valueFromJson(field: FieldDescribe, json: unknown, where: string): unknown {
  if (json === null || json === undefined) return null;
  if (typeof json === 'string') return valueFromText(field, json, where);
  if (typeof json === 'boolean') {
    if (field.apexType === 'Boolean' || field.apexType === 'Object') return json;
  } else if (typeof json === 'number' && Number.isFinite(json)) {
    switch (field.apexType) {
      case 'Decimal':
        return ApexDecimal.fromDouble(json);
      case 'Double':
        return new ApexDouble(json);
      case 'Integer':
        if (Number.isInteger(json) && (json | 0) === json) return json;
        break;
      case 'Long':
        if (Number.isSafeInteger(json)) return BigInt(json);
        break;
      case 'Object':
        return ApexDecimal.fromDouble(json);
      default:
        break;
    }
  }
  throw new FieldValueError(
    `${where}: ${JSON.stringify(json)} is not a valid ${field.apexType} for ${field.name}`
  );
}

/**
 * A runtime value as JSON: numbers as numbers (Decimals as their nearest double), dates
 * `YYYY-MM-DD`, datetimes ISO-8601 in GMT, times `HH:MM:SS.mmm`, Blobs base64. This is the
 * record shape the formula engine and the REST-style callers read.
 */
export function valueToJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof ApexDecimal) return value.toNumber();
  if (value instanceof ApexDouble) return value.value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof ApexDate) return value.toIsoString();
  if (value instanceof ApexDatetime) return value.toIsoString();
  if (value instanceof ApexTime) return value.toString().slice(0, -1);
  if (value instanceof ApexBlob) return Buffer.from(value.bytes).toString('base64');
  return value;
}

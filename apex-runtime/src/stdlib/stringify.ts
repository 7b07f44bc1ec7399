/**
 * How Apex turns a value into text. Two forms differ for dates:
 *
 * - `toApexString(value, timeZone)` is `String.valueOf(x)` for a value of x's static type: a Date
 *   prints `yyyy-MM-dd` and a Datetime `yyyy-MM-dd HH:mm:ss` in the user's time zone (Apex
 *   Reference, "String Class", valueOf(dateToConvert) and valueOf(datetimeToConvert)).
 * - `concatenationString(value)` is what `'text' + x`, `System.debug(x)`, `String.valueOf(Object)`
 *   and a collection's own text print: a Datetime in GMT (albasfdc.com, "Working with
 *   datetimes": concatenation prints GMT, String.valueOf the user's zone) and a Date with a
 *   midnight time, `2015-02-13 00:00:00` (salesforce.stackexchange.com 222601).
 *
 * Everything else prints alike: `null`, Java's digits for Doubles and Decimals (`1.50` keeps its
 * scale), Lists as `(a, b)`, Sets as `{a, b}`, Maps as `{k=v}`, SObjects as `Account:{Name=x,
 * Id=001...}`. The interpreter supplies the text of its own objects (class instances, enums).
 *
 * As the org does (Apex Reference, "List Class", toString), a collection prints at most 10 items
 * followed by `...`, and a collection or record met a second time in the same output (a repeat or
 * a cycle) prints as `(already output)`.
 */
import { ApexList, ApexMap, ApexSet } from '../values/collections';
import { ApexDecimal } from '../values/decimal';
import { ApexBlob, ApexDouble, formatDouble } from '../values/primitives';
import { SObjectValue } from '../values/sobject';
import { ApexDate, ApexDatetime, ApexTime } from '../values/temporal';
import { NotSupportedOfflineError } from './apexErrors';
import { resolveTimeZone } from './dateFormat';

/** How many items of a collection are printed before `...`. */
export const MAX_PRINTED_ITEMS = 10;

const ALREADY_OUTPUT = '(already output)';

export interface StringifyOptions {
  /** The text of an interpreter object (class instance, enum value), or undefined if not one. */
  describeObject?: (value: object, concatenation: (inner: unknown) => string) => string | undefined;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function wallClockText(date: ApexDate, time: ApexTime): string {
  return `${date.toIsoString()} ${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
}

/** `yyyy-MM-dd HH:mm:ss` of the instant on the zone's wall clock. */
export function datetimeText(datetime: ApexDatetime, timeZone: string): string {
  const { date, time } = datetime.wall(resolveTimeZone(timeZone));
  return wallClockText(date, time);
}

function primitiveText(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return value;
    case 'boolean':
    case 'number':
    case 'bigint':
      return String(value);
  }
  if (value instanceof ApexDecimal) return value.toJavaString();
  if (value instanceof ApexDouble) return formatDouble(value.value);
  if (value instanceof ApexTime) return value.toString();
  if (value instanceof ApexBlob) return value.toString();
  return undefined;
}

/** `'text' + value`, System.debug(value), String.valueOf(Object), and collection elements. */
export function concatenationString(value: unknown, options: StringifyOptions = {}): string {
  const seen = new Set<object>();
  const printed = new Set<object>();
  const render = (inner: unknown): string => {
    const primitive = primitiveText(inner);
    if (primitive !== undefined) return primitive;
    if (inner instanceof ApexDate) return `${inner.toIsoString()} 00:00:00`;
    if (inner instanceof ApexDatetime) return datetimeText(inner, 'GMT');
    const object = inner as object;
    if (isCollectionOrRecord(object)) {
      if (printed.has(object)) return ALREADY_OUTPUT;
      printed.add(object);
      return renderObject(object, render, options);
    }
    if (seen.has(object)) {
      throw new NotSupportedOfflineError('printing a collection or record that contains itself');
    }
    seen.add(object);
    try {
      return renderObject(object, render, options);
    } finally {
      seen.delete(object);
    }
  };
  return render(value);
}

function isCollectionOrRecord(value: object): boolean {
  return (
    value instanceof ApexList ||
    value instanceof ApexSet ||
    value instanceof ApexMap ||
    value instanceof SObjectValue
  );
}

/** The first MAX_PRINTED_ITEMS items, then `...` when there are more. */
function printedItems<T>(items: readonly T[], render: (item: T) => string): string {
  const shown = items.slice(0, MAX_PRINTED_ITEMS).map(render);
  if (items.length > MAX_PRINTED_ITEMS) shown.push('...');
  return shown.join(', ');
}

function renderObject(
  value: object,
  render: (inner: unknown) => string,
  options: StringifyOptions
): string {
  if (value instanceof ApexList) return `(${printedItems(value.items, render)})`;
  if (value instanceof ApexSet) return `{${printedItems(value.values(), render)}}`;
  if (value instanceof ApexMap) {
    return `{${printedItems(value.entryList(), ([key, item]) => `${render(key)}=${render(item)}`)}}`;
  }
  if (value instanceof SObjectValue) {
    const fields = value
      .populated()
      .map((entry) => `${entry.name}=${render(entry.value)}`)
      .join(', ');
    return `${value.type.name}:{${fields}}`;
  }
  const described = options.describeObject?.(value, render);
  if (described !== undefined) return described;
  throw new NotSupportedOfflineError(`printing a ${value.constructor.name}`);
}

/**
 * `String.valueOf(x)` for x's static type: a Date as `yyyy-MM-dd`, a Datetime as
 * `yyyy-MM-dd HH:mm:ss` in `timeZone` (the running user's); anything else as concatenation
 * prints it.
 */
export function toApexString(
  value: unknown,
  timeZone: string,
  options: StringifyOptions = {}
): string {
  if (value instanceof ApexDate) return value.toIsoString();
  if (value instanceof ApexDatetime) return datetimeText(value, timeZone);
  return concatenationString(value, options);
}

/** `String.valueOfGmt(datetime)`: `yyyy-MM-dd HH:mm:ss` in GMT. */
export function valueOfGmt(datetime: ApexDatetime): string {
  return datetimeText(datetime, 'GMT');
}

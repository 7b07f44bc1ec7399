import { parseIsoDate, parseIsoDateTime, parseIsoTime } from './calendar';
import { FormulaError } from './formulaError';
import { Compiled, FieldSchema, FormulaType, ObjectSchema, RecordLike, Value } from './types';

/** The $User fields a formula can use when the caller passes no `userSchema`. */
export const DEFAULT_USER_SCHEMA: ObjectSchema = {
  name: 'User',
  fields: Object.fromEntries(
    [
      'Id',
      'Username',
      'Email',
      'FirstName',
      'LastName',
      'Name',
      'Alias',
      'Title',
      'Department',
      'Division',
      'CompanyName',
      'Country',
      'ProfileId',
      'UserRoleId',
      'ManagerId',
      'UserType',
      'TimeZoneSidKey',
      'LocaleSidKey',
      'LanguageLocaleKey',
      'FederationIdentifier'
    ]
      .map((name): [string, FieldSchema] => [name, { type: 'Text' }])
      .concat([['IsActive', { type: 'Checkbox' }]])
  )
};

const FIELD_TYPES: Readonly<Record<string, FormulaType>> = {
  text: 'text',
  textarea: 'text',
  longtextarea: 'text',
  html: 'text',
  encryptedtext: 'text',
  email: 'text',
  phone: 'text',
  url: 'text',
  lookup: 'text',
  masterdetail: 'text',
  hierarchy: 'text',
  externallookup: 'text',
  id: 'text',
  reference: 'text',
  string: 'text',
  autonumber: 'text',
  number: 'number',
  currency: 'number',
  percent: 'number',
  summary: 'number',
  double: 'number',
  int: 'number',
  date: 'date',
  datetime: 'datetime',
  time: 'time',
  checkbox: 'boolean',
  boolean: 'boolean',
  picklist: 'picklist',
  multiselectpicklist: 'multipicklist'
};

export interface FieldContext {
  readonly schema: ObjectSchema;
  readonly userSchema: ObjectSchema;
  readonly treatBlanksAsZero: boolean;
  readonly referencedFields: Set<string>;
  readonly referencedGlobals: Set<string>;
}

type Converter = (raw: unknown) => Value;
type Getter = (record: RecordLike, user: RecordLike | null) => unknown;

const lowerCaseIndexes = new WeakMap<object, Map<string, string>>();

/** Salesforce names are case-insensitive; records carry the canonical spelling from the schema. */
function findName(names: object, wanted: string): string | undefined {
  let index = lowerCaseIndexes.get(names);
  if (index === undefined) {
    index = new Map(Object.keys(names).map((name) => [name.toLowerCase(), name]));
    lowerCaseIndexes.set(names, index);
  }
  return index.get(wanted.toLowerCase());
}

/** Compiles a (possibly dotted) field reference such as `Account.Owner.Name` or `$User.Email`. */
export function compileField(
  text: string,
  start: number,
  end: number,
  context: FieldContext
): Compiled {
  const segments = text.split('.');
  let schema = context.schema;
  let fromUser = false;
  let offset = start;
  const path: string[] = [];
  if (segments[0].startsWith('$')) {
    if (segments[0].toUpperCase() !== '$USER') {
      throw new FormulaError(
        `Global ${segments[0]} is not supported; only $User is available`,
        start,
        start + segments[0].length
      );
    }
    if (segments.length === 1) {
      throw new FormulaError('$User needs a field, such as $User.Id', start, end);
    }
    fromUser = true;
    schema = context.userSchema;
    offset += segments[0].length + 1;
    segments.shift();
  }
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i];
    const relationship =
      schema.relationships === undefined ? undefined : findName(schema.relationships, segment);
    if (relationship === undefined || schema.relationships === undefined) {
      throw new FormulaError(
        `Field ${segment} does not exist on ${schema.name}, or is not a relationship. Check spelling.`,
        offset,
        offset + segment.length
      );
    }
    path.push(relationship);
    schema = schema.relationships[relationship];
    offset += segment.length + 1;
  }
  const last = segments[segments.length - 1];
  const fieldName = findName(schema.fields, last);
  if (fieldName === undefined) {
    throw new FormulaError(
      `Field ${last} does not exist on ${schema.name}. Check spelling.`,
      offset,
      offset + last.length
    );
  }
  path.push(fieldName);
  const field = schema.fields[fieldName];
  const type = FIELD_TYPES[field.type.toLowerCase()];
  if (type === undefined) {
    throw new FormulaError(
      `Field ${fieldName} has type ${field.type}, which formulas here cannot use`,
      offset,
      offset + last.length
    );
  }
  const fullName = path.join('.');
  if (fromUser) context.referencedGlobals.add(`$User.${fullName}`);
  else context.referencedFields.add(fullName);
  const converter = makeConverter(
    type,
    field.type.toLowerCase() === 'percent',
    context.treatBlanksAsZero,
    fullName,
    start,
    end
  );
  const isPercent = field.type.toLowerCase() === 'percent';
  const inlinable =
    !fromUser &&
    path.length === 1 &&
    type !== 'date' &&
    type !== 'datetime' &&
    type !== 'time' &&
    !(type === 'number' && (isPercent || context.treatBlanksAsZero));
  return {
    type,
    fn: makeReader(path, fromUser, type, isPercent, converter),
    start,
    end,
    ...(inlinable ? { direct: path[0] } : {}),
    ...(inlinable && type === 'boolean' ? { simple: { key: path[0], op: 5, value: 0 } } : {})
  };
}

function makeReader(
  path: readonly string[],
  fromUser: boolean,
  type: FormulaType,
  isPercent: boolean,
  convert: Converter
) {
  const getter = makeGetter(path, fromUser);
  if (getter !== null) {
    return (record: RecordLike, runtime: { readonly user: RecordLike | null }) =>
      convert(getter(record, runtime.user));
  }
  // Fields on the record itself are the hot path: one closure literal per type keeps each call
  // site monomorphic, and the usual well-typed value never leaves the closure.
  const key = path[0];
  if (type === 'number' && !isPercent) {
    return (record: RecordLike) => {
      const raw = record[key];
      return typeof raw === 'number' ? raw : convert(raw);
    };
  }
  if (type === 'number') {
    return (record: RecordLike) => {
      const raw = record[key];
      return typeof raw === 'number' ? raw / 100 : convert(raw);
    };
  }
  if (type === 'date') {
    return (record: RecordLike) => {
      const raw = record[key];
      if (typeof raw === 'string') {
        const days = parseIsoDate(raw);
        if (!Number.isNaN(days)) return days;
      }
      return convert(raw);
    };
  }
  if (type === 'boolean') {
    return (record: RecordLike) => {
      const raw = record[key];
      return raw === true || raw === 'true';
    };
  }
  if (type === 'text' || type === 'picklist' || type === 'multipicklist') {
    return (record: RecordLike) => {
      const raw = record[key];
      return typeof raw === 'string' ? raw : convert(raw);
    };
  }
  return (record: RecordLike) => convert(record[key]);
}

/** Returns null for the common case (a field on the record itself) so the reader can inline it. */
function makeGetter(path: readonly string[], fromUser: boolean): Getter | null {
  if (!fromUser && path.length === 1) return null;
  if (!fromUser && path.length === 2) {
    const [parentKey, key] = path;
    return (record) => {
      const parent = record[parentKey];
      return parent === null || typeof parent !== 'object'
        ? undefined
        : (parent as RecordLike)[key];
    };
  }
  return (record, user) => {
    let current: unknown = fromUser ? user : record;
    for (const key of path) {
      if (current === null || typeof current !== 'object') return undefined;
      current = (current as RecordLike)[key];
    }
    return current;
  };
}

function makeConverter(
  type: FormulaType,
  isPercent: boolean,
  blanksAsZero: boolean,
  fieldName: string,
  start: number,
  end: number
): Converter {
  const invalid = (raw: unknown, expected: string): never => {
    throw new FormulaError(
      `Field ${fieldName} holds ${JSON.stringify(raw)}, which is not ${expected}`,
      start,
      end,
      'runtime'
    );
  };
  const blankNumber = blanksAsZero ? 0 : null;
  switch (type) {
    case 'number':
      // Percent fields arrive from the API as 25 for 25 %; formulas see 0.25 (Salesforce Help,
      // "Percent": "Discount_Percent__c > 0.30").
      return isPercent
        ? (raw) =>
            typeof raw === 'number'
              ? raw / 100
              : raw === null || raw === undefined || raw === ''
                ? blankNumber
                : looseNumber(raw, invalid) / 100
        : (raw) =>
            typeof raw === 'number'
              ? raw
              : raw === null || raw === undefined || raw === ''
                ? blankNumber
                : looseNumber(raw, invalid);
    case 'boolean':
      return (raw) => raw === true || raw === 'true';
    case 'date':
      return (raw) => {
        if (raw === null || raw === undefined || raw === '') return null;
        const days = typeof raw === 'string' ? parseIsoDate(raw) : NaN;
        return Number.isNaN(days) ? invalid(raw, 'a date (YYYY-MM-DD)') : days;
      };
    case 'datetime':
      return (raw) => {
        if (raw === null || raw === undefined || raw === '') return null;
        const millis = typeof raw === 'string' ? parseIsoDateTime(raw) : NaN;
        return Number.isNaN(millis) ? invalid(raw, 'an ISO-8601 datetime') : millis;
      };
    case 'time':
      return (raw) => {
        if (raw === null || raw === undefined || raw === '') return null;
        const millis = typeof raw === 'string' ? parseIsoTime(raw) : NaN;
        return Number.isNaN(millis) ? invalid(raw, 'a time (HH:MM:SS.mmm)') : millis;
      };
    default:
      return (raw) =>
        typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : String(raw);
  }
}

/** CSV exports deliver numbers as text; accept plain decimals, reject anything else. */
function looseNumber(raw: unknown, invalid: (raw: unknown, expected: string) => never): number {
  if (typeof raw === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(raw)) return Number(raw);
  return invalid(raw, 'a number');
}

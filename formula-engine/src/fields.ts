import { parseIsoDate, parseIsoDateTime, parseIsoTime } from './calendar';
import { FormulaError } from './formulaError';
import {
  FORMULA_GLOBALS,
  FormulaGlobal,
  GLOBAL_EXAMPLES,
  GLOBAL_VARIABLE_NAMES,
  GlobalSchemas,
  globalNamed
} from './globals';
import {
  Compiled,
  FieldSchema,
  FormulaType,
  ObjectSchema,
  RecordLike,
  Runtime,
  Value
} from './types';

function textFields(name: string, fields: readonly string[], checkboxes: readonly string[] = []) {
  const schema: ObjectSchema = {
    name,
    fields: Object.fromEntries(
      fields
        .map((field): [string, FieldSchema] => [field, { type: 'Text' }])
        .concat(checkboxes.map((field): [string, FieldSchema] => [field, { type: 'Checkbox' }]))
    )
  };
  return schema;
}

/** The $User fields a formula can use when the caller passes no `userSchema`. */
export const DEFAULT_USER_SCHEMA: ObjectSchema = textFields(
  'User',
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
  ],
  ['IsActive']
);

/** $Profile, $UserRole and $Organization fields when the caller gives no schema for them. */
export const DEFAULT_PROFILE_SCHEMA: ObjectSchema = textFields('Profile', [
  'Id',
  'Name',
  'Description',
  'UserType',
  'UserLicenseId'
]);

export const DEFAULT_USER_ROLE_SCHEMA: ObjectSchema = textFields('UserRole', [
  'Id',
  'Name',
  'DeveloperName',
  'RollupDescription',
  'ParentRoleId'
]);

export const DEFAULT_ORGANIZATION_SCHEMA: ObjectSchema = textFields(
  'Organization',
  [
    'Id',
    'Name',
    'Division',
    'Street',
    'City',
    'State',
    'PostalCode',
    'Country',
    'Phone',
    'Fax',
    'PrimaryContact',
    'DefaultLocaleSidKey',
    'LanguageLocaleKey',
    'TimeZoneSidKey',
    'OrganizationType',
    'InstanceName'
  ],
  ['IsSandbox']
);

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
  /** The global variables the formula may use (FormulaBuilder.withGlobalVariables). */
  readonly globals: ReadonlySet<FormulaGlobal>;
  readonly globalSchemas: GlobalSchemas;
  /** The custom labels `$Label` reads, by name. */
  readonly labels: { readonly [labelName: string]: string };
}

type Converter = (raw: unknown) => Value;
/** Where a path starts: the record (null) or a global variable's value in the runtime. */
type Root = ((runtime: Runtime) => unknown) | null;
type Getter = (record: RecordLike, runtime: Runtime) => unknown;

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

/** Where a path is read from, and how its fields are reported. */
interface PathBase {
  readonly schema: ObjectSchema;
  readonly root: Root;
  /** '$User' for a global variable (its fields go to referencedGlobals), null for the record. */
  readonly globalName: string | null;
}

/** Compiles a (possibly dotted) field reference such as `Account.Owner.Name` or `$User.Email`. */
export function compileField(
  text: string,
  start: number,
  end: number,
  context: FieldContext
): Compiled {
  const segments = text.split('.');
  if (!segments[0].startsWith('$')) {
    return compilePath(segments, start, start, end, context, {
      schema: context.schema,
      root: null,
      globalName: null
    });
  }
  const written = segments[0];
  const global = globalNamed(written);
  const nameEnd = start + written.length;
  if (global === undefined) {
    throw new FormulaError(`Field ${written} does not exist. Check spelling.`, start, nameEnd);
  }
  const name = GLOBAL_VARIABLE_NAMES[global];
  if (!context.globals.has(global)) {
    throw new FormulaError(
      unregisteredGlobalMessage(name, global, context.globals),
      start,
      nameEnd
    );
  }
  if (global === 'CUSTOMMETADATA') {
    throw new FormulaError(`not supported offline: ${name}`, start, nameEnd);
  }
  if (segments.length === 1) {
    throw new FormulaError(
      `${name} needs a field, such as ${name}.${GLOBAL_EXAMPLES[global]}`,
      start,
      end
    );
  }
  const rest = segments.slice(1);
  const restStart = nameEnd + 1;
  if (global === 'PERMISSION') {
    return compilePermission(rest, restStart, start, end, context);
  }
  if (global === 'LABEL') {
    return compileLabel(rest, restStart, start, end, context);
  }
  return compilePath(rest, restStart, start, end, context, globalBase(global, context));
}

function unregisteredGlobalMessage(
  name: string,
  global: FormulaGlobal,
  registered: ReadonlySet<FormulaGlobal>
): string {
  const available = FORMULA_GLOBALS.filter((candidate) => registered.has(candidate)).map(
    (candidate) => GLOBAL_VARIABLE_NAMES[candidate]
  );
  return (
    `Global variable ${name} is not available: FormulaEval offers only the global variables ` +
    `registered with withGlobalVariables (FormulaEval.FormulaGlobal.${global} is not; ` +
    `registered: ${available.length === 0 ? 'none' : available.join(', ')})`
  );
}

/** $System has one field, OriginDateTime, 1900-01-01 00:00:00 GMT (Apex Reference, FormulaGlobal). */
const SYSTEM_SCHEMA: ObjectSchema = {
  name: '$System',
  fields: { OriginDateTime: { type: 'DateTime' } }
};
const SYSTEM_VALUES: RecordLike = Object.freeze({ OriginDateTime: '1900-01-01T00:00:00.000Z' });

/** The globals whose fields are read like a record's: all but $Permission, $Label and the unsupported. */
type RecordGlobal = Exclude<FormulaGlobal, 'PERMISSION' | 'LABEL' | 'CUSTOMMETADATA'>;

function globalBase(global: RecordGlobal, context: FieldContext): PathBase {
  const globalName = GLOBAL_VARIABLE_NAMES[global];
  const schemas = context.globalSchemas;
  switch (global) {
    case 'USER':
      return { schema: context.userSchema, root: (runtime) => runtime.user, globalName };
    case 'PROFILE':
      return {
        schema: schemas.Profile ?? DEFAULT_PROFILE_SCHEMA,
        root: (runtime) => runtime.profile,
        globalName
      };
    case 'USERROLE':
      return {
        schema: schemas.UserRole ?? DEFAULT_USER_ROLE_SCHEMA,
        root: (runtime) => runtime.userRole,
        globalName
      };
    case 'ORGANIZATION':
      return {
        schema: schemas.Organization ?? DEFAULT_ORGANIZATION_SCHEMA,
        root: (runtime) => runtime.organization,
        globalName
      };
    case 'SETUP':
      // `$Setup.Setting__c.Field__c`: the settings are the "relationships" of $Setup.
      return {
        schema: { name: '$Setup', fields: {}, relationships: schemas.Setup ?? {} },
        root: (runtime) => runtime.setup,
        globalName
      };
    case 'SYSTEM':
      return { schema: SYSTEM_SCHEMA, root: () => SYSTEM_VALUES, globalName };
  }
}

/**
 * `$Permission.Name` is TRUE when the running user holds the custom permission, FALSE otherwise
 * (never blank). Without a list of the org's custom permissions any name compiles.
 */
function compilePermission(
  rest: readonly string[],
  restStart: number,
  start: number,
  end: number,
  context: FieldContext
): Compiled {
  const known = context.globalSchemas.Permission;
  const written = rest.join('.');
  let name: string | undefined = written;
  if (rest.length !== 1) name = undefined;
  else if (known !== undefined) name = known.find((p) => p.toLowerCase() === written.toLowerCase());
  if (name === undefined) {
    throw new FormulaError(
      `Field ${written} does not exist on $Permission. Check spelling.`,
      restStart,
      end
    );
  }
  context.referencedGlobals.add(`$Permission.${name}`);
  const key = name.toLowerCase();
  return { type: 'boolean', fn: (_record, runtime) => runtime.permissions.has(key), start, end };
}

/**
 * `$Label.Name` is the custom label's text, from the `labels` option (the org answers in the
 * user's language; the caller picks the values). A name the option does not hold does not compile.
 */
function compileLabel(
  rest: readonly string[],
  restStart: number,
  start: number,
  end: number,
  context: FieldContext
): Compiled {
  const written = rest.join('.');
  const name = rest.length === 1 ? findName(context.labels, written) : undefined;
  if (name === undefined) {
    throw new FormulaError(
      `Field ${written} does not exist on $Label. Check spelling.`,
      restStart,
      end
    );
  }
  context.referencedGlobals.add(`$Label.${name}`);
  const value = context.labels[name];
  return { type: 'text', fn: () => value, start, end };
}

function compilePath(
  segments: readonly string[],
  pathStart: number,
  start: number,
  end: number,
  context: FieldContext,
  base: PathBase
): Compiled {
  let schema = base.schema;
  let offset = pathStart;
  const path: string[] = [];
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
  if (base.globalName !== null) context.referencedGlobals.add(`${base.globalName}.${fullName}`);
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
    base.root === null &&
    path.length === 1 &&
    type !== 'date' &&
    type !== 'datetime' &&
    type !== 'time' &&
    !(type === 'number' && (isPercent || context.treatBlanksAsZero));
  return {
    type,
    fn: makeReader(path, base.root, type, isPercent, converter),
    start,
    end,
    fieldName,
    ...(inlinable ? { direct: path[0] } : {}),
    ...(inlinable && type === 'boolean' ? { simple: { key: path[0], op: 5, value: 0 } } : {})
  };
}

function makeReader(
  path: readonly string[],
  root: Root,
  type: FormulaType,
  isPercent: boolean,
  convert: Converter
) {
  const getter = makeGetter(path, root);
  if (getter !== null) {
    return (record: RecordLike, runtime: Runtime) => convert(getter(record, runtime));
  }
  // Fields on the record itself are the hot path: one closure literal per type keeps each call
  // site monomorphic, and the usual well-typed value never leaves the closure.
  const key = path[0];
  if (type === 'number' && !isPercent) {
    return (record: RecordLike) => {
      const raw = record[key];
      return typeof raw === 'number' && raw - raw === 0 ? raw : convert(raw);
    };
  }
  if (type === 'number') {
    return (record: RecordLike) => {
      const raw = record[key];
      return typeof raw === 'number' && raw - raw === 0 ? raw / 100 : convert(raw);
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
function makeGetter(path: readonly string[], root: Root): Getter | null {
  if (root === null && path.length === 1) return null;
  if (root === null && path.length === 2) {
    const [parentKey, key] = path;
    return (record) => {
      const parent = record[parentKey];
      return parent === null || typeof parent !== 'object'
        ? undefined
        : (parent as RecordLike)[key];
    };
  }
  return (record, runtime) => {
    let current: unknown = root === null ? record : root(runtime);
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
      // A stored number is finite; Infinity or NaN in a record is refused, so no comparison
      // or arithmetic ever sees one.
      return isPercent
        ? (raw) =>
            typeof raw === 'number'
              ? finiteNumber(raw, invalid) / 100
              : raw === null || raw === undefined || raw === ''
                ? blankNumber
                : looseNumber(raw, invalid) / 100
        : (raw) =>
            typeof raw === 'number'
              ? finiteNumber(raw, invalid)
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

function finiteNumber(raw: number, invalid: (raw: unknown, expected: string) => never): number {
  return raw - raw === 0 ? raw : invalid(String(raw), 'a finite number');
}

/** CSV exports deliver numbers as text; accept plain decimals, reject anything else. */
function looseNumber(raw: unknown, invalid: (raw: unknown, expected: string) => never): number {
  if (typeof raw === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(raw)) {
    return finiteNumber(Number(raw), invalid);
  }
  return invalid(raw, 'a number');
}

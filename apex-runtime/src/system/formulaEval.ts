/**
 * FormulaEval (Apex Reference, "FormulaEval Namespace", "Formula Class"): Formula.builder()
 * compiles a formula for an object with the project's formula engine, as strict as the org (a
 * picklist only in ISPICKVAL, CASE and TEXT; at most 3,900 characters; only the global variables
 * registered with withGlobalVariables); build() throws System.FormulaValidationException. The
 * instance evaluates on SObjects (their parents attached by relationship name) as of the running
 * user's today, with $User, $Profile, $Organization and $Permission from the org.
 * Formula.recalculateFormulas computes the formula fields of records in memory.
 */
import {
  compileFormula,
  FormulaError,
  type CompiledFormula,
  type FormulaEnv,
  type FormulaGlobal,
  type ObjectSchema
} from '../../../formula-engine/src/formulaEngine';
import type { ObjectDescribe } from '../metadata/schema';
import { formulaResultValue, formulaSchemas } from '../platform/formulaFields';
import { valueToJson } from '../platform/fieldValues';
import type { StoredRow } from '../platform/dataSource';
import { ApexRuntimeError, NotSupportedOfflineError } from '../stdlib/apexErrors';
import { ApexList } from '../values/collections';
import { ApexDecimal } from '../values/decimal';
import { ApexDouble } from '../values/primitives';
import { SObjectValue } from '../values/sobject';
import { ApexDate, ApexDatetime, ApexTime } from '../values/temporal';
import { STRING_TYPE, typeNamed } from '../values/typeRef';
import type { Frame } from '../interpreter/frame';
import { defineNative, NativeObject } from '../interpreter/nativeTypes';
import { EnumValue } from '../interpreter/objects';
import { nullPointer } from '../interpreter/operators';
import { sessionOf } from '../execution/session';
import { SObjectTypeToken } from './schemaTokens';

defineNative({
  name: 'FormulaEval.FormulaReturnType',
  enumValues: [
    'BOOLEAN',
    'DATE',
    'DATETIME',
    'DECIMAL',
    'DOUBLE',
    'ID',
    'INTEGER',
    'LONG',
    'STRING',
    'TIME'
  ]
});

defineNative({
  name: 'FormulaEval.FormulaGlobal',
  enumValues: [
    'CUSTOMMETADATA',
    'LABEL',
    'ORGANIZATION',
    'PERMISSION',
    'PROFILE',
    'SETUP',
    'SYSTEM',
    'USER',
    'USERROLE'
  ]
});

const ENGINE_RETURN_TYPES = {
  BOOLEAN: 'boolean',
  DATE: 'date',
  DATETIME: 'datetime',
  DECIMAL: 'number',
  DOUBLE: 'number',
  ID: 'text',
  INTEGER: 'number',
  LONG: 'number',
  STRING: 'text',
  TIME: 'time'
} as const;

type ReturnTypeName = keyof typeof ENGINE_RETURN_TYPES;

function engineSchemas(frame: Frame): ReadonlyMap<string, ObjectSchema> {
  return formulaSchemas(frame.ctx.interpreter.program.schema);
}

class FormulaBuilder extends NativeObject {
  readonly apexType = 'FormulaEval.FormulaBuilder';
  object?: ObjectDescribe;
  returnType?: ReturnTypeName;
  formula?: string;
  globals: FormulaGlobal[] = [];
}

class FormulaInstance extends NativeObject {
  readonly apexType = 'FormulaEval.FormulaInstance';

  constructor(
    readonly object: ObjectDescribe,
    readonly returnType: ReturnTypeName,
    readonly compiled: CompiledFormula
  ) {
    super();
  }
}

function enumName(value: unknown): string {
  if (!(value instanceof EnumValue)) throw nullPointer();
  return value.name;
}

defineNative({
  name: 'Formula',
  aliases: ['System.Formula'],
  statics: {
    builder: () => new FormulaBuilder(),
    recalculateformulas: (frame, args) => {
      const records = args[0];
      if (!(records instanceof ApexList)) throw nullPointer();
      const loader = new MissingDataLoader(frame);
      const results = records.items.map((record) => {
        if (!(record instanceof SObjectValue)) throw nullPointer();
        return new FormulaRecalcResult(record, recalculate(frame, record, loader));
      });
      return new ApexList(typeNamed('FormulaRecalcResult'), results);
    }
  }
});

defineNative({
  name: 'FormulaEval.FormulaBuilder',
  methods: {
    withtype: (_frame, self: FormulaBuilder, args) => {
      if (!(args[0] instanceof SObjectTypeToken))
        throw new NotSupportedOfflineError('FormulaEval over an Apex class');
      self.object = args[0].object;
      return self;
    },
    withreturntype: (_frame, self: FormulaBuilder, args) => {
      self.returnType = enumName(args[0]) as ReturnTypeName;
      return self;
    },
    withformula: (_frame, self: FormulaBuilder, args) => {
      self.formula = args[0] as string;
      return self;
    },
    withglobalvariables: (_frame, self: FormulaBuilder, args) => {
      const list = args[0];
      if (!(list instanceof ApexList)) throw nullPointer();
      self.globals = list.items.map((item) => enumName(item) as FormulaGlobal);
      return self;
    },
    build: (frame, self: FormulaBuilder) => {
      if (!self.object || !self.returnType || self.formula === undefined || self.formula === null) {
        throw new ApexRuntimeError(
          'System.FormulaValidationException',
          'The formula, its type and its return type are required'
        );
      }
      try {
        const compiled = compileFormula(self.formula, {
          schema: engineSchemas(frame).get(self.object.name) as ObjectSchema,
          returnType: ENGINE_RETURN_TYPES[self.returnType],
          userSchema: engineSchemas(frame).get('User'),
          globals: self.globals,
          labels: Object.fromEntries(
            sessionOf(frame)
              .org.project.labels.all()
              .map((l) => [l.name, l.value])
          )
        });
        return new FormulaInstance(self.object, self.returnType, compiled);
      } catch (error) {
        if (error instanceof FormulaError)
          throw new ApexRuntimeError('System.FormulaValidationException', error.message);
        throw error;
      }
    }
  }
});

function rowJson(row: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row ?? {}).map(([key, value]) => [key, valueToJson(value)])
  );
}

/** TODAY(), NOW() and the globals for the running user. */
function environment(frame: Frame): FormulaEnv {
  const session = sessionOf(frame);
  const database = session.database;
  const now = session.now();
  const user = database.row(frame.ctx.user.id);
  const profileId = user?.ProfileId;
  const access = session.org.userAccess(frame.ctx.user.id);
  const organization = [...database.rows('Organization')][0];
  return {
    today: now.wall(frame.ctx.user.timeZone).date.toIsoString(),
    now: now.toIsoString(),
    user: rowJson(user),
    profile: rowJson(typeof profileId === 'string' ? database.row(profileId) : undefined),
    organization: rowJson(organization),
    permissions: session.org.project.customPermissions
      .map((permission) => permission.name)
      .filter((name) => access.hasCustomPermission(name))
  };
}

/** The record (and its attached parents) as the formula engine reads it, for the given paths. */
function formulaRecord(
  frame: Frame,
  record: SObjectValue,
  paths: readonly string[],
  loader?: MissingDataLoader
): Record<string, unknown> {
  const schema = frame.ctx.interpreter.program.schema;
  const result: Record<string, unknown> = {};
  for (const path of paths) {
    const segments = path.split('.');
    let source: SObjectValue | null = record;
    let target = result;
    for (let i = 0; i < segments.length - 1 && source; i++) {
      const lookup = schema.relationship(source.type.name, segments[i]);
      const parent: unknown = lookup?.relationshipName
        ? source.get(lookup.relationshipName)
        : undefined;
      if (!(parent instanceof SObjectValue)) {
        // Recalculation loads a parent the record names only by its Id.
        const parentRow =
          lookup && loader ? loader.row(lookupId(source, lookup.name, loader)) : undefined;
        if (lookup && loader && parentRow) {
          setPath(
            target,
            segments.slice(i),
            loader.valueAt(lookup.referenceTo[0], parentRow, segments.slice(i + 1))
          );
        } else {
          target[segments[i]] = null;
        }
        source = null;
        break;
      }
      const nested = (target[segments[i]] as Record<string, unknown> | undefined) ?? {};
      target[segments[i]] = nested;
      target = nested;
      source = parent;
    }
    if (!source) continue;
    const name = segments[segments.length - 1];
    if (source.fromQuery && !source.has(name)) {
      const storedRow = loader?.row(source.get('Id'));
      if (!loader || !storedRow) {
        throw new ApexRuntimeError(
          'System.SObjectException',
          `SObject row was retrieved via SOQL without querying the requested field: ${source.type.name}.${name}`
        );
      }
      target[name] = valueToJson(loader.valueAt(source.type.name, storedRow, [name]));
      continue;
    }
    target[name] = valueToJson(source.get(name) ?? null);
  }
  return result;
}

/** The lookup's Id on the record, or as stored when a query left the lookup out. */
function lookupId(source: SObjectValue, lookupField: string, loader: MissingDataLoader): unknown {
  if (source.has(lookupField) || !source.fromQuery) return source.get(lookupField);
  return loader.row(source.get('Id'))?.[lookupField];
}

/** Sets `value` at `segments` under `target`, making the nested parents on the way. */
function setPath(
  target: Record<string, unknown>,
  segments: readonly string[],
  value: unknown
): void {
  let node = target;
  for (const segment of segments.slice(0, -1)) {
    const existing = node[segment];
    const nested: Record<string, unknown> =
      existing !== null && typeof existing === 'object'
        ? (existing as Record<string, unknown>)
        : {};
    node[segment] = nested;
    node = nested;
  }
  node[segments[segments.length - 1]] = valueToJson(value);
}

/** The engine's result as the FormulaReturnType's Apex value. */
function apexResult(returnType: ReturnTypeName, result: unknown): unknown {
  if (result === null || result === undefined) return null;
  switch (returnType) {
    case 'BOOLEAN':
      return result === true;
    case 'DECIMAL':
      return typeof result === 'number' ? ApexDecimal.fromDouble(result) : null;
    case 'DOUBLE':
      return typeof result === 'number' ? new ApexDouble(result) : null;
    case 'INTEGER':
      return typeof result === 'number' ? Math.trunc(result) | 0 : null;
    case 'LONG':
      return typeof result === 'number' ? BigInt(Math.trunc(result)) : null;
    case 'DATE':
      return typeof result === 'string' ? ApexDate.parseIso(result) : null;
    case 'DATETIME':
      return typeof result === 'string' ? ApexDatetime.parseIso(result) : null;
    case 'TIME': {
      if (typeof result !== 'string') return null;
      const [hour, minute, rest] = result.split(':');
      const [second, millis] = rest.split('.');
      return ApexTime.of(Number(hour), Number(minute), Number(second), Number(millis ?? 0));
    }
    default:
      return String(result);
  }
}

defineNative({
  name: 'FormulaEval.FormulaInstance',
  methods: {
    evaluate: (frame, self: FormulaInstance, args) => {
      const record = args[0];
      if (!(record instanceof SObjectValue)) throw nullPointer();
      try {
        const json = formulaRecord(frame, record, self.compiled.referencedFields);
        return apexResult(self.returnType, self.compiled.evaluate(json, environment(frame)));
      } catch (error) {
        if (error instanceof FormulaError)
          throw new ApexRuntimeError('System.FormulaEvaluationException', error.message);
        throw error;
      }
    },
    getreferencedfields: (_frame, self: FormulaInstance) =>
      new ApexList(STRING_TYPE, [
        ...self.compiled.referencedFields,
        ...self.compiled.referencedGlobals
      ])
  }
});

/** Sets the record's formula fields from its values and attached parents. */
/** Recalculates the record's formula fields; the errors of those that could not be computed. */
function recalculate(
  frame: Frame,
  record: SObjectValue,
  loader: MissingDataLoader
): FormulaRecalcFieldError[] {
  const schemas = engineSchemas(frame);
  const errors: FormulaRecalcFieldError[] = [];
  for (const field of record.type.fields) {
    if (field.formula === undefined) continue;
    let compiled: CompiledFormula;
    try {
      compiled = compileFormula(field.formula, {
        schema: schemas.get(record.type.name) as ObjectSchema,
        returnType: ENGINE_RETURN_TYPES[formulaReturnTypeName(field.formulaReturnType)],
        treatBlanksAsZero: field.formulaTreatBlanksAs === 'BlankAsZero',
        userSchema: schemas.get('User'),
        globals: ['USER', 'PROFILE', 'ORGANIZATION', 'PERMISSION', 'SETUP', 'SYSTEM']
      });
    } catch (error) {
      throw new NotSupportedOfflineError(
        `the formula of ${record.type.name}.${field.name} (${error instanceof Error ? error.message : String(error)})`
      );
    }
    let value: unknown;
    try {
      value = formulaResultValue(
        field,
        compiled.evaluate(
          formulaRecord(frame, record, compiled.referencedFields, loader),
          environment(frame)
        )
      );
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      errors.push(new FormulaRecalcFieldError(field.name, error.message));
      value = null;
    }
    record.set(field.name, value);
  }
  return errors;
}

/**
 * What Formula.recalculateFormulas reads that the records do not hold: a parent the record only
 * names by its Id, a field a query left out. "If the data required to evaluate a formula field is
 * missing, that data is loaded and limits are changed accordingly" (Apex Reference, "Formula
 * Class"): one query per call that needs any.
 */
class MissingDataLoader {
  private charged = false;

  constructor(private readonly frame: Frame) {}

  /** The stored row of a record, or undefined when it is not in the database. */
  row(id: unknown): StoredRow | undefined {
    if (typeof id !== 'string' || id === '') return undefined;
    const row = sessionOf(this.frame).database.row(id);
    if (row && !this.charged) {
      this.charged = true;
      this.frame.ctx.limits.count('queries');
    }
    return row;
  }

  /** The value at a path (`Account.Owner.Name`) from a stored row, formulas computed. */
  valueAt(objectName: string, row: StoredRow, segments: readonly string[]): unknown {
    const database = sessionOf(this.frame).database;
    const schema = this.frame.ctx.interpreter.program.schema;
    let currentObject = objectName;
    let currentRow: StoredRow | undefined = row;
    for (const segment of segments.slice(0, -1)) {
      const lookup = schema.relationship(currentObject, segment);
      if (!lookup) return null;
      currentRow = this.row(currentRow[lookup.name]);
      if (!currentRow) return null;
      currentObject = lookup.referenceTo[0];
    }
    const field = schema.field(currentObject, segments[segments.length - 1]);
    return field ? database.read(currentObject, currentRow, field) : null;
  }
}

class FormulaRecalcResult extends NativeObject {
  readonly apexType = 'FormulaRecalcResult';

  constructor(
    readonly record: SObjectValue,
    readonly errors: FormulaRecalcFieldError[]
  ) {
    super();
  }
}

class FormulaRecalcFieldError extends NativeObject {
  readonly apexType = 'FormulaRecalcFieldError';

  constructor(
    readonly fieldName: string,
    readonly message: string
  ) {
    super();
  }
}

defineNative({
  name: 'FormulaRecalcResult',
  aliases: ['System.FormulaRecalcResult'],
  methods: {
    geterrors: (_frame, self: FormulaRecalcResult) =>
      new ApexList(typeNamed('FormulaRecalcFieldError'), self.errors),
    getsobject: (_frame, self: FormulaRecalcResult) => self.record,
    issuccess: (_frame, self: FormulaRecalcResult) => self.errors.length === 0
  }
});

defineNative({
  name: 'FormulaRecalcFieldError',
  aliases: ['System.FormulaRecalcFieldError'],
  methods: {
    // The Apex Reference's example gives the field's name without its suffix ('divide' for divide__c).
    getfieldname: (_frame, self: FormulaRecalcFieldError) => self.fieldName.replace(/__c$/i, ''),
    getfielderror: (_frame, self: FormulaRecalcFieldError) => self.message
  }
});

function formulaReturnTypeName(type: string | undefined): ReturnTypeName {
  switch (type) {
    case 'Checkbox':
      return 'BOOLEAN';
    case 'Date':
      return 'DATE';
    case 'DateTime':
      return 'DATETIME';
    case 'Time':
      return 'TIME';
    case 'Number':
    case 'Currency':
    case 'Percent':
      return 'DECIMAL';
    default:
      return 'STRING';
  }
}

defineNative({ name: 'FormulaEval' });

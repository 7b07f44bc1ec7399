/**
 * Formula fields computed when read, as the platform computes them at query time, with the
 * project's formula engine (`formula-engine/`): the runtime's schema becomes the engine's
 * schema, the row (and the parents the formula reaches, `Account.Owner.Name`) becomes the plain
 * JSON record the engine reads, and the engine's JSON result becomes the field's runtime value.
 *
 * Choices where the docs leave the runtime to decide (each pinned by a test):
 * - Number, Currency and Percent results are rounded half up to the field's scale, as the API
 *   returns a formula field with its declared decimal places; a Percent result is the engine's
 *   fraction times 100 (the API's 25 for 25 %).
 * - A blank Text result is null and a blank Checkbox result is false, as Apex reads them.
 * - A formula that fails on a record (division by zero: `#Error!` in the UI) reads as null.
 * - A formula the engine cannot compile fails loudly on first read ("not supported offline").
 */
import {
  compileFormula,
  FormulaError,
  type CompiledFormula,
  type FieldSchema,
  type FormulaEnv,
  type ObjectSchema,
  type ResultType
} from '../../../formula-engine/src/formulaEngine';
import { formulaTypeOf } from '../metadata/fieldTypes';
import type { FieldDescribe, ObjectDescribe, OrgSchema } from '../metadata/schema';
import { ApexDate, ApexDatetime, ApexDecimal, ApexTime } from '../values/primitives';
import type { StoredRow } from './dataSource';
import { valueToJson } from './fieldValues';

const RESULT_TYPES: Readonly<Record<string, ResultType>> = {
  Number: 'number',
  Currency: 'number',
  Percent: 'number',
  Checkbox: 'boolean',
  Text: 'text',
  Date: 'date',
  DateTime: 'datetime',
  Time: 'time'
};

/** The result type a formula field of the given return type (`Currency`, `Checkbox` ...) computes. */
export function formulaResultType(returnType: string): ResultType {
  const type = RESULT_TYPES[returnType];
  if (type === undefined)
    throw new Error(`not supported offline: formula return type ${returnType}`);
  return type;
}

/** What a formula needs from the org while it runs. */
export interface FormulaRuntime {
  /** A row of any object by Id (parents of the record). */
  row(id: string): StoredRow | undefined;
  /** TODAY(), NOW() and `$User` for this evaluation. */
  environment(): FormulaEnv;
}

const schemasBySchema = new WeakMap<OrgSchema, ReadonlyMap<string, ObjectSchema>>();

/**
 * The engine's view of the schema: one node per object, relationships pointing at the parent's
 * node, so a path of any depth resolves without copying schemas per level (the graph has cycles,
 * User.Manager -> User, which the engine walks only along a formula's path). Built once per schema.
 */
export function formulaSchemas(schema: OrgSchema): ReadonlyMap<string, ObjectSchema> {
  let schemas = schemasBySchema.get(schema);
  if (!schemas) {
    schemas = buildFormulaSchemas(schema);
    schemasBySchema.set(schema, schemas);
  }
  return schemas;
}

function buildFormulaSchemas(schema: OrgSchema): Map<string, ObjectSchema> {
  const nodes = new Map<string, ObjectSchema>();
  for (const object of schema.objects.values()) {
    const fields: Record<string, FieldSchema> = {};
    for (const field of object.fields) {
      const type = formulaTypeOf(field);
      if (type === undefined) continue;
      fields[field.name] = {
        type,
        ...(field.referenceTo.length === 1 && !field.polymorphic
          ? { referenceTo: field.referenceTo[0] }
          : {}),
        ...(field.relationshipName && field.referenceTo.length === 1 && !field.polymorphic
          ? { relationshipName: field.relationshipName }
          : {})
      };
    }
    nodes.set(object.name, { name: object.name, fields });
  }
  for (const object of schema.objects.values()) {
    const node = nodes.get(object.name) as ObjectSchema;
    const relationships: Record<string, ObjectSchema> = {};
    for (const field of object.fields) {
      if (
        field.relationshipName === undefined ||
        field.referenceTo.length !== 1 ||
        field.polymorphic
      )
        continue;
      const parent = nodes.get(field.referenceTo[0]);
      if (parent) relationships[field.relationshipName] = parent;
    }
    if (Object.keys(relationships).length > 0) node.relationships = relationships;
  }
  return nodes;
}

/** Compiles a formula field (or any formula returning a field's type) against the schema. */
export function compileFieldFormula(
  object: ObjectDescribe,
  field: FieldDescribe,
  schemas: ReadonlyMap<string, ObjectSchema>
): CompiledFormula {
  const formula = field.formula;
  if (formula === undefined) throw new Error(`${object.name}.${field.name} is not a formula field`);
  try {
    return compileFormula(formula, {
      schema: schemas.get(object.name) as ObjectSchema,
      returnType: formulaResultType(field.formulaReturnType ?? 'Text'),
      treatBlanksAsZero: field.formulaTreatBlanksAs === 'BlankAsZero',
      userSchema: schemas.get('User')
    });
  } catch (error) {
    if (error instanceof FormulaError) {
      throw new Error(
        `not supported offline: the formula of ${object.name}.${field.name} (${error.message})`
      );
    }
    throw error;
  }
}

/** The engine's result as the field's runtime value. */
export function formulaResultValue(field: FieldDescribe, result: unknown): unknown {
  switch (field.formulaReturnType) {
    case 'Checkbox':
      return result === true;
    case 'Number':
    case 'Currency':
    case 'Percent': {
      if (typeof result !== 'number') return null;
      const value = ApexDecimal.fromDouble(
        field.formulaReturnType === 'Percent' ? result * 100 : result
      );
      return field.scale === undefined ? value : value.withScale(field.scale, 'HALF_UP');
    }
    case 'Date':
      return typeof result === 'string' ? ApexDate.parseIso(result) : null;
    case 'DateTime':
      return typeof result === 'string' ? ApexDatetime.parseIso(result) : null;
    case 'Time': {
      if (typeof result !== 'string') return null;
      const [hour, minute, rest] = result.split(':');
      const [second, millis] = rest.split('.');
      return ApexTime.of(Number(hour), Number(minute), Number(second), Number(millis ?? 0));
    }
    default:
      return typeof result === 'string' && result !== '' ? result : null;
  }
}

/** Evaluates formula fields of rows, compiling each formula once. */
export class FormulaFieldEvaluator {
  private readonly schemas: ReadonlyMap<string, ObjectSchema>;
  private readonly compiled = new Map<FieldDescribe, CompiledFormula>();
  /** Formula fields being evaluated, to refuse a formula that reaches itself. */
  private readonly evaluating = new Set<FieldDescribe>();

  constructor(private readonly schema: OrgSchema) {
    this.schemas = formulaSchemas(schema);
  }

  private formulaOf(object: ObjectDescribe, field: FieldDescribe): CompiledFormula {
    let formula = this.compiled.get(field);
    if (!formula) {
      formula = compileFieldFormula(object, field, this.schemas);
      this.compiled.set(field, formula);
    }
    return formula;
  }

  /** The field's value on the row, computed as of the runtime's environment. */
  evaluate(
    object: ObjectDescribe,
    row: StoredRow,
    field: FieldDescribe,
    runtime: FormulaRuntime
  ): unknown {
    const formula = this.formulaOf(object, field);
    if (this.evaluating.has(field)) {
      throw new Error(`${object.name}.${field.name}: the formula refers to itself`);
    }
    this.evaluating.add(field);
    try {
      const record = this.formulaRecord(object, row, formula.referencedFields, runtime);
      return formulaResultValue(field, formula.evaluate(record, runtime.environment()));
    } catch (error) {
      if (error instanceof FormulaError && error.phase === 'runtime') return null;
      throw error;
    } finally {
      this.evaluating.delete(field);
    }
  }

  /** The JSON record holding just the paths the formula reads, parents nested by relationship. */
  formulaRecord(
    object: ObjectDescribe,
    row: StoredRow,
    paths: readonly string[],
    runtime: FormulaRuntime
  ): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    for (const path of paths) {
      let target = record;
      let currentObject: ObjectDescribe | undefined = object;
      let currentRow: StoredRow | undefined = row;
      const segments = path.split('.');
      for (let i = 0; i < segments.length - 1 && currentObject && currentRow; i++) {
        const lookup = this.schema.relationship(currentObject.name, segments[i]);
        const parentId: unknown = lookup ? currentRow[lookup.name] : undefined;
        const parentRow: StoredRow | undefined =
          typeof parentId === 'string' ? runtime.row(parentId) : undefined;
        if (!parentRow || !lookup) {
          target[segments[i]] = null;
          currentRow = undefined;
          break;
        }
        const existing = target[segments[i]];
        const nested: Record<string, unknown> =
          existing !== null && typeof existing === 'object'
            ? (existing as Record<string, unknown>)
            : {};
        target[segments[i]] = nested;
        target = nested;
        currentObject = this.schema.object(lookup.referenceTo[0]);
        currentRow = parentRow;
      }
      if (!currentObject || !currentRow) continue;
      const last = segments[segments.length - 1];
      const field = this.schema.field(currentObject.name, last);
      if (!field) continue;
      target[last] = valueToJson(
        field.formula !== undefined
          ? this.evaluate(currentObject, currentRow, field, runtime)
          : (currentRow[field.name] ?? null)
      );
    }
    return record;
  }
}

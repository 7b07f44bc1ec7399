/**
 * Run-time types: what type a value has, whether it is an instance of a type (`instanceof`,
 * casts, catch clauses, overload choice), and the conversions Apex applies when a value is
 * assigned to a variable of another type (Integer to Decimal, String to Id).
 */
import { ApexList, ApexMap, ApexSet, QueryResultList } from '../values/collections';
import { ApexDecimal } from '../values/decimal';
import { ApexBlob, ApexDouble } from '../values/primitives';
import { SObjectValue } from '../values/sobject';
import { ApexDate, ApexDatetime, ApexTime } from '../values/temporal';
import { typeToString, type TypeRef } from '../values/typeRef';
import { toId18 } from '../values/ids';
import { ApexRuntimeError } from '../stdlib/apexErrors';
import { ApexObject, EnumValue } from './objects';
import { NativeObject, nativeType } from './nativeTypes';
import type { Program } from './program';

/** The name of a value's run-time type, as Apex error messages print it. */
export function runtimeTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'number':
      return 'Integer';
    case 'bigint':
      return 'Long';
    case 'boolean':
      return 'Boolean';
  }
  if (value instanceof ApexDecimal) return 'Decimal';
  if (value instanceof ApexDouble) return 'Double';
  if (value instanceof ApexDate) return 'Date';
  if (value instanceof ApexDatetime) return 'Datetime';
  if (value instanceof ApexTime) return 'Time';
  if (value instanceof ApexBlob) return 'Blob';
  if (value instanceof ApexList) return `List<${typeToString(value.elementType)}>`;
  if (value instanceof ApexSet) return `Set<${typeToString(value.elementType)}>`;
  if (value instanceof ApexMap) {
    return `Map<${typeToString(value.keyType)},${typeToString(value.valueType)}>`;
  }
  if (value instanceof SObjectValue) return value.type.name;
  if (value instanceof ApexObject) return value.cls.name;
  if (value instanceof EnumValue) return value.enumName;
  if (value instanceof NativeObject) return value.apexType;
  return 'Object';
}

const NUMERIC_RANK: Record<string, number> = { integer: 1, long: 2, double: 3, decimal: 4 };

function numericRank(value: unknown): number {
  if (typeof value === 'number') return 1;
  if (typeof value === 'bigint') return 2;
  if (value instanceof ApexDouble) return 3;
  if (value instanceof ApexDecimal) return 4;
  return 0;
}

export function isSObjectTypeName(program: Program, name: string): boolean {
  return name === 'SObject' || program.schema.object(name)?.name === name;
}

/** Whether `value` (not null) is an instance of `type`. */
export function isInstanceOf(program: Program, value: unknown, type: TypeRef): boolean {
  if (value === null || value === undefined) return false;
  const name = type.name;
  switch (name) {
    case 'Object':
      return true;
    case 'String':
      return typeof value === 'string';
    case 'Id':
      return typeof value === 'string' && toId18(value) !== undefined;
    case 'Integer':
      return typeof value === 'number';
    case 'Long':
      return typeof value === 'bigint';
    case 'Decimal':
      return value instanceof ApexDecimal;
    case 'Double':
      return value instanceof ApexDouble;
    case 'Boolean':
      return typeof value === 'boolean';
    case 'Date':
      return value instanceof ApexDate;
    case 'Datetime':
      return value instanceof ApexDatetime;
    case 'Time':
      return value instanceof ApexTime;
    case 'Blob':
      return value instanceof ApexBlob;
    case 'List':
      return value instanceof ApexList && elementFits(program, value.elementType, type.args[0]);
    case 'Set':
      return value instanceof ApexSet && elementFits(program, value.elementType, type.args[0]);
    case 'Map':
      return (
        value instanceof ApexMap &&
        elementFits(program, value.keyType, type.args[0]) &&
        elementFits(program, value.valueType, type.args[1])
      );
    case 'SObject':
      return value instanceof SObjectValue;
  }
  if (value instanceof SObjectValue) return value.type.name === name;
  if (value instanceof ApexObject) {
    const cls = program.classNamed(name);
    return cls !== undefined && value.cls.isSubtypeOf(cls);
  }
  if (value instanceof EnumValue)
    return value.enumName === name || `System.${name}` === value.enumName;
  const native = nativeType(name);
  if (native?.isInstance) return native.isInstance(value);
  if (value instanceof NativeObject) return nativeType(value.apexType) === native;
  return false;
}

/** Whether a collection with element type `actual` may be used as one of element type `wanted`. */
function elementFits(program: Program, actual: TypeRef, wanted: TypeRef | undefined): boolean {
  if (!wanted || wanted.name === 'Object') return true;
  if (actual.name === wanted.name) {
    return actual.args.every((arg, i) => elementFits(program, arg, wanted.args[i]));
  }
  if (wanted.name === 'SObject') return isSObjectTypeName(program, actual.name);
  if (wanted.name === 'String' && actual.name === 'Id') return true;
  if (wanted.name === 'Id' && actual.name === 'String') return true;
  const actualClass = program.classNamed(actual.name);
  const wantedClass = program.classNamed(wanted.name);
  return (
    actualClass !== undefined && wantedClass !== undefined && actualClass.isSubtypeOf(wantedClass)
  );
}

function invalidId(value: string): ApexRuntimeError {
  return new ApexRuntimeError('System.StringException', `Invalid id: ${value}`);
}

/**
 * The value as stored in a variable, field or parameter of `type`: numbers widen (Integer to
 * Long, Double or Decimal; Long to Double or Decimal), Strings become Ids (validated, 18
 * characters). Anything else is returned as is: the Apex compiler has already checked the types.
 */
export function coerce(value: unknown, type: TypeRef): unknown {
  if (value === null || value === undefined) return null;
  if (
    value instanceof QueryResultList &&
    type.name !== 'List' &&
    type.name !== 'Object' &&
    type.name !== 'Iterable'
  ) {
    return singleRow(value);
  }
  switch (type.name) {
    case 'Decimal':
      if (typeof value === 'number' || typeof value === 'bigint')
        return ApexDecimal.fromInteger(value);
      if (value instanceof ApexDouble) return ApexDecimal.fromDouble(value.value);
      return value;
    case 'Double':
      if (typeof value === 'number') return new ApexDouble(value);
      if (typeof value === 'bigint') return new ApexDouble(Number(value));
      if (value instanceof ApexDecimal) return new ApexDouble(value.toNumber());
      return value;
    case 'Long':
      return typeof value === 'number' ? BigInt(value) : value;
    case 'Id':
      if (typeof value === 'string') {
        const id = toId18(value);
        if (id === undefined) throw invalidId(value);
        return id;
      }
      return value;
  }
  return value;
}

/** The one row of a query result assigned to an SObject variable. */
function singleRow(rows: QueryResultList): unknown {
  if (rows.items.length === 1) return rows.items[0];
  throw new ApexRuntimeError(
    'System.QueryException',
    rows.items.length === 0
      ? 'List has no rows for assignment to SObject'
      : 'List has more than 1 row for assignment to SObject'
  );
}

/**
 * An explicit cast `(type) value`: checks the run-time type (System.TypeException "Invalid
 * conversion from runtime type X to Y" otherwise) and converts numbers as Apex does.
 */
export function castValue(program: Program, value: unknown, type: TypeRef): unknown {
  if (value === null || value === undefined) return null;
  const target = NUMERIC_RANK[type.name.toLowerCase()];
  const source = numericRank(value);
  if (target && source) {
    if (source <= target || (target === 3 && source === 4) || (target === 4 && source === 3)) {
      return coerce(value, type);
    }
    throw invalidConversion(value, type);
  }
  if (type.name === 'Id' && typeof value === 'string') {
    const id = toId18(value);
    if (id === undefined) throw invalidConversion(value, type);
    return id;
  }
  if (!isInstanceOf(program, value, type)) throw invalidConversion(value, type);
  return value;
}

export function invalidConversion(value: unknown, type: TypeRef): ApexRuntimeError {
  return new ApexRuntimeError(
    'System.TypeException',
    `Invalid conversion from runtime type ${runtimeTypeName(value)} to ${typeToString(type)}`
  );
}

/**
 * How well an argument matches a parameter type, for choosing an overload: 3 exact, 2 a subtype
 * or Id-String, 1 a numeric widening or Object, 0 not at all. `staticType` is the argument
 * expression's declared type, used for null arguments.
 */
export function matchScore(
  program: Program,
  value: unknown,
  staticType: TypeRef | null,
  param: TypeRef
): number {
  if (value === null || value === undefined) {
    if (!staticType) return param.name === 'Object' ? 1 : 2;
    if (staticType.name === param.name) return 3;
    return isNumericWidening(staticType.name, param.name) || param.name === 'Object' ? 1 : 0;
  }
  if (param.name === 'Object') return 1;
  const actual =
    staticType?.name !== 'Object' && staticType ? staticType.name : runtimeTypeName(value);
  if (actual === param.name) return 3;
  if (isInstanceOf(program, value, param)) return 2;
  const rank = numericRank(value);
  if (rank && isNumericWidening(['', 'Integer', 'Long', 'Double', 'Decimal'][rank], param.name)) {
    return 1;
  }
  if (param.name === 'Id' && typeof value === 'string') return 1;
  return 0;
}

/**
 * How well an argument of declared type `declared` matches a parameter type, as the Apex compiler
 * decides overloads: 3 the same type, 2 a subtype (or an Id for a String), 1 a numeric widening or
 * Object, 0 not applicable.
 */
export function declaredMatchScore(program: Program, declared: TypeRef, param: TypeRef): number {
  const name = declared.name.toLowerCase();
  const wanted = param.name.toLowerCase();
  if (name === wanted) {
    if (declared.args.length === 0 || param.args.length === 0) return 3;
    return declared.args.every((arg, i) => elementFits(program, arg, param.args[i])) ? 3 : 0;
  }
  if (wanted === 'object') return 1;
  if (isNumericWidening(declared.name, param.name)) return 1;
  if (name === 'id' && wanted === 'string') return 2;
  if (name === 'string' && wanted === 'id') return 1;
  if (wanted === 'sobject' && isSObjectTypeName(program, declared.name)) return 2;
  const declaredClass = program.classNamed(declared.name);
  const paramClass = program.classNamed(param.name);
  if (declaredClass && paramClass && declaredClass.isSubtypeOf(paramClass)) return 2;
  return 0;
}

function isNumericWidening(from: string, to: string): boolean {
  const source = NUMERIC_RANK[from.toLowerCase()];
  const target = NUMERIC_RANK[to.toLowerCase()];
  return source !== undefined && target !== undefined && source < target;
}

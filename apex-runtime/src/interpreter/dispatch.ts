/**
 * What `value.member`, `value.method(args)`, `list[i]` and `for (x : value)` do for a value known
 * only at run time: fields and properties of Apex objects, fields of SObjects, methods of user
 * classes (virtual), and the methods of the platform's types.
 */
import { ApexRuntimeError, NotSupportedOfflineError } from '../stdlib/apexErrors';
import { concatenationString, type StringifyOptions } from '../stdlib/stringify';
import { ApexList, ApexMap, ApexSet, QueryResultList } from '../values/collections';
import { ApexDecimal } from '../values/decimal';
import { ApexBlob, ApexDouble } from '../values/primitives';
import { SObjectValue } from '../values/sobject';
import { ApexDate, ApexDatetime, ApexTime } from '../values/temporal';
import { SOBJECT_TYPE, type TypeRef } from '../values/typeRef';
import type { Frame } from './frame';
import { NativeObject, nativeType, type ArgTypes, type NativeType } from './nativeTypes';
import { ApexObject, EnumValue } from './objects';
import { nullPointer } from './operators';
import { readField, writeField } from './sobjectFields';
import { coerce, runtimeTypeName } from './typeSystem';

/** The platform type whose methods a value has. */
export function nativeTypeOf(value: unknown): NativeType | undefined {
  switch (typeof value) {
    case 'string':
      return nativeType('String');
    case 'number':
      return nativeType('Integer');
    case 'bigint':
      return nativeType('Long');
    case 'boolean':
      return nativeType('Boolean');
  }
  if (value instanceof ApexDecimal) return nativeType('Decimal');
  if (value instanceof ApexDouble) return nativeType('Double');
  if (value instanceof ApexDate) return nativeType('Date');
  if (value instanceof ApexDatetime) return nativeType('Datetime');
  if (value instanceof ApexTime) return nativeType('Time');
  if (value instanceof ApexBlob) return nativeType('Blob');
  if (value instanceof ApexList) return nativeType('List');
  if (value instanceof ApexSet) return nativeType('Set');
  if (value instanceof ApexMap) return nativeType('Map');
  if (value instanceof SObjectValue) return nativeType('SObject');
  if (value instanceof EnumValue) return nativeType('Enum');
  if (value instanceof NativeObject) return nativeType(value.apexType);
  return undefined;
}

function noSuchMember(value: unknown, name: string): NotSupportedOfflineError {
  return new NotSupportedOfflineError(`${runtimeTypeName(value)}.${name}`);
}

/** `receiver.name` (receiver not null). */
export function getMember(frame: Frame, receiver: unknown, name: string): unknown {
  if (receiver instanceof SObjectValue) return readField(frame, receiver, name);
  // `[SELECT Name FROM Account WHERE Id = :id].Name`: a query read as its single row.
  if (receiver instanceof QueryResultList)
    return readField(frame, coerce(receiver, SOBJECT_TYPE) as SObjectValue, name);
  if (receiver instanceof ApexObject) return getObjectMember(frame, receiver, name);
  const type = nativeTypeOf(receiver);
  const key = name.toLowerCase();
  const property = type?.properties?.[key];
  if (property) return property(frame, receiver as never);
  if (type?.property) return type.property(frame, receiver as never, name);
  throw noSuchMember(receiver, name);
}

function getObjectMember(frame: Frame, receiver: ApexObject, name: string): unknown {
  const cls = receiver.cls;
  const field = cls.findField(name);
  const interpreter = frame.ctx.interpreter;
  if (field) {
    if (field.isStatic) {
      const owner = cls.ownerOfStatic(name);
      if (owner) {
        interpreter.ensureStatics(frame.ctx, owner, frame);
        return frame.ctx.staticsOf(owner).values[name.toLowerCase()] ?? null;
      }
    }
    return receiver.fields[name.toLowerCase()] ?? null;
  }
  const property = cls.findProperty(name);
  if (property) {
    if (property.getter) {
      return interpreter.invoke(frame, property.getter, property.isStatic ? null : receiver, []);
    }
    if (property.isStatic) {
      const owner = cls.ownerOfStatic(name);
      if (owner) {
        interpreter.ensureStatics(frame.ctx, owner, frame);
        return frame.ctx.staticsOf(owner).values[property.backingKey] ?? null;
      }
    }
    return receiver.fields[property.backingKey] ?? null;
  }
  throw new ApexRuntimeError('System.UnexpectedException', `Variable does not exist: ${name}`);
}

/** `receiver.name = value` (receiver not null). */
export function setMember(frame: Frame, receiver: unknown, name: string, value: unknown): void {
  if (receiver instanceof SObjectValue) {
    writeField(frame, receiver, name, value);
    return;
  }
  if (receiver instanceof ApexObject) {
    const cls = receiver.cls;
    const interpreter = frame.ctx.interpreter;
    const field = cls.findField(name);
    if (field) {
      if (field.isStatic) {
        const owner = cls.ownerOfStatic(name);
        if (owner) {
          interpreter.ensureStatics(frame.ctx, owner, frame);
          frame.ctx.staticsOf(owner).values[name.toLowerCase()] = coerce(value, field.type);
          return;
        }
      }
      receiver.fields[name.toLowerCase()] = coerce(value, field.type);
      return;
    }
    const property = cls.findProperty(name);
    if (property) {
      if (property.setter) {
        interpreter.invoke(frame, property.setter, property.isStatic ? null : receiver, [value]);
      } else {
        receiver.fields[property.backingKey] = coerce(value, property.type);
      }
      return;
    }
  }
  throw noSuchMember(receiver, name);
}

/** `receiver.name(args)` (receiver not null). */
export function callMember(
  frame: Frame,
  receiver: unknown,
  name: string,
  args: unknown[],
  argTypes: ArgTypes
): unknown {
  const interpreter = frame.ctx.interpreter;
  if (receiver instanceof ApexObject) {
    const candidates = receiver.cls.findMethods(name).filter((method) => !method.isStatic);
    if (candidates.length > 0) {
      const method = interpreter.chooseOverload(
        candidates,
        args,
        argTypes,
        `${receiver.cls.name}.${name}`
      );
      return interpreter.invoke(frame, method, receiver, args);
    }
    const universal = objectMethod(frame, receiver, name, args);
    if (universal !== NOT_FOUND) return universal;
    throw new ApexRuntimeError(
      'System.UnexpectedException',
      `Method does not exist or incorrect signature: ${receiver.cls.name}.${name}`
    );
  }
  const type = nativeTypeOf(receiver);
  const key = name.toLowerCase();
  let method = type?.methods?.[key];
  if (!method && typeof receiver === 'string') method = nativeType('Id')?.methods?.[key];
  if (!method) method = nativeType('Object')?.methods?.[key];
  if (!method) throw noSuchMember(receiver, `${name}()`);
  return method(frame, receiver as never, args, argTypes);
}

const NOT_FOUND = Symbol('not found');

/** equals, hashCode and toString, which every object has. */
function objectMethod(frame: Frame, receiver: ApexObject, name: string, args: unknown[]): unknown {
  switch (name.toLowerCase()) {
    case 'equals':
      return receiver === args[0];
    case 'hashcode':
      return identityHash(receiver);
    case 'tostring':
      return defaultObjectText(frame, receiver);
  }
  return NOT_FOUND;
}

const hashes = new WeakMap<object, number>();
let nextHash = 7;

export function identityHash(value: object): number {
  let hash = hashes.get(value);
  if (hash === undefined) {
    hash = nextHash = (Math.imul(nextHash, 1_103_515_245) + 12_345) | 0;
    hashes.set(value, hash);
  }
  return hash;
}

/** `ClassName:[field1=value1, field2=value2]`, as String.valueOf prints an object. */
function defaultObjectText(frame: Frame, receiver: ApexObject): string {
  const parts: string[] = [];
  for (const cls of [...receiver.cls.lineage()].reverse()) {
    for (const field of cls.fields.values()) {
      if (!field.isStatic)
        parts.push(
          `${field.name}=${toText(frame, receiver.fields[field.name.toLowerCase()] ?? null)}`
        );
    }
    for (const property of cls.properties.values()) {
      if (!property.isStatic && !property.getter) {
        parts.push(
          `${property.name}=${toText(frame, receiver.fields[property.backingKey] ?? null)}`
        );
      }
    }
  }
  return `${receiver.cls.name}:[${parts.join(', ')}]`;
}

/** How values only the interpreter knows (objects, enum values, tokens) print. */
export function printOptions(frame: Frame): StringifyOptions {
  return {
    describeObject: (value) => {
      if (value instanceof ApexObject) {
        if (value.cls.isException) {
          return `${value.cls.typeName}: ${String(frame.ctx.interpreter.exceptionMessage(value) ?? 'null')}`;
        }
        const custom = value.cls
          .findMethods('toString')
          .find((m) => !m.isStatic && m.params.length === 0);
        if (custom) return String(frame.ctx.interpreter.invoke(frame, custom, value, []));
        return defaultObjectText(frame, value);
      }
      if (value instanceof EnumValue) return value.name;
      if (value instanceof NativeObject) return String(value);
      return undefined;
    }
  };
}

/** String concatenation, System.debug and String.valueOf(Object). */
export function toText(frame: Frame, value: unknown): string {
  return concatenationString(value, printOptions(frame));
}

/** `list[index]`. */
export function indexGet(frame: Frame, list: unknown, index: unknown): unknown {
  void frame;
  if (list === null || list === undefined || index === null || index === undefined)
    throw nullPointer();
  if (!(list instanceof ApexList)) throw noSuchMember(list, '[]');
  const i = index as number;
  if (i < 0 || i >= list.items.length || !Number.isInteger(i)) {
    throw new ApexRuntimeError('System.ListException', `List index out of bounds: ${i}`);
  }
  return list.items[i];
}

/** `list[index] = value`. */
export function indexSet(frame: Frame, list: unknown, index: unknown, value: unknown): void {
  void frame;
  if (list === null || list === undefined || index === null || index === undefined)
    throw nullPointer();
  if (!(list instanceof ApexList)) throw noSuchMember(list, '[]');
  const i = index as number;
  if (i < 0 || i >= list.items.length) {
    throw new ApexRuntimeError('System.ListException', `List index out of bounds: ${i}`);
  }
  list.items[i] = coerce(value, list.elementType as TypeRef);
}

/**
 * The items a for-each loop visits. Sets are iterated over a snapshot and refuse changes during
 * the loop as Apex does; lists are read live by index.
 */
export function* iterate(frame: Frame, source: unknown): Generator<unknown> {
  if (source instanceof ApexList) {
    for (let i = 0; i < source.items.length; i++) yield source.items[i];
    return;
  }
  if (source instanceof ApexSet) {
    const size = source.size;
    for (const item of source.values()) {
      yield item;
      if (source.size !== size) {
        throw new ApexRuntimeError(
          'System.FinalException',
          'Cannot modify a collection while it is being iterated.'
        );
      }
    }
    return;
  }
  if (source instanceof ApexObject) {
    const interpreter = frame.ctx.interpreter;
    const iteratorMethod = source.cls.findMethods('iterator').find((m) => m.params.length === 0);
    const iterator = iteratorMethod
      ? interpreter.invoke(frame, iteratorMethod, source, [])
      : source;
    while (callMember(frame, iterator, 'hasNext', [], []) === true) {
      yield callMember(frame, iterator, 'next', [], []);
    }
    return;
  }
  throw new ApexRuntimeError(
    'System.TypeException',
    `Loop must iterate over collection: ${runtimeTypeName(source)}`
  );
}

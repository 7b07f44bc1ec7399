/**
 * The JSON class (Apex Reference, "JSON Class"): serialize Apex values (objects by their
 * non-static, non-transient fields and properties; SObjects with their `attributes`; Dates
 * `yyyy-MM-dd`, Datetimes ISO 8601 in GMT, Decimals with their scale), deserialize into a given
 * type (unknown properties of classes ignored, of SObjects refused), and deserializeUntyped into
 * Maps, Lists and primitives.
 */
import { ApexRuntimeError, NotSupportedOfflineError } from '../stdlib/apexErrors';
import { ApexList, ApexMap, ApexSet } from '../values/collections';
import { ApexDecimal } from '../values/decimal';
import { toId18 } from '../values/ids';
import { ApexBlob, ApexDouble, formatDouble } from '../values/primitives';
import { SObjectValue } from '../values/sobject';
import { ApexDate, ApexDatetime, ApexTime } from '../values/temporal';
import { OBJECT_TYPE, STRING_TYPE, typeNamed, type TypeRef } from '../values/typeRef';
import type { Frame } from '../interpreter/frame';
import { defineNative, NativeObject, nativeType } from '../interpreter/nativeTypes';
import { ApexObject, EnumValue } from '../interpreter/objects';
import { getMember, setMember, toText } from '../interpreter/dispatch';
import { nullPointer } from '../interpreter/operators';
import { coerce } from '../interpreter/typeSystem';
import { parseJson, writeJson, type JsonNode, type JsonOutput } from './jsonText';
import { TypeToken } from './schemaTokens';

/** The REST API version SObject `attributes.url` names. */
export const API_VERSION = '62.0';

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function timeText(time: ApexTime): string {
  return `${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}.${pad(time.millisecond, 3)}Z`;
}

/** An Apex value as JSON.serialize writes it. */
export function toJsonOutput(frame: Frame, value: unknown, suppressNulls: boolean): JsonOutput {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
    case 'bigint':
      return { number: String(value) };
  }
  if (value instanceof ApexDecimal) return { number: value.toPlainString() };
  if (value instanceof ApexDouble) return { number: formatDouble(value.value) };
  if (value instanceof ApexDate) return value.toIsoString();
  if (value instanceof ApexDatetime) return value.toIsoString();
  if (value instanceof ApexTime) return timeText(value);
  if (value instanceof ApexBlob) return Buffer.from(value.bytes).toString('base64');
  if (value instanceof EnumValue) return value.name;
  if (value instanceof ApexList)
    return value.items.map((item) => toJsonOutput(frame, item, suppressNulls));
  if (value instanceof ApexSet)
    return value.values().map((item) => toJsonOutput(frame, item, suppressNulls));
  if (value instanceof ApexMap) {
    return {
      entries: value
        .entryList()
        .map(([key, item]) => [
          key === null ? 'null' : toText(frame, key),
          toJsonOutput(frame, item, suppressNulls)
        ])
    };
  }
  if (value instanceof SObjectValue) return sobjectOutput(frame, value, suppressNulls);
  if (value instanceof ApexObject) return objectOutput(frame, value, suppressNulls);
  if (value instanceof NativeObject) return String(value);
  throw new NotSupportedOfflineError('serializing this value to JSON');
}

function sobjectOutput(frame: Frame, record: SObjectValue, suppressNulls: boolean): JsonOutput {
  const attributes: [string, JsonOutput][] = [['type', record.type.name]];
  const id = record.get('Id');
  if (typeof id === 'string') {
    attributes.push(['url', `/services/data/v${API_VERSION}/sobjects/${record.type.name}/${id}`]);
  }
  const entries: [string, JsonOutput][] = [['attributes', { entries: attributes }]];
  for (const entry of record.populated()) {
    if (entry.value instanceof ApexList) {
      entries.push([
        entry.name,
        {
          entries: [
            ['totalSize', { number: String(entry.value.items.length) }],
            ['done', true],
            ['records', entry.value.items.map((item) => toJsonOutput(frame, item, suppressNulls))]
          ]
        }
      ]);
    } else if (!(suppressNulls && entry.value === null)) {
      entries.push([entry.name, toJsonOutput(frame, entry.value, suppressNulls)]);
    }
  }
  return { entries };
}

function objectOutput(frame: Frame, object: ApexObject, suppressNulls: boolean): JsonOutput {
  const entries: [string, JsonOutput][] = [];
  for (const cls of [...object.cls.lineage()].reverse()) {
    const decl = cls.decl;
    if (!decl) continue;
    for (const member of decl.members) {
      if (
        (member.kind !== 'field' && member.kind !== 'property') ||
        member.modifiers.isStatic ||
        member.modifiers.isTransient
      ) {
        continue;
      }
      const names = member.kind === 'field' ? member.declarators.map((d) => d.name) : [member.name];
      for (const name of names) {
        const value = getMember(frame, object, name);
        if (suppressNulls && value === null) continue;
        entries.push([name, toJsonOutput(frame, value, suppressNulls)]);
      }
    }
  }
  return { entries };
}

function untyped(node: JsonNode): unknown {
  switch (node.kind) {
    case 'null':
      return null;
    case 'boolean':
      return node.value;
    case 'string':
      return node.value;
    case 'number':
      return numberOf(node.text, OBJECT_TYPE);
    case 'array':
      return new ApexList(OBJECT_TYPE, node.items.map(untyped));
    case 'object': {
      const map = new ApexMap(STRING_TYPE, OBJECT_TYPE);
      for (const [key, value] of node.entries) map.set(key, untyped(value));
      return map;
    }
  }
}

/** A JSON number as the target type; untyped numbers are Integers, Longs or Decimals. */
function numberOf(text: string, type: TypeRef): unknown {
  const integral = /^-?\d+$/.test(text);
  switch (type.name) {
    case 'Integer':
      return integral ? Number(text) | 0 : Number(ApexDecimal.parse(text).truncated());
    case 'Long':
      return integral ? BigInt(text) : ApexDecimal.parse(text).truncated();
    case 'Double':
      return new ApexDouble(Number(text));
    case 'String':
      return text;
    case 'Decimal':
      return ApexDecimal.parse(text);
  }
  if (integral) {
    const value = BigInt(text);
    return value >= -2147483648n && value <= 2147483647n ? Number(value) : value;
  }
  return ApexDecimal.parse(text);
}

function mismatch(node: JsonNode, type: TypeRef): ApexRuntimeError {
  return new ApexRuntimeError(
    'System.JSONException',
    `Cannot deserialize a JSON ${node.kind} into ${type.name}`
  );
}

/** A JSON tree as a value of `type`. */
export function fromJson(frame: Frame, node: JsonNode, type: TypeRef, strict: boolean): unknown {
  if (node.kind === 'null') return null;
  const program = frame.ctx.interpreter.program;
  switch (type.name) {
    case 'Object':
      return untyped(node);
    case 'String':
      if (node.kind === 'string') return node.value;
      if (node.kind === 'number') return node.text;
      if (node.kind === 'boolean') return String(node.value);
      throw mismatch(node, type);
    case 'Id': {
      if (node.kind !== 'string') throw mismatch(node, type);
      const id = toId18(node.value);
      if (!id) throw new ApexRuntimeError('System.JSONException', `Invalid id: ${node.value}`);
      return id;
    }
    case 'Boolean':
      if (node.kind === 'boolean') return node.value;
      if (node.kind === 'string') return node.value.toLowerCase() === 'true';
      throw mismatch(node, type);
    case 'Integer':
    case 'Long':
    case 'Double':
    case 'Decimal':
      if (node.kind === 'number') return numberOf(node.text, type);
      if (node.kind === 'string' && /^-?\d+(\.\d+)?$/.test(node.value))
        return numberOf(node.value, type);
      throw mismatch(node, type);
    case 'Date':
      if (node.kind !== 'string') throw mismatch(node, type);
      return ApexDate.parseIso(node.value);
    case 'Datetime':
      if (node.kind !== 'string') throw mismatch(node, type);
      return ApexDatetime.parseIso(
        node.value.length === 10 ? `${node.value}T00:00:00Z` : node.value
      );
    case 'Time': {
      if (node.kind !== 'string') throw mismatch(node, type);
      const match = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z?$/.exec(node.value);
      if (!match) throw mismatch(node, type);
      return ApexTime.of(
        Number(match[1]),
        Number(match[2]),
        Number(match[3]),
        Number((match[4] ?? '0').padEnd(3, '0'))
      );
    }
    case 'Blob':
      if (node.kind !== 'string') throw mismatch(node, type);
      return new ApexBlob(new Uint8Array(Buffer.from(node.value, 'base64')));
    case 'List':
    case 'Set': {
      if (node.kind !== 'array') throw mismatch(node, type);
      const element = type.args[0] ?? OBJECT_TYPE;
      const items = node.items.map((item) => fromJson(frame, item, element, strict));
      return type.name === 'List' ? new ApexList(element, items) : new ApexSet(element, items);
    }
    case 'Map': {
      if (node.kind !== 'object') throw mismatch(node, type);
      const [keyType, valueType] = [type.args[0] ?? STRING_TYPE, type.args[1] ?? OBJECT_TYPE];
      const map = new ApexMap(keyType, valueType);
      for (const [key, value] of node.entries) {
        map.set(
          fromJson(frame, { kind: 'string', value: key }, keyType, strict),
          fromJson(frame, value, valueType, strict)
        );
      }
      return map;
    }
  }
  if (type.name === 'SObject' || program.schema.object(type.name))
    return sobjectFromJson(frame, node, type, strict);
  const cls = program.classNamed(type.name);
  if (cls) {
    if (cls.kind === 'enum') {
      if (node.kind !== 'string') throw mismatch(node, type);
      return cls.enumValues.find((value) => value.name === node.value) ?? null;
    }
    if (node.kind !== 'object') throw mismatch(node, type);
    const object = new ApexObject(cls);
    const interpreter = frame.ctx.interpreter;
    interpreter.ensureStatics(frame.ctx, cls, frame);
    for (const member of [...cls.lineage()].reverse())
      interpreter.initializeInstance(frame, member, object);
    for (const [key, value] of node.entries) {
      const field = cls.findField(key);
      const property = cls.findProperty(key);
      const memberType =
        field && !field.isStatic
          ? field.type
          : property && !property.isStatic
            ? property.type
            : undefined;
      if (!memberType) {
        if (strict)
          throw new ApexRuntimeError(
            'System.JSONException',
            `No such column '${key}' on ${cls.name}`
          );
        continue;
      }
      setMember(
        frame,
        object,
        field?.name ?? (property?.name as string),
        fromJson(frame, value, memberType, strict)
      );
    }
    return object;
  }
  const platformEnum = nativeType(type.name);
  if (platformEnum && platformEnum.enumConstants.length > 0) {
    if (node.kind !== 'string') throw mismatch(node, type);
    return platformEnum.enumConstants.find((value) => value.name === node.value) ?? null;
  }
  throw new NotSupportedOfflineError(`deserializing JSON into ${type.name}`);
}

function sobjectFromJson(
  frame: Frame,
  node: JsonNode,
  type: TypeRef,
  strict: boolean
): SObjectValue {
  if (node.kind !== 'object') throw mismatch(node, type);
  const schema = frame.ctx.interpreter.program.schema;
  let objectName = type.name;
  const attributes = node.entries.find(([key]) => key === 'attributes')?.[1];
  if (attributes?.kind === 'object') {
    const declared = attributes.entries.find(([key]) => key === 'type')?.[1];
    if (declared?.kind === 'string') objectName = declared.value;
  }
  const object = schema.object(objectName);
  if (!object)
    throw new ApexRuntimeError(
      'System.JSONException',
      `Cannot deserialize into SObject without a type`
    );
  const record = new SObjectValue(object);
  for (const [key, value] of node.entries) {
    if (key === 'attributes') continue;
    const field = schema.field(object.name, key);
    if (field) {
      const fieldType = typeNamed(field.apexType === 'Object' ? 'Object' : field.apexType);
      record.set(field.name, coerce(fromJson(frame, value, fieldType, strict), fieldType));
      continue;
    }
    const parent = schema.relationship(object.name, key);
    if (parent?.relationshipName) {
      record.set(
        parent.relationshipName,
        sobjectFromJson(frame, value, typeNamed(parent.referenceTo[0] ?? 'SObject'), strict)
      );
      continue;
    }
    const child = schema.childRelationship(object.name, key);
    if (child && value.kind === 'object') {
      const records = value.entries.find(([name]) => name === 'records')?.[1];
      const childType = typeNamed(child.childObject);
      const items =
        records?.kind === 'array'
          ? records.items.map((item) => sobjectFromJson(frame, item, childType, strict))
          : [];
      record.set(child.relationshipName, new ApexList(childType, items));
      continue;
    }
    throw new ApexRuntimeError(
      'System.JSONException',
      `No such column '${key}' on sobject of type ${object.name}`
    );
  }
  return record;
}

function typeArgument(value: unknown): TypeRef {
  if (value === null || value === undefined) throw nullPointer();
  const type = (value as TypeToken).type;
  if (!type) throw new ApexRuntimeError('System.JSONException', 'Cannot deserialize into void');
  return type;
}

function serialize(frame: Frame, args: unknown[], pretty: boolean): string {
  return writeJson(toJsonOutput(frame, args[0], args[1] === true), pretty);
}

defineNative({
  name: 'JSON',
  aliases: ['System.JSON'],
  statics: {
    serialize: (frame, args) => serialize(frame, args, false),
    serializepretty: (frame, args) => serialize(frame, args, true),
    deserialize: (frame, args) => {
      if (args[0] === null || args[0] === undefined) throw nullPointer();
      return fromJson(frame, parseJson(String(args[0])), typeArgument(args[1]), false);
    },
    deserializestrict: (frame, args) => {
      if (args[0] === null || args[0] === undefined) throw nullPointer();
      return fromJson(frame, parseJson(String(args[0])), typeArgument(args[1]), true);
    },
    deserializeuntyped: (_frame, args) => {
      if (args[0] === null || args[0] === undefined) throw nullPointer();
      return untyped(parseJson(String(args[0])));
    }
  }
});

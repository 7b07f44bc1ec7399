/**
 * Reading and writing fields of SObjects, as Apex does: a record built by a query throws when a
 * field it did not select is read; a record built in Apex reads unset fields as null; parent
 * records are reached by relationship name; values are converted to the field's type on write;
 * computed and system fields cannot be written; Trigger records of after triggers are read-only.
 */
import type { FieldDescribe } from '../metadata/schema';
import { ApexRuntimeError } from '../stdlib/apexErrors';
import { SObjectValue } from '../values/sobject';
import { typeNamed } from '../values/typeRef';
import type { Frame } from './frame';
import { coerce, isInstanceOf, runtimeTypeName } from './typeSystem';

function schemaOf(frame: Frame) {
  return frame.ctx.interpreter.program.schema;
}

/** `new Account()`: an empty record of an object. */
export function newRecord(frame: Frame, objectName: string): SObjectValue {
  const object = schemaOf(frame).object(objectName);
  if (!object) throw new ApexRuntimeError('System.TypeException', `Invalid type: ${objectName}`);
  return new SObjectValue(object);
}

function notQueried(record: SObjectValue, name: string): ApexRuntimeError {
  return new ApexRuntimeError(
    'System.SObjectException',
    `SObject row was retrieved via SOQL without querying the requested field: ${record.type.name}.${name}`
  );
}

function invalidField(record: SObjectValue, name: string): ApexRuntimeError {
  return new ApexRuntimeError(
    'System.SObjectException',
    `Invalid field ${name} for ${record.type.name}`
  );
}

/** `record.Name`, `record.Account`, `record.get('Name')`. */
export function readField(frame: Frame, record: SObjectValue, name: string): unknown {
  if (record.has(name)) return record.get(name) ?? null;
  const schema = schemaOf(frame);
  const objectName = record.type.name;
  if (record.type.name === 'AggregateResult') throw invalidField(record, name);
  const field = schema.field(objectName, name);
  if (field) {
    if (record.fromQuery && field.name !== 'Id') throw notQueried(record, field.name);
    return null;
  }
  if (schema.relationship(objectName, name)) return null;
  const child = schema.childRelationship(objectName, name);
  if (child) {
    if (record.fromQuery) throw notQueried(record, child.relationshipName);
    return null;
  }
  throw invalidField(record, name);
}

/** Whether Apex code may set the field (system and computed fields may not). */
export function isWriteable(field: FieldDescribe): boolean {
  return field.name === 'Id' || field.createable || field.updateable;
}

/** `record.Name = value`, `record.put('Name', value)`. */
export function writeField(
  frame: Frame,
  record: SObjectValue,
  name: string,
  value: unknown
): unknown {
  if (record.readOnly) {
    throw new ApexRuntimeError('System.FinalException', 'Record is read-only');
  }
  const schema = schemaOf(frame);
  const objectName = record.type.name;
  const field = schema.field(objectName, name);
  if (!field) {
    const relationship = schema.relationship(objectName, name);
    if (relationship) {
      record.set(relationship.relationshipName ?? name, value);
      return value;
    }
    const child = schema.childRelationship(objectName, name);
    if (child) {
      record.set(child.relationshipName, value);
      return value;
    }
    throw invalidField(record, name);
  }
  if (!isWriteable(field)) {
    throw new ApexRuntimeError(
      'System.SObjectException',
      `Field is not writeable: ${objectName}.${field.name}`
    );
  }
  if (field.apexType === 'Object') {
    record.set(field.name, value);
    return value;
  }
  const type = typeNamed(field.apexType);
  const converted = coerce(value, type);
  if (converted !== null && !isInstanceOf(frame.ctx.interpreter.program, converted, type)) {
    // What `put` with a value of another type raises (a static assignment is a compile error).
    throw new ApexRuntimeError(
      'System.SObjectException',
      `Illegal assignment from ${runtimeTypeName(converted)} to ${field.apexType}`
    );
  }
  record.set(field.name, converted);
  return converted;
}

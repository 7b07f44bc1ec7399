/**
 * Methods of every SObject (Apex Reference, "SObject Class"): get and put by name or field token,
 * parent and child records, addError (on trigger records it fails the record's save),
 * getErrors, clone, getPopulatedFieldsAsMap, isSet, getSObjectType.
 */
import { ApexRuntimeError } from '../stdlib/apexErrors';
import { ApexList, ApexMap } from '../values/collections';
import { SObjectValue } from '../values/sobject';
import { OBJECT_TYPE, STRING_TYPE, typeNamed } from '../values/typeRef';
import type { Frame } from '../interpreter/frame';
import { defineNative } from '../interpreter/nativeTypes';
import { nullPointer } from '../interpreter/operators';
import { readField, writeField } from '../interpreter/sobjectFields';
import { toText } from '../interpreter/dispatch';
import { SObjectFieldToken, sobjectTypeToken } from './schemaTokens';
import { DatabaseError } from './database';
import { dmlError } from '../execution/dmlTypes';

function fieldName(value: unknown): string {
  if (value instanceof SObjectFieldToken) return value.field.name;
  if (value === null || value === undefined) throw nullPointer();
  return String(value);
}

/** The record's fields read by relationship name; `get('Account.Name')` is refused as in Apex. */
function get(frame: Frame, record: SObjectValue, name: string): unknown {
  if (name.includes('.')) {
    throw new ApexRuntimeError(
      'System.SObjectException',
      `Invalid field ${name} for ${record.type.name}`
    );
  }
  return readField(frame, record, name);
}

const READ_ONLY_TIMESTAMPS = [
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp'
];

defineNative({
  name: 'SObject',
  aliases: ['Schema.SObject'],
  isInstance: (value) => value instanceof SObjectValue,
  methods: {
    get: (frame, self: SObjectValue, args) => get(frame, self, fieldName(args[0])),
    put: (frame, self: SObjectValue, args) => {
      const name = fieldName(args[0]);
      const previous = self.has(name) ? self.get(name) : null;
      writeField(frame, self, name, args[1]);
      return previous ?? null;
    },
    getsobject: (frame, self: SObjectValue, args) => {
      const value = get(frame, self, fieldName(args[0]));
      if (value !== null && !(value instanceof SObjectValue)) {
        throw new ApexRuntimeError(
          'System.SObjectException',
          `Invalid relationship ${fieldName(args[0])} for ${self.type.name}`
        );
      }
      return value;
    },
    getsobjects: (frame, self: SObjectValue, args) => {
      const value = get(frame, self, fieldName(args[0]));
      if (value !== null && !(value instanceof ApexList)) {
        throw new ApexRuntimeError(
          'System.SObjectException',
          `Invalid relationship ${fieldName(args[0])} for ${self.type.name}`
        );
      }
      return value;
    },
    putsobject: (frame, self: SObjectValue, args) => {
      const name = fieldName(args[0]);
      const previous = self.has(name) ? self.get(name) : null;
      writeField(frame, self, name, args[1]);
      return previous ?? null;
    },
    getsobjecttype: (_frame, self: SObjectValue) => sobjectTypeToken(self.type),
    adderror: (frame, self: SObjectValue, args) => {
      if (
        args.length >= 2 &&
        (typeof args[0] === 'string' || args[0] instanceof SObjectFieldToken) &&
        typeof args[1] === 'string'
      ) {
        self.errors.push({ message: args[1], fields: [fieldName(args[0])] });
      } else {
        const message = args[0];
        self.errors.push({
          message: message instanceof Error ? message.message : toText(frame, message),
          fields: []
        });
      }
      return null;
    },
    haserrors: (_frame, self: SObjectValue) => self.errors.length > 0,
    geterrors: (_frame, self: SObjectValue) =>
      new ApexList(
        typeNamed('Database.Error'),
        self.errors.map(
          (error) =>
            new DatabaseError(
              dmlError('FIELD_CUSTOM_VALIDATION_EXCEPTION', error.message, error.fields)
            )
        )
      ),
    clone: (_frame, self: SObjectValue, args) => {
      const [preserveId = false, deep = false, preserveTimestamps = false] = args as boolean[];
      const copy = self.copy(false);
      if (!preserveId) copy.remove('Id');
      if (!preserveTimestamps) READ_ONLY_TIMESTAMPS.forEach((name) => copy.remove(name));
      if (deep) {
        for (const entry of copy.populated()) {
          if (entry.value instanceof SObjectValue) copy.set(entry.name, entry.value.copy(false));
        }
      }
      return copy;
    },
    getpopulatedfieldsasmap: (_frame, self: SObjectValue) => {
      const map = new ApexMap(STRING_TYPE, OBJECT_TYPE);
      for (const entry of self.populated()) map.set(entry.name, entry.value);
      return map;
    },
    isset: (_frame, self: SObjectValue, args) => self.has(fieldName(args[0])),
    getquickactionname: () => null,
    isclone: () => false
  }
});

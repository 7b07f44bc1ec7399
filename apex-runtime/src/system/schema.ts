/**
 * Schema describes (Apex Reference, "Schema Namespace"): SObjectType and SObjectField tokens,
 * DescribeSObjectResult and DescribeFieldResult from the org's schema, picklist entries, child
 * relationships, Schema.getGlobalDescribe and Schema.SObjectType.X.fields.Y. Access checks
 * (isAccessible, isCreateable, isUpdateable...) answer for the running user.
 */
import type {
  ChildRelationshipDescribe,
  FieldDescribe,
  ObjectDescribe,
  PicklistEntry
} from '../metadata/schema';
import { ApexRuntimeError } from '../stdlib/apexErrors';
import { ApexList, CaseInsensitiveKeyMap } from '../values/collections';
import { SObjectValue } from '../values/sobject';
import { STRING_TYPE, typeNamed } from '../values/typeRef';
import type { Frame } from '../interpreter/frame';
import { defineNative, nativeEnum, NativeObject } from '../interpreter/nativeTypes';
import { nullPointer } from '../interpreter/operators';
import { coerce } from '../interpreter/typeSystem';
import { sessionOf } from '../execution/session';
import {
  SObjectFieldToken,
  SObjectTypeToken,
  sobjectFieldToken,
  sobjectTypeToken
} from './schemaTokens';

export class DescribeSObject extends NativeObject {
  readonly apexType = 'DescribeSObjectResult';

  constructor(readonly object: ObjectDescribe) {
    super();
  }
}

export class DescribeField extends NativeObject {
  readonly apexType = 'DescribeFieldResult';

  constructor(
    readonly object: ObjectDescribe,
    readonly field: FieldDescribe
  ) {
    super();
  }
}

/** `describe.fields`: the fields by name, and getMap(). */
class FieldsOfObject extends NativeObject {
  readonly apexType = 'Schema.FieldsMap';

  constructor(readonly object: ObjectDescribe) {
    super();
  }
}

class Picklist extends NativeObject {
  readonly apexType = 'PicklistEntry';

  constructor(readonly entry: PicklistEntry) {
    super();
  }
}

class ChildRelationship extends NativeObject {
  readonly apexType = 'ChildRelationship';

  constructor(readonly relationship: ChildRelationshipDescribe) {
    super();
  }
}

const describes = new WeakMap<ObjectDescribe, DescribeSObject>();
const fieldDescribes = new WeakMap<FieldDescribe, DescribeField>();

function describeOf(object: ObjectDescribe): DescribeSObject {
  let describe = describes.get(object);
  if (!describe) {
    describe = new DescribeSObject(object);
    describes.set(object, describe);
  }
  return describe;
}

function fieldDescribeOf(object: ObjectDescribe, field: FieldDescribe): DescribeField {
  let describe = fieldDescribes.get(field);
  if (!describe) {
    describe = new DescribeField(object, field);
    fieldDescribes.set(field, describe);
  }
  return describe;
}

function schemaOf(frame: Frame) {
  return frame.ctx.interpreter.program.schema;
}

function userAccess(frame: Frame) {
  return sessionOf(frame).org.userAccess(frame.ctx.user.id);
}

defineNative({
  name: 'DisplayType',
  aliases: ['Schema.DisplayType'],
  enumValues: [
    'ADDRESS',
    'ANYTYPE',
    'BASE64',
    'BOOLEAN',
    'COMBOBOX',
    'CURRENCY',
    'DATACATEGORYGROUPREFERENCE',
    'DATE',
    'DATETIME',
    'DOUBLE',
    'EMAIL',
    'ENCRYPTEDSTRING',
    'ID',
    'INTEGER',
    'LOCATION',
    'LONG',
    'MULTIPICKLIST',
    'PERCENT',
    'PHONE',
    'PICKLIST',
    'REFERENCE',
    'STRING',
    'TEXTAREA',
    'TIME',
    'URL'
  ]
});

defineNative({
  name: 'SObjectDescribeOptions',
  aliases: ['Schema.SObjectDescribeOptions'],
  enumValues: ['DEFAULT', 'DEFERRED', 'FULL']
});

defineNative({
  name: 'SObjectType',
  aliases: ['Schema.SObjectType'],
  // Schema.SObjectType.Account is Account's describe.
  staticProperty: (frame, name) => {
    const object = schemaOf(frame).object(name);
    if (!object) throw new ApexRuntimeError('System.UnexpectedException', `Invalid type: ${name}`);
    return describeOf(object);
  },
  methods: {
    getdescribe: (_frame, self: SObjectTypeToken) => describeOf(self.object),
    newsobject: (frame, self: SObjectTypeToken, args) => {
      const record = new SObjectValue(self.object);
      if (args.length > 0 && args[0] !== null) record.set('Id', coerce(args[0], typeNamed('Id')));
      void frame;
      return record;
    },
    tostring: (_frame, self: SObjectTypeToken) => self.object.name,
    equals: (_frame, self: SObjectTypeToken, args) => self === args[0],
    hashcode: (_frame, self: SObjectTypeToken) => self.object.keyPrefix.charCodeAt(0)
  }
});

defineNative({
  name: 'SObjectField',
  aliases: ['Schema.SObjectField'],
  methods: {
    getdescribe: (_frame, self: SObjectFieldToken) => fieldDescribeOf(self.object, self.field),
    tostring: (_frame, self: SObjectFieldToken) => self.field.name,
    equals: (_frame, self: SObjectFieldToken, args) => self === args[0]
  },
  // X__Share.RowCause.Reason__c: the API name of an Apex sharing reason.
  property: (_frame, self: SObjectFieldToken, name) => {
    if (self.field.name !== 'RowCause')
      throw new ApexRuntimeError('System.UnexpectedException', `Variable does not exist: ${name}`);
    const entry = self.field.picklistValues.find(
      (value) => value.value.toLowerCase() === name.toLowerCase()
    );
    if (!entry)
      throw new ApexRuntimeError('System.UnexpectedException', `Variable does not exist: ${name}`);
    return entry.value;
  }
});

defineNative({
  name: 'DescribeSObjectResult',
  aliases: ['Schema.DescribeSObjectResult'],
  properties: { fields: (_frame, self: DescribeSObject) => new FieldsOfObject(self.object) },
  methods: {
    getname: (_frame, self: DescribeSObject) => self.object.name,
    getlocalname: (_frame, self: DescribeSObject) => self.object.name,
    getlabel: (frame, self: DescribeSObject) =>
      translationOf(frame, self.object.name)?.label ?? self.object.label,
    getlabelplural: (frame, self: DescribeSObject) =>
      translationOf(frame, self.object.name)?.labelPlural ?? self.object.labelPlural,
    getkeyprefix: (_frame, self: DescribeSObject) => self.object.keyPrefix,
    getsobjecttype: (_frame, self: DescribeSObject) => sobjectTypeToken(self.object),
    iscustom: (_frame, self: DescribeSObject) => self.object.custom,
    iscustomsetting: (_frame, self: DescribeSObject) => self.object.customSetting,
    isaccessible: (frame, self: DescribeSObject) => userAccess(frame).canRead(self.object.name),
    iscreateable: (frame, self: DescribeSObject) => userAccess(frame).canCreate(self.object.name),
    isupdateable: (frame, self: DescribeSObject) => userAccess(frame).canEdit(self.object.name),
    isdeletable: (frame, self: DescribeSObject) => userAccess(frame).canDelete(self.object.name),
    isqueryable: (frame, self: DescribeSObject) => userAccess(frame).canRead(self.object.name),
    getchildrelationships: (_frame, self: DescribeSObject) =>
      new ApexList(
        typeNamed('ChildRelationship'),
        self.object.childRelationships.map((relationship) => new ChildRelationship(relationship))
      )
  }
});

defineNative({
  name: 'Schema.FieldsMap',
  methods: {
    getmap: (_frame, self: FieldsOfObject) => {
      // Lower-case keys, read case-insensitively (Apex Reference, "DescribeSObjectResult", fields).
      const map = new CaseInsensitiveKeyMap(STRING_TYPE, typeNamed('SObjectField'));
      for (const field of self.object.fields)
        map.set(field.name.toLowerCase(), sobjectFieldToken(self.object, field));
      return map;
    }
  },
  property: (frame, self: FieldsOfObject, name) => {
    const field = schemaOf(frame).field(self.object.name, name);
    if (!field)
      throw new ApexRuntimeError(
        'System.UnexpectedException',
        `Invalid field ${name} for ${self.object.name}`
      );
    return fieldDescribeOf(self.object, field);
  }
});

/**
 * The object's translation into the running user's language: describes answer labels "in the
 * user's language" where the Translation Workbench holds a translation, else the default text.
 */
function translationOf(frame: Frame, objectName: string) {
  return sessionOf(frame).org.project.translations.object(frame.ctx.user.language, objectName);
}

function displayType(field: FieldDescribe) {
  return nativeEnum('DisplayType', field.displayType);
}

defineNative({
  name: 'DescribeFieldResult',
  aliases: ['Schema.DescribeFieldResult'],
  methods: {
    getname: (_frame, self: DescribeField) => self.field.name,
    getlocalname: (_frame, self: DescribeField) => self.field.name,
    getlabel: (frame, self: DescribeField) =>
      translationOf(frame, self.object.name)?.fields.get(self.field.name)?.label ??
      self.field.label,
    gettype: (_frame, self: DescribeField) => displayType(self.field),
    getlength: (_frame, self: DescribeField) => self.field.length ?? 0,
    getprecision: (_frame, self: DescribeField) => self.field.precision ?? 0,
    getscale: (_frame, self: DescribeField) => self.field.scale ?? 0,
    getdigits: (_frame, self: DescribeField) =>
      self.field.apexType === 'Integer' ? (self.field.precision ?? 0) : 0,
    getpicklistvalues: (frame, self: DescribeField) => {
      const labels = translationOf(frame, self.object.name)?.fields.get(
        self.field.name
      )?.picklistValues;
      return new ApexList(
        typeNamed('PicklistEntry'),
        self.field.picklistValues.map(
          (entry) => new Picklist({ ...entry, label: labels?.get(entry.label) ?? entry.label })
        )
      );
    },
    getreferenceto: (frame, self: DescribeField) =>
      new ApexList(
        typeNamed('SObjectType'),
        self.field.referenceTo.flatMap((name) => {
          const object = schemaOf(frame).object(name);
          return object ? [sobjectTypeToken(object)] : [];
        })
      ),
    getrelationshipname: (_frame, self: DescribeField) => self.field.relationshipName ?? null,
    getsobjecttype: (_frame, self: DescribeField) => sobjectTypeToken(self.object),
    getsobjectfield: (_frame, self: DescribeField) => sobjectFieldToken(self.object, self.field),
    getcalculatedformula: (_frame, self: DescribeField) => self.field.formula ?? null,
    getdefaultvalueformula: (_frame, self: DescribeField) => self.field.defaultValueFormula ?? null,
    isaccessible: (frame, self: DescribeField) =>
      userAccess(frame).fieldReadable(self.object.name, self.field.name),
    iscreateable: (frame, self: DescribeField) =>
      self.field.createable && userAccess(frame).fieldEditable(self.object.name, self.field.name),
    isupdateable: (frame, self: DescribeField) =>
      self.field.updateable && userAccess(frame).fieldEditable(self.object.name, self.field.name),
    iscalculated: (_frame, self: DescribeField) =>
      self.field.formula !== undefined || self.field.rollup !== undefined,
    iscustom: (_frame, self: DescribeField) => self.field.custom,
    isnillable: (_frame, self: DescribeField) => self.field.nillable,
    isunique: (_frame, self: DescribeField) => self.field.unique,
    isexternalid: (_frame, self: DescribeField) => self.field.externalId,
    iscasesensitive: (_frame, self: DescribeField) => self.field.caseSensitive,
    isdefaultedoncreate: (_frame, self: DescribeField) => self.field.defaultedOnCreate,
    isrestrictedpicklist: (_frame, self: DescribeField) => self.field.restrictedPicklist,
    iscascadedelete: (_frame, self: DescribeField) => self.field.masterDetail,
    isnamefield: (_frame, self: DescribeField) => self.field.name === 'Name'
  }
});

defineNative({
  name: 'PicklistEntry',
  aliases: ['Schema.PicklistEntry'],
  methods: {
    getvalue: (_frame, self: Picklist) => self.entry.value,
    getlabel: (_frame, self: Picklist) => self.entry.label,
    isactive: (_frame, self: Picklist) => self.entry.active,
    isdefaultvalue: (_frame, self: Picklist) => self.entry.defaultValue
  }
});

defineNative({
  name: 'ChildRelationship',
  aliases: ['Schema.ChildRelationship'],
  methods: {
    getchildsobject: (frame, self: ChildRelationship) => {
      const object = schemaOf(frame).object(self.relationship.childObject);
      if (!object) throw nullPointer();
      return sobjectTypeToken(object);
    },
    getfield: (frame, self: ChildRelationship) => {
      const schema = schemaOf(frame);
      const object = schema.object(self.relationship.childObject);
      const field = object ? schema.field(object.name, self.relationship.field) : undefined;
      if (!object || !field) throw nullPointer();
      return sobjectFieldToken(object, field);
    },
    getrelationshipname: (_frame, self: ChildRelationship) => self.relationship.relationshipName,
    iscascadedelete: (_frame, self: ChildRelationship) => self.relationship.cascadeDelete
  }
});

defineNative({
  name: 'Schema',
  statics: {
    getglobaldescribe: (frame) => {
      const map = new CaseInsensitiveKeyMap(STRING_TYPE, typeNamed('SObjectType'));
      for (const object of schemaOf(frame).objects.values())
        map.set(object.name.toLowerCase(), sobjectTypeToken(object));
      return map;
    },
    describesobjects: (frame, args) => {
      const names = args[0];
      if (!(names instanceof ApexList)) throw nullPointer();
      return new ApexList(
        typeNamed('DescribeSObjectResult'),
        names.items.map((name) => {
          const object = schemaOf(frame).object(String(name));
          if (!object)
            throw new ApexRuntimeError(
              'System.InvalidParameterValueException',
              `Invalid sObject type: ${String(name)}`
            );
          return describeOf(object);
        })
      );
    }
  }
});

/**
 * What `getObjectInfo` and `getPicklistValuesByRecordType` answer: each object's fields with
 * labels, UI API data types, help text, editability and picklist values, read from the object
 * metadata (custom fields) and standardFields.json plus a checked-in list of standard labels; the
 * standard picklists' values (not in the package's metadata) come from the Apex runtime's
 * standard object catalogue, their one home. Any other standard object (OpportunityContactRole,
 * a related list's child) is described from the runtime's schema, when the caller gives it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FieldInfo, ObjectInfo, PicklistValue } from 'lightning/uiObjectInfoApi';
import { children, readMetadataFile, text } from '../../model/metadataFile';
import { DEFAULT_OBJECTS_DIR } from '../../org/embeddedOrg';
import standard from './standardPicklists.json';
import { standardPicklistValues } from '../../../apex-runtime/src/metadata/standardCatalogue';
import { readGlobalValueSets } from '../../../apex-runtime/src/metadata/globalValueSets';
import type {
  DisplayType,
  ObjectDescribe,
  OrgSchema
} from '../../../apex-runtime/src/metadata/schema';
import standardFields from '../../formula/standardFields.json';

/** The master record type Id every org has; the package defines no record types. */
export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

/** UI API `dataType` of each Metadata API field type. */
const DATA_TYPE: Readonly<Record<string, string>> = {
  Id: 'Id',
  Text: 'String',
  TextArea: 'TextArea',
  LongTextArea: 'TextArea',
  Html: 'TextArea',
  Number: 'Double',
  Currency: 'Currency',
  Percent: 'Percent',
  Date: 'Date',
  DateTime: 'DateTime',
  Checkbox: 'Boolean',
  Picklist: 'Picklist',
  MultiselectPicklist: 'MultiPicklist',
  Lookup: 'Reference',
  MasterDetail: 'Reference',
  Email: 'Email',
  Phone: 'Phone',
  Url: 'Url',
  Summary: 'Double',
  AutoNumber: 'String'
};

/** Standard fields the platform computes or audits: never editable. */
const SYSTEM_FIELDS = new Set([
  'Id',
  'IsClosed',
  'IsWon',
  'IsDeleted',
  'LastActivityDate',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
  'ExpectedRevenue',
  'FiscalYear',
  'FiscalQuarter',
  'LastStageChangeDate',
  'HasOpenActivity',
  'HasOverdueTask',
  'Name'
]);

/** An object's describe, the same for every user (objectInfoForUser adds what one user may do). */
export interface WorkbenchObjectInfo extends Omit<ObjectInfo, 'createable'> {
  label: string;
  /** The plural label (Opportunity Contact Role's is its singular, as the org has it). */
  labelPlural?: string;
  fields: Record<
    string,
    FieldInfo & {
      picklistValues?: PicklistValue[];
      referenceTo?: string;
      htmlFormatted?: boolean;
      /** Whether a new record may set the field (a create-only lookup may, but not later). */
      createable?: boolean;
    }
  >;
}

function labelFromApiName(apiName: string): string {
  return apiName
    .replace(/__c$/, '')
    .replace(/Id$/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim();
}

/** The standard objects name their name and owner after themselves: "Opportunity Name". */
const OWN_NAMED_FIELDS: Readonly<Record<string, string>> = { Name: 'Name', OwnerId: 'Owner' };

function standardFieldLabel(objectApiName: string, apiName: string): string {
  if (OWN_NAMED_FIELDS[apiName]) return `${objectApiName} ${OWN_NAMED_FIELDS[apiName]}`;
  return (standard.labels as Record<string, string>)[apiName] ?? labelFromApiName(apiName);
}

function options(values: readonly string[]): PicklistValue[] {
  return values.map((value) => ({ label: value, value }));
}

type StandardFieldsFile = Record<
  string,
  { fields?: Record<string, { type: string; referenceTo?: string }> } | string
>;

/** The values of a global value set, from globalValueSets/ beside the objects folder. */
function globalValueSetValues(objectsDir: string, name: string): string[] {
  const dir = join(objectsDir, '..', 'globalValueSets');
  const values = readGlobalValueSets(dir).get(name);
  if (!values) throw new Error(`${dir}: the global value set ${name} is missing`);
  return values.map((value) => value.fullName);
}

/** UI API `dataType` of each describe type (`Schema.DisplayType`). */
const DATA_TYPE_OF_DISPLAY_TYPE: Readonly<Record<DisplayType, string>> = {
  ID: 'Id',
  REFERENCE: 'Reference',
  STRING: 'String',
  TEXTAREA: 'TextArea',
  PICKLIST: 'Picklist',
  MULTIPICKLIST: 'MultiPicklist',
  BOOLEAN: 'Boolean',
  INTEGER: 'Int',
  LONG: 'Long',
  DOUBLE: 'Double',
  CURRENCY: 'Currency',
  PERCENT: 'Percent',
  DATE: 'Date',
  DATETIME: 'DateTime',
  TIME: 'Time',
  EMAIL: 'Email',
  PHONE: 'Phone',
  URL: 'Url',
  BASE64: 'Base64',
  ANYTYPE: 'AnyType',
  COMBOBOX: 'ComboBox'
};

/**
 * A standard object as the runtime's schema describes it: its label, plural label and fields
 * (labels, types, picklist values, lookups, createable and updateable). A lookup reads as its
 * target ("Contact", not "Contact ID"), as Lightning labels the column.
 */
export function describeFromSchema(object: ObjectDescribe): WorkbenchObjectInfo {
  const fields: WorkbenchObjectInfo['fields'] = {};
  for (const field of object.fields) {
    const reference = field.displayType === 'REFERENCE';
    const picklist = field.picklistValues.filter((entry) => entry.active);
    fields[field.name] = {
      apiName: field.name,
      label: reference ? field.label.replace(/ ID$/, '') : field.label,
      dataType: DATA_TYPE_OF_DISPLAY_TYPE[field.displayType],
      updateable: field.updateable,
      createable: field.createable,
      required: field.required && field.createable && !field.defaultedOnCreate,
      inlineHelpText: null,
      ...(field.length !== undefined ? { length: field.length } : {}),
      ...(field.scale !== undefined ? { scale: field.scale } : {}),
      ...(picklist.length
        ? { picklistValues: picklist.map((entry) => ({ label: entry.label, value: entry.value })) }
        : {}),
      ...(reference && field.referenceTo[0] ? { referenceTo: field.referenceTo[0] } : {})
    };
  }
  return {
    apiName: object.name,
    label: object.label,
    labelPlural: object.labelPlural,
    defaultRecordTypeId: MASTER_RECORD_TYPE_ID,
    fields
  };
}

/**
 * Describes one object, or returns undefined when the workbench knows nothing of it. A standard
 * object neither the package nor standardFields.json names is described from `schema`, if given.
 */
export function describeObject(
  objectApiName: string,
  objectsDir: string = DEFAULT_OBJECTS_DIR,
  schema?: OrgSchema
): WorkbenchObjectInfo | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(objectApiName)) return undefined;
  const known = describeKnownObject(objectApiName, objectsDir);
  if (known || !schema) return known;
  const object = schema.object(objectApiName);
  return object && !object.custom ? describeFromSchema(object) : undefined;
}

/** An object the package's metadata or standardFields.json describes. */
function describeKnownObject(
  objectApiName: string,
  objectsDir: string
): WorkbenchObjectInfo | undefined {
  const fields: WorkbenchObjectInfo['fields'] = {};
  // Own entries only: a name such as __proto__ or constructor is no object.
  const standardEntry = Object.hasOwn(standardFields, objectApiName)
    ? (standardFields as StandardFieldsFile)[objectApiName]
    : undefined;
  if (typeof standardEntry === 'object') {
    for (const [apiName, field] of Object.entries(standardEntry.fields ?? {})) {
      const values = standardPicklistValues(objectApiName, apiName).map((entry) => entry.value);
      const picklist = values.length > 0 ? values : undefined;
      fields[apiName] = {
        apiName,
        label: standardFieldLabel(objectApiName, apiName),
        dataType: DATA_TYPE[field.type] ?? 'String',
        updateable: !SYSTEM_FIELDS.has(apiName),
        required: apiName === 'StageName' || apiName === 'CloseDate',
        inlineHelpText: null,
        ...(picklist ? { picklistValues: options(picklist) } : {}),
        ...(field.referenceTo ? { referenceTo: field.referenceTo } : {})
      };
    }
  }
  const objectDir = join(objectsDir, objectApiName);
  let label = objectApiName;
  if (existsSync(objectDir)) {
    const objectFile = join(objectDir, `${objectApiName}.object-meta.xml`);
    if (existsSync(objectFile)) {
      const object = readMetadataFile(objectFile, 'CustomObject');
      label = text(object, 'label') ?? objectApiName;
      const nameField = children(object, 'nameField')[0];
      // An auto-number name is assigned on insert: nobody types it.
      const autoNumber = nameField !== undefined && text(nameField, 'type') === 'AutoNumber';
      if (!fields.Name) {
        fields.Name = {
          apiName: 'Name',
          label: (nameField && text(nameField, 'label')) ?? 'Name',
          dataType: 'String',
          updateable: !autoNumber,
          required: !autoNumber,
          inlineHelpText: null
        };
      }
    }
    const fieldsDir = join(objectDir, 'fields');
    for (const file of existsSync(fieldsDir) ? readdirSync(fieldsDir).sort() : []) {
      const field = readMetadataFile(join(fieldsDir, file), 'CustomField');
      const apiName = text(field, 'fullName') ?? file.replace('.field-meta.xml', '');
      const type = text(field, 'type') ?? 'Text';
      const computed = text(field, 'formula') !== undefined || type === 'Summary';
      const valueSet = children(field, 'valueSet')[0];
      const definition = valueSet ? children(valueSet, 'valueSetDefinition')[0] : undefined;
      const globalSet = valueSet ? text(valueSet, 'valueSetName') : undefined;
      const values = definition
        ? children(definition, 'value').map((value) => text(value, 'fullName') ?? '')
        : globalSet
          ? globalValueSetValues(objectsDir, globalSet)
          : [];
      const scale = text(field, 'scale');
      fields[apiName] = {
        apiName,
        label: text(field, 'label') ?? labelFromApiName(apiName),
        dataType: DATA_TYPE[type] ?? 'String',
        updateable: !computed,
        required: text(field, 'required') === 'true',
        inlineHelpText: text(field, 'inlineHelpText') ?? null,
        // Rich text: the UI API flags it, and Lightning renders it (sanitised), never as markup.
        ...(type === 'Html' ? { htmlFormatted: true } : {}),
        ...(scale !== undefined ? { scale: Number(scale) } : {}),
        ...(values.length ? { picklistValues: options(values) } : {}),
        ...(text(field, 'referenceTo') ? { referenceTo: text(field, 'referenceTo') } : {})
      };
    }
  } else if (typeof standardEntry !== 'object') {
    return undefined;
  }
  return {
    apiName: objectApiName,
    label,
    defaultRecordTypeId: MASTER_RECORD_TYPE_ID,
    fields
  };
}

/** The picklist values of every picklist field of an object (one record type: master). */
export function picklistValuesOf(info: WorkbenchObjectInfo): {
  picklistFieldValues: Record<string, { values: PicklistValue[] }>;
} {
  const picklistFieldValues: Record<string, { values: PicklistValue[] }> = {};
  for (const field of Object.values(info.fields)) {
    if (field.picklistValues) picklistFieldValues[field.apiName] = { values: field.picklistValues };
  }
  return { picklistFieldValues };
}

/** What a user may do with an object and its fields, as the org's permission sets decide. */
export interface ObjectPermissions {
  canCreate(objectName: string): boolean;
  canEdit(objectName: string): boolean;
  canDelete(objectName: string): boolean;
  fieldReadable(objectName: string, fieldName: string): boolean;
  fieldEditable(objectName: string, fieldName: string): boolean;
}

/**
 * The object info one user gets, as the UI API answers it: the object's createable, updateable
 * and deletable for that user, only the fields they may read, and a field updateable only when
 * both the field and the user's field-level security allow it. The UI offers what this allows.
 */
export function objectInfoForUser(
  info: WorkbenchObjectInfo,
  access: ObjectPermissions
): WorkbenchObjectInfo & { createable: boolean; updateable: boolean; deletable: boolean } {
  const name = info.apiName;
  const fields: WorkbenchObjectInfo['fields'] = {};
  for (const [apiName, field] of Object.entries(info.fields)) {
    if (apiName !== 'Id' && !access.fieldReadable(name, apiName)) continue;
    fields[apiName] = {
      ...field,
      updateable: field.updateable && access.canEdit(name) && access.fieldEditable(name, apiName)
    };
  }
  return {
    ...info,
    createable: access.canCreate(name),
    updateable: access.canEdit(name),
    deletable: access.canDelete(name),
    fields
  };
}

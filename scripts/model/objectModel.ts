/**
 * The data model as deployed: every object folder under `objects/` with its fields, read from
 * the SFDX source files. Tests and checks use it to compare permissions, sample data and the
 * contract in docs/DATA_MODEL.md against what the org will actually get.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { children, flag, readMetadataFile, text } from './metadataFile';

export interface FieldDefinition {
  object: string;
  name: string;
  /** Metadata API type, e.g. `Text`, `MasterDetail`, `Summary`. */
  type: string;
  required: boolean;
  /** True for formula fields (any return type). */
  formula: boolean;
  externalId: boolean;
  unique: boolean;
  referenceTo?: string;
  /** Local picklist values, or the global value set's name in `valueSetName`. */
  picklistValues: string[];
  valueSetName?: string;
}

export interface ObjectDefinition {
  name: string;
  /** False for standard objects, whose folder holds only our custom fields. */
  hasObjectFile: boolean;
  sharingModel?: string;
  nameFieldType?: string;
  fields: FieldDefinition[];
}

export const DEFAULT_OBJECTS_DIR = join(
  __dirname,
  '..',
  '..',
  'force-app',
  'main',
  'default',
  'objects'
);

function readField(object: string, path: string): FieldDefinition {
  const field = readMetadataFile(path, 'CustomField');
  const valueSet = children(field, 'valueSet')[0];
  const definition = valueSet ? children(valueSet, 'valueSetDefinition')[0] : undefined;
  return {
    object,
    name: text(field, 'fullName') ?? '',
    type: text(field, 'type') ?? '',
    required: flag(field, 'required'),
    formula: text(field, 'formula') !== undefined,
    externalId: flag(field, 'externalId'),
    unique: flag(field, 'unique'),
    referenceTo: text(field, 'referenceTo'),
    picklistValues: definition
      ? children(definition, 'value').map((value) => text(value, 'fullName') ?? '')
      : [],
    valueSetName: valueSet ? text(valueSet, 'valueSetName') : undefined
  };
}

function readObject(objectsDir: string, name: string): ObjectDefinition {
  const folder = join(objectsDir, name);
  const objectFile = join(folder, `${name}.object-meta.xml`);
  const fieldsDir = join(folder, 'fields');
  const fields = existsSync(fieldsDir)
    ? readdirSync(fieldsDir)
        .filter((file) => file.endsWith('.field-meta.xml'))
        .sort()
        .map((file) => readField(name, join(fieldsDir, file)))
    : [];
  if (!existsSync(objectFile)) {
    return { name, hasObjectFile: false, fields };
  }
  const object = readMetadataFile(objectFile, 'CustomObject');
  const nameField = children(object, 'nameField')[0];
  return {
    name,
    hasObjectFile: true,
    sharingModel: text(object, 'sharingModel'),
    nameFieldType: nameField ? text(nameField, 'type') : undefined,
    fields
  };
}

export function loadObjectModel(objectsDir: string = DEFAULT_OBJECTS_DIR): ObjectDefinition[] {
  return readdirSync(objectsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => readObject(objectsDir, entry.name))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function isCustomObject(object: ObjectDefinition): boolean {
  return object.name.endsWith('__c');
}

export function isCustomMetadataType(object: ObjectDefinition): boolean {
  return object.name.endsWith('__mdt');
}

/**
 * Salesforce rejects field permissions for required and master-detail fields (their access
 * follows the object), and Custom Metadata fields are governed by the type's access instead.
 */
export function acceptsFieldPermissions(field: FieldDefinition): boolean {
  return !field.object.endsWith('__mdt') && field.type !== 'MasterDetail' && !field.required;
}

/** Formula and roll-up values are computed: granting edit on them fails the deploy. */
export function isComputed(field: FieldDefinition): boolean {
  return field.formula || field.type === 'Summary';
}

/**
 * The names under which a permission set refers to a field. Activity's custom fields are shared
 * by Event and Task and are granted per object.
 */
export function permissionFieldNames(field: FieldDefinition): string[] {
  if (field.object === 'Activity') {
    return [`Event.${field.name}`, `Task.${field.name}`];
  }
  return [`${field.object}.${field.name}`];
}

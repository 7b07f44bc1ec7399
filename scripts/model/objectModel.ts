/**
 * The data model as deployed: every object folder under `objects/` with its fields, read from
 * the SFDX source files. Tests and checks use it to compare permissions, sample data and the
 * contract in docs/DATA_MODEL.md against what the org will actually get.
 */
import { join } from 'node:path';
import {
  readObjectSources,
  type CustomFieldSource,
  type CustomObjectSource
} from '../../apex-runtime/src/metadata/objectSource';

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

function fieldDefinition(field: CustomFieldSource): FieldDefinition {
  return {
    object: field.object,
    name: field.fullName,
    type: field.type,
    required: field.required,
    formula: field.formula !== undefined,
    externalId: field.externalId,
    unique: field.unique,
    referenceTo: field.referenceTo,
    picklistValues: field.valueSet?.values.map((value) => value.fullName) ?? [],
    valueSetName: field.valueSet?.valueSetName
  };
}

function objectDefinition(object: CustomObjectSource): ObjectDefinition {
  return {
    name: object.name,
    hasObjectFile: object.hasObjectFile,
    sharingModel: object.sharingModel,
    nameFieldType: object.nameField?.type,
    fields: object.fields.map(fieldDefinition)
  };
}

/** The object folders, read by the Apex runtime's reader (one home for these files). */
export function loadObjectModel(objectsDir: string = DEFAULT_OBJECTS_DIR): ObjectDefinition[] {
  return readObjectSources(objectsDir).map(objectDefinition);
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

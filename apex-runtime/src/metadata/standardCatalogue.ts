/**
 * The standard objects from the runtime's own catalogue (standardObjects.json): their fields,
 * picklist values, key prefixes, sharing defaults and flags, as describes.
 */
import catalogue from './standardObjects.json';
import { auditFields, idField, makeField, ownerField, type AuditFields } from './fieldDescribes';
import { isDescribeType } from './fieldTypes';
import type { SchemaDraft } from './schemaDraft';
import type { FieldDescribe, ObjectDescribe, PicklistEntry, SharingModel } from './schema';

type CatalogueValue = string | { value: string; label?: string; default?: boolean };

interface CatalogueField {
  type: string;
  label?: string;
  length?: number;
  precision?: number;
  scale?: number;
  digits?: number;
  required?: boolean;
  readOnly?: boolean;
  createOnly?: boolean;
  defaulted?: boolean;
  /** The value a new record gets when it sets none, as a formula (`TRUE`). */
  defaultValue?: string;
  unique?: boolean;
  externalId?: boolean;
  restricted?: boolean;
  trackHistory?: boolean;
  referenceTo?: string[];
  relationshipName?: string;
  childRelationship?: string;
  cascadeDelete?: boolean;
  values?: CatalogueValue[];
}

interface CatalogueObject {
  label: string;
  labelPlural: string;
  keyPrefix: string;
  sharingModel: string;
  hasOwner: boolean;
  /** `read`: queryable only (setup and system objects DML cannot write). */
  access?: 'read';
  audit?: AuditFields;
  controllingParent?: string;
  historyObject?: string;
  isActivity?: boolean;
  allowsActivities?: boolean;
  fields: Record<string, CatalogueField>;
}

const OBJECTS = (catalogue as unknown as { objects: Record<string, CatalogueObject> }).objects;

const SHARING_MODELS: ReadonlySet<string> = new Set([
  'Private',
  'Read',
  'ReadWrite',
  'ReadWriteTransfer',
  'FullAccess',
  'ControlledByParent'
]);

export function isSharingModel(value: string): value is SharingModel {
  return SHARING_MODELS.has(value);
}

/** The names of every standard object in the catalogue. */
export function standardObjectNames(): string[] {
  return Object.keys(OBJECTS);
}

/** The standard key prefix of a catalogued object, or undefined. */
export function standardKeyPrefix(objectName: string): string | undefined {
  return OBJECTS[objectName]?.keyPrefix;
}

function picklistEntries(values: readonly CatalogueValue[] | undefined): PicklistEntry[] {
  return (values ?? []).map((entry) => {
    const value = typeof entry === 'string' ? entry : entry.value;
    return {
      value,
      label: typeof entry === 'string' ? entry : (entry.label ?? entry.value),
      active: true,
      defaultValue: typeof entry !== 'string' && entry.default === true
    };
  });
}

/** The org's default values of a standard picklist (`Opportunity`, `StageName`), in order. */
export function standardPicklistValues(objectName: string, fieldName: string): PicklistEntry[] {
  return picklistEntries(OBJECTS[objectName]?.fields[fieldName]?.values);
}

function catalogueField(objectName: string, name: string, spec: CatalogueField): FieldDescribe {
  if (!isDescribeType(spec.type)) {
    throw new Error(`standardObjects.json: ${objectName}.${name} has unknown type ${spec.type}`);
  }
  const readOnly = spec.readOnly === true;
  return makeField({
    name,
    type: spec.type,
    label: spec.label ?? name,
    length: spec.length ?? (spec.type === 'reference' ? 18 : undefined),
    precision: spec.precision,
    scale: spec.scale,
    digits: spec.digits,
    required: spec.required === true,
    createable: !readOnly,
    updateable: !readOnly && spec.createOnly !== true,
    defaultedOnCreate: spec.defaulted === true || spec.type === 'boolean',
    nillable: !(spec.required === true || spec.defaulted === true || spec.type === 'boolean'),
    unique: spec.unique === true,
    externalId: spec.externalId === true,
    referenceTo: spec.referenceTo ?? [],
    relationshipName: spec.relationshipName,
    picklistValues: picklistEntries(spec.values),
    restrictedPicklist: spec.restricted === true,
    trackHistory: spec.trackHistory === true,
    defaultValueFormula: spec.defaultValue,
    deleteConstraint:
      spec.type === 'reference' ? (spec.cascadeDelete ? 'Cascade' : 'SetNull') : undefined
  });
}

function catalogueObject(name: string, spec: CatalogueObject, draft: SchemaDraft): ObjectDescribe {
  if (!isSharingModel(spec.sharingModel)) {
    throw new Error(`standardObjects.json: ${name} has unknown sharing model ${spec.sharingModel}`);
  }
  const fields: FieldDescribe[] = [idField(spec.label)];
  if (spec.hasOwner) fields.push(ownerField());
  for (const [fieldName, fieldSpec] of Object.entries(spec.fields)) {
    const field = catalogueField(name, fieldName, fieldSpec);
    fields.push(field);
    if (fieldSpec.childRelationship) {
      draft.linkChild({
        childObject: name,
        field,
        relationshipName: fieldSpec.childRelationship,
        cascadeDelete: fieldSpec.cascadeDelete === true
      });
    }
  }
  fields.push(...auditFields(spec.audit ?? 'full'));
  const writable = spec.access !== 'read';
  const nameField = spec.fields.Name ? 'Name' : spec.fields.Subject ? 'Subject' : undefined;
  return {
    name,
    label: spec.label,
    labelPlural: spec.labelPlural,
    keyPrefix: spec.keyPrefix,
    custom: false,
    customSetting: false,
    customMetadata: false,
    sharingModel: spec.sharingModel,
    hasOwner: spec.hasOwner,
    fields,
    childRelationships: [],
    validationRules: [],
    sharingReasons: [],
    historyObject: spec.historyObject,
    historyOf: name === 'OpportunityFieldHistory' ? 'Opportunity' : undefined,
    createable: writable,
    updateable: writable,
    deletable: writable,
    queryable: true,
    nameField,
    sharingParentFields: spec.controllingParent ? [spec.controllingParent] : [],
    allowsActivities: spec.allowsActivities === true
  };
}

/** Adds every catalogued standard object to the draft. */
export function addStandardObjects(draft: SchemaDraft): void {
  for (const [name, spec] of Object.entries(OBJECTS)) {
    draft.add(catalogueObject(name, spec, draft));
  }
}

/** The objects whose records are activities (Task, Event): `objects/Activity` fields go to them. */
export function activityObjectNames(): string[] {
  return Object.entries(OBJECTS)
    .filter(([, spec]) => spec.isActivity === true)
    .map(([name]) => name);
}

export interface OpportunityStageDefinition {
  apiName: string;
  probability: number;
  /** `Pipeline`, `Best Case`, `Commit`, `Closed` or `Omitted`. */
  forecastCategoryName: string;
  closed: boolean;
  won: boolean;
}

/** The standard sales process of a new org, in order (the rows of OpportunityStage). */
export function standardOpportunityStages(): OpportunityStageDefinition[] {
  return (
    catalogue as unknown as { opportunityStages: OpportunityStageDefinition[] }
  ).opportunityStages.map((stage) => ({ ...stage }));
}

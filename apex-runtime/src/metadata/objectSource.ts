/**
 * The `objects/` folder of an SFDX source tree as written: each object folder with its object
 * file (absent for standard objects, whose folders hold only the project's custom fields), its
 * fields, validation rules, sharing reasons and record types, in Metadata API terms. The runtime
 * turns this into describes (customObjects.ts); the project's checks and tests read it directly
 * (scripts/model/objectModel.ts), so every reader of these files shares one parser.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { children, flag, readMetadataFile, text, type MetadataElement } from './metadataXml';

export interface PicklistValueSource {
  fullName: string;
  label: string;
  default: boolean;
  /** False for a value deactivated in the metadata (`<isActive>false</isActive>`). */
  active: boolean;
}

export interface ValueSetSource {
  restricted: boolean;
  /** The global value set the field uses, instead of local values. */
  valueSetName?: string;
  values: PicklistValueSource[];
}

export interface SummarySource {
  operation: string;
  /** `Child__c.Parent_Field__c`. */
  foreignKey: string;
  /** `Child__c.Field__c`; absent for count. */
  summarizedField?: string;
  filters: { field: string; operation: string; value: string }[];
}

export interface CustomFieldSource {
  /** The folder the field sits in (`Account`, `Activity`, `Account_Plan__c`). */
  object: string;
  fullName: string;
  label?: string;
  /** Metadata API type, e.g. `Text`, `MasterDetail`, `Summary`; for formulas the return type. */
  type: string;
  required: boolean;
  unique: boolean;
  externalId: boolean;
  caseSensitive: boolean;
  length?: number;
  precision?: number;
  scale?: number;
  formula?: string;
  formulaTreatBlanksAs?: string;
  referenceTo?: string;
  /** The child relationship name without `__r`, as the metadata holds it. */
  relationshipName?: string;
  deleteConstraint?: string;
  reparentableMasterDetail: boolean;
  trackHistory: boolean;
  defaultValue?: string;
  valueSet?: ValueSetSource;
  summary?: SummarySource;
  /** Auto-number display format, e.g. `CS-{000000}`. */
  displayFormat?: string;
  startingNumber?: number;
  path: string;
}

export interface ValidationRuleSource {
  name: string;
  active: boolean;
  errorConditionFormula: string;
  errorMessage: string;
  errorDisplayField?: string;
}

export interface RecordTypeSource {
  fullName: string;
  label: string;
  active: boolean;
  description?: string;
}

export interface NameFieldSource {
  label?: string;
  type: string;
  displayFormat?: string;
  startingNumber?: number;
  trackHistory: boolean;
}

export interface CustomObjectSource {
  /** The folder name: the object's API name. */
  name: string;
  /** False for standard objects, whose folder holds only our custom fields. */
  hasObjectFile: boolean;
  label?: string;
  pluralLabel?: string;
  sharingModel?: string;
  nameField?: NameFieldSource;
  enableHistory: boolean;
  enableActivities: boolean;
  /** `List` or `Hierarchy` for custom settings. */
  customSettingsType?: string;
  fields: CustomFieldSource[];
  validationRules: ValidationRuleSource[];
  sharingReasons: { name: string; label: string }[];
  recordTypes: RecordTypeSource[];
}

function optionalNumber(element: MetadataElement, name: string): number | undefined {
  const value = text(element, name);
  return value === undefined || value === '' ? undefined : Number(value);
}

/** `<value>` of a local value set or `<customValue>` of a global one. */
export function readPicklistValue(element: MetadataElement): PicklistValueSource {
  const fullName = text(element, 'fullName') ?? '';
  return {
    fullName,
    label: text(element, 'label') ?? fullName,
    default: flag(element, 'default'),
    active: text(element, 'isActive') !== 'false'
  };
}

function readValueSet(field: MetadataElement): ValueSetSource | undefined {
  const valueSet = children(field, 'valueSet')[0];
  if (!valueSet) return undefined;
  const definition = children(valueSet, 'valueSetDefinition')[0];
  return {
    restricted: flag(valueSet, 'restricted'),
    valueSetName: text(valueSet, 'valueSetName'),
    values: definition ? children(definition, 'value').map(readPicklistValue) : []
  };
}

function readSummary(field: MetadataElement): SummarySource | undefined {
  const foreignKey = text(field, 'summaryForeignKey');
  if (foreignKey === undefined) return undefined;
  return {
    operation: text(field, 'summaryOperation') ?? '',
    foreignKey,
    summarizedField: text(field, 'summarizedField'),
    filters: children(field, 'summaryFilterItems').map((item) => ({
      field: text(item, 'field') ?? '',
      operation: text(item, 'operation') ?? '',
      value: text(item, 'value') ?? ''
    }))
  };
}

export function readFieldSource(object: string, path: string): CustomFieldSource {
  const field = readMetadataFile(path, 'CustomField');
  const fullName = text(field, 'fullName');
  const type = text(field, 'type');
  if (!fullName || !type) throw new Error(`${path}: a field needs <fullName> and <type>`);
  const formula = text(field, 'formula');
  return {
    object,
    fullName,
    label: text(field, 'label'),
    type,
    required: flag(field, 'required'),
    unique: flag(field, 'unique'),
    externalId: flag(field, 'externalId'),
    caseSensitive: flag(field, 'caseSensitive'),
    length: optionalNumber(field, 'length'),
    precision: optionalNumber(field, 'precision'),
    scale: optionalNumber(field, 'scale'),
    formula: formula === '' ? undefined : formula,
    formulaTreatBlanksAs: text(field, 'formulaTreatBlanksAs'),
    referenceTo: text(field, 'referenceTo'),
    relationshipName: text(field, 'relationshipName'),
    deleteConstraint: text(field, 'deleteConstraint'),
    reparentableMasterDetail: flag(field, 'reparentableMasterDetail'),
    trackHistory: flag(field, 'trackHistory'),
    defaultValue: text(field, 'defaultValue'),
    valueSet: readValueSet(field),
    summary: readSummary(field),
    displayFormat: text(field, 'displayFormat'),
    startingNumber: optionalNumber(field, 'startingNumber'),
    path
  };
}

function metadataFiles(dir: string, suffix: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith(suffix))
        .sort()
        .map((file) => join(dir, file))
    : [];
}

function readValidationRule(path: string): ValidationRuleSource {
  const rule = readMetadataFile(path, 'ValidationRule');
  return {
    name: text(rule, 'fullName') ?? '',
    active: flag(rule, 'active'),
    errorConditionFormula: text(rule, 'errorConditionFormula') ?? '',
    errorMessage: text(rule, 'errorMessage') ?? '',
    errorDisplayField: text(rule, 'errorDisplayField')
  };
}

function readObjectSource(objectsDir: string, name: string): CustomObjectSource {
  const folder = join(objectsDir, name);
  const objectFile = join(folder, `${name}.object-meta.xml`);
  const fields = metadataFiles(join(folder, 'fields'), '.field-meta.xml').map((path) =>
    readFieldSource(name, path)
  );
  const validationRules = metadataFiles(
    join(folder, 'validationRules'),
    '.validationRule-meta.xml'
  ).map(readValidationRule);
  const sharingReasons = metadataFiles(
    join(folder, 'sharingReasons'),
    '.sharingReason-meta.xml'
  ).map((path) => {
    const reason = readMetadataFile(path, 'SharingReason');
    const reasonName = text(reason, 'fullName') ?? '';
    return { name: reasonName, label: text(reason, 'label') ?? reasonName };
  });
  const recordTypes = metadataFiles(join(folder, 'recordTypes'), '.recordType-meta.xml').map(
    (path) => {
      const recordType = readMetadataFile(path, 'RecordType');
      const fullName = text(recordType, 'fullName') ?? '';
      return {
        fullName,
        label: text(recordType, 'label') ?? fullName,
        active: flag(recordType, 'active'),
        description: text(recordType, 'description')
      };
    }
  );
  const source: CustomObjectSource = {
    name,
    hasObjectFile: false,
    enableHistory: false,
    enableActivities: false,
    fields,
    validationRules,
    sharingReasons,
    recordTypes
  };
  if (!existsSync(objectFile)) return source;
  const object = readMetadataFile(objectFile, 'CustomObject');
  const nameField = children(object, 'nameField')[0];
  return {
    ...source,
    hasObjectFile: true,
    label: text(object, 'label'),
    pluralLabel: text(object, 'pluralLabel'),
    sharingModel: text(object, 'sharingModel'),
    nameField: nameField
      ? {
          label: text(nameField, 'label'),
          type: text(nameField, 'type') ?? 'Text',
          displayFormat: text(nameField, 'displayFormat'),
          startingNumber: optionalNumber(nameField, 'startingNumber'),
          trackHistory: flag(nameField, 'trackHistory')
        }
      : undefined,
    enableHistory: flag(object, 'enableHistory'),
    enableActivities: flag(object, 'enableActivities'),
    customSettingsType: text(object, 'customSettingsType')
  };
}

/** Every object folder under `objectsDir`, in name order; an absent folder reads as none. */
export function readObjectSources(objectsDir: string): CustomObjectSource[] {
  if (!existsSync(objectsDir)) return [];
  return readdirSync(objectsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => readObjectSource(objectsDir, entry.name))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The custom object and Custom Metadata type folders' names, without reading their files. */
export function customObjectNamesIn(objectsDir: string): string[] {
  if (!existsSync(objectsDir)) return [];
  return readdirSync(objectsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /__(c|mdt)$/.test(entry.name))
    .map((entry) => entry.name);
}

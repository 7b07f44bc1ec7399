import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** What the sample-org test needs to know about one field to check a value against it. */
export interface FieldSpec {
  readonly type: string;
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
  readonly picklistValues?: readonly string[];
  readonly referenceTo?: readonly string[];
  readonly required?: boolean;
  readonly unique?: boolean;
  /** False for formula, roll-up and auto-number fields: an import must not set them. */
  readonly writable?: boolean;
}

export type ObjectFields = ReadonlyMap<string, FieldSpec>;

type XmlNode = { readonly [key: string]: unknown };

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => ['value', 'customValue', 'referenceTo'].includes(name)
});

function asNode(value: unknown): XmlNode {
  return typeof value === 'object' && value !== null ? (value as XmlNode) : {};
}

function text(node: XmlNode, key: string): string | undefined {
  const value = node[key];
  return typeof value === 'string' ? value : undefined;
}

function numberOf(node: XmlNode, key: string): number | undefined {
  const value = text(node, key);
  return value === undefined ? undefined : Number(value);
}

function list(node: XmlNode, key: string): unknown[] {
  const value = node[key];
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function readXml(path: string, root: string): XmlNode {
  return asNode(asNode(parser.parse(readFileSync(path, 'utf8')))[root]);
}

function picklistValues(field: XmlNode, globalValueSetsDir: string): readonly string[] | undefined {
  const valueSet = asNode(field.valueSet);
  const globalName = text(valueSet, 'valueSetName');
  if (globalName) {
    const path = join(globalValueSetsDir, `${globalName}.globalValueSet-meta.xml`);
    if (!existsSync(path)) {
      throw new Error(`global value set ${globalName} not found at ${path}`);
    }
    return list(readXml(path, 'GlobalValueSet'), 'customValue').map(
      (value) => text(asNode(value), 'fullName') ?? ''
    );
  }
  const definition = asNode(valueSet.valueSetDefinition);
  return list(definition, 'value').map((value) => text(asNode(value), 'fullName') ?? '');
}

/** Reads one `<Object>/fields/*.field-meta.xml` into a FieldSpec. */
export function readField(path: string, globalValueSetsDir: string): FieldSpec {
  const field = readXml(path, 'CustomField');
  const type = text(field, 'type') ?? 'Unknown';
  const isFormula = text(field, 'formula') !== undefined;
  return {
    type,
    length: numberOf(field, 'length'),
    precision: numberOf(field, 'precision'),
    scale: numberOf(field, 'scale'),
    picklistValues: type.includes('Picklist')
      ? picklistValues(field, globalValueSetsDir)
      : undefined,
    referenceTo: list(field, 'referenceTo').map((value) => String(value)),
    required: type === 'MasterDetail' || text(field, 'required') === 'true',
    unique: text(field, 'unique') === 'true',
    writable: !isFormula && type !== 'Summary' && type !== 'AutoNumber'
  };
}

/**
 * The custom fields of an object from the project's metadata (Event and Task read the shared
 * Activity fields), plus the Name field of custom objects from the object file.
 */
export function loadCustomFields(
  objectsDir: string,
  globalValueSetsDir: string,
  sObject: string
): Map<string, FieldSpec> {
  const folder = sObject === 'Event' || sObject === 'Task' ? 'Activity' : sObject;
  const fields = new Map<string, FieldSpec>();
  const fieldsDir = join(objectsDir, folder, 'fields');
  if (existsSync(fieldsDir)) {
    for (const file of readdirSync(fieldsDir).sort()) {
      if (file.endsWith('.field-meta.xml')) {
        fields.set(
          file.replace('.field-meta.xml', ''),
          readField(join(fieldsDir, file), globalValueSetsDir)
        );
      }
    }
  }
  const objectFile = join(objectsDir, folder, `${folder}.object-meta.xml`);
  if (sObject.endsWith('__c') && existsSync(objectFile)) {
    const nameField = asNode(readXml(objectFile, 'CustomObject').nameField);
    const autoNumber = text(nameField, 'type') === 'AutoNumber';
    fields.set('Name', {
      type: autoNumber ? 'AutoNumber' : 'Text',
      length: 80,
      required: !autoNumber,
      writable: !autoNumber
    });
  }
  return fields;
}

/** The sharing model of a custom object, e.g. ControlledByParent. */
export function sharingModelOf(objectsDir: string, sObject: string): string | undefined {
  const objectFile = join(objectsDir, sObject, `${sObject}.object-meta.xml`);
  return existsSync(objectFile)
    ? text(readXml(objectFile, 'CustomObject'), 'sharingModel')
    : undefined;
}

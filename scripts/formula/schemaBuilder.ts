/**
 * Builds the formula engine's schemas from the project's object metadata (force-app/.../objects)
 * plus standardFields.json, the checked-in description of the standard fields we use. Schemas
 * nest parent objects under the relationship name formulas use (`Account`, `Owner`,
 * `Account__r`) down to a fixed depth, which is what compileFormula needs for paths such as
 * `Account.Owner.Name`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { FieldSchema, ObjectSchema } from '../../formula-engine/src/formulaEngine';

/** One object without nesting: its fields, lookups carrying referenceTo and relationshipName. */
export interface FlatObject {
  name: string;
  fields: Record<string, FieldSchema>;
}

export type StandardFields = Record<string, { fields: Record<string, FieldSchema> }>;

const AUDIT_FIELDS: Record<string, FieldSchema> = {
  Id: { type: 'Id' },
  CreatedDate: { type: 'DateTime' },
  LastModifiedDate: { type: 'DateTime' },
  SystemModstamp: { type: 'DateTime' },
  IsDeleted: { type: 'Checkbox' },
  CreatedById: { type: 'Lookup', referenceTo: 'User', relationshipName: 'CreatedBy' },
  LastModifiedById: { type: 'Lookup', referenceTo: 'User', relationshipName: 'LastModifiedBy' }
};

/** Custom fields on Activity belong to both Event and Task. */
const ACTIVITY_CHILDREN = ['Event', 'Task'];

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

function readXml(path: string, root: string): Record<string, unknown> {
  const parsed = parser.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const element = parsed[root];
  if (element === null || typeof element !== 'object') {
    throw new Error(`${path}: expected a <${root}> document`);
  }
  return element as Record<string, unknown>;
}

function text(element: Record<string, unknown>, key: string): string | undefined {
  const value = element[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * A CustomField as formulas see it. For custom lookups the metadata `<relationshipName>` is the
 * child relationship (used from the parent); formulas reach the parent as `<Name>__r`.
 */
export function fieldFromMetadata(
  element: Record<string, unknown>,
  path: string
): [string, FieldSchema] {
  const name = text(element, 'fullName');
  const type = text(element, 'type');
  if (name === undefined || type === undefined) {
    throw new Error(`${path}: a field needs <fullName> and <type>`);
  }
  const field: FieldSchema = { type };
  const referenceTo = text(element, 'referenceTo');
  if (referenceTo !== undefined && (type === 'Lookup' || type === 'MasterDetail')) {
    field.referenceTo = referenceTo;
    field.relationshipName = name.endsWith('__c')
      ? `${name.slice(0, -3)}__r`
      : name.replace(/Id$/, '');
  }
  return [name, field];
}

function readFields(objectDir: string): Record<string, FieldSchema> {
  const fieldsDir = join(objectDir, 'fields');
  if (!existsSync(fieldsDir)) return {};
  const fields: Record<string, FieldSchema> = {};
  for (const file of readdirSync(fieldsDir).sort()) {
    if (!file.endsWith('.field-meta.xml')) continue;
    const path = join(fieldsDir, file);
    const [name, field] = fieldFromMetadata(readXml(path, 'CustomField'), path);
    fields[name] = field;
  }
  return fields;
}

/** The standard fields every custom object has: Id, Name, owner (unless a detail), audit fields. */
function customObjectFields(objectDir: string, name: string): Record<string, FieldSchema> {
  const path = join(objectDir, `${name}.object-meta.xml`);
  const fields: Record<string, FieldSchema> = { ...AUDIT_FIELDS };
  if (!existsSync(path)) return fields;
  const element = readXml(path, 'CustomObject');
  if (name.endsWith('__mdt')) {
    return { Id: { type: 'Id' }, DeveloperName: { type: 'Text' }, MasterLabel: { type: 'Text' } };
  }
  const nameField = element.nameField as Record<string, unknown> | undefined;
  fields.Name = { type: (nameField && text(nameField, 'type')) ?? 'Text' };
  if (text(element, 'sharingModel') !== 'ControlledByParent') {
    fields.OwnerId = { type: 'Lookup', referenceTo: 'User', relationshipName: 'Owner' };
  }
  return fields;
}

/** Reads every object folder under `objectsDir` and merges the standard field descriptions. */
export function readFlatObjects(
  objectsDir: string,
  standard: StandardFields
): Map<string, FlatObject> {
  const objects = new Map<string, FlatObject>();
  for (const [name, description] of Object.entries(standard)) {
    if (name.startsWith('$')) continue;
    objects.set(name, { name, fields: { ...description.fields } });
  }
  const folders = existsSync(objectsDir) ? readdirSync(objectsDir).sort() : [];
  for (const folder of folders) {
    const objectDir = join(objectsDir, folder);
    const fields = readFields(objectDir);
    const targets = folder === 'Activity' ? ACTIVITY_CHILDREN : [folder];
    for (const target of targets) {
      const existing = objects.get(target);
      if (existing !== undefined) {
        Object.assign(existing.fields, fields);
      } else {
        objects.set(target, {
          name: target,
          fields: { ...customObjectFields(objectDir, folder), ...fields }
        });
      }
    }
  }
  return objects;
}

/**
 * Nests parents under their relationship names, `depth` levels deep (2 gives
 * `Opportunity -> Account -> Owner`). Lookups to objects outside the set stay plain Id fields.
 */
export function nestSchemas(
  objects: Map<string, FlatObject>,
  depth: number
): Record<string, ObjectSchema> {
  const build = (name: string, levels: number): ObjectSchema => {
    const flat = objects.get(name) as FlatObject;
    const schema: ObjectSchema = { name, fields: flat.fields };
    if (levels === 0) return schema;
    const relationships: Record<string, ObjectSchema> = {};
    for (const field of Object.values(flat.fields)) {
      const target = field.referenceTo;
      if (field.relationshipName === undefined || target === undefined || !objects.has(target))
        continue;
      relationships[field.relationshipName] = build(target, levels - 1);
    }
    if (Object.keys(relationships).length > 0) schema.relationships = relationships;
    return schema;
  };
  const schemas: Record<string, ObjectSchema> = {};
  for (const name of [...objects.keys()].sort()) schemas[name] = build(name, depth);
  return schemas;
}

export function loadStandardFields(path: string): StandardFields {
  return JSON.parse(readFileSync(path, 'utf8')) as StandardFields;
}

export interface BuildOptions {
  objectsDir: string;
  standardFieldsPath?: string;
  depth?: number;
}

export function buildSchemas(options: BuildOptions): Record<string, ObjectSchema> {
  const standard = loadStandardFields(
    options.standardFieldsPath ?? join(__dirname, 'standardFields.json')
  );
  return nestSchemas(readFlatObjects(options.objectsDir, standard), options.depth ?? 2);
}

/**
 * The project's own object metadata, as the SOQL check needs it: which objects have a folder under
 * `objects/`, which custom fields each one defines, where each lookup or master-detail field points
 * and under which child relationship name its parent sees it. Names are kept lower-cased because
 * SOQL is case-insensitive.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export interface SchemaField {
  /** The API name as written in the metadata, e.g. `Customer_Segment__c`. */
  name: string;
  /** For Lookup and MasterDetail fields: the object the field points to. */
  referenceTo?: string;
  /** For Lookup and MasterDetail fields: the child relationship name (without `__r`). */
  relationshipName?: string;
}

export interface SchemaObject {
  name: string;
  /** Custom fields by lower-cased API name. */
  fields: Map<string, SchemaField>;
}

export interface ObjectSchema {
  /** Objects that have a folder in the project, by lower-cased API name. */
  objects: Map<string, SchemaObject>;
}

const FIELD_SUFFIX = '.field-meta.xml';
const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false });

/** Reads every `objects/<Object>/fields/*.field-meta.xml` below the given package directories. */
export function loadObjectSchema(packageDirectories: readonly string[]): ObjectSchema {
  const objects = new Map<string, SchemaObject>();
  for (const objectsFolder of packageDirectories.flatMap(findObjectsFolders)) {
    for (const entry of readdirSync(objectsFolder, { withFileTypes: true })) {
      if (!entry.isDirectory()) {
        continue;
      }
      const key = entry.name.toLowerCase();
      const object = objects.get(key) ?? { name: entry.name, fields: new Map() };
      objects.set(key, object);
      const fieldsFolder = join(objectsFolder, entry.name, 'fields');
      if (!existsSync(fieldsFolder)) {
        continue;
      }
      for (const file of readdirSync(fieldsFolder)) {
        if (file.endsWith(FIELD_SUFFIX)) {
          const field = readField(join(fieldsFolder, file));
          object.fields.set(field.name.toLowerCase(), field);
        }
      }
    }
  }
  return { objects };
}

function readField(file: string): SchemaField {
  const name = basename(file, FIELD_SUFFIX);
  const parsed: unknown = xml.parse(readFileSync(file, 'utf8'));
  const field = isRecord(parsed) && isRecord(parsed.CustomField) ? parsed.CustomField : {};
  return {
    name,
    referenceTo: typeof field.referenceTo === 'string' ? field.referenceTo : undefined,
    relationshipName:
      typeof field.relationshipName === 'string' ? field.relationshipName : undefined
  };
}

function findObjectsFolders(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === 'node_modules') {
      continue;
    }
    const path = join(directory, entry.name);
    if (entry.name === 'objects') {
      found.push(path);
    } else {
      found.push(...findObjectsFolders(path));
    }
  }
  return found;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

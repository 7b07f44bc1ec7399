/**
 * The project's custom fields as TypeScript, so that an `@AuraEnabled` method returning
 * `List<Account_Plan__c>` gives components typed `Status__c` and `Wallet_Size__c` rather than
 * `unknown`. Only fields defined in the project are known; others stay reachable as `unknown`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { childText } from './metadataProjectIndex';
import { parseXmlWithPositions, XmlSyntaxError } from './metadataXml';

export interface SObjectField {
  name: string;
  tsType: string;
}

export interface SObjectShape {
  /** API name as the project spells it (the object directory name). */
  name: string;
  fields: SObjectField[];
  /** Custom objects always have a Name field; standard ones are not described here. */
  hasName: boolean;
}

const TS_TYPE_BY_FIELD_TYPE: Readonly<Record<string, string>> = {
  AutoNumber: 'string',
  Checkbox: 'boolean',
  Currency: 'number',
  Date: 'string',
  DateTime: 'string',
  Email: 'string',
  EncryptedText: 'string',
  Html: 'string',
  Lookup: 'string',
  LongTextArea: 'string',
  MasterDetail: 'string',
  MultiselectPicklist: 'string',
  Number: 'number',
  Percent: 'number',
  Phone: 'string',
  Picklist: 'string',
  Text: 'string',
  TextArea: 'string',
  Time: 'string',
  Url: 'string'
};

function fieldTsType(field: ReturnType<typeof parseXmlWithPositions>): string {
  const type = childText(field, 'type');
  if (type === 'Summary') {
    const operation = childText(field, 'summaryOperation');
    return operation === 'count' || operation === 'sum' ? 'number' : 'unknown';
  }
  return Object.hasOwn(TS_TYPE_BY_FIELD_TYPE, type) ? TS_TYPE_BY_FIELD_TYPE[type] : 'unknown';
}

/** A malformed field file is check:metadata's to report; here its value is simply `unknown`. */
function readFieldTsType(file: string): string {
  try {
    return fieldTsType(parseXmlWithPositions(readFileSync(file, 'utf8')));
  } catch (error) {
    if (error instanceof XmlSyntaxError) {
      return 'unknown';
    }
    throw error;
  }
}

/** Reads `objects/<Object>/fields/*.field-meta.xml` under `objectsDirectory`, by lower-cased object name. */
export function readSObjectShapes(objectsDirectory: string): Map<string, SObjectShape> {
  const shapes = new Map<string, SObjectShape>();
  if (!existsSync(objectsDirectory)) {
    return shapes;
  }
  for (const object of readdirSync(objectsDirectory, { withFileTypes: true })) {
    if (!object.isDirectory()) {
      continue;
    }
    const fieldsDirectory = join(objectsDirectory, object.name, 'fields');
    const fieldFiles = existsSync(fieldsDirectory)
      ? readdirSync(fieldsDirectory)
          .filter((file) => file.endsWith('.field-meta.xml'))
          .sort()
      : [];
    const fields = fieldFiles.map((file) => ({
      name: file.slice(0, -'.field-meta.xml'.length),
      tsType: readFieldTsType(join(fieldsDirectory, file))
    }));
    shapes.set(object.name.toLowerCase(), {
      name: object.name,
      fields,
      hasName: /__c$/i.test(object.name)
    });
  }
  return shapes;
}

/**
 * Reads the data-model contract (docs/DATA_MODEL.md) into object and field expectations, so a
 * test can hold the metadata to the document every other layer codes against. The parser knows
 * the document's few conventions (tables of objects, backticked API names followed by their
 * type) and nothing more; if the document changes shape, the test fails loudly rather than
 * silently checking less.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ContractField {
  name: string;
  /** Metadata API type implied by the word after the name, when the document gives one. */
  type?: string;
  /** Values listed after `Picklist`, in order. */
  picklistValues?: string[];
  /** Global value set named by `Picklist (global ...)`. */
  usesGlobalValueSet: boolean;
}

export interface ContractObject {
  name: string;
  /** Sharing model as written, e.g. `Read`; undefined for standard objects and the CMT. */
  sharingModel?: string;
  /** `AutoNumber` or `Text`; undefined for standard objects and the CMT. */
  nameFieldType?: string;
  fields: Map<string, ContractField>;
}

export interface DataModelContract {
  objects: Map<string, ContractObject>;
  globalValueSets: Map<string, string[]>;
}

export const DEFAULT_CONTRACT_PATH = join(__dirname, '..', '..', 'docs', 'DATA_MODEL.md');

/** Fields the document abbreviates as "data-quality fields". */
export const DATA_QUALITY_FIELDS = [
  'Data_Quality_Score__c',
  'Data_Quality_Issues__c',
  'Data_Quality_Evaluated_At__c'
];

const TYPE_WORDS: Readonly<Record<string, string>> = {
  MasterDetail: 'MasterDetail',
  Lookup: 'Lookup',
  Picklist: 'Picklist',
  Number: 'Number',
  Percent: 'Percent',
  Currency: 'Currency',
  Date: 'Date',
  DateTime: 'DateTime',
  Checkbox: 'Checkbox',
  LongTextArea: 'LongTextArea',
  Text: 'Text',
  'roll-up': 'Summary',
  Formula: 'Formula'
};

const FIELD_TOKEN = /`([A-Za-z][A-Za-z0-9_]*__c)`([^`;|]*)/g;

function sections(markdown: string): Map<string, string> {
  const result = new Map<string, string>();
  let heading = '';
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) {
      heading = line.slice(3).trim();
      result.set(heading, '');
    } else if (heading) {
      result.set(heading, `${result.get(heading) ?? ''}${line}\n`);
    }
  }
  return result;
}

function tableRows(section: string): string[][] {
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[-| ]+\|$/.test(line.trim()))
    .slice(1)
    .map((line) =>
      line
        .trim()
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim())
    );
}

/** Parses the field list of one table cell or paragraph. */
export function parseFields(text: string): ContractField[] {
  const fields: ContractField[] = [];
  const flat = text.replace(/\s+/g, ' ');
  for (const match of flat.matchAll(FIELD_TOKEN)) {
    const [, name, phrase] = match;
    // "roll-up COUNT of `Account_Plan__c`" names the summarised object, not a field.
    if (/\bof\s*$/.test(flat.slice(0, match.index))) {
      continue;
    }
    const word = /^\s*([A-Za-z-]+)/.exec(phrase)?.[1];
    const type = word ? TYPE_WORDS[word] : undefined;
    const values =
      type === 'Picklist' && !/^\s*Picklist\s*\(/.test(phrase)
        ? phrase
            .replace(/^\s*Picklist\s*/, '')
            .split(',')
            .map((value) => value.trim())
            .filter((value) => value.length > 0)
        : undefined;
    fields.push({
      name,
      type,
      picklistValues: values && values.length > 0 ? values : undefined,
      usesGlobalValueSet: type === 'Picklist' && /\(global\s*$/.test(phrase)
    });
  }
  if (/data-quality fields/.test(text)) {
    for (const name of DATA_QUALITY_FIELDS) {
      fields.push({ name, usesGlobalValueSet: false });
    }
  }
  return fields;
}

function addFields(object: ContractObject, fields: readonly ContractField[]): void {
  for (const field of fields) {
    object.fields.set(field.name, field);
  }
}

function standardObjectNames(cell: string): string[] {
  return cell
    .replace(/\(.*?\)/g, '')
    .split(',')
    .map((name) => name.trim())
    .map((name) => (name === 'Event' || name === 'Task' ? 'Activity' : name))
    .filter((name) => name.length > 0);
}

export function parseDataModelContract(markdown: string): DataModelContract {
  const parts = sections(markdown);
  const objects = new Map<string, ContractObject>();
  const objectOf = (name: string): ContractObject => {
    const existing = objects.get(name);
    if (existing) {
      return existing;
    }
    const created: ContractObject = { name, fields: new Map() };
    objects.set(name, created);
    return created;
  };

  for (const [nameCell, sharing, nameField, fieldsCell] of tableRows(
    parts.get('Custom objects') ?? ''
  )) {
    const object = objectOf(nameCell.replace(/`/g, ''));
    object.sharingModel = sharing;
    object.nameFieldType = nameField.startsWith('AutoNumber') ? 'AutoNumber' : 'Text';
    addFields(object, parseFields(fieldsCell));
  }
  for (const [objectsCell, fieldsCell] of tableRows(parts.get('Standard objects') ?? '')) {
    for (const name of standardObjectNames(objectsCell)) {
      addFields(objectOf(name), parseFields(fieldsCell));
    }
  }

  for (const [heading, body] of parts) {
    const cmt = /^(?:Custom Metadata|Custom object fields): `([A-Za-z0-9_]+__(?:mdt|c))`/.exec(
      heading
    );
    if (cmt) {
      addFields(objectOf(cmt[1]), parseFields(body));
    }
  }

  const globalValueSets = new Map<string, string[]>();
  const valueSetText = (parts.get('Global value set') ?? '').replace(/\s+/g, ' ');
  for (const match of valueSetText.matchAll(/`([A-Za-z0-9_]+)`:([^.]+)\./g)) {
    globalValueSets.set(
      match[1],
      match[2].split(',').map((value) => value.trim())
    );
  }
  return { objects, globalValueSets };
}

export function loadDataModelContract(path: string = DEFAULT_CONTRACT_PATH): DataModelContract {
  return parseDataModelContract(readFileSync(path, 'utf8'));
}

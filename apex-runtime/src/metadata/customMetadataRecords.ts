/**
 * Custom Metadata records (`customMetadata/<Type>.<Record>.md-meta.xml`), as written: the type,
 * the record's DeveloperName and label, and each field's value as text (null for a value marked
 * `xsi:nil`). The platform types the values against the schema when it loads them as rows.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { children, isNil, readMetadataFile, text } from './metadataXml';

export interface CustomMetadataRecordSource {
  /** `Sales_Rule__mdt`. */
  type: string;
  developerName: string;
  label: string;
  protected: boolean;
  /** Field API name to its value as written, null when blank. */
  values: Map<string, string | null>;
  path: string;
}

const SUFFIX = '.md-meta.xml';

/** Every record under `dir`, sorted by type then DeveloperName (the order their Ids follow). */
export function readCustomMetadataRecords(dir: string): CustomMetadataRecordSource[] {
  if (!existsSync(dir)) return [];
  const records: CustomMetadataRecordSource[] = [];
  for (const file of readdirSync(dir).filter((entry) => entry.endsWith(SUFFIX))) {
    const base = file.slice(0, -SUFFIX.length);
    const dot = base.indexOf('.');
    if (dot < 0) throw new Error(`${file}: expected <Type>.<Record>${SUFFIX}`);
    const path = join(dir, file);
    const root = readMetadataFile(path, 'CustomMetadata');
    const values = new Map<string, string | null>();
    for (const entry of children(root, 'values')) {
      const field = text(entry, 'field');
      if (!field) throw new Error(`${path}: a <values> entry without <field>`);
      values.set(field, isNil(entry, 'value') ? null : (text(entry, 'value') ?? null));
    }
    records.push({
      type: `${base.slice(0, dot)}__mdt`,
      developerName: base.slice(dot + 1),
      label: text(root, 'label') ?? base.slice(dot + 1),
      protected: text(root, 'protected') === 'true',
      values,
      path
    });
  }
  return records.sort((a, b) =>
    a.type === b.type
      ? a.developerName < b.developerName
        ? -1
        : a.developerName > b.developerName
          ? 1
          : 0
      : a.type < b.type
        ? -1
        : 1
  );
}

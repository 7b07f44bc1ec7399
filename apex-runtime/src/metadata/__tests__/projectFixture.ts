/**
 * Writes a small SFDX source tree to a temporary folder, so loader tests arrange only the
 * metadata they need.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type SourceFiles = Record<string, string>;

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function writeSourceTree(files: SourceFiles): string {
  const root = mkdtempSync(join(tmpdir(), 'apex-runtime-project-'));
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

/** A `<CustomObject>` file. */
export function objectXml(body: string): string {
  return `${XML_HEADER}<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">${body}</CustomObject>`;
}

/** A `<CustomField>` file. */
export function fieldXml(body: string): string {
  return `${XML_HEADER}<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">${body}</CustomField>`;
}

/** A private custom object `Widget__c` with a text name, the base most fixtures extend. */
export const WIDGET: SourceFiles = {
  'objects/Widget__c/Widget__c.object-meta.xml': objectXml(
    '<label>Widget</label><pluralLabel>Widgets</pluralLabel><sharingModel>Private</sharingModel>' +
      '<nameField><label>Widget Name</label><type>Text</type></nameField>'
  )
};

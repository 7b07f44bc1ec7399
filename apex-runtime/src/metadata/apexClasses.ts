/**
 * The project's Apex classes as `ApexClass` rows see them: name, API version, status and body
 * (`classes/**\/<Name>.cls` beside `<Name>.cls-meta.xml`, in any feature folder).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readMetadataFile, text } from './metadataXml';

export interface ApexClassSource {
  name: string;
  /** The file's path. */
  path: string;
  apiVersion: string;
  status: string;
  body: string;
}

function classFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return classFiles(path);
    return entry.name.endsWith('.cls') ? [path] : [];
  });
}

/** Every class under `dir`, sorted by name. */
export function readApexClasses(dir: string): ApexClassSource[] {
  return classFiles(dir)
    .map((path) => {
      const name = basename(path, '.cls');
      const metaPath = `${path}-meta.xml`;
      const meta = existsSync(metaPath) ? readMetadataFile(metaPath, 'ApexClass') : undefined;
      return {
        name,
        path,
        apiVersion: (meta && text(meta, 'apiVersion')) ?? '0.0',
        status: (meta && text(meta, 'status')) ?? 'Active',
        body: readFileSync(path, 'utf8')
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

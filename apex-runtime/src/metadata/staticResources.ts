/**
 * Static resources (`staticresources/<Name>.resource-meta.xml` beside the body file
 * `<Name>.<extension>`), as `StaticResource` rows read them. A resource kept as a folder deploys
 * as a zip archive the runtime cannot build: its body is left unreadable (reading it fails
 * loudly) while its name and content type stay queryable.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readMetadataFile, text } from './metadataXml';

export interface StaticResourceSource {
  name: string;
  contentType: string;
  cacheControl: string;
  description?: string;
  /** The body's bytes; undefined for a folder resource (a zip in the org). */
  body?: Uint8Array;
}

const SUFFIX = '.resource-meta.xml';

export function readStaticResources(dir: string): StaticResourceSource[] {
  if (!existsSync(dir)) return [];
  const entries = readdirSync(dir);
  return entries
    .filter((entry) => entry.endsWith(SUFFIX))
    .sort()
    .map((file) => {
      const name = file.slice(0, -SUFFIX.length);
      const meta = readMetadataFile(join(dir, file), 'StaticResource');
      const folder = join(dir, name);
      const bodyFile = entries.find(
        (entry) => entry !== file && (entry === name || entry.startsWith(`${name}.`))
      );
      let body: Uint8Array | undefined;
      if (existsSync(folder) && statSync(folder).isDirectory()) body = undefined;
      else if (bodyFile) body = new Uint8Array(readFileSync(join(dir, bodyFile)));
      else throw new Error(`staticresources/${name}: the resource's body file is missing`);
      return {
        name,
        contentType: text(meta, 'contentType') ?? 'application/octet-stream',
        cacheControl: text(meta, 'cacheControl') ?? 'Private',
        description: text(meta, 'description'),
        body
      };
    });
}

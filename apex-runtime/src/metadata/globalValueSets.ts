/**
 * Global value sets (`globalValueSets/*.globalValueSet-meta.xml`): picklist values shared by
 * several fields, which name the set in `<valueSetName>`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { children, readMetadataFile } from './metadataXml';
import { readPicklistValue, type PicklistValueSource } from './objectSource';

const SUFFIX = '.globalValueSet-meta.xml';

/** Every global value set under `dir`, by its name (the file name). */
export function readGlobalValueSets(dir: string): Map<string, PicklistValueSource[]> {
  const sets = new Map<string, PicklistValueSource[]>();
  if (!existsSync(dir)) return sets;
  for (const file of readdirSync(dir)
    .filter((entry) => entry.endsWith(SUFFIX))
    .sort()) {
    const root = readMetadataFile(join(dir, file), 'GlobalValueSet');
    sets.set(file.slice(0, -SUFFIX.length), children(root, 'customValue').map(readPicklistValue));
  }
  return sets;
}

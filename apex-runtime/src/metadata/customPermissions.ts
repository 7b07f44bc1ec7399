/** Custom permissions (`customPermissions/<Name>.customPermission-meta.xml`). */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readMetadataFile, text } from './metadataXml';

export interface CustomPermissionSource {
  name: string;
  label: string;
  description?: string;
}

const SUFFIX = '.customPermission-meta.xml';

export function readCustomPermissions(dir: string): CustomPermissionSource[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((entry) => entry.endsWith(SUFFIX))
    .sort()
    .map((file) => {
      const name = file.slice(0, -SUFFIX.length);
      const root = readMetadataFile(join(dir, file), 'CustomPermission');
      return { name, label: text(root, 'label') ?? name, description: text(root, 'description') };
    });
}

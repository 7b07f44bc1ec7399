/**
 * The permission sets as deployed, read from `permissionsets/*.permissionset-meta.xml`, in a
 * shape that makes "who may do what" questions one lookup each.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { children, flag, readMetadataFile, text } from './metadataFile';

export interface FieldAccess {
  readable: boolean;
  editable: boolean;
}

export interface ObjectAccess {
  allowCreate: boolean;
  allowRead: boolean;
  allowEdit: boolean;
  allowDelete: boolean;
  viewAllRecords: boolean;
  modifyAllRecords: boolean;
}

export interface PermissionSetDefinition {
  name: string;
  label: string;
  /** Keyed by `Object.Field`. */
  fields: Map<string, FieldAccess>;
  objects: Map<string, ObjectAccess>;
  /** Enabled custom permissions. */
  customPermissions: Set<string>;
  /** Custom Metadata types the set may read. */
  customMetadataTypes: Set<string>;
  /** Tab name to visibility (`Visible`, `Available`, `None`). */
  tabs: Map<string, string>;
  /** Apex classes the set may call from Lightning components. */
  apexClasses: Set<string>;
  /** Apps the set makes visible. */
  applications: Set<string>;
}

export const DEFAULT_PERMISSION_SETS_DIR = join(
  __dirname,
  '..',
  '..',
  'force-app',
  'main',
  'default',
  'permissionsets'
);

const SUFFIX = '.permissionset-meta.xml';

function readPermissionSet(path: string, name: string): PermissionSetDefinition {
  const root = readMetadataFile(path, 'PermissionSet');
  const fields = new Map<string, FieldAccess>();
  for (const entry of children(root, 'fieldPermissions')) {
    fields.set(text(entry, 'field') ?? '', {
      readable: flag(entry, 'readable'),
      editable: flag(entry, 'editable')
    });
  }
  const objects = new Map<string, ObjectAccess>();
  for (const entry of children(root, 'objectPermissions')) {
    objects.set(text(entry, 'object') ?? '', {
      allowCreate: flag(entry, 'allowCreate'),
      allowRead: flag(entry, 'allowRead'),
      allowEdit: flag(entry, 'allowEdit'),
      allowDelete: flag(entry, 'allowDelete'),
      viewAllRecords: flag(entry, 'viewAllRecords'),
      modifyAllRecords: flag(entry, 'modifyAllRecords')
    });
  }
  const enabledNames = (element: string): Set<string> =>
    new Set(
      children(root, element)
        .filter((entry) => flag(entry, 'enabled'))
        .map((entry) => text(entry, 'name') ?? '')
    );
  return {
    name,
    label: text(root, 'label') ?? '',
    fields,
    objects,
    customPermissions: enabledNames('customPermissions'),
    customMetadataTypes: enabledNames('customMetadataTypeAccesses'),
    tabs: new Map(
      children(root, 'tabSettings').map((entry) => [
        text(entry, 'tab') ?? '',
        text(entry, 'visibility') ?? ''
      ])
    ),
    apexClasses: new Set(
      children(root, 'classAccesses')
        .filter((entry) => flag(entry, 'enabled'))
        .map((entry) => text(entry, 'apexClass') ?? '')
    ),
    applications: new Set(
      children(root, 'applicationVisibilities')
        .filter((entry) => flag(entry, 'visible'))
        .map((entry) => text(entry, 'application') ?? '')
    )
  };
}

export function loadPermissionSets(
  directory: string = DEFAULT_PERMISSION_SETS_DIR
): Map<string, PermissionSetDefinition> {
  const sets = new Map<string, PermissionSetDefinition>();
  for (const file of readdirSync(directory)
    .filter((entry) => entry.endsWith(SUFFIX))
    .sort()) {
    const name = file.slice(0, -SUFFIX.length);
    sets.set(name, readPermissionSet(join(directory, file), name));
  }
  return sets;
}

/**
 * Permission sets, profiles and permission set groups as deployed, read from
 * `permissionsets/*.permissionset-meta.xml`, `profiles/*.profile-meta.xml` and
 * `permissionsetgroups/*.permissionsetgroup-meta.xml`, in a shape that makes "who may do what"
 * questions one lookup each. The project's checks (scripts/model) and the runtime's access model
 * read them through this one reader.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { children, flag, readMetadataFile, text, texts, type MetadataElement } from './metadataXml';

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
  description?: string;
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
  /** Enabled system permissions (`ModifyAllData`, `ViewAllData`, `ViewSetup` ...). */
  userPermissions: Set<string>;
}

export interface PermissionSetGroupDefinition {
  name: string;
  label: string;
  description?: string;
  /** The member permission sets' names. */
  permissionSets: string[];
}

export const DEFAULT_PERMISSION_SETS_DIR = join(
  __dirname,
  '..',
  '..',
  '..',
  'force-app',
  'main',
  'default',
  'permissionsets'
);

/** The package's permission set groups (personas), beside its permission sets. */
export const DEFAULT_PERMISSION_SET_GROUPS_DIR = join(
  DEFAULT_PERMISSION_SETS_DIR,
  '..',
  'permissionsetgroups'
);

function enabledNames(root: MetadataElement, element: string, nameElement = 'name'): Set<string> {
  return new Set(
    children(root, element)
      .filter((entry) => flag(entry, 'enabled'))
      .map((entry) => text(entry, nameElement) ?? '')
  );
}

/** A `<PermissionSet>` or `<Profile>` root as a definition (both use the same elements). */
export function permissionSetFromElement(
  root: MetadataElement,
  name: string
): PermissionSetDefinition {
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
  return {
    name,
    label: text(root, 'label') ?? name,
    description: text(root, 'description'),
    fields,
    objects,
    customPermissions: enabledNames(root, 'customPermissions'),
    customMetadataTypes: enabledNames(root, 'customMetadataTypeAccesses'),
    tabs: new Map(
      children(root, 'tabSettings').map((entry) => [
        text(entry, 'tab') ?? '',
        text(entry, 'visibility') ?? ''
      ])
    ),
    apexClasses: enabledNames(root, 'classAccesses', 'apexClass'),
    applications: new Set(
      children(root, 'applicationVisibilities')
        .filter((entry) => flag(entry, 'visible'))
        .map((entry) => text(entry, 'application') ?? '')
    ),
    userPermissions: enabledNames(root, 'userPermissions')
  };
}

function readDefinitions<T>(
  directory: string,
  suffix: string,
  read: (path: string, name: string) => T
): Map<string, T> {
  const definitions = new Map<string, T>();
  if (!existsSync(directory)) return definitions;
  for (const file of readdirSync(directory)
    .filter((entry) => entry.endsWith(suffix))
    .sort()) {
    const name = file.slice(0, -suffix.length);
    definitions.set(name, read(join(directory, file), name));
  }
  return definitions;
}

export function loadPermissionSets(
  directory: string = DEFAULT_PERMISSION_SETS_DIR
): Map<string, PermissionSetDefinition> {
  return readDefinitions(directory, '.permissionset-meta.xml', (path, name) =>
    permissionSetFromElement(readMetadataFile(path, 'PermissionSet'), name)
  );
}

/** Profiles in the source tree (`profiles/`), by name; most projects ship none. */
export function loadProfiles(directory: string): Map<string, PermissionSetDefinition> {
  return readDefinitions(directory, '.profile-meta.xml', (path, name) =>
    permissionSetFromElement(readMetadataFile(path, 'Profile'), name)
  );
}

/**
 * Permission set groups: the union of their member sets. Muting permission sets take permissions
 * away again, which the runtime does not model: a group that uses one fails loudly.
 */
export function loadPermissionSetGroups(
  directory: string = DEFAULT_PERMISSION_SET_GROUPS_DIR
): Map<string, PermissionSetGroupDefinition> {
  return readDefinitions(directory, '.permissionsetgroup-meta.xml', (path, name) => {
    const root = readMetadataFile(path, 'PermissionSetGroup');
    if (texts(root, 'mutingPermissionSets').length > 0) {
      throw new Error(`not supported offline: muting permission sets (${path})`);
    }
    return {
      name,
      label: text(root, 'label') ?? name,
      description: text(root, 'description'),
      permissionSets: texts(root, 'permissionSets')
    };
  });
}

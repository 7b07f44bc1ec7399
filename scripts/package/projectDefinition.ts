/**
 * What `sfdx-project.json` says about the unlocked package: its packaging directory, the package
 * id an admin fills in, and the version aliases the Salesforce CLI records. Shared by the package
 * scripts (`npm run package:*`) and the package-definition check, so both recognise an unfilled
 * placeholder and a version alias the same way.
 *
 * Package aliases are name/value pairs in `packageAliases`: the package's alias maps to its `0Ho`
 * package id, and `sf package version create` adds `<package>@<major>.<minor>.<patch>-<build>`
 * mapped to the version's `04t` subscriber package version id ("Package IDs and Aliases for
 * Unlocked Packages", https://developer.salesforce.com/docs/platform/sfdx-dev/guide/sfdx-dev-unlocked-pkg-pkg-ids.html;
 * the alias is written by `PackageVersion.updateProjectWithPackageVersion` in @salesforce/packaging,
 * with `-<branch>` appended for a version built on a branch).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The value the repository ships for the package id. It starts with the `0Ho` prefix so a reader
 * sees what belongs there, and it is neither 15 nor 18 characters long, so the CLI never sends it
 * to a Dev Hub: `sf package version create` stops at once with "The Package Id:
 * 0Ho_REPLACE_... isn't defined in the sfdx-project.json ... add the alias to packageAliases with
 * its 0Ho ID" (`validateId` in @salesforce/packaging accepts only 15 or 18 characters).
 */
export const PACKAGE_ID_PLACEHOLDER = '0Ho_REPLACE_WITH_YOUR_DEV_HUB_PACKAGE_ID';

/** Salesforce ids are 15 or 18 alphanumeric characters; the key prefix names the object. */
const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

export function isPackageId(value: string): boolean {
  return SALESFORCE_ID.test(value) && value.startsWith('0Ho');
}

export function isSubscriberPackageVersionId(value: string): boolean {
  return SALESFORCE_ID.test(value) && value.startsWith('04t');
}

/** The shipped placeholder, or any value shaped like it (an admin's half-edited copy). */
export function isPackageIdPlaceholder(value: string): boolean {
  return value === PACKAGE_ID_PLACEHOLDER || /^0Ho_REPLACE/i.test(value);
}

/**
 * A package version as `sf package version create` numbers it: major.minor.patch.build, where the
 * build of a definition may be the keyword NEXT ("Unlocked Packaging Keywords",
 * https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_unlocked_pkg_config_keywords.htm).
 * LATEST and RELEASED name versions of a dependency, not a version to create.
 */
export const DEFINITION_VERSION_NUMBER = /^(\d+)\.(\d+)\.(\d+)\.(\d+|NEXT)$/;

export interface PackageDirectory {
  path: string;
  default?: boolean;
  package?: string;
  versionName?: string;
  versionNumber?: string;
  versionDescription?: string;
  definitionFile?: string;
  ancestorId?: string;
  ancestorVersion?: string;
  dependencies?: { package: string; versionNumber?: string }[];
  [key: string]: unknown;
}

export interface ProjectDefinition {
  packageDirectories: PackageDirectory[];
  namespace?: string;
  sourceApiVersion?: string;
  packageAliases?: Record<string, string>;
  [key: string]: unknown;
}

export function projectFile(projectRoot: string): string {
  return join(projectRoot, 'sfdx-project.json');
}

/**
 * Reads `sfdx-project.json`. The shape is trusted here: `npm run checks` validates it against the
 * schema Salesforce publishes (check:package).
 */
export function readProjectDefinition(projectRoot: string): ProjectDefinition {
  return JSON.parse(readFileSync(projectFile(projectRoot), 'utf8')) as ProjectDefinition;
}

/** The packaging directories: entries that name a package. */
export function packagedDirectories(project: ProjectDefinition): PackageDirectory[] {
  return project.packageDirectories.filter((entry) => typeof entry.package === 'string');
}

/**
 * The package the scripts build and install: the default packaging directory's package, else the
 * only one. Undefined when the project names no package (or several without a default).
 */
export function mainPackage(project: ProjectDefinition): PackageDirectory | undefined {
  const packaged = packagedDirectories(project);
  return (
    packaged.find((entry) => entry.default === true) ??
    (packaged.length === 1 ? packaged[0] : undefined)
  );
}

export type PackageIdState =
  | { kind: 'filled'; id: string }
  | { kind: 'placeholder'; value: string }
  | { kind: 'missing' }
  | { kind: 'malformed'; value: string };

/** Whether the admin has put the Dev Hub's `0Ho` id of `packageName` into `packageAliases`. */
export function packageIdState(project: ProjectDefinition, packageName: string): PackageIdState {
  const value = project.packageAliases?.[packageName];
  if (value === undefined) return { kind: 'missing' };
  if (isPackageId(value)) return { kind: 'filled', id: value };
  if (isPackageIdPlaceholder(value)) return { kind: 'placeholder', value };
  return { kind: 'malformed', value };
}

export interface VersionAlias {
  alias: string;
  id: string;
  major: number;
  minor: number;
  patch: number;
  build: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Parses `<packageName>@<major>.<minor>.<patch>-<build>`, the alias the CLI records for a version.
 * Aliases of versions built on a package branch (`...-<build>-<branch>`) are not ours: the project
 * builds without `--branch`, so they are left out.
 */
export function parseVersionAlias(
  alias: string,
  id: string,
  packageName: string
): VersionAlias | undefined {
  const match = new RegExp(`^${escapeRegExp(packageName)}@(\\d+)\\.(\\d+)\\.(\\d+)-(\\d+)$`).exec(
    alias
  );
  if (!match) return undefined;
  const [major, minor, patch, build] = match.slice(1).map(Number);
  return { alias, id, major, minor, patch, build };
}

/** Every version alias of `packageName` recorded in `packageAliases`, oldest first. */
export function versionAliases(project: ProjectDefinition, packageName: string): VersionAlias[] {
  return Object.entries(project.packageAliases ?? {})
    .flatMap(([alias, id]) => parseVersionAlias(alias, id, packageName) ?? [])
    .sort(
      (a, b) => a.major - b.major || a.minor - b.minor || a.patch - b.patch || a.build - b.build
    );
}

/** The highest recorded version of `packageName`, the one `npm run package:install` installs. */
export function newestVersionAlias(
  project: ProjectDefinition,
  packageName: string
): VersionAlias | undefined {
  return versionAliases(project, packageName).at(-1);
}

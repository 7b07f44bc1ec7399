/**
 * The `sf` argument lists behind `npm run package:create`, `package:version` and `package:install`,
 * built by pure functions from the command line and `sfdx-project.json`, so that every argument,
 * every refusal and the choice of version are tested without an org. The entry points
 * (`create.ts`, `version.ts`, `install.ts`) only run what these functions return.
 *
 * Flags are those of the Salesforce CLI the project ships (@salesforce/plugin-packaging):
 * `sf package version create` ("Create New Versions of an Unlocked Package",
 * https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_unlocked_pkg_create_pkg_ver.htm)
 * and `sf package install`
 * (https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_package_install.md).
 */
import {
  isPackageId,
  isSubscriberPackageVersionId,
  mainPackage,
  newestVersionAlias,
  packageIdState,
  PACKAGE_ID_PLACEHOLDER,
  type ProjectDefinition
} from './projectDefinition';

export type Plan<T> = { ok: true; value: T } | { ok: false; message: string };

const refuse = <T>(message: string): Plan<T> => ({ ok: false, message });

/** Minutes `sf package version create` waits: code coverage runs every Apex test in a build org. */
export const DEFAULT_VERSION_WAIT_MINUTES = 90;
/** Minutes `sf package install` waits for the install, and for a new version to be published. */
export const DEFAULT_INSTALL_WAIT_MINUTES = 30;
export const DEFAULT_PUBLISH_WAIT_MINUTES = 10;

export const UPGRADE_TYPES = ['Mixed', 'DeprecateOnly', 'Delete'] as const;

interface OptionSpec {
  /** Long name without dashes, e.g. `target-org`. */
  name: string;
  short?: string;
}

type ParsedOptions = Plan<Record<string, string>>;

/** Parses `--name value`, `--name=value` and `-x value`; every option takes a value. */
export function parseOptions(argv: readonly string[], specs: readonly OptionSpec[]): ParsedOptions {
  const values: Record<string, string> = {};
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg];
    const spec = specs.find(
      (candidate) =>
        flag === `--${candidate.name}` || (candidate.short && flag === `-${candidate.short}`)
    );
    if (!spec) {
      return refuse(`unknown option "${arg}"`);
    }
    const value = inline ?? argv[++index];
    if (value === undefined || value === '') {
      return refuse(`option "${flag}" needs a value`);
    }
    values[spec.name] = value;
  }
  return { ok: true, value: values };
}

function minutes(values: Record<string, string>, name: string, fallback: number): Plan<string> {
  const value = values[name];
  if (value === undefined) return { ok: true, value: String(fallback) };
  return /^[1-9]\d*$/.test(value)
    ? { ok: true, value }
    : refuse(`--${name} takes whole minutes (1 or more), not "${value}"`);
}

/** What to do when the package's `0Ho` id is not in `packageAliases` yet. */
export function createPackageAdvice(packageName: string): string {
  return (
    `Create the package once in your Dev Hub, which records its 0Ho id in sfdx-project.json:\n` +
    `  npm run package:create -- -v <dev hub alias>\n` +
    `or by hand: SF_PROJECT_AUTOUPDATE_DISABLE_FOR_PACKAGE_CREATE=true npx sf package create ` +
    `--name "${packageName}" --package-type Unlocked --no-namespace --path force-app ` +
    `-v <dev hub alias>, then put the 0Ho id it prints in packageAliases["${packageName}"] in ` +
    `place of ${PACKAGE_ID_PLACEHOLDER} (without the variable the CLI also rewrites the ` +
    `package's entry in packageDirectories with its own defaults).`
  );
}

/** The package the scripts work on, or why there is none. */
function packageName(project: ProjectDefinition): Plan<string> {
  const entry = mainPackage(project);
  return entry?.package
    ? { ok: true, value: entry.package }
    : refuse(
        'sfdx-project.json names no package: the default packageDirectories entry needs ' +
          '"package", "versionName" and "versionNumber" (npm run check:package explains what is missing)'
      );
}

/** Refuses unless the package's `0Ho` id has been filled in. */
function filledPackage(project: ProjectDefinition): Plan<string> {
  const name = packageName(project);
  if (!name.ok) return name;
  const state = packageIdState(project, name.value);
  switch (state.kind) {
    case 'filled':
      return name;
    case 'placeholder':
      return refuse(
        `sfdx-project.json still holds the placeholder "${state.value}" for the package ` +
          `"${name.value}" (packageAliases).\n${createPackageAdvice(name.value)}`
      );
    case 'missing':
      return refuse(
        `sfdx-project.json has no packageAliases entry for the package "${name.value}".\n` +
          createPackageAdvice(name.value)
      );
    case 'malformed':
      return refuse(
        `packageAliases["${name.value}"] in sfdx-project.json is "${state.value}", which is not ` +
          `a package id (0Ho followed by 12 or 15 letters and digits).\n` +
          createPackageAdvice(name.value)
      );
  }
}

export const CREATE_USAGE =
  'usage: npm run package:create -- [-v <dev hub alias>]\n' +
  '  Creates the unlocked package once in the Dev Hub (default: your default Dev Hub) and\n' +
  '  records its 0Ho id in sfdx-project.json in place of the placeholder.';

export interface CreateCommand {
  args: string[];
  /**
   * `sf package create` would otherwise rewrite the packaging directory entry with its own
   * defaults (versionName "ver 0.1", no definitionFile): `createPackageDirEntry` in
   * @salesforce/packaging replaces an entry that names the same package. The script records the
   * id itself instead.
   */
  env: Record<string, string>;
  packageName: string;
}

export function planCreate(
  argv: readonly string[],
  project: ProjectDefinition
): Plan<CreateCommand> {
  const options = parseOptions(argv, [{ name: 'target-dev-hub', short: 'v' }]);
  if (!options.ok) return refuse(`${options.message}\n${CREATE_USAGE}`);
  const name = packageName(project);
  if (!name.ok) return name;
  const state = packageIdState(project, name.value);
  if (state.kind === 'filled') {
    return refuse(
      `The package "${name.value}" already has its id ${state.id} in sfdx-project.json: ` +
        'create a version with npm run package:version.'
    );
  }
  const entry = mainPackage(project);
  const args = [
    'package',
    'create',
    '--name',
    name.value,
    '--package-type',
    'Unlocked',
    '--no-namespace',
    '--path',
    entry?.path ?? 'force-app',
    ...(entry?.versionDescription ? ['--description', entry.versionDescription] : []),
    ...(options.value['target-dev-hub']
      ? ['--target-dev-hub', options.value['target-dev-hub']]
      : []),
    '--json'
  ];
  return {
    ok: true,
    value: {
      args,
      env: { SF_PROJECT_AUTOUPDATE_DISABLE_FOR_PACKAGE_CREATE: 'true' },
      packageName: name.value
    }
  };
}

/**
 * The `0Ho` id in the `--json` output of `sf package create` (`{ status: 0, result: { Id } }`),
 * or why there is none.
 */
export function createdPackageId(jsonOutput: string): Plan<string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(jsonOutput);
  } catch {
    return refuse(`sf package create did not answer with JSON:\n${jsonOutput.trim()}`);
  }
  const record = (value: unknown): Record<string, unknown> =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const id = record(record(parsed).result).Id;
  if (typeof id === 'string' && isPackageId(id)) return { ok: true, value: id };
  const message = record(parsed).message;
  return refuse(
    `sf package create failed: ${typeof message === 'string' ? message : jsonOutput.trim()}`
  );
}

/**
 * `sfdx-project.json`'s text with the package's alias set to `id`, formatted as the CLI and
 * Prettier both write it (two spaces, a final newline).
 */
export function recordPackageId(projectText: string, packageName: string, id: string): string {
  const project = JSON.parse(projectText) as ProjectDefinition;
  project.packageAliases = { ...project.packageAliases, [packageName]: id };
  return `${JSON.stringify(project, null, 2)}\n`;
}

export const VERSION_USAGE =
  'usage: npm run package:version -- [-v <dev hub alias>] [-w <minutes>] [--tag <tag>]\n' +
  '  Builds the LWC JavaScript, then creates a package version with code coverage in the\n' +
  '  Dev Hub (default: your default Dev Hub); the CLI records its alias in sfdx-project.json.';

export function planVersion(argv: readonly string[], project: ProjectDefinition): Plan<string[]> {
  const options = parseOptions(argv, [
    { name: 'target-dev-hub', short: 'v' },
    { name: 'wait', short: 'w' },
    { name: 'tag' }
  ]);
  if (!options.ok) return refuse(`${options.message}\n${VERSION_USAGE}`);
  const wait = minutes(options.value, 'wait', DEFAULT_VERSION_WAIT_MINUTES);
  if (!wait.ok) return wait;
  const name = filledPackage(project);
  if (!name.ok) return name;
  return {
    ok: true,
    value: [
      'package',
      'version',
      'create',
      '--package',
      name.value,
      // Coverage is computed so the version can be promoted: promotion needs 75 % ("Code
      // Coverage for Unlocked Packages", https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_unlocked_pkg_code_coverage.htm).
      '--code-coverage',
      // Anyone with the 04t id may install it: the package is the admin's own, in their own orgs.
      '--installation-key-bypass',
      '--wait',
      wait.value,
      ...(options.value['target-dev-hub']
        ? ['--target-dev-hub', options.value['target-dev-hub']]
        : []),
      ...(options.value.tag ? ['--tag', options.value.tag] : [])
    ]
  };
}

export const INSTALL_USAGE =
  'usage: npm run package:install -- -o <org alias> [-p <version alias or 04t id>]\n' +
  '         [-w <minutes>] [--publish-wait <minutes>] [--upgrade-type Mixed|DeprecateOnly|Delete]\n' +
  '  Installs (or upgrades to) the newest package version recorded in sfdx-project.json, or the\n' +
  '  one given, for admins only.';

export interface InstallCommand {
  args: string[];
  /** The version alias (or 04t id) installed, for the log. */
  version: string;
}

/** The version to install: the one given, else the newest recorded one. */
function chooseVersion(
  project: ProjectDefinition,
  name: string,
  requested: string | undefined
): Plan<string> {
  if (requested !== undefined) {
    if (isSubscriberPackageVersionId(requested)) return { ok: true, value: requested };
    const id = project.packageAliases?.[requested];
    if (id !== undefined && isSubscriberPackageVersionId(id)) return { ok: true, value: requested };
    return refuse(
      `"${requested}" is neither a 04t package version id nor a version alias in ` +
        `sfdx-project.json's packageAliases (they look like "${name}@0.1.0-1").`
    );
  }
  const newest = newestVersionAlias(project, name);
  if (newest && isSubscriberPackageVersionId(newest.id)) return { ok: true, value: newest.alias };
  const notCreated = packageIdState(project, name).kind !== 'filled';
  return refuse(
    `No version of the package "${name}" is recorded in sfdx-project.json yet ` +
      `(packageAliases has no "${name}@x.y.z-n" entry), so there is nothing to install.\n` +
      (notCreated
        ? `${createPackageAdvice(name)}\nThen create a version with npm run package:version.`
        : 'Create one with npm run package:version, or pass -p <04t id> of an existing version.')
  );
}

export function planInstall(
  argv: readonly string[],
  project: ProjectDefinition
): Plan<InstallCommand> {
  const options = parseOptions(argv, [
    { name: 'target-org', short: 'o' },
    { name: 'package', short: 'p' },
    { name: 'wait', short: 'w' },
    { name: 'publish-wait' },
    { name: 'upgrade-type' }
  ]);
  if (!options.ok) return refuse(`${options.message}\n${INSTALL_USAGE}`);
  const org = options.value['target-org'];
  if (!org) {
    return refuse(`Name the org to install into with -o <org alias>.\n${INSTALL_USAGE}`);
  }
  const wait = minutes(options.value, 'wait', DEFAULT_INSTALL_WAIT_MINUTES);
  if (!wait.ok) return wait;
  const publishWait = minutes(options.value, 'publish-wait', DEFAULT_PUBLISH_WAIT_MINUTES);
  if (!publishWait.ok) return publishWait;
  const upgradeType = options.value['upgrade-type'];
  if (upgradeType !== undefined && !(UPGRADE_TYPES as readonly string[]).includes(upgradeType)) {
    return refuse(`--upgrade-type is one of ${UPGRADE_TYPES.join(', ')}, not "${upgradeType}"`);
  }
  const name = packageName(project);
  if (!name.ok) return name;
  const version = chooseVersion(project, name.value, options.value.package);
  if (!version.ok) return version;
  return {
    ok: true,
    value: {
      version: version.value,
      args: [
        'package',
        'install',
        '--package',
        version.value,
        '--target-org',
        org,
        '--wait',
        wait.value,
        '--publish-wait',
        publishWait.value,
        '--no-prompt',
        // Admins first: the permission set groups then give each persona its access.
        '--security-type',
        'AdminsOnly',
        ...(upgradeType ? ['--upgrade-type', upgradeType] : [])
      ]
    }
  };
}

/**
 * `npm run check:package [projectRoot]`: the unlocked package's definition in `sfdx-project.json`.
 *
 * 1. The file is validated against the JSON schema Salesforce publishes for it
 *    (`sfdx-project.schema.json` in @salesforce/schemas, https://github.com/forcedotcom/schemas).
 *    The CLI itself only warns about a schema violation unless SFDX_PROJECT_JSON_VALIDATION=true
 *    (`SfProjectJson.schemaValidate` in @salesforce/core), so a typo such as `versionNumbr` would
 *    otherwise reach `sf package version create` as a missing version number.
 * 2. Then the rules the schema cannot say: the package directory and the build org's definition
 *    file exist; exactly one directory is the default; the version number is major.minor.patch
 *    followed by a build number or NEXT; the version has a name and a description; the package's
 *    id is a 0Ho id or the shipped placeholder; every alias is an id; every dependency names an
 *    alias that exists; nothing that only a managed package may carry (ancestors, install
 *    scripts); and no namespace (the project's decision, see the README's Deploy section).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import {
  DEFINITION_VERSION_NUMBER,
  isPackageId,
  isPackageIdPlaceholder,
  isSubscriberPackageVersionId,
  PACKAGE_ID_PLACEHOLDER,
  parseVersionAlias,
  projectFile
} from '../package/projectDefinition';
import { reportFindings, type Finding } from './findings';

export interface ProjectSchema {
  /** The whole file. */
  project: ValidateFunction;
  /** A packageDirectories entry that names a package. */
  packagingDirectory: ValidateFunction;
  /** A packageDirectories entry without a package. */
  plainDirectory: ValidateFunction;
}

export function defaultSchemaFile(): string {
  return require.resolve('@salesforce/schemas/sfdx-project.schema.json');
}

/**
 * Compiles Salesforce's schema. Strict mode: a schema keyword Ajv does not know fails here,
 * rather than being ignored and passing everything it was meant to refuse.
 */
export function loadProjectSchema(schemaFile: string = defaultSchemaFile()): ProjectSchema {
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { $id?: string };
  if (!schema.$id) {
    throw new Error(`${schemaFile} has no $id: is it still the sfdx-project.json schema?`);
  }
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addSchema(schema);
  const part = (pointer: string): ValidateFunction => {
    const validate = ajv.getSchema(`${schema.$id}#${pointer}`);
    if (!validate) {
      throw new Error(`${schemaFile} has no ${pointer}: has the schema changed shape?`);
    }
    return validate;
  };
  return {
    project: part(''),
    packagingDirectory: part('/definitions/PackagePackageDir'),
    plainDirectory: part('/definitions/PackageDir/anyOf/0')
  };
}

interface Issue {
  /** JSON path segments, e.g. ['packageDirectories', 0, 'versionNumber']. */
  path: (string | number)[];
  message: string;
  rule: 'package-schema' | 'package-definition';
}

function describeSchemaError(error: ErrorObject, prefix: (string | number)[]): Issue {
  const path = [
    ...prefix,
    ...error.instancePath
      .split('/')
      .slice(1)
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment))
  ];
  const params = error.params as Record<string, unknown>;
  let message = error.message ?? error.keyword;
  if (error.keyword === 'additionalProperties') {
    message = `unknown property "${String(params.additionalProperty)}" (the schema allows no other)`;
    path.push(String(params.additionalProperty));
  }
  return { path, message: `${pathText(path)}: ${message}`, rule: 'package-schema' };
}

function pathText(path: readonly (string | number)[]): string {
  return (
    path
      .map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`))
      .join('')
      .slice(1) || '(file)'
  );
}

/** Ajv's validators are type guards; the data's type must not narrow to `never` on a failure. */
function passes(validate: ValidateFunction, data: unknown): boolean {
  return validate(data) === true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Schema violations. A packageDirectories entry matches either a plain directory or a packaging
 * directory (`anyOf`), and Ajv reports both branches' complaints; each entry is therefore judged
 * against the branch it means: a packaging directory when it names a package.
 */
export function schemaIssues(project: unknown, schema: ProjectSchema): Issue[] {
  if (passes(schema.project, project)) return [];
  const issues: Issue[] = [];
  const entryErrors = /^\/packageDirectories\/\d+(\/|$)/;
  for (const error of schema.project.errors ?? []) {
    if (!entryErrors.test(error.instancePath)) {
      issues.push(describeSchemaError(error, []));
    }
  }
  const entries =
    isRecord(project) && Array.isArray(project.packageDirectories)
      ? project.packageDirectories
      : [];
  entries.forEach((entry: unknown, index) => {
    const validate =
      isRecord(entry) && 'package' in entry ? schema.packagingDirectory : schema.plainDirectory;
    if (!passes(validate, entry)) {
      for (const error of validate.errors ?? []) {
        issues.push(describeSchemaError(error, ['packageDirectories', index]));
      }
    }
  });
  return dedupe(issues);
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const first = !seen.has(issue.message);
    seen.add(issue.message);
    return first;
  });
}

/** Keys only a second-generation managed package may carry. */
const MANAGED_ONLY = {
  // "Specifying an ancestor is available only for second-generation managed packages. Remove the
  // ancestorId or ancestorVersion from your sfdx-project.json file" (@salesforce/packaging,
  // errorAncestorNotApplicableToUnlockedPackage); ancestors define a managed package's upgrade
  // path ("Specify a Package Ancestor in the Project File for a Second-Generation Managed
  // Package", https://developer.salesforce.com/docs/platform/pkg2-dev/guide/sfdx-dev-dev2gp-config-ancestors.md).
  ancestorId:
    'ancestors apply to second-generation managed packages only; an unlocked package upgrades to any later version',
  ancestorVersion:
    'ancestors apply to second-generation managed packages only; an unlocked package upgrades to any later version',
  // errorScriptsNotApplicableToUnlockedPackage in @salesforce/packaging.
  postInstallScript: 'install scripts are available only for second-generation managed packages',
  uninstallScript: 'install scripts are available only for second-generation managed packages'
} as const;

/** The rules the schema cannot say. Assumes the file passed the schema's type checks. */
export function definitionIssues(project: Record<string, unknown>, projectRoot: string): Issue[] {
  const issues: Issue[] = [];
  const issue = (path: (string | number)[], message: string): void => {
    issues.push({ path, message: `${pathText(path)}: ${message}`, rule: 'package-definition' });
  };
  const root = resolve(projectRoot);
  const entries = (
    Array.isArray(project.packageDirectories) ? project.packageDirectories : []
  ).filter(isRecord);
  const aliases = isRecord(project.packageAliases)
    ? (project.packageAliases as Record<string, unknown>)
    : {};
  const aliasText = (name: string): string | undefined =>
    typeof aliases[name] === 'string' ? (aliases[name] as string) : undefined;

  const defaults = entries.filter((entry) => entry.default === true).length;
  if (entries.length > 0 && defaults !== 1) {
    issue(
      ['packageDirectories'],
      `exactly one entry must be "default": true (found ${defaults}); the CLI deploys and ` +
        'packages from the default directory'
    );
  }

  const packageNames = new Set<string>();
  entries.forEach((entry, index) => {
    const at = (key: string): (string | number)[] => ['packageDirectories', index, key];
    if (typeof entry.path === 'string') {
      const directory = resolve(root, entry.path);
      const inside = relative(root, directory);
      if (inside.startsWith('..') || isAbsolute(inside)) {
        issue(at('path'), `"${entry.path}" is outside the project`);
      } else if (!existsSync(directory) || !statSync(directory).isDirectory()) {
        issue(at('path'), `the directory "${entry.path}" does not exist`);
      }
    }
    if (typeof entry.package !== 'string') return;
    packageNames.add(entry.package);
    const versionNumber = entry.versionNumber;
    if (typeof versionNumber === 'string' && !DEFINITION_VERSION_NUMBER.test(versionNumber)) {
      issue(
        at('versionNumber'),
        `"${versionNumber}" is not major.minor.patch.build with a build number or NEXT ` +
          '(e.g. "0.1.0.NEXT")'
      );
    }
    for (const key of ['versionName', 'versionDescription']) {
      if (typeof entry[key] !== 'string' || (entry[key] as string).trim() === '') {
        issue(at(key), 'is required: admins see it in Setup > Installed Packages');
      }
    }
    for (const [key, why] of Object.entries(MANAGED_ONLY)) {
      if (key in entry) {
        issue(at(key), `remove it: the package is unlocked, and ${why}`);
      }
    }
    if (typeof entry.definitionFile === 'string') {
      const file = resolve(root, entry.definitionFile);
      if (!existsSync(file)) {
        issue(
          at('definitionFile'),
          `the build org definition "${entry.definitionFile}" does not exist`
        );
      } else {
        try {
          JSON.parse(readFileSync(file, 'utf8'));
        } catch (error) {
          issue(at('definitionFile'), `"${entry.definitionFile}" is not JSON: ${String(error)}`);
        }
      }
    }
    const id = aliasText(entry.package);
    if (id === undefined) {
      issue(
        ['packageAliases'],
        `needs "${entry.package}": "${PACKAGE_ID_PLACEHOLDER}" (the admin replaces it with the ` +
          'package id from their Dev Hub)'
      );
    } else if (!isPackageId(id) && !isPackageIdPlaceholder(id)) {
      issue(
        ['packageAliases', entry.package],
        `"${id}" is neither a package id (0Ho, 15 or 18 characters) nor the placeholder ` +
          `${PACKAGE_ID_PLACEHOLDER}`
      );
    }
    const dependencies = Array.isArray(entry.dependencies) ? entry.dependencies : [];
    dependencies.forEach((dependency: unknown, dependencyIndex) => {
      if (!isRecord(dependency) || typeof dependency.package !== 'string') return;
      const where = ['packageDirectories', index, 'dependencies', dependencyIndex, 'package'];
      const target = aliasText(dependency.package) ?? dependency.package;
      if (isSubscriberPackageVersionId(target)) return;
      if (isPackageId(target)) {
        if (typeof dependency.versionNumber !== 'string') {
          issue(
            where,
            `"${dependency.package}" is a package, so the dependency needs a versionNumber`
          );
        }
        return;
      }
      issue(
        where,
        aliasText(dependency.package) === undefined
          ? `"${dependency.package}" is not an alias in packageAliases (nor a 0Ho or 04t id)`
          : `the alias "${dependency.package}" does not map to a 0Ho or 04t id`
      );
    });
  });

  for (const [alias, value] of Object.entries(aliases)) {
    if (typeof value !== 'string' || packageNames.has(alias)) continue;
    const ownPackage = [...packageNames].find((name) => alias.startsWith(`${name}@`));
    if (ownPackage && !parseVersionAlias(alias, value, ownPackage)) {
      issue(
        ['packageAliases', alias],
        `is not a version alias as the CLI records them ("${ownPackage}@major.minor.patch-build")`
      );
    } else if (ownPackage && !isSubscriberPackageVersionId(value)) {
      issue(
        ['packageAliases', alias],
        `"${value}" is not a package version id (04t, 15 or 18 characters)`
      );
    } else if (!ownPackage && !isPackageId(value) && !isSubscriberPackageVersionId(value)) {
      issue(
        ['packageAliases', alias],
        `"${value}" is neither a 0Ho package id nor a 04t version id`
      );
    }
  }

  if (typeof project.namespace === 'string' && project.namespace !== '') {
    issue(
      ['namespace'],
      `the package is namespace-less by decision (README, Deploy): with "${project.namespace}" ` +
        'every API name, label reference, @salesforce/apex and @salesforce/schema import and Custom ' +
        'Metadata formula would need the prefix, and scratch orgs would be namespaced'
    );
  }
  if (
    typeof project.sourceApiVersion === 'string' &&
    !/^\d{2,}\.0$/.test(project.sourceApiVersion)
  ) {
    issue(
      ['sourceApiVersion'],
      `"${project.sourceApiVersion}" is not an API version such as "65.0"`
    );
  }
  return issues;
}

/** The 1-based line where a JSON path's last key appears, found by walking the keys in order. */
export function lineOfPath(text: string, path: readonly (string | number)[]): number {
  let position = 0;
  for (let index = 0; index < path.length; index++) {
    const segment = path[index];
    if (typeof segment === 'number') {
      // Skip to the segment-th occurrence of the next key, so entry [1] does not land on [0].
      const next = path[index + 1];
      if (typeof next !== 'string') continue;
      for (let skip = 0; skip < segment; skip++) {
        const found = text.indexOf(JSON.stringify(next), position);
        if (found < 0) break;
        position = found + 1;
      }
      continue;
    }
    const found = text.indexOf(`${JSON.stringify(segment)}:`, position);
    const loose = found >= 0 ? found : text.indexOf(JSON.stringify(segment), position);
    if (loose < 0) break;
    position = loose;
  }
  return text.slice(0, position).split('\n').length;
}

export function checkPackageDefinition(
  projectRoot: string,
  schema: ProjectSchema = loadProjectSchema()
): Finding[] {
  const file = projectFile(resolve(projectRoot));
  if (!existsSync(file)) {
    return [{ file, line: 0, message: 'sfdx-project.json is missing', rule: 'package-definition' }];
  }
  const text = readFileSync(file, 'utf8');
  let project: unknown;
  try {
    project = JSON.parse(text);
  } catch (error) {
    return [
      {
        file,
        line: 1,
        message: `not strict JSON (the CLI and apex-ls need it strict): ${String(error)}`,
        rule: 'package-schema'
      }
    ];
  }
  const issues = schemaIssues(project, schema);
  if (isRecord(project)) {
    issues.push(...definitionIssues(project, projectRoot));
  }
  return issues.map((found) => ({
    file,
    line: lineOfPath(text, found.path),
    message: found.message,
    rule: found.rule
  }));
}

if (require.main === module) {
  reportFindings('check:package', checkPackageDefinition(process.argv[2] ?? process.cwd()));
}

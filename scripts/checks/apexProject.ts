/**
 * Reads `sfdx-project.json` the way apex-ls does and lists the Apex sources the checks cover.
 *
 * apex-ls analyses nothing, and still exits 0, when a package directory does not exist or when
 * `.forceignore` hides the Apex files, and it reports only an easily-missed project error when
 * `sfdx-project.json` is not strict JSON, has no package directories, points outside the project
 * or names a package without a `versionNumber`. A check that passes because nothing was analysed
 * is worse than no check, so every one of those conditions becomes a finding here, before any
 * Apex check runs.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Finding } from './findings';
import { isForceIgnored, readForceIgnore } from './apexForceIgnore';

export interface ApexProject {
  /** Absolute project root (the folder holding `sfdx-project.json`). */
  root: string;
  /** Absolute paths of the package directories, in `sfdx-project.json` order. */
  packageDirectories: string[];
  /** Absolute paths of every `.cls` and `.trigger` file in the package directories, sorted. */
  apexFiles: string[];
}

export interface ApexProjectReading {
  /** Undefined when a problem makes the project unusable for analysis. */
  project?: ApexProject;
  /** Conditions under which apex-ls would analyse less than it should; any one fails a check. */
  problems: Finding[];
}

const APEX_SOURCE = /\.(cls|trigger)$/i;
/** Folders never holding deployable Apex: dependencies, tool state, and the checks' own fixtures. */
const NOT_SOURCE_FOLDERS = new Set(['node_modules', '__fixtures__', 'coverage']);

export function readApexProject(projectRoot: string): ApexProjectReading {
  const root = resolve(projectRoot);
  const configFile = join(root, 'sfdx-project.json');
  const configProblem = (message: string): Finding => ({
    file: configFile,
    line: 1,
    message,
    rule: 'apex-project'
  });
  const problem = (message: string): ApexProjectReading => ({ problems: [configProblem(message)] });
  if (!existsSync(configFile)) {
    return problem('sfdx-project.json is missing: apex-ls only analyses SFDX projects');
  }
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(configFile, 'utf8'));
  } catch (error) {
    return problem(
      `sfdx-project.json is not strict JSON (apex-ls would analyse nothing): ${String(error)}`
    );
  }
  const entries = isRecord(config) ? config.packageDirectories : undefined;
  if (!Array.isArray(entries) || entries.length === 0) {
    return problem('sfdx-project.json needs a non-empty "packageDirectories" array');
  }
  const problems: Finding[] = [];
  const packageDirectories: string[] = [];
  for (const [index, entry] of entries.entries()) {
    const where = `packageDirectories[${index}]`;
    if (!isRecord(entry) || typeof entry.path !== 'string' || entry.path === '') {
      problems.push(configProblem(`${where} needs a "path"`));
      continue;
    }
    if (typeof entry.package === 'string' && typeof entry.versionNumber !== 'string') {
      problems.push(
        configProblem(`${where} names package "${entry.package}" but has no "versionNumber"`)
      );
    }
    const directory = resolve(root, entry.path);
    const inside = relative(root, directory);
    if (inside.startsWith('..') || isAbsolute(inside)) {
      problems.push(configProblem(`${where} "${entry.path}" is outside the project`));
    } else if (!existsSync(directory) || !statSync(directory).isDirectory()) {
      problems.push(configProblem(`${where} "${entry.path}" does not exist`));
    } else {
      packageDirectories.push(directory);
    }
  }
  if (problems.length > 0) {
    return { problems };
  }

  const apexFiles = packageDirectories.flatMap((directory) => listApexFiles(directory)).sort();
  const ignorePatterns = readForceIgnore(root);
  for (const file of apexFiles) {
    if (isForceIgnored(relative(root, file).split(sep).join('/'), ignorePatterns)) {
      problems.push({
        file,
        line: 1,
        message: '.forceignore hides this Apex file, so apex-ls and deployments would skip it',
        rule: 'apex-project'
      });
    }
  }
  for (const file of listApexFiles(root)) {
    if (!packageDirectories.some((directory) => file.startsWith(directory + sep))) {
      problems.push({
        file,
        line: 1,
        message: 'Apex file outside every package directory: apex-ls would not analyse it',
        rule: 'apex-project'
      });
    }
  }
  return { project: { root, packageDirectories, apexFiles }, problems };
}

/** Every `.cls` and `.trigger` below a folder, skipping dot-folders and non-source folders. */
export function listApexFiles(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !NOT_SOURCE_FOLDERS.has(entry.name)) {
        found.push(...listApexFiles(path));
      }
    } else if (APEX_SOURCE.test(entry.name)) {
      found.push(path);
    }
  }
  return found;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

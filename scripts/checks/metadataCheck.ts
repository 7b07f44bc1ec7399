/**
 * `npm run check:metadata [projectRoot]`: validates every `*-meta.xml` in the project's package
 * directories against the Metadata API schema and the project rules, printing `file:line` per
 * finding and exiting non-zero when there is any.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { reportFindings, type Finding } from './findings';
import { loadMetadataSchema } from './metadataSchema';
import { validateMetadataDocument } from './metadataValidate';
import {
  checkCustomField,
  checkCustomObject,
  checkLightningComponentBundle
} from './metadataProjectRules';
import { buildProjectIndex, type ProjectDocument } from './metadataProjectIndex';
import { checkReferences } from './metadataReferenceRules';
import { ApexClassLookup, apexSourcesOf, checkFlowReferences } from './metadataFlowRules';

const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.sfdx', '.sf', '.git']);

/** The package directories named in `sfdx-project.json`, or `force-app` without one. */
export function packageDirectories(projectRoot: string): string[] {
  const projectFile = join(projectRoot, 'sfdx-project.json');
  if (existsSync(projectFile)) {
    const project = JSON.parse(readFileSync(projectFile, 'utf8')) as {
      packageDirectories?: { path?: string }[];
    };
    const paths = (project.packageDirectories ?? []).flatMap((entry) =>
      entry.path ? [join(projectRoot, entry.path)] : []
    );
    if (paths.length > 0) {
      return paths;
    }
  }
  return [join(projectRoot, 'force-app')];
}

/** Every `*-meta.xml` under `directory`, appended to `files`. */
export function collectMetadataFiles(directory: string, files: string[]): string[] {
  if (!existsSync(directory)) {
    return files;
  }
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) {
      collectMetadataFiles(path, files);
    } else if (entry.isFile() && entry.name.endsWith('-meta.xml')) {
      files.push(path);
    }
  }
  return files;
}

/** Runs the whole metadata check over a project and returns its findings. */
export function runMetadataCheck(projectRoot: string): Finding[] {
  const schema = loadMetadataSchema();
  const files = packageDirectories(projectRoot)
    .flatMap((directory) => collectMetadataFiles(directory, []))
    .sort();
  const findings: Finding[] = [];
  const documents: ProjectDocument[] = [];
  for (const file of files) {
    const {
      findings: documentFindings,
      root,
      rootType
    } = validateMetadataDocument(schema, file, readFileSync(file, 'utf8'));
    findings.push(...documentFindings);
    if (root && rootType) {
      documents.push({ file, root, rootType });
    }
  }
  const index = buildProjectIndex(documents);
  const apexClasses = new ApexClassLookup(apexSourcesOf(documents));
  for (const document of documents) {
    if (document.rootType === 'CustomField') {
      findings.push(...checkCustomField(document.file, document.root));
    } else if (document.rootType === 'CustomObject') {
      findings.push(...checkCustomObject(document.file, document.root, index));
    } else if (document.rootType === 'LightningComponentBundle') {
      findings.push(...checkLightningComponentBundle(document.file, document.root));
    }
    findings.push(...checkReferences(document, index));
    findings.push(...checkFlowReferences(document, index, apexClasses));
  }
  return findings;
}

if (require.main === module) {
  const projectRoot = resolve(process.argv[2] ?? join(__dirname, '..', '..'));
  reportFindings('check:metadata', runMetadataCheck(projectRoot));
}

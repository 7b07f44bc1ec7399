/**
 * The package's Apex, its tests included, must run in any org: a Danish org has no profile named
 * "Standard User" (profile names are translated) and many orgs replace the default sales process
 * (Prospecting ... Closed Won). So no Apex names a profile or a stage of the default sales process;
 * tests take both from `TestDataFactory`, which reads the org's Profile and OpportunityStage rows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { standardOpportunityStages } from '../../../apex-runtime/src/metadata/standardCatalogue';
import {
  STANDARD_USER,
  SYSTEM_ADMINISTRATOR
} from '../../../apex-runtime/src/platform/accessModel';

const root = join(__dirname, '..', '..', '..');
const classesDir = join(root, 'force-app', 'main', 'default', 'classes');

function apexFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return apexFiles(path);
    return entry.name.endsWith('.cls') ? [path] : [];
  });
}

/** The contents of the Apex string literals of a source, escapes undone. */
function stringLiterals(source: string): string[] {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
  return [...withoutComments.matchAll(/'((?:[^'\\\n]|\\.)*)'/g)].map((match) =>
    match[1].replace(/\\(.)/g, '$1')
  );
}

/** Org-specific names a literal holds: the whole literal, or a formula's "quoted" text. */
function namesIn(literal: string, names: readonly string[]): string[] {
  const lower = literal.toLowerCase();
  return names.filter(
    (name) => lower === name.toLowerCase() || lower.includes(`"${name.toLowerCase()}"`)
  );
}

const stageNames = standardOpportunityStages().map((stage) => stage.apiName);
const profileNames = [STANDARD_USER, SYSTEM_ADMINISTRATOR];

function findings(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const where = relative(classesDir, file);
    const named = stringLiterals(source).flatMap((literal) =>
      namesIn(literal, [...stageNames, ...profileNames]).map((name) => `${where}: '${name}'`)
    );
    const byName = /FROM\s+Profile\s+WHERE[^\]]*?\bName\s*(=|IN\b|LIKE\b)/i.test(source)
      ? [`${where}: a Profile chosen by Name`]
      : [];
    return [...named, ...byName];
  });
}

describe('Apex that runs in any org', () => {
  it('reads Apex string literals, escapes undone and comments skipped', () => {
    expect(
      stringLiterals(
        "// 'Closed Won'\nString a = 'Closed Won'; /* 'x' */ String b = 'it\\'s \"Prospecting\"';"
      )
    ).toEqual(['Closed Won', 'it\'s "Prospecting"']);
  });

  it('finds a stage in a literal or a formula and a profile chosen by name', () => {
    const literals = ['ISPICKVAL(StageName, "Prospecting")', 'closed won', 'Qualified'];
    expect(literals.flatMap((literal) => namesIn(literal, stageNames))).toEqual([
      'Prospecting',
      'Closed Won'
    ]);
  });

  it('names no profile and no stage of the default sales process in any class or test', () => {
    expect(stageNames).toContain('Closed Won');
    expect(findings(apexFiles(classesDir))).toEqual([]);
  });
});

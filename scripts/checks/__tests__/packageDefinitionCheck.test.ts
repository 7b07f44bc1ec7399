import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatFinding } from '../findings';
import { checkPackageDefinition, lineOfPath, loadProjectSchema } from '../packageDefinitionCheck';
import { PACKAGE_ID_PLACEHOLDER } from '../../package/projectDefinition';

const schema = loadProjectSchema();
const PACKAGE = 'Strategic Sales Management';

/** A definition that passes; each test breaks one thing. */
function goodProject(): Record<string, unknown> {
  return {
    packageDirectories: [
      {
        path: 'force-app',
        default: true,
        package: PACKAGE,
        versionName: 'Strategic Sales Management 0.1',
        versionNumber: '0.1.0.NEXT',
        versionDescription: 'Strategy, guidance and KPIs.',
        definitionFile: 'config/project-scratch-def.json'
      }
    ],
    name: 'strategic-sales-management',
    namespace: '',
    sfdcLoginUrl: 'https://login.salesforce.com',
    sourceApiVersion: '65.0',
    packageAliases: { [PACKAGE]: PACKAGE_ID_PLACEHOLDER }
  };
}

function entry(project: Record<string, unknown>): Record<string, unknown> {
  return (project.packageDirectories as Record<string, unknown>[])[0];
}

describe('check:package', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'package-definition-'));
    mkdirSync(join(folder, 'force-app'));
    mkdirSync(join(folder, 'config'));
    writeFileSync(
      join(folder, 'config', 'project-scratch-def.json'),
      '{ "edition": "Developer" }\n'
    );
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  function findings(project: unknown, text = `${JSON.stringify(project, null, 2)}\n`): string[] {
    writeFileSync(join(folder, 'sfdx-project.json'), text);
    return checkPackageDefinition(folder, schema).map((finding) => formatFinding(finding, folder));
  }

  it('passes over the project itself', () => {
    expect(checkPackageDefinition(join(__dirname, '..', '..', '..'), schema)).toEqual([]);
  });

  it('passes the shipped placeholder, a filled 0Ho id and the version aliases the CLI records', () => {
    expect(findings(goodProject())).toEqual([]);
    const filled = goodProject();
    filled.packageAliases = {
      [PACKAGE]: '0Ho5I000000k9f5SAA',
      [`${PACKAGE}@0.1.0-1`]: '04t5I000001eewrQAA',
      [`${PACKAGE}@0.1.0-2`]: '04t5I000001eey9QAA'
    };
    expect(findings(filled)).toEqual([]);
  });

  it("reports a misspelt key with Salesforce's schema, on the line of the key or its parent", () => {
    const project = goodProject();
    const packaged = entry(project);
    packaged.versionNumbr = packaged.versionNumber;
    delete packaged.versionNumber;
    expect(findings(project)).toEqual([
      "sfdx-project.json:2 packageDirectories[0]: must have required property 'versionNumber' [package-schema]",
      'sfdx-project.json:10 packageDirectories[0].versionNumbr: unknown property "versionNumbr" (the schema allows no other) [package-schema]'
    ]);
  });

  it('judges a plain directory against the plain branch of the schema only', () => {
    const project = goodProject();
    mkdirSync(join(folder, 'unpackaged'));
    (project.packageDirectories as unknown[]).push({ path: 'unpackaged', defualt: false });
    expect(findings(project)).toEqual([
      'sfdx-project.json:14 packageDirectories[1].defualt: unknown property "defualt" (the schema allows no other) [package-schema]'
    ]);
  });

  it('reports wrong types and unknown top-level keys', () => {
    const project = goodProject();
    project.sourceApiVersion = 65;
    project.packageAlias = {};
    expect(findings(project)).toEqual([
      'sfdx-project.json:20 packageAlias: unknown property "packageAlias" (the schema allows no other) [package-schema]',
      'sfdx-project.json:16 sourceApiVersion: must be string [package-schema]'
    ]);
  });

  it('refuses a file that is not strict JSON', () => {
    expect(findings(undefined, '{\n  // a comment\n  "packageDirectories": []\n}\n')).toEqual([
      expect.stringMatching(/^sfdx-project\.json:1 not strict JSON .*\[package-schema\]$/)
    ]);
  });

  it('reports a package directory or build org definition that does not exist', () => {
    const project = goodProject();
    entry(project).path = 'src';
    entry(project).definitionFile = 'config/missing.json';
    expect(findings(project)).toEqual([
      'sfdx-project.json:4 packageDirectories[0].path: the directory "src" does not exist [package-definition]',
      'sfdx-project.json:10 packageDirectories[0].definitionFile: the build org definition "config/missing.json" does not exist [package-definition]'
    ]);
  });

  it.each([['1.0'], ['0.1.0'], ['0.1.0.LATEST'], ['v0.1.0.NEXT']])(
    'reports the version number %s, which is not major.minor.patch.(build|NEXT)',
    (versionNumber) => {
      const project = goodProject();
      entry(project).versionNumber = versionNumber;
      expect(findings(project)).toEqual([
        `sfdx-project.json:8 packageDirectories[0].versionNumber: "${versionNumber}" is not ` +
          'major.minor.patch.build with a build number or NEXT (e.g. "0.1.0.NEXT") [package-definition]'
      ]);
    }
  );

  it('requires a version name and description', () => {
    const project = goodProject();
    delete entry(project).versionName;
    entry(project).versionDescription = ' ';
    expect(findings(project)).toEqual([
      'sfdx-project.json:2 packageDirectories[0].versionName: is required: admins see it in Setup > Installed Packages [package-definition]',
      'sfdx-project.json:8 packageDirectories[0].versionDescription: is required: admins see it in Setup > Installed Packages [package-definition]'
    ]);
  });

  it('refuses ancestors, which only a managed package may declare', () => {
    const project = goodProject();
    entry(project).ancestorVersion = 'HIGHEST';
    expect(findings(project)).toEqual([
      'sfdx-project.json:11 packageDirectories[0].ancestorVersion: remove it: the package is unlocked, and ancestors apply to second-generation managed packages only; an unlocked package upgrades to any later version [package-definition]'
    ]);
  });

  it('requires exactly one default directory', () => {
    const project = goodProject();
    entry(project).default = false;
    expect(findings(project)).toEqual([
      expect.stringMatching(
        /^sfdx-project\.json:2 packageDirectories: exactly one entry must be "default": true \(found 0\)/
      )
    ]);
  });

  it("requires the package's alias, holding a 0Ho id or the placeholder", () => {
    const missing = goodProject();
    missing.packageAliases = {};
    expect(findings(missing)).toEqual([
      `sfdx-project.json:17 packageAliases: needs "${PACKAGE}": "${PACKAGE_ID_PLACEHOLDER}" ` +
        '(the admin replaces it with the package id from their Dev Hub) [package-definition]'
    ]);
    const malformed = goodProject();
    malformed.packageAliases = { [PACKAGE]: '04t5I000001eewrQAA' };
    expect(findings(malformed)).toEqual([
      `sfdx-project.json:18 packageAliases.${PACKAGE}: "04t5I000001eewrQAA" is neither a package ` +
        `id (0Ho, 15 or 18 characters) nor the placeholder ${PACKAGE_ID_PLACEHOLDER} [package-definition]`
    ]);
  });

  it('reports a version alias that is not the 04t id of a version as the CLI records it', () => {
    const project = goodProject();
    project.packageAliases = {
      [PACKAGE]: PACKAGE_ID_PLACEHOLDER,
      [`${PACKAGE}@0.1.0-1`]: '0Ho5I000000k9f5SAA',
      [`${PACKAGE}@latest`]: '04t5I000001eewrQAA'
    };
    expect(findings(project)).toEqual([
      `sfdx-project.json:19 packageAliases.${PACKAGE}@0.1.0-1: "0Ho5I000000k9f5SAA" is not a package version id (04t, 15 or 18 characters) [package-definition]`,
      `sfdx-project.json:20 packageAliases.${PACKAGE}@latest: is not a version alias as the CLI records them ("${PACKAGE}@major.minor.patch-build") [package-definition]`
    ]);
  });

  it('requires every dependency to name an alias that exists, and a version for a package', () => {
    const project = goodProject();
    entry(project).dependencies = [
      { package: 'Nebula Logger@4.16.0-1' },
      { package: 'Trigger Actions' },
      { package: 'Unknown Package' }
    ];
    project.packageAliases = {
      [PACKAGE]: PACKAGE_ID_PLACEHOLDER,
      'Nebula Logger@4.16.0-1': '04t5Y0000015pGyQAI',
      'Trigger Actions': '0Ho5I000000k9f5SAA'
    };
    expect(findings(project)).toEqual([
      'sfdx-project.json:16 packageDirectories[0].dependencies[1].package: "Trigger Actions" is a package, so the dependency needs a versionNumber [package-definition]',
      'sfdx-project.json:19 packageDirectories[0].dependencies[2].package: "Unknown Package" is not an alias in packageAliases (nor a 0Ho or 04t id) [package-definition]'
    ]);
  });

  it('refuses a namespace: the package is namespace-less by decision', () => {
    const project = goodProject();
    project.namespace = 'ssm';
    expect(findings(project)).toEqual([
      expect.stringMatching(
        /^sfdx-project\.json:14 namespace: the package is namespace-less by decision .*\[package-definition\]$/
      )
    ]);
  });

  it('finds the line of the n-th entry, not the first', () => {
    const text = '{\n  "a": [\n    { "k": 1 },\n    { "k": 2 }\n  ]\n}\n';
    expect(lineOfPath(text, ['a', 1, 'k'])).toBe(4);
    expect(lineOfPath(text, ['a', 0, 'k'])).toBe(3);
    expect(lineOfPath(text, [])).toBe(1);
  });

  it('refuses a schema file that is not the sfdx-project.json schema', () => {
    const file = join(folder, 'other.schema.json');
    writeFileSync(file, '{ "type": "object" }');
    expect(() => loadProjectSchema(file)).toThrow(/has no \$id/);
    writeFileSync(file, '{ "$id": "http://example.com/x.json", "type": "object" }');
    expect(() => loadProjectSchema(file)).toThrow(/has no \/definitions\/PackagePackageDir/);
  });

  it('exits non-zero from the command line and prints file:line for each finding', () => {
    const project = goodProject();
    entry(project).versionNumber = '1.0';
    writeFileSync(join(folder, 'sfdx-project.json'), JSON.stringify(project, null, 2));
    const result = spawnSync(
      process.execPath,
      [require.resolve('tsx/cli'), join(__dirname, '..', 'packageDefinitionCheck.ts'), folder],
      { encoding: 'utf8', cwd: folder }
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('sfdx-project.json:8 packageDirectories[0].versionNumber');
    expect(result.stdout).toContain('check:package: 1 finding');
  }, 30_000);
});

/**
 * What goes into a package version: the CLI converts the package directory with
 * `MetadataResolver.generateMDFolderForArtifact` (@salesforce/packaging, the code behind
 * `sf package version create`), honouring `.forceignore` as `sf project deploy` does. These tests
 * run that very converter, offline, so they pin that the TypeScript sources and tests stay out of
 * the package and that the emitted JavaScript, which only exists after `npm run build`, goes in:
 * hence `package:version` builds first.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../runSf';

interface Converter {
  generateMDFolderForArtifact(options: {
    deploydir: string;
    sourceDir: string;
    sourceApiVersion: string;
  }): Promise<unknown>;
}

function packagingConverter(): Converter {
  const module = require('@salesforce/packaging/lib/package/packageVersionCreate') as {
    MetadataResolver: new () => Converter;
  };
  return new module.MetadataResolver();
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

describe('package contents', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'package-contents-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('ships the emitted .js of a TypeScript component and leaves its .ts, tests and tsconfig out', async () => {
    const project = join(folder, 'project');
    const bundle = join(project, 'force-app', 'main', 'default', 'lwc', 'kpiTiles');
    mkdirSync(join(bundle, '__tests__'), { recursive: true });
    copyFileSync(join(PROJECT_ROOT, '.forceignore'), join(project, '.forceignore'));
    copyFileSync(join(PROJECT_ROOT, 'sfdx-project.json'), join(project, 'sfdx-project.json'));
    writeFileSync(join(bundle, 'kpiTiles.ts'), 'export default class KpiTiles {}\n');
    writeFileSync(join(bundle, 'kpiTiles.js'), 'export default class KpiTiles {}\n');
    writeFileSync(join(bundle, 'kpiTiles.html'), '<template></template>\n');
    writeFileSync(
      join(bundle, 'kpiTiles.js-meta.xml'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
        '  <apiVersion>65.0</apiVersion>\n  <isExposed>false</isExposed>\n</LightningComponentBundle>\n'
    );
    writeFileSync(join(bundle, 'tsconfig.json'), '{}\n');
    writeFileSync(join(bundle, '__tests__', 'kpiTiles.test.ts'), 'it("x", () => {});\n');

    const output = join(folder, 'output');
    await packagingConverter().generateMDFolderForArtifact({
      deploydir: output,
      sourceDir: join(project, 'force-app'),
      sourceApiVersion: '65.0'
    });

    expect(filesUnder(output)).toEqual([
      'lwc/kpiTiles/kpiTiles.html',
      'lwc/kpiTiles/kpiTiles.js',
      'lwc/kpiTiles/kpiTiles.js-meta.xml',
      'package.xml'
    ]);
  });

  it("keeps every TypeScript source and test of the project's own package directory out", async () => {
    const output = join(folder, 'output');
    await packagingConverter().generateMDFolderForArtifact({
      deploydir: output,
      sourceDir: join(PROJECT_ROOT, 'force-app'),
      sourceApiVersion: '65.0'
    });
    const files = filesUnder(output);
    expect(files).toContain('package.xml');
    expect(files.some((file) => file.startsWith('classes/'))).toBe(true);
    expect(files.filter((file) => /\.ts$|__tests__|tsconfig\.json$/.test(file))).toEqual([]);
  });
});

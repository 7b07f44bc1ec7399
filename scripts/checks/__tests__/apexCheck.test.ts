import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkApex } from '../apexCheck';
import { isForceIgnored, parseForceIgnore } from '../apexForceIgnore';
import { CheckToolUnavailableError, runApexLs } from '../apexLanguageServer';

const CHECKS = join(__dirname, '..');
const FIXTURES = join(CHECKS, '__fixtures__', 'apex');
const JAVA_TIMEOUT = 60_000;

function runCli(fixture: string) {
  return spawnSync(
    process.execPath,
    [require.resolve('tsx/cli'), join(CHECKS, 'apexCheck.ts'), join(FIXTURES, fixture)],
    { encoding: 'utf8' }
  );
}

describe('check:apex', () => {
  it(
    'fails with file:line on an unknown custom field in a field access',
    () => {
      const result = runCli('unknown-field');
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        'unknown-field/force-app/main/default/classes/SegmentPriority.cls:6:12 Missing: ' +
          "Unknown field 'Rank__c' on SObject 'Schema.Customer_Segment__c'"
      );
    },
    JAVA_TIMEOUT
  );

  it(
    'passes a clean class, ignoring only the documented FormulaValidationException false positive',
    () => {
      const result = checkApex(join(FIXTURES, 'good'));
      expect(result.findings).toEqual([]);
      expect(result.suppressed).toBe(1);
      expect(result.apexFileCount).toBe(1);
    },
    JAVA_TIMEOUT
  );

  it(
    'fails loudly on a package directory that does not exist, where apex-ls itself passes silently',
    () => {
      const project = join(FIXTURES, 'missing-package-directory');
      expect(runApexLs(project)).toEqual([]);
      const result = runCli('missing-package-directory');
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        'sfdx-project.json:1 packageDirectories[0] "src" does not exist'
      );
    },
    JAVA_TIMEOUT
  );

  it(
    'fails loudly when .forceignore hides Apex, where apex-ls itself passes silently',
    () => {
      const project = join(FIXTURES, 'forceignored-classes');
      expect(runApexLs(project)).toEqual([]);
      const { findings, ranApexLs } = checkApex(project);
      expect(ranApexLs).toBe(false);
      expect(findings).toEqual([
        expect.objectContaining({
          file: join(project, 'force-app/main/default/classes/SegmentPriority.cls'),
          message: expect.stringContaining('.forceignore hides this Apex file')
        })
      ]);
    },
    JAVA_TIMEOUT
  );

  it(
    'reports a syntax error with its line',
    () => {
      const project = mkdtempSync(join(tmpdir(), 'apex-syntax-'));
      try {
        const classes = join(project, 'force-app', 'main', 'default', 'classes');
        mkdirSync(classes, { recursive: true });
        writeFileSync(
          join(project, 'sfdx-project.json'),
          '{ "packageDirectories": [{ "path": "force-app", "default": true }] }'
        );
        writeFileSync(
          join(classes, 'Broken.cls'),
          'public class Broken {\n  void run( {\n  }\n}\n'
        );
        writeFileSync(
          join(classes, 'Broken.cls-meta.xml'),
          '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><status>Active</status></ApexClass>\n'
        );
        const { findings } = checkApex(project);
        expect(findings).toContainEqual(
          expect.objectContaining({
            file: join(classes, 'Broken.cls'),
            line: 2,
            message: expect.stringMatching(/^Syntax: /)
          })
        );
      } finally {
        rmSync(project, { recursive: true, force: true });
      }
    },
    JAVA_TIMEOUT
  );

  describe('sfdx-project.json preconditions (checked before Java starts)', () => {
    let project: string;
    beforeEach(() => {
      project = mkdtempSync(join(tmpdir(), 'apex-check-'));
    });
    afterEach(() => rmSync(project, { recursive: true, force: true }));

    const messageFor = (config: string): string => {
      writeFileSync(join(project, 'sfdx-project.json'), config);
      const { findings, ranApexLs } = checkApex(project);
      expect(ranApexLs).toBe(false);
      expect(findings).toHaveLength(1);
      return findings[0].message;
    };

    it('rejects JSON with a trailing comma', () => {
      expect(messageFor('{ "packageDirectories": [{ "path": "." },] }')).toMatch(/not strict JSON/);
    });

    it('rejects an empty packageDirectories list', () => {
      expect(messageFor('{ "packageDirectories": [] }')).toMatch(/non-empty "packageDirectories"/);
    });

    it('rejects a package without a versionNumber', () => {
      expect(messageFor('{ "packageDirectories": [{ "path": ".", "package": "SSM" }] }')).toMatch(
        /names package "SSM" but has no "versionNumber"/
      );
    });

    it('rejects a package directory outside the project', () => {
      expect(messageFor('{ "packageDirectories": [{ "path": ".." }] }')).toMatch(
        /is outside the project/
      );
    });

    it('rejects an Apex file outside every package directory', () => {
      mkdirSync(join(project, 'force-app'));
      mkdirSync(join(project, 'src', 'classes'), { recursive: true });
      writeFileSync(join(project, 'src', 'classes', 'Stray.cls'), 'public class Stray {}');
      expect(messageFor('{ "packageDirectories": [{ "path": "force-app" }] }')).toMatch(
        /outside every package directory: apex-ls would not analyse it/
      );
    });

    it('rejects a project without sfdx-project.json', () => {
      const { findings } = checkApex(project);
      expect(findings[0].message).toMatch(/sfdx-project.json is missing/);
    });
  });

  it('names Java as the cause when the java command is missing', () => {
    expect(() => runApexLs(join(FIXTURES, 'good'), 'java-that-does-not-exist')).toThrow(
      CheckToolUnavailableError
    );
    expect(() => runApexLs(join(FIXTURES, 'good'), 'java-that-does-not-exist')).toThrow(
      /"java-that-does-not-exist" was not found: the Apex checks need Java/
    );
  });
});

describe('.forceignore matching', () => {
  const classFile = 'force-app/main/default/classes/rules/RuleEngine.cls';

  it('hides a file below a folder matched by a ** pattern', () => {
    expect(isForceIgnored(classFile, parseForceIgnore('**/classes/**'))).toBe(true);
  });

  it('matches a pattern without a slash against the file name at any depth', () => {
    expect(isForceIgnored(classFile, parseForceIgnore('RuleEngine.cls'))).toBe(true);
    expect(isForceIgnored(classFile, parseForceIgnore('*.cls'))).toBe(true);
  });

  it('does not hide Apex with the project patterns for TypeScript and tests', () => {
    const patterns = parseForceIgnore('# comment\n**/*.ts\n**/__tests__/**\n**/tsconfig.json\n');
    expect(isForceIgnored(classFile, patterns)).toBe(false);
    expect(isForceIgnored('force-app/main/default/lwc/a/a.ts', patterns)).toBe(true);
  });

  it('lets a later negation un-ignore a file', () => {
    expect(isForceIgnored(classFile, parseForceIgnore('*.cls\n!RuleEngine.cls'))).toBe(false);
  });

  it('anchors a pattern that contains a slash at the project root', () => {
    expect(isForceIgnored(classFile, parseForceIgnore('default/classes'))).toBe(false);
    expect(isForceIgnored(classFile, parseForceIgnore('force-app/main/default/classes/'))).toBe(
      true
    );
  });
});

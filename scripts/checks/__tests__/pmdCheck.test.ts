import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPmd, formatSeverityCounts } from '../pmdCheck';

const CHECKS = join(__dirname, '..');
const FIXTURES = join(CHECKS, '__fixtures__', 'pmd');
const PMD_TIMEOUT = 120_000;

function runCli(fixture: string) {
  return spawnSync(
    process.execPath,
    [require.resolve('tsx/cli'), join(CHECKS, 'pmdCheck.ts'), join(FIXTURES, fixture)],
    { encoding: 'utf8' }
  );
}

describe('check:pmd', () => {
  it(
    'fails on a SOQL query inside a loop, raised to High, and prints the count by severity',
    () => {
      const result = runCli('query-in-loop');
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        'query-in-loop/force-app/main/default/classes/SegmentLoader.cls:8:20 severity 2: ' +
          'Avoid operations in loops that may hit governor limits [pmd:OperationWithLimitsInLoop]'
      );
      expect(result.stdout).toMatch(
        /check:pmd: 1 Apex file\(s\); \d+ violation\(s\): Critical \(1\): 0, High \(2\): 1,/
      );
    },
    PMD_TIMEOUT
  );

  it(
    'passes bulk-safe Apex in user mode, still counting its lower-severity findings',
    () => {
      const result = runCli('good');
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(
        /Critical \(1\): 0, High \(2\): 0, Moderate \(3\): 0, Low \(4\): 1,/
      );
      expect(result.stdout).toContain('check:pmd: no findings');
    },
    PMD_TIMEOUT
  );

  it('passes a project with an empty classes folder without starting Java', async () => {
    const project = mkdtempSync(join(tmpdir(), 'pmd-check-'));
    try {
      mkdirSync(join(project, 'force-app', 'main', 'default', 'classes'), { recursive: true });
      writeFileSync(
        join(project, 'sfdx-project.json'),
        JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] })
      );
      const result = await checkPmd(project);
      expect(result).toMatchObject({ findings: [], apexFileCount: 0, allViolations: [] });
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('names Java as the cause when java is not on the PATH', async () => {
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      await expect(checkPmd(join(FIXTURES, 'good'))).rejects.toThrow(
        /"java" was not found: the Apex checks need Java 11 or later/
      );
    } finally {
      process.env.PATH = path;
    }
  });

  it('formats the count of every severity with the total', () => {
    expect(formatSeverityCounts({ 1: 0, 2: 1, 3: 2, 4: 3, 5: 0 })).toBe(
      '6 violation(s): Critical (1): 0, High (2): 1, Moderate (3): 2, Low (4): 3, Info (5): 0'
    );
  });
});

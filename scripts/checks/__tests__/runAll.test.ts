import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSteps, runSteps, summarize } from '../runAll';

describe('runAll', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'run-all-'));
    writeFileSync(
      join(folder, 'passing.ts'),
      'const code: number = 0;\nprocess.exitCode = code;\n'
    );
    writeFileSync(
      join(folder, 'failing.ts'),
      'const code: number = 1;\nprocess.exitCode = code;\n'
    );
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('runs every step in order, failing a step whose script is missing instead of skipping it', () => {
    const logged: string[] = [];
    const outcomes = runSteps(
      [
        { name: 'first', script: join(folder, 'passing.ts'), args: [] },
        { name: 'absent', script: join(folder, 'absent.ts'), args: [] },
        { name: 'last', script: join(folder, 'failing.ts'), args: [] }
      ],
      (line) => logged.push(line)
    );
    expect(outcomes.map(({ name, passed }) => [name, passed])).toEqual([
      ['first', true],
      ['absent', false],
      ['last', false]
    ]);
    expect(outcomes[1].reason).toMatch(/^missing script .*absent\.ts$/);
    expect(outcomes[2].reason).toBe('exit 1');
    expect(logged).toContain('absent: FAILED (' + outcomes[1].reason + ')');
  }, 30_000);

  it('prints each time and a failing total when any step failed', () => {
    const summary = summarize([
      { name: 'check:a', passed: true, seconds: 1.25 },
      { name: 'check:b', passed: false, seconds: 2, reason: 'exit 1' }
    ]);
    expect(summary.split('\n')).toEqual([
      'check:a  ok        1.3 s',
      'check:b  FAILED    2.0 s  (exit 1)',
      'total    FAILED    3.3 s  (1 of 2 failed)'
    ]);
  });

  it('runs the package definition, metadata, translations, tab motifs, report fields, apex, soql, pmd and the apex-types staleness check, passing the project root', () => {
    const steps = defaultSteps('/checks', '/project');
    expect(steps.map((step) => [step.name, step.script, step.args])).toEqual([
      ['check:package', '/checks/packageDefinitionCheck.ts', ['/project']],
      ['check:metadata', '/checks/metadataCheck.ts', ['/project']],
      ['check:translations', '/checks/translationCheck.ts', ['/project']],
      ['check:tab-motifs', '/checks/tabMotifCheck.ts', ['/project']],
      ['check:reports', '/checks/reportFieldCheck.ts', ['/project']],
      ['check:apex', '/checks/apexCheck.ts', ['/project']],
      ['check:soql', '/checks/soqlCheck.ts', ['/project']],
      ['check:pmd', '/checks/pmdCheck.ts', ['/project']],
      ['check:apex-types', '/checks/apexTypes.ts', ['--check']]
    ]);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatFinding } from '../findings';
import { checkTabMotifs, loadTabMotifs } from '../tabMotifCheck';

const fixtures = join(__dirname, '..', '__fixtures__', 'tabs');
const motifs = loadTabMotifs();

function findingsIn(fixture: string): string[] {
  const root = join(fixtures, fixture);
  return checkTabMotifs(root, motifs).map((finding) => formatFinding(finding, root));
}

describe('check:tab-motifs', () => {
  it("reads the hundred tab styles, Custom1 to Custom100, from the CLI's tab generator", () => {
    const numbers = [...motifs].map((motif) => Number(/^Custom(\d+):/.exec(motif)?.[1]));
    expect(new Set(numbers).size).toBe(100);
    expect(Math.min(...numbers)).toBe(1);
    expect(Math.max(...numbers)).toBe(100);
    expect(motifs).toContain('Custom57: Building Block');
    expect(motifs).toContain('Custom4: Hexagon');
  });

  it('reports nothing when every tab uses a style the platform offers', () => {
    expect(findingsIn('good')).toEqual([]);
  });

  it('reports an unknown style with its file, line and the style that number really is', () => {
    expect(findingsIn('unknown-motif')).toEqual([
      'force-app/main/default/tabs/SSM_Team_Development.tab-meta.xml:5:5 ' +
        "'Custom57: Mountain' is not a tab style the platform offers " +
        "(Custom57 is 'Custom57: Building Block') [tab-motif]"
    ]);
  });

  it('passes over the project itself', () => {
    expect(checkTabMotifs(join(__dirname, '..', '..', '..'), motifs)).toEqual([]);
  });

  it('refuses to run when the tab generator no longer lists any style', () => {
    const folder = mkdtempSync(join(tmpdir(), 'tab-motifs-'));
    try {
      const generator = join(folder, 'tab.js');
      writeFileSync(generator, 'export default class GenerateTab {}\n');
      expect(() => loadTabMotifs(generator)).toThrow(/no tab styles found/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('exits non-zero from the command line and prints file:line for each finding', () => {
    const result = spawnSync(
      process.execPath,
      [
        require.resolve('tsx/cli'),
        join(__dirname, '..', 'tabMotifCheck.ts'),
        join(fixtures, 'unknown-motif')
      ],
      { encoding: 'utf8' }
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('SSM_Team_Development.tab-meta.xml:5:5');
    expect(result.stdout).toContain('check:tab-motifs: 1 finding');
  }, 30000);
});

/**
 * The `ssm` command as an admin runs it: `npx ssm` goes through bin/ssm.js (checked by spawning
 * it), every command has --help, usage errors exit with 2, and the default sample audit writes a
 * JSON report and a self-contained HTML report.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditReport } from '../audit';
import { loadEmbeddedOrg } from '../../org/embeddedOrg';
import { EXIT } from '../exitCodes';
import { REPO_ROOT, runCli } from './cliHarness';
import { sumInDkk } from '../../sample/__tests__/inDkk';

// Each test runs the CLI end to end against a local fake org (thousands of records over HTTP,
// or a child process); on a loaded two-core CI machine that can take longer than Jest's 5 s.
jest.setTimeout(60_000);

const BIN = join(REPO_ROOT, 'bin', 'ssm.js');

describe('ssm', () => {
  it('runs through bin/ssm.js with --help, and names an unknown command', () => {
    const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', cwd: tmpdir() });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: npx ssm <command> [options]');

    const unknown = spawnSync(process.execPath, [BIN, 'sede'], { encoding: 'utf8' });
    expect(unknown.status).toBe(EXIT.usage);
    expect(unknown.stderr).toContain('Unknown command "sede"');
  });

  it.each([
    ['seed', 'Usage: npx ssm seed -o <alias or username> [options]'],
    ['audit', 'Usage: npx ssm audit [--sample | --csv <file> | -o <org>] [options]']
  ])('%s --help prints the options', async (command, usage) => {
    const result = await runCli([command, '--help'], {});
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain(usage);
    expect((await runCli(['help', command], {})).stdout).toBe(result.stdout);
  });

  it('exits with 2 on an unknown option, two sources or a bad period', async () => {
    const option = await runCli(['audit', '--colour'], {});
    expect(option.code).toBe(EXIT.usage);
    expect(option.stderr).toContain("Unknown option '--colour'");

    const sources = await runCli(['audit', '--sample', '--csv', 'x.csv'], {});
    expect(sources.code).toBe(EXIT.usage);

    const period = await runCli(['audit', '--period', '2026-Q5'], {});
    expect(period.code).toBe(EXIT.usage);
    expect(period.stderr).toContain('--period 2026-Q5: Not a period: 2026-Q5');

    const seedWithoutOrg = await runCli(['seed'], {});
    expect(seedWithoutOrg.code).toBe(EXIT.usage);
    expect(seedWithoutOrg.stderr).toContain('No org given');
  });

  describe('audit of the sample org', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'ssm-sample-'));
    });
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('writes the JSON report with the documented keys and the KPIs of the sample quarter', async () => {
      const result = await runCli(
        ['audit', '--json', join(dir, 'a.json'), '--html', join(dir, 'a.html')],
        {}
      );
      expect(result.code).toBe(EXIT.ok);
      const report = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as AuditReport;
      expect(Object.keys(report)).toEqual([
        'reportVersion',
        'object',
        'source',
        'today',
        'period',
        'records',
        'malformedRows',
        'suspicious',
        'columns',
        'rules',
        'dataQuality',
        'coaching',
        'pipeline',
        'currency'
      ]);
      expect(report.today).toBe('2026-11-16');
      // scripts/sample/README.md: 323 deals close in 2026-Q4 (45 won, 70 lost, 208 open).
      expect(report.pipeline).toMatchObject({
        dealCount: 323,
        wonCount: 45,
        lostCount: 70,
        openCount: 208
      });
      // GAPS: 18 open deals with a past close date, 8 without a decision maker late-stage.
      expect(report.dataQuality.flaggedByRule.Opp_Close_Date_Not_Past).toBe(18);
      expect(report.dataQuality.flaggedByRule.Opp_Decision_Maker_From_Proposal).toBe(8);
      expect(report.rules.every((rule) => rule.status === 'evaluated')).toBe(true);
      expect(report.pipeline?.sellers).toHaveLength(8);
    });

    it('reports every amount in DKK, as an independent recomputation of the sample deals says', () => {
      const report = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as AuditReport;
      const q4 = loadEmbeddedOrg()
        .records('Opportunity')
        .filter(
          (deal) => String(deal.CloseDate) >= '2026-10-01' && String(deal.CloseDate) <= '2026-12-31'
        );
      expect(report.currency?.corporate).toBe('DKK');
      expect(report.currency?.breakdown.map((row) => row.currency).sort()).toEqual([
        'DKK',
        'EUR',
        'NOK',
        'SEK'
      ]);
      expect(report.pipeline?.openAmount).toBeCloseTo(
        sumInDkk(q4.filter((d) => d.IsClosed !== true)),
        2
      );
      expect(report.pipeline?.wonAmount).toBeCloseTo(
        sumInDkk(q4.filter((d) => d.IsWon === true)),
        2
      );
      expect(report.pipeline?.lostAmount).toBeCloseTo(
        sumInDkk(q4.filter((d) => d.IsClosed === true && d.IsWon !== true)),
        2
      );
    });

    it('counts days in stage as of --today, as the org computes the formula when it is read', async () => {
      const result = await runCli(
        ['audit', '--today', '2026-12-17', '--json', join(dir, 'b.json')],
        {}
      );
      expect(result.code).toBe(EXIT.ok);
      const report = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')) as AuditReport;
      // Coach_Stalled_In_Stage: open and more than 30 days in the stage on 2026-12-17, that is,
      // in it since before 2026-11-16 (Days_In_Stage__c is TODAY() - Stage_Entered_On__c).
      const stalled = loadEmbeddedOrg()
        .records('Opportunity')
        .filter(
          (deal) =>
            deal.IsClosed === false &&
            typeof deal.Stage_Entered_On__c === 'string' &&
            deal.Stage_Entered_On__c < '2026-11-16'
        );
      expect(report.coaching.flaggedByRule.Coach_Stalled_In_Stage).toBe(stalled.length);
    });

    it('writes one HTML file with inline SVG charts and nothing to fetch', () => {
      const html = readFileSync(join(dir, 'a.html'), 'utf8');
      expect(html.match(/<svg /g)).toHaveLength(6);
      for (const title of [
        'Score distribution',
        'Records flagged per data-quality rule',
        'Records flagged per coaching prompt',
        'Open pipeline by stage',
        'Amount by forecast category',
        'Open and won amount per seller'
      ]) {
        expect(html).toContain(title);
      }
      expect(html).not.toMatch(/<script|<link|src=|href=|url\(/i);
    });
  });
});

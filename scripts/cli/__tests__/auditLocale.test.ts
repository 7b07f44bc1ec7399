/**
 * `ssm audit --locale` as an admin runs it (issue 20): `--locale da-DK` writes a Danish HTML
 * report of the sample org or of a CSV export, the terminal summary stays English, and a
 * locale there is no report text for, or one that is not BCP 47, is refused before any work.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditReport } from '../audit';
import { EXIT } from '../exitCodes';
import { runCli } from './cliHarness';

/** Intl puts a no-break space between an amount and its currency. */
const NBSP = '\u00a0';

// Each audit of the sample org reads its 4,535 records; a busy CI machine needs more than 5 s.
jest.setTimeout(60_000);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ssm-locale-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('ssm audit --locale', () => {
  it('writes a Danish HTML report of the sample org with --locale da-DK', async () => {
    const html = join(dir, 'revision.html');
    const result = await runCli(['audit', '--locale', 'da-DK', '--html', html], {});

    expect(result.code).toBe(EXIT.ok);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<html lang="da">');
    expect(page).toContain('<h1>Gennemgang af salgsmuligheder</h1>');
    expect(page).toContain('<h2>Datakvalitet</h2>');
    // scripts/sample/README.md: 323 deals close in 2026-Q4; their open amount is DKK 13,549,341
    // (cli.test.ts recomputes it independently).
    expect(page).toContain('<td>Salgsmuligheder med lukkedato i perioden</td><td>323</td>');
    expect(page).toContain(`<td>Åben pipeline</td><td>13.549.341${NBSP}kr.</td>`);
    expect(page).toContain('Dagsdato: 16. nov. 2026.');
    expect(page).not.toContain('Audit of');
  });

  it('keeps the terminal summary in English', async () => {
    const result = await runCli(['audit', '--locale', 'da', '--html', join(dir, 'a.html')], {});

    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain('Audit of Opportunity from the sample org, today 2026-11-16');
    expect(result.stdout).toContain('open 13,549,341');
  });

  it('reads a CSV export with decimal commas and reports on it in Danish', async () => {
    const csv = join(dir, 'eksport.csv');
    writeFileSync(
      csv,
      'Id;StageName;Amount;CloseDate\n006A;Prospecting;1.500;2026-12-01\n006B;Prospecting;2,5;2026-12-01\n'
    );
    const html = join(dir, 'eksport.html');
    const json = join(dir, 'eksport.json');
    const result = await runCli(
      ['audit', '--csv', csv, '--today', '2026-11-16', '--locale', 'da'].concat([
        '--json',
        json,
        '--html',
        html
      ]),
      {}
    );

    expect(result.code).toBe(EXIT.ok);
    const report = JSON.parse(readFileSync(json, 'utf8')) as AuditReport;
    expect(report.pipeline?.openAmount).toBe(1502.5);
    expect(report.source.numbers).toBe('decimal comma (da)');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<html lang="da">');
    expect(page).toContain(`Kilde: CSV-filen ${csv}.`);
    expect(page).toContain('<td>Åben pipeline</td><td>1.503</td>');
  });

  it('writes the English report without --locale, and with --locale en-US', async () => {
    const implicit = join(dir, 'implicit.html');
    const explicit = join(dir, 'explicit.html');
    await runCli(['audit', '--html', implicit], {});
    await runCli(['audit', '--locale', 'en-US', '--html', explicit], {});

    const page = readFileSync(implicit, 'utf8');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<h1>Audit of Opportunity</h1>');
    expect(page).toContain(`<td>Open amount</td><td>DKK${NBSP}13,549,341</td>`);
    expect(readFileSync(explicit, 'utf8')).toBe(page);
  });

  it.each([
    ['de-DE', '--locale de-DE: the report has no text in that language'],
    ['da_DK', '--locale da_DK: not a BCP 47 language tag such as da-DK']
  ])('refuses --locale %s, naming it and the supported locales', async (value, message) => {
    const html = join(dir, 'never.html');
    const result = await runCli(['audit', '--locale', value, '--html', html], {});

    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toBe(
      `Error: ${message}; supported: en-US, en, da-DK, da (default en-US)\n`
    );
    expect(result.stdout).toBe('');
    expect(existsSync(html)).toBe(false);
  });

  it('is documented in ssm audit --help', async () => {
    const result = await runCli(['audit', '--help'], {});

    expect(result.stdout).toContain('--locale <BCP 47>');
    expect(result.stdout).toContain('en-US (default), en, da-DK or da');
  });
});

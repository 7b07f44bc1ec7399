/**
 * `ssm audit --csv` with Excel and report exports (issue 17, items 8-10): semicolon and tab
 * separators, UTF-16 with a byte-order mark and Latin-1, report label headers, Danish decimal
 * commas; suspicious data (duplicate Ids, negative amounts, amounts beyond the currency field,
 * closed flags against the stage); bounded reports (100 malformed rows in full, cell text cut at
 * 200 characters without control characters, a 95 MB cell) and an unwritable --json path.
 * Today 2026-11-16, period 2026-Q4 (2026-10-01..2026-12-31); figures worked out by hand.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditReport } from '../audit';
import { EXIT } from '../exitCodes';
import { auditCsvReport, runCli } from './cliHarness';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ssm-excel-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function audit(content: string | Buffer, extra: string[] = []) {
  const file = join(dir, 'export.csv');
  writeFileSync(file, content);
  return auditCsvReport(file, dir, extra);
}

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

describe('item 8: Excel and report exports', () => {
  it('reads a semicolon-separated UTF-16 report export with label headers and decimal commas', async () => {
    const csv = [
      'Opportunity ID;Opportunity Name;Owner ID;Opportunity Owner;Stage;Amount;Probability (%);Close Date;Forecast Category;Next Step',
      // 1.234,50 = 1234.5 and 12500,5 = 12500.5: open; 80000 won.
      '006A;Ærø Fisk;005S1;Søren Ærø;Negotiation/Review;1.234,50;90;2026-12-15;Commit;Ring',
      '006B;"Beta; Inc.";005S1;Søren Ærø;Qualification;12500,5;20;2026-11-30;Pipeline;Mail',
      '006C;Gamma;005S1;Søren Ærø;Closed Won;80000;100;2026-10-10;Closed;Done',
      ''
    ].join('\r\n');
    const { code, report } = await audit(utf16le(csv));

    expect(code).toBe(EXIT.ok);
    const r = report as AuditReport;
    expect(r.source).toMatchObject({
      encoding: 'utf-16le (byte-order mark)',
      delimiter: 'semicolon (detected)'
    });
    expect(r.columns?.labels).toEqual({
      'Opportunity ID': 'Id',
      'Opportunity Name': 'Name',
      'Owner ID': 'OwnerId',
      'Opportunity Owner': 'Owner.Name',
      Stage: 'StageName',
      'Probability (%)': 'Probability',
      'Close Date': 'CloseDate',
      'Forecast Category': 'ForecastCategoryName',
      'Next Step': 'NextStep'
    });
    // Amount is an API name and a label alike; every other header is a label.
    expect(r.columns?.used).toContain('Amount');
    expect(r.columns?.unknown).toEqual([]);
    expect(r.records).toEqual({ read: 3, evaluated: 3, malformed: 0 });
    expect(r.pipeline).toMatchObject({
      status: 'evaluated',
      dealCount: 3,
      openAmount: 13735,
      wonAmount: 80000
    });
    expect(r.pipeline?.weightedAmount).toBeCloseTo(1234.5 * 0.9 + 12500.5 * 0.2, 9);
    expect(r.pipeline?.sellers.map((seller) => seller.name)).toEqual(['Søren Ærø']);
  });

  it('reads a tab-separated Latin-1 (Windows-1252) file, detected or named with --encoding', async () => {
    const csv = [
      'Id\tName\tOwnerId\tOwner.Name\tStageName\tAmount\tCloseDate',
      '006A\tSmørrebrød\t005S1\tSøren Ærø\tProspecting\t1000.5\t2026-12-01',
      ''
    ].join('\n');
    for (const extra of [[], ['--encoding', 'latin1', '--delimiter', 'tab']]) {
      const { code, report } = await audit(Buffer.from(csv, 'latin1'), extra);
      expect(code).toBe(EXIT.ok);
      expect(report?.source.encoding).toMatch(/^windows-1252/);
      expect(report?.pipeline?.sellers[0]).toMatchObject({ name: 'Søren Ærø', openAmount: 1000.5 });
    }
  });

  it('reports an amount that reads two ways in a semicolon file, and reads it as da-DK with --locale', async () => {
    const csv =
      'Id;StageName;Amount;CloseDate\n006A;Prospecting;1.500;2026-12-01\n006B;Prospecting;2,5;2026-12-01\n';
    const detected = await audit(csv);
    expect(detected.code).toBe(EXIT.rowProblems);
    expect(detected.report?.malformedRows).toEqual([
      {
        line: 2,
        message:
          'Amount "1.500" is ambiguous: 1500 with a decimal comma and thousands points (da-DK), 1.5 with a decimal point; give --locale da-DK or --locale en-US'
      }
    ]);
    expect(detected.report?.pipeline?.openAmount).toBe(2.5);

    const danish = await audit(csv, ['--locale', 'da-DK']);
    expect(danish.code).toBe(EXIT.ok);
    expect(danish.report?.pipeline?.openAmount).toBe(1502.5);
    expect(danish.report?.source.numbers).toBe('decimal comma (da-DK)');
  });

  it('refuses a file whose header names no field, naming the expected columns', async () => {
    const { code, stderr, report } = await audit('Kunde;Beløb;Dato\nAcme;100;2026-12-01\n');

    expect(code).toBe(EXIT.usage);
    expect(report).toBeNull();
    expect(stderr).toContain(
      'no column of the header names a field of Opportunity by API name or label (read as semicolon separated; found: "Kunde", "Beløb", "Dato")'
    );
    expect(stderr).toMatch(
      /Expected columns such as: Id \(Opportunity ID\), Name, OwnerId \(Owner ID\).*StageName \(Stage\), Amount, .*CloseDate \(Close Date\)/
    );
  });
});

describe('item 9: suspicious data is reported', () => {
  it('lists duplicate Ids (counted once), negative amounts, amounts beyond currency(18, 2) and flags against the stage', async () => {
    // Amount is currency, precision 18, scale 2 (Field Reference, Opportunity:
    // https://developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference-opportunity.html;
    // precision counts the digits on both sides of the point, scale those after it:
    // https://developer.salesforce.com/docs/atlas.en-us.256.0.sfFieldRef.meta/sfFieldRef/salesforce_field_reference.htm),
    // so at most 16 digits before the point: |Amount| < 10^16.
    const csv = [
      'Id,Name,OwnerId,StageName,Amount,Probability,CloseDate,IsClosed,IsWon',
      '006A,Alpha,005S1,Prospecting,1000,10,2026-12-01,false,false',
      '006A,Alpha again,005S1,Prospecting,1000,10,2026-12-01,false,false',
      '006B,Beta,005S1,Qualification,-500,10,2026-12-01,false,false',
      '006C,Gamma,005S1,Qualification,10000000000000000,10,2026-12-01,false,false',
      '006D,Delta,005S1,Qualification,1e400,10,2026-12-01,false,false',
      '006E,Echo,005S1,Closed Won,2000,100,2026-12-01,false,false',
      '006F,Fox,005S1,Qualification,9999999999999998,10,2026-12-01,false,false'
    ].join('\n');
    const { code, stdout, report } = await audit(csv);
    const r = report as AuditReport;

    expect(code).toBe(EXIT.rowProblems);
    expect(r.records).toEqual({ read: 7, evaluated: 4, malformed: 2 });
    expect(r.malformedRows).toEqual([
      {
        line: 5,
        message:
          'Amount "10000000000000000" is beyond the range of a currency(18, 2) field (at most 16 digits before the decimal point)'
      },
      { line: 6, message: 'Amount "1e400" is too large for any number' }
    ]);
    expect(r.suspicious.duplicateIds).toEqual({
      count: 1,
      rows: [
        {
          line: 3,
          id: '006A',
          message:
            'line 3: Id 006A appears again (the record is counted once: this row is left out)'
        }
      ]
    });
    expect(r.suspicious.negativeAmounts).toEqual({
      count: 1,
      rows: [{ line: 4, id: '006B', message: 'line 4: Amount -500 is negative (counted as it is)' }]
    });
    expect(r.suspicious.closedFlagsContradictStage).toEqual({
      count: 1,
      rows: [
        {
          line: 7,
          id: '006E',
          message:
            'line 7: StageName "Closed Won" is a won stage, but IsClosed is false and IsWon is false (the figures follow IsClosed and IsWon)'
        }
      ]
    });
    // 006A once, 006B, 006E (open by its flags), 006F (the largest amount that fits).
    expect(r.pipeline).toMatchObject({ dealCount: 4, openCount: 4 });
    expect(r.pipeline?.openAmount).toBe(1000 - 500 + 2000 + 9999999999999998);
    expect(stdout).toContain('Duplicate Ids: 1');
    expect(stdout).toContain('line 4: Amount -500 is negative');
  });
});

describe('item 10: bounded output', () => {
  it('keeps the first 100 malformed rows in full, counts the rest, and cuts cell text at 200 characters without control characters', async () => {
    const long = `\u001b[31m\u0007${'x'.repeat(500)}`;
    const rows = ['Id,StageName,Amount,CloseDate', `006X,Prospecting,"${long}",2026-12-01`];
    for (let i = 0; i < 150; i++) rows.push(`bad ${i}`);
    const { code, stdout, report } = await audit(rows.join('\n'));
    const r = report as AuditReport;

    expect(code).toBe(EXIT.rowProblems);
    expect(r.records.malformed).toBe(151);
    expect(r.malformedRows).toHaveLength(100);
    expect(r.malformedRows[0]).toEqual({
      line: 2,
      message: `Amount "[31m${'x'.repeat(196)}... (506 characters)" is not a number`
    });
    expect(r.malformedRows[99]).toEqual({
      line: 101,
      message: 'expected 4 fields as in the header, found 1'
    });
    expect(stdout).toContain('... and 131 more (the first 100 in --json)');
  });

  it('reports a 95 MB cell as a malformed row, not an internal error', async () => {
    const cell = 'x'.repeat(95 * 1024 * 1024);
    const csv = `Id,StageName,Amount,CloseDate\n006A,Prospecting,"${cell}",2026-12-01\n006B,Prospecting,5,2026-12-01\n`;
    const { code, stderr, report } = await audit(csv);

    expect(stderr).not.toContain('Internal error');
    expect(code).toBe(EXIT.rowProblems);
    expect(report?.malformedRows).toEqual([
      {
        line: 2,
        message:
          'field 3 is longer than 131,072 characters, the longest value a Salesforce field holds'
      }
    ]);
    expect(report?.pipeline?.openAmount).toBe(5);
    expect(statSync(join(dir, 'report.json')).size).toBeLessThan(100_000);
  }, 60_000);

  it('fails at once, before reading the CSV, when --json cannot be written', async () => {
    // /proc/1 refuses new folders: a recursive mkdir there used to loop at 100 % CPU.
    const file = join(dir, 'export.csv');
    writeFileSync(file, 'Id,StageName\n006A,Prospecting\n');
    const started = Date.now();
    const result = await runCli(
      ['audit', '--csv', file, '--json', '/proc/1/no-such-folder/report.json'],
      {}
    );

    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain(
      '--json /proc/1/no-such-folder/report.json: cannot write there'
    );
    expect(result.stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

/**
 * `ssm audit --csv --currency-rates`: a Danish company's export in DKK, EUR, SEK and NOK, with
 * a CurrencyType export (corporate DKK) and dated EUR rates. Salesforce's meaning of the rates,
 * which the expected figures follow:
 * - CurrencyType.ConversionRate is the "conversion rate of this currency type against the
 *   corporate currency" (units of the currency per unit of corporate currency, so DKK = amount /
 *   rate): https://developer.salesforce.com/docs/atlas.en-us.192.0.api.meta/api/sforce_api_objects_currencytype.htm
 * - DatedConversionRate: a rate from StartDate, NextStartDate being "effectively the day after
 *   the end date for this exchange rate":
 *   https://developer.salesforce.com/docs/atlas.en-us.264.0.object_reference.meta/object_reference/sforce_api_objects_datedconversionrate.htm
 * Today 2026-11-16, period 2026-Q4 = 2026-10-01..2026-12-31.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../exitCodes';
import { auditCsvReport, runCli } from './cliHarness';

const FIXTURES = join(__dirname, '__fixtures__', 'currency');
const OPPORTUNITIES = join(FIXTURES, 'opportunities.csv');
const NO_CURRENCY = join(FIXTURES, 'no-currency.csv');
const CURRENCY_TYPES = join(FIXTURES, 'currency-types.csv');
const DATED_RATES = join(FIXTURES, 'dated-rates.csv');
const RATES = ['--currency-rates', CURRENCY_TYPES, '--currency-rates', DATED_RATES];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ssm-currency-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function audit(csv: string, extra: string[] = []) {
  return auditCsvReport(csv, dir, extra);
}

function write(name: string, lines: readonly string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/**
 * The figures recomputed from the fixture's rows on their own: a deal converts at the dated EUR
 * rate whose period holds its close date, else at the CurrencyType rate, rounded to the øre.
 */
function recompute() {
  const typeRates: Record<string, number> = { DKK: 1, EUR: 0.134, SEK: 1.5, NOK: 1.6 };
  // [start, next start): 0.125 in November, 0.128 from December on.
  const datedEur = [
    { from: '2026-11-01', to: '2026-12-01', rate: 0.125 },
    { from: '2026-12-01', to: '9999-12-31', rate: 0.128 }
  ];
  const rows = readFileSync(OPPORTUNITIES, 'utf8').trim().split('\n').slice(1);
  const totals = { open: 0, won: 0, lost: 0, deals: 0 };
  const byCurrency = new Map<string, { deals: number; amount: number; dkk: number }>();
  for (const row of rows) {
    const cells = row.split(',');
    const [amount, closeDate, isClosed, isWon] = [Number(cells[4]), cells[6], cells[8], cells[9]];
    const currency = cells[11].toUpperCase();
    if (!(currency in typeRates)) continue; // CHF: a malformed row
    if (closeDate < '2026-10-01' || closeDate > '2026-12-31') continue;
    const dated =
      currency === 'EUR'
        ? datedEur.find((period) => period.from <= closeDate && closeDate < period.to)
        : undefined;
    const dkk = Math.round((amount / (dated?.rate ?? typeRates[currency])) * 100) / 100;
    totals.deals++;
    if (isClosed === 'false') totals.open += dkk;
    else if (isWon === 'true') totals.won += dkk;
    else totals.lost += dkk;
    const tally = byCurrency.get(currency) ?? { deals: 0, amount: 0, dkk: 0 };
    tally.deals++;
    tally.amount += amount;
    tally.dkk += dkk;
    byCurrency.set(currency, tally);
  }
  return { totals, byCurrency };
}

describe('ssm audit --currency-rates', () => {
  it('reports pipeline and won in DKK as an independent recomputation gives them', async () => {
    const { code, report } = await audit(OPPORTUNITIES, RATES);
    // Line 10 (CHF) is malformed, so the run ends with the row-problems code.
    expect(code).toBe(EXIT.rowProblems);
    const pipeline = report?.pipeline;
    const expected = recompute();
    expect(pipeline?.dealCount).toBe(expected.totals.deals);
    expect(pipeline?.openAmount).toBeCloseTo(expected.totals.open, 2);
    expect(pipeline?.wonAmount).toBeCloseTo(expected.totals.won, 2);
    expect(pipeline?.lostAmount).toBeCloseTo(expected.totals.lost, 2);
    // By hand: open 10,000 DKK + 670 EUR / 0.134 + 3,000 SEK / 1.5 + 134 EUR / 0.128 (December,
    // 1,046.875 rounded to 1,046.88) = 18,046.88; won 5,000 + 1,000 EUR / 0.125 (November)
    // + 1,500 SEK / 1.5 + 800 NOK / 1.6 = 14,500; lost 160 NOK / 1.6 = 100.
    expect(pipeline?.openAmount).toBeCloseTo(18046.88, 2);
    expect(pipeline?.wonAmount).toBe(14500);
    expect(pipeline?.lostAmount).toBe(100);
    expect(pipeline?.averageDealSize).toBe(14500 / 4);
  });

  it('states the corporate currency and breaks the period down per currency with the rates used', async () => {
    const { report } = await audit(OPPORTUNITIES, RATES);
    const currency = report?.currency;
    expect(currency?.corporate).toBe('DKK');
    const expected = recompute().byCurrency;
    expect(currency?.breakdown.map((row) => row.currency)).toEqual(['DKK', 'EUR', 'NOK', 'SEK']);
    for (const row of currency?.breakdown ?? []) {
      const own = expected.get(row.currency);
      expect(row.deals).toBe(own?.deals);
      expect(row.amount).toBeCloseTo(own?.amount ?? NaN, 2);
      expect(row.corporateAmount).toBeCloseTo(own?.dkk ?? NaN, 2);
    }
    expect(currency?.breakdown.find((row) => row.currency === 'EUR')?.rates).toEqual([
      { rate: 0.134, startDate: null, deals: 1 },
      { rate: 0.125, startDate: '2026-11-01', deals: 1 },
      { rate: 0.128, startDate: '2026-12-01', deals: 1 }
    ]);
  });

  it('has header totals equal to the sum of the per-currency breakdown', async () => {
    const { report } = await audit(OPPORTUNITIES, RATES);
    const rows = report?.currency?.breakdown ?? [];
    const sum = (pick: (row: (typeof rows)[number]) => number) =>
      rows.reduce((total, row) => total + pick(row), 0);
    const pipeline = report?.pipeline;
    expect(sum((row) => row.deals)).toBe(pipeline?.dealCount);
    expect(sum((row) => row.corporateOpenAmount)).toBeCloseTo(pipeline?.openAmount ?? NaN, 2);
    expect(sum((row) => row.corporateWonAmount)).toBeCloseTo(pipeline?.wonAmount ?? NaN, 2);
    expect(sum((row) => row.corporateLostAmount)).toBeCloseTo(pipeline?.lostAmount ?? NaN, 2);
    expect(sum((row) => row.corporateAmount)).toBeCloseTo(
      (pipeline?.openAmount ?? NaN) + (pipeline?.wonAmount ?? 0) + (pipeline?.lostAmount ?? 0),
      2
    );
    const sellers = pipeline?.sellers ?? [];
    expect(sellers.reduce((total, row) => total + row.wonAmount, 0)).toBeCloseTo(14500, 2);
  });

  it('reports a row whose currency is not in the rates as malformed, with its line', async () => {
    const { report, stdout } = await audit(OPPORTUNITIES, RATES);
    expect(report?.records).toEqual({ read: 11, evaluated: 10, malformed: 1 });
    expect(report?.malformedRows).toEqual([
      {
        line: 10,
        message: `CurrencyIsoCode "CHF" is not in the currency rates (${CURRENCY_TYPES}, ${DATED_RATES})`
      }
    ]);
    expect(stdout).toContain('line 10: CurrencyIsoCode "CHF" is not in the currency rates');
  });

  it('prints the corporate currency and the breakdown in the terminal summary', async () => {
    const { stdout } = await audit(OPPORTUNITIES, RATES);
    expect(stdout).toContain(
      `  amounts in DKK, the corporate currency (rates: ${CURRENCY_TYPES}, ${DATED_RATES}); per currency:`
    );
    expect(stdout).toContain(
      '    EUR      3 deals  €1,804 = DKK 14,047  rate 0.134 (1); 0.125 from 2026-11-01 (1); 0.128 from 2026-12-01 (1)'
    );
    expect(stdout).toContain('    NOK      2 deals  NOK 960 = DKK 600  rate 1.6 (2)');
  });

  it('shows the breakdown in Danish with "kr." amounts in the Danish HTML report', async () => {
    const html = join(dir, 'audit-da.html');
    await audit(OPPORTUNITIES, [...RATES, '--locale', 'da-DK', '--html', html]);
    const page = readFileSync(html, 'utf8');
    // Intl puts a no-break space between the figure and the currency.
    const nb = '\u00a0';
    expect(page).toContain(
      '<p>Alle beløb er i virksomhedsvalutaen, DKK: salgsmuligheder i andre valutaer er omregnet med kurserne nedenfor.</p>'
    );
    expect(page).toContain('<h2>Valutaer</h2>');
    expect(page).toContain(
      '<th scope="col">Valuta</th><th scope="col">Salgsmuligheder</th><th scope="col">Beløb i egen valuta</th><th scope="col">Beløb i DKK</th><th scope="col">Anvendte kurser</th>'
    );
    expect(page).toContain(
      `<tr><td>EUR</td><td>3</td><td>1.804${nb}€</td><td>14.047${nb}kr.</td><td>0,134 (1 salgsmulighed); 0,125 fra 1. nov. 2026 (1 salgsmulighed); 0,128 fra 1. dec. 2026 (1 salgsmulighed)</td></tr>`
    );
    expect(page).toContain(`<td>Vundet beløb</td><td>14.500${nb}kr.</td>`);
    expect(page).toContain(`<td>Åben pipeline</td><td>18.047${nb}kr.</td>`);
  });

  it('reads CurrencyType and dated rows from one file (StartDate blank on CurrencyType rows)', async () => {
    const rates = write('rates.csv', [
      'IsoCode,ConversionRate,IsCorporate,StartDate',
      'DKK,1,true,',
      'EUR,0.134,false,',
      'SEK,1.5,false,',
      'NOK,1.6,false,',
      'EUR,0.125,,2026-11-01',
      'EUR,0.128,,2026-12-01'
    ]);
    const one = await audit(OPPORTUNITIES, ['--currency-rates', rates]);
    const two = await audit(OPPORTUNITIES, RATES);
    expect(one.report?.pipeline).toEqual(two.report?.pipeline);
    expect(one.report?.currency?.breakdown).toEqual(two.report?.currency?.breakdown);
  });
});

describe('ssm audit --csv without a CurrencyIsoCode column', () => {
  it('works as before, with or without --currency-rates', async () => {
    const html = join(dir, 'plain.html');
    const plain = await audit(NO_CURRENCY, ['--html', html]);
    const plainHtml = readFileSync(html, 'utf8');
    const withRates = await audit(NO_CURRENCY, [...RATES, '--html', html]);
    expect(withRates.report).toEqual(plain.report);
    expect(plain.report).not.toHaveProperty('currency');
    expect(readFileSync(html, 'utf8')).toBe(plainHtml);
    expect(withRates.stdout).toBe(plain.stdout);
    expect(withRates.stderr).toContain(
      'Note: --currency-rates not used: the CSV has no CurrencyIsoCode column, so its amounts are taken as one currency.'
    );
    // Raw amounts in one unnamed currency, the CHF row included: 10,000 + 670 + 3,000 + 999 + 134.
    expect(plain.report?.pipeline?.openAmount).toBe(14803);
    expect(plainHtml).not.toContain('kr.');
  });
});

describe('ssm audit refusals with currencies', () => {
  async function refusal(csv: string, extra: string[]) {
    const result = await audit(csv, extra);
    expect(result.code).toBe(EXIT.usage);
    expect(result.report).toBeNull();
    expect(result.stdout).toBe('');
    return result.stderr;
  }

  it('refuses currencies without --currency-rates, naming every currency in the file', async () => {
    expect(await refusal(OPPORTUNITIES, [])).toBe(
      `Error: --csv ${OPPORTUNITIES}: the rows carry currencies in CurrencyIsoCode (CHF, DKK, EUR, NOK, SEK; the whole file was read to find them) ` +
        'but no --currency-rates was given, so their amounts cannot be added. ' +
        'Give --currency-rates with a CurrencyType export (IsoCode, ConversionRate, IsCorporate); see scripts/cli/README.md.\n'
    );
  });

  it('audits a CurrencyIsoCode column that is blank on every row as before, without rates', async () => {
    const csv = write('blank.csv', [
      'Id,StageName,Amount,CloseDate,CurrencyIsoCode',
      '006X,Prospecting,100,2026-11-30,'
    ]);
    const { code, report } = await audit(csv, []);
    expect(code).toBe(EXIT.ok);
    expect(report?.pipeline?.openAmount).toBe(100);
    expect(report).not.toHaveProperty('currency');
  });

  it('refuses rates without a corporate row', async () => {
    const rates = write('rates.csv', ['IsoCode,ConversionRate,IsCorporate', 'EUR,0.134,false']);
    expect(await refusal(OPPORTUNITIES, ['--currency-rates', rates])).toBe(
      `Error: --currency-rates ${rates}: no corporate currency: no CurrencyType row (StartDate blank) has IsCorporate true; exactly one must, with ConversionRate 1\n`
    );
  });

  it('refuses two corporate rows, naming both lines', async () => {
    const rates = write('rates.csv', [
      'IsoCode,ConversionRate,IsCorporate',
      'DKK,1,true',
      'EUR,1,true'
    ]);
    expect(await refusal(OPPORTUNITIES, ['--currency-rates', rates])).toBe(
      `Error: --currency-rates ${rates} line 3: a second corporate currency, EUR (DKK is corporate on ${rates} line 2); exactly one row has IsCorporate true\n`
    );
  });

  it.each([['abc'], ['0'], ['-7.46'], ['']])('refuses the rate "%s"', async (rate) => {
    const rates = write('rates.csv', [
      'IsoCode,ConversionRate,IsCorporate',
      'DKK,1,true',
      `EUR,${rate},false`
    ]);
    expect(await refusal(OPPORTUNITIES, ['--currency-rates', rates])).toBe(
      `Error: --currency-rates ${rates} line 3: ConversionRate "${rate}" is not a positive number\n`
    );
  });

  it.each([['01/11/2026'], ['2026-02-30'], ['2026-11']])(
    'refuses the StartDate "%s"',
    async (date) => {
      const dated = write('dated.csv', ['IsoCode,ConversionRate,StartDate', `EUR,0.125,${date}`]);
      expect(
        await refusal(OPPORTUNITIES, [
          '--currency-rates',
          CURRENCY_TYPES,
          '--currency-rates',
          dated
        ])
      ).toBe(
        `Error: --currency-rates ${dated} line 2: StartDate "${date}" is not a date as YYYY-MM-DD\n`
      );
    }
  );

  it('refuses a corporate rate other than 1', async () => {
    const rates = write('rates.csv', ['IsoCode,ConversionRate,IsCorporate', 'DKK,7.46,true']);
    expect(await refusal(OPPORTUNITIES, ['--currency-rates', rates])).toBe(
      `Error: --currency-rates ${rates} line 2: the corporate currency DKK has ConversionRate 7.46; its rate is always 1\n`
    );
  });

  it('refuses --currency-rates without --csv', async () => {
    const result = await runCli(['audit', '--currency-rates', CURRENCY_TYPES], {});
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toBe(
      'Error: --currency-rates goes with --csv and --object Opportunity (the amounts it converts).\n'
    );
  });
});

/**
 * `ssm audit -o` in a multi-currency org (issue 21): the Opportunity describe has
 * CurrencyIsoCode, so the audit selects it and converts with the org's CurrencyType and
 * DatedConversionRate rows, as `--csv --currency-rates` does. A single-currency org is queried
 * and reported as before. Figures are recomputed here from the rates (today 2026-11-16, 2026-Q4).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ObjectSchema } from '../../../formula-engine/src/formulaEngine';
import { buildSchemas } from '../../formula/schemaBuilder';
import { DEFAULT_OBJECTS_DIR } from '../../org/embeddedOrg';
import type { AuditReport } from '../audit';
import { EXIT } from '../exitCodes';
import { envFor, runCli, startScratchOrg } from './cliHarness';
import type { FakeSalesforce } from './fakeSalesforce';

jest.setTimeout(60_000);

const schemas = buildSchemas({ objectsDir: DEFAULT_OBJECTS_DIR });

function describeOf(schema: ObjectSchema, extra: string[] = []) {
  return [
    ...Object.entries(schema.fields).map(([name, field]) => ({
      name,
      relationshipName: field.relationshipName ?? null,
      referenceTo: field.referenceTo ? [field.referenceTo] : []
    })),
    ...extra.map((name) => ({ name, relationshipName: null, referenceTo: [] }))
  ];
}

/** The org's rates: USD corporate; EUR with dated rates; SEK without; GBP inactive. */
const TYPE_RATES: Record<string, number> = { USD: 1, EUR: 0.9, SEK: 10.5 };
const DATED_EUR = [
  { start: '2026-10-01', rate: 0.8 },
  { start: '2026-12-01', rate: 0.85 }
];

const DEALS = [
  {
    name: 'EUR open',
    currency: 'EUR',
    amount: 100000,
    close: '2026-12-10',
    stage: 'Negotiation/Review',
    closed: false,
    won: false
  },
  {
    name: 'EUR won',
    currency: 'EUR',
    amount: 30000,
    close: '2026-11-01',
    stage: 'Closed Won',
    closed: true,
    won: true
  },
  {
    name: 'EUR before dated',
    currency: 'EUR',
    amount: 999,
    close: '2025-01-01',
    stage: 'Closed Won',
    closed: true,
    won: true
  },
  {
    name: 'SEK won',
    currency: 'SEK',
    amount: 60000,
    close: '2026-10-20',
    stage: 'Closed Won',
    closed: true,
    won: true
  },
  {
    name: 'USD lost',
    currency: 'USD',
    amount: 40000,
    close: '2026-11-05',
    stage: 'Closed Lost',
    closed: true,
    won: false
  }
];

/** Independent recomputation: the rate in force on the close date, amount / rate to the cent. */
function expectedUsd(deal: (typeof DEALS)[number]): number {
  let rate = TYPE_RATES[deal.currency];
  if (deal.currency === 'EUR') {
    for (const dated of DATED_EUR) if (dated.start <= deal.close) rate = dated.rate;
  }
  return Math.round((deal.amount / rate) * 100) / 100;
}

let fake: FakeSalesforce;
let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ssm-org-currency-'));
  fake = await startScratchOrg();
  const opportunity = schemas.Opportunity;
  fake.describes.set('Account', describeOf(opportunity.relationships?.Account as ObjectSchema));
  fake.describes.set('User', describeOf(opportunity.relationships?.Owner as ObjectSchema));
  const admin = fake.all('User')[0].Id;
  const account = fake.add('Account', { Name: 'Acme', Active_Plan_Count__c: 0 });
  for (const deal of DEALS) {
    fake.add('Opportunity', {
      AccountId: account,
      OwnerId: admin,
      Name: deal.name,
      StageName: deal.stage,
      Amount: deal.amount,
      Probability: deal.won ? 100 : deal.closed ? 0 : 50,
      CloseDate: deal.close,
      CreatedDate: '2024-09-01T00:00:00.000+0000',
      IsClosed: deal.closed,
      IsWon: deal.won,
      ForecastCategoryName: deal.won ? 'Closed' : deal.closed ? 'Omitted' : 'Pipeline',
      Stage_Entered_On__c: '2026-11-01',
      CurrencyIsoCode: deal.currency
    });
  }
});
afterEach(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function audit(extra: string[] = []) {
  const json = join(dir, 'org.json');
  const result = await runCli(
    ['audit', '--org-from-env', '--period', '2026-Q4', '--json', json, ...extra],
    envFor(fake),
    { bulkPageSize: 2 }
  );
  const report =
    result.code === EXIT.ok ? (JSON.parse(readFileSync(json, 'utf8')) as AuditReport) : null;
  return { ...result, report };
}

function multiCurrency(dated: boolean): void {
  fake.describes.set('Opportunity', describeOf(schemas.Opportunity, ['CurrencyIsoCode']));
  for (const [code, rate] of Object.entries(TYPE_RATES)) {
    fake.add('CurrencyType', {
      IsoCode: code,
      ConversionRate: rate,
      IsCorporate: code === 'USD',
      IsActive: true
    });
  }
  fake.add('CurrencyType', {
    IsoCode: 'GBP',
    ConversionRate: 0.7,
    IsCorporate: false,
    IsActive: false
  });
  if (!dated) return;
  const add = (code: string, start: string, next: string, rate: number) =>
    fake.add('DatedConversionRate', {
      IsoCode: code,
      ConversionRate: rate,
      StartDate: start,
      NextStartDate: next
    });
  add('USD', '0001-01-01', '9999-12-31', 1);
  add('EUR', '2026-10-01', '2026-12-01', 0.8);
  add('EUR', '2026-12-01', '9999-12-31', 0.85);
  // A deactivated currency keeps its rates: a deal may still carry it.
  add('GBP', '2026-01-01', '9999-12-31', 0.75);
}

function bulkSoql(): string {
  const soql = fake.queries.find((query) => /FROM Opportunity\s*$/.test(query));
  expect(soql).toBeDefined();
  return soql as string;
}

describe('ssm audit -o in a multi-currency org (issue 21)', () => {
  it('converts with the org rates, dated ones included, as an independent recomputation does', async () => {
    multiCurrency(true);
    const { code, stderr, report } = await audit();

    expect(stderr).toBe('');
    expect(code).toBe(EXIT.ok);
    expect(bulkSoql()).toMatch(/\bCurrencyIsoCode\b/);
    expect(fake.queries).toContain('SELECT IsoCode, ConversionRate, IsCorporate FROM CurrencyType');
    const inPeriod = DEALS.filter(
      (deal) => deal.close >= '2026-10-01' && deal.close <= '2026-12-31'
    );
    const sum = (deals: typeof DEALS) =>
      Math.round(deals.reduce((total, deal) => total + expectedUsd(deal), 0) * 100) / 100;
    expect(report?.pipeline?.openAmount).toBeCloseTo(sum(inPeriod.filter((d) => !d.closed)), 2);
    expect(report?.pipeline?.wonAmount).toBeCloseTo(sum(inPeriod.filter((d) => d.won)), 2);
    expect(report?.pipeline?.lostAmount).toBeCloseTo(
      sum(inPeriod.filter((d) => d.closed && !d.won)),
      2
    );
    expect(report?.pipeline?.openAmount).toBeCloseTo(117647.06, 2);

    const currency = report?.currency;
    expect(currency?.corporate).toBe('USD');
    expect(currency?.ratesFiles).toEqual([
      "the org's CurrencyType",
      "the org's DatedConversionRate"
    ]);
    expect(currency?.breakdown.map((row) => row.currency)).toEqual(['EUR', 'SEK', 'USD']);
    for (const row of currency?.breakdown ?? []) {
      const deals = inPeriod.filter((deal) => deal.currency === row.currency);
      expect(row.deals).toBe(deals.length);
      expect(row.amount).toBeCloseTo(
        deals.reduce((t, d) => t + d.amount, 0),
        2
      );
      expect(row.corporateAmount).toBeCloseTo(sum(deals), 2);
    }
    expect(currency?.breakdown.find((row) => row.currency === 'EUR')?.rates).toEqual([
      { rate: 0.8, startDate: '2026-10-01', deals: 1 },
      { rate: 0.85, startDate: '2026-12-01', deals: 1 }
    ]);
  });

  it('uses the CurrencyType rates when the org has no DatedConversionRate', async () => {
    multiCurrency(false);
    const { code, report } = await audit();

    expect(code).toBe(EXIT.ok);
    expect(report?.currency?.ratesFiles).toEqual(["the org's CurrencyType"]);
    expect(report?.currency?.breakdown.find((row) => row.currency === 'EUR')).toMatchObject({
      corporateAmount:
        Math.round((100000 / 0.9) * 100) / 100 + Math.round((30000 / 0.9) * 100) / 100,
      rates: [{ rate: 0.9, startDate: null, deals: 2 }]
    });
  });

  it('sends no CurrencyIsoCode to a single-currency org and reports as before', async () => {
    fake.describes.set('Opportunity', describeOf(schemas.Opportunity));
    const { code, stderr, report } = await audit();

    expect(stderr).toBe('');
    expect(code).toBe(EXIT.ok);
    expect(bulkSoql()).not.toMatch(/CurrencyIsoCode/i);
    expect(fake.queries.some((query) => /CurrencyType|DatedConversionRate/.test(query))).toBe(
      false
    );
    expect(report?.currency).toBeUndefined();
    // Amounts added as they are, in the org's one currency.
    expect(report?.pipeline).toMatchObject({
      openAmount: 100000,
      wonAmount: 90000,
      lostAmount: 40000
    });
  });

  it('still refuses --currency-rates with an org: the org rates are used', async () => {
    multiCurrency(false);
    const { code, stderr } = await audit(['--currency-rates', join(dir, 'rates.csv')]);

    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain('--currency-rates goes with --csv');
  });
});

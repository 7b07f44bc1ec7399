/**
 * `ssm seed` and the org's currencies (issue 21): before users and records it puts the sample's
 * currencies (config/currencies.json) into a multi-currency org, CurrencyType rows and
 * DatedConversionRate rows the org lacks, and refuses, before any change, an org whose corporate
 * currency is another and a single-currency org while the sample's deals carry CurrencyIsoCode.
 *
 * Salesforce: CurrencyType supports create() and update(), no delete, and "is not available in
 * single-currency organizations"
 * (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_currencytype.htm);
 * DatedConversionRate exists only with advanced currency management
 * (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_datedconversionrate.htm).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../exitCodes';
import { connect } from '../orgConnection';
import { seed, type CurrencyFile } from '../seed';
import {
  REPO_ROOT,
  envFor,
  instantRetry,
  runCli,
  sampleCounts,
  startScratchOrg
} from './cliHarness';
import type { FakeSalesforce } from './fakeSalesforce';

jest.setTimeout(60_000);

const FILE = JSON.parse(readFileSync(join(REPO_ROOT, 'config', 'currencies.json'), 'utf8')) as Omit<
  CurrencyFile,
  'path'
>;
const counts = sampleCounts();

let fake: FakeSalesforce;
afterEach(async () => {
  await fake.stop();
});

function writes(): string[] {
  return fake.log.filter((line) => line.startsWith('POST') || line.startsWith('PATCH'));
}

function currencies(): Record<string, Record<string, unknown>> {
  return Object.fromEntries(fake.all('CurrencyType').map((row) => [String(row.IsoCode), row]));
}

function datedRates(): Record<string, number> {
  return Object.fromEntries(
    fake
      .all('DatedConversionRate')
      .map((row) => [`${String(row.IsoCode)} ${String(row.StartDate)}`, Number(row.ConversionRate)])
  );
}

/** How many of the sample's opportunities carry each currency (none: the corporate one). */
function sampleDealCurrencies(): Map<string, number> {
  const result = new Map<string, number>();
  for (const file of ['Opportunity-1.json', 'Opportunity-2.json', 'Opportunity-3.json']) {
    const { records } = JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'tree', file), 'utf8')) as {
      records: { CurrencyIsoCode?: string }[];
    };
    for (const record of records) {
      const code = record.CurrencyIsoCode ?? '(none)';
      result.set(code, (result.get(code) ?? 0) + 1);
    }
  }
  return result;
}

describe('ssm seed: the sample currencies (issue 21)', () => {
  it('adds the currencies and dated rates a multi-currency org lacks before the records; a second run adds nothing', async () => {
    fake = await startScratchOrg();
    const first = await runCli(['seed'], envFor(fake));

    expect(first.stderr).toBe('');
    expect(first.code).toBe(EXIT.ok);
    expect(first.stdout).toContain(
      'Currencies: EUR, SEK, NOK added; 9 dated rates added (corporate DKK)'
    );
    const held = currencies();
    expect(Object.keys(held).sort()).toEqual(['DKK', 'EUR', 'NOK', 'SEK']);
    for (const row of FILE.currencies) {
      expect(held[row.IsoCode]).toMatchObject({
        ConversionRate: row.ConversionRate,
        DecimalPlaces: row.DecimalPlaces,
        IsActive: true,
        IsCorporate: row.IsoCode === 'DKK'
      });
    }
    // Every currency's first period (made with it) and the file's nine dated rates.
    const expected: Record<string, number> = {
      'DKK 0001-01-01': 1,
      'EUR 0001-01-01': 0.134,
      'SEK 0001-01-01': 1.52,
      'NOK 0001-01-01': 1.58
    };
    for (const rate of FILE.datedRates)
      expected[`${rate.IsoCode} ${rate.StartDate}`] = rate.ConversionRate;
    expect(datedRates()).toEqual(expected);
    // The currencies went in before any user or record: one create per row, then the load.
    const currencyWrites = fake.log.filter((line) =>
      /^POST .*\/sobjects\/(CurrencyType|DatedConversionRate)$/.test(line)
    );
    expect(currencyWrites).toHaveLength(12);
    const lastCurrencyWrite = fake.log.lastIndexOf(currencyWrites[currencyWrites.length - 1]);
    expect(fake.log.findIndex((line) => line.includes('/composite/sobjects'))).toBeGreaterThan(
      lastCurrencyWrite
    );
    // Every deal kept its currency.
    const dealCurrencies = new Map<string, number>();
    for (const deal of fake.all('Opportunity')) {
      const code = typeof deal.CurrencyIsoCode === 'string' ? deal.CurrencyIsoCode : '(none)';
      dealCurrencies.set(code, (dealCurrencies.get(code) ?? 0) + 1);
    }
    expect(dealCurrencies).toEqual(sampleDealCurrencies());
    expect(fake.all('Opportunity')).toHaveLength(counts.get('Opportunity') as number);

    const writesBefore = writes().length;
    const second = await runCli(['seed'], envFor(fake));
    expect(second.code).toBe(EXIT.ok);
    expect(second.stdout).toContain(
      'Currencies: no currency added; 0 dated rates added (corporate DKK)'
    );
    expect(writes().length).toBe(writesBefore);
    expect(datedRates()).toEqual(expected);
  });

  it("keeps the org's rates without --update and sets them to the file's with it", async () => {
    fake = await startScratchOrg();
    const eur = fake.add('CurrencyType', {
      IsoCode: 'EUR',
      ConversionRate: 0.15,
      DecimalPlaces: 2,
      IsCorporate: false,
      IsActive: true
    });
    fake.add('DatedConversionRate', {
      IsoCode: 'EUR',
      ConversionRate: 0.15,
      StartDate: '0001-01-01'
    });
    fake.add('DatedConversionRate', {
      IsoCode: 'EUR',
      ConversionRate: 0.2,
      StartDate: '2026-10-01'
    });

    const kept = await runCli(['seed'], envFor(fake));
    expect(kept.code).toBe(EXIT.ok);
    expect(kept.stdout).toContain(
      'Currencies: SEK, NOK added; 8 dated rates added (corporate DKK)'
    );
    expect(fake.byId.get(eur)?.ConversionRate).toBe(0.15);
    expect(datedRates()['EUR 2026-10-01']).toBe(0.2);
    expect(datedRates()['EUR 2026-11-01']).toBe(0.1339);

    const updated = await runCli(['seed', '--update'], envFor(fake));
    expect(updated.code).toBe(EXIT.ok);
    expect(updated.stdout).toContain(
      'Currencies: no currency added; EUR updated; 0 dated rates added; 1 dated rate updated (corporate DKK)'
    );
    // IsActive is sent with the rate: an update without it would deactivate the currency.
    expect(fake.byId.get(eur)).toMatchObject({ ConversionRate: 0.134, IsActive: true });
    expect(datedRates()).toMatchObject({
      'EUR 0001-01-01': 0.15,
      'EUR 2026-10-01': 0.1342,
      'DKK 0001-01-01': 1
    });
    expect(currencies().DKK).toMatchObject({ ConversionRate: 1, IsCorporate: true });
  });

  it("refuses an org whose corporate currency is not the sample's, before any change", async () => {
    fake = await startScratchOrg({}, { multiCurrency: { corporate: 'EUR', advanced: true } });
    const result = await runCli(['seed'], envFor(fake));

    expect(result.code).toBe(EXIT.refused);
    expect(result.stderr).toContain(
      "The org's corporate currency is EUR, the sample's is DKK (config/currencies.json)"
    );
    expect(result.stderr).toContain('Nothing was loaded.');
    expect(writes()).toEqual([]);
    expect(Object.keys(currencies())).toEqual(['EUR']);
    expect(fake.all('Account')).toEqual([]);
  });

  it('refuses a single-currency org while the sample deals carry currencies, naming them and the fix', async () => {
    fake = await startScratchOrg({}, { multiCurrency: false });
    const result = await runCli(['seed'], envFor(fake));

    expect(result.code).toBe(EXIT.refused);
    expect(result.stderr).toContain(
      "The org has a single currency, but the sample's deals are in EUR, SEK and NOK as well as DKK"
    );
    expect(result.stderr).toContain('Multiple currencies must be enabled first');
    expect(result.stderr).toContain('config/project-scratch-def.json');
    expect(result.stderr).toContain('Setup > Company Information > Currencies');
    expect(fake.queries[1]).toMatch(/FROM CurrencyType$/);
    expect(writes()).toEqual([]);
  });

  it('loads the currencies but no dated rates when advanced currency management is off', async () => {
    fake = await startScratchOrg({}, { multiCurrency: { corporate: 'DKK', advanced: false } });
    const result = await runCli(['seed'], envFor(fake));

    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain(
      'Currencies: EUR, SEK, NOK added; 0 dated rates added; dated rates not loaded: advanced currency management is off'
    );
    expect(Object.keys(currencies()).sort()).toEqual(['DKK', 'EUR', 'NOK', 'SEK']);
    expect(fake.all('Opportunity')).toHaveLength(counts.get('Opportunity') as number);
  });

  it('stops before users and records when a currency cannot be created', async () => {
    fake = await startScratchOrg();
    fake.rejectRow = (type, record) =>
      type === 'CurrencyType' && record.IsoCode === 'NOK'
        ? { statusCode: 'INSUFFICIENT_ACCESS', message: 'insufficient access rights' }
        : null;
    const result = await runCli(['seed'], envFor(fake));

    expect(result.code).toBe(EXIT.api);
    expect(result.stderr).toContain(
      'Cannot add the currency NOK to the org (added before it: EUR, SEK)'
    );
    expect(result.stderr).toContain('Customize Application');
    expect(fake.all('User')).toHaveLength(1);
    expect(fake.all('Account')).toEqual([]);
  });

  describe('seed() with another data dir and currencies file', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'ssm-seed-currencies-'));
      // The sample up to its accounts: no record there carries a currency.
      const plan = JSON.parse(
        readFileSync(join(REPO_ROOT, 'data', 'sample-plan.json'), 'utf8')
      ) as { sobject: string; files: string[] }[];
      const upToAccounts = plan.slice(
        0,
        plan.findIndex((entry) => entry.sobject === 'Account') + 1
      );
      mkdirSync(join(dir, 'tree'));
      for (const file of upToAccounts.flatMap((entry) => entry.files)) {
        copyFileSync(join(REPO_ROOT, 'data', file), join(dir, file));
      }
      for (const file of ['sample-users.json', 'sample-owners.json']) {
        copyFileSync(join(REPO_ROOT, 'data', file), join(dir, file));
      }
      writeFileSync(join(dir, 'sample-plan.json'), JSON.stringify(upToAccounts));
      writeFileSync(
        join(dir, 'currencies.json'),
        JSON.stringify({
          currencies: [
            {
              IsoCode: 'EUR',
              ConversionRate: 1,
              DecimalPlaces: 2,
              IsCorporate: true,
              IsActive: true
            },
            {
              IsoCode: 'USD',
              ConversionRate: 1.1,
              DecimalPlaces: 2,
              IsCorporate: false,
              IsActive: true
            }
          ],
          datedRates: [{ IsoCode: 'USD', ConversionRate: 1.08, StartDate: '2026-11-01' }]
        })
      );
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    async function seedDir(): Promise<Awaited<ReturnType<typeof seed>>> {
      const api = await connect(
        { instanceUrl: fake.url, accessToken: 'token-1', origin: 'test' },
        { retry: instantRetry([]) }
      );
      return seed(api, { dataDir: dir, currenciesFile: join(dir, 'currencies.json') });
    }

    it('uses the currencies file it is given', async () => {
      fake = await startScratchOrg({}, { multiCurrency: { corporate: 'EUR', advanced: true } });
      const result = await seedDir();

      expect(result.currencies).toEqual({
        multiCurrency: true,
        corporate: 'EUR',
        added: ['USD'],
        updated: [],
        datedAdded: ['USD 2026-11-01'],
        datedUpdated: [],
        note: null
      });
      expect(datedRates()).toMatchObject({ 'USD 2026-11-01': 1.08 });
      expect(fake.all('Account')).toHaveLength(counts.get('Account') as number);
    });

    it('seeds a single-currency org when no record carries a currency', async () => {
      fake = await startScratchOrg({}, { multiCurrency: false });
      const result = await seedDir();

      expect(result.currencies.multiCurrency).toBe(false);
      expect(result.failures).toEqual([]);
      expect(fake.all('Account')).toHaveLength(counts.get('Account') as number);
    });
  });
});

/**
 * Multiple currencies on and off for the same project (metadata/orgDefinition.ts,
 * metadata/currencySchema.ts, soql/currencyConversion.ts). The conformance cases
 * (conformance/cases/currencies.ts) pin the multi-currency org with their doc pages; this file
 * pins what they cannot: the same project loaded as a single-currency org (no CurrencyIsoCode, no
 * CurrencyType, convertCurrency() refused), the loader's validation of config/currencies.json, and
 * the sample org in both kinds.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject, type ApexProject } from '../../metadata/loadProject';
import { readOrgDefinition } from '../../metadata/orgDefinition';
import { Program } from '../../interpreter/program';
import { runAnonymousApex } from '../../testing/anonymousRun';
import { sampleOrg, testOrg } from '../orgs';
import '../../system';

const projects = new Map<boolean, ApexProject>();

function project(multiCurrency: boolean): ApexProject {
  let loaded = projects.get(multiCurrency);
  if (!loaded) {
    loaded = loadProject(undefined, { multiCurrency });
    projects.set(multiCurrency, loaded);
  }
  return loaded;
}

function run(multiCurrency: boolean, code: string): { debug: string[]; error?: string } {
  const org = testOrg(project(multiCurrency));
  const result = runAnonymousApex(org, code, {
    program: Program.fromSources(org.project.schema, [])
  });
  const error = result.exceptionMessage ?? result.compileProblem;
  return {
    debug: result.debugLog.map((line) => line.message),
    ...(error === undefined ? {} : { error })
  };
}

describe('a single-currency org (the same project, multiCurrency: false)', () => {
  it('answers UserInfo with the org currency', () => {
    expect(
      run(
        false,
        `System.debug(UserInfo.isMultiCurrencyOrganization());
         System.debug(UserInfo.getDefaultCurrency());
         System.debug([SELECT DefaultCurrencyIsoCode FROM User WHERE Id = :UserInfo.getUserId()].DefaultCurrencyIsoCode);`
      )
    ).toEqual({ debug: ['false', 'DKK', 'DKK'] });
  });

  it('has no CurrencyIsoCode field: describes leave it out, get() and dynamic SOQL fail as for any unknown field', () => {
    expect(
      run(
        false,
        `System.debug(Schema.SObjectType.Opportunity.fields.getMap().containsKey('currencyisocode'));
         try { Database.query('SELECT CurrencyIsoCode FROM Opportunity'); }
         catch (QueryException e) { System.debug(e.getMessage()); }
         Opportunity o = new Opportunity();
         try { o.get('CurrencyIsoCode'); }
         catch (SObjectException e) { System.debug(e.getMessage()); }`
      )
    ).toEqual({
      debug: [
        'false',
        expect.stringContaining("No such column 'CurrencyIsoCode' on entity 'Opportunity'"),
        'Invalid field CurrencyIsoCode for Opportunity'
      ]
    });
  });

  it('refuses static SOQL naming CurrencyIsoCode or CurrencyType at compile time', () => {
    expect(
      run(false, 'List<Opportunity> deals = [SELECT CurrencyIsoCode FROM Opportunity];').error
    ).toMatch(/No such column 'CurrencyIsoCode' on entity 'Opportunity'/);
    expect(run(false, 'List<SObject> rows = [SELECT IsoCode FROM CurrencyType];').error).toMatch(
      /CurrencyType/
    );
  });

  it('throws a QueryException for CurrencyType, DatedConversionRate and convertCurrency() in dynamic SOQL', () => {
    const result = run(
      false,
      `for (String soql : new List<String>{
           'SELECT IsoCode FROM CurrencyType',
           'SELECT IsoCode FROM DatedConversionRate',
           'SELECT convertCurrency(Amount) FROM Opportunity'
         }) {
         try { Database.query(soql); System.debug('accepted'); }
         catch (QueryException e) { System.debug(e.getMessage().normalizeSpace()); }
       }`
    );
    expect(result.error).toBeUndefined();
    expect(result.debug).toEqual([
      expect.stringContaining("sObject type 'CurrencyType' is not supported"),
      expect.stringContaining("sObject type 'DatedConversionRate' is not supported"),
      expect.stringContaining('only available in an org with multiple currencies')
    ]);
  });

  it('creates records without a currency', () => {
    expect(
      run(
        false,
        `insert new Opportunity(Name = 'a', StageName = 'Prospecting', CloseDate = Date.today(), Amount = 5);
         System.debug([SELECT SUM(Amount) total FROM Opportunity][0].get('total'));`
      )
    ).toEqual({ debug: ['5.00'] });
  });
});

describe('the multi-currency schema', () => {
  const schema = () => project(true).schema;

  it('gives CurrencyIsoCode to custom objects and the standard objects that carry it, not to others', () => {
    const custom = [...schema().objects.values()].find(
      (object) => object.custom && !object.customMetadata && !object.shareOf && !object.historyOf
    );
    const metadataType = [...schema().objects.values()].find((object) => object.customMetadata);
    expect(custom && schema().field(custom.name, 'CurrencyIsoCode')?.label).toBe('Currency');
    expect(metadataType && schema().field(metadataType.name, 'CurrencyIsoCode')).toBeUndefined();
    for (const name of ['Account', 'Contact', 'Opportunity', 'User']) {
      expect(schema().field(name, 'CurrencyIsoCode')?.restrictedPicklist).toBe(true);
    }
    for (const name of ['Task', 'Event', 'OpportunityContactRole', 'OpportunityStage']) {
      expect(schema().field(name, 'CurrencyIsoCode')).toBeUndefined();
    }
    expect(schema().object('CurrencyType')?.createable).toBe(false);
    expect(schema().object('DatedConversionRate')?.queryable).toBe(true);
    expect(project(false).schema.object('CurrencyType')).toBeUndefined();
    expect(project(false).schema.field('User', 'DefaultCurrencyIsoCode')?.picklistValues).toEqual([
      { value: 'DKK', label: 'DKK', active: true, defaultValue: true }
    ]);
  });

  it('rounds a converted tie half away from zero, once, to the target currency', () => {
    // 0.19 SEK / 1.52 = 0.125 DKK exactly, 0.57 SEK / 1.52 = 0.375 DKK exactly.
    expect(
      run(
        true,
        `for (Decimal amount : new List<Decimal>{ 0.19, 0.57 }) {
           insert new Opportunity(Name = String.valueOf(amount), StageName = 'Prospecting',
             CloseDate = Date.newInstance(2026, 1, 15), Amount = amount, CurrencyIsoCode = 'SEK');
         }
         for (Opportunity o : [SELECT Name, convertCurrency(Amount) FROM Opportunity ORDER BY Name]) {
           System.debug(o.Name + ' SEK = ' + o.Amount + ' DKK');
         }`
      )
    ).toEqual({ debug: ['0.19 SEK = 0.13 DKK', '0.57 SEK = 0.38 DKK'] });
  });
});

describe('config/currencies.json', () => {
  function projectWith(currencies: unknown, settings: Record<string, unknown> = {}): string {
    const root = mkdtempSync(join(tmpdir(), 'currencies-'));
    writeFileSync(join(root, 'sfdx-project.json'), '{}');
    mkdirSync(join(root, 'config'));
    mkdirSync(join(root, 'src'));
    writeFileSync(
      join(root, 'config', 'project-scratch-def.json'),
      JSON.stringify({
        country: 'DK',
        features: ['MultiCurrency'],
        settings: { currencySettings: { enableCurrencyEffectiveDates: true }, ...settings }
      })
    );
    if (currencies !== undefined) {
      writeFileSync(join(root, 'config', 'currencies.json'), JSON.stringify(currencies));
    }
    return join(root, 'src');
  }
  const DKK = { IsoCode: 'DKK', ConversionRate: 1, DecimalPlaces: 2, IsCorporate: true };
  const EUR = { IsoCode: 'EUR', ConversionRate: 0.134, DecimalPlaces: 2 };

  it('reads the currencies and dated rates', () => {
    const definition = readOrgDefinition(
      projectWith({
        currencies: [DKK, EUR],
        datedRates: [{ IsoCode: 'EUR', ConversionRate: 0.135, StartDate: '2026-10-01' }]
      })
    );
    expect(definition).toMatchObject({
      multiCurrency: true,
      advancedCurrencyManagement: true,
      currencyIsoCode: 'DKK',
      datedRates: [{ isoCode: 'EUR', conversionRate: 0.135, startDate: '2026-10-01' }]
    });
    expect(definition.currencies.map((currency) => currency.isActive)).toEqual([true, true]);
  });

  it('is not read when multiple currencies are off', () => {
    expect(readOrgDefinition(projectWith(undefined), { multiCurrency: false })).toMatchObject({
      multiCurrency: false,
      currencies: []
    });
  });

  it.each([
    [undefined, /currencies\.json: missing/],
    [{ currencies: [EUR] }, /exactly one currency with "IsCorporate": true, not 0/],
    [
      { currencies: [{ ...DKK, IsoCode: 'EUR' }] },
      /corporate currency EUR must be the org's currency DKK/
    ],
    [
      { currencies: [{ ...DKK, ConversionRate: 2 }] },
      /corporate currency DKK must have ConversionRate 1/
    ],
    [
      { currencies: [DKK, { ...EUR, IsoCode: 'EURO' }] },
      /currencies\[1\]: IsoCode "EURO" is not a three-letter ISO code/
    ],
    [
      { currencies: [DKK, { ...EUR, ConversionRate: 0 }] },
      /currencies\[1\] \(EUR\): ConversionRate must be a number above 0/
    ],
    [{ currencies: [DKK, EUR, EUR] }, /EUR is listed twice/],
    [
      {
        currencies: [DKK],
        datedRates: [{ IsoCode: 'SEK', ConversionRate: 1.5, StartDate: '2026-10-01' }]
      },
      /datedRates\[0\]: IsoCode "SEK" is not one of the currencies/
    ],
    [
      {
        currencies: [DKK, EUR],
        datedRates: [
          { IsoCode: 'EUR', ConversionRate: 0.13, StartDate: '2026-10-01' },
          { IsoCode: 'EUR', ConversionRate: 0.14, StartDate: '2026-10-01' }
        ]
      },
      /datedRates\[1\] \(EUR\): a second rate starting 2026-10-01/
    ]
  ])('refuses %j', (currencies, message) => {
    expect(() => readOrgDefinition(projectWith(currencies))).toThrow(message);
  });
});

describe('the sample org', () => {
  it("keeps the sample records' currencies, the corporate one where they have none, and gives users the corporate currency", () => {
    const org = sampleOrg();
    const deals = [...org.database.rows('Opportunity')];
    expect(deals.length).toBeGreaterThan(0);
    for (const row of deals) expect(['DKK', 'EUR', 'SEK', 'NOK']).toContain(row.CurrencyIsoCode);
    for (const row of org.database.rows('Account'))
      expect(typeof row.CurrencyIsoCode).toBe('string');
    const users = [...org.database.rows('User')];
    expect(new Set(users.map((row) => row.DefaultCurrencyIsoCode))).toEqual(new Set(['DKK']));
    expect([...org.database.rows('CurrencyType')]).toHaveLength(4);
  }, 120_000);

  it('loads as a single-currency org too', () => {
    const org = sampleOrg({ multiCurrency: false });
    expect(org.project.orgDefinition.multiCurrency).toBe(false);
    expect([...org.database.rows('Opportunity')][0].CurrencyIsoCode).toBeUndefined();
  }, 120_000);
});

/**
 * What the project says about the org itself, from the scratch org definition
 * (`config/project-scratch-def.json` of the SFDX project that holds the source tree): its name,
 * edition, language, country (and so its currency) and fiscal year settings. Anything it does not say keeps the defaults of a
 * new org (fiscal year starting in January, named by its ending year).
 *
 * Multiple currencies (Scratch Org Definition: the `MultiCurrency` feature, or
 * `settings.currencySettings.enableMultiCurrency`; advanced currency management with
 * `enableCurrencyEffectiveDates`): the currencies are org data, not metadata, so they come from
 * `config/currencies.json` beside the scratch definition (CurrencyType rows under `currencies`,
 * DatedConversionRate rows under `datedRates`), required with multiple currencies and ignored
 * without. `OrgDefinitionOptions.multiCurrency` overrides the definition (the same project run as a
 * single-currency org).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { ENGLISH_MONTHS } from '../stdlib/locales';
import {
  CUSTOM_FISCAL_YEARS_FILE,
  readCustomFiscalYears,
  type FiscalYearDefinition
} from './fiscalYears';

export interface OrgDefinition {
  name: string;
  /** `Developer Edition`, `Enterprise Edition` ... (Organization.OrganizationType). */
  organizationType: string;
  language: string;
  /** ISO 3166 alpha-2; "This value sets the locale of the scratch org" (scratch org definition). */
  country: string;
  /** The currency of a single-currency org, the one of its country's locale (ISO 4217). */
  currencyIsoCode: string;
  fiscalYearStartMonth: number;
  usesStartDateAsFiscalYearName: boolean;
  /**
   * Multiple currencies are on (`"features": ["MultiCurrency"]` or
   * `settings.currencySettings.enableMultiCurrency`): records carry CurrencyIsoCode, CurrencyType
   * exists, `convertCurrency()` works.
   */
  multiCurrency: boolean;
  /** Advanced currency management (dated exchange rates), only with multiple currencies. */
  advancedCurrencyManagement: boolean;
  /** The org's currencies (`config/currencies.json`); empty in a single-currency org. */
  currencies: readonly OrgCurrency[];
  /** The dated exchange rates; empty without advanced currency management. */
  datedRates: readonly DatedRate[];
  /**
   * The custom fiscal years (`config/custom-fiscal-years.json`, loaded only when
   * OrgDefinitionOptions.customFiscalYears asks); undefined in an org with standard fiscal years.
   */
  customFiscalYears?: readonly FiscalYearDefinition[];
}

/** A CurrencyType row (Object Reference, "CurrencyType"). */
export interface OrgCurrency {
  isoCode: string;
  /** Units of this currency per unit of the corporate currency (1 for the corporate one). */
  conversionRate: number;
  decimalPlaces: number;
  isCorporate: boolean;
  isActive: boolean;
}

/** A DatedConversionRate row (Object Reference, "DatedConversionRate"), without NextStartDate. */
export interface DatedRate {
  isoCode: string;
  conversionRate: number;
  /** ISO date, `2026-10-01`. */
  startDate: string;
}

export interface OrgDefinitionOptions {
  /** Overrides the scratch definition's multi-currency setting (a single-currency run of the same project). */
  multiCurrency?: boolean;
  /**
   * Custom fiscal years (set up in Setup, which a scratch definition cannot declare): `true` reads
   * `config/custom-fiscal-years.json` beside the scratch definition, a string that file's path
   * (relative to the project root); absent or `false`, the org has standard fiscal years.
   */
  customFiscalYears?: string | boolean;
}

/** The currencies of the countries the runtime knows an org in (Danish customers' markets). */
const CURRENCY_OF_COUNTRY: Readonly<Record<string, string>> = {
  US: 'USD',
  DK: 'DKK',
  SE: 'SEK',
  NO: 'NOK',
  FI: 'EUR',
  DE: 'EUR',
  NL: 'EUR',
  GB: 'GBP'
};

export const DEFAULT_ORG_DEFINITION: OrgDefinition = {
  name: 'Offline Org',
  organizationType: 'Developer Edition',
  language: 'en_US',
  country: 'US',
  currencyIsoCode: 'USD',
  fiscalYearStartMonth: 1,
  usesStartDateAsFiscalYearName: false,
  multiCurrency: false,
  advancedCurrencyManagement: false,
  currencies: [],
  datedRates: []
};

/** The folder holding `sfdx-project.json` at or above `dir`, if any. */
function projectRoot(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, 'sfdx-project.json'))) return current;
    if (dirname(current) === current) return undefined;
  }
}

interface ScratchDefinition {
  orgName?: string;
  edition?: string;
  language?: string;
  country?: string;
  features?: string[];
  settings?: {
    fiscalYearSettings?: { fiscalYearNameBasedOn?: string; startMonth?: string };
    currencySettings?: { enableMultiCurrency?: boolean; enableCurrencyEffectiveDates?: boolean };
  };
}

export const CURRENCIES_FILE = 'currencies.json';

const ISO_CODE = /^[A-Z]{3}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The currencies and dated rates of `config/currencies.json`, validated: ISO codes of three
 * capital letters, each once; rates above zero; exactly one active corporate currency with rate 1,
 * the org's own (the currency of its country); dated rates only for listed non-corporate
 * currencies, one per currency and start date.
 */
export function readCurrencies(
  file: string,
  orgCurrency: string,
  dated: boolean
): { currencies: OrgCurrency[]; datedRates: DatedRate[] } {
  if (!existsSync(file)) {
    throw new Error(
      `${file}: missing; an org with multiple currencies needs its currencies (CurrencyType rows) there`
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(json) || !Array.isArray(json.currencies)) {
    throw new Error(`${file}: needs a "currencies" list`);
  }
  const currencies: OrgCurrency[] = json.currencies.map((entry: unknown, index: number) => {
    const where = `${file}: currencies[${index}]`;
    if (!isRecord(entry)) throw new Error(`${where} is not an object`);
    const { IsoCode, ConversionRate, DecimalPlaces, IsCorporate, IsActive } = entry;
    if (typeof IsoCode !== 'string' || !ISO_CODE.test(IsoCode)) {
      throw new Error(
        `${where}: IsoCode ${JSON.stringify(IsoCode)} is not a three-letter ISO code`
      );
    }
    const named = `${where} (${IsoCode})`;
    if (typeof ConversionRate !== 'number' || !(ConversionRate > 0)) {
      throw new Error(`${named}: ConversionRate must be a number above 0`);
    }
    const places = DecimalPlaces ?? 2;
    if (typeof places !== 'number' || !Number.isInteger(places) || places < 0 || places > 10) {
      throw new Error(`${named}: DecimalPlaces must be an integer from 0 to 10`);
    }
    if (IsCorporate !== undefined && typeof IsCorporate !== 'boolean') {
      throw new Error(`${named}: IsCorporate must be true or false`);
    }
    if (IsActive !== undefined && typeof IsActive !== 'boolean') {
      throw new Error(`${named}: IsActive must be true or false`);
    }
    return {
      isoCode: IsoCode,
      conversionRate: ConversionRate,
      decimalPlaces: places,
      isCorporate: IsCorporate === true,
      // Object Reference, "CurrencyType": IsActive defaults to false; a listed currency is meant
      // to be used, so the file's default is true.
      isActive: IsActive !== false
    };
  });
  const seen = new Set<string>();
  for (const currency of currencies) {
    if (seen.has(currency.isoCode)) throw new Error(`${file}: ${currency.isoCode} is listed twice`);
    seen.add(currency.isoCode);
  }
  const corporate = currencies.filter((currency) => currency.isCorporate);
  if (corporate.length !== 1) {
    throw new Error(
      `${file}: needs exactly one currency with "IsCorporate": true, not ${corporate.length}`
    );
  }
  const [head] = corporate;
  if (head.isoCode !== orgCurrency) {
    throw new Error(
      `${file}: the corporate currency ${head.isoCode} must be the org's currency ${orgCurrency} (its country's)`
    );
  }
  if (head.conversionRate !== 1) {
    throw new Error(`${file}: the corporate currency ${head.isoCode} must have ConversionRate 1`);
  }
  if (!head.isActive)
    throw new Error(`${file}: the corporate currency ${head.isoCode} must be active`);
  const rawDated = json.datedRates ?? [];
  if (!Array.isArray(rawDated)) throw new Error(`${file}: "datedRates" must be a list`);
  if (!dated) return { currencies, datedRates: [] };
  const starts = new Set<string>();
  const datedRates: DatedRate[] = rawDated.map((entry: unknown, index: number) => {
    const where = `${file}: datedRates[${index}]`;
    if (!isRecord(entry)) throw new Error(`${where} is not an object`);
    const { IsoCode, ConversionRate, StartDate } = entry;
    const currency = currencies.find((candidate) => candidate.isoCode === IsoCode);
    if (typeof IsoCode !== 'string' || !currency) {
      throw new Error(`${where}: IsoCode ${JSON.stringify(IsoCode)} is not one of the currencies`);
    }
    const named = `${where} (${IsoCode})`;
    if (currency.isCorporate)
      throw new Error(`${named}: the corporate currency has no dated rates`);
    if (typeof ConversionRate !== 'number' || !(ConversionRate > 0)) {
      throw new Error(`${named}: ConversionRate must be a number above 0`);
    }
    if (
      typeof StartDate !== 'string' ||
      !ISO_DATE.test(StartDate) ||
      Number.isNaN(Date.parse(`${StartDate}T00:00:00Z`))
    ) {
      throw new Error(`${named}: StartDate must be a date YYYY-MM-DD`);
    }
    const key = `${IsoCode} ${StartDate}`;
    if (starts.has(key)) throw new Error(`${named}: a second rate starting ${StartDate}`);
    starts.add(key);
    return { isoCode: IsoCode, conversionRate: ConversionRate, startDate: StartDate };
  });
  return { currencies, datedRates };
}

/** The custom fiscal years file an OrgDefinitionOptions.customFiscalYears names, if any. */
function customFiscalYearsFile(
  sourceDir: string,
  root: string | undefined,
  option: string | boolean | undefined
): string | undefined {
  if (option === undefined || option === false) return undefined;
  if (typeof option === 'string' && isAbsolute(option)) return option;
  if (!root) {
    throw new Error(
      `${sourceDir}: custom fiscal years need a project (sfdx-project.json) or an absolute file path`
    );
  }
  return option === true ? join(root, 'config', CUSTOM_FISCAL_YEARS_FILE) : join(root, option);
}

export function readOrgDefinition(
  sourceDir: string,
  options: OrgDefinitionOptions = {}
): OrgDefinition {
  const root = projectRoot(sourceDir);
  const fiscalFile = customFiscalYearsFile(sourceDir, root, options.customFiscalYears);
  const customFiscalYears = fiscalFile ? readCustomFiscalYears(fiscalFile) : undefined;
  const file = root ? join(root, 'config', 'project-scratch-def.json') : undefined;
  if (!file || !existsSync(file)) {
    if (options.multiCurrency) {
      throw new Error(`${sourceDir}: multiple currencies need a scratch org definition`);
    }
    return customFiscalYears
      ? { ...DEFAULT_ORG_DEFINITION, customFiscalYears }
      : { ...DEFAULT_ORG_DEFINITION };
  }
  const definition = JSON.parse(readFileSync(file, 'utf8')) as ScratchDefinition;
  const fiscal = definition.settings?.fiscalYearSettings;
  const startMonth = fiscal?.startMonth ? ENGLISH_MONTHS.indexOf(fiscal.startMonth) + 1 : 1;
  if (startMonth < 1)
    throw new Error(`${file}: unknown fiscal year start month ${fiscal?.startMonth}`);
  const country = definition.country ?? DEFAULT_ORG_DEFINITION.country;
  const currencyIsoCode = CURRENCY_OF_COUNTRY[country];
  if (!currencyIsoCode) {
    throw new Error(
      `${file}: country ${country} is not one the offline runtime knows the currency of (${Object.keys(CURRENCY_OF_COUNTRY).join(', ')})`
    );
  }
  const currencySettings = definition.settings?.currencySettings;
  const multiCurrency =
    options.multiCurrency ??
    ((definition.features ?? []).some((feature) => feature.toLowerCase() === 'multicurrency') ||
      currencySettings?.enableMultiCurrency === true);
  const advancedCurrencyManagement =
    multiCurrency && currencySettings?.enableCurrencyEffectiveDates === true;
  const { currencies, datedRates } = multiCurrency
    ? readCurrencies(
        join(dirname(file), CURRENCIES_FILE),
        currencyIsoCode,
        advancedCurrencyManagement
      )
    : { currencies: [], datedRates: [] };
  return {
    name: definition.orgName ?? DEFAULT_ORG_DEFINITION.name,
    organizationType: definition.edition
      ? `${definition.edition} Edition`
      : DEFAULT_ORG_DEFINITION.organizationType,
    language: definition.language ?? DEFAULT_ORG_DEFINITION.language,
    country,
    currencyIsoCode,
    fiscalYearStartMonth: startMonth,
    usesStartDateAsFiscalYearName: fiscal?.fiscalYearNameBasedOn === 'startingMonth',
    multiCurrency,
    advancedCurrencyManagement,
    currencies,
    datedRates,
    ...(customFiscalYears ? { customFiscalYears } : {})
  };
}

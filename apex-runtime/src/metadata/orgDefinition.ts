/**
 * What the project says about the org itself, from the scratch org definition
 * (`config/project-scratch-def.json` of the SFDX project that holds the source tree): its name,
 * edition, language, country (and so its currency) and fiscal year settings. Anything it does not say keeps the defaults of a
 * new org (fiscal year starting in January, named by its ending year).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
];

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
  usesStartDateAsFiscalYearName: false
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
  settings?: { fiscalYearSettings?: { fiscalYearNameBasedOn?: string; startMonth?: string } };
}

export function readOrgDefinition(sourceDir: string): OrgDefinition {
  const root = projectRoot(sourceDir);
  const file = root ? join(root, 'config', 'project-scratch-def.json') : undefined;
  if (!file || !existsSync(file)) return { ...DEFAULT_ORG_DEFINITION };
  const definition = JSON.parse(readFileSync(file, 'utf8')) as ScratchDefinition;
  const fiscal = definition.settings?.fiscalYearSettings;
  const startMonth = fiscal?.startMonth ? MONTHS.indexOf(fiscal.startMonth) + 1 : 1;
  if (startMonth < 1)
    throw new Error(`${file}: unknown fiscal year start month ${fiscal?.startMonth}`);
  const country = definition.country ?? DEFAULT_ORG_DEFINITION.country;
  const currencyIsoCode = CURRENCY_OF_COUNTRY[country];
  if (!currencyIsoCode) {
    throw new Error(
      `${file}: country ${country} is not one the offline runtime knows the currency of (${Object.keys(CURRENCY_OF_COUNTRY).join(', ')})`
    );
  }
  return {
    name: definition.orgName ?? DEFAULT_ORG_DEFINITION.name,
    organizationType: definition.edition
      ? `${definition.edition} Edition`
      : DEFAULT_ORG_DEFINITION.organizationType,
    language: definition.language ?? DEFAULT_ORG_DEFINITION.language,
    country,
    currencyIsoCode,
    fiscalYearStartMonth: startMonth,
    usesStartDateAsFiscalYearName: fiscal?.fiscalYearNameBasedOn === 'startingMonth'
  };
}

/**
 * The locale conventions Apex formats and parses with, for the locales this runtime supports.
 * Salesforce formats with ICU locale data (ICU 71.1, CLDR 41: Salesforce Help, "Supported Locales
 * and ICU Formats"; enforced for every org since the "Enable ICU Formats" release update), with a
 * four-digit year in the short date (Salesforce Help, "Differences Between JDK and ICU Locale
 * Formats": en_US `1/28/2008, 4:30 PM`). The tables are written out rather than read from Node's
 * Intl, whose newer CLDR differs (a narrow no-break space before AM/PM, `28.01.2026, 17.30` for
 * Danish). Any other locale fails loudly.
 */
import { NotSupportedOfflineError } from './apexErrors';

export interface LocaleConventions {
  /** Salesforce's locale key, e.g. `da_DK`. */
  readonly id: string;
  /** The BCP 47 tag Intl knows the locale by (time zone names only). */
  readonly bcp47: string;
  readonly decimalSeparator: string;
  readonly groupingSeparator: string;
  /** SimpleDateFormat patterns of the short date (Date.format()) and short time. */
  readonly shortDate: string;
  readonly shortTime: string;
  /** The time part of Datetime.formatLong(). */
  readonly longTime: string;
  /** How a date and a time are joined, `{1}` the date and `{0}` the time. */
  readonly dateTimeGlue: string;
  /** 0 = Sunday ... 6 = Saturday (Date.toStartOfWeek, week-of-year fields). */
  readonly firstDayOfWeek: number;
  /** Days the first week of a year must have in that year (week-of-year fields). */
  readonly minimalDaysInFirstWeek: number;
  readonly monthsWide: readonly string[];
  readonly monthsAbbreviated: readonly string[];
  /** Sunday first. */
  readonly weekdaysWide: readonly string[];
  readonly weekdaysAbbreviated: readonly string[];
  readonly amPm: readonly [string, string];
  readonly erasAbbreviated: readonly [string, string];
  readonly erasWide: readonly [string, string];
}

/** The months' English names, January first (also how Salesforce names fiscal start months). */
export const ENGLISH_MONTHS: readonly string[] = [
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
const ENGLISH_WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday'
];
const ENGLISH_WEEKDAYS_ABBREVIATED = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const EN_US: LocaleConventions = {
  id: 'en_US',
  bcp47: 'en-US',
  decimalSeparator: '.',
  groupingSeparator: ',',
  shortDate: 'M/d/yyyy',
  shortTime: 'h:mm a',
  longTime: 'h:mm:ss a z',
  dateTimeGlue: '{1}, {0}',
  firstDayOfWeek: 0,
  minimalDaysInFirstWeek: 1,
  monthsWide: ENGLISH_MONTHS,
  monthsAbbreviated: ENGLISH_MONTHS.map((month) => month.slice(0, 3)),
  weekdaysWide: ENGLISH_WEEKDAYS,
  weekdaysAbbreviated: ENGLISH_WEEKDAYS_ABBREVIATED,
  amPm: ['AM', 'PM'],
  erasAbbreviated: ['BC', 'AD'],
  erasWide: ['Before Christ', 'Anno Domini']
};

const EN_GB: LocaleConventions = {
  ...EN_US,
  id: 'en_GB',
  bcp47: 'en-GB',
  shortDate: 'dd/MM/yyyy',
  shortTime: 'HH:mm',
  longTime: 'HH:mm:ss z',
  firstDayOfWeek: 1,
  minimalDaysInFirstWeek: 4,
  // CLDR 38 and later abbreviate September as "Sept" in British English.
  monthsAbbreviated: ENGLISH_MONTHS.map((month) =>
    month === 'September' ? 'Sept' : month.slice(0, 3)
  ),
  amPm: ['am', 'pm']
};

const DA_DK: LocaleConventions = {
  id: 'da_DK',
  bcp47: 'da-DK',
  decimalSeparator: ',',
  groupingSeparator: '.',
  shortDate: 'dd.MM.yyyy',
  shortTime: 'HH.mm',
  longTime: 'HH.mm.ss z',
  dateTimeGlue: '{1} {0}',
  firstDayOfWeek: 1,
  minimalDaysInFirstWeek: 4,
  monthsWide: [
    'januar',
    'februar',
    'marts',
    'april',
    'maj',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'december'
  ],
  monthsAbbreviated: [
    'jan.',
    'feb.',
    'mar.',
    'apr.',
    'maj',
    'jun.',
    'jul.',
    'aug.',
    'sep.',
    'okt.',
    'nov.',
    'dec.'
  ],
  weekdaysWide: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'],
  weekdaysAbbreviated: ['søn.', 'man.', 'tirs.', 'ons.', 'tors.', 'fre.', 'lør.'],
  amPm: ['AM', 'PM'],
  erasAbbreviated: ['f.Kr.', 'e.Kr.'],
  erasWide: ['før Kristus', 'efter Kristus']
};

const LOCALES = new Map<string, LocaleConventions>(
  [EN_US, EN_GB, DA_DK].map((conventions) => [conventions.id.toLowerCase(), conventions])
);

/** The conventions of a Salesforce locale key (`en_US`, `da_DK`, case-insensitive). */
export function localeConventions(locale: string): LocaleConventions {
  const conventions = LOCALES.get(locale.replace('-', '_').toLowerCase());
  if (!conventions) throw new NotSupportedOfflineError(`locale ${locale}`);
  return conventions;
}

export function supportedLocales(): string[] {
  return [...LOCALES.values()].map((conventions) => conventions.id);
}

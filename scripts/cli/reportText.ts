/**
 * Every fixed text of the HTML audit report, in each language `ssm audit --locale` offers, and
 * the number and date formats that go with it. One interface types both catalogues, so a text
 * the Danish catalogue lacks is a compile error, not an English word in a Danish report.
 * Sentences with figures are functions of typed values, because Danish puts the words around
 * a figure in another order than English; the figures are formatted here with Intl, never
 * written into a text. Danish terms follow docs/GLOSSARY_DA.md. Texts that come from the data
 * (rule labels, stage and seller names, malformed-row messages) are not translated.
 */
import type { AuditObject, RuleReport, RuleStatus } from './audit';

/** The `--locale` values: a language, or a language and the region whose formats it reads. */
export const REPORT_LOCALES = ['en-US', 'en', 'da-DK', 'da'] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];
export const DEFAULT_REPORT_LOCALE: ReportLocale = 'en-US';

/** The forecast categories the audit reports (audit.ts), in Salesforce's API names. */
export type ForecastCategory = 'Closed' | 'Commit' | 'Best Case' | 'Pipeline' | 'Omitted';

/** Figures as a reader of the report's language writes them; `null` is a figure not computed. */
export interface ReportFormats {
  /** 1,234,567 (en-US); 1.234.567 (da-DK). */
  count(value: number): string;
  /** Rounded to whole units, no currency: for a source whose amounts are in no named currency. */
  amount(value: number | null): string;
  /** Rounded to whole units with the currency: DKK 1,234 (en-US); 1.234 kr. (da-DK). */
  money(value: number | null, isoCode: string): string;
  /** A conversion rate with up to six decimals, as Salesforce stores it: 7.46 (en-US); 7,46. */
  rate(value: number): string;
  /** A fraction as a percentage with one decimal: 12.5% (en-US); 12,5 % (da-DK). */
  percent(fraction: number | null): string;
  /** One decimal: a score or a number of days. */
  decimal(value: number | null): string;
  /** A YYYY-MM-DD day: Nov 16, 2026 (en-US); 16. nov. 2026 (da-DK). */
  date(isoDate: string): string;
  /** A list of names: a, b and c (en-US); a, b og c (da-DK). */
  list(items: readonly string[]): string;
}

const NOT_COMPUTED = '-';

export function reportFormats(intlLocale: string): ReportFormats {
  const whole = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat(intlLocale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1
  });
  const percent = new Intl.NumberFormat(intlLocale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1
  });
  // The day is a calendar date, not an instant: formatted in UTC so no time zone moves it.
  const day = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeZone: 'UTC' });
  const list = new Intl.ListFormat(intlLocale, { style: 'long', type: 'conjunction' });
  const rate = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 6 });
  const money = new Map<string, Intl.NumberFormat>();
  const moneyFormat = (isoCode: string): Intl.NumberFormat => {
    let known = money.get(isoCode);
    if (!known) {
      known = new Intl.NumberFormat(intlLocale, {
        style: 'currency',
        currency: isoCode,
        minimumFractionDigits: 0,
        maximumFractionDigits: 0
      });
      money.set(isoCode, known);
    }
    return known;
  };
  return {
    count: (value) => whole.format(value),
    amount: (value) => (value === null ? NOT_COMPUTED : whole.format(Math.round(value))),
    money: (value, isoCode) =>
      value === null ? NOT_COMPUTED : moneyFormat(isoCode).format(Math.round(value)),
    rate: (value) => rate.format(value),
    percent: (fraction) => (fraction === null ? NOT_COMPUTED : percent.format(fraction)),
    decimal: (value) => (value === null ? NOT_COMPUTED : oneDecimal.format(value)),
    date: (isoDate) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
      if (!match) return isoDate;
      return day.format(
        new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
      );
    },
    list: (items) => list.format(items)
  };
}

/** Where the audited records came from, as the report names it. */
export type ReportSource =
  { kind: 'csv'; file: string } | { kind: 'org'; user: string } | { kind: 'sample' };

export interface ReportText {
  /** The `<html lang>` value: the language; the region changes only the formats. */
  readonly htmlLang: 'en' | 'da';
  readonly format: ReportFormats;

  documentTitle(objectName: AuditObject): string;
  heading(objectName: AuditObject): string;
  sourceAndDay(source: ReportSource, today: string): string;
  period(label: string, start: string, end: string): string;
  records(read: number, evaluated: number, malformed: number): string;

  readonly dataQualityHeading: string;
  averageScore(average: number | null, recordsFlagged: number): string;
  readonly scoreDistributionChart: string;
  readonly flaggedPerRuleChart: string;
  readonly coachingHeading: string;
  readonly flaggedPerPromptChart: string;
  readonly ruleColumns: {
    readonly rule: string;
    readonly kind: string;
    readonly status: string;
    readonly flagged: string;
    readonly applicable: string;
    readonly missingOrReason: string;
  };
  readonly ruleKind: Readonly<Record<RuleReport['kind'], string>>;
  readonly ruleStatus: Readonly<Record<RuleStatus, string>>;
  ruleErrors(errors: number, firstError: string): string;

  readonly pipelineHeading: string;
  pipelineNotEvaluated(missingColumns: readonly string[]): string;
  readonly figureColumns: { readonly figure: string; readonly value: string };
  readonly figures: {
    readonly dealsInPeriod: string;
    readonly openAmount: string;
    readonly weightedAmount: string;
    readonly wonAmount: string;
    readonly lostAmount: string;
    readonly winRateByCount: string;
    readonly averageDealSize: string;
    readonly averageCycleDays: string;
    readonly target: string;
    readonly attainment: string;
  };
  readonly byStageChart: string;
  readonly byForecastCategoryChart: string;
  readonly forecastCategory: Readonly<Record<ForecastCategory, string>>;
  readonly sellersHeading: string;
  readonly perSellerChart: string;
  sellerOpen(seller: string): string;
  sellerWon(seller: string): string;
  readonly sellerColumns: {
    readonly seller: string;
    readonly open: string;
    readonly won: string;
    readonly target: string;
    readonly attainment: string;
    readonly winRate: string;
    readonly averageScore: string;
    readonly coachingFlags: string;
  };

  /** The sentence under the heading when amounts are converted. */
  corporateCurrency(isoCode: string): string;
  readonly currencyHeading: string;
  readonly currencyNote: string;
  readonly currencyColumns: {
    readonly currency: string;
    readonly deals: string;
    readonly amount: string;
    corporateAmount(isoCode: string): string;
    readonly rates: string;
  };
  /** A rate used: the CurrencyType rate (startDate null), or a dated rate and its first day. */
  rateUsed(rate: number, startDate: string | null, deals: number): string;

  readonly malformedHeading: string;
  readonly malformedNote: string;
  readonly malformedColumns: { readonly line: string; readonly problem: string };
  moreMalformed(count: number): string;
}

const enFormat = reportFormats('en-US');

export const en: ReportText = {
  htmlLang: 'en',
  format: enFormat,

  documentTitle: (objectName) => `ssm audit: ${objectName}`,
  heading: (objectName) => `Audit of ${objectName}`,
  sourceAndDay: (source, today) => {
    const from =
      source.kind === 'csv'
        ? `CSV file ${source.file}`
        : source.kind === 'org'
          ? `org ${source.user}`
          : 'the sample org';
    return `Source: ${from}. Today: ${enFormat.date(today)}.`;
  },
  period: (label, start, end) =>
    `Period: ${label} (${enFormat.date(start)} to ${enFormat.date(end)}).`,
  records: (read, evaluated, malformed) =>
    `${enFormat.count(read)} ${read === 1 ? 'record' : 'records'} read, ${enFormat.count(evaluated)} evaluated, ${enFormat.count(malformed)} malformed.`,

  dataQualityHeading: 'Data quality',
  averageScore: (average, recordsFlagged) =>
    `Average score ${enFormat.decimal(average)} of 100; ${enFormat.count(recordsFlagged)} ${recordsFlagged === 1 ? 'record has' : 'records have'} at least one gap.`,
  scoreDistributionChart: 'Score distribution (records per score band)',
  flaggedPerRuleChart: 'Records flagged per data-quality rule',
  coachingHeading: 'Coaching prompts',
  flaggedPerPromptChart: 'Records flagged per coaching prompt',
  ruleColumns: {
    rule: 'Rule',
    kind: 'Kind',
    status: 'Status',
    flagged: 'Flagged',
    applicable: 'Applicable',
    missingOrReason: 'Missing columns or reason'
  },
  // The Sales Rule picklist's own values, as Setup shows them to the admin.
  ruleKind: { 'Data Quality': 'Data Quality', 'Coaching Prompt': 'Coaching Prompt' },
  ruleStatus: { evaluated: 'evaluated', 'not evaluated': 'not evaluated', broken: 'broken' },
  ruleErrors: (errors, firstError) =>
    `${enFormat.count(errors)} ${errors === 1 ? 'error' : 'errors'}: ${firstError}`,

  pipelineHeading: 'Pipeline',
  pipelineNotEvaluated: (missingColumns) =>
    `Not evaluated: the source lacks ${enFormat.list(missingColumns)}.`,
  figureColumns: { figure: 'Figure', value: 'Value' },
  figures: {
    dealsInPeriod: 'Deals closing in the period',
    openAmount: 'Open amount',
    weightedAmount: 'Weighted amount',
    wonAmount: 'Won amount',
    lostAmount: 'Lost amount',
    winRateByCount: 'Win rate by count',
    averageDealSize: 'Average deal size',
    averageCycleDays: 'Average cycle (days)',
    target: 'Target',
    attainment: 'Attainment'
  },
  byStageChart: 'Open pipeline by stage',
  byForecastCategoryChart: 'Amount by forecast category (Closed = won)',
  forecastCategory: {
    Closed: 'Closed',
    Commit: 'Commit',
    'Best Case': 'Best Case',
    Pipeline: 'Pipeline',
    Omitted: 'Omitted'
  },
  sellersHeading: 'Sellers',
  perSellerChart: 'Open and won amount per seller',
  sellerOpen: (seller) => `${seller}: open`,
  sellerWon: (seller) => `${seller}: won`,
  sellerColumns: {
    seller: 'Seller',
    open: 'Open',
    won: 'Won',
    target: 'Target',
    attainment: 'Attainment',
    winRate: 'Win rate',
    averageScore: 'Average score',
    coachingFlags: 'Coaching flags'
  },

  corporateCurrency: (isoCode) =>
    `Every amount is in the corporate currency, ${isoCode}: deals in other currencies are converted at the rates below.`,
  currencyHeading: 'Currencies',
  currencyNote:
    'Deals closing in the period, per currency. Each deal is converted at the rate of its close date and rounded to the cent.',
  currencyColumns: {
    currency: 'Currency',
    deals: 'Deals',
    amount: 'Amount in its currency',
    corporateAmount: (isoCode) => `Amount in ${isoCode}`,
    rates: 'Rates used'
  },
  rateUsed: (rate, startDate, deals) =>
    `${enFormat.rate(rate)}${startDate === null ? '' : ` from ${enFormat.date(startDate)}`} (${enFormat.count(deals)} ${deals === 1 ? 'deal' : 'deals'})`,

  malformedHeading: 'Malformed rows',
  malformedNote: 'These rows were left out of every figure above.',
  malformedColumns: { line: 'Line', problem: 'Problem' },
  moreMalformed: (count) =>
    `... and ${enFormat.count(count)} more, left out as well (the JSON report counts them in records.malformed).`
};

const daFormat = reportFormats('da-DK');

/** Danish names of the audited objects (Salesforce's own for Opportunity and Account). */
const DA_OBJECTS: Readonly<Record<AuditObject, string>> = {
  Opportunity: 'salgsmuligheder',
  Account: 'konti',
  Account_Plan__c: 'account plans'
};

export const da: ReportText = {
  htmlLang: 'da',
  format: daFormat,

  documentTitle: (objectName) => `ssm audit: ${DA_OBJECTS[objectName]}`,
  heading: (objectName) => `Gennemgang af ${DA_OBJECTS[objectName]}`,
  sourceAndDay: (source, today) => {
    const from =
      source.kind === 'csv'
        ? `CSV-filen ${source.file}`
        : source.kind === 'org'
          ? `organisationen ${source.user}`
          : 'eksempelorganisationen';
    return `Kilde: ${from}. Dagsdato: ${daFormat.date(today)}.`;
  },
  period: (label, start, end) =>
    `Periode: ${label} (${daFormat.date(start)} til ${daFormat.date(end)}).`,
  records: (read, evaluated, malformed) =>
    `${daFormat.count(read)} ${read === 1 ? 'post' : 'poster'} læst, ${daFormat.count(evaluated)} gennemgået, ${daFormat.count(malformed)} ugyldige.`,

  dataQualityHeading: 'Datakvalitet',
  averageScore: (average, recordsFlagged) =>
    `Gennemsnitlig datakvalitetsscore ${daFormat.decimal(average)} ud af 100; ${daFormat.count(recordsFlagged)} ${recordsFlagged === 1 ? 'post har' : 'poster har'} mindst én mangel.`,
  scoreDistributionChart: 'Fordeling af datakvalitetsscore (poster pr. scoreinterval)',
  flaggedPerRuleChart: 'Poster markeret pr. datakvalitetsregel',
  coachingHeading: 'Coachingpunkter',
  flaggedPerPromptChart: 'Poster markeret pr. coachingpunkt',
  ruleColumns: {
    rule: 'Regel',
    kind: 'Type',
    status: 'Status',
    flagged: 'Markeret',
    applicable: 'Gælder for',
    missingOrReason: 'Manglende kolonner eller årsag'
  },
  ruleKind: { 'Data Quality': 'Datakvalitet', 'Coaching Prompt': 'Coachingpunkt' },
  ruleStatus: {
    evaluated: 'evalueret',
    'not evaluated': 'ikke evalueret',
    broken: 'fejlbehæftet'
  },
  ruleErrors: (errors, firstError) => `${daFormat.count(errors)} fejl: ${firstError}`,

  pipelineHeading: 'Pipeline',
  pipelineNotEvaluated: (missingColumns) =>
    `Ikke evalueret: kilden mangler ${daFormat.list(missingColumns)}.`,
  figureColumns: { figure: 'Nøgletal', value: 'Værdi' },
  figures: {
    dealsInPeriod: 'Salgsmuligheder med lukkedato i perioden',
    openAmount: 'Åben pipeline',
    weightedAmount: 'Vægtet pipeline',
    wonAmount: 'Vundet beløb',
    lostAmount: 'Tabt beløb',
    winRateByCount: 'Hitrate (antal)',
    averageDealSize: 'Gennemsnitligt beløb pr. vundet salgsmulighed',
    averageCycleDays: 'Gennemsnitlig salgscyklus (dage)',
    target: 'Mål',
    attainment: 'Målopfyldelse'
  },
  byStageChart: 'Åben pipeline pr. fase',
  byForecastCategoryChart: 'Beløb pr. forecastkategori (lukket = vundet)',
  // Danish sellers keep commit and best case (docs/GLOSSARY_DA.md); Salesforce's Danish
  // names the others.
  forecastCategory: {
    Closed: 'Lukket',
    Commit: 'Commit',
    'Best Case': 'Best case',
    Pipeline: 'Pipeline',
    Omitted: 'Udeladt'
  },
  sellersHeading: 'Sælgere',
  perSellerChart: 'Åben pipeline og vundet beløb pr. sælger',
  sellerOpen: (seller) => `${seller}: åben`,
  sellerWon: (seller) => `${seller}: vundet`,
  sellerColumns: {
    seller: 'Sælger',
    open: 'Åben pipeline',
    won: 'Vundet',
    target: 'Mål',
    attainment: 'Målopfyldelse',
    winRate: 'Hitrate',
    averageScore: 'Gennemsnitlig datakvalitetsscore',
    coachingFlags: 'Coachingpunkter'
  },

  corporateCurrency: (isoCode) =>
    `Alle beløb er i virksomhedsvalutaen, ${isoCode}: salgsmuligheder i andre valutaer er omregnet med kurserne nedenfor.`,
  currencyHeading: 'Valutaer',
  currencyNote:
    'Salgsmuligheder med lukkedato i perioden, pr. valuta. Hver salgsmulighed er omregnet med kursen på sin lukkedato og afrundet til to decimaler.',
  currencyColumns: {
    currency: 'Valuta',
    deals: 'Salgsmuligheder',
    amount: 'Beløb i egen valuta',
    corporateAmount: (isoCode) => `Beløb i ${isoCode}`,
    rates: 'Anvendte kurser'
  },
  rateUsed: (rate, startDate, deals) =>
    `${daFormat.rate(rate)}${startDate === null ? '' : ` fra ${daFormat.date(startDate)}`} (${daFormat.count(deals)} ${deals === 1 ? 'salgsmulighed' : 'salgsmuligheder'})`,

  malformedHeading: 'Ugyldige rækker',
  malformedNote: 'Disse rækker indgår ikke i nogen af tallene ovenfor.',
  malformedColumns: { line: 'Linje', problem: 'Problem' },
  moreMalformed: (count) =>
    `... og ${daFormat.count(count)} til, som heller ikke indgår (JSON-rapporten tæller dem i records.malformed).`
};

/** What `--locale` asked for: a supported locale, or why it cannot be used. */
export type LocaleChoice =
  { ok: true; locale: ReportLocale } | { ok: false; problem: 'malformed' | 'unsupported' };

/**
 * Reads a `--locale` value as BCP 47 (any case: `DA-dk` is `da-DK`). A tag that is not BCP 47
 * (`da_DK`, `d`) is malformed; a well-formed tag without a catalogue (`de-DE`) unsupported.
 */
export function reportLocaleOf(value: string): LocaleChoice {
  let canonical: string;
  try {
    [canonical = ''] = Intl.getCanonicalLocales(value);
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  const locale = REPORT_LOCALES.find((supported) => supported === canonical);
  return locale ? { ok: true, locale } : { ok: false, problem: 'unsupported' };
}

/** The LanguageLocaleKey the org reads labels in for a user of the locale: rule texts follow it. */
export function labelLanguageOf(locale: ReportLocale): string {
  return locale === 'da' || locale === 'da-DK' ? 'da' : 'en_US';
}

export function reportTextFor(locale: ReportLocale): ReportText {
  return locale === 'da' || locale === 'da-DK' ? da : en;
}

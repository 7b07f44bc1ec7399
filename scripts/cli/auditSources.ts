/**
 * Where `ssm audit` reads records from: the embedded sample org, a CSV export, or an org through
 * Bulk API 2.0 (whose results are CSV too, so both go through the same reader and conversion).
 */
import { existsSync, statSync } from 'node:fs';
import type { ObjectSchema } from '../../formula-engine/src/formulaEngine';
import type { SalesRuleDefinition } from '../rules/guidanceEngine/guidanceEngine';
import type { Period, SalesTarget } from '../../force-app/main/default/lwc/salesKpis/salesKpis';
import type { FormulaFieldDefinition } from '../org/computedFields';
import { recalculateFormulaFields, type EmbeddedOrg } from '../org/embeddedOrg';
import { Audit, ruleFields, type AuditObject, type AuditReport } from './audit';
import { CsvReader, NotUtf8Error, readCsvFile, type CsvEncoding, type CsvFileFormat } from './csv';
import { csvFieldMetadata, stageFlags } from './csvFields';
import {
  currencyRatesFromRows,
  projectCurrencyRates,
  type CurrencyRates,
  type CurrencyTypeRow,
  type DatedConversionRateRow
} from './currencyRates';
import {
  planColumns,
  RowConverter,
  shown,
  type ColumnPlan,
  type NumberFormat,
  type PlanOptions
} from './csvRecords';
import { CliError, EXIT } from './exitCodes';
import { NO_PROGRESS, type Progress } from './progress';
import { SalesforceApiError, type SalesforceApi } from './salesforceApi';

export interface AuditInputs {
  objectName: AuditObject;
  schema: ObjectSchema;
  rules: readonly SalesRuleDefinition[];
  formulaFields: readonly FormulaFieldDefinition[];
  today: string;
  period: Period | null;
  progress?: (label: string, total: number) => Progress;
  /** The LanguageLocaleKey the rules' texts are read in (`en_US`, `da`); default en_US. */
  language?: string;
}

function columnsOf(plan: ColumnPlan): AuditReport['columns'] {
  return {
    used: plan.columns.map((column) => column.path),
    unknown: [...plan.unknown],
    duplicate: [...plan.duplicates],
    derived: [...plan.derived],
    labels: { ...plan.labels },
    ambiguous: { ...plan.ambiguous }
  };
}

/** Remembers `Owner.Name` per OwnerId when the records carry it, for the per-seller table. */
function noteOwner(record: Record<string, unknown>, names: Map<string, string>): void {
  const owner = record.Owner as { Name?: unknown } | undefined;
  if (typeof record.OwnerId === 'string' && owner && typeof owner.Name === 'string') {
    names.set(record.OwnerId, owner.Name);
  }
}

/** Headers of the record currency: the API name, or the label a report export writes. */
const CURRENCY_HEADERS = new Set(['currencyisocode', 'opportunity currency']);

/** Currencies named in a refusal; the rest are counted. */
const LISTED_CURRENCIES = 20;
/** Distinct codes remembered while scanning a file without rates (a bound for any input). */
const REMEMBERED_CURRENCIES = 1_000;

/**
 * Feeds CSV records into an audit that is created from the header row. Rows that cannot be read
 * are reported by line; records with a problem never reach the rules.
 */
class CsvAuditFeed {
  audit: Audit | null = null;
  private converter: RowConverter | null = null;
  private hasOwnerNames = false;
  readonly ownerNames = new Map<string, string>();

  plan: ColumnPlan | null = null;
  /** Index of the CurrencyIsoCode column (Opportunity exports only), else -1. */
  private currencyColumn = -1;
  /**
   * Currencies found in a file audited without rates. Once one is found the audit is refused, so
   * the rest of the file is only scanned for the others, to name them all.
   */
  readonly currenciesWithoutRates = new Set<string>();

  constructor(
    private readonly inputs: AuditInputs,
    private readonly source: AuditReport['source'],
    private readonly targets: readonly SalesTarget[] = [],
    private readonly planOptions: PlanOptions = {},
    private readonly currencies: CurrencyRates | null = null
  ) {}

  header(fields: readonly string[]): void {
    const plan = planColumns(
      fields,
      this.inputs.schema,
      this.inputs.formulaFields,
      this.planOptions
    );
    this.plan = plan;
    this.converter = new RowConverter(plan, this.inputs.today);
    this.hasOwnerNames = plan.available.has('Owner.Name');
    if (this.inputs.objectName === 'Opportunity') {
      this.currencyColumn = fields.findIndex((field) =>
        CURRENCY_HEADERS.has(field.trim().toLowerCase())
      );
    }
    const audit = new Audit({
      objectName: this.inputs.objectName,
      schema: this.inputs.schema,
      rules: this.inputs.rules,
      available: plan.available,
      today: this.inputs.today,
      period: this.inputs.period,
      language: this.inputs.language,
      source: this.source,
      targets: this.targets,
      ownerNames: this.ownerNames,
      stages: stageFlags(),
      // Without the column the amounts are in one unnamed currency, as before: nothing converts.
      currencies: this.currencyColumn >= 0 ? this.currencies : null
    });
    audit.columns = columnsOf(plan);
    if (this.currencyColumn >= 0 && audit.columns) {
      // The column is read here, not by the rules: it is used, not "no such field".
      const header = shown(fields[this.currencyColumn]);
      audit.columns.unknown = audit.columns.unknown.filter((name) => name !== header);
      audit.columns.used.push('CurrencyIsoCode');
    }
    this.audit = audit;
  }

  /**
   * The row's currency: a code the rates know, null when there is none to convert by, or a
   * problem that makes the row malformed.
   */
  private currencyOf(fields: readonly string[]): { code: string | null; problem: string | null } {
    if (this.currencyColumn < 0) return { code: null, problem: null };
    const code = (fields[this.currencyColumn] ?? '').trim().toUpperCase();
    const rates = this.currencies;
    if (rates === null) {
      if (code !== '' && this.currenciesWithoutRates.size < REMEMBERED_CURRENCIES) {
        this.currenciesWithoutRates.add(shown(code));
      }
      return { code: null, problem: null };
    }
    if (code === '') {
      return {
        code: null,
        problem: `CurrencyIsoCode is blank; with --currency-rates every row needs its currency`
      };
    }
    if (!rates.has(code)) {
      return {
        code: null,
        problem: `CurrencyIsoCode "${shown(code)}" is not in the currency rates (${rates.files.join(', ')})`
      };
    }
    return { code, problem: null };
  }

  /** Names the currencies a file without rates holds, for the refusal. */
  currenciesFound(): string {
    const found = [...this.currenciesWithoutRates].sort();
    const listed = found.slice(0, LISTED_CURRENCIES).join(', ');
    const more = found.length - LISTED_CURRENCIES;
    return more > 0
      ? `${listed} and ${more}${found.length >= REMEMBERED_CURRENCIES ? '+' : ''} more`
      : listed;
  }

  row(fields: readonly string[], line: number, problem: string | null): void {
    const audit = this.audit as Audit;
    if (this.currenciesWithoutRates.size > 0) {
      // The audit will be refused: only the currencies of the remaining rows matter now.
      if (problem === null) this.currencyOf(fields);
      return;
    }
    if (problem !== null) {
      audit.malformed(line, problem);
      return;
    }
    const converter = this.converter as RowConverter;
    const rowProblem = converter.convert(fields);
    if (rowProblem !== null) {
      audit.malformed(line, rowProblem);
      return;
    }
    const currency = this.currencyOf(fields);
    if (currency.problem !== null) {
      audit.malformed(line, currency.problem);
      return;
    }
    if (this.currenciesWithoutRates.size > 0) return;
    if (this.hasOwnerNames) noteOwner(converter.record, this.ownerNames);
    audit.add(converter.record, line, currency.code ?? undefined);
  }
}

/** How a CSV file is read: options the admin gave (anything left out is detected). */
export interface CsvReadOptions {
  encoding?: CsvEncoding;
  delimiter?: string;
  /** `da-DK` (decimal comma), `en-US` (decimal point) or another locale name. */
  locale?: string;
  /** `--currency-rates`: amounts convert by the rows' CurrencyIsoCode into the corporate currency. */
  currencies?: CurrencyRates | null;
}

/** Locales that write a decimal comma (and a point or space between thousands). */
const DECIMAL_COMMA = /^(da|de|nb|no|nn|sv|fi|nl|fr|es|it|pt|pl|cs|is)(-|$)/i;

function numberFormatOf(locale: string | undefined, delimiter: string): NumberFormat {
  if (locale) return DECIMAL_COMMA.test(locale) ? 'comma' : 'point';
  return delimiter === ';' ? 'detect' : 'point';
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/** The columns an export of the object should have, with their labels, for a refusal. */
function expectedColumns(inputs: AuditInputs, labelOf: ReadonlyMap<string, string>): string {
  const wanted = new Set<string>(WANTED[inputs.objectName]);
  for (const rule of inputs.rules) {
    if (rule.objectApiName !== inputs.objectName || !rule.active) continue;
    for (const path of ruleFields(rule, inputs.schema).paths) wanted.add(path);
  }
  return [...wanted]
    .map((path) => {
      const label = labelOf.get(path);
      return label && label !== path ? `${path} (${label})` : path;
    })
    .join(', ');
}

/** Audits a CSV export: headers are field API names or labels, encoding and separator detected. */
export async function auditCsvFile(
  file: string,
  inputs: AuditInputs,
  options: CsvReadOptions = {}
): Promise<AuditReport> {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new CliError(`--csv ${file}: no such file`, EXIT.usage);
  }
  try {
    return await readAuditCsv(file, inputs, options);
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
    // Detected as UTF-8 until a byte said otherwise: Excel's "CSV" on Windows is Windows-1252.
    return readAuditCsv(file, inputs, { ...options, encoding: 'windows-1252' }, error.byteOffset);
  }
}

async function readAuditCsv(
  file: string,
  inputs: AuditInputs,
  options: CsvReadOptions,
  notUtf8At: number | null = null
): Promise<AuditReport> {
  const size = statSync(file).size;
  const metadata = csvFieldMetadata(inputs.objectName, inputs.schema);
  const source: AuditReport['source'] = { kind: 'csv', file };
  let feed: CsvAuditFeed | null = null;
  let format: CsvFileFormat | null = null;
  let headerProblem: string | null = null;
  const bar = (inputs.progress ?? (() => NO_PROGRESS))('audit', size);
  const started = (found: CsvFileFormat) => {
    format = found;
    const numbers = numberFormatOf(options.locale, found.delimiter);
    source.encoding =
      notUtf8At !== null
        ? `windows-1252 (not UTF-8 near byte ${notUtf8At})`
        : `${found.encoding} (${found.encodingFrom})`;
    source.delimiter = `${DELIMITER_NAMES[found.delimiter] ?? found.delimiter} (${found.delimiterFrom})`;
    source.numbers =
      numbers === 'comma'
        ? `decimal comma (${options.locale})`
        : numbers === 'detect'
          ? 'decimal comma or point, detected per value (semicolon separated, no --locale)'
          : `decimal point${options.locale ? ` (${options.locale})` : ''}`;
    feed = new CsvAuditFeed(
      inputs,
      source,
      [],
      {
        numbers,
        labels: metadata.labels,
        digits: metadata.digits
      },
      options.currencies ?? null
    );
  };
  let sepLine = false;
  try {
    await readCsvFile(
      file,
      (fields, line, problem) => {
        const current = feed as CsvAuditFeed | null;
        if (current === null) return;
        if (current.audit === null) {
          // Excel's "sep=;" line names the separator; the header follows it.
          if (line === 1 && !sepLine && fields.length === 1 && /^sep=.$/.test(fields[0])) {
            sepLine = true;
            return;
          }
          if (problem !== null) headerProblem = `line ${line}: ${problem}`;
          current.header(fields);
          if ((current.plan as ColumnPlan).columns.length === 0) {
            const read = (format as CsvFileFormat | null)?.delimiter ?? ',';
            // Stops the read: the rows cannot be audited.
            throw new CliError(
              `--csv ${file}: no column of the header names a field of ${inputs.objectName} by API name or label ` +
                `(read as ${DELIMITER_NAMES[read] ?? read} separated; found: ${fields
                  .slice(0, 10)
                  .map((field) => `"${shown(field)}"`)
                  .join(', ')}${fields.length > 10 ? ', ...' : ''}).\n` +
                `Expected columns such as: ${expectedColumns(inputs, metadata.labelOf)}.\n` +
                'Give --delimiter or --encoding if the file was read wrongly.',
              EXIT.usage
            );
          }
          return;
        }
        current.row(fields, line, problem);
      },
      (bytes) => bar.update(bytes),
      { encoding: options.encoding, delimiter: options.delimiter },
      started
    );
  } finally {
    bar.done();
  }
  const done = feed as CsvAuditFeed | null;
  if (done === null || done.audit === null) {
    throw new CliError(`--csv ${file}: the file is empty`, EXIT.usage);
  }
  if (headerProblem) throw new CliError(`--csv ${file}: bad header, ${headerProblem}`, EXIT.usage);
  if (done.currenciesWithoutRates.size > 0) {
    // Adding 1,000 EUR to 1,000 SEK gives a figure in no currency: better no report than that one.
    throw new CliError(
      `--csv ${file}: the rows carry currencies in CurrencyIsoCode (${done.currenciesFound()}; the whole file was read to find them) ` +
        'but no --currency-rates was given, so their amounts cannot be added. ' +
        'Give --currency-rates with a CurrencyType export (IsoCode, ConversionRate, IsCorporate); see scripts/cli/README.md.',
      EXIT.usage
    );
  }
  return done.audit.finish();
}

/**
 * The sample org's records of the audited object as the audit evaluates them: parents nested
 * under their relationship names, and the object's formula fields computed as of `inputs.today`,
 * as the org computes a formula field when it is read (the embedded org computed them as of the
 * sample's day, so `--today` would otherwise pair today's rules with another day's Days In Stage).
 */
export function sampleAuditRecords(
  org: EmbeddedOrg,
  inputs: Pick<AuditInputs, 'objectName' | 'schema' | 'formulaFields' | 'today'>
): Record<string, unknown>[] {
  const records = org.records(inputs.objectName).map((record) => org.withParents(record));
  const definitions = inputs.formulaFields.filter(
    (definition) => definition.objectName === inputs.objectName
  );
  recalculateFormulaFields(definitions, inputs.schema, records, inputs.today);
  return records;
}

/**
 * Audits the embedded sample org: every field is present, formula fields and roll-ups computed.
 * The sample org has multiple currencies: its deals' amounts are converted into the corporate
 * currency at its own rates (`config/currencies.json`), as `-o` does with an org's.
 */
export function auditSample(
  org: EmbeddedOrg,
  inputs: AuditInputs,
  currencies: CurrencyRates | null = projectCurrencyRates()
): AuditReport {
  const ownerNames = new Map<string, string>();
  for (const user of org.records('User')) ownerNames.set(user.Id, String(user.Name));
  const audit = new Audit({
    objectName: inputs.objectName,
    schema: inputs.schema,
    rules: inputs.rules,
    available: null,
    today: inputs.today,
    period: inputs.period,
    language: inputs.language,
    source: { kind: 'sample' },
    targets: org.records('Sales_Target__c') as unknown as SalesTarget[],
    ownerNames,
    currencies: inputs.objectName === 'Opportunity' ? currencies : null
  });
  const converts = inputs.objectName === 'Opportunity' && currencies !== null;
  for (const record of sampleAuditRecords(org, inputs)) {
    // A record without CurrencyIsoCode was loaded in the corporate currency.
    const currency = converts ? String(record.CurrencyIsoCode ?? currencies.corporate) : undefined;
    audit.add(record, undefined, currency);
  }
  return audit.finish();
}

interface DescribeField {
  name: string;
  relationshipName?: string | null;
  referenceTo?: string[];
}

async function describeFields(api: SalesforceApi, objectName: string): Promise<DescribeField[]> {
  const { body } = await api.call<{ fields: DescribeField[] }>(
    'GET',
    api.dataPath(`/sobjects/${objectName}/describe`)
  );
  return body.fields;
}

/** Fields the audit would like from the org: what the rules read, plus the KPI and label fields. */
const WANTED: Record<AuditObject, string[]> = {
  Opportunity: [
    'Id',
    'Name',
    'OwnerId',
    'Owner.Name',
    'StageName',
    'Amount',
    'Probability',
    'CloseDate',
    'CreatedDate',
    'IsClosed',
    'IsWon',
    'ForecastCategoryName',
    'Stage_Entered_On__c'
  ],
  Account: ['Id', 'Name', 'OwnerId', 'Owner.Name'],
  Account_Plan__c: ['Id', 'Name']
};

/**
 * The fields of `wanted` that exist in the org (describe), so a rule on a field the org lacks is
 * reported "not evaluated" instead of failing the whole query.
 */
async function fieldsInOrg(
  api: SalesforceApi,
  objectName: string,
  wanted: readonly string[]
): Promise<string[]> {
  const fields = await describeFields(api, objectName);
  const byName = new Map(fields.map((field) => [field.name.toLowerCase(), field]));
  const byRelationship = new Map(
    fields
      .filter((field) => field.relationshipName)
      .map((field) => [String(field.relationshipName).toLowerCase(), field])
  );
  const parentFields = new Map<string, Set<string>>();
  const present: string[] = [];
  for (const path of wanted) {
    const dot = path.indexOf('.');
    if (dot < 0) {
      if (byName.has(path.toLowerCase())) present.push(path);
      continue;
    }
    const lookup = byRelationship.get(path.slice(0, dot).toLowerCase());
    const parentObject = lookup?.referenceTo?.[0];
    if (!parentObject) continue;
    let known = parentFields.get(parentObject);
    if (!known) {
      known = new Set((await describeFields(api, parentObject)).map((f) => f.name.toLowerCase()));
      parentFields.set(parentObject, known);
    }
    if (known.has(path.slice(dot + 1).toLowerCase())) present.push(path);
  }
  return present;
}

export interface OrgAuditOptions {
  username?: string;
  instanceUrl: string;
  bulk?: { pollIntervalMs?: number; pageSize?: number };
}

/** Audits an org: one Bulk API 2.0 query job over the object, read page by page. */
export async function auditOrg(
  api: SalesforceApi,
  inputs: AuditInputs,
  options: OrgAuditOptions
): Promise<AuditReport> {
  const referenced = new Set<string>(WANTED[inputs.objectName]);
  for (const rule of inputs.rules) {
    if (rule.objectApiName !== inputs.objectName || !rule.active) continue;
    for (const path of ruleFields(rule, inputs.schema).paths) referenced.add(path);
  }
  for (const definition of inputs.formulaFields) referenced.add(definition.field);
  // A multi-currency org's describe has CurrencyIsoCode; only then is it selected (a
  // single-currency org would refuse the query).
  if (inputs.objectName === 'Opportunity') referenced.add('CurrencyIsoCode');
  const fields = await fieldsInOrg(api, inputs.objectName, [...referenced]);
  const currencies = fields.includes('CurrencyIsoCode') ? await orgCurrencyRates(api) : null;
  const targets = inputs.objectName === 'Opportunity' ? await salesTargets(api) : [];
  const source = {
    kind: 'org',
    instanceUrl: options.instanceUrl,
    username: options.username ?? null
  };
  const feed = new CsvAuditFeed(inputs, source, targets, {}, currencies);
  const bar = (inputs.progress ?? (() => NO_PROGRESS))('audit', 0);
  // Each results page repeats the header; lines are numbered as if the pages were one file.
  let linesBefore = 0;
  try {
    await api.bulkQuery(
      `SELECT ${fields.join(', ')} FROM ${inputs.objectName}`,
      (csv, page) => {
        let lastLine = 1;
        // Rows of this page (malformed ones too), held against the job's numberRecordsProcessed.
        let rows = 0;
        const reader = new CsvReader((row, line, problem) => {
          lastLine = line;
          if (line === 1) {
            if (page === 0) feed.header(row);
            return;
          }
          rows += 1;
          feed.row(row, linesBefore + line, problem);
        });
        reader.push(csv);
        reader.end();
        linesBefore += lastLine - 1;
        return rows;
      },
      { ...options.bulk, onProgress: (done, total) => bar.update(done, total) }
    );
  } finally {
    bar.done();
  }
  if (feed.audit === null) {
    throw new SalesforceApiError('The Bulk API query returned no header row', null, null);
  }
  return feed.audit.finish();
}

/**
 * A multi-currency org's rates: every CurrencyType row (a deal may still carry a currency the
 * admin has since deactivated; its rate stays) and, with advanced currency management, its
 * DatedConversionRate rows (a query error there means the org has none).
 */
async function orgCurrencyRates(api: SalesforceApi): Promise<CurrencyRates> {
  const types = await api.query<CurrencyTypeRow>(
    'SELECT IsoCode, ConversionRate, IsCorporate FROM CurrencyType'
  );
  let dated: DatedConversionRateRow[] = [];
  try {
    dated = await api.query<DatedConversionRateRow>(
      'SELECT IsoCode, ConversionRate, StartDate, NextStartDate FROM DatedConversionRate'
    );
  } catch (error) {
    if (!(error instanceof SalesforceApiError) || error.status !== 400) throw error;
  }
  return currencyRatesFromRows(
    types,
    dated,
    dated.length > 0
      ? ["the org's CurrencyType", "the org's DatedConversionRate"]
      : ["the org's CurrencyType"]
  );
}

/** Sales targets for attainment and coverage; none when the package's object is not deployed. */
async function salesTargets(api: SalesforceApi): Promise<SalesTarget[]> {
  try {
    return await api.query<SalesTarget>(
      'SELECT Id, Seller__c, Period_Start__c, Period_End__c, Amount__c FROM Sales_Target__c'
    );
  } catch (error) {
    if (error instanceof SalesforceApiError && error.errorCode === 'INVALID_TYPE') return [];
    throw error;
  }
}

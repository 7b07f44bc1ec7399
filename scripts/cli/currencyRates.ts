/**
 * The currency rates of `ssm audit --currency-rates`: a Salesforce `CurrencyType` export
 * (IsoCode, ConversionRate, IsCorporate), optionally with `DatedConversionRate` rows (IsoCode,
 * ConversionRate, StartDate) in the same file or a second one. A row with a StartDate is a dated
 * rate; a row without one is a CurrencyType rate. Salesforce's meaning is kept: ConversionRate is
 * how many units of the currency make one unit of the corporate currency, so an amount in the
 * corporate currency is amount / rate. A dated rate applies from its StartDate up to the next
 * StartDate of the same currency; before a currency's first StartDate, or for a deal without a
 * close date, its CurrencyType rate applies. Anything doubtful in the file is refused before any
 * work, naming the file and line: a wrong rate would silently skew every figure of the report.
 */
import { existsSync, statSync } from 'node:fs';
import { NotUtf8Error, readCsvFile, type CsvEncoding } from './csv';
import { shown } from './csvRecords';
import { CliError, EXIT } from './exitCodes';
import { dayNumber } from '../../force-app/main/default/lwc/salesKpis/salesKpis';
import { DEFAULT_SOURCE_DIR } from '../../apex-runtime/src/metadata/loadProject';
import { readOrgDefinition } from '../../apex-runtime/src/metadata/orgDefinition';

/** Rows a rates file may hold: far above any org's currencies and dated periods. */
const MAX_RATE_ROWS = 100_000;

/** A rate an amount was converted at: the CurrencyType rate (startDate null) or a dated one. */
export interface AppliedRate {
  rate: number;
  startDate: string | null;
}

export interface CurrencyRates {
  /** The IsoCode of the one row with IsCorporate true. */
  readonly corporate: string;
  /** The files read, as given. */
  readonly files: readonly string[];
  has(isoCode: string): boolean;
  /** The rate for a deal of the currency closing on `closeDate`; null for an unknown currency. */
  rateFor(isoCode: string, closeDate: string | null): AppliedRate | null;
}

interface RateRow {
  isoCode: string;
  rate: number;
  startDate: string | null;
  corporate: boolean;
  where: string;
}

function refuse(where: string, problem: string): never {
  throw new CliError(`--currency-rates ${where}: ${problem}`, EXIT.usage);
}

/** YYYY-MM-DD with a real month and day (the KPI module's calendar); year 0001 included. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  try {
    dayNumber(text);
    return true;
  } catch {
    return false;
  }
}

/** A positive rate with a decimal point or comma and no grouping (Salesforce writes 7.460000). */
function rateOf(text: string): number | null {
  if (!/^\d+([.,]\d+)?$/.test(text)) return null;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) && value > 0 ? value : null;
}

const TRUE_TEXTS = new Set(['true', '1', 'yes']);
const FALSE_TEXTS = new Set(['false', '0', 'no', '']);

async function readRows(file: string, encoding?: CsvEncoding): Promise<RateRow[]> {
  const rows: RateRow[] = [];
  let columns: Map<string, number> | null = null;
  await readCsvFile(
    file,
    (fields, line, problem) => {
      const where = `${file} line ${line}`;
      if (problem !== null) refuse(where, problem);
      if (columns === null) {
        if (line === 1 && fields.length === 1 && /^sep=.$/.test(fields[0])) return;
        columns = new Map(fields.map((field, index) => [field.trim().toLowerCase(), index]));
        for (const needed of ['isocode', 'conversionrate']) {
          if (!columns.has(needed)) {
            refuse(
              file,
              `no ${needed === 'isocode' ? 'IsoCode' : 'ConversionRate'} column (expected the columns of a CurrencyType export: IsoCode, ConversionRate, IsCorporate; dated rates add StartDate)`
            );
          }
        }
        return;
      }
      if (fields.every((field) => field.trim() === '')) return;
      if (rows.length >= MAX_RATE_ROWS) {
        refuse(
          file,
          `more than ${MAX_RATE_ROWS.toLocaleString('en-US')} rows; is it a rates file?`
        );
      }
      const cell = (name: string): string => {
        const index = (columns as Map<string, number>).get(name);
        return index === undefined ? '' : (fields[index] ?? '').trim();
      };
      const isoCode = cell('isocode').toUpperCase();
      if (!/^[A-Z]{3}$/.test(isoCode)) {
        refuse(where, `IsoCode "${shown(cell('isocode'))}" is not a three-letter currency code`);
      }
      const rate = rateOf(cell('conversionrate'));
      if (rate === null) {
        refuse(where, `ConversionRate "${shown(cell('conversionrate'))}" is not a positive number`);
      }
      const start = cell('startdate');
      if (start !== '' && !isCalendarDate(start)) {
        refuse(where, `StartDate "${shown(start)}" is not a date as YYYY-MM-DD`);
      }
      const corporateText = cell('iscorporate').toLowerCase();
      if (!TRUE_TEXTS.has(corporateText) && !FALSE_TEXTS.has(corporateText)) {
        refuse(where, `IsCorporate "${shown(cell('iscorporate'))}" is not true or false`);
      }
      rows.push({
        isoCode,
        rate,
        startDate: start === '' ? null : start,
        // Only a CurrencyType row names the corporate currency; a dated row's flag means nothing.
        corporate: start === '' && TRUE_TEXTS.has(corporateText),
        where
      });
    },
    () => undefined,
    { encoding }
  );
  if (columns === null) refuse(file, 'the file is empty');
  return rows;
}

/** Reads and checks the rates files; every refusal is a CliError with the usage exit code. */
export async function readCurrencyRates(files: readonly string[]): Promise<CurrencyRates> {
  const rows: RateRow[] = [];
  for (const file of files) {
    if (!existsSync(file) || !statSync(file).isFile()) refuse(file, 'no such file');
    try {
      rows.push(...(await readRows(file)));
    } catch (error) {
      if (!(error instanceof NotUtf8Error)) throw error;
      // As for --csv: a file that is not UTF-8 is Excel's Windows-1252.
      rows.push(...(await readRows(file, 'windows-1252')));
    }
  }
  return buildRates(rows, files, refuse);
}

/**
 * The rates of checked rows, with Salesforce's meaning (see the top of the file); `fail` refuses
 * what cannot be right (two corporate currencies, a corporate rate other than 1, ...).
 */
function buildRates(
  rows: readonly RateRow[],
  files: readonly string[],
  fail: (where: string, problem: string) => never
): CurrencyRates {
  const current = new Map<string, RateRow>();
  const dated = new Map<string, RateRow[]>();
  let corporate: RateRow | null = null;
  for (const row of rows) {
    if (row.startDate === null) {
      const first = current.get(row.isoCode);
      if (first) {
        fail(row.where, `a second CurrencyType row for ${row.isoCode} (the first: ${first.where})`);
      }
      current.set(row.isoCode, row);
      if (row.corporate) {
        if (corporate) {
          fail(
            row.where,
            `a second corporate currency, ${row.isoCode} (${corporate.isoCode} is corporate on ${corporate.where}); exactly one row has IsCorporate true`
          );
        }
        corporate = row;
      }
    } else {
      const list = dated.get(row.isoCode) ?? [];
      const same = list.find((other) => other.startDate === row.startDate);
      if (same) {
        fail(
          row.where,
          `a second dated rate for ${row.isoCode} from ${row.startDate} (the first: ${same.where})`
        );
      }
      list.push(row);
      dated.set(row.isoCode, list);
    }
  }
  if (corporate === null) {
    fail(
      files.join(', '),
      'no corporate currency: no CurrencyType row (StartDate blank) has IsCorporate true; exactly one must, with ConversionRate 1'
    );
  }
  const corporateRow: RateRow = corporate;
  for (const row of [corporateRow, ...(dated.get(corporateRow.isoCode) ?? [])]) {
    if (row.rate !== 1) {
      fail(
        row.where,
        `the corporate currency ${corporateRow.isoCode} has ConversionRate ${row.rate}; its rate is always 1`
      );
    }
  }
  for (const [isoCode, list] of dated) {
    if (!current.has(isoCode)) {
      fail(
        list[0].where,
        `dated rates for ${isoCode} but no CurrencyType row (StartDate blank) for it`
      );
    }
    list.sort((a, b) => ((a.startDate as string) < (b.startDate as string) ? -1 : 1));
  }
  return {
    corporate: corporateRow.isoCode,
    files,
    has: (isoCode) => current.has(isoCode),
    rateFor: (isoCode, closeDate) => {
      const type = current.get(isoCode);
      if (!type) return null;
      const periods = dated.get(isoCode);
      if (closeDate !== null && periods) {
        // The last period starting on or before the close date; it runs to the next StartDate.
        let found: RateRow | null = null;
        let low = 0;
        let high = periods.length - 1;
        while (low <= high) {
          const middle = (low + high) >> 1;
          if ((periods[middle].startDate as string) <= closeDate) {
            found = periods[middle];
            low = middle + 1;
          } else {
            high = middle - 1;
          }
        }
        if (found) return { rate: found.rate, startDate: found.startDate };
      }
      return { rate: type.rate, startDate: null };
    }
  };
}

/** A `CurrencyType` row as the REST API returns it. */
export interface CurrencyTypeRow {
  IsoCode: string;
  ConversionRate: number;
  IsCorporate: boolean;
}

/** A `DatedConversionRate` row as the REST API returns it (NextStartDate is implied). */
export interface DatedConversionRateRow {
  IsoCode: string;
  ConversionRate: number;
  StartDate: string;
}

/**
 * The rates of an org's `CurrencyType` (active) and `DatedConversionRate` rows, read by `ssm
 * audit -o`: the same rates, converting the same way, as a `--currency-rates` export of them.
 * Dated rates of a currency without an active CurrencyType row are left out (no deal of the org
 * can convert at them). `sources` names where the rows came from, in the report.
 */
export function currencyRatesFromRows(
  types: readonly CurrencyTypeRow[],
  dated: readonly DatedConversionRateRow[],
  sources: readonly string[]
): CurrencyRates {
  const fail = (where: string, problem: string): never => {
    throw new CliError(`The org's currency rates, ${where}: ${problem}`, EXIT.api);
  };
  const rowOf = (
    where: string,
    isoCode: unknown,
    rate: unknown,
    startDate: string | null,
    corporate: boolean
  ): RateRow => {
    const code = String(isoCode ?? '').toUpperCase();
    if (!/^[A-Z]{3}$/.test(code))
      fail(where, `IsoCode "${shown(String(isoCode))}" is not a currency code`);
    const value = Number(rate);
    if (!Number.isFinite(value) || value <= 0)
      fail(where, `ConversionRate ${String(rate)} is not a positive number`);
    if (startDate !== null && !isCalendarDate(startDate)) {
      fail(where, `StartDate "${shown(startDate)}" is not a date as YYYY-MM-DD`);
    }
    return { isoCode: code, rate: value, startDate, corporate, where };
  };
  const rows = types.map((type) =>
    rowOf(
      `CurrencyType ${type.IsoCode}`,
      type.IsoCode,
      type.ConversionRate,
      null,
      type.IsCorporate === true
    )
  );
  const active = new Set(rows.map((row) => row.isoCode));
  for (const rate of dated) {
    const row = rowOf(
      `DatedConversionRate ${rate.IsoCode} from ${rate.StartDate}`,
      rate.IsoCode,
      rate.ConversionRate,
      String(rate.StartDate ?? ''),
      false
    );
    if (active.has(row.isoCode)) rows.push(row);
  }
  return buildRates(rows, sources, fail);
}

/**
 * The rates of the project's own org (the scratch definition's currencies, `config/currencies.json`,
 * which the offline runtime and `ssm seed` read too): the sample org's. Null when the project's
 * org has one currency. Dated rates count only with advanced currency management, as in the org.
 */
export function projectCurrencyRates(sourceDir: string = DEFAULT_SOURCE_DIR): CurrencyRates | null {
  const definition = readOrgDefinition(sourceDir);
  if (!definition.multiCurrency) return null;
  return currencyRatesFromRows(
    definition.currencies
      .filter((currency) => currency.isActive)
      .map((currency) => ({
        IsoCode: currency.isoCode,
        ConversionRate: currency.conversionRate,
        IsCorporate: currency.isCorporate
      })),
    definition.advancedCurrencyManagement
      ? definition.datedRates.map((rate) => ({
          IsoCode: rate.isoCode,
          ConversionRate: rate.conversionRate,
          StartDate: rate.startDate
        }))
      : [],
    ['config/currencies.json']
  );
}

/**
 * An amount in the corporate currency, rounded to the cent (half away from zero) as Salesforce
 * shows a converted amount; the sums of the report add these rounded amounts.
 */
export function toCorporate(amount: number, rate: number): number {
  const cents = Math.round((Math.abs(amount) / rate) * 100) / 100;
  return amount < 0 ? -cents : cents;
}

/**
 * `ssm`, the admin's command line: `ssm seed` loads the sample org into an org, `ssm audit` runs
 * the shipped rules and KPIs over an org, the sample org or a CSV export. `run` is the whole
 * program with its outside world passed in (streams, environment, retry waits), so tests drive it
 * in-process; bin/ssm.js calls it with the real ones. Exit codes: exitCodes.ts and README.md.
 */
import { accessSync, constants, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { SalesRuleDefinition } from '../rules/guidanceEngine/guidanceEngine';
import {
  CALENDAR_YEAR,
  fiscalCalendarOf,
  dateRange,
  dayNumber,
  parsePeriod,
  quarterOf,
  type FiscalCalendar,
  type Period
} from '../../force-app/main/default/lwc/salesKpis/salesKpis';
import { buildSchemas } from '../formula/schemaBuilder';
import { readComputedFields } from '../org/computedFields';
import { DEFAULT_DATA_DIR, DEFAULT_OBJECTS_DIR, loadEmbeddedOrg } from '../org/embeddedOrg';
import { loadSalesRules } from '../rules/ruleMetadata';
import { AUDIT_OBJECTS, type AuditObject, type AuditReport } from './audit';
import { auditCsvFile, auditOrg, auditSample, type AuditInputs } from './auditSources';
import { encodingOf } from './csv';
import { readCurrencyRates, type CurrencyRates } from './currencyRates';
import { CliError, EXIT, type ExitCode } from './exitCodes';
import { htmlReport } from './htmlReport';
import {
  DEFAULT_REPORT_LOCALE,
  REPORT_LOCALES,
  labelLanguageOf,
  reportLocaleOf,
  reportTextFor,
  type ReportLocale
} from './reportText';
import type { HttpTimeouts } from './httpTransport';
import { connect, resolveSession } from './orgConnection';
import { createProgress, type Progress } from './progress';
import type { RetryNotice, RetryPolicy } from './salesforceApi';
import { DEFAULT_GROUP_WAIT, seed } from './seed';
import { auditSummary, seedSummary } from './summary';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream | NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Working directory for relative paths. */
  cwd: string;
  /** Retry waits and polling (tests pass instant ones). */
  retry?: RetryPolicy;
  /** Connect and idle timeouts of each HTTP call to the org (tests use short ones). */
  httpTimeouts?: HttpTimeouts;
  /** Bulk API 2.0 results page size (tests use small pages). */
  bulkPageSize?: number;
  /** The machine's date, YYYY-MM-DD (tests fix it). */
  today?: () => string;
}

const VERSION = '0.1.0';

const MAIN_HELP = `ssm: the Strategic Sales Management admin command line

Usage: npx ssm <command> [options]

Commands:
  seed    Load the sample org (data/) into a sandbox or scratch org
  audit   Run the shipped rules and KPIs over an org, the sample org or a CSV export
  help    Show the help of a command: ssm help audit

Options:
  -h, --help     Show this help
  --version      Show the version

Org access reuses your Salesforce CLI login (-o <alias or username>), or SF_INSTANCE_URL and
SF_ACCESS_TOKEN from the environment. No credentials are ever written to a file.
Exit codes: 0 done, 1 some rows failed or were malformed, 2 usage, 3 login, 4 refused
(production org, package not deployed), 5 Salesforce stopped the run (API error, daily API
limit, retries or timeouts ran out, a short Bulk result), 70 internal error.
See scripts/cli/README.md.`;

const SEED_HELP = `Usage: npx ssm seed -o <alias or username> [options]

Loads the sample org (users, owners, 4,535 records) in dependency order, 200 records per call.
Running it again creates nothing new: records are matched on SSM_External_Id__c (contact roles
on opportunity, contact and role) and skipped. Sample users are created when the org has
licences, otherwise mapped onto an existing user; created and existing ones are assigned their
permission set groups (Sales Seller, Sales Manager, ...), waiting up to a minute for a group the
org is still recalculating. Refuses a production org.

Options:
  -o, --target-org <org>   Salesforce CLI alias or username (else SF_INSTANCE_URL/SF_ACCESS_TOKEN)
  --allow-production       Seed even a production org
  --update                 Re-apply the sample's values to records the org already holds
  --no-create-users        Do not try to create users; map every sample user
  --map-users-to <user>    Username that stands in for users that cannot be created
                           (default: the user you are logged in as)
  --data-dir <dir>         The sample org files (default: data/)
  --api-version <n.n>      API version (default: sfdx-project.json, 65.0)
  --json <file>            Also write the result as JSON
  -h, --help               Show this help

The importing user needs the SSM_Automation_Bypass permission set during the load
(npx sf org assign permset -n SSM_Automation_Bypass -o <org>).`;

const AUDIT_HELP = `Usage: npx ssm audit [--sample | --csv <file> | -o <org>] [options]

Runs the shipped Sales_Rule__mdt rules (data quality and coaching prompts) and, for Opportunity,
the pipeline KPIs of a period, then prints a summary.

Source (one of):
  --sample                 The embedded sample org (the default)
  --csv <file>             A CSV export; headers are field API names (Account.Industry for a
                           parent's field) or labels (Close Date), dates YYYY-MM-DD
  -o, --target-org <org>   An org, read with Bulk API 2.0 queries
  --org-from-env           The org of SF_INSTANCE_URL and SF_ACCESS_TOKEN

Options:
  --object <name>          Opportunity (default), Account or Account_Plan__c
  --today <YYYY-MM-DD>     TODAY() for the rules (default: the sample's day, else the machine's)
  --period <name>          KPI period: 2026-Q4, 2026-11, FY2026, 2026-10-01..2026-10-15
                           (default: the quarter of --today)
  --from <date> --to <date>  KPI period as dates
  --json <file>            Write the JSON report (keys in scripts/cli/README.md)
  --html <file>            Write a self-contained HTML report with charts
  --locale <BCP 47>        Language and number and date formats of the HTML report:
                           en-US (default), en, da-DK or da (Danish: 1.234.567, 12,5 %);
                           with --csv it also says how the file writes numbers
  --api-version <n.n>      API version for -o (default: sfdx-project.json, 65.0)
  -h, --help               Show this help

Currencies (--csv with a CurrencyIsoCode column):
  --currency-rates <file>  A CurrencyType export (IsoCode, ConversionRate, IsCorporate), with
                           DatedConversionRate rows (a StartDate) in it or in a second
                           --currency-rates file; every amount is then in the corporate currency

CSV format (detected when left out):
  --delimiter <c>          , ; or tab (\t)
  --encoding <name>        utf-8, utf-16le, utf-16be, latin1 (windows-1252)
  --locale <BCP 47>        da-DK or da reads decimal commas (1.234,56); en-US or en decimal
                           points (without --locale: points, or either in a semicolon file)

The terminal summary stays in English whatever --locale says.`;

const SEED_OPTIONS = {
  'target-org': { type: 'string', short: 'o' },
  'allow-production': { type: 'boolean' },
  update: { type: 'boolean' },
  'no-create-users': { type: 'boolean' },
  'map-users-to': { type: 'string' },
  'data-dir': { type: 'string' },
  'api-version': { type: 'string' },
  json: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} satisfies ParseArgsConfig['options'];

const AUDIT_OPTIONS = {
  sample: { type: 'boolean' },
  csv: { type: 'string' },
  'target-org': { type: 'string', short: 'o' },
  'org-from-env': { type: 'boolean' },
  object: { type: 'string' },
  today: { type: 'string' },
  period: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  json: { type: 'string' },
  html: { type: 'string' },
  'api-version': { type: 'string' },
  delimiter: { type: 'string' },
  encoding: { type: 'string' },
  locale: { type: 'string' },
  'currency-rates': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' }
} satisfies ParseArgsConfig['options'];

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\nRun with --help for the options.`, EXIT.usage);
  }
}

function localToday(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function checkDate(value: string, option: string): string {
  try {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error('not YYYY-MM-DD');
    dayNumber(value);
    return value;
  } catch {
    throw new CliError(`${option} ${value}: expected a date as YYYY-MM-DD`, EXIT.usage);
  }
}

function periodOf(
  values: { period?: string; from?: string; to?: string },
  today: string,
  calendar: FiscalCalendar
): Period {
  if (values.period && (values.from || values.to)) {
    throw new CliError('Give either --period or --from/--to, not both.', EXIT.usage);
  }
  if (values.from || values.to) {
    if (!values.from || !values.to) throw new CliError('--from and --to go together.', EXIT.usage);
    try {
      return dateRange(checkDate(values.from, '--from'), checkDate(values.to, '--to'));
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError((error as Error).message, EXIT.usage);
    }
  }
  if (values.period) {
    try {
      return parsePeriod(values.period, calendar);
    } catch (error) {
      throw new CliError(`--period ${values.period}: ${(error as Error).message}`, EXIT.usage);
    }
  }
  return quarterOf(today, calendar);
}

/**
 * Checks before any work that an output file can be written: its folder exists or can be made
 * (one level at a time, so a path under a file or a pseudo-file system fails at once), and the
 * folder and any existing file are writable.
 */
function checkOutput(file: string, cwd: string, option: string): void {
  const path = resolve(cwd, file);
  const missing: string[] = [];
  let dir = dirname(path);
  while (!existsSync(dir)) {
    missing.unshift(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  try {
    if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
    for (const folder of missing) mkdirSync(folder);
    accessSync(dirname(path), constants.W_OK);
    if (existsSync(path)) {
      if (statSync(path).isDirectory()) throw new Error('it is a folder');
      accessSync(path, constants.W_OK);
    }
  } catch (error) {
    throw new CliError(
      `${option} ${path}: cannot write there: ${(error as Error).message}`,
      EXIT.usage
    );
  }
}

function writeOutput(file: string, text: string, cwd: string): string {
  const path = resolve(cwd, file);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    throw new CliError(`Cannot write ${path}: ${(error as Error).message}`, EXIT.usage);
  }
  return path;
}

function retryLogger(io: CliIo): (notice: RetryNotice) => void {
  return (notice) =>
    io.stderr.write(
      `${notice.reason} on ${notice.method} ${notice.path.split('?')[0]}; retrying in ${(notice.delayMs / 1000).toFixed(1)} s (attempt ${notice.attempt + 1})\n`
    );
}

function progressFor(io: CliIo): (label: string, total: number) => Progress {
  return (label, total) =>
    createProgress(label, total, { stream: io.stderr as NodeJS.WriteStream });
}

async function runSeed(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parse(args, SEED_OPTIONS);
  if (values.help) {
    io.stdout.write(`${SEED_HELP}\n`);
    return EXIT.ok;
  }
  const session = await resolveSession(values['target-org'], io.env);
  const api = await connect(session, {
    apiVersion: values['api-version'],
    retry: io.retry,
    onRetry: retryLogger(io),
    timeouts: io.httpTimeouts
  });
  const result = await seed(api, {
    dataDir: values['data-dir'] ? resolve(io.cwd, values['data-dir']) : DEFAULT_DATA_DIR,
    allowProduction: values['allow-production'],
    update: values.update,
    createUsers: !values['no-create-users'],
    mapUsersTo: values['map-users-to'],
    progress: progressFor(io),
    groupWait: { ...DEFAULT_GROUP_WAIT, sleep: io.retry?.sleep ?? DEFAULT_GROUP_WAIT.sleep }
  });
  io.stdout.write(`${seedSummary(result)}\n`);
  if (values.json) {
    const path = writeOutput(values.json, `${JSON.stringify(result, null, 2)}\n`, io.cwd);
    io.stdout.write(`JSON result: ${path}\n`);
  }
  return result.failures.length > 0 ? EXIT.rowProblems : EXIT.ok;
}

const DELIMITERS: Record<string, string> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  '\t': '\t',
  '\\t': '\t',
  tab: '\t'
};

/**
 * The `--locale` of the report (and of the CSV's numbers): one of REPORT_LOCALES, read as BCP 47
 * in any case; anything else is refused, naming the value and the locales there is text for.
 */
function localeOf(value: string | undefined): ReportLocale {
  if (value === undefined) return DEFAULT_REPORT_LOCALE;
  const choice = reportLocaleOf(value);
  if (choice.ok) return choice.locale;
  const supported = `supported: ${REPORT_LOCALES.join(', ')} (default ${DEFAULT_REPORT_LOCALE})`;
  throw new CliError(
    choice.problem === 'malformed'
      ? `--locale ${value}: not a BCP 47 language tag such as da-DK; ${supported}`
      : `--locale ${value}: the report has no text in that language; ${supported}`,
    EXIT.usage
  );
}

function csvReadOptions(
  values: { delimiter?: string; encoding?: string; locale?: string },
  locale: ReportLocale
) {
  const delimiter = values.delimiter === undefined ? undefined : DELIMITERS[values.delimiter];
  if (values.delimiter !== undefined && delimiter === undefined) {
    throw new CliError(`--delimiter ${values.delimiter}: expected , ; or tab`, EXIT.usage);
  }
  const encoding = values.encoding === undefined ? undefined : encodingOf(values.encoding);
  if (values.encoding !== undefined && encoding === null) {
    throw new CliError(
      `--encoding ${values.encoding}: expected utf-8, utf-16le, utf-16be or latin1`,
      EXIT.usage
    );
  }
  // Only a --locale the admin gave says how the file writes numbers: without one, a
  // semicolon-separated file is read both ways (README, Numbers), not as the default en-US.
  return {
    delimiter,
    encoding: encoding ?? undefined,
    locale: values.locale === undefined ? undefined : locale
  };
}

async function runAudit(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parse(args, AUDIT_OPTIONS);
  if (values.help) {
    io.stdout.write(`${AUDIT_HELP}\n`);
    return EXIT.ok;
  }
  const sources = [values.sample, values.csv, values['target-org'], values['org-from-env']];
  if (sources.filter(Boolean).length > 1) {
    throw new CliError('Give one source: --sample, --csv, -o or --org-from-env.', EXIT.usage);
  }
  const objectName = (values.object ?? 'Opportunity') as AuditObject;
  if (!AUDIT_OBJECTS.includes(objectName)) {
    throw new CliError(
      `--object ${values.object}: expected one of ${AUDIT_OBJECTS.join(', ')}`,
      EXIT.usage
    );
  }
  const today = values.today ? checkDate(values.today, '--today') : undefined;
  const locale = localeOf(values.locale);
  if (values.json) checkOutput(values.json, io.cwd, '--json');
  if (values.html) checkOutput(values.html, io.cwd, '--html');
  const csvOptions = csvReadOptions(values, locale);
  if (!values.csv && (values.delimiter || values.encoding)) {
    throw new CliError('--delimiter and --encoding go with --csv.', EXIT.usage);
  }
  const ratesFiles = values['currency-rates'] ?? [];
  if (ratesFiles.length > 0 && (!values.csv || objectName !== 'Opportunity')) {
    // An org audit reads the org's own rates (CurrencyType, DatedConversionRate): no override.
    throw new CliError(
      '--currency-rates goes with --csv and --object Opportunity (the amounts it converts).',
      EXIT.usage
    );
  }
  const currencies: CurrencyRates | null =
    ratesFiles.length > 0
      ? await readCurrencyRates(ratesFiles.map((file) => resolve(io.cwd, file)))
      : null;
  const rules: SalesRuleDefinition[] = loadSalesRules();
  const schemas = buildSchemas({ objectsDir: DEFAULT_OBJECTS_DIR });
  const formulaFields = readComputedFields(DEFAULT_OBJECTS_DIR).formulas.filter(
    (definition) => definition.objectName === objectName
  );
  const inputsFor = (day: string, calendar: FiscalCalendar): AuditInputs => ({
    objectName,
    schema: schemas[objectName],
    rules,
    formulaFields,
    today: day,
    period: objectName === 'Opportunity' ? periodOf(values, day, calendar) : null,
    progress: progressFor(io),
    language: labelLanguageOf(locale)
  });

  let report: AuditReport;
  if (values.csv) {
    const day = today ?? (io.today ?? localToday)();
    report = await auditCsvFile(resolve(io.cwd, values.csv), inputsFor(day, CALENDAR_YEAR), {
      ...csvOptions,
      currencies
    });
    if (currencies && !report.currency) {
      io.stderr.write(
        'Note: --currency-rates not used: the CSV has no CurrencyIsoCode column, so its amounts are taken as one currency.\n'
      );
    }
  } else if (values['target-org'] || values['org-from-env']) {
    const session = await resolveSession(values['target-org'], io.env);
    const api = await connect(session, {
      apiVersion: values['api-version'],
      retry: io.retry,
      onRetry: retryLogger(io),
      timeouts: io.httpTimeouts
    });
    const [organization] = await api.query<FiscalCalendar>(
      'SELECT FiscalYearStartMonth, UsesStartDateAsFiscalYearName FROM Organization'
    );
    // The org's quarters, custom fiscal years included: --period 2026-Q4 means the org's Q4.
    const quarters = await api.query<Record<string, unknown>>(
      "SELECT StartDate, EndDate, Number, FiscalYearSettings.Name FROM Period WHERE Type = 'Quarter'"
    );
    const calendar = fiscalCalendarOf({
      fiscalYearStartMonth: (organization ?? CALENDAR_YEAR).FiscalYearStartMonth,
      usesStartDateAsFiscalYearName: (organization ?? CALENDAR_YEAR).UsesStartDateAsFiscalYearName,
      fiscalQuarters: quarters
    });
    const day = today ?? (io.today ?? localToday)();
    report = await auditOrg(api, inputsFor(day, calendar), {
      instanceUrl: session.instanceUrl,
      username: session.username,
      bulk: { pageSize: io.bulkPageSize }
    });
  } else {
    const org = loadEmbeddedOrg();
    const calendar = {
      FiscalYearStartMonth: org.fiscalYearStartMonth,
      UsesStartDateAsFiscalYearName: false
    };
    report = auditSample(org, inputsFor(today ?? org.today, calendar));
  }
  // The summary stays English: it sits among ssm's help, progress and error messages, which are.
  io.stdout.write(`${auditSummary(report)}\n`);
  if (values.json) {
    const path = writeOutput(values.json, `${JSON.stringify(report, null, 2)}\n`, io.cwd);
    io.stdout.write(`JSON report: ${path}\n`);
  }
  if (values.html) {
    const path = writeOutput(values.html, htmlReport(report, reportTextFor(locale)), io.cwd);
    io.stdout.write(`HTML report: ${path}\n`);
  }
  return report.records.malformed > 0 ? EXIT.rowProblems : EXIT.ok;
}

/** Runs one command line and returns its exit code; never throws. */
export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
        io.stdout.write(`${MAIN_HELP}\n`);
        return EXIT.ok;
      case '--version':
        io.stdout.write(`ssm ${VERSION}\n`);
        return EXIT.ok;
      case 'help': {
        const topic = args[0];
        const text = topic === 'seed' ? SEED_HELP : topic === 'audit' ? AUDIT_HELP : MAIN_HELP;
        io.stdout.write(`${text}\n`);
        return EXIT.ok;
      }
      case 'seed':
        return await runSeed(args, io);
      case 'audit':
        return await runAudit(args, io);
      default:
        io.stderr.write(`Unknown command "${command}".\n\n${MAIN_HELP}\n`);
        return EXIT.usage;
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`Error: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(
      `Internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
    );
    return EXIT.internal;
  }
}

if (require.main === module) {
  void run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd()
  }).then((code) => {
    process.exitCode = code;
  });
}

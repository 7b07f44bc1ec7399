/**
 * `ssm audit --csv` over a generated 1,000,000-row Opportunity export with every shipped
 * Opportunity rule (7 data-quality rules, 10 coaching prompts) and the pipeline KPIs of 2026-Q4.
 * The CSV is written to a temporary directory (deleted afterwards), then audited by the CLI in a
 * fresh process that reports its wall time and peak RSS (process.resourceUsage().maxRSS). In the
 * same run, the same audit of the first 10,000 rows with formulon evaluating the rules instead of
 * the formula engine gives the baseline rate; both engines' flags on those rows are compared.
 * Target: under 10 s and under 400 MB peak RSS for the CLI.
 *
 * Memory stays flat with the number of rows: the same audit of a 10,000,000-row export (about
 * 2.5 M deals in the period, 10 M Ids checked for duplicates), and of a 10,000,000-row file of
 * malformed rows only, each in a fresh process, printed beside the 1,000,000-row figures; target
 * under 400 MB peak RSS for each. `--no-large` leaves the 10 M-row cases out.
 *
 *   npm run bench -- audit            (or: npx tsx scripts/bench/audit.bench.ts [rows] [--no-large])
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  createWriteStream,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { extract, parse as formulonParse, type FormulonLiteral } from 'formulon';
import type { ObjectSchema } from '../../formula-engine/src/formulaEngine';
import {
  compileRuleSet,
  computeScore,
  type SalesRuleDefinition
} from '../rules/guidanceEngine/guidanceEngine';
import type { AuditReport } from '../cli/audit';
import { CsvReader } from '../cli/csv';
import { planColumns, toRecord, type ColumnPlan } from '../cli/csvRecords';
import { run } from '../cli/main';
import { buildSchemas } from '../formula/schemaBuilder';
import { readComputedFields, type FormulaFieldDefinition } from '../org/computedFields';
import { DEFAULT_OBJECTS_DIR } from '../org/embeddedOrg';
import { loadSalesRules } from '../rules/ruleMetadata';

const ROWS = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 1_000_000);
const LARGE_ROWS = 10_000_000;
const FORMULON_ROWS = 10_000;
const TODAY = '2026-11-16';
const DAY = 86_400_000;
const TODAY_MS = Date.parse(TODAY);
const TARGET_SECONDS = 10;
const TARGET_RSS_MB = 400;

const HEADER = [
  'Id',
  'Name',
  'OwnerId',
  'StageName',
  'Amount',
  'Probability',
  'CloseDate',
  'CreatedDate',
  'IsClosed',
  'IsWon',
  'ForecastCategoryName',
  'NextStep',
  'LastActivityDate',
  'Contact_Role_Count__c',
  'Decision_Maker_Identified__c',
  'Stage_Entered_On__c',
  'Close_Date_Push_Count__c',
  'Previous_Amount__c',
  'Amount_Changed_On__c',
  'Account.Active_Plan_Count__c'
];

const STAGES: readonly [string, number, string][] = [
  ['Prospecting', 10, 'Pipeline'],
  ['Qualification', 20, 'Pipeline'],
  ['Needs Analysis', 20, 'Pipeline'],
  ['Value Proposition', 50, 'Best Case'],
  ['Proposal/Price Quote', 75, 'Commit'],
  ['Negotiation/Review', 90, 'Commit'],
  ['Closed Won', 100, 'Closed'],
  ['Closed Lost', 0, 'Omitted']
];

/** Deterministic PRNG (mulberry32), as the other benches use. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isoDay = (offset: number): string =>
  new Date(TODAY_MS + offset * DAY).toISOString().slice(0, 10);

/** Writes the export: close dates over 2026-07..2027-06, so about a quarter fall in 2026-Q4. */
export async function generate(path: string, rows: number): Promise<void> {
  const next = random(20261116);
  const out = createWriteStream(path);
  const write = (text: string) =>
    new Promise<void>((resolve, reject) =>
      out.write(text, (error) => (error ? reject(error) : resolve()))
    );
  let chunk = `${HEADER.join(',')}\n`;
  for (let i = 0; i < rows; i++) {
    const [stage, probability, category] = STAGES[Math.floor(next() * STAGES.length)];
    const closed = probability === 0 || probability === 100;
    const closeOffset = Math.floor(next() * 365) - 138;
    const created = closeOffset - 20 - Math.floor(next() * 160);
    const amount = next() < 0.02 ? '' : String(Math.round(next() * 400) * 500);
    const name = i % 10 === 0 ? `"Deal ${i}, ""Renewal"""` : `Deal ${i}`;
    const nextStep = next() < 0.1 ? '' : next() < 0.05 ? '"Call, then\nsend the offer"' : 'Call';
    chunk +=
      [
        `006${String(i).padStart(12, '0')}`,
        name,
        `005${String(Math.floor(next() * 200)).padStart(12, '0')}`,
        stage,
        amount,
        probability,
        isoDay(closeOffset),
        `${isoDay(created)}T09:30:00.000Z`,
        closed,
        probability === 100,
        next() < 0.05 ? 'Commit' : category,
        nextStep,
        next() < 0.1 ? '' : isoDay(-Math.floor(next() * 60)),
        Math.floor(next() * 5),
        next() < 0.7,
        isoDay(-Math.floor(next() * 90)),
        Math.floor(next() * 4),
        next() < 0.3 ? String(Math.round(next() * 400) * 500) : '',
        next() < 0.3 ? isoDay(-Math.floor(next() * 60)) : '',
        next() < 0.5 ? 0 : 1
      ].join(',') + '\n';
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve) => out.end(resolve));
}

/** Writes a file of malformed rows only: each has 3 fields where the header has 20. */
async function generateMalformed(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string) =>
    new Promise<void>((resolve, reject) =>
      out.write(text, (error) => (error ? reject(error) : resolve()))
    );
  let chunk = `${HEADER.join(',')}\n`;
  for (let i = 0; i < rows; i++) {
    chunk += `006${String(i).padStart(12, '0')},Deal ${i},Qualification\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve) => out.end(resolve));
}

interface Measured {
  code: number;
  seconds: number;
  cpuSeconds: number;
  maxRssKb: number;
}

/** Audits a file with the CLI in a fresh process; its figures and the JSON report. */
function auditInChild(file: string, jsonPath: string): { measured: Measured; report: AuditReport } {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', __filename, '--measure', file, jsonPath],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }
  );
  const last = child.stdout.trim().split('\n').pop() ?? '';
  const measured = JSON.parse(last) as Measured;
  const report = JSON.parse(readFileSync(jsonPath, 'utf8')) as AuditReport;
  return { measured, report };
}

/** The measured run: the CLI itself on the file, in this fresh process. */
async function measure(file: string, jsonPath: string): Promise<void> {
  const started = process.hrtime.bigint();
  const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const code = await run(
    ['audit', '--csv', file, '--today', TODAY, '--period', '2026-Q4', '--json', jsonPath],
    { stdout: sink, stderr: process.stderr, env: {}, cwd: process.cwd() }
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  console.log(JSON.stringify({ code, seconds, cpuSeconds, maxRssKb: usage.maxRSS }));
}

const FORMULON_TYPES: Record<string, string> = {
  Number: 'number',
  Currency: 'number',
  Percent: 'number',
  Summary: 'number',
  Date: 'date',
  Checkbox: 'checkbox',
  Picklist: 'picklist'
};

function fieldType(schema: ObjectSchema, path: string): string {
  const dot = path.indexOf('.');
  const field =
    dot < 0
      ? schema.fields[path]
      : schema.relationships?.[path.slice(0, dot)]?.fields[path.slice(dot + 1)];
  return field?.type ?? 'Text';
}

function formulonValue(record: Record<string, unknown>, path: string): unknown {
  const dot = path.indexOf('.');
  if (dot < 0) return record[path] ?? null;
  const parent = record[path.slice(0, dot)] as Record<string, unknown> | undefined;
  return parent?.[path.slice(dot + 1)] ?? null;
}

interface FormulonRule {
  rule: SalesRuleDefinition;
  appliesWhen: { source: string; fields: string[] } | null;
  flagWhen: { source: string; fields: string[] };
}

/** formulon's TODAY() reads the clock: the audit's day is written into the formula instead. */
function forFormulon(source: string): { source: string; fields: string[] } {
  const fixed = source.replace(/TODAY\(\)/g, 'DATE(2026, 11, 16)');
  return { source: fixed, fields: extract(fixed) };
}

function formulonIsTrue(
  formula: { source: string; fields: string[] },
  record: Record<string, unknown>,
  schema: ObjectSchema
): boolean {
  const inputs: Record<string, FormulonLiteral> = {};
  for (const path of formula.fields) {
    const type = fieldType(schema, path);
    const dataType = FORMULON_TYPES[type] ?? 'text';
    let value = formulonValue(record, path);
    if (dataType === 'date' && typeof value === 'string') value = new Date(`${value}T00:00:00Z`);
    if (type === 'Percent' && typeof value === 'number') value = value / 100;
    const options =
      dataType === 'number' ? { length: 18, scale: 6 } : dataType === 'text' ? { length: 255 } : {};
    inputs[path] = { type: 'literal', dataType, value, options };
  }
  const result = formulonParse(formula.source, inputs);
  return result.type === 'literal' && result.value === true;
}

/** The first rows of the export, read and converted exactly as the CLI reads them. */
function firstRecords(file: string, plan: { value: ColumnPlan | null }, count: number) {
  const records: Record<string, unknown>[] = [];
  const reader = new CsvReader((fields, line, problem) => {
    if (line === 1) {
      plan.value = planColumns(fields, schemaOf(), formulaFields());
      return;
    }
    if (records.length >= count || problem !== null || plan.value === null) return;
    const result = toRecord(plan.value, fields, TODAY);
    if ('record' in result) records.push(result.record);
  });
  // Read in slices until enough rows are in, as the CLI would have read them by then.
  const buffer = Buffer.alloc(64 * 1024);
  const descriptor = openSync(file, 'r');
  const decoder = new StringDecoder('utf8');
  try {
    for (let position = 0; records.length < count;) {
      const length = readSync(descriptor, buffer, 0, buffer.length, position);
      if (length === 0) break;
      position += length;
      reader.push(decoder.write(buffer.subarray(0, length)));
    }
  } finally {
    closeSync(descriptor);
  }
  return records;
}

let schemaCache: ObjectSchema | null = null;
const schemaOf = (): ObjectSchema =>
  (schemaCache ??= buildSchemas({ objectsDir: DEFAULT_OBJECTS_DIR }).Opportunity);
let formulaCache: FormulaFieldDefinition[] | null = null;
const formulaFields = (): FormulaFieldDefinition[] =>
  (formulaCache ??= readComputedFields(DEFAULT_OBJECTS_DIR).formulas.filter(
    (f) => f.objectName === 'Opportunity'
  ));

/** Audits the first rows with both engines: rows per second and each rule's flag count. */
function compareEngines(file: string): {
  oursPerSecond: number;
  formulonPerSecond: number;
  mismatches: string[];
} {
  const schema = schemaOf();
  const rules = loadSalesRules().filter(
    (rule) => rule.active && rule.objectApiName === 'Opportunity'
  );
  const time = (work: () => Map<string, number>): [number, Map<string, number>] => {
    const started = process.hrtime.bigint();
    const flags = work();
    return [Number(process.hrtime.bigint() - started) / 1e9, flags];
  };
  const plan = { value: null as ColumnPlan | null };
  formulaFields();
  // Both timings include reading and converting the rows, as in the CLI.
  const [oursSeconds, ours] = time(() => {
    const records = firstRecords(file, plan, FORMULON_ROWS);
    const ruleSet = compileRuleSet(rules, schema);
    const flags = new Map<string, number>();
    for (const record of records) {
      const verdict = ruleSet.evaluate(record, { today: TODAY });
      for (const outcome of [...verdict.flagged, ...verdict.prompts]) {
        flags.set(outcome.ruleName, (flags.get(outcome.ruleName) ?? 0) + 1);
      }
    }
    return flags;
  });
  const [formulonSeconds, theirs] = time(() => {
    const records = firstRecords(file, plan, FORMULON_ROWS);
    const prepared: FormulonRule[] = rules.map((rule) => ({
      rule,
      appliesWhen: rule.appliesWhen ? forFormulon(rule.appliesWhen) : null,
      flagWhen: forFormulon(rule.flagWhen ?? 'FALSE')
    }));
    const flags = new Map<string, number>();
    let scoreSum = 0;
    for (const record of records) {
      let applicable = 0;
      let passed = 0;
      for (const { rule, appliesWhen, flagWhen } of prepared) {
        if (appliesWhen && !formulonIsTrue(appliesWhen, record, schema)) continue;
        const flagged = formulonIsTrue(flagWhen, record, schema);
        const weight = rule.weight ?? 1;
        if (rule.kind === 'Data Quality') {
          applicable += weight;
          if (!flagged) passed += weight;
        }
        if (flagged) flags.set(rule.developerName, (flags.get(rule.developerName) ?? 0) + 1);
      }
      scoreSum += computeScore(applicable, passed);
    }
    if (!(scoreSum >= 0)) throw new Error('no score');
    return flags;
  });
  const mismatches = rules
    .filter((rule) => (ours.get(rule.developerName) ?? 0) !== (theirs.get(rule.developerName) ?? 0))
    .map(
      (rule) =>
        `${rule.developerName}: ours ${ours.get(rule.developerName) ?? 0}, formulon ${theirs.get(rule.developerName) ?? 0}`
    );
  return {
    oursPerSecond: FORMULON_ROWS / oursSeconds,
    formulonPerSecond: FORMULON_ROWS / formulonSeconds,
    mismatches
  };
}

const format = (value: number): string => Math.round(value).toLocaleString('en-US');

async function main(): Promise<void> {
  const measureAt = process.argv.indexOf('--measure');
  if (measureAt >= 0) {
    await measure(process.argv[measureAt + 1], process.argv[measureAt + 2]);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'ssm-audit-bench-'));
  try {
    const file = join(dir, 'opportunities.csv');
    const jsonPath = join(dir, 'report.json');
    const generated = Date.now();
    await generate(file, ROWS);
    const size = statSync(file).size;
    console.log(
      `ssm audit bench: ${format(ROWS)} Opportunity rows, ${(size / 1024 / 1024).toFixed(0)} MB CSV (generated in ${((Date.now() - generated) / 1000).toFixed(1)} s, not timed)\n`
    );
    const { measured, report } = auditInChild(file, jsonPath);
    if (report.records.evaluated !== ROWS) {
      throw new Error(`audited ${report.records.evaluated} of ${ROWS} rows`);
    }
    const rules = report.rules.filter((rule) => rule.status === 'evaluated').length;
    const rssMb = measured.maxRssKb / 1024;
    const rowsPerSecond = ROWS / measured.seconds;
    console.log(
      `ours (CLI, whole run): ${measured.seconds.toFixed(2)} s wall (${measured.cpuSeconds.toFixed(2)} s CPU), ${format(rowsPerSecond)} rows/s, peak RSS ${rssMb.toFixed(0)} MB, ${rules} rules, ${format(report.pipeline?.dealCount ?? 0)} deals in 2026-Q4`
    );
    const engines = compareEngines(file);
    console.log(
      `first ${format(FORMULON_ROWS)} rows: ours ${format(engines.oursPerSecond)} rows/s, formulon ${format(engines.formulonPerSecond)} rows/s (${(engines.oursPerSecond / engines.formulonPerSecond).toFixed(0)}x)`
    );
    console.log(
      engines.mismatches.length === 0
        ? 'both engines flag the same records per rule on those rows'
        : `flag counts differ: ${engines.mismatches.join('; ')}\n  (formulon compares a blank number as 0, and errors on a blank date in arithmetic inside OR(ISBLANK(...), ...), which Salesforce evaluates left to right)`
    );
    console.log(
      `\ntarget: under ${TARGET_SECONDS} s (${measured.seconds < TARGET_SECONDS ? 'met' : 'MISSED'}) and under ${TARGET_RSS_MB} MB peak RSS (${rssMb < TARGET_RSS_MB ? 'met' : 'MISSED'})`
    );
    if (measured.code !== 0) throw new Error(`the audit exited with ${measured.code}`);
    if (!process.argv.includes('--no-large')) await large(dir, rssMb, measured.seconds);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The 10 M-row audits (well-formed, then malformed only), beside the 1 M-row figures. */
async function large(dir: string, baselineRssMb: number, baselineSeconds: number): Promise<void> {
  const file = join(dir, 'large.csv');
  const jsonPath = join(dir, 'large.json');
  let generated = Date.now();
  await generate(file, LARGE_ROWS);
  console.log(
    `\n${format(LARGE_ROWS)} Opportunity rows, ${(statSync(file).size / 1024 / 1024).toFixed(0)} MB CSV (generated in ${((Date.now() - generated) / 1000).toFixed(1)} s, not timed)`
  );
  const big = auditInChild(file, jsonPath);
  rmSync(file, { force: true });
  if (big.report.records.evaluated !== LARGE_ROWS || big.measured.code !== 0) {
    throw new Error(
      `audited ${big.report.records.evaluated} of ${LARGE_ROWS} rows (exit ${big.measured.code})`
    );
  }
  const bigRss = big.measured.maxRssKb / 1024;
  console.log(
    `ours (CLI, whole run): ${big.measured.seconds.toFixed(2)} s wall (${big.measured.cpuSeconds.toFixed(2)} s CPU), ${format(LARGE_ROWS / big.measured.seconds)} rows/s, peak RSS ${bigRss.toFixed(0)} MB, ${format(big.report.pipeline?.dealCount ?? 0)} deals in 2026-Q4, ${big.report.suspicious.duplicateIds.count} duplicate Ids`
  );
  console.log(
    `baseline (the ${format(ROWS)}-row run above): ${baselineSeconds.toFixed(2)} s, peak RSS ${baselineRssMb.toFixed(0)} MB (10x the rows: ${(big.measured.seconds / baselineSeconds).toFixed(1)}x the time, ${(bigRss / baselineRssMb).toFixed(2)}x the memory)`
  );
  generated = Date.now();
  await generateMalformed(file, LARGE_ROWS);
  console.log(
    `\n${format(LARGE_ROWS)} malformed rows only, ${(statSync(file).size / 1024 / 1024).toFixed(0)} MB CSV (generated in ${((Date.now() - generated) / 1000).toFixed(1)} s, not timed)`
  );
  const bad = auditInChild(file, jsonPath);
  rmSync(file, { force: true });
  if (bad.report.records.malformed !== LARGE_ROWS || bad.measured.code !== 1) {
    throw new Error(
      `${bad.report.records.malformed} of ${LARGE_ROWS} rows malformed (exit ${bad.measured.code})`
    );
  }
  const badRss = bad.measured.maxRssKb / 1024;
  console.log(
    `ours (CLI, whole run): ${bad.measured.seconds.toFixed(2)} s wall, peak RSS ${badRss.toFixed(0)} MB, ${bad.report.malformedRows.length} malformed rows listed of ${format(bad.report.records.malformed)}, JSON report ${(statSync(jsonPath).size / 1024).toFixed(0)} KB`
  );
  console.log(
    `\ntarget: under ${TARGET_RSS_MB} MB peak RSS at ${format(LARGE_ROWS)} rows (${bigRss < TARGET_RSS_MB ? 'met' : 'MISSED'}) and for malformed rows only (${badRss < TARGET_RSS_MB ? 'met' : 'MISSED'})`
  );
}

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });

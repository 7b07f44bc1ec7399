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
import { CsvReader, readCsvFile } from './csv';
import { planColumns, RowConverter, type ColumnPlan } from './csvRecords';
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
}

function columnsOf(plan: ColumnPlan): AuditReport['columns'] {
  return {
    used: plan.columns.map((column) => column.path),
    unknown: [...plan.unknown],
    duplicate: [...plan.duplicates],
    derived: [...plan.derived]
  };
}

/** Remembers `Owner.Name` per OwnerId when the records carry it, for the per-seller table. */
function noteOwner(record: Record<string, unknown>, names: Map<string, string>): void {
  const owner = record.Owner as { Name?: unknown } | undefined;
  if (typeof record.OwnerId === 'string' && owner && typeof owner.Name === 'string') {
    names.set(record.OwnerId, owner.Name);
  }
}

/**
 * Feeds CSV records into an audit that is created from the header row. Rows that cannot be read
 * are reported by line; records with a problem never reach the rules.
 */
class CsvAuditFeed {
  audit: Audit | null = null;
  private converter: RowConverter | null = null;
  private hasOwnerNames = false;
  readonly ownerNames = new Map<string, string>();

  constructor(
    private readonly inputs: AuditInputs,
    private readonly source: AuditReport['source'],
    private readonly targets: readonly SalesTarget[] = []
  ) {}

  header(fields: readonly string[]): void {
    const plan = planColumns(fields, this.inputs.schema, this.inputs.formulaFields);
    this.converter = new RowConverter(plan, this.inputs.today);
    this.hasOwnerNames = plan.available.has('Owner.Name');
    const audit = new Audit({
      objectName: this.inputs.objectName,
      schema: this.inputs.schema,
      rules: this.inputs.rules,
      available: plan.available,
      today: this.inputs.today,
      period: this.inputs.period,
      source: this.source,
      targets: this.targets,
      ownerNames: this.ownerNames
    });
    audit.columns = columnsOf(plan);
    this.audit = audit;
  }

  row(fields: readonly string[], line: number, problem: string | null): void {
    const audit = this.audit as Audit;
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
    if (this.hasOwnerNames) noteOwner(converter.record, this.ownerNames);
    audit.add(converter.record, line);
  }
}

/** Audits a CSV export whose headers are field API names. */
export async function auditCsvFile(file: string, inputs: AuditInputs): Promise<AuditReport> {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new CliError(`--csv ${file}: no such file`, EXIT.usage);
  }
  const size = statSync(file).size;
  const feed = new CsvAuditFeed(inputs, { kind: 'csv', file });
  let headerProblem: string | null = null;
  const bar = (inputs.progress ?? (() => NO_PROGRESS))('audit', size);
  try {
    await readCsvFile(
      file,
      (fields, line, problem) => {
        if (feed.audit === null) {
          if (problem !== null) headerProblem = `line ${line}: ${problem}`;
          feed.header(fields);
          return;
        }
        feed.row(fields, line, problem);
      },
      (bytes) => bar.update(bytes)
    );
  } finally {
    bar.done();
  }
  if (feed.audit === null) throw new CliError(`--csv ${file}: the file is empty`, EXIT.usage);
  if (headerProblem) throw new CliError(`--csv ${file}: bad header, ${headerProblem}`, EXIT.usage);
  return feed.audit.finish();
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

/** Audits the embedded sample org: every field is present, formula fields and roll-ups computed. */
export function auditSample(org: EmbeddedOrg, inputs: AuditInputs): AuditReport {
  const ownerNames = new Map<string, string>();
  for (const user of org.records('User')) ownerNames.set(user.Id, String(user.Name));
  const audit = new Audit({
    objectName: inputs.objectName,
    schema: inputs.schema,
    rules: inputs.rules,
    available: null,
    today: inputs.today,
    period: inputs.period,
    source: { kind: 'sample' },
    targets: org.records('Sales_Target__c') as unknown as SalesTarget[],
    ownerNames
  });
  for (const record of sampleAuditRecords(org, inputs)) audit.add(record);
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
  const fields = await fieldsInOrg(api, inputs.objectName, [...referenced]);
  const targets = inputs.objectName === 'Opportunity' ? await salesTargets(api) : [];
  const source = {
    kind: 'org',
    instanceUrl: options.instanceUrl,
    username: options.username ?? null
  };
  const feed = new CsvAuditFeed(inputs, source, targets);
  const bar = (inputs.progress ?? (() => NO_PROGRESS))('audit', 0);
  // Each results page repeats the header; lines are numbered as if the pages were one file.
  let linesBefore = 0;
  try {
    await api.bulkQuery(
      `SELECT ${fields.join(', ')} FROM ${inputs.objectName}`,
      (csv, page) => {
        let lastLine = 1;
        const reader = new CsvReader((row, line, problem) => {
          lastLine = line;
          if (line === 1) {
            if (page === 0) feed.header(row);
            return;
          }
          feed.row(row, linesBefore + line, problem);
        });
        reader.push(csv);
        reader.end();
        linesBefore += lastLine - 1;
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

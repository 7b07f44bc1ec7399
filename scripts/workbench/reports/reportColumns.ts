/**
 * Report columns (`Opportunity$Amount`, `Opportunity$Owner.Name`,
 * `Opportunity.Coaching_Sessions__r$Session_Date__c`, or the dotted `Opportunity.Amount`) resolved
 * against the report type and the schema, the one SOQL query that fetches them, and the flat rows
 * it gives: one per base record, or one per joined child record (a base record without children
 * kept only by an outer join).
 */
import type { FieldDescribe, OrgSchema } from '../../../apex-runtime/src/metadata/schema';
import { valueToJson } from '../../../apex-runtime/src/platform/fieldValues';
import { ApexList } from '../../../apex-runtime/src/values/collections';
import { SObjectValue } from '../../../apex-runtime/src/values/sobject';
import type { ValueKind } from './reportFilters';
import type { ReportTypeMeta } from './reportMetadata';

export interface ResolvedColumn {
  /** The column as the report names it. */
  key: string;
  table: 'base' | 'child';
  /** The object the last segment is a field of. */
  objectName: string;
  /** SOQL path on the table's object: `Amount`, `Owner.Name`. */
  soqlPath: string;
  /** For a lookup: the path of the parent's name, shown instead of the Id. */
  namePath: string | null;
  field: FieldDescribe;
  label: string;
  kind: ValueKind;
  /** currency, percent, number, date, datetime, boolean, text: how the UI formats it. */
  format: string;
}

export interface ColumnError {
  key: string;
  reason: string;
}

export class ColumnResolutionError extends Error {
  constructor(
    readonly key: string,
    readonly reason: string
  ) {
    super(`column "${key}": ${reason}`);
  }
}

/** A row of a report: values by column key, and the record Ids it came from. */
export interface ReportRow {
  values: Map<string, unknown>;
  /** Display names of lookups by column key. */
  names: Map<string, string>;
  ownerId: string | null;
}

function kindOf(field: FieldDescribe): ValueKind {
  switch (field.displayType) {
    case 'INTEGER':
    case 'LONG':
    case 'DOUBLE':
    case 'CURRENCY':
    case 'PERCENT':
      return 'number';
    case 'DATE':
    case 'DATETIME':
      return 'date';
    case 'BOOLEAN':
      return 'boolean';
    case 'MULTIPICKLIST':
      return 'multi';
    default:
      return 'text';
  }
}

function formatOf(field: FieldDescribe): string {
  switch (field.displayType) {
    case 'CURRENCY':
      return 'currency';
    case 'PERCENT':
      return 'percent';
    case 'INTEGER':
    case 'LONG':
    case 'DOUBLE':
      return 'number';
    case 'DATE':
      return 'date';
    case 'DATETIME':
      return 'datetime';
    case 'BOOLEAN':
      return 'boolean';
    default:
      return 'text';
  }
}

/** The parent relationship a path segment walks: `Owner`/`OwnerId`, `Coach__r`/`Coach__c`. */
function parentStep(
  schema: OrgSchema,
  objectName: string,
  segment: string
): { relationship: string; target: string } | null {
  const byRelationship = schema.relationship(objectName, segment);
  const field =
    byRelationship ??
    (schema.field(objectName, segment)?.referenceTo.length
      ? schema.field(objectName, segment)
      : undefined);
  if (!field?.relationshipName || field.referenceTo.length === 0) return null;
  // A polymorphic owner (User or Group) reads as a User, as report columns show it.
  const target = field.referenceTo.includes('User') ? 'User' : field.referenceTo[0];
  return { relationship: field.relationshipName, target };
}

function splitKey(
  reportType: ReportTypeMeta,
  key: string
): { table: 'base' | 'child'; path: string } {
  const base = reportType.baseObject;
  const join = reportType.joins[0]?.relationship;
  const lower = key.toLowerCase();
  if (key.includes('$')) {
    const [table, path] = key.split('$', 2);
    if (table.toLowerCase() === base.toLowerCase()) return { table: 'base', path };
    if (join && table.toLowerCase() === `${base}.${join}`.toLowerCase()) {
      return { table: 'child', path };
    }
    throw new ColumnResolutionError(
      key,
      `"${table}" is not a table of report type ${reportType.name}`
    );
  }
  if (join && lower.startsWith(`${base}.${join}.`.toLowerCase())) {
    return { table: 'child', path: key.slice(base.length + join.length + 2) };
  }
  if (lower.startsWith(`${base.toLowerCase()}.`))
    return { table: 'base', path: key.slice(base.length + 1) };
  return { table: 'base', path: key };
}

function inReportType(reportType: ReportTypeMeta, table: 'base' | 'child', path: string): boolean {
  const tableName =
    table === 'base'
      ? reportType.baseObject
      : `${reportType.baseObject}.${reportType.joins[0]?.relationship ?? ''}`;
  const wanted = path.toLowerCase();
  const first = wanted.split('.')[0];
  return reportType.columns.some((column) => {
    if (column.table.toLowerCase() !== tableName.toLowerCase()) return false;
    const listed = column.field.toLowerCase();
    // A lookup listed in the type (Owner, OwnerId, Coach__c) may be shown through its parent.
    return (
      listed === wanted ||
      listed === first ||
      listed.replace(/__c$|id$/, '') === first.replace(/__r$/, '')
    );
  });
}

/** Resolves a report column against its report type and the schema. */
export function resolveColumn(
  schema: OrgSchema,
  reportType: ReportTypeMeta,
  key: string
): ResolvedColumn {
  const { table, path } = splitKey(reportType, key);
  if (!inReportType(reportType, table, path)) {
    throw new ColumnResolutionError(key, `report type ${reportType.name} has no column ${path}`);
  }
  let objectName = reportType.baseObject;
  if (table === 'child') {
    const join = reportType.joins[0].relationship;
    const relationship = schema.childRelationship(objectName, join);
    if (!relationship) {
      throw new ColumnResolutionError(key, `${objectName} has no child relationship ${join}`);
    }
    objectName = relationship.childObject;
  }
  const segments = path.split('.');
  const soqlSegments: string[] = [];
  const labels: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    const step = parentStep(schema, objectName, segment);
    if (!step) throw new ColumnResolutionError(key, `${objectName}.${segment} is not a lookup`);
    soqlSegments.push(step.relationship);
    labels.push(schema.object(step.target)?.label ?? step.target);
    objectName = step.target;
  }
  const last = segments[segments.length - 1];
  // A lookup named by its relationship (`Owner`, `Coach__r`) is the lookup, shown by name.
  const field = schema.field(objectName, last) ?? schema.relationship(objectName, last);
  if (!field) throw new ColumnResolutionError(key, `${objectName} has no field ${last}`);
  soqlSegments.push(field.name);
  const parent = field.referenceTo.length ? parentStep(schema, objectName, field.name) : null;
  const namePath =
    parent && schema.field(parent.target, 'Name')
      ? [...soqlSegments.slice(0, -1), parent.relationship, 'Name'].join('.')
      : null;
  return {
    key,
    table,
    objectName,
    soqlPath: soqlSegments.join('.'),
    namePath,
    field,
    // A lookup shown by name is labelled as the platform does: "Owner", not "Owner ID".
    label: [...labels, namePath ? field.label.replace(/ ID$/, '') : field.label].join(': '),
    kind: kindOf(field),
    format: formatOf(field)
  };
}

/** The SOQL that fetches every resolved column (and the owner, for the report's scope). */
export function buildSoql(
  schema: OrgSchema,
  reportType: ReportTypeMeta,
  columns: readonly ResolvedColumn[]
): string {
  const base = schema.object(reportType.baseObject);
  if (!base) throw new ColumnResolutionError(reportType.baseObject, 'no such object');
  // In a multi-currency org a report shows amounts converted into the running user's currency
  // (dated rates for opportunities), as convertCurrency() gives them; the runtime converts a
  // field of the queried object, so a parent's or child's amount stays in its record's currency.
  const converts = !!schema.field(base.name, 'CurrencyIsoCode');
  const pathsOf = (table: 'base' | 'child') => {
    const paths = new Set(['Id']);
    for (const column of columns.filter((candidate) => candidate.table === table)) {
      const ownAmount =
        converts &&
        table === 'base' &&
        column.field.displayType === 'CURRENCY' &&
        !column.soqlPath.includes('.');
      paths.add(ownAmount ? `convertCurrency(${column.soqlPath})` : column.soqlPath);
      if (column.namePath) paths.add(column.namePath);
    }
    return paths;
  };
  const baseFields = pathsOf('base');
  if (base.hasOwner) baseFields.add('OwnerId');
  const select = [...baseFields];
  const join = reportType.joins[0];
  if (join) {
    select.push(`(SELECT ${[...pathsOf('child')].join(', ')} FROM ${join.relationship})`);
  }
  return `SELECT ${select.join(', ')} FROM ${base.name}`;
}

function read(record: SObjectValue, path: string): unknown {
  let current: unknown = record;
  for (const segment of path.split('.')) {
    if (!(current instanceof SObjectValue)) return null;
    current = current.get(segment);
  }
  return current instanceof SObjectValue ? null : valueToJson(current);
}

function fill(row: ReportRow, record: SObjectValue, columns: readonly ResolvedColumn[]): void {
  for (const column of columns) {
    row.values.set(column.key, read(record, column.soqlPath));
    if (column.namePath) {
      const name = read(record, column.namePath);
      if (typeof name === 'string') row.names.set(column.key, name);
    }
  }
}

/** The report's rows from the query's records. */
export function flattenRows(
  reportType: ReportTypeMeta,
  records: readonly SObjectValue[],
  columns: readonly ResolvedColumn[]
): ReportRow[] {
  const baseColumns = columns.filter((column) => column.table === 'base');
  const childColumns = columns.filter((column) => column.table === 'child');
  const join = reportType.joins[0];
  const rows: ReportRow[] = [];
  for (const record of records) {
    const owner = record.get('OwnerId');
    const make = () => {
      const row: ReportRow = {
        values: new Map(),
        names: new Map(),
        ownerId: typeof owner === 'string' ? owner : null
      };
      fill(row, record, baseColumns);
      return row;
    };
    if (!join) {
      rows.push(make());
      continue;
    }
    const children = record.get(join.relationship);
    const items = children instanceof ApexList ? children.items : [];
    if (items.length === 0 && join.outerJoin) rows.push(make());
    for (const item of items) {
      if (!(item instanceof SObjectValue)) continue;
      const row = make();
      fill(row, item, childColumns);
      rows.push(row);
    }
  }
  return rows;
}

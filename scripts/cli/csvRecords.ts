/**
 * Turns CSV rows into records the formula engine reads: each header is a field API name of the
 * audited object (`Amount`) or a parent's field (`Account.Industry`), matched to the object's
 * schema without regard to case, or a field label as report exports write it (`Close Date`) when
 * exactly one field has it; values are converted by the field's type (numbers with a decimal
 * point or, for da-DK, a decimal comma, TRUE/FALSE, YYYY-MM-DD dates, ISO date-times), blanks
 * become null. A value that does not fit its type (or its field's digits) makes the row
 * malformed, with every reason named, instead of being guessed at.
 */
import { compileFormula } from '../../formula-engine/src/formulaEngine';
import type { CompiledFormula, ObjectSchema } from '../../formula-engine/src/formulaEngine';
import { dayNumber, instantOf } from '../../force-app/main/default/lwc/salesKpis/salesKpis';
import type { FormulaFieldDefinition } from '../org/computedFields';

type Converter = (text: string) => unknown;

/** Returned by a converter for a value that does not fit the field's type. */
class Invalid {
  constructor(readonly reason: string) {}
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** da-DK: `1.234.567,89`, `1234567,89`, `-12,5`, `1234`. */
const DANISH_NUMBER = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const TRUE_TEXT = new Set(['true', '1', 'yes']);
const FALSE_TEXT = new Set(['false', '0', 'no', '']);

/** Characters cut from cell text shown in messages (C0 and C1 controls, line and bidi controls). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The longest cell text a message quotes. */
export const SHOWN_LENGTH = 200;

/** Cell text as a message quotes it: control characters removed, cut at 200 characters. */
export function shown(text: string): string {
  const head = text.length > SHOWN_LENGTH * 2 ? text.slice(0, SHOWN_LENGTH * 2) : text;
  const clean = head.replace(CONTROL, (c) => (c === '\t' || c === '\n' || c === '\r' ? ' ' : ''));
  if (clean.length <= SHOWN_LENGTH && head.length === text.length) return clean;
  return `${clean.slice(0, SHOWN_LENGTH)}... (${text.length.toLocaleString('en-US')} characters)`;
}

/**
 * How numbers are written: `point` (1234.5, the default), `comma` (da-DK, 1.234,5) or `detect`
 * (a semicolon-separated file without --locale: each value read both ways, refused when the two
 * readings differ, e.g. `1.500`).
 */
export type NumberFormat = 'point' | 'comma' | 'detect';

const asText: Converter = (text) => (text === '' ? null : text);
const pointNumber = (text: string): number | null => (NUMBER.test(text) ? Number(text) : null);
const commaNumber = (text: string): number | null =>
  DANISH_NUMBER.test(text) ? Number(text.replace(/\./g, '').replace(',', '.')) : null;

function numberConverter(format: NumberFormat): Converter {
  if (format === 'point') {
    return (text) => {
      if (text === '') return null;
      return pointNumber(text) ?? new Invalid('is not a number');
    };
  }
  if (format === 'comma') {
    return (text) => {
      if (text === '') return null;
      return commaNumber(text) ?? new Invalid('is not a number as da-DK writes it (1.234,56)');
    };
  }
  return (text) => {
    if (text === '') return null;
    const point = pointNumber(text);
    const comma = commaNumber(text);
    if (point !== null && comma !== null && point !== comma) {
      return new Invalid(
        `is ambiguous: ${comma} with a decimal comma and thousands points (da-DK), ${point} with a decimal point; give --locale da-DK or --locale en-US`
      );
    }
    return point ?? comma ?? new Invalid('is not a number');
  };
}

/** A numeric field's digits: |value| must stay below 10^(precision - scale). */
export interface FieldDigits {
  precision: number;
  scale: number;
}

function withinDigits(
  convert: Converter,
  type: string,
  digits: FieldDigits | undefined
): Converter {
  const limit = digits ? 10 ** (digits.precision - digits.scale) : Infinity;
  const kind = type.toLowerCase();
  return (text) => {
    const value = convert(text);
    if (typeof value !== 'number') return value;
    if (!Number.isFinite(value)) return new Invalid('is too large for any number');
    if (Math.abs(value) >= limit) {
      const { precision, scale } = digits as FieldDigits;
      return new Invalid(
        `is beyond the range of a ${kind}(${precision}, ${scale}) field (at most ${precision - scale} digits before the decimal point)`
      );
    }
    return value;
  };
}
/** A checkbox is never blank in Salesforce: a blank cell reads as FALSE. */
const asBoolean: Converter = (text) => {
  const lower = text.toLowerCase();
  if (TRUE_TEXT.has(lower)) return true;
  if (FALSE_TEXT.has(lower)) return false;
  return new Invalid('is not TRUE or FALSE');
};
/**
 * Dates and date-times repeat across rows: each distinct text is checked once and the checked
 * text is kept, so a million rows hold a few thousand date strings. The cache is bounded.
 */
const CACHE_LIMIT = 200_000;
function cached(check: (text: string) => unknown): Converter {
  let cache = new Map<string, unknown>();
  return (text) => {
    if (text === '') return null;
    const known = cache.get(text);
    if (known !== undefined) return known;
    const value = check(text);
    if (cache.size >= CACHE_LIMIT) cache = new Map();
    cache.set(text, value);
    return value;
  };
}

const asDate = (): Converter =>
  cached((text) => {
    const date = text.length > 10 && text[10] === 'T' ? text.slice(0, 10) : text;
    try {
      dayNumber(date);
      return date.length === 10 ? date : new Invalid('is not a date (YYYY-MM-DD)');
    } catch {
      return new Invalid('is not a date (YYYY-MM-DD)');
    }
  });
const asDateTime = (): Converter =>
  cached((text) => {
    try {
      instantOf(text);
      return text;
    } catch {
      return new Invalid('is not a date-time (ISO 8601)');
    }
  });

const NUMERIC_TYPES = new Set(['Number', 'Currency', 'Percent', 'Summary', 'Int', 'Double']);

function converterFor(type: string, numbers: NumberFormat, digits?: FieldDigits): Converter {
  if (NUMERIC_TYPES.has(type)) return withinDigits(numberConverter(numbers), type, digits);
  if (type === 'Checkbox') return asBoolean;
  if (type === 'Date') return asDate();
  if (type === 'DateTime') return asDateTime();
  return asText;
}

function findKey(names: Iterable<string>, wanted: string): string | undefined {
  const lower = wanted.toLowerCase();
  for (const name of names) if (name.toLowerCase() === lower) return name;
  return undefined;
}

interface Column {
  header: string;
  index: number;
  /** Canonical path, e.g. `Amount` or `Account.Industry`. */
  path: string;
  relationship: string | null;
  field: string;
  convert: Converter;
}

interface DerivedField {
  field: string;
  formula: CompiledFormula;
}

export interface ColumnPlan {
  headers: readonly string[];
  columns: readonly Column[];
  /** Headers that name no field of the object (left out of the records). */
  unknown: readonly string[];
  /** Headers read as a field label (report exports): header -> field path. */
  labels: Readonly<Record<string, string>>;
  /** Labels that more than one field has (left out): header -> the field paths. */
  ambiguous: Readonly<Record<string, string[]>>;
  /** Headers that appear twice (the first one is used). */
  duplicates: readonly string[];
  /** Formula fields computed from other columns because the CSV lacks them. */
  derived: readonly string[];
  /** Canonical field paths the records carry. */
  available: ReadonlySet<string>;
  /** The relationship names that appear, so parents are nested once per record. */
  relationships: readonly string[];
  derivedFields: readonly DerivedField[];
}

export interface PlanOptions {
  numbers?: NumberFormat;
  /** Normalised label (see `labelKey`) -> the field paths that have it. */
  labels?: ReadonlyMap<string, readonly string[]>;
  /** Digits of numeric fields by path (`Amount`, `Account.AnnualRevenue`). */
  digits?: ReadonlyMap<string, FieldDigits>;
}

/** A label or header as labels are matched: lower case, single spaces. */
export function labelKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Maps the header row to the object's fields.
 * @param formulaFields the object's formula fields; those the CSV lacks but can compute are derived
 */
export function planColumns(
  headerRow: readonly string[],
  schema: ObjectSchema,
  formulaFields: readonly FormulaFieldDefinition[] = [],
  options: PlanOptions = {}
): ColumnPlan {
  const headers = headerRow.map((header, index) =>
    (index === 0 ? header.replace(/^\uFEFF/, '') : header).trim()
  );
  const columns: Column[] = [];
  const unknown: string[] = [];
  const duplicates: string[] = [];
  const labels: Record<string, string> = {};
  const ambiguous: Record<string, string[]> = {};
  const available = new Set<string>();
  const relationships = new Set<string>();
  headers.forEach((rawHeader, index) => {
    let header = rawHeader;
    const byApiName =
      header.indexOf('.') > 0 ? true : findKey(Object.keys(schema.fields), header) !== undefined;
    if (!byApiName && options.labels) {
      const candidates = options.labels.get(labelKey(header));
      if (candidates && candidates.length === 1) {
        labels[shown(header)] = candidates[0];
        header = candidates[0];
      } else if (candidates && candidates.length > 1) {
        ambiguous[shown(header)] = [...candidates];
      }
    }
    const dot = header.indexOf('.');
    let relationship: string | null = null;
    let field: string | undefined;
    let type: string | undefined;
    if (dot > 0) {
      relationship = findKey(Object.keys(schema.relationships ?? {}), header.slice(0, dot)) ?? null;
      const parent = relationship ? schema.relationships?.[relationship] : undefined;
      field = parent ? findKey(Object.keys(parent.fields), header.slice(dot + 1)) : undefined;
      type = parent && field ? parent.fields[field].type : undefined;
    } else {
      field = findKey(Object.keys(schema.fields), header);
      type = field ? schema.fields[field].type : undefined;
    }
    if (!field || type === undefined) {
      unknown.push(shown(rawHeader));
      return;
    }
    const path = relationship ? `${relationship}.${field}` : field;
    if (available.has(path)) {
      duplicates.push(shown(rawHeader));
      return;
    }
    available.add(path);
    if (relationship) relationships.add(relationship);
    columns.push({
      header: shown(rawHeader),
      index,
      path,
      relationship,
      field,
      convert: converterFor(type, options.numbers ?? 'point', options.digits?.get(path))
    });
  });

  const derived: string[] = [];
  const derivedFields: DerivedField[] = [];
  for (const definition of formulaFields) {
    if (available.has(definition.field)) continue;
    const formula = compileFormula(definition.formula, {
      schema,
      treatBlanksAsZero: definition.treatBlanksAsZero
    });
    if (formula.referencedFields.every((path) => available.has(path))) {
      derived.push(definition.field);
      derivedFields.push({ field: definition.field, formula });
      available.add(definition.field);
    }
  }
  return {
    headers,
    columns,
    unknown,
    labels,
    ambiguous,
    duplicates,
    derived,
    available,
    relationships: [...relationships],
    derivedFields
  };
}

export type RowResult = { record: Record<string, unknown> } | { problem: string };

/**
 * Converts rows into one record object that is refilled for every row: the audit reads each
 * record once and keeps only what it needs, so a million rows allocate no million records (and
 * every record has the same shape, which keeps the formula engine's property reads fast).
 */
export class RowConverter {
  readonly record: Record<string, unknown> = {};
  private readonly columns: readonly Column[];
  private readonly parents: ReadonlyMap<string, Record<string, unknown>>;

  constructor(
    private readonly plan: ColumnPlan,
    private readonly today: string
  ) {
    this.columns = plan.columns;
    const parents = new Map<string, Record<string, unknown>>();
    for (const relationship of plan.relationships) parents.set(relationship, {});
    this.parents = parents;
    for (const column of plan.columns) {
      if (column.relationship === null) this.record[column.field] = null;
      else {
        const parent = parents.get(column.relationship) as Record<string, unknown>;
        this.record[column.relationship] = parent;
        parent[column.field] = null;
      }
    }
    for (const derived of plan.derivedFields) this.record[derived.field] = null;
  }

  /** Fills `record` from a row; returns what is wrong with the row, or null. */
  convert(fields: readonly string[]): string | null {
    if (fields.length !== this.plan.headers.length) {
      return `expected ${this.plan.headers.length} fields as in the header, found ${fields.length}`;
    }
    const record = this.record;
    let problems: string[] | null = null;
    const columns = this.columns;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i];
      const text = fields[column.index];
      const value = column.convert(text);
      if (value instanceof Invalid) {
        (problems ??= []).push(`${column.header} "${shown(text)}" ${value.reason}`);
      } else if (column.relationship === null) {
        record[column.field] = value;
      } else {
        (this.parents.get(column.relationship) as Record<string, unknown>)[column.field] = value;
      }
    }
    if (problems) return problems.join('; ');
    for (const derived of this.plan.derivedFields) {
      try {
        record[derived.field] = derived.formula.evaluate(record, { today: this.today });
      } catch (error) {
        return `${derived.field} cannot be computed: ${shown((error as Error).message)}`;
      }
    }
    return null;
  }
}

/** Converts one row into a new record (derived formula fields computed as of `today`). */
export function toRecord(plan: ColumnPlan, fields: readonly string[], today: string): RowResult {
  const converter = new RowConverter(plan, today);
  const problem = converter.convert(fields);
  return problem === null ? { record: converter.record } : { problem };
}

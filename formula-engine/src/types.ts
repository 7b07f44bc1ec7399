/** Salesforce field types as they appear in object metadata (`<type>` of a CustomField). */
export type SalesforceFieldType =
  | 'Text'
  | 'TextArea'
  | 'LongTextArea'
  | 'Html'
  | 'EncryptedText'
  | 'Email'
  | 'Phone'
  | 'Url'
  | 'Number'
  | 'Currency'
  | 'Percent'
  | 'Date'
  | 'DateTime'
  | 'Time'
  | 'Checkbox'
  | 'Picklist'
  | 'MultiselectPicklist'
  | 'Lookup'
  | 'MasterDetail'
  | 'Id'
  | 'AutoNumber'
  | 'Summary';

export interface FieldSchema {
  type: SalesforceFieldType | string;
  referenceTo?: string;
  relationshipName?: string;
}

/** Describes the record a formula runs against, with parent objects nested by relationship name. */
export interface ObjectSchema {
  name: string;
  fields: { [apiName: string]: FieldSchema };
  relationships?: { [relationshipName: string]: ObjectSchema };
}

export type ReturnType = 'boolean' | 'number' | 'text' | 'date' | 'datetime';

/** Types inside the engine. `null` is the type of the NULL literal, compatible with every type. */
export type FormulaType =
  | 'number'
  | 'text'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'time'
  | 'picklist'
  | 'multipicklist'
  | 'null';

/**
 * Runtime representation: number -> number|null, text/picklist/multipicklist -> string ('' is
 * blank), boolean -> boolean|null, date -> whole days since 1970-01-01|null, datetime -> epoch
 * milliseconds|null, time -> milliseconds after midnight|null.
 */
export type Value = number | string | boolean | null;

export type RecordLike = { readonly [key: string]: unknown };

/** Per-evaluation context, parsed once per distinct `env` object. */
export interface Runtime {
  readonly today: number;
  readonly now: number;
  readonly user: RecordLike | null;
  readonly profile: RecordLike | null;
  readonly userRole: RecordLike | null;
  readonly organization: RecordLike | null;
  /** Hierarchy custom setting values by setting API name, for `$Setup`. */
  readonly setup: RecordLike | null;
  /** The running user's custom permissions, lower-cased, for `$Permission`. */
  readonly permissions: ReadonlySet<string>;
}

export type Fn = (record: RecordLike, runtime: Runtime) => Value;

export interface Compiled {
  readonly type: FormulaType;
  readonly fn: Fn;
  readonly start: number;
  readonly end: number;
  /** Present when the node is a literal, so functions can demand literals and fold constants. */
  readonly literal?: { readonly value: Value };
  /**
   * Present for a Number/Currency, Checkbox or text-like field read straight off the record, so
   * operators can inline `record[key]` instead of calling the reader (the hot path of rules).
   */
  readonly direct?: string;
  /** A test of one record field against a constant, which AND/OR can run without calls. */
  readonly simple?: SimplePredicate;
  /** The API name of the field the node reads, so errors can name it as the org does. */
  readonly fieldName?: string;
}

/**
 * `op`: 0 <, 1 <=, 2 >, 3 >= (number field vs number), 4 text field === text, 5 checkbox field,
 * 6 NOT checkbox field. For values other than the expected JS type, `fallback` decides.
 */
export interface SimplePredicate {
  readonly key: string;
  readonly op: number;
  readonly value: number | string;
}

export const TYPE_LABELS: Readonly<Record<FormulaType, string>> = {
  number: 'Number',
  text: 'Text',
  boolean: 'Boolean',
  date: 'Date',
  datetime: 'DateTime',
  time: 'Time',
  picklist: 'Picklist',
  multipicklist: 'Multi-Select Picklist',
  null: 'Null'
};

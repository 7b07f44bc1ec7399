/**
 * The platform's checks of a record before it is saved (Apex Developer Guide, "Triggers and Order
 * of Execution", system validation): required fields, text lengths, restricted picklists, number
 * ranges, lookups to existing records, unique values; then the object's validation rules. Each
 * failure is a DmlError with the status code and message the platform gives.
 */
import type { FieldDescribe, ObjectDescribe } from '../metadata/schema';
import type { OrgDatabase } from '../platform/orgDatabase';
import { ApexDecimal } from '../values/decimal';
import { idKey } from '../platform/recordIds';
import { dmlError, type DmlError } from './dmlTypes';

/** System fields the platform sets; a save never writes them from the record. */
export const SYSTEM_FIELDS = new Set([
  'id',
  'isdeleted',
  'createddate',
  'createdbyid',
  'lastmodifieddate',
  'lastmodifiedbyid',
  'systemmodstamp'
]);

function textOf(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

export interface SaveCheckInput {
  object: ObjectDescribe;
  /** The values to be saved, by canonical field name (the complete record). */
  values: Readonly<Record<string, unknown>>;
  /** The record's Id when it already exists (update), for unique checks. */
  id: string | null;
}

/** Required, length, picklist, number range and lookup checks of one record. */
export function fieldErrors(database: OrgDatabase, input: SaveCheckInput): DmlError[] {
  const errors: DmlError[] = [];
  const { object, values } = input;
  const missing = object.fields.filter(
    (field) =>
      field.required &&
      !field.defaultedOnCreate &&
      (field.createable || field.masterDetail) &&
      !SYSTEM_FIELDS.has(field.name.toLowerCase()) &&
      isBlank(values[field.name])
  );
  if (missing.length > 0) {
    const names = missing.map((field) => field.name);
    errors.push(
      dmlError(
        'REQUIRED_FIELD_MISSING',
        `Required fields are missing: [${names.join(', ')}]`,
        names
      )
    );
  }
  for (const field of object.fields) {
    const value = values[field.name];
    if (value === null || value === undefined) continue;
    // The platform computes what no one may write (ExpectedRevenue from Amount): the error is
    // the written field's.
    if (!field.createable && !field.updateable) continue;
    const error = valueError(database, field, value);
    if (error) errors.push(error);
  }
  return errors;
}

function valueError(
  database: OrgDatabase,
  field: FieldDescribe,
  value: unknown
): DmlError | undefined {
  if (typeof value === 'string' && field.length !== undefined && field.apexType === 'String') {
    if (value.length > field.length) {
      return dmlError(
        'STRING_TOO_LONG',
        `${field.label}: data value too large: ${value} (max length=${field.length})`,
        [field.name]
      );
    }
  }
  if (field.restrictedPicklist && typeof value === 'string') {
    const allowed = new Set(
      field.picklistValues.filter((entry) => entry.active).map((entry) => entry.value)
    );
    const chosen = field.displayType === 'MULTIPICKLIST' ? value.split(';') : [value];
    const bad = chosen.find((choice) => !allowed.has(choice));
    if (bad !== undefined) {
      return dmlError(
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        `${field.label}: bad value for restricted picklist field: ${bad}`,
        [field.name]
      );
    }
  }
  if (value instanceof ApexDecimal && field.precision !== undefined && field.scale !== undefined) {
    const integerDigits = value
      .withScale(0, 'DOWN')
      .toPlainString()
      .replace('-', '')
      .replace(/^0$/, '').length;
    if (integerDigits > field.precision - field.scale) {
      return dmlError(
        'NUMBER_OUTSIDE_VALID_RANGE',
        `${field.label}: value outside of valid range on numeric field: ${value.toPlainString()}`,
        [field.name]
      );
    }
  }
  if (field.displayType === 'REFERENCE' && typeof value === 'string') {
    return referenceError(database, field, value);
  }
  return undefined;
}

/**
 * A lookup's value as orgs check it (the docs list no messages; these are the ones orgs print): an
 * Id of an object the lookup does not point to is FIELD_INTEGRITY_EXCEPTION "id value of incorrect
 * type", an Id of a record in the Recycle Bin is ENTITY_IS_DELETED, an Id of no record is
 * INVALID_CROSS_REFERENCE_KEY.
 */
function referenceError(
  database: OrgDatabase,
  field: FieldDescribe,
  value: string
): DmlError | undefined {
  const targetObject = database.objectOfId(value);
  const rightObject =
    targetObject !== undefined &&
    (field.referenceTo.length === 0 || field.referenceTo.includes(targetObject.name));
  if (!rightObject) {
    return dmlError(
      'FIELD_INTEGRITY_EXCEPTION',
      `${field.label}: id value of incorrect type: ${value}`,
      [field.name]
    );
  }
  const target = database.row(value);
  if (target === undefined) {
    return dmlError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [field.name]);
  }
  if (target.IsDeleted === true) return dmlError('ENTITY_IS_DELETED', 'entity is deleted');
  return undefined;
}

/**
 * Unique fields against the stored records and the other records of the same save. Text is
 * compared case-insensitively unless the field is case-sensitive.
 */
export function uniqueErrors(
  database: OrgDatabase,
  object: ObjectDescribe,
  batch: readonly SaveCheckInput[]
): Map<number, DmlError[]> {
  const errors = new Map<number, DmlError[]>();
  const unique = object.fields.filter(
    (field) => field.unique || (field.externalId && field.unique)
  );
  for (const field of unique) {
    const keyOf = (value: unknown) =>
      typeof value === 'string' && !field.caseSensitive ? value.toLowerCase() : textOf(value);
    const stored = new Map<string, string>();
    for (const row of database.rows(object.name)) {
      const value = row[field.name];
      if (!isBlank(value)) stored.set(keyOf(value), String(row.Id));
    }
    const seen = new Map<string, number>();
    batch.forEach((input, index) => {
      const value = input.values[field.name];
      if (isBlank(value)) return;
      const key = keyOf(value);
      const owner = stored.get(key);
      const clash = owner !== undefined && (input.id === null || idKey(owner) !== idKey(input.id));
      if (clash || seen.has(key)) {
        const list = errors.get(index) ?? [];
        list.push(
          dmlError(
            'DUPLICATE_VALUE',
            `duplicate value found: ${field.name} duplicates value on record with id: ${owner ?? ''}`,
            [field.name]
          )
        );
        errors.set(index, list);
      }
      seen.set(key, index);
    });
  }
  return errors;
}

/**
 * The order List.sort() puts elements in (Apex Reference, "List Class", sort): nulls first,
 * numbers by value, Strings and Ids by their characters (capitals before lower case), Dates,
 * Datetimes and Times chronologically, Booleans false first, enums by ordinal, objects of classes
 * implementing Comparable by their compareTo, sObjects in their default order (`compareRecords`).
 */
import { NotSupportedOfflineError } from '../stdlib/apexErrors';
import { compare as compareNumbers, isApexNumber } from '../stdlib/arithmetic';
import { ApexList } from '../values/collections';
import { SObjectValue } from '../values/sobject';
import { ApexDate, ApexDatetime, ApexTime } from '../values/temporal';
import type { Frame } from '../interpreter/frame';
import { callMember } from '../interpreter/dispatch';
import { ApexObject, EnumValue } from '../interpreter/objects';
import { runtimeTypeName } from '../interpreter/typeSystem';

export function compareForSort(frame: Frame, a: unknown, b: unknown): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (isApexNumber(a) && isApexNumber(b)) return compareNumbers(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof ApexDate && b instanceof ApexDate) return a.compareTo(b);
  if (a instanceof ApexDatetime && b instanceof ApexDatetime) return a.compareTo(b);
  if (a instanceof ApexTime && b instanceof ApexTime) return a.compareTo(b);
  if (a instanceof EnumValue && b instanceof EnumValue) return a.ordinal - b.ordinal;
  if (a instanceof SObjectValue && b instanceof SObjectValue) return compareRecords(frame, a, b);
  if (a instanceof ApexObject) {
    const comparable = frame.ctx.interpreter.program.classNamed('Comparable');
    if (comparable && a.cls.isSubtypeOf(comparable)) {
      return Number(callMember(frame, a, 'compareTo', [b], []));
    }
  }
  throw new NotSupportedOfflineError(`sorting ${runtimeTypeName(a)} values without Comparable`);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The default order of sObjects (Apex Developer Guide, "Sorting Lists", Default Sort Order of
 * sObjects): by the label of the object type, then the Name field, then the standard fields in
 * alphabetical order except Id and Name, then the custom fields in alphabetical order. The first
 * field whose values differ decides; a field never set counts as null.
 */
function compareRecords(frame: Frame, a: SObjectValue, b: SObjectValue): number {
  const byType = compareText(a.type.label, b.type.label) || compareText(a.type.name, b.type.name);
  if (byType !== 0) return byType;
  const nameField = a.type.nameField;
  const valueOf = (record: SObjectValue, field: string) => record.get(field) ?? null;
  if (nameField) {
    const byName = compareForSort(frame, valueOf(a, nameField), valueOf(b, nameField));
    if (byName !== 0) return byName;
  }
  const skipped = new Set(['id', nameField?.toLowerCase()]);
  const fields = new Map<string, string>();
  for (const entry of [...a.populated(), ...b.populated()]) {
    const key = entry.name.toLowerCase();
    const relationship = entry.value instanceof SObjectValue || entry.value instanceof ApexList;
    if (!skipped.has(key) && !relationship) fields.set(key, entry.name);
  }
  const ordered = [...fields.keys()].sort((x, y) => {
    const standardFirst = Number(x.endsWith('__c')) - Number(y.endsWith('__c'));
    return standardFirst || compareText(x, y);
  });
  for (const key of ordered) {
    const field = fields.get(key) as string;
    const order = compareForSort(frame, valueOf(a, field), valueOf(b, field));
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * The order List.sort() puts elements in (Apex Reference, "List Class", sort): nulls first,
 * numbers by value, Strings and Ids by their characters (capitals before lower case), Dates,
 * Datetimes and Times chronologically, Booleans false first, enums by ordinal, objects of classes
 * implementing Comparable by their compareTo.
 */
import { NotSupportedOfflineError } from '../stdlib/apexErrors';
import { compare as compareNumbers, isApexNumber } from '../stdlib/arithmetic';
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
  if (a instanceof ApexObject) {
    const comparable = frame.ctx.interpreter.program.classNamed('Comparable');
    if (comparable && a.cls.isSubtypeOf(comparable)) {
      return Number(callMember(frame, a, 'compareTo', [b], []));
    }
  }
  throw new NotSupportedOfflineError(`sorting ${runtimeTypeName(a)} values without Comparable`);
}

/**
 * `Enum.valueOf(name)` (Apex Reference, "Enum Methods"): the constant with that name, matched
 * without regard to case as the page's example `StatusCode.valueOf('delete_failed')` does. A name
 * that is no constant throws; the page does not name the exception, System.NoSuchElementException
 * is the type orgs report since Winter '22, and the message is this runtime's choice. A null name
 * gives null (the docs are silent).
 */
import { ApexRuntimeError } from '../stdlib/apexErrors';
import type { EnumValue } from './objects';

export function enumValueOf(
  typeName: string,
  constants: readonly EnumValue[],
  name: unknown
): EnumValue | null {
  if (name === null || name === undefined) return null;
  const wanted = String(name).toLowerCase();
  const constant = constants.find((candidate) => candidate.name.toLowerCase() === wanted);
  if (!constant) {
    throw new ApexRuntimeError(
      'System.NoSuchElementException',
      `No enum constant ${typeName}.${String(name)}`
    );
  }
  return constant;
}

/**
 * Roll-up summary fields: a parent's COUNT, SUM, MIN or MAX over its master-detail children,
 * optionally filtered (Salesforce Help, "Roll-Up Summary Field"). Deleted children (in the
 * recycle bin) do not count. With no matching child, COUNT and SUM are 0 and MIN and MAX blank.
 *
 * Filters compare a child's value with the filter's text by the child field's type: numbers by
 * value, checkboxes as true/false, dates by day; for a picklist the text may list several values
 * separated by commas (any of them matches), as the filter editor writes them; other text is
 * compared exactly. An empty filter value matches a blank field.
 */
import type { FieldDescribe, ObjectDescribe, RollupDescribe } from '../metadata/schema';
import { ApexDate, ApexDatetime, ApexDecimal } from '../values/primitives';
import type { StoredRow } from './dataSource';
import { valueFromText } from './fieldValues';

function comparable(value: unknown): ApexDecimal | number | undefined {
  if (value instanceof ApexDecimal) return value;
  if (typeof value === 'number') return ApexDecimal.fromInteger(value);
  if (value instanceof ApexDate) return value.epochDay;
  if (value instanceof ApexDatetime) return value.epochMs;
  return undefined;
}

function compare(a: unknown, b: unknown): number {
  const left = comparable(a);
  const right = comparable(b);
  if (left instanceof ApexDecimal && right instanceof ApexDecimal) return left.compareTo(right);
  if (typeof left === 'number' && typeof right === 'number') return Math.sign(left - right);
  throw new Error(`Cannot compare ${String(a)} with ${String(b)} in a roll-up`);
}

function sameValue(field: FieldDescribe, value: unknown, filterText: string): boolean {
  if (filterText === '') return value === null || value === undefined;
  if (value === null || value === undefined) return false;
  if (field.displayType === 'PICKLIST') {
    return filterText
      .split(',')
      .map((entry) => entry.trim())
      .includes(String(value));
  }
  if (typeof value === 'string') return value === filterText;
  const expected = valueFromText(field, filterText, `roll-up filter on ${field.name}`);
  if (typeof value === 'boolean') return value === expected;
  return compare(value, expected) === 0;
}

/** Whether a child passes the roll-up's filters. */
export function passesRollupFilters(
  rollup: RollupDescribe,
  child: ObjectDescribe,
  row: StoredRow,
  fieldOf: (object: ObjectDescribe, name: string) => FieldDescribe | undefined
): boolean {
  return rollup.filters.every((filter) => {
    const field = fieldOf(child, filter.field);
    if (!field) throw new Error(`Roll-up filter on unknown field ${child.name}.${filter.field}`);
    const equal = sameValue(field, row[field.name] ?? null, filter.value);
    return filter.operation === 'equals' ? equal : !equal;
  });
}

/** The roll-up's value over the children that belong to the parent and pass its filters. */
export function rollupValue(rollup: RollupDescribe, values: readonly unknown[]): unknown {
  switch (rollup.operation) {
    case 'count':
      return ApexDecimal.fromInteger(values.length);
    case 'sum':
      return values.reduce<ApexDecimal>((sum, value) => {
        const number = comparable(value);
        if (!(number instanceof ApexDecimal)) throw new Error('A roll-up can only sum numbers');
        return sum.add(number);
      }, ApexDecimal.ZERO);
    case 'min':
    case 'max': {
      let best: unknown = null;
      for (const value of values) {
        if (best === null) best = value;
        else {
          const order = compare(value, best);
          if (rollup.operation === 'min' ? order < 0 : order > 0) best = value;
        }
      }
      return best;
    }
  }
}

/**
 * ORDER BY (SOQL and SOSL Reference, "ORDER BY"): several keys, ASC (the default) or DESC, and
 * null values first unless NULLS LAST is written; the reference states "By default, null values
 * are sorted first", in either direction. Text sorts case-insensitively; a picklist sorts in the
 * order its values are defined, values outside the list after them (MIN and MAX use that order
 * too, the "Aggregate Functions" page says). Ties keep the order rows were
 * read in (insertion order), which the platform does not promise.
 */
import type { FieldDescribe } from '../metadata/schema';
import type { OrderItem } from './soqlAst';
import type { TypedOperand } from './conditions';
import { QueryException } from './soqlErrors';
import { compareKeys, isLongTextArea, keyOf, type ValueKey } from './valueKeys';

export interface CompiledOrder<T> {
  key: (item: T) => ValueKey | null;
  descending: boolean;
  nullsLast: boolean;
}

/**
 * A picklist value's position in the field's definition (values outside the list after them), or
 * undefined for a field that is not a picklist with values: ORDER BY, MIN and MAX use that order.
 */
export function picklistRank(
  field: FieldDescribe | undefined
): ((value: unknown) => number | null) | undefined {
  if (field?.displayType !== 'PICKLIST' || field.picklistValues.length === 0) return undefined;
  const positions = new Map(
    field.picklistValues.map((entry, index) => [entry.value.toUpperCase(), index])
  );
  const outside = field.picklistValues.length;
  return (value) =>
    typeof value === 'string' ? (positions.get(value.toUpperCase()) ?? outside) : null;
}

export function compileOrderItem<T>(item: OrderItem, operand: TypedOperand<T>): CompiledOrder<T> {
  const { field } = operand;
  if (operand.kind === 'multipicklist' || (field && isLongTextArea(field))) {
    throw new QueryException(
      `field '${operand.label}' can not be sorted in a query call`,
      item.position
    );
  }
  const rank = picklistRank(field);
  const key = rank
    ? (value: T) => rank(operand.read(value))
    : (value: T) => keyOf(operand.kind, operand.caseSensitive, operand.read(value));
  return { key, descending: item.descending, nullsLast: item.nulls === 'LAST' };
}

/** The items sorted by the keys, each key read once per item. */
export function sortByOrder<T>(items: readonly T[], order: readonly CompiledOrder<T>[]): T[] {
  if (order.length === 0) return [...items];
  const decorated = items.map((item, index) => ({
    item,
    index,
    keys: order.map((entry) => entry.key(item))
  }));
  decorated.sort((a, b) => {
    for (let i = 0; i < order.length; i++) {
      const left = a.keys[i];
      const right = b.keys[i];
      if (left === null || right === null) {
        if (left === right) continue;
        const nullFirst = order[i].nullsLast ? 1 : -1;
        return left === null ? nullFirst : -nullFirst;
      }
      const result = compareKeys(left, right);
      if (result !== 0) return order[i].descending ? -result : result;
    }
    return a.index - b.index;
  });
  return decorated.map((entry) => entry.item);
}

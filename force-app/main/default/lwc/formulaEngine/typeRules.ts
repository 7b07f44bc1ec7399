import { FormulaError } from './formulaError';
import { Compiled, Fn, FormulaType, TYPE_LABELS, Value } from './types';

/** A name that says what the user wrote: `'IF()'` for a function, `'+'` for an operator. */
export interface Operation {
  readonly label: string;
  readonly kind: 'function' | 'operator';
}

export function picklistError(node: Compiled): FormulaError {
  return new FormulaError(
    `${TYPE_LABELS[node.type]} values are only supported in ISPICKVAL, CASE, TEXT, ISBLANK and ISNULL (INCLUDES for multi-select)`,
    node.start,
    node.end
  );
}

export function typeError(
  operation: Operation,
  node: Compiled,
  expected: readonly FormulaType[]
): FormulaError {
  if (node.type === 'picklist' || node.type === 'multipicklist') {
    if (!expected.includes('picklist') && !expected.includes('multipicklist')) {
      return picklistError(node);
    }
  }
  const labels = expected.map((type) => TYPE_LABELS[type]);
  const list =
    labels.length <= 1
      ? labels.join('')
      : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
  return new FormulaError(
    `Incorrect parameter type for ${operation.kind} '${operation.label}'. Expected ${list}, received ${TYPE_LABELS[node.type]}`,
    node.start,
    node.end
  );
}

/** Throws unless `node` has one of `allowed`; the NULL literal fits every type. */
export function requireType(
  operation: Operation,
  node: Compiled,
  allowed: readonly FormulaType[]
): void {
  if (node.type !== 'null' && !allowed.includes(node.type)) {
    throw typeError(operation, node, allowed);
  }
}

const blankText: Fn = () => '';
const blankValue: Fn = () => null;

/** The closure of `node` as the given type: a NULL literal becomes '' for text, null otherwise. */
export function valueOf(node: Compiled, as: FormulaType): Fn {
  if (node.type !== 'null') return node.fn;
  return as === 'text' || as === 'picklist' || as === 'multipicklist' ? blankText : blankValue;
}

/**
 * The common type of IF/CASE/BLANKVALUE results. Number, Currency and Percent are all `number`;
 * picklists cannot be a result (Salesforce requires TEXT() around them).
 */
export function unify(operation: Operation, nodes: readonly Compiled[]): FormulaType {
  let type: FormulaType = 'null';
  for (const node of nodes) {
    if (node.type === 'picklist' || node.type === 'multipicklist') throw picklistError(node);
    if (node.type === 'null') continue;
    if (type === 'null') type = node.type;
    else if (node.type !== type) throw typeError(operation, node, [type]);
  }
  return type;
}

export function literal(type: FormulaType, value: Value, start: number, end: number): Compiled {
  return { type, fn: () => value, start, end, literal: { value } };
}

const RELATIVE_EPSILON = 1e-12;

/**
 * Salesforce computes with decimals, JavaScript with doubles: 0.1 + 0.2 is 0.3 in the org and
 * 0.30000000000000004 here. Numbers closer than 1e-12 relative are therefore equal.
 */
export function numbersEqual(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= RELATIVE_EPSILON * Math.max(Math.abs(a), Math.abs(b));
}

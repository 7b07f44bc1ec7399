import { FormulaError } from './formulaError';
import { Compiled, Fn, FormulaType, TYPE_LABELS, Value } from './types';

/** A name that says what the user wrote: `'IF()'` for a function, `'+'` for an operator. */
export interface Operation {
  readonly label: string;
  readonly kind: 'function' | 'operator';
}

/**
 * The org's message for a picklist outside ISPICKVAL, CASE and TEXT, or a multi-select picklist
 * outside INCLUDES, ISBLANK and ISNULL (Salesforce Help, "Tips for Working with Picklist and
 * Multi-Select Picklist Values in Formulas"), e.g. "Field Industry is a picklist field. Picklist
 * fields are only supported in certain functions." The field is named by its API name, without
 * the relationship path (`Account.Industry` -> Industry).
 */
export function picklistError(node: Compiled): FormulaError {
  const [kind, plural] =
    node.type === 'multipicklist'
      ? ['a multi-select picklist', 'Multi-select picklist']
      : ['a picklist', 'Picklist'];
  const subject = node.fieldName === undefined ? 'This value' : `Field ${node.fieldName}`;
  return new FormulaError(
    `${subject} is ${kind} field. ${plural} fields are only supported in certain functions.`,
    node.start,
    node.end
  );
}

export function typeError(
  operation: Operation,
  node: Compiled,
  expected: readonly FormulaType[]
): FormulaError {
  if (
    (node.type === 'picklist' || node.type === 'multipicklist') &&
    !expected.includes(node.type)
  ) {
    return picklistError(node);
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

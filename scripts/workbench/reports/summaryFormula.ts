/**
 * Custom summary formulas of a report (ReportAggregate.calculatedFormula): arithmetic over the
 * report's summaries, such as `Skill_Assessment__c$Target_Score__c:AVG - Skill_Assessment__c$Score__c:AVG`
 * or `Opportunity$Amount:SUM / RowCount`. A blank operand or a division by zero gives a blank,
 * as the report shows it. Any other function or token is refused with the formula quoted.
 */
import type { SummaryType } from './reportMetadata';

export class SummaryFormulaError extends Error {}

export interface SummaryReference {
  /** Null for RowCount. */
  column: string | null;
  type: SummaryType | 'RowCount';
}

type Node =
  | { kind: 'number'; value: number }
  | { kind: 'ref'; ref: SummaryReference }
  | { kind: 'negate'; operand: Node }
  | { kind: 'binary'; operator: string; left: Node; right: Node };

const TYPES: Readonly<Record<string, SummaryType>> = {
  SUM: 'Sum',
  AVG: 'Average',
  MAX: 'Maximum',
  MIN: 'Minimum',
  UNIQUE: 'Unique'
};

const MAX_FORMULA_LENGTH = 3900;

export interface CompiledSummaryFormula {
  references: SummaryReference[];
  evaluate(valueOf: (reference: SummaryReference) => number | null): number | null;
}

export function compileSummaryFormula(formula: string): CompiledSummaryFormula {
  if (formula.length > MAX_FORMULA_LENGTH) throw new SummaryFormulaError('the formula is too long');
  const tokens = formula.match(/\d+(?:\.\d+)?|[A-Za-z_][\w$.]*(?::[A-Za-z]+)?|\S/g) ?? [];
  let position = 0;
  const references: SummaryReference[] = [];
  const fail = (what: string): never => {
    throw new SummaryFormulaError(`"${formula}": ${what}`);
  };
  // Each level consumes a token before it recurses: the depth is bounded by the token count.
  const primary = (): Node => {
    const token = tokens[position];
    if (token === undefined) return fail('ends too early');
    position += 1;
    if (token === '(') {
      const inner = sum();
      if (tokens[position] !== ')') fail('a ")" is missing');
      position += 1;
      return inner;
    }
    if (token === '-') return { kind: 'negate', operand: primary() };
    if (/^\d/.test(token)) return { kind: 'number', value: Number(token) };
    if (token.toLowerCase() === 'rowcount') {
      const ref: SummaryReference = { column: null, type: 'RowCount' };
      references.push(ref);
      return { kind: 'ref', ref };
    }
    const match = /^(.+):([A-Za-z]+)$/.exec(token);
    const type = match ? TYPES[match[2].toUpperCase()] : undefined;
    if (!match || !type)
      return fail(
        `"${token}" is not a summary (Column:SUM, :AVG, :MAX, :MIN, :UNIQUE or RowCount)`
      );
    const ref: SummaryReference = { column: match[1], type };
    references.push(ref);
    return { kind: 'ref', ref };
  };
  const product = (): Node => {
    let left = primary();
    while (tokens[position] === '*' || tokens[position] === '/') {
      const operator = tokens[position];
      position += 1;
      left = { kind: 'binary', operator, left, right: primary() };
    }
    return left;
  };
  const sum = (): Node => {
    let left = product();
    while (tokens[position] === '+' || tokens[position] === '-') {
      const operator = tokens[position];
      position += 1;
      left = { kind: 'binary', operator, left, right: product() };
    }
    return left;
  };
  const root = sum();
  if (position !== tokens.length) fail(`unexpected "${tokens[position]}"`);

  const evaluate = (
    node: Node,
    valueOf: (reference: SummaryReference) => number | null
  ): number | null => {
    switch (node.kind) {
      case 'number':
        return node.value;
      case 'ref':
        return valueOf(node.ref);
      case 'negate': {
        const value = evaluate(node.operand, valueOf);
        return value === null ? null : -value;
      }
      case 'binary': {
        const left = evaluate(node.left, valueOf);
        const right = evaluate(node.right, valueOf);
        if (left === null || right === null) return null;
        if (node.operator === '+') return left + right;
        if (node.operator === '-') return left - right;
        if (node.operator === '*') return left * right;
        return right === 0 ? null : left / right;
      }
    }
  };
  return { references, evaluate: (valueOf) => evaluate(root, valueOf) };
}

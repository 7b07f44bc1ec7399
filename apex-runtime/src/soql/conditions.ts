/**
 * WHERE and HAVING, compiled once per execution into closures: each comparison resolves its field,
 * evaluates its binds and prepares its value before the first row, so that a row costs a field
 * read and a key comparison (SOQL and SOSL Reference, "Comparison Operators", "Date Formats and
 * Date Literals in WHERE").
 *
 * Null semantics (the reference shows `= null` and `!= null`; the rest is a choice, pinned by
 * tests): `=`, `<`, `<=`, `>`, `>=`, LIKE, IN and INCLUDES are false on a null field unless the
 * value is null (or the IN list holds null); `!=`, NOT IN and EXCLUDES are true on a null field
 * unless the value is null.
 */
import { ApexDate, ApexDatetime, ApexTime } from '../values/temporal';
import {
  boundElements,
  boundValue,
  checkOperator,
  TYPE_NAMES,
  valueFor,
  type TypedOperand
} from './comparisonValues';
import { dateLiteralRange, type DayRange } from './dateLiterals';
import type { ExecutionContext } from './executionContext';
import type {
  ComparisonOperator,
  Condition,
  Operand,
  SoqlSubquery,
  SoqlValue,
  SourcePosition
} from './soqlAst';
import { NotSupportedOfflineError, QueryException } from './soqlErrors';
import {
  apexTypeNameOf,
  compareKeys,
  keyOf,
  keyText,
  likeRegExp,
  likeRegExpOfBoundText,
  multipicklistValues,
  type ValueKey
} from './valueKeys';

export type { TypedOperand } from './comparisonValues';

/** Where a condition is compiled: how operands read items, and how semi-joins run. */
export interface ConditionScope<T> {
  ctx: ExecutionContext;
  operand(operand: Operand): TypedOperand<T>;
  /** The Id keys (15 characters) a semi-join sub-query selects, computed at first use. */
  semiJoin(query: SoqlSubquery, position: SourcePosition): () => ReadonlySet<string>;
}

export type Predicate<T> = (item: T) => boolean;

export function compileCondition<T>(condition: Condition, scope: ConditionScope<T>): Predicate<T> {
  switch (condition.kind) {
    case 'and': {
      const operands = condition.operands.map((operand) => compileCondition(operand, scope));
      return (item) => operands.every((operand) => operand(item));
    }
    case 'or': {
      const operands = condition.operands.map((operand) => compileCondition(operand, scope));
      return (item) => operands.some((operand) => operand(item));
    }
    case 'not': {
      const operand = compileCondition(condition.operand, scope);
      return (item) => !operand(item);
    }
    case 'unsupported':
      throw new NotSupportedOfflineError(condition.what, condition.position);
    case 'comparison':
      return compileComparison(
        condition.left,
        condition.operator,
        condition.right,
        scope,
        condition.position
      );
  }
}

function compileComparison<T>(
  left: Operand,
  operator: ComparisonOperator,
  right: SoqlValue,
  scope: ConditionScope<T>,
  position: SourcePosition
): Predicate<T> {
  const operand = scope.operand(left);
  checkOperator(operator, operand, position);
  const { kind, caseSensitive, read } = operand;
  const keyOfItem = (item: T) => keyOf(kind, caseSensitive, read(item));

  if (right.kind === 'subquery') {
    if (operator !== 'IN' && operator !== 'NOT IN') {
      throw new QueryException('a semi-join sub-query needs IN or NOT IN', right.position);
    }
    if (kind !== 'id') {
      throw new QueryException(
        `semi-join sub-selects can only be used with Id or reference fields: ${operand.label}`,
        right.position
      );
    }
    const ids = scope.semiJoin(right.query, right.position);
    const wanted = operator === 'IN';
    return (item) => {
      const key = keyOfItem(item);
      return key === null ? !wanted : ids().has(key as string) === wanted;
    };
  }

  if (right.kind === 'dateLiteral') {
    return compileDateLiteral(operand, operator, right, scope);
  }

  if (operator === 'IN' || operator === 'NOT IN') {
    return compileIn(operand, operator, right, scope);
  }

  if (operator === 'INCLUDES' || operator === 'EXCLUDES') {
    return compileIncludes(operand, operator, right, scope);
  }

  if (operator === 'LIKE') {
    const matcher = likeMatcher(operand, right, scope);
    if (!matcher) return () => false;
    return (item) => {
      const value = read(item);
      return typeof value === 'string' && matcher.test(value);
    };
  }

  const value = valueFor(right, operand, operator, scope.ctx);
  const target = keyOf(kind, caseSensitive, value);
  if (target === null) {
    if (operator === '=') return (item) => keyOfItem(item) === null;
    if (operator === '!=') return (item) => keyOfItem(item) !== null;
    return () => false;
  }
  return scalarPredicate(operator, target, keyOfItem);
}

function scalarPredicate<T>(
  operator: ComparisonOperator,
  target: ValueKey,
  keyOfItem: (item: T) => ValueKey | null
): Predicate<T> {
  const compare = (item: T): number | null => {
    const key = keyOfItem(item);
    return key === null ? null : compareKeys(key, target);
  };
  switch (operator) {
    case '=':
      return (item) => compare(item) === 0;
    case '!=':
      return (item) => compare(item) !== 0;
    case '<':
      return (item) => (compare(item) ?? 0) < 0;
    case '<=':
      return (item) => {
        const result = compare(item);
        return result !== null && result <= 0;
      };
    case '>':
      return (item) => (compare(item) ?? 0) > 0;
    case '>=':
      return (item) => {
        const result = compare(item);
        return result !== null && result >= 0;
      };
    default:
      throw new Error(`unexpected scalar operator ${operator}`);
  }
}

function compileIn<T>(
  operand: TypedOperand<T>,
  operator: ComparisonOperator,
  right: SoqlValue,
  scope: ConditionScope<T>
): Predicate<T> {
  let values: unknown[];
  if (right.kind === 'list') {
    values = right.values.map((value) => {
      if (value.kind === 'dateLiteral' || value.kind === 'list' || value.kind === 'subquery') {
        throw new NotSupportedOfflineError(`a ${value.kind} inside an IN list`, value.position);
      }
      return valueFor(value, operand, operator, scope.ctx);
    });
  } else if (right.kind === 'bind') {
    const bound = scope.ctx.bindValue(right);
    const elements = boundElements(bound);
    if (!elements) {
      throw new NotSupportedOfflineError(
        `${operator} with a bound ${apexTypeNameOf(bound)}; bind a List or Set`,
        right.position
      );
    }
    values = elements.map((element) => boundValue(element, operand, right.position));
  } else {
    throw new QueryException(
      `${operator} needs a list of values, a bind or a sub-query`,
      right.position
    );
  }
  const keys = new Set<string | number>();
  let hasNull = false;
  for (const value of values) {
    const key = keyOf(operand.kind, operand.caseSensitive, value);
    if (key === null) hasNull = true;
    else keys.add(keyText(key));
  }
  const wanted = operator === 'IN';
  return (item) => {
    const key = keyOf(operand.kind, operand.caseSensitive, operand.read(item));
    const found = key === null ? hasNull : keys.has(keyText(key));
    return found === wanted;
  };
}

function compileIncludes<T>(
  operand: TypedOperand<T>,
  operator: ComparisonOperator,
  right: SoqlValue,
  scope: ConditionScope<T>
): Predicate<T> {
  let entries: unknown[];
  if (right.kind === 'list') {
    entries = right.values.map((value) => valueFor(value, operand, operator, scope.ctx));
  } else if (right.kind === 'bind') {
    const bound = scope.ctx.bindValue(right);
    entries = (boundElements(bound) ?? [bound]).map((entry) =>
      boundValue(entry, operand, right.position)
    );
  } else {
    entries = [valueFor(right, operand, operator, scope.ctx)];
  }
  // `'a;b'` asks for both values; the entries of the list are alternatives.
  const alternatives = entries
    .filter((entry): entry is string => typeof entry === 'string')
    .map(multipicklistValues);
  const wanted = operator === 'INCLUDES';
  return (item) => {
    const value = operand.read(item);
    if (typeof value !== 'string') return !wanted;
    const selected = new Set(multipicklistValues(value));
    const found = alternatives.some((values) => values.every((part) => selected.has(part)));
    return found === wanted;
  };
}

function likeMatcher<T>(
  operand: TypedOperand<T>,
  right: SoqlValue,
  scope: ConditionScope<T>
): RegExp | undefined {
  if (right.kind === 'string') return likeRegExp(right.value, new Set(right.escapedWildcards));
  if (right.kind === 'bind') {
    const value = boundValue(scope.ctx.bindValue(right), operand, right.position);
    return typeof value === 'string' ? likeRegExpOfBoundText(value) : undefined;
  }
  if (right.kind === 'null') return undefined;
  throw new QueryException(`LIKE needs a quoted pattern: ${operand.label}`, right.position);
}

/** The range of a date literal in the operand's units: days, or milliseconds in the user's zone. */
function literalBounds<T>(operand: TypedOperand<T>, range: DayRange, ctx: ExecutionContext) {
  if (operand.kind === 'date') return [range.start, range.end];
  const midnight = new ApexTime(0);
  const instant = (day: number) =>
    ApexDatetime.ofLocal(new ApexDate(day), midnight, ctx.env.timeZone).epochMs;
  return [instant(range.start), instant(range.end)];
}

function compileDateLiteral<T>(
  operand: TypedOperand<T>,
  operator: ComparisonOperator,
  literal: Extract<SoqlValue, { kind: 'dateLiteral' }>,
  scope: ConditionScope<T>
): Predicate<T> {
  if (operand.kind !== 'date' && operand.kind !== 'datetime') {
    throw new QueryException(
      `date literal ${literal.text} compared with the ${TYPE_NAMES[operand.kind]} field ${operand.label}`,
      literal.position
    );
  }
  const range = dateLiteralRange(literal.name, literal.n, scope.ctx.calendar);
  const [start, end] = literalBounds(operand, range, scope.ctx);
  const keyOfItem = (item: T) => keyOf(operand.kind, false, operand.read(item)) as number | null;
  switch (operator) {
    case '=':
      return (item) => {
        const key = keyOfItem(item);
        return key !== null && key >= start && key < end;
      };
    case '!=':
      return (item) => {
        const key = keyOfItem(item);
        return key === null || key < start || key >= end;
      };
    case '<':
      return (item) => (keyOfItem(item) ?? end) < start;
    case '<=':
      return (item) => (keyOfItem(item) ?? end) < end;
    case '>':
      return (item) => (keyOfItem(item) ?? start - 1) >= end;
    case '>=':
      return (item) => (keyOfItem(item) ?? start - 1) >= start;
    default:
      throw new NotSupportedOfflineError(
        `${operator} with the date literal ${literal.text}`,
        literal.position
      );
  }
}

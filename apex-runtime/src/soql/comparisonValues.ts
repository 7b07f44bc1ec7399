/**
 * The values comparisons compare against: literals checked against the field's type as SOQL checks
 * them, and bound Apex values converted as binds convert (an SObject stands for its Id, a List or
 * Set for its elements). Messages follow the platform's where it has one.
 */
import type { FieldDescribe } from '../metadata/schema';
import { ApexList, ApexSet } from '../values/collections';
import { ApexDecimal } from '../values/decimal';
import { SObjectValue } from '../values/sobject';
import { ApexDate, ApexDatetime } from '../values/temporal';
import type { ExecutionContext } from './executionContext';
import type { ComparisonOperator, SoqlValue, SourcePosition } from './soqlAst';
import { NotSupportedOfflineError, QueryException } from './soqlErrors';
import { apexTypeNameOf, isIdText, valueFitsKind, type ValueKind } from './valueKeys';

/** A value a condition or ordering reads from a row (or, in HAVING, from a group). */
export interface TypedOperand<T> {
  read(item: T): unknown;
  kind: ValueKind;
  caseSensitive: boolean;
  /** The field or function as written, for messages. */
  label: string;
  field?: FieldDescribe;
}

export const TYPE_NAMES: Record<ValueKind, string> = {
  id: 'id',
  string: 'string',
  multipicklist: 'string',
  boolean: 'boolean',
  number: 'double',
  date: 'date',
  datetime: 'dateTime',
  time: 'time',
  other: 'anyType'
};

function filterTypeError<T>(operand: TypedOperand<T>, position: SourcePosition) {
  const name = TYPE_NAMES[operand.kind];
  const quotes = ['id', 'string', 'multipicklist'].includes(operand.kind)
    ? 'should be enclosed in quotes'
    : 'should not be enclosed in quotes';
  return new QueryException(
    `value of filter criterion for field '${operand.label}' must be of type ${name} and ${quotes}`,
    position
  );
}

export function checkOperator<T>(
  operator: ComparisonOperator,
  operand: TypedOperand<T>,
  position: SourcePosition
): void {
  const multipicklistOperators: ComparisonOperator[] = ['=', '!=', 'INCLUDES', 'EXCLUDES'];
  if ((operator === 'INCLUDES' || operator === 'EXCLUDES') && operand.kind !== 'multipicklist') {
    throw new QueryException(
      `${operator} can only be used on multi-select picklist fields: ${operand.label}`,
      position
    );
  }
  if (operand.kind === 'multipicklist' && !multipicklistOperators.includes(operator)) {
    throw new QueryException(
      `invalid operator on multipicklist field: ${operator} on ${operand.label}`,
      position
    );
  }
  if (operator === 'LIKE' && operand.kind !== 'string') {
    throw new QueryException(
      `invalid operator on ${TYPE_NAMES[operand.kind]} field: LIKE on ${operand.label}`,
      position
    );
  }
}

/** A literal or bound value as a runtime value of the operand's type, checked as SOQL checks it. */
export function valueFor<T>(
  value: SoqlValue,
  operand: TypedOperand<T>,
  operator: ComparisonOperator,
  ctx: ExecutionContext
): unknown {
  const { kind } = operand;
  switch (value.kind) {
    case 'null':
      return null;
    case 'bind': {
      const bound = ctx.bindValue(value);
      if (boundElements(bound)) {
        throw new NotSupportedOfflineError(
          `${operator} with a bound ${apexTypeNameOf(bound)}; use IN`,
          value.position
        );
      }
      return boundValue(bound, operand, value.position);
    }
    case 'number':
      if (kind !== 'number') throw filterTypeError(operand, value.position);
      try {
        return ApexDecimal.parse(value.text);
      } catch {
        // `1.5d`: the Apex lexer's number literal takes a suffix that SOQL does not.
        throw new QueryException(`invalid number: ${value.text}`, value.position);
      }
    case 'string':
      if (kind !== 'string' && kind !== 'id' && kind !== 'multipicklist') {
        throw filterTypeError(operand, value.position);
      }
      if (value.escapedWildcards.length > 0 && operator !== 'LIKE') {
        throw new QueryException(
          `invalid escape sequence in '${value.value}': \\% and \\_ are only valid in LIKE patterns`,
          value.position
        );
      }
      return checkedId(kind, value.value, value.position);
    case 'boolean':
      if (kind !== 'boolean') throw filterTypeError(operand, value.position);
      return value.value;
    case 'date':
    case 'datetime':
    case 'time':
      if (kind !== value.kind) {
        throw new QueryException(
          `value of filter criterion for field '${operand.label}' must be of type ` +
            `${TYPE_NAMES[kind]}: ${value.text} is a ${TYPE_NAMES[value.kind]}`,
          value.position
        );
      }
      return value.value;
    case 'unsupported':
      throw new NotSupportedOfflineError(value.what, value.position);
    case 'dateLiteral':
    case 'list':
    case 'subquery':
      throw new QueryException(`unexpected ${value.kind} for ${operator}`, value.position);
  }
}

function checkedId(kind: ValueKind, value: string, position: SourcePosition): string {
  if (kind === 'id' && !isIdText(value)) {
    throw new QueryException(`invalid ID field: ${value}`, position);
  }
  return value;
}

/** A bound value, converted as Apex binds convert: an SObject stands for its Id. */
export function boundValue<T>(
  value: unknown,
  operand: TypedOperand<T>,
  position: SourcePosition
): unknown {
  if (value === null || value === undefined) return null;
  const { kind } = operand;
  if (value instanceof SObjectValue && kind === 'id') return value.id;
  if (
    (kind === 'date' && value instanceof ApexDatetime) ||
    (kind === 'datetime' && value instanceof ApexDate)
  ) {
    throw new NotSupportedOfflineError(
      `comparing the ${TYPE_NAMES[kind]} field ${operand.label} with a bound ` +
        `${apexTypeNameOf(value)}; convert the bind first`,
      position
    );
  }
  if (!valueFitsKind(kind, value)) {
    throw new QueryException(
      `Invalid bind expression type of ${apexTypeNameOf(value)} for column of type ` +
        `${operand.field?.apexType ?? TYPE_NAMES[kind]}`,
      position
    );
  }
  return typeof value === 'string' ? checkedId(kind, value, position) : value;
}

/** The elements of a bound collection, or undefined when the value is not a List or Set. */
export function boundElements(value: unknown): unknown[] | undefined {
  if (value instanceof ApexList) return value.items;
  if (value instanceof ApexSet) return value.values();
  return undefined;
}

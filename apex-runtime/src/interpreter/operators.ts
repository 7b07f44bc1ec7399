/**
 * Apex's binary and unary operators over run-time values (Apex Developer Guide, "Expression
 * Operators"): `+` concatenates when either side is a String, adds days to Dates and Datetimes,
 * adds numbers in the widest numeric type of the two; comparisons with a null number, date or
 * datetime are false, a non-null String is greater than null, Strings compare case-insensitively.
 */
import { ApexDecimal } from '../values/decimal';
import { ApexDouble, toInt32, toInt64 } from '../values/primitives';
import { ApexDate, ApexDatetime, ApexTime } from '../values/temporal';
import { apexEquals } from '../values/equality';
import { toId18 } from '../values/ids';
import { ApexRuntimeError } from '../stdlib/apexErrors';
import type { BinaryOperator } from '../parse/ast';
import * as arithmetic from '../stdlib/arithmetic';
import type { ApexNumber } from '../stdlib/arithmetic';

const MS_PER_DAY = 86_400_000;

export function nullPointer(): ApexRuntimeError {
  return new ApexRuntimeError(
    'System.NullPointerException',
    'Attempt to de-reference a null object'
  );
}

function isNumber(value: unknown): boolean {
  return (
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    value instanceof ApexDecimal ||
    value instanceof ApexDouble
  );
}

function wholeDays(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof ApexDecimal) return Number(value.truncated());
  if (value instanceof ApexDouble) return Math.trunc(value.value);
  throw nullPointer();
}

function fractionalDays(value: unknown): number {
  if (value instanceof ApexDecimal) return value.toNumber();
  if (value instanceof ApexDouble) return value.value;
  return wholeDays(value);
}

/**
 * `a + b`. `stringContext` is true when either operand's declared type is String, so that
 * `null + null` of two String variables concatenates to 'nullnull' as in Apex.
 */
export function plus(
  a: unknown,
  b: unknown,
  stringContext: boolean,
  toText: (v: unknown) => string
): unknown {
  if (stringContext || typeof a === 'string' || typeof b === 'string') return toText(a) + toText(b);
  if (a === null || b === null) throw nullPointer();
  if (a instanceof ApexDate) return a.addDays(wholeDays(b));
  if (a instanceof ApexDatetime)
    return new ApexDatetime(a.epochMs + Math.round(fractionalDays(b) * MS_PER_DAY));
  if (a instanceof ApexTime) return new ApexTime(a.millisOfDay + wholeDays(b));
  return arithmetic.add(a as ApexNumber, b as ApexNumber);
}

export function minus(a: unknown, b: unknown): unknown {
  if (a === null || b === null) throw nullPointer();
  if (a instanceof ApexDate) return a.addDays(-wholeDays(b));
  if (a instanceof ApexDatetime)
    return new ApexDatetime(a.epochMs - Math.round(fractionalDays(b) * MS_PER_DAY));
  if (a instanceof ApexTime) return new ApexTime(a.millisOfDay - wholeDays(b));
  return arithmetic.subtract(a as ApexNumber, b as ApexNumber);
}

function compareText(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  return left < right ? -1 : left > right ? 1 : 0;
}

/** `<`, `<=`, `>`, `>=`; never null. */
export function relational(op: '<' | '<=' | '>' | '>=', a: unknown, b: unknown): boolean {
  let order: number;
  if (a === null || a === undefined || b === null || b === undefined) {
    const aText = typeof a === 'string';
    const bText = typeof b === 'string';
    if (!aText && !bText) return false;
    // A non-null String or Id is greater than null.
    order = a === null || a === undefined ? (b === null || b === undefined ? 0 : -1) : 1;
  } else if (typeof a === 'string' && typeof b === 'string') {
    order = compareText(a, b);
  } else if (isNumber(a) && isNumber(b)) {
    order = arithmetic.compare(a as ApexNumber, b as ApexNumber);
  } else if (a instanceof ApexDate && b instanceof ApexDate) {
    order = a.compareTo(b);
  } else if (a instanceof ApexDatetime && b instanceof ApexDatetime) {
    order = a.compareTo(b);
  } else if (a instanceof ApexTime && b instanceof ApexTime) {
    order = a.compareTo(b);
  } else {
    throw new ApexRuntimeError(
      'System.TypeException',
      `Comparison arguments must be compatible types`
    );
  }
  switch (op) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

function asInteger(value: unknown): number | bigint {
  if (typeof value === 'number' || typeof value === 'bigint') return value;
  if (value === null || value === undefined) throw nullPointer();
  throw new ApexRuntimeError('System.TypeException', 'Bitwise operands must be Integer or Long');
}

function bitwise(op: '&' | '|' | '^' | '<<' | '>>' | '>>>', a: unknown, b: unknown): unknown {
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    if (op === '&') return a && b;
    if (op === '|') return a || b;
    if (op === '^') return a !== b;
  }
  const left = asInteger(a);
  const right = asInteger(b);
  if (typeof left === 'number' && typeof right === 'number') {
    switch (op) {
      case '&':
        return left & right;
      case '|':
        return left | right;
      case '^':
        return left ^ right;
      case '<<':
        return toInt32(left << right);
      case '>>':
        return left >> right;
      case '>>>':
        return toInt32(left >>> right);
    }
  }
  const x = BigInt(left);
  const y = BigInt(right);
  switch (op) {
    case '&':
      return x & y;
    case '|':
      return x | y;
    case '^':
      return x ^ y;
    case '<<':
      return toInt64(x << (y & 63n));
    case '>>':
      return x >> (y & 63n);
    case '>>>':
      return toInt64(BigInt.asUintN(64, x) >> (y & 63n));
  }
}

/** Every binary operator except `+` (which needs the string context) and the logical ones. */
export function binary(op: BinaryOperator, a: unknown, b: unknown): unknown {
  switch (op) {
    case '-':
      return minus(a, b);
    case '*':
      if (a === null || b === null) throw nullPointer();
      return arithmetic.multiply(a as ApexNumber, b as ApexNumber);
    case '/':
      if (a === null || b === null) throw nullPointer();
      return arithmetic.divide(a as ApexNumber, b as ApexNumber);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return relational(op, a, b);
    case '==':
      return apexEquals(a, b);
    case '!=':
      return !apexEquals(a, b);
    case '===':
      return exactlyEqual(a, b);
    case '!==':
      return !exactlyEqual(a, b);
    case '&':
    case '|':
    case '^':
    case '<<':
    case '>>':
    case '>>>':
      return bitwise(op, a, b);
    case '+':
      throw new Error('plus() handles +');
  }
}

/**
 * `==` when either operand is declared as an Id (Apex Developer Guide, "Expression Operators"):
 * Ids compare case-sensitively whether written with 15 or 18 characters, and a String compared
 * with an Id is validated and treated as an Id (an invalid one is a StringException).
 */
export function idEquals(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return apexEquals(a, b);
  return asId(a) === asId(b);
}

function asId(text: string): string {
  const id = toId18(text);
  if (id === undefined) throw new ApexRuntimeError('System.StringException', `Invalid id: ${text}`);
  return id;
}

/** `===`: the same object, or equal primitive values. */
function exactlyEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof ApexDecimal || a instanceof ApexDouble || a instanceof ApexDate)
    return apexEquals(a, b);
  return false;
}

export function negate(value: unknown): unknown {
  if (value === null || value === undefined) throw nullPointer();
  return arithmetic.negate(value as ApexNumber);
}

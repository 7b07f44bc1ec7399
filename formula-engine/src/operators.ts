import { MS_PER_DAY } from './calendar';
import { FormulaError } from './formulaError';
import {
  checkedDate,
  checkedDateTime,
  checkedText,
  MAX_TEXT_VALUE_LENGTH,
  overflow
} from './limits';
import { literal, numbersEqual, Operation, requireType, typeError, valueOf } from './typeRules';
import { Compiled, Fn, FormulaType, RecordLike, Runtime, SimplePredicate } from './types';

type NumFn = (record: RecordLike, runtime: Runtime) => number | null;
type TextFn = (record: RecordLike, runtime: Runtime) => string;
type BoolFn = (record: RecordLike, runtime: Runtime) => boolean | null;

const ORDERABLE: readonly FormulaType[] = ['number', 'date', 'datetime', 'time'];
const EQUATABLE: readonly FormulaType[] = ['number', 'text', 'boolean', 'date', 'datetime', 'time'];

function op(label: string): Operation {
  return { label, kind: 'operator' };
}

function runtimeError(message: string, node: { start: number; end: number }): FormulaError {
  return new FormulaError(message, node.start, node.end, 'runtime');
}

export function compileUnary(
  operator: string,
  operand: Compiled,
  start: number,
  end: number
): Compiled {
  if (operator === '!') {
    requireType(op('!'), operand, ['boolean']);
    if (operand.direct !== undefined)
      return { type: 'boolean', fn: notField(operand.direct), start, end };
    const value = valueOf(operand, 'boolean') as BoolFn;
    return {
      type: 'boolean',
      fn: (r, rt) => {
        const v = value(r, rt);
        return v === null ? null : !v;
      },
      start,
      end
    };
  }
  requireType(op(operator), operand, ['number']);
  if (operand.literal !== undefined && typeof operand.literal.value === 'number') {
    const v = operand.literal.value;
    return literal('number', operator === '-' ? -v : v, start, end);
  }
  const value = valueOf(operand, 'number') as NumFn;
  if (operator === '+') return { type: 'number', fn: value, start, end };
  return {
    type: 'number',
    fn: (r, rt) => {
      const v = value(r, rt);
      return v === null ? null : -v;
    },
    start,
    end
  };
}

/** Compiles `left <op> right`; `span` covers the operator for error messages. */
export function compileBinary(
  operator: string,
  left: Compiled,
  right: Compiled,
  span: { start: number; end: number }
): Compiled {
  const start = left.start;
  const end = right.end;
  switch (operator) {
    case '+':
      return add(left, right, start, end);
    case '-':
      return subtract(left, right, start, end);
    case '*':
    case '/':
    case '^':
      return arithmetic(operator, left, right, span, start, end);
    case '&':
      return concatenate(left, right, start, end);
    case '&&':
    case '||':
      return logical(operator, left, right, start, end);
    default:
      return compare(operator, left, right, start, end);
  }
}

function numeric(node: Compiled): NumFn {
  return valueOf(node, 'number') as NumFn;
}

function effectiveType(node: Compiled, other: Compiled): FormulaType {
  return node.type === 'null' ? (other.type === 'null' ? 'number' : other.type) : node.type;
}

function add(left: Compiled, right: Compiled, start: number, end: number): Compiled {
  const operation = op('+');
  const allowed: FormulaType[] = ['number', 'date', 'datetime', 'time', 'text'];
  requireType(operation, left, allowed);
  requireType(operation, right, allowed);
  const lt = effectiveType(left, right);
  const rt = effectiveType(right, left);
  if (lt === 'text' || rt === 'text') {
    if (lt !== rt) throw typeError(operation, lt === 'text' ? right : left, ['text']);
    return concatenate(left, right, start, end);
  }
  if (lt === 'number' && rt === 'number') {
    const a = numeric(left);
    const b = numeric(right);
    const span = { start, end };
    return {
      type: 'number',
      fn: (r, e) => {
        const x = a(r, e);
        if (x === null) return null;
        const y = b(r, e);
        if (y === null) return null;
        const sum = x + y;
        if (sum - sum !== 0) throw overflow(span);
        return sum;
      },
      start,
      end
    };
  }
  // One side is a date, datetime or time, the other a number (in either order).
  const [moment, amount] = lt === 'number' ? [right, left] : [left, right];
  const momentType = lt === 'number' ? rt : lt;
  if (effectiveType(amount, moment) !== 'number') throw typeError(operation, amount, ['number']);
  return shift(momentType, numeric(moment), numeric(amount), 1, start, end);
}

/** date +/- days (fraction dropped), datetime +/- days (with fraction), time +/- milliseconds. */
function shift(
  type: FormulaType,
  moment: NumFn,
  amount: NumFn,
  sign: 1 | -1,
  start: number,
  end: number
): Compiled {
  const scale = type === 'datetime' ? MS_PER_DAY : 1;
  const span = { start, end };
  let fn: Fn;
  if (type === 'date') {
    // A result outside 1700-01-01 .. 4000-12-31 is an error (limits.ts).
    fn = (r, e) => {
      const m = moment(r, e);
      if (m === null) return null;
      const n = amount(r, e);
      return n === null ? null : checkedDate(m + sign * Math.trunc(n), span);
    };
  } else if (type === 'time') {
    fn = (r, e) => {
      const m = moment(r, e);
      if (m === null) return null;
      const n = amount(r, e);
      return n === null
        ? null
        : (((m + sign * Math.round(n)) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
    };
  } else {
    fn = (r, e) => {
      const m = moment(r, e);
      if (m === null) return null;
      const n = amount(r, e);
      return n === null ? null : checkedDateTime(m + Math.round(sign * n * scale), span);
    };
  }
  return { type, fn, start, end };
}

function subtract(left: Compiled, right: Compiled, start: number, end: number): Compiled {
  const operation = op('-');
  requireType(operation, left, ORDERABLE);
  requireType(operation, right, ORDERABLE);
  const lt = effectiveType(left, right);
  const rt = effectiveType(right, left);
  const a = numeric(left);
  const b = numeric(right);
  if (rt === 'number' && lt !== 'number') return shift(lt, a, b, -1, start, end);
  if (lt !== rt) throw typeError(operation, right, [lt]);
  // number - number, and date - date (days), datetime - datetime (days), time - time (ms).
  const divisor = lt === 'datetime' ? MS_PER_DAY : 1;
  const span = { start, end };
  return {
    type: 'number',
    fn:
      divisor === 1
        ? (r, e) => {
            const x = a(r, e);
            if (x === null) return null;
            const y = b(r, e);
            if (y === null) return null;
            const difference = x - y;
            if (difference - difference !== 0) throw overflow(span);
            return difference;
          }
        : (r, e) => {
            const x = a(r, e);
            if (x === null) return null;
            const y = b(r, e);
            return y === null ? null : (x - y) / divisor;
          },
    start,
    end
  };
}

function arithmetic(
  operator: string,
  left: Compiled,
  right: Compiled,
  span: { start: number; end: number },
  start: number,
  end: number
): Compiled {
  const operation = op(operator);
  requireType(operation, left, ['number']);
  requireType(operation, right, ['number']);
  const a = numeric(left);
  const b = numeric(right);
  let fn: Fn;
  if (operator === '*') {
    fn = (r, e) => {
      const x = a(r, e);
      if (x === null) return null;
      const y = b(r, e);
      if (y === null) return null;
      const product = x * y;
      if (product - product !== 0) throw overflow(span);
      return product;
    };
  } else if (operator === '/') {
    fn = (r, e) => {
      const x = a(r, e);
      if (x === null) return null;
      const y = b(r, e);
      if (y === null) return null;
      if (y === 0) throw runtimeError('Division by zero', span);
      const quotient = x / y;
      if (quotient - quotient !== 0) throw overflow(span);
      return quotient;
    };
  } else {
    fn = (r, e) => {
      const x = a(r, e);
      if (x === null) return null;
      const y = b(r, e);
      if (y === null) return null;
      const result = x ** y;
      if (!Number.isFinite(result)) throw runtimeError(`${x} ^ ${y} has no finite result`, span);
      return result;
    };
  }
  return { type: 'number', fn, start, end };
}

function concatenate(left: Compiled, right: Compiled, start: number, end: number): Compiled {
  const operation = op('&');
  requireType(operation, left, ['text']);
  requireType(operation, right, ['text']);
  const a = valueOf(left, 'text') as TextFn;
  const b = valueOf(right, 'text') as TextFn;
  if (left.literal !== undefined && right.literal !== undefined) {
    return literal('text', `${left.literal.value ?? ''}${right.literal.value ?? ''}`, start, end);
  }
  const span = { start, end };
  return {
    type: 'text',
    fn: (r, e) => {
      const joined = a(r, e) + b(r, e);
      return joined.length > MAX_TEXT_VALUE_LENGTH ? checkedText(joined, 'The text', span) : joined;
    },
    start,
    end
  };
}

/** Kleene logic: FALSE && blank is FALSE, TRUE && blank is blank (see the module doc). */
function logical(
  operator: string,
  left: Compiled,
  right: Compiled,
  start: number,
  end: number
): Compiled {
  const operation = op(operator);
  requireType(operation, left, ['boolean']);
  requireType(operation, right, ['boolean']);
  return operator === '&&' ? andOf([left, right], start, end) : orOf([left, right], start, end);
}

/**
 * AND and OR are mirror images: AND stops at the first FALSE, OR at the first TRUE (the
 * `decisive` value); otherwise a blank operand makes the result blank. Two and three operands
 * are unrolled because they are what rules mostly use.
 */
function logicOf(
  nodes: readonly Compiled[],
  start: number,
  end: number,
  decisive: boolean
): Compiled {
  const fused = fusedLogic(nodes, !decisive);
  if (fused !== null) return { type: 'boolean', fn: fused, start, end };
  const parts = nodes.map((node) => valueOf(node, 'boolean') as BoolFn);
  const otherwise = !decisive;
  if (parts.length === 2) {
    const [a, b] = parts;
    return {
      type: 'boolean',
      fn: (r, e) => {
        const x = a(r, e);
        if (x === decisive) return decisive;
        const y = b(r, e);
        if (y === decisive) return decisive;
        return x === null || y === null ? null : otherwise;
      },
      start,
      end
    };
  }
  if (parts.length === 3) {
    const [a, b, c] = parts;
    return {
      type: 'boolean',
      fn: (r, e) => {
        const x = a(r, e);
        if (x === decisive) return decisive;
        const y = b(r, e);
        if (y === decisive) return decisive;
        const z = c(r, e);
        if (z === decisive) return decisive;
        return x === null || y === null || z === null ? null : otherwise;
      },
      start,
      end
    };
  }
  const count = parts.length;
  return {
    type: 'boolean',
    fn: (r, e) => {
      let blank = false;
      for (let i = 0; i < count; i++) {
        const v = parts[i](r, e);
        if (v === decisive) return decisive;
        if (v === null) blank = true;
      }
      return blank ? null : otherwise;
    },
    start,
    end
  };
}

export function andOf(nodes: readonly Compiled[], start: number, end: number): Compiled {
  return logicOf(nodes, start, end, false);
}

export function orOf(nodes: readonly Compiled[], start: number, end: number): Compiled {
  return logicOf(nodes, start, end, true);
}

/** Equality of two values of one type; blank text is '' and so equals "". */
export function equalityOf(type: FormulaType): (a: unknown, b: unknown) => boolean {
  return type === 'number' ? (a, b) => numbersEqual(a as number, b as number) : (a, b) => a === b;
}

function compare(
  operator: string,
  left: Compiled,
  right: Compiled,
  start: number,
  end: number
): Compiled {
  const operation = op(operator);
  const isEquality =
    operator === '=' || operator === '==' || operator === '!=' || operator === '<>';
  const allowed = isEquality ? EQUATABLE : ORDERABLE;
  for (const side of [left, right]) {
    if (side.type === 'null') {
      throw new FormulaError(
        `Comparing with NULL is always blank; use ISBLANK() or ISNULL() instead`,
        side.start,
        side.end
      );
    }
    requireType(operation, side, allowed);
  }
  if (left.type !== right.type) throw typeError(operation, right, [left.type]);
  const a = left.fn;
  const b = right.fn;
  if (isEquality) {
    {
      const negate = operator === '!=' || operator === '<>';
      if (left.type === 'text') {
        // Text is never blank-as-null: '' = '' is TRUE.
        return {
          type: 'boolean',
          fn: negate ? (r, e) => a(r, e) !== b(r, e) : (r, e) => a(r, e) === b(r, e),
          start,
          end
        };
      }
      if (left.type === 'number') {
        const x0 = a as NumFn;
        const y0 = b as NumFn;
        return {
          type: 'boolean',
          fn: negate
            ? (r, e) => {
                const x = x0(r, e);
                if (x === null) return null;
                const y = y0(r, e);
                return y === null ? null : !numbersEqual(x, y);
              }
            : (r, e) => {
                const x = x0(r, e);
                if (x === null) return null;
                const y = y0(r, e);
                return y === null ? null : numbersEqual(x, y);
              },
          start,
          end
        };
      }
      return {
        type: 'boolean',
        fn: negate
          ? (r, e) => {
              const x = a(r, e);
              if (x === null) return null;
              const y = b(r, e);
              return y === null ? null : x !== y;
            }
          : (r, e) => {
              const x = a(r, e);
              if (x === null) return null;
              const y = b(r, e);
              return y === null ? null : x === y;
            },
        start,
        end
      };
    }
  }
  return {
    type: 'boolean',
    fn: ordering(operator, a as NumFn, b as NumFn, left, right),
    start,
    end
  };
}

const EPSILON = 1e-12;

/**
 * The four orderings, each its own closure (no shared inner call site), with the 1e-12 relative
 * tolerance of numbersEqual written inline; a literal right operand is captured as a constant.
 */
function ordering(operator: string, a: NumFn, b: NumFn, left: Compiled, right: Compiled): Fn {
  if (right.literal !== undefined && typeof right.literal.value === 'number') {
    const y = right.literal.value;
    const ay = Math.abs(y);
    const key = left.direct;
    if (key !== undefined) {
      // `Amount > 100000`: read, compare and fall back to the reader only for odd values.
      switch (operator) {
        case '<':
          return (r, e) => {
            const raw = r[key];
            const x = typeof raw === 'number' && raw - raw === 0 ? raw : a(r, e);
            return x === null ? null : y - x > EPSILON * (ay > Math.abs(x) ? ay : Math.abs(x));
          };
        case '<=':
          return (r, e) => {
            const raw = r[key];
            const x = typeof raw === 'number' && raw - raw === 0 ? raw : a(r, e);
            return x === null ? null : x - y <= EPSILON * (ay > Math.abs(x) ? ay : Math.abs(x));
          };
        case '>':
          return (r, e) => {
            const raw = r[key];
            const x = typeof raw === 'number' && raw - raw === 0 ? raw : a(r, e);
            return x === null ? null : x - y > EPSILON * (ay > Math.abs(x) ? ay : Math.abs(x));
          };
        default:
          return (r, e) => {
            const raw = r[key];
            const x = typeof raw === 'number' && raw - raw === 0 ? raw : a(r, e);
            return x === null ? null : y - x <= EPSILON * (ay > Math.abs(x) ? ay : Math.abs(x));
          };
      }
    }
    switch (operator) {
      case '<':
        return (r, e) => {
          const x = a(r, e);
          return x === null ? null : y - x > EPSILON * (ay > Math.abs(x) ? ay : Math.abs(x));
        };
      case '<=':
        return (r, e) => {
          const x = a(r, e);
          return x === null ? null : x - y <= EPSILON * (ay > Math.abs(x) ? ay : Math.abs(x));
        };
      case '>':
        return (r, e) => {
          const x = a(r, e);
          return x === null ? null : x - y > EPSILON * (ay > Math.abs(x) ? ay : Math.abs(x));
        };
      default:
        return (r, e) => {
          const x = a(r, e);
          return x === null ? null : y - x <= EPSILON * (ay > Math.abs(x) ? ay : Math.abs(x));
        };
    }
  }
  switch (operator) {
    case '<':
      return (r, e) => {
        const x = a(r, e);
        if (x === null) return null;
        const y = b(r, e);
        return y === null ? null : y - x > EPSILON * Math.max(Math.abs(x), Math.abs(y));
      };
    case '<=':
      return (r, e) => {
        const x = a(r, e);
        if (x === null) return null;
        const y = b(r, e);
        return y === null ? null : x - y <= EPSILON * Math.max(Math.abs(x), Math.abs(y));
      };
    case '>':
      return (r, e) => {
        const x = a(r, e);
        if (x === null) return null;
        const y = b(r, e);
        return y === null ? null : x - y > EPSILON * Math.max(Math.abs(x), Math.abs(y));
      };
    default:
      return (r, e) => {
        const x = a(r, e);
        if (x === null) return null;
        const y = b(r, e);
        return y === null ? null : y - x <= EPSILON * Math.max(Math.abs(x), Math.abs(y));
      };
  }
}

/** NOT of a Checkbox field read inline (checkboxes are never blank). */
export function notField(key: string): Fn {
  return (r) => {
    const raw = r[key];
    return !(raw === true || raw === 'true');
  };
}

/**
 * AND/OR whose operands all test one record field against a constant (`NOT(IsClosed)`,
 * `Amount > 100000`, `ISPICKVAL(StageName, "x")`) run as one loop with no closure calls: the
 * shape of most data-quality rules. Unusual values (text in a number field) use the operand's
 * own closure, so the result is the same as the unfused form.
 */
function fusedLogic(nodes: readonly Compiled[], isAnd: boolean): Fn | null {
  if (nodes.length < 2 || !nodes.every((node) => node.simple !== undefined)) return null;
  const predicates = nodes.map((node) => node.simple as SimplePredicate);
  const keys = predicates.map((p) => p.key);
  const ops = predicates.map((p) => p.op);
  const values = predicates.map((p) => p.value);
  const magnitudes = values.map((v) => (typeof v === 'number' ? Math.abs(v) : 0));
  const fallbacks = nodes.map((node) => node.fn);
  const count = nodes.length;
  const decisive = !isAnd;
  return (r, e) => {
    let blank = false;
    for (let i = 0; i < count; i++) {
      const raw = r[keys[i]];
      const code = ops[i];
      let v: boolean | null;
      if (code <= 3) {
        if (typeof raw === 'number' && raw - raw === 0) {
          const y = values[i] as number;
          const ay = magnitudes[i];
          const tolerance = EPSILON * (ay > Math.abs(raw) ? ay : Math.abs(raw));
          v =
            code === 0
              ? y - raw > tolerance
              : code === 1
                ? raw - y <= tolerance
                : code === 2
                  ? raw - y > tolerance
                  : y - raw <= tolerance;
        } else {
          v = fallbacks[i](r, e) as boolean | null;
        }
      } else if (code === 4) {
        v = typeof raw === 'string' ? raw === values[i] : (fallbacks[i](r, e) as boolean | null);
      } else {
        const checked = raw === true || raw === 'true';
        v = code === 5 ? checked : !checked;
      }
      if (v === decisive) return decisive;
      if (v === null) blank = true;
    }
    return blank ? null : !decisive;
  };
}

import {
  addMonths,
  civilFromDays,
  dayOfYear,
  daysFromCivil,
  formatDate,
  formatTime,
  isoWeekAndYear,
  isValidDate,
  MS_PER_DAY,
  parseIsoDate,
  parseIsoDateTime,
  parseIsoTime,
  weekday
} from './calendar';
import { FormulaError } from './formulaError';
import {
  checkedDate,
  checkedDateTime,
  checkedNumber,
  checkedText,
  MAX_TEXT_VALUE_LENGTH,
  textTooLong
} from './limits';
import { andOf, equalityOf, notField, orOf } from './operators';
import { formatNumber, roundHalfAwayFromZero } from './numbers';
import { compileRegex, RegexMatcher } from './regex';
import { Operation, picklistError, requireType, typeError, unify, valueOf } from './typeRules';
import { Compiled, Fn, FormulaType, RecordLike, Runtime, SimplePredicate, Value } from './types';

type NumFn = (record: RecordLike, runtime: Runtime) => number | null;
type TextFn = (record: RecordLike, runtime: Runtime) => string;
type BoolFn = (record: RecordLike, runtime: Runtime) => boolean | null;

export interface CallSite {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly nameEnd: number;
}

interface FunctionSpec {
  readonly min: number;
  readonly max: number;
  readonly build: (
    args: readonly Compiled[],
    call: CallSite
  ) => { type: FormulaType; fn: Fn; simple?: SimplePredicate };
}

/** Functions that need the record being saved (old and new values); Sales rules see stored data. */
export const SAVE_CONTEXT_FUNCTIONS: ReadonlySet<string> = new Set([
  'ISCHANGED',
  'PRIORVALUE',
  'ISNEW',
  'ISCLONE',
  'VLOOKUP',
  'GETRECORDIDS'
]);

/** Real Salesforce functions this engine deliberately leaves out (UI, session or geo helpers). */
export const UNSUPPORTED_FUNCTIONS: ReadonlySet<string> = new Set([
  'BR',
  'CASESAFEID',
  'CURRENCYRATE',
  'DISTANCE',
  'FORMATDURATION',
  'FROMUNIXTIME',
  'GEOLOCATION',
  'GETSESSIONID',
  'HTMLENCODE',
  'IMAGEPROXYURL',
  'INCLUDE',
  'ISOWEEKDAY',
  'JSENCODE',
  'JSINHTMLENCODE',
  'JUNCTIONIDLIST',
  'LINKTO',
  'PARENTGROUPVAL',
  'PREVGROUPVAL',
  'REQUIRESCRIPT',
  'REVERSE',
  'UNIXTIMESTAMP',
  'URLENCODE',
  'URLFOR'
]);

function runtimeError(message: string, call: CallSite): FormulaError {
  return new FormulaError(message, call.start, call.end, 'runtime');
}

function opOf(call: CallSite): Operation {
  return { label: `${call.name}()`, kind: 'function' };
}

function num(arg: Compiled, call: CallSite): NumFn {
  requireType(opOf(call), arg, ['number']);
  return valueOf(arg, 'number') as NumFn;
}

function text(arg: Compiled, call: CallSite): TextFn {
  requireType(opOf(call), arg, ['text']);
  return valueOf(arg, 'text') as TextFn;
}

function bool(arg: Compiled, call: CallSite): BoolFn {
  requireType(opOf(call), arg, ['boolean']);
  return valueOf(arg, 'boolean') as BoolFn;
}

function typed(arg: Compiled, call: CallSite, type: 'date' | 'datetime' | 'time'): NumFn {
  requireType(opOf(call), arg, [type]);
  return valueOf(arg, type) as NumFn;
}

/** A one-number function with blank in, blank out; `check` raises the documented #Error! cases. */
function numberFunction(
  f: (x: number) => number,
  check?: (x: number) => string | null
): FunctionSpec {
  return {
    min: 1,
    max: 1,
    build: ([arg], call) => {
      const a = num(arg, call);
      if (check === undefined) {
        return {
          type: 'number',
          fn: (r, e) => {
            const x = a(r, e);
            return x === null ? null : f(x);
          }
        };
      }
      return {
        type: 'number',
        fn: (r, e) => {
          const x = a(r, e);
          if (x === null) return null;
          const problem = check(x);
          if (problem !== null) throw runtimeError(problem, call);
          return f(x);
        }
      };
    }
  };
}

function dateFunction(f: (days: number) => number): FunctionSpec {
  return {
    min: 1,
    max: 1,
    build: ([arg], call) => {
      const a = typed(arg, call, 'date');
      return {
        type: 'number',
        fn: (r, e) => {
          const d = a(r, e);
          return d === null ? null : f(d);
        }
      };
    }
  };
}

function timeFunction(f: (millis: number) => number): FunctionSpec {
  return {
    min: 1,
    max: 1,
    build: ([arg], call) => {
      const a = typed(arg, call, 'time');
      return {
        type: 'number',
        fn: (r, e) => {
          const t = a(r, e);
          return t === null ? null : f(t);
        }
      };
    }
  };
}

function textPredicate(f: (text: string, other: string) => boolean): FunctionSpec {
  return {
    min: 2,
    max: 2,
    build: ([a0, b0], call) => {
      const a = text(a0, call);
      const b = text(b0, call);
      return { type: 'boolean', fn: (r, e) => f(a(r, e), b(r, e)) };
    }
  };
}

function textTransform(f: (text: string) => string, max = 1): FunctionSpec {
  return {
    min: 1,
    max,
    build: (args, call) => {
      const a = text(args[0], call);
      if (args.length > 1) text(args[1], call);
      return { type: 'text', fn: (r, e) => f(a(r, e)) };
    }
  };
}

function minMax(pick: (values: number[]) => number): FunctionSpec {
  return {
    min: 1,
    max: Infinity,
    build: (args, call) => {
      const parts = args.map((arg) => num(arg, call));
      return {
        type: 'number',
        fn: (r, e) => {
          const values: number[] = [];
          for (const part of parts) {
            const v = part(r, e);
            if (v === null) return null;
            values.push(v);
          }
          return pick(values);
        }
      };
    }
  };
}

function requireLiteralText(arg: Compiled, call: CallSite, position: string): string {
  if (arg.literal === undefined || typeof arg.literal.value !== 'string') {
    throw new FormulaError(
      `${call.name}() needs a text literal in quotes as its ${position} argument`,
      arg.start,
      arg.end
    );
  }
  return arg.literal.value;
}

function clampCount(n: number): number {
  return n < 0 ? 0 : Math.trunc(n);
}

function pad(
  textValue: string,
  length: number,
  padding: string,
  left: boolean,
  call: CallSite
): string {
  const target = clampCount(length);
  if (textValue.length >= target) return textValue.slice(0, target);
  if (padding === '') return textValue;
  if (target > MAX_TEXT_VALUE_LENGTH) throw textTooLong(`${call.name}()`, target, call);
  const fill = padding.repeat(Math.ceil((target - textValue.length) / padding.length));
  return left
    ? fill.slice(0, target - textValue.length) + textValue
    : textValue + fill.slice(0, target - textValue.length);
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)$/;

const SPEC: Readonly<Record<string, FunctionSpec>> = {
  // Logical
  AND: {
    min: 1,
    max: Infinity,
    build: (args, call) => {
      args.forEach((arg) => bool(arg, call));
      return andOf(args, 0, 0);
    }
  },
  OR: {
    min: 1,
    max: Infinity,
    build: (args, call) => {
      args.forEach((arg) => bool(arg, call));
      return orOf(args, 0, 0);
    }
  },
  NOT: {
    min: 1,
    max: 1,
    build: ([arg], call) => {
      const a = bool(arg, call);
      if (arg.direct !== undefined) {
        return {
          type: 'boolean',
          fn: notField(arg.direct),
          simple: { key: arg.direct, op: 6, value: 0 }
        };
      }
      return {
        type: 'boolean',
        fn: (r, e) => {
          const v = a(r, e);
          return v === null ? null : !v;
        }
      };
    }
  },
  IF: {
    min: 3,
    max: 3,
    build: ([test, then, otherwise], call) => {
      const condition = bool(test, call);
      const type = unify(opOf(call), [then, otherwise]);
      const a = valueOf(then, type);
      const b = valueOf(otherwise, type);
      return { type, fn: (r, e) => (condition(r, e) === true ? a(r, e) : b(r, e)) };
    }
  },
  CASE: {
    min: 4,
    max: Infinity,
    build: (args, call) => {
      if (args.length % 2 !== 0) {
        throw new FormulaError(
          `Incorrect number of parameters for function 'CASE()'. Expected ${args.length + 1}, received ${args.length}: CASE(expression, value1, result1, ..., else_result)`,
          call.start,
          call.end
        );
      }
      const [subject, ...rest] = args;
      const operation = opOf(call);
      requireType(operation, subject, [
        'number',
        'text',
        'date',
        'datetime',
        'time',
        'picklist',
        'boolean'
      ]);
      const keyType: FormulaType = subject.type === 'picklist' ? 'text' : subject.type;
      const keys: Compiled[] = [];
      const results: Compiled[] = [];
      for (let i = 0; i < rest.length - 1; i += 2) {
        const key = rest[i];
        if (key.type === 'picklist' || key.type === 'multipicklist') throw picklistError(key);
        if (key.type !== 'null' && keyType !== 'null' && key.type !== keyType) {
          throw typeError(operation, key, [keyType]);
        }
        keys.push(key);
        results.push(rest[i + 1]);
      }
      const elseNode = rest[rest.length - 1];
      const type = unify(operation, [...results, elseNode]);
      const resultFns = results.map((result) => valueOf(result, type));
      const elseFn = valueOf(elseNode, type);
      const subjectFn = valueOf(subject, keyType);
      const subjectKey = subject.type === 'number' ? undefined : subject.direct;
      if (
        (keyType === 'text' || keyType === 'number') &&
        keys.every((key) => key.literal !== undefined)
      ) {
        // Literal keys (the usual case) become one Map lookup; the first duplicate wins.
        const table = new Map<Value, Fn>();
        keys.forEach((key, i) => {
          const value = key.literal === undefined ? null : key.literal.value;
          const normalised = keyType === 'text' && value === null ? '' : value;
          if (!table.has(normalised)) table.set(normalised, resultFns[i]);
        });
        if (
          subjectKey !== undefined &&
          table.size <= 8 &&
          results.every((x) => x.literal !== undefined)
        ) {
          // A short table of literal results: a linear === scan beats hashing, and no calls.
          const tableKeys: Value[] = [];
          const tableValues: Value[] = [];
          keys.forEach((key, i) => {
            const k = key.literal?.value ?? '';
            if (tableKeys.includes(k)) return;
            tableKeys.push(k);
            tableValues.push(results[i].literal?.value ?? (type === 'text' ? '' : null));
          });
          const size = tableKeys.length;
          return {
            type,
            fn: (r, e) => {
              const raw = r[subjectKey];
              const value = typeof raw === 'string' ? raw : subjectFn(r, e);
              for (let i = 0; i < size; i++) if (tableKeys[i] === value) return tableValues[i];
              return elseFn(r, e);
            }
          };
        }
        if (subjectKey !== undefined) {
          return {
            type,
            fn: (r, e) => {
              const raw = r[subjectKey];
              const hit = table.get(typeof raw === 'string' ? raw : subjectFn(r, e));
              return hit === undefined ? elseFn(r, e) : hit(r, e);
            }
          };
        }
        return {
          type,
          fn: (r, e) => {
            const value = subjectFn(r, e);
            const hit = value === null ? undefined : table.get(value);
            return hit === undefined ? elseFn(r, e) : hit(r, e);
          }
        };
      }
      const keyFns = keys.map((key) => valueOf(key, keyType));
      const equal = equalityOf(keyType);
      return {
        type,
        fn: (r, e) => {
          const value = subjectFn(r, e);
          if (value !== null) {
            for (let i = 0; i < keyFns.length; i++) {
              const key = keyFns[i](r, e);
              if (key !== null && equal(value, key)) return resultFns[i](r, e);
            }
          }
          return elseFn(r, e);
        }
      };
    }
  },
  ISBLANK: {
    min: 1,
    max: 1,
    build: ([arg]) => {
      // Salesforce Help, "Tips for Working with Picklist and Multi-Select Picklist Values in
      // Formulas": ISBLANK takes a multi-select picklist but not a picklist; the org's form is
      // ISBLANK(TEXT(picklist)).
      if (arg.type === 'picklist') throw picklistError(arg);
      const a = arg.fn;
      const key = arg.direct;
      if (arg.type === 'text' || arg.type === 'multipicklist') {
        if (key !== undefined) {
          return {
            type: 'boolean',
            fn: (r, e) => {
              const raw = r[key];
              return typeof raw === 'string' ? raw === '' : a(r, e) === '';
            }
          };
        }
        return { type: 'boolean', fn: (r, e) => a(r, e) === '' };
      }
      if (arg.type === 'number' && key !== undefined) {
        return {
          type: 'boolean',
          fn: (r, e) => {
            const raw = r[key];
            return typeof raw === 'number' ? false : a(r, e) === null;
          }
        };
      }
      return { type: 'boolean', fn: (r, e) => a(r, e) === null };
    }
  },
  ISNULL: {
    min: 1,
    max: 1,
    build: ([arg]) => {
      const a = arg.fn;
      // Salesforce Help, ISNULL: "Text fields are never null, so using this function with a
      // text field always returns false."
      if (arg.type === 'text') return { type: 'boolean', fn: () => false };
      // As ISBLANK: a multi-select picklist is accepted (blank is null), a picklist is not.
      if (arg.type === 'picklist') throw picklistError(arg);
      if (arg.type === 'multipicklist') {
        return { type: 'boolean', fn: (r, e) => a(r, e) === '' };
      }
      return { type: 'boolean', fn: (r, e) => a(r, e) === null };
    }
  },
  BLANKVALUE: {
    min: 2,
    max: 2,
    build: ([arg, substitute], call) => {
      const type = unify(opOf(call), [arg, substitute]);
      const a = valueOf(arg, type);
      const b = valueOf(substitute, type);
      if (type === 'text') {
        return {
          type,
          fn: (r, e) => {
            const v = a(r, e);
            return v === '' ? b(r, e) : v;
          }
        };
      }
      return {
        type,
        fn: (r, e) => {
          const v = a(r, e);
          return v === null ? b(r, e) : v;
        }
      };
    }
  },
  NULLVALUE: {
    min: 2,
    max: 2,
    build: ([arg, substitute], call) => {
      const type = unify(opOf(call), [arg, substitute]);
      const a = valueOf(arg, type);
      const b = valueOf(substitute, type);
      // Text is never null (see ISNULL), so NULLVALUE(text, x) is the text itself.
      if (type === 'text') return { type, fn: a };
      return {
        type,
        fn: (r, e) => {
          const v = a(r, e);
          return v === null ? b(r, e) : v;
        }
      };
    }
  },
  ISNUMBER: {
    min: 1,
    max: 1,
    build: ([arg], call) => {
      const a = text(arg, call);
      return { type: 'boolean', fn: (r, e) => NUMBER_TEXT.test(a(r, e).trim()) };
    }
  },
  ISPICKVAL: {
    min: 2,
    max: 2,
    build: ([field, value], call) => {
      requireType(opOf(call), field, ['picklist']);
      const wanted = requireLiteralText(value, call, 'second');
      const a = valueOf(field, 'picklist') as TextFn;
      const key = field.direct;
      if (key !== undefined) {
        return {
          type: 'boolean',
          fn: (r, e) => {
            const raw = r[key];
            return (typeof raw === 'string' ? raw : a(r, e)) === wanted;
          },
          simple: { key, op: 4, value: wanted }
        };
      }
      return { type: 'boolean', fn: (r, e) => a(r, e) === wanted };
    }
  },
  INCLUDES: {
    min: 2,
    max: 2,
    build: ([field, value], call) => {
      requireType(opOf(call), field, ['multipicklist']);
      const wanted = requireLiteralText(value, call, 'second');
      if (wanted.trim() === '') {
        throw new FormulaError(
          'INCLUDES() needs a non-empty value to look for',
          value.start,
          value.end
        );
      }
      const a = valueOf(field, 'multipicklist') as TextFn;
      const needle = `;${wanted};`;
      return { type: 'boolean', fn: (r, e) => `;${a(r, e)};`.includes(needle) };
    }
  },
  // Display (text formula fields): Salesforce Help "HYPERLINK" and "IMAGE"; the HTML is the
  // anchor the server generates (knowledge article 000396201) and formulon's image tag.
  HYPERLINK: {
    min: 2,
    max: 3,
    build: (args, call) => {
      const url = text(args[0], call);
      const friendlyName = text(args[1], call);
      // Without a target the link opens in a new window.
      const target: TextFn = args.length > 2 ? text(args[2], call) : () => '_blank';
      return {
        type: 'text',
        fn: (r, e) =>
          checkedText(
            `<a href="${url(r, e)}" target="${target(r, e)}">${friendlyName(r, e)}</a>`,
            'HYPERLINK()',
            call
          )
      };
    }
  },
  IMAGE: {
    min: 2,
    max: 4,
    build: (args, call) => {
      const url = text(args[0], call);
      const alternateText = text(args[1], call);
      const height = args.length > 2 ? num(args[2], call) : null;
      const width = args.length > 3 ? num(args[3], call) : null;
      const pixels = (name: string, size: NumFn | null, r: RecordLike, e: Runtime): string => {
        const value = size === null ? null : size(r, e);
        return value === null ? '' : ` ${name}="${formatNumber(value)}"`;
      };
      return {
        type: 'text',
        fn: (r, e) =>
          checkedText(
            `<img src="${url(r, e)}" alt="${alternateText(r, e)}"` +
              `${pixels('height', height, r, e)}${pixels('width', width, r, e)}/>`,
            'IMAGE()',
            call
          )
      };
    }
  },
  // Text
  TEXT: {
    min: 1,
    max: 1,
    build: ([arg], call) => {
      requireType(opOf(call), arg, ['number', 'date', 'datetime', 'time', 'picklist']);
      const a = arg.fn;
      switch (arg.type) {
        case 'null':
          return { type: 'text', fn: () => '' };
        case 'picklist':
          return { type: 'text', fn: a };
        case 'date':
          return {
            type: 'text',
            fn: (r, e) => {
              const v = a(r, e) as number | null;
              return v === null ? '' : formatDate(v);
            }
          };
        case 'datetime':
          // Salesforce Help, TEXT: a Date/Time becomes "YYYY-MM-DD HH:MM:SSZ" in GMT.
          return {
            type: 'text',
            fn: (r, e) => {
              const v = a(r, e) as number | null;
              return v === null
                ? ''
                : `${new Date(v).toISOString().slice(0, 19).replace('T', ' ')}Z`;
            }
          };
        case 'time':
          return {
            type: 'text',
            fn: (r, e) => {
              const v = a(r, e) as number | null;
              return v === null ? '' : formatTime(v);
            }
          };
        default:
          return {
            type: 'text',
            fn: (r, e) => {
              const v = a(r, e) as number | null;
              return v === null ? '' : formatNumber(v);
            }
          };
      }
    }
  },
  VALUE: {
    min: 1,
    max: 1,
    build: ([arg], call) => {
      const a = text(arg, call);
      return {
        type: 'number',
        fn: (r, e) => {
          const v = a(r, e).trim();
          if (v === '') return null;
          if (!NUMBER_TEXT.test(v)) throw runtimeError(`VALUE(): "${v}" is not a number`, call);
          return checkedNumber(Number(v), call);
        }
      };
    }
  },
  LEN: {
    min: 1,
    max: 1,
    build: ([arg], call) => {
      const a = text(arg, call);
      const key = arg.direct;
      if (key !== undefined) {
        return {
          type: 'number',
          fn: (r, e) => {
            const raw = r[key];
            return typeof raw === 'string' ? raw.length : a(r, e).length;
          }
        };
      }
      return { type: 'number', fn: (r, e) => a(r, e).length };
    }
  },
  BEGINS: textPredicate((t, prefix) => t.startsWith(prefix)),
  CONTAINS: textPredicate((t, part) => t.includes(part)),
  FIND: {
    min: 2,
    max: 3,
    build: (args, call) => {
      const search = text(args[0], call);
      const within = text(args[1], call);
      const from: NumFn = args.length > 2 ? num(args[2], call) : () => 1;
      return {
        type: 'number',
        fn: (r, e) => {
          const needle = search(r, e);
          const start = from(r, e);
          if (start === null) return null;
          if (needle === '' || start < 1) return 0;
          return within(r, e).indexOf(needle, Math.trunc(start) - 1) + 1;
        }
      };
    }
  },
  LEFT: {
    min: 2,
    max: 2,
    build: ([a0, n0], call) => {
      const a = text(a0, call);
      const n = num(n0, call);
      return {
        type: 'text',
        fn: (r, e) => {
          const count = n(r, e);
          return count === null ? '' : a(r, e).slice(0, clampCount(count));
        }
      };
    }
  },
  RIGHT: {
    min: 2,
    max: 2,
    build: ([a0, n0], call) => {
      const a = text(a0, call);
      const n = num(n0, call);
      return {
        type: 'text',
        fn: (r, e) => {
          const count = n(r, e);
          if (count === null) return '';
          const t = a(r, e);
          const c = clampCount(count);
          return c === 0 ? '' : t.slice(Math.max(0, t.length - c));
        }
      };
    }
  },
  MID: {
    min: 3,
    max: 3,
    build: ([a0, s0, n0], call) => {
      const a = text(a0, call);
      const s = num(s0, call);
      const n = num(n0, call);
      return {
        type: 'text',
        fn: (r, e) => {
          const start = s(r, e);
          const count = n(r, e);
          if (start === null || count === null) return '';
          const from = Math.max(1, Math.trunc(start)) - 1;
          return a(r, e).slice(from, from + clampCount(count));
        }
      };
    }
  },
  LOWER: textTransform((t) => t.toLowerCase(), 2),
  UPPER: textTransform((t) => t.toUpperCase(), 2),
  // Salesforce Help, TRIM: removes spaces and tabs from the beginning and end.
  TRIM: textTransform((t) => t.replace(/^[ \t]+|[ \t]+$/g, '')),
  LPAD: padSpec(true),
  RPAD: padSpec(false),
  SUBSTITUTE: {
    min: 3,
    max: 3,
    build: ([a0, o0, n0], call) => {
      const a = text(a0, call);
      const o = text(o0, call);
      const n = text(n0, call);
      return {
        type: 'text',
        fn: (r, e) => {
          const old = o(r, e);
          const t = a(r, e);
          return old === '' ? t : substitute(t, old, n(r, e), call);
        }
      };
    }
  },
  REGEX: {
    min: 2,
    max: 2,
    build: ([a0, p0], call) => {
      const a = text(a0, call);
      const p = text(p0, call);
      if (p0.literal !== undefined) {
        // A literal pattern is compiled once, and an unsupported one fails to compile.
        const pattern = String(p0.literal.value ?? '');
        const matcher = compileRegex(pattern, (message) => {
          throw new FormulaError(`REGEX(): ${message}`, p0.start, p0.end);
        });
        return { type: 'boolean', fn: (r, e) => matcher(a(r, e)) };
      }
      const fail = (message: string): never => {
        throw runtimeError(`REGEX(): ${message}`, call);
      };
      let lastPattern: string | null = null;
      let lastMatcher: RegexMatcher | null = null;
      return {
        type: 'boolean',
        fn: (r, e) => {
          const pattern = p(r, e);
          if (pattern !== lastPattern || lastMatcher === null) {
            lastMatcher = compileRegex(pattern, fail);
            lastPattern = pattern;
          }
          return lastMatcher(a(r, e));
        }
      };
    }
  },
  // Math
  ABS: numberFunction(Math.abs),
  // Salesforce Help: CEILING rounds up, away from zero for negatives; FLOOR rounds down, toward
  // zero for negatives; MCEILING/MFLOOR are the mathematical ceiling and floor.
  CEILING: numberFunction((x) => (x < 0 ? -Math.ceil(-x) : Math.ceil(x))),
  FLOOR: numberFunction((x) => (x < 0 ? -Math.floor(-x) : Math.floor(x))),
  MCEILING: numberFunction(Math.ceil),
  MFLOOR: numberFunction(Math.floor),
  SQRT: numberFunction(Math.sqrt, (x) => (x < 0 ? 'SQRT() of a negative number' : null)),
  EXP: numberFunction(Math.exp, (x) =>
    Number.isFinite(Math.exp(x)) ? null : 'EXP() result is too large'
  ),
  LN: numberFunction(Math.log, (x) => (x <= 0 ? 'LN() needs a number greater than zero' : null)),
  LOG: numberFunction(Math.log10, (x) =>
    x <= 0 ? 'LOG() needs a number greater than zero' : null
  ),
  ROUND: {
    min: 2,
    max: 2,
    build: ([n0, d0], call) => {
      const n = num(n0, call);
      const d = num(d0, call);
      return {
        type: 'number',
        fn: (r, e) => {
          const x = n(r, e);
          if (x === null) return null;
          const digits = d(r, e);
          return digits === null ? null : roundHalfAwayFromZero(x, Math.trunc(digits));
        }
      };
    }
  },
  MOD: {
    min: 2,
    max: 2,
    build: ([n0, d0], call) => {
      const n = num(n0, call);
      const d = num(d0, call);
      return {
        type: 'number',
        fn: (r, e) => {
          const x = n(r, e);
          if (x === null) return null;
          const y = d(r, e);
          if (y === null) return null;
          if (y === 0) throw runtimeError('MOD() divisor is zero', call);
          return x % y;
        }
      };
    }
  },
  MAX: minMax((values) => Math.max(...values)),
  MIN: minMax((values) => Math.min(...values)),
  // Date and time
  TODAY: { min: 0, max: 0, build: () => ({ type: 'date', fn: (_r, e) => e.today }) },
  NOW: { min: 0, max: 0, build: () => ({ type: 'datetime', fn: (_r, e) => e.now }) },
  TIMENOW: {
    min: 0,
    max: 0,
    build: () => ({ type: 'time', fn: (_r, e) => ((e.now % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY })
  },
  DATE: {
    min: 3,
    max: 3,
    build: ([y0, m0, d0], call) => {
      const y = num(y0, call);
      const m = num(m0, call);
      const d = num(d0, call);
      return {
        type: 'date',
        fn: (r, e) => {
          const year = y(r, e);
          const month = m(r, e);
          const day = d(r, e);
          if (year === null || month === null || day === null) return null;
          if (!isValidDate(year, month, day)) {
            throw runtimeError(`DATE(${year}, ${month}, ${day}) is not a valid date`, call);
          }
          return daysFromCivil(year, month, day);
        }
      };
    }
  },
  DATEVALUE: {
    min: 1,
    max: 1,
    build: ([arg], call) => {
      requireType(opOf(call), arg, ['text', 'date', 'datetime']);
      const a = arg.fn;
      if (arg.type === 'date' || arg.type === 'null')
        return { type: 'date', fn: valueOf(arg, 'date') };
      if (arg.type === 'datetime') {
        return {
          type: 'date',
          fn: (r, e) => {
            const v = a(r, e) as number | null;
            return v === null ? null : Math.floor(v / MS_PER_DAY);
          }
        };
      }
      return {
        type: 'date',
        fn: (r, e) => {
          const v = (a(r, e) as string).trim();
          if (v === '') return null;
          const days =
            v.length === 10 ? parseIsoDate(v) : Math.floor(parseIsoDateTime(v) / MS_PER_DAY);
          if (Number.isNaN(days))
            throw runtimeError(`DATEVALUE(): "${v}" is not a date (YYYY-MM-DD)`, call);
          return checkedDate(days, call);
        }
      };
    }
  },
  DATETIMEVALUE: {
    min: 1,
    max: 1,
    build: ([arg], call) => {
      requireType(opOf(call), arg, ['text', 'date', 'datetime']);
      const a = arg.fn;
      if (arg.type === 'datetime' || arg.type === 'null')
        return { type: 'datetime', fn: valueOf(arg, 'datetime') };
      if (arg.type === 'date') {
        return {
          type: 'datetime',
          fn: (r, e) => {
            const v = a(r, e) as number | null;
            return v === null ? null : v * MS_PER_DAY;
          }
        };
      }
      return {
        type: 'datetime',
        fn: (r, e) => {
          const v = (a(r, e) as string).trim();
          if (v === '') return null;
          const millis = parseIsoDateTime(v);
          if (Number.isNaN(millis)) {
            throw runtimeError(
              `DATETIMEVALUE(): "${v}" is not a date/time (YYYY-MM-DD HH:MM:SS)`,
              call
            );
          }
          return checkedDateTime(millis, call);
        }
      };
    }
  },
  YEAR: dateFunction((d) => civilFromDays(d)[0]),
  MONTH: dateFunction((d) => civilFromDays(d)[1]),
  DAY: dateFunction((d) => civilFromDays(d)[2]),
  WEEKDAY: dateFunction(weekday),
  DAYOFYEAR: dateFunction(dayOfYear),
  ISOWEEK: dateFunction((d) => isoWeekAndYear(d)[0]),
  ISOYEAR: dateFunction((d) => isoWeekAndYear(d)[1]),
  ADDMONTHS: {
    min: 2,
    max: 2,
    build: ([d0, n0], call) => {
      const d = typed(d0, call, 'date');
      const n = num(n0, call);
      return {
        type: 'date',
        fn: (r, e) => {
          const days = d(r, e);
          if (days === null) return null;
          const months = n(r, e);
          if (months === null) return null;
          // Whole months beyond the 2,300-year range cannot land inside it.
          if (Math.abs(months) > 30000) return checkedDate(NaN, call);
          return checkedDate(addMonths(days, Math.trunc(months)), call);
        }
      };
    }
  },
  TIMEVALUE: {
    min: 1,
    max: 1,
    build: ([arg], call) => {
      requireType(opOf(call), arg, ['text', 'datetime', 'time']);
      const a = arg.fn;
      if (arg.type === 'time' || arg.type === 'null')
        return { type: 'time', fn: valueOf(arg, 'time') };
      if (arg.type === 'datetime') {
        return {
          type: 'time',
          fn: (r, e) => {
            const v = a(r, e) as number | null;
            return v === null ? null : ((v % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
          }
        };
      }
      return {
        type: 'time',
        fn: (r, e) => {
          const v = (a(r, e) as string).trim();
          if (v === '') return null;
          const millis = parseIsoTime(v);
          if (Number.isNaN(millis))
            throw runtimeError(`TIMEVALUE(): "${v}" is not a time (HH:MM:SS.MS)`, call);
          return millis;
        }
      };
    }
  },
  HOUR: timeFunction((t) => Math.floor(t / 3600000)),
  MINUTE: timeFunction((t) => Math.floor(t / 60000) % 60),
  SECOND: timeFunction((t) => Math.floor(t / 1000) % 60),
  MILLISECOND: timeFunction((t) => t % 1000)
};

/**
 * SUBSTITUTE: the result's length is known before it is built, so a replacement that would grow
 * the text past MAX_TEXT_VALUE_LENGTH fails without allocating it.
 */
function substitute(t: string, old: string, replacement: string, call: CallSite): string {
  if (t.length > MAX_TEXT_VALUE_LENGTH) throw textTooLong('SUBSTITUTE() text', t.length, call);
  let count = 0;
  for (let at = t.indexOf(old); at >= 0; at = t.indexOf(old, at + old.length)) count++;
  if (count === 0) return t;
  const length = t.length + count * (replacement.length - old.length);
  if (length > MAX_TEXT_VALUE_LENGTH) throw textTooLong('SUBSTITUTE()', length, call);
  return t.split(old).join(replacement);
}

function padSpec(left: boolean): FunctionSpec {
  return {
    min: 2,
    max: 3,
    build: (args, call) => {
      const a = text(args[0], call);
      const n = num(args[1], call);
      // Salesforce Help, LPAD/RPAD: without pad_string the text is padded with spaces.
      const p: TextFn = args.length > 2 ? text(args[2], call) : () => ' ';
      return {
        type: 'text',
        fn: (r, e) => {
          const length = n(r, e);
          return length === null ? '' : pad(a(r, e), length, p(r, e), left, call);
        }
      };
    }
  };
}

export const SUPPORTED_FUNCTIONS: readonly string[] = Object.keys(SPEC).sort();

/** Rejects save-context, unsupported and unknown functions before their arguments are checked. */
export function checkFunctionName(name: string, call: CallSite): void {
  if (SAVE_CONTEXT_FUNCTIONS.has(name)) {
    throw new FormulaError(
      `Function ${name}() needs a record save context (old and new values), which rules evaluated on stored records do not have`,
      call.start,
      call.nameEnd
    );
  }
  if (SPEC[name] === undefined) {
    throw new FormulaError(
      UNSUPPORTED_FUNCTIONS.has(name)
        ? `Function ${name}() is not supported by this formula engine`
        : `Unknown function ${name}. Check spelling.`,
      call.start,
      call.nameEnd
    );
  }
}

export function compileCall(name: string, args: readonly Compiled[], call: CallSite): Compiled {
  checkFunctionName(name, call);
  const spec = SPEC[name];
  if (args.length < spec.min || args.length > spec.max) {
    const expected =
      spec.min === spec.max
        ? `${spec.min}`
        : spec.max === Infinity
          ? `at least ${spec.min}`
          : `${spec.min} to ${spec.max}`;
    throw new FormulaError(
      `Incorrect number of parameters for function '${name}()'. Expected ${expected}, received ${args.length}`,
      call.start,
      call.end
    );
  }
  const built = spec.build(args, call);
  return { type: built.type, fn: built.fn, start: call.start, end: call.end, simple: built.simple };
}

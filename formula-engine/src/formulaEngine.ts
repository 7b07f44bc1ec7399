/**
 * the formula engine: Salesforce formulas compiled once into JavaScript closures, so the same rule
 * text that Apex runs with FormulaEval can be evaluated offline (workbench, CLI audit, tests,
 * the admin formula tester). No DOM and no Node APIs: it runs in the org's browser and in Node.
 *
 * ```ts
 * const rule = compileFormula('AND(ISPICKVAL(StageName, "Prospecting"), Amount > 100000)', { schema });
 * rule.evaluate({ StageName: 'Prospecting', Amount: 250000 }, { today: '2026-11-16' }); // true
 * ```
 *
 * Records are plain JSON as the REST/UI APIs return them (dates 'YYYY-MM-DD', datetimes ISO-8601,
 * multi-select 'a;b', parents nested by relationship name, blanks null or missing). Results:
 * boolean, number, text, date 'YYYY-MM-DD', datetime ISO string (time 'HH:MM:SS.mmm'), or null
 * for blank.
 *
 * Semantics follow Salesforce Help ("Formula Operators and Functions"). Where the docs leave a
 * case open, this engine chooses as follows (each choice has a unit test):
 * - Blank numbers, dates, datetimes and times are null; blank text, picklists and multi-select
 *   picklists are ''. Blank text equals "" (`Name = ""` is TRUE for a blank name).
 * - Arithmetic and functions on a blank number/date give blank (`Amount * 2`, `ABS(Amount)`,
 *   `YEAR(CloseDate)`); text functions treat blank as '' (`LEN(blank)` = 0). With
 *   `treatBlanksAsZero`, blank Number, Currency and Percent fields read as 0 (dates stay blank),
 *   as the "Treat blank fields as zeroes" setting does.
 * - Comparisons with a blank operand are blank. Logic is three-valued (Kleene): FALSE && blank
 *   is FALSE, TRUE && blank is blank, TRUE || blank is TRUE, NOT(blank) is blank. IF and CASE
 *   take the else branch for a blank condition/subject. A boolean formula can thus return null:
 *   callers that need TRUE/FALSE (rules) treat null as "not flagged".
 * - Comparing with the NULL literal (`Amount = NULL`) is a compile error pointing to ISBLANK.
 * - Text can be compared with = and <> only (not < or >). As the org (Salesforce Help, "Tips for
 *   Working with Picklist and Multi-Select Picklist Values in Formulas"): a picklist only in
 *   ISPICKVAL, CASE and TEXT (`ISBLANK(TEXT(Industry))`, not `ISBLANK(Industry)`); a multi-select
 *   picklist only in INCLUDES, ISBLANK and ISNULL; anything else, comparison operators included,
 *   fails with the org's message "Field Industry is a picklist field. Picklist fields are only
 *   supported in certain functions." naming the field by its API name. ISPICKVAL and INCLUDES
 *   require a text literal, as Salesforce does.
 * - Percent fields are read as fractions (API 25 -> formula 0.25), as in Salesforce formulas.
 * - Numbers are doubles; = and the orderings treat numbers within 1e-12 (relative) as equal so
 *   that 0.1 + 0.2 = 0.3 as in the org's decimal arithmetic. ROUND rounds halves away from zero
 *   on the decimal text (ROUND(1.005, 2) = 1.01).
 * - Date + number drops the fraction (TODAY() + 1.7 is tomorrow; toward zero for negatives);
 *   datetime +/- number keeps it (days, to the millisecond); datetime - datetime is fractional
 *   days; time +/- number is milliseconds, wrapping around midnight.
 * - ^ is left-associative (2^3^2 = 64) and binds tighter than unary minus (-2^2 = -4). & binds
 *   like + (tighter than comparisons), so `Name & "x" = "ax"` compares the concatenation.
 * - TEXT(number) is plain decimal notation, at most 15 significant digits, without trailing zeros
 *   or grouping (TEXT(1500.50) = "1500.5", TEXT(0.1 + 0.2) = "0.3"); TEXT(datetime) is
 *   "YYYY-MM-DD HH:MM:SSZ" in GMT.
 * - LEFT/RIGHT/MID/LPAD/RPAD treat negative lengths as 0 and MID starts below 1 as 1; FIND with an
 *   empty search text or a start below 1 returns 0; SUBSTITUTE with an empty old text returns the
 *   text unchanged; LPAD/RPAD pad with spaces when no pad text is given and repeat a longer pad
 *   text from its first character (like Apex String.leftPad); TRIM removes spaces and
 *   tabs only; LOWER/UPPER accept and ignore the locale argument.
 * - VALUE and ISNUMBER accept optionally signed plain decimals ("12", "-1.5", ".5"), no
 *   exponents or grouping; VALUE of blank is blank.
 * - REGEX matches the whole text with RE2 (`re2js`), in time linear in the text, so no pattern
 *   can backtrack catastrophically. Java's syntax as Salesforce documents it, except what needs
 *   backtracking: backreferences, lookaround, atomic groups, possessive quantifiers and class
 *   intersection fail with a message naming the construct (at compile time for a literal
 *   pattern, as any invalid literal pattern does; at run time for a computed one). The org
 *   accepts them: a documented difference (regex.ts).
 * - ADDMONTHS keeps the day, clamps to the month's length and maps a month's last day to the last
 *   day of the target month. DATEVALUE(datetime), TIMEVALUE(datetime), HOUR/MINUTE/SECOND use GMT.
 * - A formula never aborts or hangs the process (limits.ts). Text: a text result over 1,300
 *   characters fails ("Formula result is too long", Salesforce Help, "Formula Field Limits and
 *   Restrictions": at most 1,300 characters displayed after evaluation; whether the org cuts or
 *   errs is not documented, and a rule must not compare a cut text); a text value inside the
 *   formula (LPAD/RPAD, SUBSTITUTE, &, HYPERLINK, IMAGE) fails past 131,072 characters, the
 *   longest text a Salesforce field holds, before it is built. Dates: a date or date/time
 *   computed outside 1700-01-01 .. 4000-12-31 (Help knowledge article 000383587, the valid
 *   range) fails, as DATE() outside it does: date +/- number, ADDMONTHS, DATEVALUE and
 *   DATETIMEVALUE of text. Numbers: an operation that overflows a double (`10^308 * 10`) or
 *   has no result fails ("The number is too large"); the docs are silent and the org shows
 *   #Error!, so no Infinity ever reaches a comparison (`10^308*10 > 5` is an error, not FALSE).
 *   A number literal too large for a double does not compile, and Infinity or NaN in a record's
 *   number field is refused like any other non-number. Parsing: operator chains are read by
 *   loops, nesting (parentheses, functions, unary operators) is limited to 256 levels ("Formula
 *   is nested too deeply"), and the 3,900-character limit bounds everything else.
 * - What the org reports as #Error! (division by zero, MOD by zero, SQRT of a negative, LN/LOG of
 *   a non-positive, an invalid DATE/DATEVALUE/VALUE argument) throws a FormulaError with
 *   `phase: 'runtime'` and the span of the failing operation.
 * - CASE compares like = (blank subject -> else result); a CASE on a picklist compares its text.
 * - Text literals take \\ \" \' \n \r \t \b \f escapes; any other backslash is a syntax error.
 * - `env.today` / `env.now` default to the machine's clock (local date, current instant).
 * - ISCHANGED, PRIORVALUE, ISNEW, ISCLONE, VLOOKUP and GETRECORDIDS need a save context and fail
 *   to compile; so do Salesforce functions this engine does not implement (URLFOR, BR ...).
 * - HYPERLINK(url, friendly_name [, target]) and IMAGE(image_url, alternate_text [, height
 *   [, width]]) return the HTML text a formula field displays: `<a href="url" target="t">name</a>`
 *   as the server generates it (Help knowledge article 000396201) and, where the docs show no
 *   HTML, target "_blank" (a new window) when none is given and formulon's image tag
 *   `<img src="url" alt="text" height="h" width="w"/>`, a blank or missing height or width left
 *   out. Arguments are inserted as written, not HTML-escaped: an IMAGE can be the friendly name
 *   of a HYPERLINK, as Help's samples do; whoever renders the text sanitises.
 * - A formula over 3,900 characters (comments, spaces and line breaks included, counted in UTF-16
 *   units as Apex counts a String) fails to compile, as FormulaEval refuses it (Apex Developer
 *   Guide, "Formula Evaluation in Apex"). The org's exception text is not documented; the message
 *   quotes the documented limit: "Formula is too long (3,901 characters). A formula can contain
 *   up to 3,900 characters including spaces, return characters, and comments."
 * - Invisible characters (no-break and other Unicode spaces, zero-width space/joiner/non-joiner,
 *   byte order mark, direction marks, soft hyphen, control characters other than tab, line feed
 *   and carriage return) fail to compile anywhere in the formula, text literals and comments
 *   included, with their Unicode code and name, line and column. The docs are silent; pasted
 *   text is where they come from, and in a literal they make a comparison silently fail, so the
 *   engine may refuse a formula the org would run. `removeInvisibleCharacters` cleans the text.
 * - Globals are those of FormulaEval (Apex Reference, "FormulaGlobal Enum"), and only those the
 *   `globals` option registers, as `withGlobalVariables` does (default `['USER']`). `$User`,
 *   `$Profile`, `$UserRole`, `$Organization` and `$Setup` fields read the env's values (blank when
 *   missing); `$Permission.X` is TRUE or FALSE, never blank; `$System.OriginDateTime` is
 *   1900-01-01 00:00:00 GMT. `$Label.Name` is the label's text from the `labels` option (a
 *   name it does not hold fails to compile, "Field X does not exist on $Label"). `$CustomMetadata`
 *   fails with "not supported offline".
 */
import { formatDate, formatDateTime, formatTime, parseIsoDate, parseIsoDateTime } from './calendar';
import { compileNode } from './compile';
import { DEFAULT_USER_SCHEMA, FieldContext } from './fields';
import { rejectOverlongFormula } from './formulaLength';
import { FormulaError } from './formulaError';
import { FormulaGlobal, GlobalSchemas } from './globals';
import { rejectInvisibleCharacters } from './invisibleCharacters';
import { MAX_TEXT_RESULT_LENGTH } from './limits';
import { parse } from './parser';
import { picklistError } from './typeRules';
import {
  Compiled,
  FormulaType,
  ObjectSchema,
  RecordLike,
  ReturnType,
  Runtime,
  TYPE_LABELS,
  Value
} from './types';

export { FormulaError } from './formulaError';
export { MAX_FORMULA_LENGTH } from './formulaLength';
export { MAX_TEXT_RESULT_LENGTH, MAX_TEXT_VALUE_LENGTH } from './limits';
export { SUPPORTED_FUNCTIONS } from './functions';
export { FORMULA_GLOBALS } from './globals';
export type { FormulaGlobal, GlobalSchemas } from './globals';
export { findInvisibleCharacters, removeInvisibleCharacters } from './invisibleCharacters';
export type { InvisibleCharacterFound } from './invisibleCharacters';
export type { FieldSchema, ObjectSchema, ReturnType, SalesforceFieldType } from './types';

export type ResultType = ReturnType | 'time';

export interface CompileOptions {
  /** The object the formula runs on; parents under `relationships`. */
  schema: ObjectSchema;
  /** When given, the formula must produce this type (a NULL-only formula fits any). */
  returnType?: ResultType;
  /** Read blank Number, Currency and Percent fields as 0. Default false: blanks are blanks. */
  treatBlanksAsZero?: boolean;
  /** The fields `$User.*` may use; defaults to the common standard User fields (all text). */
  userSchema?: ObjectSchema;
  /**
   * The global variables the formula may use, as FormulaBuilder.withGlobalVariables registers
   * them (`FormulaEval.FormulaGlobal` names). Default `['USER']`. Any other global is a compile
   * error; CUSTOMMETADATA is "not supported offline", LABEL reads the `labels` option.
   */
  globals?: readonly FormulaGlobal[];
  /** Fields of `$Profile`, `$UserRole`, `$Organization`, the `$Setup` settings, `$Permission`. */
  globalSchemas?: GlobalSchemas;
  /**
   * The custom labels `$Label` may read, name to text (the org gives each user the text in their
   * language; offline the caller chooses). Default none: every `$Label.X` is "does not exist".
   */
  labels?: { readonly [labelName: string]: string };
}

export interface FormulaEnv {
  /** TODAY(), 'YYYY-MM-DD'. */
  today?: string;
  /** NOW(), ISO-8601 datetime. */
  now?: string;
  /** `$User` field values. */
  user?: RecordLike;
  /** `$Profile`, `$UserRole` and `$Organization` field values (blank when absent). */
  profile?: RecordLike;
  userRole?: RecordLike;
  organization?: RecordLike;
  /** `$Setup`: the running user's hierarchy custom setting values, by setting API name. */
  setup?: { readonly [settingName: string]: RecordLike };
  /** `$Permission`: the custom permissions the running user holds (API names). */
  permissions?: readonly string[];
}

export type FormulaResult = boolean | number | string | null;

export interface CompiledFormula {
  evaluate(record: RecordLike | null | undefined, env?: FormulaEnv): FormulaResult;
  /** Field paths on the record, canonical spelling, first use first (e.g. 'Account.Industry'). */
  readonly referencedFields: string[];
  /** Globals used, e.g. '$User.Id'. */
  readonly referencedGlobals: string[];
  readonly returnType: ResultType;
}

const EMPTY_RECORD: RecordLike = Object.freeze({});

const DEFAULT_GLOBALS: readonly FormulaGlobal[] = ['USER'];

const NO_LABELS: { readonly [labelName: string]: string } = Object.freeze({});

export function compileFormula(source: string, options: CompileOptions): CompiledFormula {
  if (typeof source !== 'string') throw new FormulaError('The formula must be text', 0, 0);
  rejectOverlongFormula(source);
  rejectInvisibleCharacters(source);
  const context: FieldContext = {
    schema: options.schema,
    userSchema: options.userSchema ?? DEFAULT_USER_SCHEMA,
    treatBlanksAsZero: options.treatBlanksAsZero === true,
    referencedFields: new Set(),
    referencedGlobals: new Set(),
    globals: new Set(options.globals ?? DEFAULT_GLOBALS),
    globalSchemas: options.globalSchemas ?? {},
    labels: options.labels ?? NO_LABELS
  };
  const root = compileNode(parse(source), context);
  const returnType = resultTypeOf(root, options.returnType, source);
  const fn = root.fn;
  const output = outputFor(root.type === 'null' ? 'null' : returnType, root);
  // The runtime (parsed today/now) is cached per env object; without env the clock is read on
  // every call, because a long-lived compiled formula must not freeze TODAY().
  const noEnv: FormulaEnv = {};
  let lastEnv: FormulaEnv = noEnv;
  let lastRuntime: Runtime = runtimeFor(undefined);
  const runtimeOf = (env: FormulaEnv | undefined): Runtime => {
    if (env === undefined) return runtimeFor(undefined);
    lastRuntime = runtimeFor(env);
    lastEnv = env;
    return lastRuntime;
  };
  // Booleans need no conversion, so their evaluate skips the output step entirely.
  const evaluate: CompiledFormula['evaluate'] =
    output === null
      ? (record, env) => fn(record ?? EMPTY_RECORD, env === lastEnv ? lastRuntime : runtimeOf(env))
      : (record, env) =>
          output(fn(record ?? EMPTY_RECORD, env === lastEnv ? lastRuntime : runtimeOf(env)));
  return {
    evaluate,
    referencedFields: [...context.referencedFields],
    referencedGlobals: [...context.referencedGlobals],
    returnType
  };
}

function resultTypeOf(root: Compiled, wanted: ResultType | undefined, source: string): ResultType {
  if (root.type === 'picklist' || root.type === 'multipicklist') throw picklistError(root);
  const actual: ResultType | null =
    root.type === 'null' ? null : root.type === 'boolean' ? 'boolean' : root.type;
  if (wanted !== undefined && actual !== null && actual !== wanted) {
    const wantedLabel = wanted === 'boolean' ? 'Boolean' : TYPE_LABELS[wanted as FormulaType];
    throw new FormulaError(
      `Formula result is ${TYPE_LABELS[root.type]}, but ${wantedLabel} is expected`,
      0,
      source.length
    );
  }
  return wanted ?? actual ?? 'text';
}

function outputFor(
  type: ResultType | 'null',
  root: Compiled
): ((value: Value) => FormulaResult) | null {
  switch (type) {
    case 'date':
      return (v) => (v === null ? null : formatDate(v as number));
    case 'datetime':
      return (v) => (v === null ? null : formatDateTime(v as number));
    case 'time':
      return (v) => (v === null ? null : formatTime(v as number));
    case 'number':
      return (v) => {
        if (v !== null && !Number.isFinite(v)) {
          throw new FormulaError(
            'The result is too large to represent',
            root.start,
            root.end,
            'runtime'
          );
        }
        return v;
      };
    case 'text':
      return (v) => {
        const text = v as string;
        if (text.length > MAX_TEXT_RESULT_LENGTH) {
          throw new FormulaError(
            `Formula result is too long (${text.length.toLocaleString('en-US')} characters). A text formula can return up to ${MAX_TEXT_RESULT_LENGTH.toLocaleString('en-US')} characters.`,
            root.start,
            root.end,
            'runtime'
          );
        }
        return text;
      };
    default:
      return null;
  }
}

/** No custom permission: `$Permission.X` reads FALSE when the caller names none. */
const NO_PERMISSIONS: ReadonlySet<string> = new Set();

function runtimeFor(env: FormulaEnv | undefined): Runtime {
  const clock = new Date();
  let today: number;
  if (env?.today !== undefined) {
    today = parseIsoDate(env.today);
    if (Number.isNaN(today))
      throw new FormulaError(`env.today "${env.today}" is not YYYY-MM-DD`, 0, 0, 'runtime');
  } else {
    today = Math.floor(Date.UTC(clock.getFullYear(), clock.getMonth(), clock.getDate()) / 86400000);
  }
  let now: number;
  if (env?.now !== undefined) {
    now = parseIsoDateTime(env.now);
    if (Number.isNaN(now))
      throw new FormulaError(`env.now "${env.now}" is not an ISO datetime`, 0, 0, 'runtime');
  } else {
    now = clock.getTime();
  }
  return {
    today,
    now,
    user: env?.user ?? null,
    profile: env?.profile ?? null,
    userRole: env?.userRole ?? null,
    organization: env?.organization ?? null,
    setup: env?.setup ?? null,
    permissions:
      env?.permissions === undefined
        ? NO_PERMISSIONS
        : new Set(env.permissions.map((name) => name.toLowerCase()))
  };
}

/**
 * Java regular expressions (java.util.regex, which Apex's `split`, `replaceAll`, `replaceFirst`,
 * `matches`, Pattern and Matcher use) translated to JavaScript RegExps in Unicode mode, where the
 * two agree. Where they differ the translation writes Java's meaning out (`\s` is
 * `[ \t\n\x0B\f\r]`, `.` also stops at U+0085, `$` also matches before a final line terminator);
 * constructs JavaScript cannot express — possessive quantifiers, atomic groups, class unions and
 * intersections, `\G`, embedded flags other than a leading `(?i)`, `(?s)` or `(?m)`, Java-only
 * properties such as `\p{javaLowerCase}` — raise NotSupportedOfflineError. A pattern Java refuses
 * raises `System.StringException: Invalid regex: <pattern>` (the wording of the platform's message
 * beyond that prefix is not reproduced).
 */
import { NotSupportedOfflineError, stringError } from './apexErrors';

export interface JavaPattern {
  /** The Java source. */
  readonly pattern: string;
  /** Global, for find, replace and split. */
  readonly regex: RegExp;
  /** Sticky and anchored at the end of input, for `matches()`. */
  readonly whole: RegExp;
  /** Sticky, for `lookingAt()`. */
  readonly prefix: RegExp;
  readonly groupCount: number;
  readonly groupNames: readonly string[];
}

const LINE_TERMINATORS = '\\n\\r\\u0085\\u2028\\u2029';
const JAVA_SPACE = '\\t\\n\\x0B\\f\\r ';
const HORIZONTAL_SPACE = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
const VERTICAL_SPACE = '\\n\\x0B\\f\\r\\x85\\u2028\\u2029';
const END_OF_INPUT = '(?![\\s\\S])';
const BEFORE_FINAL_TERMINATOR = `(?=(?:\\r\\n|[${LINE_TERMINATORS}])?${END_OF_INPUT})`;

/** POSIX and java.lang.Character classes of Java, as the contents of a JavaScript class. */
const POSIX_CLASSES: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: JAVA_SPACE
};

/** Unicode properties Java and JavaScript name alike (general categories, scripts, binary). */
function unicodeProperty(name: string): string | undefined {
  const stripped = name.replace(/^Is/, '');
  if (/^(L[ultmo]?|M[nce]?|N[dlo]?|P[cdseifo]?|S[mcko]?|Z[slp]?|C[cfson]?)$/.test(stripped)) {
    return stripped;
  }
  const general = /^(?:general_category|gc)=(\w+)$/i.exec(name);
  if (general) return general[1];
  const script = /^(?:script|sc)=(\w+)$/i.exec(name);
  if (script) return `Script=${script[1]}`;
  if (/^Is(Latin|Greek|Cyrillic|Han|Arabic|Hebrew)$/.test(name)) return `Script=${name.slice(2)}`;
  const binary: Record<string, string> = {
    IsAlphabetic: 'Alphabetic',
    IsLetter: 'Letter',
    IsLowercase: 'Lowercase',
    IsUppercase: 'Uppercase',
    IsWhite_Space: 'White_Space',
    IsWhiteSpace: 'White_Space',
    IsDigit: 'Nd',
    IsPunctuation: 'P'
  };
  return binary[name];
}

function invalid(pattern: string): Error {
  return stringError(`Invalid regex: ${pattern}`);
}

function unsupported(what: string, pattern: string): NotSupportedOfflineError {
  return new NotSupportedOfflineError(`Java regex ${what} in ${JSON.stringify(pattern)}`);
}

/** A literal character as Unicode-mode source: only syntax characters may be escaped there. */
function escapeLiteral(char: string, inClass = false): string {
  const special = inClass ? /[\\\]\[^\-/]/ : /[\^$\\.*+?()[\]{}|/]/;
  return special.test(char) ? `\\${char}` : char;
}

function hexEscape(codePoint: number): string {
  return `\\u{${codePoint.toString(16)}}`;
}

/** Counts capturing groups and collects their names, skipping escapes, classes and quotes. */
function scanGroups(pattern: string): { count: number; names: string[] } {
  let count = 0;
  const names: string[] = [];
  let inClass = 0;
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index];
    if (char === '\\') {
      if (pattern[index + 1] === 'Q') {
        const end = pattern.indexOf('\\E', index + 2);
        index = end < 0 ? pattern.length : end + 1;
      } else {
        index += 1;
      }
    } else if (char === '[') {
      inClass += 1;
    } else if (char === ']' && inClass > 0) {
      inClass -= 1;
    } else if (char === '(' && inClass === 0) {
      if (pattern[index + 1] !== '?') {
        count += 1;
      } else {
        const named = /^\(\?<([a-zA-Z][a-zA-Z0-9]*)>/.exec(pattern.slice(index));
        if (named) {
          count += 1;
          names.push(named[1]);
        }
      }
    }
  }
  return { count, names };
}

interface Translation {
  source: string;
  flags: string;
}

/** Translates a Java pattern to the source and flags of an equivalent JavaScript RegExp. */
export function translateJavaRegex(pattern: string): Translation {
  const { count: groupCount } = scanGroups(pattern);
  let flags = '';
  let index = 0;
  const leading = /^\(\?([ims]+)\)/.exec(pattern);
  if (leading) {
    flags = [...new Set(leading[1])].join('');
    index = leading[0].length;
  }
  const dotAll = flags.includes('s');
  const multiline = flags.includes('m');
  if (flags.includes('i') && /[^\x00-\x7F]/.test(pattern)) {
    // Java's (?i) folds ASCII only; JavaScript's would fold these letters too.
    throw unsupported('(?i) with non-ASCII text', pattern);
  }
  let out = '';
  let depth = 0;

  const readEscape = (inClass: boolean): string => {
    const next = pattern[index + 1];
    if (next === undefined) throw invalid(pattern);
    index += 2;
    switch (next) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
        return `\\${next}`;
      case 's':
        return inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`;
      case 'h':
        return inClass ? HORIZONTAL_SPACE : `[${HORIZONTAL_SPACE}]`;
      case 'v':
        return inClass ? VERTICAL_SPACE : `[${VERTICAL_SPACE}]`;
      case 'S':
      case 'H':
      case 'V': {
        if (inClass) throw unsupported(`\\${next} inside a character class`, pattern);
        const contents =
          next === 'S' ? JAVA_SPACE : next === 'H' ? HORIZONTAL_SPACE : VERTICAL_SPACE;
        return `[^${contents}]`;
      }
      case 'R':
        if (inClass) throw invalid(pattern);
        return `(?:\\r\\n|[${VERTICAL_SPACE}])`;
      case 'b':
      case 'B':
        if (inClass) throw invalid(pattern);
        return `\\${next}`;
      case 'A':
        return '(?<![\\s\\S])';
      case 'z':
        return END_OF_INPUT;
      case 'Z':
        return BEFORE_FINAL_TERMINATOR;
      case 'G':
        throw unsupported('\\G', pattern);
      case 't':
        return '\\t';
      case 'n':
        return '\\n';
      case 'r':
        return '\\r';
      case 'f':
        return '\\f';
      case 'a':
        return '\\x07';
      case 'e':
        return '\\x1B';
      case 'c': {
        const control = pattern[index];
        if (control === undefined) throw invalid(pattern);
        index += 1;
        return hexEscape(control.charCodeAt(0) ^ 64);
      }
      case '0': {
        const octal = /^[0-7]{1,3}/.exec(pattern.slice(index));
        if (!octal) throw invalid(pattern);
        let digits = octal[0];
        if (digits.length === 3 && digits[0] > '3') digits = digits.slice(0, 2);
        index += digits.length;
        return hexEscape(parseInt(digits, 8));
      }
      case 'x': {
        const braced = /^\{([0-9a-fA-F]+)\}/.exec(pattern.slice(index));
        if (braced) {
          index += braced[0].length;
          return hexEscape(parseInt(braced[1], 16));
        }
        const plain = /^[0-9a-fA-F]{2}/.exec(pattern.slice(index));
        if (!plain) throw invalid(pattern);
        index += 2;
        return hexEscape(parseInt(plain[0], 16));
      }
      case 'u': {
        const unit = /^[0-9a-fA-F]{4}/.exec(pattern.slice(index));
        if (!unit) throw invalid(pattern);
        index += 4;
        return `\\u${unit[0]}`;
      }
      case 'p':
      case 'P':
        return readProperty(next === 'P', inClass);
      case 'Q': {
        const end = pattern.indexOf('\\E', index);
        const literal = end < 0 ? pattern.slice(index) : pattern.slice(index, end);
        index = end < 0 ? pattern.length : end + 2;
        return [...literal].map((char) => escapeLiteral(char, inClass)).join('');
      }
      case 'E':
        return '';
      case 'k': {
        const name = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(pattern.slice(index));
        if (!name || inClass) throw invalid(pattern);
        index += name[0].length;
        return `\\k<${name[1]}>`;
      }
      default:
        if (/[1-9]/.test(next)) {
          if (inClass) throw invalid(pattern);
          // Java reads the longest group number that exists: \11 is group 1 then "1" when there
          // are fewer than 11 groups.
          let number = Number(next);
          while (
            /[0-9]/.test(pattern[index] ?? '') &&
            number * 10 + Number(pattern[index]) <= groupCount
          ) {
            number = number * 10 + Number(pattern[index]);
            index += 1;
          }
          if (number > groupCount) return '(?!)';
          return `\\${number}(?:)`;
        }
        if (/[a-zA-Z]/.test(next)) throw invalid(pattern);
        return escapeLiteral(next, inClass);
    }
  };

  const readProperty = (negated: boolean, inClass: boolean): string => {
    let name: string;
    if (pattern[index] === '{') {
      const end = pattern.indexOf('}', index);
      if (end < 0) throw invalid(pattern);
      name = pattern.slice(index + 1, end);
      index = end + 1;
    } else {
      name = pattern[index] ?? '';
      index += 1;
    }
    const posix = POSIX_CLASSES[name.replace(/^Is/, '')];
    if (posix !== undefined) {
      if (negated && inClass) throw unsupported(`\\P{${name}} inside a character class`, pattern);
      if (inClass) return posix;
      return negated ? `[^${posix}]` : `[${posix}]`;
    }
    const property = unicodeProperty(name);
    if (property === undefined) throw unsupported(`\\p{${name}}`, pattern);
    return `\\${negated ? 'P' : 'p'}{${property}}`;
  };

  const readClass = (): string => {
    let source = '[';
    index += 1;
    if (pattern[index] === '^') {
      source += '^';
      index += 1;
    }
    if (pattern[index] === ']') {
      source += '\\]';
      index += 1;
    }
    // Java reads a '-' next to a set such as \w as a literal; Unicode mode refuses it unescaped.
    let afterSet = false;
    while (index < pattern.length && pattern[index] !== ']') {
      const char = pattern[index];
      if (char === '[') throw unsupported('character class union', pattern);
      if (char === '&' && pattern[index + 1] === '&') {
        throw unsupported('character class intersection', pattern);
      }
      if (char === '\\') {
        afterSet = 'dDwWsShHvVpP'.includes(pattern[index + 1] ?? '');
        source += readEscape(true);
        continue;
      }
      source += /[\]\\/]/.test(char) || (char === '-' && afterSet) ? `\\${char}` : char;
      afterSet = false;
      index += 1;
    }
    if (index >= pattern.length) throw invalid(pattern);
    index += 1;
    return `${source}]`;
  };

  const readQuantifierSuffix = (): string => {
    const next = pattern[index];
    if (next === '?') {
      index += 1;
      return '?';
    }
    if (next === '+') throw unsupported('possessive quantifier', pattern);
    return '';
  };

  while (index < pattern.length) {
    const char = pattern[index];
    switch (char) {
      case '\\':
        out += readEscape(false);
        break;
      case '[':
        out += readClass();
        break;
      case '.':
        out += dotAll ? '[\\s\\S]' : `[^${LINE_TERMINATORS}]`;
        index += 1;
        break;
      case '$':
        out += multiline ? '$' : BEFORE_FINAL_TERMINATOR;
        index += 1;
        break;
      case '(': {
        const rest = pattern.slice(index);
        if (!rest.startsWith('(?')) {
          out += '(';
          index += 1;
        } else if (/^\(\?(?::|=|!|<=|<!)/.test(rest)) {
          const opener = /^\(\?(?::|=|!|<=|<!)/.exec(rest)?.[0] ?? '';
          out += opener;
          index += opener.length;
        } else if (/^\(\?<[a-zA-Z][a-zA-Z0-9]*>/.test(rest)) {
          const opener = /^\(\?<[a-zA-Z][a-zA-Z0-9]*>/.exec(rest)?.[0] ?? '';
          out += opener;
          index += opener.length;
        } else if (rest.startsWith('(?>')) {
          throw unsupported('atomic group', pattern);
        } else if (/^\(\?[idmsuxU-]*[:)]/.test(rest)) {
          throw unsupported('embedded flag group', pattern);
        } else {
          throw invalid(pattern);
        }
        depth += 1;
        break;
      }
      case ')':
        if (depth === 0) throw invalid(pattern);
        depth -= 1;
        out += ')';
        index += 1;
        break;
      case '*':
      case '+':
      case '?':
        out += char;
        index += 1;
        out += readQuantifierSuffix();
        break;
      case '{': {
        const quantifier = /^\{\d+(?:,\d*)?\}/.exec(pattern.slice(index));
        if (!quantifier) throw invalid(pattern);
        out += quantifier[0];
        index += quantifier[0].length;
        out += readQuantifierSuffix();
        break;
      }
      case ']':
      case '}':
        out += `\\${char}`;
        index += 1;
        break;
      default:
        out += char;
        index += 1;
    }
  }
  if (depth !== 0) throw invalid(pattern);
  return { source: out, flags };
}

const cache = new Map<string, JavaPattern>();

/** A compiled Java pattern (cached by source). */
export function compileJavaRegex(pattern: string): JavaPattern {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const { source, flags } = translateJavaRegex(pattern);
  const { count, names } = scanGroups(pattern);
  let compiled: JavaPattern;
  try {
    compiled = {
      pattern,
      regex: new RegExp(source, `${flags}gud`),
      whole: new RegExp(`(?:${source})${END_OF_INPUT}`, `${flags}yud`),
      prefix: new RegExp(source, `${flags}yud`),
      groupCount: count,
      groupNames: names
    };
  } catch {
    throw invalid(pattern);
  }
  cache.set(pattern, compiled);
  return compiled;
}

function patternOf(pattern: JavaPattern | string): JavaPattern {
  return typeof pattern === 'string' ? compileJavaRegex(pattern) : pattern;
}

/** `Pattern.matches(regex, input)` and `String.matches`: the whole input matches. */
export function matchesWhole(pattern: JavaPattern | string, input: string): boolean {
  const { whole } = patternOf(pattern);
  whole.lastIndex = 0;
  return whole.test(input);
}

function nextIndex(input: string, index: number): number {
  const code = input.codePointAt(index);
  return index + (code !== undefined && code > 0xffff ? 2 : 1);
}

/**
 * Java's String.split(regex, limit): with limit 0 trailing empty strings are removed; a positive
 * limit caps the number of parts; a negative one keeps them all. A zero-width match at the start
 * never produces a leading empty string (Java 8 and later); no match gives the input itself.
 */
export function javaSplit(input: string, pattern: JavaPattern | string, limit = 0): string[] {
  const regex = new RegExp(patternOf(pattern).regex);
  const parts: string[] = [];
  let start = 0;
  let matched = false;
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(input)) !== null) {
    const matchStart = match.index;
    const matchEnd = matchStart + match[0].length;
    if (match[0].length === 0) regex.lastIndex = nextIndex(input, matchEnd);
    if (matchEnd === 0) continue;
    if (limit > 0 && parts.length >= limit - 1) break;
    matched = true;
    parts.push(input.slice(start, matchStart));
    start = matchEnd;
    if (matchStart >= input.length) break;
  }
  if (!matched) return [input];
  parts.push(input.slice(start));
  if (limit === 0) {
    while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  }
  return parts;
}

/**
 * A replacement text as Java's Matcher reads it: `$n` and `${name}` insert groups, a backslash
 * quotes the next character. A dangling backslash or `$`, or a group that does not exist, raises
 * `System.StringException` (Java's IllegalArgumentException / IndexOutOfBoundsException).
 */
export function expandReplacement(
  replacement: string,
  match: RegExpExecArray,
  pattern: JavaPattern
): string {
  let out = '';
  for (let index = 0; index < replacement.length; index += 1) {
    const char = replacement[index];
    if (char === '\\') {
      index += 1;
      if (index >= replacement.length) throw stringError('character to be escaped is missing');
      out += replacement[index];
    } else if (char === '$') {
      index += 1;
      if (index >= replacement.length)
        throw stringError('Illegal group reference: group index is missing');
      if (replacement[index] === '{') {
        const end = replacement.indexOf('}', index);
        const name = end < 0 ? '' : replacement.slice(index + 1, end);
        if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(name))
          throw stringError("named capturing group is missing trailing '}'");
        if (!pattern.groupNames.includes(name)) throw stringError(`No group with name {${name}}`);
        out += match.groups?.[name] ?? '';
        index = end;
      } else {
        if (!/[0-9]/.test(replacement[index])) throw stringError('Illegal group reference');
        let group = Number(replacement[index]);
        while (
          /[0-9]/.test(replacement[index + 1] ?? '') &&
          group * 10 + Number(replacement[index + 1]) <= pattern.groupCount
        ) {
          index += 1;
          group = group * 10 + Number(replacement[index]);
        }
        if (group > pattern.groupCount) throw stringError(`No group ${group}`);
        out += match[group] ?? '';
      }
    } else {
      out += char;
    }
  }
  return out;
}

function replaceWith(
  input: string,
  pattern: JavaPattern,
  replacement: string,
  firstOnly: boolean
): string {
  const regex = new RegExp(
    pattern.regex.source,
    pattern.regex.flags.replace(firstOnly ? 'g' : '', '')
  );
  let out = '';
  let last = 0;
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(input)) !== null) {
    out += input.slice(last, match.index) + expandReplacement(replacement, match, pattern);
    last = match.index + match[0].length;
    if (firstOnly) break;
    if (match[0].length === 0) {
      if (match.index >= input.length) break;
      const next = nextIndex(input, match.index);
      out += input.slice(last, next);
      last = next;
      regex.lastIndex = next;
    }
  }
  return out + input.slice(last);
}

/** `String.replaceAll(regex, replacement)` with Java's replacement syntax. */
export function javaReplaceAll(
  input: string,
  pattern: JavaPattern | string,
  replacement: string
): string {
  return replaceWith(input, patternOf(pattern), replacement, false);
}

/** `String.replaceFirst(regex, replacement)`. */
export function javaReplaceFirst(
  input: string,
  pattern: JavaPattern | string,
  replacement: string
): string {
  return replaceWith(input, patternOf(pattern), replacement, true);
}

/** Java's Pattern.quote: a pattern matching the text literally. */
export function quote(text: string): string {
  return `\\Q${text.replace(/\\E/g, '\\E\\\\E\\Q')}\\E`;
}

/**
 * A Matcher (Apex Reference, "Matcher Class") over one input: `find`, `matches`, `lookingAt`,
 * `group`, `start`, `end`, `groupCount`, `reset`, `replaceAll`, `replaceFirst`. Regions,
 * `hitEnd`, `requireEnd` and transparent or anchoring bounds are not supported offline.
 */
export class JavaMatcher {
  private input: string;
  private current: RegExpExecArray | null = null;
  private searchFrom = 0;

  constructor(
    readonly pattern: JavaPattern,
    input: string
  ) {
    this.input = input;
  }

  /** The next match after the previous one (or from `start`, resetting the matcher). */
  find(start?: number): boolean {
    if (start !== undefined) {
      if (start < 0 || start > this.input.length) throw stringError('Illegal start index');
      this.reset();
      this.searchFrom = start;
    }
    if (this.searchFrom > this.input.length) {
      this.current = null;
      return false;
    }
    const regex = new RegExp(this.pattern.regex);
    regex.lastIndex = this.searchFrom;
    const match = regex.exec(this.input);
    this.current = match;
    if (!match) {
      this.searchFrom = this.input.length + 1;
      return false;
    }
    const end = match.index + match[0].length;
    this.searchFrom = match[0].length === 0 ? nextIndex(this.input, end) : end;
    return true;
  }

  matches(): boolean {
    return this.anchored(this.pattern.whole);
  }

  lookingAt(): boolean {
    return this.anchored(this.pattern.prefix);
  }

  private anchored(regex: RegExp): boolean {
    const sticky = new RegExp(regex);
    sticky.lastIndex = 0;
    this.current = sticky.exec(this.input);
    this.searchFrom = this.current ? this.current.index + this.current[0].length : 0;
    return this.current !== null;
  }

  private requireMatch(): RegExpExecArray {
    if (!this.current) throw stringError('No match found');
    return this.current;
  }

  private groupIndex(group: number | string): number {
    if (typeof group === 'string') {
      if (!this.pattern.groupNames.includes(group)) {
        throw stringError(`No group with name <${group}>`);
      }
      return -1;
    }
    if (group < 0 || group > this.pattern.groupCount) throw stringError(`No group ${group}`);
    return group;
  }

  /** `group()`, `group(n)` or `group(name)`: null when the group did not take part. */
  group(group: number | string = 0): string | null {
    const match = this.requireMatch();
    if (typeof group === 'string') {
      this.groupIndex(group);
      return match.groups?.[group] ?? null;
    }
    return match[this.groupIndex(group)] ?? null;
  }

  /** `start()` / `start(n)`: -1 when the group did not take part. */
  start(group: number | string = 0): number {
    return this.bounds(group)[0];
  }

  end(group: number | string = 0): number {
    return this.bounds(group)[1];
  }

  private bounds(group: number | string): [number, number] {
    const match = this.requireMatch();
    if (typeof group === 'string') {
      this.groupIndex(group);
      return match.indices?.groups?.[group] ?? [-1, -1];
    }
    return match.indices?.[this.groupIndex(group)] ?? [-1, -1];
  }

  groupCount(): number {
    return this.pattern.groupCount;
  }

  reset(input?: string): this {
    if (input !== undefined) this.input = input;
    this.current = null;
    this.searchFrom = 0;
    return this;
  }

  replaceAll(replacement: string): string {
    this.reset();
    return javaReplaceAll(this.input, this.pattern, replacement);
  }

  replaceFirst(replacement: string): string {
    this.reset();
    return javaReplaceFirst(this.input, this.pattern, replacement);
  }
}

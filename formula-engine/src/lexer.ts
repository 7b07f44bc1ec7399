import { FormulaError } from './formulaError';

export type TokenKind =
  'number' | 'string' | 'ident' | 'op' | 'lparen' | 'rparen' | 'comma' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** For strings the unescaped value, for identifiers and operators the source text. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const OPERATORS = [
  '==',
  '!=',
  '<>',
  '<=',
  '>=',
  '&&',
  '||',
  '+',
  '-',
  '*',
  '/',
  '^',
  '&',
  '=',
  '<',
  '>',
  '!'
];

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  '\\': '\\',
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f'
};

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

/**
 * Splits formula source into tokens. Comments are `/* ... *\/`; strings take either quote and
 * Salesforce's backslash escapes; a dotted name such as `Account.Owner.Name` is one identifier.
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const length = source.length;
  let i = 0;
  while (i < length) {
    const c = source.charCodeAt(i);
    // A no-break space never gets here: compileFormula refuses invisible characters first.
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const start = i;
    if (c === 47 && source.charCodeAt(i + 1) === 42) {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) {
        throw new FormulaError('Syntax error. Comment is not closed with */', start, length);
      }
      i = close + 2;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(source.charCodeAt(i + 1)))) {
      while (isDigit(source.charCodeAt(i))) i++;
      if (source.charCodeAt(i) === 46) {
        i++;
        while (isDigit(source.charCodeAt(i))) i++;
      }
      if (isIdentStart(source.charCodeAt(i))) {
        throw new FormulaError(`Syntax error. Unexpected '${source[i]}' after a number`, i, i + 1);
      }
      tokens.push({ kind: 'number', text: source.slice(start, i), start, end: i });
      continue;
    }
    if (c === 34 || c === 39) {
      tokens.push(readString(source, i));
      i = tokens[tokens.length - 1].end;
      continue;
    }
    if (isIdentStart(c)) {
      i++;
      for (;;) {
        while (isIdentPart(source.charCodeAt(i))) i++;
        if (source.charCodeAt(i) === 46 && isIdentStart(source.charCodeAt(i + 1))) {
          i++;
          continue;
        }
        break;
      }
      if (source.charCodeAt(i) === 46) {
        throw new FormulaError('Syntax error. Expected a field name after "."', i, i + 1);
      }
      tokens.push({ kind: 'ident', text: source.slice(start, i), start, end: i });
      continue;
    }
    if (c === 40 || c === 41 || c === 44) {
      const kind: TokenKind = c === 40 ? 'lparen' : c === 41 ? 'rparen' : 'comma';
      tokens.push({ kind, text: source[i], start, end: i + 1 });
      i++;
      continue;
    }
    const op = operatorAt(source, i);
    if (op === undefined) {
      throw new FormulaError(`Syntax error. Unexpected character '${source[i]}'`, i, i + 1);
    }
    tokens.push({ kind: 'op', text: op, start, end: i + op.length });
    i += op.length;
  }
  tokens.push({ kind: 'eof', text: '', start: length, end: length });
  return tokens;
}

function operatorAt(source: string, position: number): string | undefined {
  return OPERATORS.find((candidate) => source.startsWith(candidate, position));
}

function readString(source: string, start: number): Token {
  const quote = source[start];
  let value = '';
  let i = start + 1;
  for (;;) {
    if (i >= source.length) {
      throw new FormulaError('Syntax error. Text is not closed with a quote', start, source.length);
    }
    const ch = source[i];
    if (ch === quote) {
      return { kind: 'string', text: value, start, end: i + 1 };
    }
    if (ch === '\\') {
      const escaped = ESCAPES[source[i + 1] ?? ''];
      if (escaped === undefined) {
        throw new FormulaError(
          'Syntax error. Invalid escape sequence; use \\\\, \\", \\\', \\n, \\r, \\t, \\b or \\f',
          i,
          Math.min(i + 2, source.length)
        );
      }
      value += escaped;
      i += 2;
      continue;
    }
    value += ch;
    i++;
  }
}

/**
 * Quoted strings in SOQL. The Apex lexer reads them, so Apex's escape sequences apply (`\n`, `\t`,
 * `\'`, `\\`, `\uXXXX`, letters in either case as SOQL allows); SOQL adds `\%` and `\_`, a literal
 * percent sign or underscore in a LIKE pattern (SOQL and SOSL Reference, "Quoted String Escape
 * Sequences"). The Apex lexer rejects those two, so dynamic query text is rewritten before lexing:
 * each becomes a `\u` escape of a private-use character that the decoder turns back into an
 * escaped wildcard.
 */

const ESCAPED_PERCENT = '\uE025';
const ESCAPED_UNDERSCORE = '\uE05F';

/**
 * Dynamic query text with `\%` and `\_` inside quoted strings replaced by `\uE025` and `\uE05F`,
 * so that the Apex lexer accepts it. Columns after a replacement on the same line shift by four.
 */
export function protectLikeEscapes(text: string): string {
  let result = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (!inString) {
      inString = char === "'";
      result += char;
      continue;
    }
    if (char === '\\' && i + 1 < text.length) {
      const next = text[i + 1];
      if (next === '%') result += '\\uE025';
      else if (next === '_') result += '\\uE05F';
      else result += char + next;
      i++;
      continue;
    }
    if (char === "'") inString = false;
    result += char;
  }
  return result;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  '"': '"',
  "'": "'",
  '\\': '\\'
};

export interface DecodedString {
  value: string;
  /** Indexes of `%` and `_` that were escaped (literal in a LIKE pattern). */
  escapedWildcards: number[];
}

/** The value of a `StringLiteral` or `MultilineStringLiteral` token, quotes included. */
export function decodeStringLiteral(token: string): DecodedString {
  let body: string;
  if (token.startsWith("'''")) {
    // The newline after the opening quotes belongs to the syntax, not to the value.
    body = token.slice(3, -3).replace(/^\r?\n/, '');
  } else {
    body = token.slice(1, -1);
  }
  let value = '';
  const escapedWildcards: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char !== '\\') {
      value += char;
      continue;
    }
    const next = body[i + 1] ?? '';
    const lower = next.toLowerCase();
    if (lower === 'u') {
      const code = String.fromCharCode(parseInt(body.slice(i + 2, i + 6), 16));
      i += 5;
      if (code === ESCAPED_PERCENT || code === ESCAPED_UNDERSCORE) {
        escapedWildcards.push(value.length);
        value += code === ESCAPED_PERCENT ? '%' : '_';
      } else {
        value += code;
      }
      continue;
    }
    value += SIMPLE_ESCAPES[lower] ?? next;
    i++;
  }
  return { value, escapedWildcards };
}

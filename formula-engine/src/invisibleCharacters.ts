import { FormulaError } from './formulaError';

/**
 * Characters that look like nothing or like an ordinary space, and arrive when a formula is
 * copied from a web page, a word processor or a chat: the org reads them as part of a name or a
 * text literal, so `ISPICKVAL(StageName, "Closed<NBSP>Won")` silently never matches. The engine
 * refuses them everywhere, text literals and comments included (a deliberate choice: the docs are
 * silent, and an invisible character is never what the admin meant to type).
 *
 * `replacement` is what `removeInvisibleCharacters` puts in their place: a space for the space
 * look-alikes (so "Closed<NBSP>Won" becomes "Closed Won"), a line break for the Unicode line and
 * paragraph separators, nothing for the zero-width and control characters.
 */
interface InvisibleCharacter {
  readonly name: string;
  readonly replacement: '' | ' ' | '\n';
}

const SPACE_LOOK_ALIKES: readonly [number, string][] = [
  [0x00a0, 'NO-BREAK SPACE'],
  [0x1680, 'OGHAM SPACE MARK'],
  [0x2000, 'EN QUAD'],
  [0x2001, 'EM QUAD'],
  [0x2002, 'EN SPACE'],
  [0x2003, 'EM SPACE'],
  [0x2004, 'THREE-PER-EM SPACE'],
  [0x2005, 'FOUR-PER-EM SPACE'],
  [0x2006, 'SIX-PER-EM SPACE'],
  [0x2007, 'FIGURE SPACE'],
  [0x2008, 'PUNCTUATION SPACE'],
  [0x2009, 'THIN SPACE'],
  [0x200a, 'HAIR SPACE'],
  [0x202f, 'NARROW NO-BREAK SPACE'],
  [0x205f, 'MEDIUM MATHEMATICAL SPACE'],
  [0x3000, 'IDEOGRAPHIC SPACE']
];

const LINE_BREAK_LOOK_ALIKES: readonly [number, string][] = [
  [0x0085, 'NEXT LINE'],
  [0x2028, 'LINE SEPARATOR'],
  [0x2029, 'PARAGRAPH SEPARATOR']
];

const ZERO_WIDTH: readonly [number, string][] = [
  [0x00ad, 'SOFT HYPHEN'],
  [0x034f, 'COMBINING GRAPHEME JOINER'],
  [0x061c, 'ARABIC LETTER MARK'],
  [0x115f, 'HANGUL CHOSEONG FILLER'],
  [0x1160, 'HANGUL JUNGSEONG FILLER'],
  [0x17b4, 'KHMER VOWEL INHERENT AQ'],
  [0x17b5, 'KHMER VOWEL INHERENT AA'],
  [0x180e, 'MONGOLIAN VOWEL SEPARATOR'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2060, 'WORD JOINER'],
  [0x2061, 'FUNCTION APPLICATION'],
  [0x2062, 'INVISIBLE TIMES'],
  [0x2063, 'INVISIBLE SEPARATOR'],
  [0x2064, 'INVISIBLE PLUS'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0x206a, 'INHIBIT SYMMETRIC SWAPPING'],
  [0x206b, 'ACTIVATE SYMMETRIC SWAPPING'],
  [0x206c, 'INHIBIT ARABIC FORM SHAPING'],
  [0x206d, 'ACTIVATE ARABIC FORM SHAPING'],
  [0x206e, 'NATIONAL DIGIT SHAPES'],
  [0x206f, 'NOMINAL DIGIT SHAPES'],
  [0x3164, 'HANGUL FILLER'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE (BYTE ORDER MARK)'],
  [0xffa0, 'HALFWIDTH HANGUL FILLER'],
  [0xfff9, 'INTERLINEAR ANNOTATION ANCHOR'],
  [0xfffa, 'INTERLINEAR ANNOTATION SEPARATOR'],
  [0xfffb, 'INTERLINEAR ANNOTATION TERMINATOR']
];

/** Tab, line feed and carriage return are the formula's own whitespace; other controls are not. */
function isControlCharacter(code: number): boolean {
  return (
    (code <= 0x1f && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
    (code >= 0x7f && code <= 0x9f && code !== 0x85)
  );
}

const INVISIBLE: ReadonlyMap<number, InvisibleCharacter> = new Map([
  ...SPACE_LOOK_ALIKES.map(([code, name]): [number, InvisibleCharacter] => [
    code,
    { name, replacement: ' ' }
  ]),
  ...LINE_BREAK_LOOK_ALIKES.map(([code, name]): [number, InvisibleCharacter] => [
    code,
    { name, replacement: '\n' }
  ]),
  ...ZERO_WIDTH.map(([code, name]): [number, InvisibleCharacter] => [
    code,
    { name, replacement: '' }
  ])
]);

function describeAt(code: number): InvisibleCharacter | undefined {
  const known = INVISIBLE.get(code);
  if (known !== undefined) return known;
  return isControlCharacter(code) ? { name: 'CONTROL CHARACTER', replacement: '' } : undefined;
}

/** 'U+00A0', as the Unicode standard writes a code point. */
function codePointLabel(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

export interface InvisibleCharacterFound {
  /** Offset into the formula (0-based, like FormulaError.start). */
  readonly index: number;
  /** 'U+00A0'. */
  readonly code: string;
  /** The Unicode character name, e.g. 'NO-BREAK SPACE'. */
  readonly name: string;
}

/** Every invisible character of `source`, in order. */
export function findInvisibleCharacters(source: string): InvisibleCharacterFound[] {
  const found: InvisibleCharacterFound[] = [];
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index);
    // Printable ASCII is the whole of almost every formula: skip it without a lookup.
    if (code >= 0x20 && code < 0x7f) continue;
    const character = describeAt(code);
    if (character !== undefined) {
      found.push({ index, code: codePointLabel(code), name: character.name });
    }
  }
  return found;
}

/**
 * The formula without its invisible characters: space look-alikes become an ordinary space, the
 * Unicode line separators a line break, zero-width and control characters are dropped. Every
 * other character, and so every formula without invisible characters, is kept as it is.
 */
export function removeInvisibleCharacters(source: string): string {
  let result = '';
  let copiedUpTo = 0;
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index);
    if (code >= 0x20 && code < 0x7f) continue;
    const character = describeAt(code);
    if (character === undefined) continue;
    result += source.slice(copiedUpTo, index) + character.replacement;
    copiedUpTo = index + 1;
  }
  return copiedUpTo === 0 ? source : result + source.slice(copiedUpTo);
}

/** Line and column (both from 1, as editors count) of an offset. */
function lineAndColumn(source: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < index; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/** Throws a compile FormulaError at the first invisible character, naming it and its place. */
export function rejectInvisibleCharacters(source: string): void {
  const found = findInvisibleCharacters(source);
  if (found.length === 0) return;
  const [first] = found;
  const { line, column } = lineAndColumn(source, first.index);
  const more =
    found.length === 1
      ? ''
      : ` (${found.length - 1} more invisible character${found.length === 2 ? '' : 's'} follow)`;
  throw new FormulaError(
    `Invisible character ${first.code} ${first.name} at line ${line}, column ${column}${more}. Delete it or retype the text around it; pasted text often carries such characters.`,
    first.index,
    first.index + 1
  );
}

/**
 * The methods of Apex's String class (Apex Reference, "String Class"), one function per method,
 * named as in Apex; instance methods take the receiver first. An Apex String is a
 * java.lang.String: indexes count UTF-16 code units, as JavaScript's do. Methods that come from
 * java.lang.String raise a NullPointerException for a null argument, as Java does; those that
 * come from Apache Commons Lang's StringUtils (abbreviate, capitalize, center, leftPad, mid,
 * substringBefore, isBlank...) treat null the way StringUtils does.
 */
import {
  ApexRuntimeError,
  NotSupportedOfflineError,
  requireNonNull,
  stringError
} from './apexErrors';
import { HTML4_CODE_BY_ENTITY, HTML4_ENTITY_BY_CODE } from './htmlEntities';
import { javaReplaceAll, javaReplaceFirst, javaSplit, matchesWhole } from './javaRegex';
import { formatMessage } from './messageFormat';
import { concatenationString, toApexString, valueOfGmt as datetimeValueOfGmt } from './stringify';
import type { ApexDatetime } from '../values/temporal';

// ----- Java character classes -----

/** java.lang.Character.isWhitespace: space separators except no-break ones, and \t-\r, \x1C-\x1F. */
export function isJavaWhitespace(char: string): boolean {
  const code = char.charCodeAt(0);
  if ((code >= 9 && code <= 13) || (code >= 0x1c && code <= 0x20)) return true;
  if (code === 0xa0 || code === 0x2007 || code === 0x202f) return false;
  return /^[\p{Zs}\p{Zl}\p{Zp}]$/u.test(char);
}

const isLetter = (char: string): boolean => /^\p{L}$/u.test(char);
const isDigit = (char: string): boolean => /^\p{Nd}$/u.test(char);
const isLowerCase = (char: string): boolean => /^\p{Lowercase}$/u.test(char);
const isUpperCase = (char: string): boolean => /^\p{Uppercase}$/u.test(char);

/** The code units of a string, one string each (Java's char loop). */
const units = (text: string): string[] => text.split('');

/** Java's Character.toUpperCase(char): one unit to one unit, else unchanged. */
function upperUnit(char: string): string {
  const upper = char.toUpperCase();
  return upper.length === 1 ? upper : char;
}

function lowerUnit(char: string): string {
  const lower = char.toLowerCase();
  return lower.length === 1 ? lower : char;
}

function unitsEqualIgnoreCase(a: string, b: string): boolean {
  if (a === b) return true;
  const upperA = upperUnit(a);
  const upperB = upperUnit(b);
  return upperA === upperB || lowerUnit(upperA) === lowerUnit(upperB);
}

/** java.lang.String.regionMatches(true, ...). */
function regionMatchesIgnoreCase(text: string, offset: number, other: string): boolean {
  if (offset < 0 || offset + other.length > text.length) return false;
  for (let index = 0; index < other.length; index += 1) {
    if (!unitsEqualIgnoreCase(text[offset + index], other[index])) return false;
  }
  return true;
}

function outOfRange(index: number): ApexRuntimeError {
  return stringError(`String index out of range: ${index}`);
}

// ----- Length, characters, code points -----

export function length(s: string): number {
  return s.length;
}

/** `charAt(index)`: the UTF-16 code unit, as an Integer. */
export function charAt(s: string, index: number): number {
  if (index < 0 || index >= s.length) throw outOfRange(index);
  return s.charCodeAt(index);
}

export function codePointAt(s: string, index: number): number {
  if (index < 0 || index >= s.length) throw outOfRange(index);
  return s.codePointAt(index) as number;
}

export function codePointBefore(s: string, index: number): number {
  if (index < 1 || index > s.length) throw outOfRange(index);
  const low = s.charCodeAt(index - 1);
  if (index >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = s.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return s.codePointAt(index - 2) as number;
  }
  return low;
}

export function codePointCount(s: string, beginIndex: number, endIndex: number): number {
  if (beginIndex < 0 || endIndex > s.length || beginIndex > endIndex) throw outOfRange(beginIndex);
  return [...s.slice(beginIndex, endIndex)].length;
}

export function offsetByCodePoints(s: string, index: number, codePointOffset: number): number {
  if (index < 0 || index > s.length) throw outOfRange(index);
  let position = index;
  const isLow = (at: number): boolean => s.charCodeAt(at) >= 0xdc00 && s.charCodeAt(at) <= 0xdfff;
  const isHigh = (at: number): boolean => s.charCodeAt(at) >= 0xd800 && s.charCodeAt(at) <= 0xdbff;
  for (let step = 0; step < codePointOffset; step += 1) {
    if (position >= s.length) throw outOfRange(position);
    position += isHigh(position) && isLow(position + 1) ? 2 : 1;
  }
  for (let step = 0; step > codePointOffset; step -= 1) {
    if (position <= 0) throw outOfRange(position);
    position -= isLow(position - 1) && isHigh(position - 2) ? 2 : 1;
  }
  return position;
}

/** `getChars()`: the code units as Integers. */
export function getChars(s: string): number[] {
  return units(s).map((char) => char.charCodeAt(0));
}

/** `String.fromCharArray(charArray)`: code units to a String. */
export function fromCharArray(charArray: readonly number[]): string {
  return charArray.map((code) => String.fromCharCode(code)).join('');
}

/** `hashCode()`: Java's String.hashCode, a 32-bit Integer. */
export function hashCode(s: string): number {
  let hash = 0;
  for (let index = 0; index < s.length; index += 1) {
    hash = (Math.imul(hash, 31) + s.charCodeAt(index)) | 0;
  }
  return hash;
}

// ----- Comparison -----

/** `compareTo(other)`: Java's lexicographic difference of code units, or of lengths. */
export function compareTo(s: string, other: string | null): number {
  const second = requireNonNull(other);
  const shorter = Math.min(s.length, second.length);
  for (let index = 0; index < shorter; index += 1) {
    const difference = s.charCodeAt(index) - second.charCodeAt(index);
    if (difference !== 0) return difference;
  }
  return s.length - second.length;
}

/** `equals(other)`: case-sensitive; false for a non-String (the `==` operator ignores case). */
export function equals(s: string, other: unknown): boolean {
  return typeof other === 'string' && s === other;
}

export function equalsIgnoreCase(s: string, other: string | null): boolean {
  return other !== null && s.length === other.length && regionMatchesIgnoreCase(s, 0, other);
}

// ----- Searching -----

export function contains(s: string, substring: string | null): boolean {
  return s.includes(requireNonNull(substring));
}

export function containsIgnoreCase(s: string, substring: string | null): boolean {
  if (substring === null) return false;
  for (let index = 0; index <= s.length - substring.length; index += 1) {
    if (regionMatchesIgnoreCase(s, index, substring)) return true;
  }
  return false;
}

export function containsAny(s: string, inputString: string | null): boolean {
  if (!inputString) return false;
  return units(s).some((char) => inputString.includes(char));
}

export function containsNone(s: string, inputString: string | null): boolean {
  if (!inputString) return true;
  return !containsAny(s, inputString);
}

export function containsOnly(s: string, inputString: string | null): boolean {
  if (inputString === null) return false;
  return units(s).every((char) => inputString.includes(char));
}

export function containsWhitespace(s: string): boolean {
  return units(s).some(isJavaWhitespace);
}

/** `countMatches(substring)`: non-overlapping occurrences; 0 for an empty or null substring. */
export function countMatches(s: string, substring: string | null): number {
  if (!substring) return 0;
  let count = 0;
  for (
    let index = s.indexOf(substring);
    index >= 0;
    index = s.indexOf(substring, index + substring.length)
  ) {
    count += 1;
  }
  return count;
}

export function endsWith(s: string, suffix: string | null): boolean {
  return s.endsWith(requireNonNull(suffix));
}

export function endsWithIgnoreCase(s: string, suffix: string | null): boolean {
  if (suffix === null) return false;
  return regionMatchesIgnoreCase(s, s.length - suffix.length, suffix);
}

export function startsWith(s: string, prefix: string | null): boolean {
  return s.startsWith(requireNonNull(prefix));
}

export function startsWithIgnoreCase(s: string, prefix: string | null): boolean {
  if (prefix === null) return false;
  return regionMatchesIgnoreCase(s, 0, prefix);
}

/** `indexOf(substring)` and `indexOf(substring, index)`: -1 when absent. */
export function indexOf(s: string, substring: string | null, index = 0): number {
  return s.indexOf(requireNonNull(substring), Math.max(index, 0));
}

export function indexOfIgnoreCase(s: string, substring: string | null, startPosition = 0): number {
  if (substring === null) return -1;
  for (let index = Math.max(startPosition, 0); index <= s.length - substring.length; index += 1) {
    if (regionMatchesIgnoreCase(s, index, substring)) return index;
  }
  return -1;
}

/** `indexOfChar(char)` and `indexOfChar(char, fromIndex)`: by code point. */
export function indexOfChar(s: string, char: number, fromIndex = 0): number {
  return s.indexOf(String.fromCodePoint(char), Math.max(fromIndex, 0));
}

export function lastIndexOf(s: string, substring: string | null, endPosition?: number): number {
  const target = requireNonNull(substring);
  if (endPosition !== undefined && endPosition < 0) return -1;
  return s.lastIndexOf(target, endPosition ?? Infinity);
}

export function lastIndexOfIgnoreCase(
  s: string,
  substring: string | null,
  endPosition: number = s.length
): number {
  if (substring === null) return -1;
  for (let index = Math.min(endPosition, s.length - substring.length); index >= 0; index -= 1) {
    if (regionMatchesIgnoreCase(s, index, substring)) return index;
  }
  return -1;
}

export function lastIndexOfChar(s: string, char: number, endIndex?: number): number {
  if (endIndex !== undefined && endIndex < 0) return -1;
  return s.lastIndexOf(String.fromCodePoint(char), endIndex ?? Infinity);
}

export function indexOfAny(s: string, substring: string | null): number {
  if (!substring) return -1;
  return units(s).findIndex((char) => substring.includes(char));
}

export function indexOfAnyBut(s: string, substring: string | null): number {
  if (!s) return -1;
  if (!substring) return 0;
  return units(s).findIndex((char) => !substring.includes(char));
}

/** `indexOfDifference(other)`: where the two first differ; -1 when equal. */
export function indexOfDifference(s: string, other: string | null): number {
  const second = other ?? '';
  if (s === second) return -1;
  let index = 0;
  while (index < s.length && index < second.length && s[index] === second[index]) index += 1;
  return index;
}

/** `difference(other)`: the rest of `other` from where the two differ. */
export function difference(s: string, other: string | null): string {
  if (other === null) return s;
  const at = indexOfDifference(s, other);
  return at === -1 ? '' : other.slice(at);
}

/** `String.getCommonPrefix(strings)`. */
export function getCommonPrefix(strings: readonly (string | null)[]): string {
  if (strings.length === 0) return '';
  if (strings.some((item) => item === null || item === '')) return '';
  const texts = strings as readonly string[];
  let prefix = texts[0];
  for (const text of texts.slice(1)) {
    let index = 0;
    while (index < prefix.length && index < text.length && prefix[index] === text[index])
      index += 1;
    prefix = prefix.slice(0, index);
  }
  return prefix;
}

/**
 * `getLevenshteinDistance(other)` and `getLevenshteinDistance(other, threshold)`: edits between
 * the strings; with a threshold, -1 when the distance exceeds it.
 */
export function getLevenshteinDistance(
  s: string,
  other: string | null,
  threshold?: number
): number {
  const target = requireNonNull(other);
  if (threshold !== undefined && threshold < 0) {
    throw new ApexRuntimeError('System.IllegalArgumentException', 'Threshold must not be negative');
  }
  let previous = Array.from({ length: target.length + 1 }, (_, index) => index);
  for (let row = 1; row <= s.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= target.length; column += 1) {
      const cost = s[row - 1] === target[column - 1] ? 0 : 1;
      current[column] = Math.min(
        current[column - 1] + 1,
        previous[column] + 1,
        previous[column - 1] + cost
      );
    }
    previous = current;
  }
  const distance = previous[target.length];
  return threshold !== undefined && distance > threshold ? -1 : distance;
}

// ----- Predicates -----

/** `String.isBlank(s)`: null, empty, or only Java whitespace. */
export function isBlank(s: string | null): boolean {
  return s === null || units(s).every(isJavaWhitespace);
}

export function isNotBlank(s: string | null): boolean {
  return !isBlank(s);
}

export function isEmpty(s: string | null): boolean {
  return s === null || s.length === 0;
}

export function isNotEmpty(s: string | null): boolean {
  return !isEmpty(s);
}

/** `isWhitespace()`: only whitespace, or empty. */
export function isWhitespace(s: string): boolean {
  return units(s).every(isJavaWhitespace);
}

/** `isAlpha()`: Unicode letters only; false for an empty String (StringUtils 3). */
export function isAlpha(s: string): boolean {
  return s.length > 0 && units(s).every(isLetter);
}

export function isAlphaSpace(s: string): boolean {
  return units(s).every((char) => char === ' ' || isLetter(char));
}

export function isAlphanumeric(s: string): boolean {
  return s.length > 0 && units(s).every((char) => isLetter(char) || isDigit(char));
}

export function isAlphanumericSpace(s: string): boolean {
  return units(s).every((char) => char === ' ' || isLetter(char) || isDigit(char));
}

/** `isNumeric()`: Unicode digits only (no sign, no point); false for an empty String. */
export function isNumeric(s: string): boolean {
  return s.length > 0 && units(s).every(isDigit);
}

export function isNumericSpace(s: string): boolean {
  return units(s).every((char) => char === ' ' || isDigit(char));
}

export function isAsciiPrintable(s: string): boolean {
  return units(s).every((char) => char >= ' ' && char <= '~');
}

export function isAllLowerCase(s: string): boolean {
  return s.length > 0 && units(s).every(isLowerCase);
}

export function isAllUpperCase(s: string): boolean {
  return s.length > 0 && units(s).every(isUpperCase);
}

/** `matches(regex)`: the whole String matches the Java regular expression. */
export function matches(s: string, regex: string | null): boolean {
  return matchesWhole(requireNonNull(regex), s);
}

// ----- Pieces -----

/**
 * `substring(startIndex)` and `substring(startIndex, endIndex)`. Out-of-range positions raise
 * `System.StringException: Starting position out of bounds: n` or `Ending position out of
 * bounds: n` (the messages developers report; the docs give none).
 */
export function substring(s: string, startIndex: number, endIndex: number = s.length): string {
  if (startIndex < 0 || startIndex > s.length) {
    throw stringError(`Starting position out of bounds: ${startIndex}`);
  }
  if (endIndex > s.length || endIndex < startIndex) {
    throw stringError(`Ending position out of bounds: ${endIndex}`);
  }
  return s.slice(startIndex, endIndex);
}

/** `left(length)`: the first `length` characters; empty for a negative length. */
export function left(s: string, len: number): string {
  return len < 0 ? '' : s.slice(0, len);
}

export function right(s: string, len: number): string {
  if (len < 0) return '';
  return len >= s.length ? s : s.slice(s.length - len);
}

/** `mid(startIndex, length)` (StringUtils.mid: a negative start counts as 0). */
export function mid(s: string, startIndex: number, len: number): string {
  if (len < 0 || startIndex > s.length) return '';
  const start = Math.max(startIndex, 0);
  return s.slice(start, start + len);
}

export function substringAfter(s: string, separator: string | null): string {
  if (s === '') return s;
  if (separator === null) return '';
  const position = s.indexOf(separator);
  return position < 0 ? '' : s.slice(position + separator.length);
}

export function substringAfterLast(s: string, separator: string | null): string {
  if (s === '') return s;
  if (!separator) return '';
  const position = s.lastIndexOf(separator);
  return position < 0 || position === s.length - separator.length
    ? ''
    : s.slice(position + separator.length);
}

export function substringBefore(s: string, separator: string | null): string {
  if (s === '' || separator === null) return s;
  if (separator === '') return '';
  const position = s.indexOf(separator);
  return position < 0 ? s : s.slice(0, position);
}

export function substringBeforeLast(s: string, separator: string | null): string {
  if (s === '' || !separator) return s;
  const position = s.lastIndexOf(separator);
  return position < 0 ? s : s.slice(0, position);
}

/** `substringBetween(tag)` and `substringBetween(open, close)`: null when not found. */
export function substringBetween(
  s: string,
  open: string | null,
  close: string | null = open
): string | null {
  if (open === null || close === null) return null;
  const start = s.indexOf(open);
  if (start < 0) return null;
  const end = s.indexOf(close, start + open.length);
  return end < 0 ? null : s.slice(start + open.length, end);
}

/**
 * `split(regexp)` and `split(regexp, limit)`: Java's String.split, so trailing empty strings are
 * dropped with limit 0 (`'a,b,,'.split(',')` is `(a, b)`) and the separator is a Java regex
 * (`'a.b'.split('.')` is empty; use `'\\.'`).
 */
export function split(s: string, regexp: string | null, limit = 0): string[] {
  return javaSplit(s, requireNonNull(regexp), limit);
}

type CharacterType = string;

const CATEGORIES = [
  'Lu',
  'Ll',
  'Lt',
  'Lm',
  'Lo',
  'Mn',
  'Me',
  'Mc',
  'Nd',
  'Nl',
  'No',
  'Zs',
  'Zl',
  'Zp',
  'Cc',
  'Cf',
  'Co',
  'Cs',
  'Pd',
  'Ps',
  'Pe',
  'Pc',
  'Po',
  'Sm',
  'Sc',
  'Sk',
  'So',
  'Pi',
  'Pf'
].map((category) => [category, new RegExp(`^\\p{${category}}$`, 'u')] as const);

function characterType(char: string): CharacterType {
  return CATEGORIES.find(([, regex]) => regex.test(char))?.[0] ?? 'Cn';
}

function splitByType(s: string, camelCase: boolean): string[] {
  if (s === '') return [];
  const chars = units(s);
  const parts: string[] = [];
  let tokenStart = 0;
  let currentType = characterType(chars[0]);
  for (let position = 1; position < chars.length; position += 1) {
    const type = characterType(chars[position]);
    if (type === currentType) continue;
    if (camelCase && type === 'Ll' && currentType === 'Lu') {
      const newTokenStart = position - 1;
      if (newTokenStart !== tokenStart) {
        parts.push(s.slice(tokenStart, newTokenStart));
        tokenStart = newTokenStart;
      }
    } else {
      parts.push(s.slice(tokenStart, position));
      tokenStart = position;
    }
    currentType = type;
  }
  parts.push(s.slice(tokenStart));
  return parts;
}

/** `splitByCharacterType()`: runs of one Unicode category (`'ab12CD'` gives `(ab, 12, CD)`). */
export function splitByCharacterType(s: string): string[] {
  return splitByType(s, false);
}

/** `splitByCharacterTypeCamelCase()`: as above, an upper-case letter starting a lower-case run. */
export function splitByCharacterTypeCamelCase(s: string): string[] {
  return splitByType(s, true);
}

// ----- Building -----

/** `abbreviate(maxWidth)` and `abbreviate(maxWidth, offset)` (StringUtils.abbreviate). */
export function abbreviate(s: string, maxWidth: number, offset = 0): string {
  const illegal = (message: string): ApexRuntimeError =>
    new ApexRuntimeError('System.IllegalArgumentException', message);
  if (maxWidth < 4) throw illegal('Minimum abbreviation width is 4');
  if (s.length <= maxWidth) return s;
  let start = Math.min(offset, s.length);
  if (s.length - start < maxWidth - 3) start = s.length - (maxWidth - 3);
  if (start <= 4) return `${s.slice(0, maxWidth - 3)}...`;
  if (maxWidth < 7) throw illegal('Minimum abbreviation width with offset is 7');
  if (start + maxWidth - 3 < s.length) return `...${abbreviate(s.slice(start), maxWidth - 3)}`;
  return `...${s.slice(s.length - (maxWidth - 3))}`;
}

function padding(count: number, padStr: string): string {
  const pad = padStr === '' ? ' ' : padStr;
  return pad.repeat(Math.ceil(count / pad.length)).slice(0, count);
}

/** `leftPad(length)` and `leftPad(length, padStr)`: spaces by default. */
export function leftPad(s: string, len: number, padStr: string | null = ' '): string {
  const count = len - s.length;
  return count <= 0 ? s : padding(count, padStr ?? ' ') + s;
}

export function rightPad(s: string, len: number, padStr: string | null = ' '): string {
  const count = len - s.length;
  return count <= 0 ? s : s + padding(count, padStr ?? ' ');
}

/** `center(size)` and `center(size, padStr)`: the extra padding goes on the right. */
export function center(s: string, size: number, padStr: string | null = ' '): string {
  const count = size - s.length;
  if (count <= 0) return s;
  return rightPad(leftPad(s, s.length + Math.floor(count / 2), padStr), size, padStr);
}

/** `repeat(numberOfTimes)` and `repeat(separator, numberOfTimes)`. */
export function repeat(s: string, separatorOrTimes: string | number, times?: number): string {
  if (typeof separatorOrTimes === 'number')
    return separatorOrTimes <= 0 ? '' : s.repeat(separatorOrTimes);
  const count = times ?? 0;
  return count <= 0 ? '' : Array.from({ length: count }, () => s).join(separatorOrTimes);
}

/** `String.join(iterableObj, separator)`: elements as concatenation prints them, null as `null`. */
export function join(values: readonly unknown[], separator: string | null): string {
  return values.map((value) => concatenationString(value)).join(separator ?? '');
}

/**
 * `format(stringToFormat, formattingArguments)`: java.text.MessageFormat in the user's locale
 * (`messageFormat.ts`).
 */
export function format(template: string, args: readonly unknown[], locale: string): string {
  return formatMessage(template, args, locale);
}

/** `reverse()`: by code point, so surrogate pairs stay whole. */
export function reverse(s: string): string {
  return [...s].reverse().join('');
}

// ----- Changing -----

/** `replace(target, replacement)`: every literal occurrence. */
export function replace(s: string, target: string | null, replacement: string | null): string {
  const search = requireNonNull(target);
  const substitute = requireNonNull(replacement);
  return s.replaceAll(search, () => substitute);
}

export function replaceAll(s: string, regExp: string | null, replacement: string | null): string {
  return javaReplaceAll(s, requireNonNull(regExp), requireNonNull(replacement));
}

export function replaceFirst(s: string, regExp: string | null, replacement: string | null): string {
  return javaReplaceFirst(s, requireNonNull(regExp), requireNonNull(replacement));
}

/** `remove(substring)`: every occurrence. */
export function remove(s: string, substring: string | null): string {
  return substring ? s.replaceAll(substring, '') : s;
}

export function removeStart(s: string, substring: string | null): string {
  return substring && s.startsWith(substring) ? s.slice(substring.length) : s;
}

export function removeStartIgnoreCase(s: string, substring: string | null): string {
  return substring && startsWithIgnoreCase(s, substring) ? s.slice(substring.length) : s;
}

export function removeEnd(s: string, substring: string | null): string {
  return substring && s.endsWith(substring) ? s.slice(0, s.length - substring.length) : s;
}

export function removeEndIgnoreCase(s: string, substring: string | null): string {
  return substring && endsWithIgnoreCase(s, substring)
    ? s.slice(0, s.length - substring.length)
    : s;
}

/** `trim()`: removes leading and trailing characters up to U+0020, as Java's trim does. */
export function trim(s: string): string {
  return s.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/**
 * `normalizeSpace()`: trims and collapses runs of Java whitespace to one space
 * (StringUtils.normalizeSpace of Commons Lang 3.4 and later: a no-break space is not whitespace
 * but is written as a plain space, and the result is finally trimmed of characters up to U+0020).
 */
export function normalizeSpace(s: string): string {
  let out = '';
  let whitespaceRun = 0;
  let leading = true;
  for (const char of units(s)) {
    if (isJavaWhitespace(char)) {
      if (whitespaceRun === 0 && !leading) out += ' ';
      whitespaceRun += 1;
    } else {
      leading = false;
      out += char === '\u00a0' ? ' ' : char;
      whitespaceRun = 0;
    }
  }
  if (leading) return '';
  return trim(whitespaceRun > 0 ? out.slice(0, -1) : out);
}

export function deleteWhitespace(s: string): string {
  return units(s)
    .filter((char) => !isJavaWhitespace(char))
    .join('');
}

/** `capitalize()`: the first character in upper case, the rest unchanged. */
export function capitalize(s: string): string {
  if (s === '') return s;
  const first = String.fromCodePoint(s.codePointAt(0) as number);
  const upper = first.toUpperCase();
  return (upper.length === first.length ? upper : first) + s.slice(first.length);
}

export function uncapitalize(s: string): string {
  if (s === '') return s;
  const first = String.fromCodePoint(s.codePointAt(0) as number);
  const lower = first.toLowerCase();
  return (lower.length === first.length ? lower : first) + s.slice(first.length);
}

export function swapCase(s: string): string {
  return units(s)
    .map((char) =>
      isUpperCase(char) ? lowerUnit(char) : isLowerCase(char) ? upperUnit(char) : char
    )
    .join('');
}

/**
 * `toLowerCase()` and `toLowerCase(locale)`. Without a locale the rules are language-neutral
 * (Java's default locale on the platform is English); with one, that language's rules (Turkish
 * dotless i).
 */
export function toLowerCase(s: string, locale?: string): string {
  return locale ? s.toLocaleLowerCase(locale.replace('_', '-')) : s.toLowerCase();
}

export function toUpperCase(s: string, locale?: string): string {
  return locale ? s.toLocaleUpperCase(locale.replace('_', '-')) : s.toUpperCase();
}

/**
 * `stripHtmlTags()`: the text without markup (String Class: `'<b>hello world</b>'` gives
 * `hello world`). Script and style contents and character entities are not documented; input
 * holding them raises NotSupportedOfflineError.
 */
export function stripHtmlTags(s: string): string {
  if (/<\s*(script|style)\b/i.test(s) || /&[#a-zA-Z0-9]+;/.test(s)) {
    throw new NotSupportedOfflineError('stripHtmlTags on script, style or character entities');
  }
  return s.replace(/<[^>]*>/g, '');
}

// ----- Escaping -----

/** `String.escapeSingleQuotes(s)`: a backslash before every single quote (for dynamic SOQL). */
export function escapeSingleQuotes(s: string): string {
  return s.replace(/'/g, "\\'");
}

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/** `escapeHtml4()`: `&quot; &amp; &lt; &gt;` and the HTML 4.0 named entities. */
export function escapeHtml4(s: string): string {
  return units(s)
    .map((char) => {
      const name = HTML4_ENTITY_BY_CODE.get(char.charCodeAt(0));
      return name ? `&${name};` : char;
    })
    .join('');
}

/** `escapeHtml3()`: the basic and ISO-8859-1 entities only. */
export function escapeHtml3(s: string): string {
  return units(s)
    .map((char) => {
      const code = char.charCodeAt(0);
      const name = HTML4_ENTITY_BY_CODE.get(code);
      return name && code < 256 ? `&${name};` : char;
    })
    .join('');
}

function unescapeEntities(s: string, named: (name: string) => number | undefined): string {
  return s.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z][a-zA-Z0-9]*);/g, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code = /^#[xX]/.test(body) ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    const code = named(body);
    return code === undefined ? entity : String.fromCharCode(code);
  });
}

/** `unescapeHtml4()`: named entities of HTML 4.0 and numeric references. */
export function unescapeHtml4(s: string): string {
  return unescapeEntities(s, (name) => HTML4_CODE_BY_ENTITY.get(name));
}

export function unescapeHtml3(s: string): string {
  return unescapeEntities(s, (name) => {
    const code = HTML4_CODE_BY_ENTITY.get(name);
    return code !== undefined && code < 256 ? code : undefined;
  });
}

const XML_ENTITIES: Record<string, string> = {
  '"': '&quot;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&apos;'
};

/** `escapeXml()`: the five XML entities; characters above 0x7F stay as they are. */
export function escapeXml(s: string): string {
  return s.replace(/["&<>']/g, (char) => XML_ENTITIES[char]);
}

export function unescapeXml(s: string): string {
  const codes: Record<string, number> = { quot: 34, amp: 38, lt: 60, gt: 62, apos: 39 };
  return unescapeEntities(s, (name) => codes[name]);
}

/** `escapeCsv()`: quoted, with quotes doubled, when it holds a comma, quote, CR or LF. */
export function escapeCsv(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function unescapeCsv(s: string): string {
  if (s.length < 2 || !s.startsWith('"') || !s.endsWith('"')) return s;
  const inner = s.slice(1, -1);
  return /[",\r\n]/.test(inner) ? inner.replace(/""/g, '"') : s;
}

function escapeJavaLike(s: string, ecmaScript: boolean): string {
  return units(s)
    .map((char) => {
      const code = char.charCodeAt(0);
      switch (char) {
        case '\b':
          return '\\b';
        case '\n':
          return '\\n';
        case '\t':
          return '\\t';
        case '\f':
          return '\\f';
        case '\r':
          return '\\r';
        case '"':
          return '\\"';
        case '\\':
          return '\\\\';
        case "'":
          return ecmaScript ? "\\'" : char;
        case '/':
          return ecmaScript ? '\\/' : char;
      }
      if (code < 32 || code > 0x7f) return `\\u${hex4(code)}`;
      return char;
    })
    .join('');
}

/** `escapeJava()`: Java string-literal escapes; characters outside ASCII as `\uXXXX`. */
export function escapeJava(s: string): string {
  return escapeJavaLike(s, false);
}

/** `escapeEcmaScript()`: as escapeJava, also `'` and `/`. */
export function escapeEcmaScript(s: string): string {
  return escapeJavaLike(s, true);
}

/** `escapeUnicode()`: characters outside ASCII as `\uXXXX`. */
export function escapeUnicode(s: string): string {
  return units(s)
    .map((char) => (char.charCodeAt(0) > 0x7f ? `\\u${hex4(char.charCodeAt(0))}` : char))
    .join('');
}

const SIMPLE_UNESCAPES: Record<string, string> = {
  b: '\b',
  n: '\n',
  t: '\t',
  f: '\f',
  r: '\r',
  '"': '"',
  "'": "'",
  '\\': '\\',
  '/': '/'
};

/** `unescapeJava()`: Java escapes, `\uXXXX` and octal. */
export function unescapeJava(s: string): string {
  return s.replace(/\\(u+[0-9a-fA-F]{4}|[0-3]?[0-7]{1,2}|[bntfr"'\\/])/g, (whole, body: string) => {
    if (body.startsWith('u')) return String.fromCharCode(parseInt(body.replace(/^u+/, ''), 16));
    if (/^[0-7]/.test(body)) return String.fromCharCode(parseInt(body, 8));
    return SIMPLE_UNESCAPES[body] ?? whole;
  });
}

export function unescapeEcmaScript(s: string): string {
  return unescapeJava(s);
}

export function unescapeUnicode(s: string): string {
  return s.replace(/\\u+([0-9a-fA-F]{4})/g, (_, code: string) =>
    String.fromCharCode(parseInt(code, 16))
  );
}

// ----- Conversions -----

/**
 * `String.valueOf(x)` for x's static type (`stringify.ts`): a Date as `yyyy-MM-dd`, a Datetime as
 * `yyyy-MM-dd HH:mm:ss` in the user's time zone, a Decimal with its scale.
 */
export function valueOf(value: unknown, timeZone: string): string {
  return toApexString(value, timeZone);
}

/** `String.valueOfGmt(datetime)`. */
export function valueOfGmt(datetime: ApexDatetime): string {
  return datetimeValueOfGmt(datetime);
}

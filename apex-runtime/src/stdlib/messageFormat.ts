/**
 * `String.format(template, arguments)` (Apex Reference, "String Class": "Treat the current string
 * as a pattern that should be used for substitution in the same manner as apex:outputText"), which
 * is java.text.MessageFormat: `{0}` inserts an argument, a single quote starts quoted text, `''` is
 * a quote (so `Don't {0}` prints `Dont {0}`: the quote runs to the end), an argument index past
 * the list stays as `{n}`. Numbers are formatted by the user's locale like `format()`
 * (`1,234.5`); `{n,number}`, `{n,number,integer}` and `{n,number,percent}` are supported. Date,
 * time, choice and custom number sub-formats, and Date/Datetime/Time arguments (which
 * MessageFormat would format with Java's own date style), raise NotSupportedOfflineError.
 */
import { ApexDecimal } from '../values/decimal';
import { ApexDouble } from '../values/primitives';
import { ApexDate, ApexDatetime, ApexTime } from '../values/temporal';
import { ApexRuntimeError, NotSupportedOfflineError } from './apexErrors';
import { formatNumber, type FormattableNumber } from './localeFormat';
import { concatenationString } from './stringify';

interface Placeholder {
  index: number;
  type: string;
  style: string;
}

type Segment = string | Placeholder;

function illegalArgument(message: string): ApexRuntimeError {
  return new ApexRuntimeError('System.IllegalArgumentException', message);
}

/** Splits a MessageFormat pattern into literal text and placeholders, as Java's applyPattern. */
export function parseMessagePattern(pattern: string): Segment[] {
  const segments: Segment[] = [];
  let text = '';
  let inQuote = false;
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index];
    if (char === "'") {
      if (pattern[index + 1] === "'") {
        text += "'";
        index += 2;
      } else {
        inQuote = !inQuote;
        index += 1;
      }
      continue;
    }
    if (char === '{' && !inQuote) {
      if (text) segments.push(text);
      text = '';
      const [placeholder, next] = readPlaceholder(pattern, index + 1);
      segments.push(placeholder);
      index = next;
      continue;
    }
    text += char;
    index += 1;
  }
  if (text) segments.push(text);
  return segments;
}

function readPlaceholder(pattern: string, start: number): [Placeholder, number] {
  const parts = [''];
  let depth = 1;
  let inQuote = false;
  let index = start;
  while (index < pattern.length) {
    const char = pattern[index];
    if (char === "'") {
      inQuote = !inQuote;
      parts[parts.length - 1] += char;
    } else if (inQuote) {
      parts[parts.length - 1] += char;
    } else if (char === ',' && parts.length < 3 && depth === 1) {
      parts.push('');
    } else if (char === '{') {
      depth += 1;
      parts[parts.length - 1] += char;
    } else if (char === '}') {
      depth -= 1;
      if (depth === 0) break;
      parts[parts.length - 1] += char;
    } else {
      parts[parts.length - 1] += char;
    }
    index += 1;
  }
  if (index >= pattern.length) throw illegalArgument('Unmatched braces in the pattern.');
  const indexText = parts[0].trim();
  if (!/^\d+$/.test(indexText)) {
    throw illegalArgument(`can't parse argument number: ${parts[0]}`);
  }
  return [
    { index: Number(indexText), type: (parts[1] ?? '').trim(), style: (parts[2] ?? '').trim() },
    index + 1
  ];
}

function isNumber(value: unknown): value is FormattableNumber {
  return (
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    value instanceof ApexDouble ||
    value instanceof ApexDecimal
  );
}

function formatArgument(placeholder: Placeholder, value: unknown, locale: string): string {
  if (value === null || value === undefined) return 'null';
  const { type, style } = placeholder;
  if (type === '') {
    if (isNumber(value)) return formatNumber(value, locale);
    if (value instanceof ApexDate || value instanceof ApexDatetime || value instanceof ApexTime) {
      throw new NotSupportedOfflineError('String.format with a Date, Datetime or Time argument');
    }
    return concatenationString(value);
  }
  if (type === 'number' && isNumber(value)) {
    if (style === '') return formatNumber(value, locale);
    if (style === 'integer') return formatNumber(value, locale, 0);
    if (style === 'percent') {
      const decimal =
        value instanceof ApexDecimal
          ? value
          : value instanceof ApexDouble
            ? ApexDecimal.fromDouble(value.value)
            : ApexDecimal.fromInteger(value);
      return `${formatNumber(decimal.multiply(ApexDecimal.fromInteger(100)), locale, 0)}%`;
    }
  }
  throw new NotSupportedOfflineError(
    `String.format placeholder {${placeholder.index},${type}${style ? `,${style}` : ''}}`
  );
}

/** `String.format(template, arguments)` in the user's locale. */
export function formatMessage(template: string, args: readonly unknown[], locale: string): string {
  return parseMessagePattern(template)
    .map((segment) => {
      if (typeof segment === 'string') return segment;
      // Java prints only the argument number of a placeholder it has no argument for.
      if (segment.index >= args.length) return `{${segment.index}}`;
      return formatArgument(segment, args[segment.index], locale);
    })
    .join('');
}

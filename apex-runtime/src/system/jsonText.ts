/**
 * JSON text as Apex's JSON class reads and writes it: a parser that keeps every number's digits
 * (so `1.50` deserialises to a Decimal of scale 2 and 12345678901234567890 stays exact), and a
 * writer that prints already-converted values. Malformed input is a System.JSONException naming
 * the position, as the platform reports it.
 */
import { ApexRuntimeError } from '../stdlib/apexErrors';

export type JsonNode =
  | { kind: 'null' }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'number'; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'array'; items: JsonNode[] }
  | { kind: 'object'; entries: [string, JsonNode][] };

/** Nesting deeper than this is refused instead of overflowing the stack. */
const MAX_DEPTH = 512;

function malformed(text: string, position: number, detail: string): ApexRuntimeError {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return new ApexRuntimeError(
    'System.JSONException',
    `Malformed JSON: ${detail} at [line:${line}, column:${column}]`
  );
}

export function parseJson(text: string): JsonNode {
  let position = 0;
  const skipSpace = () => {
    while (position < text.length && /\s/.test(text[position])) position++;
  };
  const expect = (char: string) => {
    if (text[position] !== char) throw malformed(text, position, `Expected '${char}'`);
    position++;
  };
  const parseString = (): string => {
    expect('"');
    let result = '';
    while (position < text.length) {
      const char = text[position++];
      if (char === '"') return result;
      if (char !== '\\') {
        result += char;
        continue;
      }
      const escape = text[position++];
      switch (escape) {
        case 'n':
          result += '\n';
          break;
        case 't':
          result += '\t';
          break;
        case 'r':
          result += '\r';
          break;
        case 'b':
          result += '\b';
          break;
        case 'f':
          result += '\f';
          break;
        case 'u': {
          const hex = text.slice(position, position + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex))
            throw malformed(text, position, 'Invalid unicode escape');
          result += String.fromCharCode(parseInt(hex, 16));
          position += 4;
          break;
        }
        case '"':
        case '\\':
        case '/':
          result += escape;
          break;
        default:
          throw malformed(text, position - 1, `Invalid escape '\\${escape ?? ''}'`);
      }
    }
    throw malformed(text, position, 'Unterminated string');
  };
  const parseValue = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) throw malformed(text, position, 'Nesting too deep');
    skipSpace();
    const char = text[position];
    if (char === '{') {
      position++;
      const entries: [string, JsonNode][] = [];
      skipSpace();
      if (text[position] === '}') {
        position++;
        return { kind: 'object', entries };
      }
      for (;;) {
        skipSpace();
        const key = parseString();
        skipSpace();
        expect(':');
        entries.push([key, parseValue(depth + 1)]);
        skipSpace();
        if (text[position] === ',') {
          position++;
          continue;
        }
        expect('}');
        return { kind: 'object', entries };
      }
    }
    if (char === '[') {
      position++;
      const items: JsonNode[] = [];
      skipSpace();
      if (text[position] === ']') {
        position++;
        return { kind: 'array', items };
      }
      for (;;) {
        items.push(parseValue(depth + 1));
        skipSpace();
        if (text[position] === ',') {
          position++;
          continue;
        }
        expect(']');
        return { kind: 'array', items };
      }
    }
    if (char === '"') return { kind: 'string', value: parseString() };
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(position)
    );
    if (!literal)
      throw malformed(text, position, `Unexpected character ('${char ?? 'end of input'}')`);
    position += literal[0].length;
    if (literal[0] === 'null') return { kind: 'null' };
    if (literal[0] === 'true' || literal[0] === 'false')
      return { kind: 'boolean', value: literal[0] === 'true' };
    return { kind: 'number', text: literal[0] };
  };
  const root = parseValue(0);
  skipSpace();
  if (position < text.length) throw malformed(text, position, 'Unexpected content after the value');
  return root;
}

/** A value ready to print: what JSON.serialize has converted an Apex value to. */
export type JsonOutput =
  null | boolean | string | { number: string } | JsonOutput[] | { entries: [string, JsonOutput][] };

export function writeJson(value: JsonOutput, pretty: boolean, indent = ''): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  const inner = pretty ? `${indent}  ` : '';
  const newline = pretty ? '\n' : '';
  if (Array.isArray(value)) {
    if (value.length === 0) return pretty ? '[ ]' : '[]';
    const items = value.map((item) => inner + writeJson(item, pretty, inner));
    return `[${newline}${items.join(`,${newline}`)}${newline}${indent}]`;
  }
  if ('number' in value) return value.number;
  if (value.entries.length === 0) return pretty ? '{ }' : '{}';
  const separator = pretty ? ' : ' : ':';
  const entries = value.entries.map(
    ([key, item]) => `${inner}${JSON.stringify(key)}${separator}${writeJson(item, pretty, inner)}`
  );
  return `{${newline}${entries.join(`,${newline}`)}${newline}${indent}}`;
}

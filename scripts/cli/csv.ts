/**
 * A streaming CSV reader (RFC 4180, as Data Loader, report exports, Excel and Bulk API 2.0 write
 * it): comma, semicolon or tab separated, fields optionally in double quotes, "" for a quote
 * inside quotes, separators and line breaks allowed inside quotes, LF or CRLF line ends, an
 * optional byte-order mark. Text arrives in chunks of any size; each record is handed over with
 * the line number it starts on (line 1 is the header), so a problem can be reported where an
 * admin finds it in an editor. A field is kept up to `maxFieldLength` characters: a longer one
 * makes its record malformed, so one huge cell never holds the whole file in memory.
 */
import { createReadStream } from 'node:fs';

export interface CsvRecordHandler {
  /** A complete record. `problem` is set when the record is malformed (the fields are partial). */
  (fields: string[], line: number, problem: string | null): void;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** The longest value a Salesforce field holds (Long Text Area, Rich Text Area: 131,072). */
export const MAX_FIELD_LENGTH = 131_072;

export interface CsvReaderOptions {
  /** The separator: `,` (default), `;` or a tab. */
  delimiter?: string;
  maxFieldLength?: number;
}

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted
}

export class CsvReader {
  private state = State.FieldStart;
  private fields: string[] = [];
  /** Text of the current field carried over from earlier chunks. */
  private pending = '';
  private line = 1;
  private recordLine = 1;
  private problem: string | null = null;
  private skipLineFeed = false;
  private started = false;
  private recordOpen = false;
  /** The current field passed `maxFieldLength`: the rest of it is skipped. */
  private overlong = false;
  private readonly delimiter: number;
  private readonly maxFieldLength: number;

  constructor(
    private readonly onRecord: CsvRecordHandler,
    options: CsvReaderOptions = {}
  ) {
    this.delimiter = (options.delimiter ?? ',').charCodeAt(0);
    this.maxFieldLength = options.maxFieldLength ?? MAX_FIELD_LENGTH;
  }

  /** Adds text to the current field, up to the longest field kept. */
  private append(text: string): void {
    if (this.overlong) return;
    if (this.pending.length + text.length <= this.maxFieldLength) {
      this.pending += text;
      return;
    }
    this.overlong = true;
    // A copy of the kept part: a slice would keep the whole chunk it came from alive.
    this.pending = Buffer.from(
      (this.pending + text.slice(0, this.maxFieldLength - this.pending.length)).slice(0, 200),
      'utf16le'
    ).toString('utf16le');
    if (this.problem === null) {
      this.problem = `field ${this.fields.length + 1} is longer than ${this.maxFieldLength.toLocaleString('en-US')} characters, the longest value a Salesforce field holds`;
    }
  }

  private pushField(text: string): void {
    this.append(text);
    this.fields.push(this.pending);
    this.pending = '';
    this.overlong = false;
  }

  /** Reads one chunk of text. */
  push(text: string): void {
    let i = 0;
    const n = text.length;
    if (!this.started) {
      this.started = true;
      if (n > 0 && text.charCodeAt(0) === 0xfeff) i = 1;
    }
    let start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.skipLineFeed) {
        this.skipLineFeed = false;
        if (c === LF) {
          i++;
          start = i;
          continue;
        }
      }
      switch (this.state) {
        case State.FieldStart:
          this.recordOpen = true;
          if (c === QUOTE) {
            this.state = State.Quoted;
            i++;
            start = i;
            continue;
          }
          // The same character is read again as the start of an unquoted field.
          this.state = State.Unquoted;
          start = i;
          continue;
        case State.Unquoted: {
          // Scan to the end of the field in one tight loop: most fields of an export are plain.
          let j = i;
          let d = c;
          const delimiter = this.delimiter;
          while (d !== delimiter && d !== LF && d !== CR) {
            if (d === QUOTE && this.problem === null) {
              this.problem = `a quote inside an unquoted field (field ${this.fields.length + 1})`;
            }
            if (++j >= n) break;
            d = text.charCodeAt(j);
          }
          if (j >= n) {
            i = n;
            continue;
          }
          if (this.pending === '' && j - start <= this.maxFieldLength) {
            this.fields.push(text.slice(start, j));
          } else {
            this.pushField(text.slice(start, j));
          }
          if (d === this.delimiter) this.state = State.FieldStart;
          else this.endRecord(d);
          i = j + 1;
          continue;
        }
        case State.Quoted: {
          const close = text.indexOf('"', i);
          const end = close < 0 ? n : close;
          for (
            let lf = text.indexOf('\n', i);
            lf >= 0 && lf < end;
            lf = text.indexOf('\n', lf + 1)
          ) {
            this.line++;
          }
          this.append(text.slice(i, end));
          if (close < 0) {
            i = n;
            start = n;
            continue;
          }
          this.state = State.QuoteInQuoted;
          i = close + 1;
          start = i;
          continue;
        }
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            this.append('"');
            this.state = State.Quoted;
            i++;
            continue;
          }
          if (c === this.delimiter) {
            this.pushField('');
            this.state = State.FieldStart;
            i++;
            continue;
          }
          if (c === LF || c === CR) {
            this.pushField('');
            this.endRecord(c);
            i++;
            continue;
          }
          if (this.problem === null) {
            this.problem = `text after a closing quote (field ${this.fields.length + 1})`;
          }
          this.state = State.Unquoted;
          start = i;
          continue;
      }
    }
    if (this.state === State.Unquoted) this.append(text.slice(start, n));
  }

  /** Ends the input: a last record without a line break, or an unterminated quote. */
  end(): void {
    if (this.state === State.Quoted) {
      this.pushField('');
      this.problem = 'a quoted field is not closed before the end of the file';
      this.flush();
      return;
    }
    if (this.recordOpen) {
      this.pushField('');
      this.flush();
    }
  }

  private endRecord(c: number): void {
    this.flush();
    this.line++;
    this.recordLine = this.line;
    if (c === CR) this.skipLineFeed = true;
  }

  private flush(): void {
    const fields = this.fields;
    this.fields = [];
    this.pending = '';
    this.overlong = false;
    this.state = State.FieldStart;
    this.recordOpen = false;
    const problem = this.problem;
    this.problem = null;
    this.onRecord(fields, this.recordLine, problem);
  }
}

/** Parses a whole CSV text (tests, Bulk API pages). */
export function parseCsv(
  text: string
): { fields: string[]; line: number; problem: string | null }[] {
  const rows: { fields: string[]; line: number; problem: string | null }[] = [];
  const reader = new CsvReader((fields, line, problem) => rows.push({ fields, line, problem }));
  reader.push(text);
  reader.end();
  return rows;
}

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** `--encoding` values: WHATWG labels, plus the names admins use. */
export function encodingOf(name: string): CsvEncoding | null {
  const lower = name.toLowerCase().replace(/_/g, '-');
  if (['utf-8', 'utf8'].includes(lower)) return 'utf-8';
  if (['utf-16', 'utf-16le', 'utf16le', 'ucs-2'].includes(lower)) return 'utf-16le';
  if (['utf-16be', 'utf16be'].includes(lower)) return 'utf-16be';
  if (['latin1', 'latin-1', 'iso-8859-1', 'windows-1252', 'cp1252', 'ansi'].includes(lower)) {
    return 'windows-1252';
  }
  return null;
}

/** The encoding a byte-order mark announces, or null. */
export function encodingFromBom(bytes: Uint8Array): CsvEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

const SEPARATORS = [',', ';', '\t'];

/**
 * The separator of a CSV text from its first line: an Excel `sep=;` line, else the one of `,`,
 * `;` and tab found most often outside quotes (a comma when none is).
 */
export function sniffDelimiter(text: string): string {
  const sep = /^\uFEFF?sep=(.)\r?\n/.exec(text);
  if (sep) return sep[1];
  const counts = new Map<string, number>(SEPARATORS.map((separator) => [separator, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) as number) + 1);
  }
  let best = ',';
  for (const separator of SEPARATORS) {
    if ((counts.get(separator) as number) > (counts.get(best) as number)) best = separator;
  }
  return best;
}

/** Thrown when a file read as UTF-8 (detected, not asked for) holds bytes that are not UTF-8. */
export class NotUtf8Error extends Error {
  constructor(readonly byteOffset: number) {
    super(`bytes near offset ${byteOffset} are not UTF-8`);
  }
}

export interface CsvFileFormat {
  encoding: CsvEncoding;
  /** How the encoding was chosen. */
  encodingFrom: 'byte-order mark' | 'option' | 'detected';
  delimiter: string;
  delimiterFrom: 'option' | 'detected';
}

/**
 * Streams a CSV file through a reader, reporting bytes read for a progress bar. The encoding is
 * the byte-order mark's, else `options.encoding`, else UTF-8 checked strictly: a byte sequence
 * that is not UTF-8 throws NotUtf8Error (the caller reads the file again as Windows-1252, the
 * Latin-1 superset Excel writes). The separator is `options.delimiter`, else sniffed.
 */
export async function readCsvFile(
  path: string,
  onRecord: CsvRecordHandler,
  onBytes: (bytesRead: number) => void = () => undefined,
  options: { encoding?: CsvEncoding; delimiter?: string; maxFieldLength?: number } = {},
  onFormat: (format: CsvFileFormat) => void = () => undefined
): Promise<CsvFileFormat> {
  let reader: CsvReader | null = null;
  let decoder: TextDecoder | null = null;
  let format: CsvFileFormat | null = null;
  let offset = 0;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const start = (text: string): CsvReader => {
    const delimiter = options.delimiter ?? sniffDelimiter(text);
    (format as CsvFileFormat).delimiter = delimiter;
    (format as CsvFileFormat).delimiterFrom = options.delimiter ? 'option' : 'detected';
    onFormat(format as CsvFileFormat);
    return new CsvReader(onRecord, { delimiter, maxFieldLength: options.maxFieldLength });
  };
  const decode = (bytes: Buffer, end: boolean): string => {
    try {
      return (decoder as TextDecoder).decode(bytes, { stream: !end });
    } catch {
      throw new NotUtf8Error(offset);
    }
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (decoder === null) {
      const bom = encodingFromBom(chunk);
      const encoding = bom ?? options.encoding ?? 'utf-8';
      format = {
        encoding,
        encodingFrom: bom ? 'byte-order mark' : options.encoding ? 'option' : 'detected',
        delimiter: ',',
        delimiterFrom: 'detected'
      };
      // Only a detected UTF-8 is checked strictly; an asked-for one shows bad bytes as U+FFFD.
      decoder = new TextDecoder(encoding, { fatal: format.encodingFrom === 'detected' });
    }
    const text = decode(chunk, false);
    reader ??= start(text);
    reader.push(text);
    offset += chunk.length;
    onBytes(stream.bytesRead);
  }
  if (decoder === null) {
    format = {
      encoding: 'utf-8',
      encodingFrom: 'detected',
      delimiter: ',',
      delimiterFrom: 'detected'
    };
    return format;
  }
  const rest = decode(Buffer.alloc(0), true);
  reader ??= start(rest);
  reader.push(rest);
  reader.end();
  return format as CsvFileFormat;
}

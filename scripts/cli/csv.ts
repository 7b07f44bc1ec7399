/**
 * A streaming CSV reader (RFC 4180, as Data Loader, report exports and Bulk API 2.0 write it):
 * comma separated, fields optionally in double quotes, "" for a quote inside quotes, commas and
 * line breaks allowed inside quotes, LF or CRLF line ends, an optional UTF-8 byte-order mark.
 * Text arrives in chunks of any size; each record is handed over with the line number it starts
 * on (line 1 is the header), so a problem can be reported where an admin finds it in an editor.
 */
import { createReadStream } from 'node:fs';

export interface CsvRecordHandler {
  /** A complete record. `problem` is set when the record is malformed (the fields are partial). */
  (fields: string[], line: number, problem: string | null): void;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

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

  constructor(private readonly onRecord: CsvRecordHandler) {}

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
          while (d !== COMMA && d !== LF && d !== CR) {
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
          this.fields.push(this.pending + text.slice(start, j));
          this.pending = '';
          if (d === COMMA) this.state = State.FieldStart;
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
          this.pending += text.slice(i, end);
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
            this.pending += '"';
            this.state = State.Quoted;
            i++;
            continue;
          }
          if (c === COMMA) {
            this.fields.push(this.pending);
            this.pending = '';
            this.state = State.FieldStart;
            i++;
            continue;
          }
          if (c === LF || c === CR) {
            this.fields.push(this.pending);
            this.pending = '';
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
    if (this.state === State.Unquoted) this.pending += text.slice(start, n);
  }

  /** Ends the input: a last record without a line break, or an unterminated quote. */
  end(): void {
    if (this.state === State.Quoted) {
      this.fields.push(this.pending);
      this.problem = 'a quoted field is not closed before the end of the file';
      this.flush();
      return;
    }
    if (this.recordOpen) {
      this.fields.push(this.pending);
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

/** Streams a CSV file through a reader, reporting bytes read for a progress bar. */
export async function readCsvFile(
  path: string,
  onRecord: CsvRecordHandler,
  onBytes: (bytesRead: number) => void = () => undefined
): Promise<void> {
  const reader = new CsvReader(onRecord);
  // Node's own UTF-8 decoding (StringDecoder) keeps a character split between chunks whole.
  const stream = createReadStream(path, { highWaterMark: 1 << 20, encoding: 'utf8' });
  for await (const chunk of stream as AsyncIterable<string>) {
    reader.push(chunk);
    onBytes(stream.bytesRead);
  }
  reader.end();
}

/**
 * The streaming CSV reader: RFC 4180 quoting, line numbers of records that span lines, a
 * byte-order mark, CRLF, and the same records whatever the chunk size the text arrives in.
 */
import { CsvReader, parseCsv } from '../csv';

function inChunks(text: string, size: number) {
  const rows: { fields: string[]; line: number; problem: string | null }[] = [];
  const reader = new CsvReader((fields, line, problem) => rows.push({ fields, line, problem }));
  for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
  reader.end();
  return rows;
}

const SAMPLE =
  '\uFEFFId,Name,Note\r\n' +
  '1,"Acme, Inc.","He said ""yes""\r\nthen left"\r\n' +
  '2,,\r\n' +
  '3,Plain,"last"';

describe('CsvReader', () => {
  it('reads quoted commas, doubled quotes and line breaks, and numbers records by their first line', () => {
    expect(parseCsv(SAMPLE)).toEqual([
      { fields: ['Id', 'Name', 'Note'], line: 1, problem: null },
      { fields: ['1', 'Acme, Inc.', 'He said "yes"\r\nthen left'], line: 2, problem: null },
      { fields: ['2', '', ''], line: 4, problem: null },
      { fields: ['3', 'Plain', 'last'], line: 5, problem: null }
    ]);
  });

  it('gives the same records for every chunk size', () => {
    const whole = parseCsv(SAMPLE);
    for (let size = 1; size <= SAMPLE.length; size++) {
      expect(inChunks(SAMPLE, size)).toEqual(whole);
    }
  });

  it('keeps a blank line as a one-field record, so the caller reports it, and ignores a final line break', () => {
    expect(parseCsv('a,b\n\n1,2\n')).toEqual([
      { fields: ['a', 'b'], line: 1, problem: null },
      { fields: [''], line: 2, problem: null },
      { fields: ['1', '2'], line: 3, problem: null }
    ]);
  });

  it('names a stray quote, text after a closing quote and an unclosed quote', () => {
    expect(parseCsv('a"b,c\n"x"y,z\n"open,1').map((row) => row.problem)).toEqual([
      'a quote inside an unquoted field (field 1)',
      'text after a closing quote (field 1)',
      'a quoted field is not closed before the end of the file'
    ]);
  });
});

import {
  compileFormula,
  findInvisibleCharacters,
  FormulaError,
  removeInvisibleCharacters
} from '../formulaEngine';
import { compileErrorOf, OPPORTUNITY, run } from './testSchema';

/**
 * Invisible characters arrive with formulas pasted from web pages and documents. Salesforce's
 * docs say nothing about them; the engine's choice (formulaEngine.ts doc comment) is to refuse
 * them anywhere in the formula with an error naming the character and where it is, and to offer
 * `removeInvisibleCharacters` to clean the text.
 */
describe('a formula with an invisible character does not compile', () => {
  it.each([
    ['\u00a0', 'U+00A0 NO-BREAK SPACE'],
    ['\u200b', 'U+200B ZERO WIDTH SPACE'],
    ['\u200c', 'U+200C ZERO WIDTH NON-JOINER'],
    ['\u200d', 'U+200D ZERO WIDTH JOINER'],
    ['\ufeff', 'U+FEFF ZERO WIDTH NO-BREAK SPACE (BYTE ORDER MARK)'],
    ['\u2060', 'U+2060 WORD JOINER'],
    ['\u202f', 'U+202F NARROW NO-BREAK SPACE'],
    ['\u2028', 'U+2028 LINE SEPARATOR'],
    ['\u00ad', 'U+00AD SOFT HYPHEN'],
    ['\u200e', 'U+200E LEFT-TO-RIGHT MARK'],
    ['\u0007', 'U+0007 CONTROL CHARACTER']
  ])('names %j as %s with its line, column and span', (character, described) => {
    const error = compileErrorOf(`Amount >${character}0`);
    expect(error).toBeInstanceOf(FormulaError);
    expect(error).toMatchObject({
      phase: 'compile',
      start: 8,
      end: 9,
      message: expect.stringContaining(`Invisible character ${described} at line 1, column 9`)
    });
  });

  it('counts lines and columns from 1, as editors do', () => {
    expect(compileErrorOf('AND(\n  Amount > 0,\n\u200b  TRUE)')).toMatchObject({
      start: 19,
      message: expect.stringContaining('at line 3, column 1')
    });
  });

  it('refuses one inside a text literal, where it would make the comparison silently fail', () => {
    expect(compileErrorOf('ISPICKVAL(StageName, "Closed\u00a0Won")')).toMatchObject({
      start: 28,
      message: expect.stringContaining('U+00A0 NO-BREAK SPACE')
    });
  });

  it('says how many more follow the first', () => {
    expect(compileErrorOf('\ufeffAmount\u00a0>\u00a00')).toMatchObject({
      start: 0,
      message: expect.stringContaining('(2 more invisible characters follow)')
    });
  });

  it('keeps tabs, line feeds and carriage returns as whitespace', () => {
    expect(run('AND(\r\n\tAmount > 0,\n\tTRUE)', { Amount: 1 })).toBe(true);
  });

  it('keeps visible non-ASCII text in literals', () => {
    expect(run('"Ærø " & "✓"')).toBe('Ærø ✓');
  });
});

describe('findInvisibleCharacters', () => {
  it('lists each invisible character with its offset, code and name', () => {
    expect(findInvisibleCharacters('a\u00a0b\u200bc')).toEqual([
      { index: 1, code: 'U+00A0', name: 'NO-BREAK SPACE' },
      { index: 3, code: 'U+200B', name: 'ZERO WIDTH SPACE' }
    ]);
  });

  it('finds none in an ordinary formula', () => {
    expect(findInvisibleCharacters('AND(Amount > 0,\n\tNOT(IsClosed)) /* Ærø */')).toEqual([]);
  });
});

describe('removeInvisibleCharacters', () => {
  it('turns space look-alikes into spaces, so "Closed Won" keeps its space', () => {
    expect(removeInvisibleCharacters('ISPICKVAL(StageName,\u00a0"Closed\u202fWon")')).toBe(
      'ISPICKVAL(StageName, "Closed Won")'
    );
  });

  it('deletes zero-width characters, the byte order mark and control characters', () => {
    expect(removeInvisibleCharacters('\ufeffAm\u200bou\u200cn\u200dt\u0007 > 0')).toBe(
      'Amount > 0'
    );
  });

  it('turns the Unicode line and paragraph separators into line breaks', () => {
    expect(removeInvisibleCharacters('AND(TRUE,\u2028FALSE)\u2029')).toBe('AND(TRUE,\nFALSE)\n');
  });

  it('returns a formula without invisible characters unchanged', () => {
    const formula = 'AND(\r\n\tAmount > 0, /* Ærø ✓ */ TRUE)';
    expect(removeInvisibleCharacters(formula)).toBe(formula);
  });

  it('gives text that compiles where the pasted text did not', () => {
    const pasted = 'AND(Amount\u00a0>\u00a00,\u200b ISPICKVAL(StageName, "Closed\u00a0Won"))';
    const cleaned = removeInvisibleCharacters(pasted);
    expect(findInvisibleCharacters(cleaned)).toEqual([]);
    expect(
      compileFormula(cleaned, { schema: OPPORTUNITY }).evaluate({
        Amount: 5,
        StageName: 'Closed Won'
      })
    ).toBe(true);
  });
});

import { compileFormula, FormulaError, MAX_FORMULA_LENGTH } from '../formulaEngine';
import { compileErrorOf, OPPORTUNITY } from './testSchema';

/**
 * Apex Developer Guide, "Formula Evaluation in Apex"
 * (https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_formulaeval.htm):
 * "Formula evaluation in Apex is bound by the formula field character limit, but not the compile
 * size limit. A formula can contain up to 3,900 characters including spaces, return characters,
 * and comments."
 */
/** `Amount > 0` followed by a comment that pads it to `length` characters: comments count too. */
function formulaOfLength(length: number): string {
  const body = 'Amount > 0 /*';
  return `${body}${'x'.repeat(length - body.length - 2)}*/`;
}

describe('the 3,900-character limit of FormulaEval', () => {
  it('is 3,900', () => {
    expect(MAX_FORMULA_LENGTH).toBe(3900);
  });

  it('compiles a formula of exactly 3,900 characters, comments and spaces included', () => {
    const source = formulaOfLength(3900);
    expect(source).toHaveLength(3900);
    expect(compileFormula(source, { schema: OPPORTUNITY }).evaluate({ Amount: 5 })).toBe(true);
  });

  it('refuses 3,901 characters with the limit in the message, spanning the excess', () => {
    const source = formulaOfLength(3901);
    const error = compileErrorOf(source);
    expect(error).toBeInstanceOf(FormulaError);
    expect(error).toMatchObject({
      phase: 'compile',
      start: 3900,
      end: 3901,
      message:
        'Formula is too long (3,901 characters). A formula can contain up to 3,900 characters including spaces, return characters, and comments.'
    });
  });

  it('counts line breaks as the characters they are ("\\r\\n" is two)', () => {
    const lines = `Amount > 0${'\r\n'.repeat(1945)}`;
    expect(lines).toHaveLength(3900);
    expect(() => compileFormula(lines, { schema: OPPORTUNITY })).not.toThrow();
    expect(compileErrorOf(`${lines} `)).toMatchObject({ start: 3900, end: 3901 });
  });

  it('is checked before the syntax, so an over-long broken formula reports its length', () => {
    expect(compileErrorOf(`AND(${'x'.repeat(4000)}`)).toMatchObject({
      message: expect.stringContaining('Formula is too long (4,004 characters)')
    });
  });
});

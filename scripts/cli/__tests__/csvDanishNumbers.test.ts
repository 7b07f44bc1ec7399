import type { ObjectSchema } from '../../../formula-engine/src/formulaEngine';
import { planColumns, toRecord } from '../csvRecords';

/**
 * da-DK numbers (`--locale da-DK`) write thousands with points and decimals with a comma. An
 * amount in the millions has more than one thousands point: every one of them must go.
 */
const SCHEMA: ObjectSchema = { name: 'Opportunity', fields: { Amount: { type: 'Currency' } } };

function amountOf(text: string): unknown {
  const plan = planColumns(['Amount'], SCHEMA, [], { numbers: 'comma' });
  const result = toRecord(plan, [text], '2026-11-16');
  return 'record' in result ? result.record.Amount : result.problem;
}

describe('Danish numbers in a CSV', () => {
  it.each([
    ['1.234.567,89', 1234567.89],
    ['12.500.000', 12500000],
    ['1.234,5', 1234.5],
    ['-2.000.000,25', -2000000.25],
    ['1234567,89', 1234567.89]
  ])('reads %p as %p', (text, expected) => {
    expect(amountOf(text)).toBe(expected);
  });

  it('refuses thousands points in the wrong places', () => {
    expect(amountOf('1.23.567,89')).toBe(
      'Amount "1.23.567,89" is not a number as da-DK writes it (1.234,56)'
    );
  });
});

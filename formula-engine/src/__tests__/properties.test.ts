import fc from 'fast-check';
import { compileFormula, FormulaError } from '../formulaEngine';
import { OPPORTUNITY } from './testSchema';

/** Compiles `source`, returning 'ok' or 'FormulaError'; anything else thrown escapes the test. */
function outcome(source: string): 'ok' | 'FormulaError' {
  try {
    compileFormula(source, { schema: OPPORTUNITY });
    return 'ok';
  } catch (error) {
    if (error instanceof FormulaError) {
      expect(error.start).toBeGreaterThanOrEqual(0);
      expect(error.end).toBeGreaterThanOrEqual(error.start);
      expect(error.end).toBeLessThanOrEqual(source.length);
      expect(error.message.length).toBeGreaterThan(0);
      return 'FormulaError';
    }
    throw error;
  }
}

/** Strings made of formula pieces, so the parser gets far more often than with random text. */
const formulaish = fc
  .array(
    fc.constantFrom(
      'IF(',
      'AND(',
      'OR(',
      'NOT(',
      'CASE(',
      'LEN(',
      'TEXT(',
      'DATE(',
      'ISPICKVAL(',
      'ISBLANK(',
      'REGEX(',
      'ISCHANGED(',
      'FOO(',
      ')',
      '(',
      ',',
      ' ',
      '+',
      '-',
      '*',
      '/',
      '^',
      '&',
      '=',
      '<>',
      '<',
      '>=',
      '&&',
      '||',
      '!',
      '1',
      '2.5',
      '.5',
      '"a"',
      "'b'",
      '"\\n"',
      '"',
      '\\',
      'TRUE',
      'NULL',
      'Amount',
      'Name',
      'StageName',
      'CloseDate',
      'Account.Name',
      'Account.',
      '$User.Id',
      '$Foo',
      'IsClosed',
      'Competitors__c',
      '/*',
      '*/',
      'TODAY()',
      'NOW()'
    ),
    { maxLength: 40 }
  )
  .map((parts) => parts.join(''));

describe('compileFormula on arbitrary input', () => {
  it('returns or throws a FormulaError with a valid span for any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (source) => {
        expect(['ok', 'FormulaError']).toContain(outcome(source));
      }),
      { numRuns: 3000 }
    );
  });

  it('returns or throws a FormulaError for any sequence of formula tokens', () => {
    fc.assert(
      fc.property(formulaish, (source) => {
        expect(['ok', 'FormulaError']).toContain(outcome(source));
      }),
      { numRuns: 5000 }
    );
  });

  it('compiles long and deeply nested input quickly instead of hanging', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.constantFrom('(', 'NOT(', '-', '"x" & '),
        (depth, opener) => {
          const closer = opener.endsWith('(') ? ')' : '';
          const source = `${opener.repeat(depth)}${opener === '"x" & ' ? '"y"' : opener === 'NOT(' ? 'TRUE' : '1'}${closer.repeat(depth)}`;
          const started = Date.now();
          expect(['ok', 'FormulaError']).toContain(outcome(source));
          expect(Date.now() - started).toBeLessThan(1000);
        }
      ),
      { numRuns: 50 }
    );
  });

  it('evaluates every formula that compiles without throwing anything but FormulaError', () => {
    fc.assert(
      fc.property(
        formulaish,
        fc.record({ Amount: fc.option(fc.double({ noNaN: true })), Name: fc.string() }),
        (source, record) => {
          let compiled;
          try {
            compiled = compileFormula(source, { schema: OPPORTUNITY });
          } catch {
            return;
          }
          let thrown: unknown;
          try {
            compiled.evaluate(record, { today: '2026-11-16', now: '2026-11-16T00:00:00Z' });
          } catch (error) {
            thrown = error;
          }
          expect(thrown === undefined || thrown instanceof FormulaError).toBe(true);
        }
      ),
      { numRuns: 3000 }
    );
  });
});

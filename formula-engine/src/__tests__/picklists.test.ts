import { FormulaError } from '../formulaEngine';
import { compileErrorOf, run } from './testSchema';

/**
 * Salesforce Help, "Tips for Working with Picklist and Multi-Select Picklist Values in Formulas"
 * (https://help.salesforce.com/s/articleView?id=platform.tips_for_using_picklist_formula_fields.htm):
 * a picklist is referenced only with ISPICKVAL, CASE and TEXT; a multi-select picklist only with
 * INCLUDES, ISBLANK and ISNULL; "most formula functions or standard comparison operators (such as
 * = or !=) result in errors". The org's message names the field:
 * "Field Industry is a picklist field. Picklist fields are only supported in certain functions."
 */
const PICKLIST_MESSAGE =
  'Field StageName is a picklist field. Picklist fields are only supported in certain functions.';
const MULTI_MESSAGE =
  'Field Competitors__c is a multi-select picklist field. Multi-select picklist fields are only supported in certain functions.';

describe('a picklist is accepted by ISPICKVAL, CASE and TEXT', () => {
  it.each([
    ['ISPICKVAL(StageName, "Closed Won")', { StageName: 'Closed Won' }, true],
    ['CASE(StageName, "Closed Won", 1, 0)', { StageName: 'Closed Won' }, 1],
    ['TEXT(StageName)', { StageName: 'Closed Won' }, 'Closed Won'],
    ['ISBLANK(TEXT(Account.Industry))', { Account: { Industry: null } }, true],
    ['ISBLANK(TEXT(Account.Industry))', { Account: { Industry: 'Retail' } }, false]
  ])('%s with %j is %p', (formula, record, expected) => {
    expect(run(formula, record)).toEqual(expected);
  });
});

describe('a picklist anywhere else is the org compile error naming the field', () => {
  it.each([
    ['ISBLANK(StageName)', 8, 17],
    ['ISNULL(StageName)', 7, 16],
    ['NOT(ISBLANK(StageName))', 12, 21],
    ['BLANKVALUE(StageName, "x")', 11, 20],
    ['NULLVALUE(StageName, "x")', 10, 19],
    ['StageName = "Closed Won"', 0, 9],
    ['StageName != "Closed Won"', 0, 9],
    ['StageName <> "Closed Won"', 0, 9],
    ['StageName & "x" = "x"', 0, 9],
    ['CONTAINS(StageName, "Won")', 9, 18],
    ['IF(TRUE, StageName, "x") = "x"', 9, 18],
    ['INCLUDES(StageName, "x")', 9, 18]
  ])('%s fails at %i-%i', (formula, start, end) => {
    const error = compileErrorOf(formula);
    expect(error).toBeInstanceOf(FormulaError);
    expect(error).toMatchObject({ phase: 'compile', start, end, message: PICKLIST_MESSAGE });
  });

  it('names a parent picklist by its own API name, as the org does', () => {
    expect(compileErrorOf('ISBLANK(Account.Industry)')).toMatchObject({
      start: 8,
      end: 24,
      message:
        'Field Industry is a picklist field. Picklist fields are only supported in certain functions.'
    });
  });
});

describe('a multi-select picklist is accepted by INCLUDES, ISBLANK and ISNULL', () => {
  it.each([
    ['INCLUDES(Competitors__c, "Acme")', { Competitors__c: 'Acme;Globex' }, true],
    ['ISBLANK(Competitors__c)', { Competitors__c: null }, true],
    ['ISBLANK(Competitors__c)', { Competitors__c: 'Acme' }, false],
    ['ISNULL(Competitors__c)', {}, true],
    ['ISNULL(Competitors__c)', { Competitors__c: 'Acme' }, false]
  ])('%s with %j is %p', (formula, record, expected) => {
    expect(run(formula, record)).toEqual(expected);
  });
});

describe('a multi-select picklist anywhere else is the org compile error naming the field', () => {
  it.each([
    ['TEXT(Competitors__c)', 5, 19],
    ['CASE(Competitors__c, "Acme", 1, 0)', 5, 19],
    ['ISPICKVAL(Competitors__c, "Acme")', 10, 24],
    ['Competitors__c = "Acme"', 0, 14],
    ['CONTAINS(Competitors__c, "Acme")', 9, 23],
    ['BLANKVALUE(Competitors__c, "x")', 11, 25]
  ])('%s fails at %i-%i', (formula, start, end) => {
    expect(compileErrorOf(formula)).toMatchObject({
      phase: 'compile',
      start,
      end,
      message: MULTI_MESSAGE
    });
  });
});

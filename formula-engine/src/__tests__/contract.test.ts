import { compileFormula, FormulaError, SUPPORTED_FUNCTIONS } from '../formulaEngine';
import { compileErrorOf, ENV, OPPORTUNITY, run } from './testSchema';

describe('compileFormula contract', () => {
  it('lists referenced fields once, in canonical spelling, parents as dotted paths', () => {
    const compiled = compileFormula(
      'AND(amount > 0, ISPICKVAL(Account.Industry, "Tech"), Amount < 10, $User.Email = "x", Account.Owner.isactive)',
      { schema: OPPORTUNITY }
    );
    expect(compiled.referencedFields).toEqual([
      'Amount',
      'Account.Industry',
      'Account.Owner.IsActive'
    ]);
    expect(compiled.referencedGlobals).toEqual(['$User.Email']);
  });

  it.each([
    ['Amount > 0', 'boolean'],
    ['Amount * 2', 'number'],
    ['Name & "x"', 'text'],
    ['CloseDate + 1', 'date'],
    ['NOW()', 'datetime'],
    ['TIMEVALUE("10:00")', 'time']
  ])('infers the return type of %s as %s', (formula, returnType) => {
    expect(compileFormula(formula, { schema: OPPORTUNITY }).returnType).toBe(returnType);
  });

  it('rejects a formula whose type differs from the requested returnType, spanning the formula', () => {
    const error = compileErrorOf('Amount * 2', { returnType: 'boolean' });
    expect(error).toBeInstanceOf(FormulaError);
    expect(error).toMatchObject({
      start: 0,
      end: 10,
      message: 'Formula result is Number, but Boolean is expected'
    });
  });

  it('accepts a NULL-only formula for any requested return type', () => {
    const compiled = compileFormula('NULL', { schema: OPPORTUNITY, returnType: 'date' });
    expect(compiled.returnType).toBe('date');
    expect(compiled.evaluate({}, ENV)).toBeNull();
  });

  it('reads parent fields nested under the relationship name and treats a missing parent as blank', () => {
    expect(run('Account.Name', { Account: { Name: 'Acme' } })).toBe('Acme');
    expect(run('Account.Owner.Name', { Account: { Owner: { Name: 'Ann' } } })).toBe('Ann');
    expect(run('ISBLANK(Account.AnnualRevenue)', { Account: null })).toBe(true);
    expect(run('Account.Owner.IsActive', {})).toBe(false);
  });

  it('reads $User fields from env.user', () => {
    expect(run('$User.Email')).toBe('seller@example.com');
    expect(run('$user.IsActive')).toBe(true);
  });

  it('uses a caller-provided user schema for $User', () => {
    const userSchema = { name: 'User', fields: { Quota__c: { type: 'Currency' } } };
    const compiled = compileFormula('$User.Quota__c * 2', { schema: OPPORTUNITY, userSchema });
    expect(compiled.evaluate({}, { user: { Quota__c: 10 } })).toBe(20);
  });

  it('reads percent fields as fractions, as Salesforce formulas do', () => {
    expect(run('Probability', { Probability: 25 })).toBe(0.25);
    expect(run('Amount * Probability', { Amount: 1000, Probability: 10 })).toBe(100);
  });

  it('accepts numbers, booleans and dates delivered as CSV text', () => {
    expect(run('Amount + 1', { Amount: '41' })).toBe(42);
    expect(run('IsClosed', { IsClosed: 'true' })).toBe(true);
    expect(run('Amount', { Amount: '' })).toBeNull();
  });

  it('accepts offsets and blank-separated datetimes in records', () => {
    expect(run('LastModifiedDate', { LastModifiedDate: '2026-11-16T10:00:00.000+0100' })).toBe(
      '2026-11-16T09:00:00.000Z'
    );
    expect(run('LastModifiedDate', { LastModifiedDate: '2026-11-16 10:00:00' })).toBe(
      '2026-11-16T10:00:00.000Z'
    );
  });

  it('evaluates the same compiled formula against many records and environments', () => {
    const compiled = compileFormula('CloseDate < TODAY()', { schema: OPPORTUNITY });
    expect(compiled.evaluate({ CloseDate: '2026-11-15' }, { today: '2026-11-16' })).toBe(true);
    expect(compiled.evaluate({ CloseDate: '2026-11-15' }, { today: '2026-11-01' })).toBe(false);
    expect(compiled.evaluate(null, { today: '2026-11-01' })).toBeNull();
  });

  it('falls back to the clock when env has no today', () => {
    const compiled = compileFormula('TODAY() - DATE(2000, 1, 1) > 9000', { schema: OPPORTUNITY });
    expect(compiled.evaluate({})).toBe(true);
  });

  it('rejects an env.today that is not a date', () => {
    const compiled = compileFormula('TODAY()', { schema: OPPORTUNITY });
    expect(() => compiled.evaluate({}, { today: '16/11/2026' })).toThrow(FormulaError);
  });

  it('publishes the supported function names', () => {
    expect(SUPPORTED_FUNCTIONS).toEqual(expect.arrayContaining(['ISOWEEK', 'REGEX', 'MCEILING']));
    expect(SUPPORTED_FUNCTIONS).not.toContain('ISCHANGED');
  });
});

describe('compile errors name the problem and its position', () => {
  it.each([
    ['Amount +', 8, 8, 'Syntax error. The formula ends too early'],
    ['(Amount', 7, 7, "Missing ')'"],
    ['IF(TRUE, 1, 2', 13, 13, "Missing ')'"],
    ['Amount )', 7, 8, "Extra ')'"],
    ['1 2', 2, 3, 'Extra number 2'],
    ['', 0, 0, 'The formula is empty'],
    ['/* only a comment */', 0, 0, 'The formula is empty'],
    ['1 /* open', 2, 9, 'Comment is not closed'],
    ['"open', 0, 5, 'Text is not closed'],
    ['"bad \\x"', 5, 7, 'Invalid escape sequence'],
    ['Amount # 2', 7, 8, "Unexpected character '#'"],
    ['12abc', 2, 3, "Unexpected 'a' after a number"],
    ['Account.', 7, 8, 'Expected a field name after "."'],
    ['IF(TRUE, 1, , 2)', 12, 13, "Unexpected ','"],
    ['Amout > 1', 0, 5, 'Field Amout does not exist on Opportunity. Check spelling.'],
    ['Account.Industy', 8, 15, 'Field Industy does not exist on Account'],
    ['Acount.Name', 0, 6, 'Field Acount does not exist on Opportunity, or is not a relationship'],
    ['$Profile.Name', 0, 8, 'Global variable $Profile is not available'],
    ['$User.Nickname__c', 6, 17, 'Field Nickname__c does not exist on User'],
    ['FOO(1)', 0, 3, 'Unknown function FOO. Check spelling.'],
    ['URLFOR("a")', 0, 6, 'not supported by this formula engine'],
    [
      'IF(TRUE, 1)',
      0,
      11,
      "Incorrect number of parameters for function 'IF()'. Expected 3, received 2"
    ],
    ['LPAD("a")', 0, 9, 'Expected 2 to 3, received 1'],
    ['AND()', 0, 5, 'Expected at least 1, received 0'],
    ['TODAY(1)', 0, 8, 'Expected 0, received 1']
  ])('%j fails at %i-%i with "%s"', (formula, start, end, message) => {
    const error = compileErrorOf(formula);
    expect(error).toBeInstanceOf(FormulaError);
    expect(error).toMatchObject({
      phase: 'compile',
      start,
      end,
      message: expect.stringContaining(message)
    });
  });

  it.each([
    'ISCHANGED(Amount)',
    'PRIORVALUE(Amount)',
    'ISNEW()',
    'ISCLONE()',
    'VLOOKUP(a, b, c)',
    'GETRECORDIDS(x)'
  ])('rejects the save-context function in %s with an explanation', (formula) => {
    const error = compileErrorOf(formula);
    expect(error).toBeInstanceOf(FormulaError);
    expect(error).toMatchObject({
      start: 0,
      end: formula.indexOf('('),
      message: expect.stringContaining('needs a record save context')
    });
  });

  it('rejects a picklist as the whole formula result', () => {
    expect(compileErrorOf('StageName')).toMatchObject({
      message:
        'Field StageName is a picklist field. Picklist fields are only supported in certain functions.'
    });
  });

  it('limits nesting depth instead of overflowing the stack', () => {
    // Within the 3,900-character limit, which refuses longer formulas before they are parsed.
    const deep = `${'('.repeat(1000)}1${')'.repeat(1000)}`;
    expect(compileErrorOf(deep)).toMatchObject({ message: 'Formula is nested too deeply' });
    expect(compileErrorOf('-'.repeat(3000) + '1')).toBeInstanceOf(FormulaError);
  });
});

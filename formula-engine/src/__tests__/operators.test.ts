import { run } from './testSchema';

describe('formulaEngine operators', () => {
  it.each([
    ['1 + 2', 3],
    ['7 - 10', -3],
    ['6 * 7', 42],
    ['7 / 2', 3.5],
    ['2 ^ 10', 1024],
    ['2 ^ -1', 0.5],
    ['2 ^ 3 ^ 2', 64],
    ['-2 ^ 2', -4],
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['- -3', 3],
    ['+4', 4],
    ['0.1 + 0.2', 0.30000000000000004],
    ['.5 * 4', 2]
  ])('evaluates the arithmetic %s as %p', (formula, expected) => {
    expect(run(formula)).toBe(expected);
  });

  it.each([
    ['"a" & "b"', 'ab'],
    ['"a" + "b"', 'ab'],
    ['Name & "!"', '!'],
    ['"x" & NULL', 'x'],
    ['"a" & "b" = "ab"', true]
  ])('concatenates text: %s is %p for a blank Name', (formula, expected) => {
    expect(run(formula)).toBe(expected);
  });

  it.each([
    ['1 = 1', true],
    ['1 == 2', false],
    ['1 != 2', true],
    ['1 <> 1', false],
    ['1 < 2', true],
    ['2 <= 2', true],
    ['3 > 2', true],
    ['2 >= 3', false],
    ['0.1 + 0.2 = 0.3', true],
    ['0.1 + 0.2 > 0.3', false],
    ['0.1 + 0.2 <= 0.3', true],
    ['"a" = "a"', true],
    ['"a" = "A"', false],
    ['TRUE = FALSE', false],
    ['DATE(2026,1,2) > DATE(2026,1,1)', true],
    ['TIMEVALUE("10:00:00") < TIMEVALUE("11:00:00")', true],
    ['NOW() > DATETIMEVALUE("2026-01-01 00:00:00")', true]
  ])('compares %s as %p', (formula, expected) => {
    expect(run(formula)).toBe(expected);
  });

  it.each([
    ['TRUE && FALSE', false],
    ['TRUE || FALSE', true],
    ['!TRUE', false],
    ['!FALSE && TRUE', true],
    ['FALSE || FALSE || TRUE', true],
    ['1 < 2 && 2 < 3', true]
  ])('evaluates the logic %s as %p', (formula, expected) => {
    expect(run(formula)).toBe(expected);
  });

  it('treats blank text as equal to the empty string', () => {
    expect(run('Name = ""', {})).toBe(true);
    expect(run('Name = ""', { Name: null })).toBe(true);
    expect(run('Name <> ""', { Name: 'Deal' })).toBe(true);
  });

  it.each([
    ['Amount > 100'],
    ['Amount = 100'],
    ['Amount <> 100'],
    ['CloseDate < TODAY()'],
    ['Amount + 1'],
    ['Amount * 2'],
    ['-Amount'],
    ['Amount / 2'],
    ['Amount ^ 2'],
    ['CloseDate + 1'],
    ['TODAY() - CloseDate']
  ])('returns blank for %s when Amount and CloseDate are blank', (formula) => {
    expect(run(formula, { Amount: null })).toBeNull();
  });

  it('treats blank number fields as zero when treatBlanksAsZero is set', () => {
    expect(run('Amount > -1', {}, { treatBlanksAsZero: true })).toBe(true);
    expect(run('Amount + 5', { Amount: null }, { treatBlanksAsZero: true })).toBe(5);
    expect(run('ISBLANK(CloseDate)', {}, { treatBlanksAsZero: true })).toBe(true);
  });

  it('uses three-valued logic for blank comparisons', () => {
    expect(run('Amount > 1 && FALSE')).toBe(false);
    expect(run('Amount > 1 && TRUE')).toBeNull();
    expect(run('Amount > 1 || TRUE')).toBe(true);
    expect(run('Amount > 1 || FALSE')).toBeNull();
    expect(run('!(Amount > 1)')).toBeNull();
  });

  describe('AND/OR over field-versus-constant tests (evaluated as one fused loop)', () => {
    const all =
      'AND(NOT(IsClosed), Amount > 100, ISPICKVAL(StageName, "Won"), TotalOpportunityQuantity <= 2)';
    const any =
      'OR(IsClosed, Amount < 0, ISPICKVAL(StageName, "Lost"), TotalOpportunityQuantity >= 9)';
    const full = { IsClosed: false, Amount: 150, StageName: 'Won', TotalOpportunityQuantity: 2 };

    it.each([
      [all, full, true],
      [all, { ...full, IsClosed: true }, false],
      [all, { ...full, Amount: 100 }, false],
      [all, { ...full, Amount: 100.00000000000001 }, false],
      [all, { ...full, Amount: null }, null],
      [all, { ...full, Amount: null, StageName: 'Lost' }, false],
      [all, { ...full, Amount: '150' }, true],
      [all, { ...full, StageName: null }, false],
      [all, { ...full, TotalOpportunityQuantity: 3 }, false],
      [any, { IsClosed: false, Amount: 5, StageName: 'Won', TotalOpportunityQuantity: 1 }, false],
      [any, { IsClosed: true }, true],
      [any, { IsClosed: false, Amount: -1 }, true],
      [any, { IsClosed: false, Amount: 5, StageName: 'Lost' }, true],
      [any, { IsClosed: false, Amount: 5, StageName: 'Won' }, null],
      [any, { IsClosed: 'true' }, true],
      ['NOT(IsClosed) && Amount >= 10', { IsClosed: false, Amount: 10 }, true],
      ['IsClosed || Amount < 10', { IsClosed: false, Amount: 10 }, false]
    ])('%s with %j is %p', (formula, record, expected) => {
      expect(run(formula, record)).toBe(expected);
    });
  });

  it('short-circuits && and || so the right side is not evaluated', () => {
    expect(run('FALSE && 1 / 0 > 1')).toBe(false);
    expect(run('TRUE || 1 / 0 > 1')).toBe(true);
  });

  describe('date and time arithmetic', () => {
    it('subtracts dates into a number of days', () => {
      expect(run('CloseDate - TODAY()', { CloseDate: '2026-12-01' })).toBe(15);
    });

    it('adds whole days to a date and drops the fraction', () => {
      expect(run('TODAY() + 1.7')).toBe('2026-11-17');
      expect(run('1 + TODAY()')).toBe('2026-11-17');
      expect(run('TODAY() - 16')).toBe('2026-10-31');
      expect(run('TODAY() - 1.7')).toBe('2026-11-15');
      expect(run('TODAY() + (0 - 1.7)')).toBe('2026-11-15');
    });

    it('adds fractional days to a datetime', () => {
      expect(run('NOW() + 0.5')).toBe('2026-11-16T21:30:15.250Z');
      expect(run('NOW() - 1')).toBe('2026-11-15T09:30:15.250Z');
    });

    it('subtracts datetimes into fractional days', () => {
      expect(run('NOW() - DATETIMEVALUE("2026-11-15 21:30:15.250")')).toBe(0.5);
    });

    it('adds milliseconds to a time, wrapping at midnight', () => {
      expect(run('TIMEVALUE("23:59:59.000") + 2000')).toBe('00:00:01.000');
      expect(run('TIMEVALUE("10:00:01") - TIMEVALUE("10:00:00")')).toBe(1000);
    });
  });

  it('ignores /* comments */ and whitespace', () => {
    expect(run('/* weight */ 2 *\n\t/* twice */ 3')).toBe(6);
  });

  it('reads backslash escapes in text literals', () => {
    expect(run(String.raw`"a\"b" & 'c\'d' & "\\" & "\n\t"`)).toBe('a"bc\'d\\\n\t');
  });

  it('is case-insensitive for functions, keywords and field names', () => {
    expect(run('if(true, amount, 0)', { Amount: 5 })).toBe(5);
    expect(run('account.name', { Account: { Name: 'Acme' } })).toBe('Acme');
  });
});

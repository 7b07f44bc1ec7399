import { FormulaError } from '../formulaEngine';
import { compileErrorOf, run, runtimeErrorOf } from './testSchema';

type Case = [string, Record<string, unknown>, unknown];

function table(cases: Case[]): void {
  it.each(cases)('%s with %j returns %p', (formula, record, expected) => {
    expect(run(formula, record)).toEqual(expected);
  });
}

describe('logical functions', () => {
  table([
    ['AND(TRUE, TRUE, TRUE)', {}, true],
    ['AND(TRUE, FALSE)', {}, false],
    ['AND(Amount > 1, FALSE)', {}, false],
    ['AND(Amount > 1, TRUE)', {}, null],
    ['OR(FALSE, FALSE)', {}, false],
    ['OR(FALSE, TRUE, Amount > 1)', {}, true],
    ['OR(Amount > 1, FALSE, FALSE)', {}, null],
    ['NOT(TRUE)', {}, false],
    ['NOT(Amount > 1)', {}, null],
    ['IF(Amount > 100, "big", "small")', { Amount: 500 }, 'big'],
    ['IF(Amount > 100, "big", "small")', { Amount: 5 }, 'small'],
    ['IF(Amount > 100, "big", "small")', {}, 'small'],
    ['IF(IsClosed, 1, NULL)', { IsClosed: false }, null],
    ['IF(IsClosed, NULL, "open")', { IsClosed: true }, ''],
    ['CASE(StageName, "Prospecting", 1, "Closed Won", 2, 0)', { StageName: 'Closed Won' }, 2],
    ['CASE(StageName, "Prospecting", 1, "Closed Won", 2, 0)', { StageName: 'Other' }, 0],
    ['CASE(StageName, "Prospecting", 1, 0)', {}, 0],
    ['CASE(Amount, 1, "one", 2, "two", "many")', { Amount: 2 }, 'two'],
    ['CASE(Amount, 1, "one", "many")', {}, 'many'],
    ['CASE(MONTH(CloseDate), 1, "Q1", 4, "Q2", "other")', { CloseDate: '2026-04-03' }, 'Q2'],
    ['CASE(CloseDate, TODAY(), "today", "not today")', { CloseDate: '2026-11-16' }, 'today'],
    ['CASE(Name, "a", 1, "a", 2, 3)', { Name: 'a' }, 1],
    ['CASE(StageName, "a", NULL, "b", "x", "y")', { StageName: 'a' }, ''],
    ['CASE(StageName, "a", "x", "y")', { StageName: 5 }, 'y'],
    ['ISBLANK(Amount)', {}, true],
    ['ISBLANK(Amount)', { Amount: 0 }, false],
    ['ISBLANK(Name)', { Name: '' }, true],
    ['ISBLANK(TEXT(StageName))', {}, true],
    ['ISBLANK(TEXT(StageName))', { StageName: 'Closed Won' }, false],
    ['ISBLANK(Competitors__c)', { Competitors__c: 'A' }, false],
    ['ISBLANK(Competitors__c)', {}, true],
    ['ISBLANK(CloseDate)', {}, true],
    ['ISBLANK(IsClosed)', {}, false],
    ['ISNULL(Amount)', {}, true],
    ['ISNULL(Name)', {}, false],
    ['ISNULL(Competitors__c)', {}, true],
    ['ISNULL(Competitors__c)', { Competitors__c: 'A;B' }, false],
    ['ISNULL(LastModifiedDate)', { LastModifiedDate: '2026-01-01T00:00:00Z' }, false],
    ['BLANKVALUE(Amount, 7)', {}, 7],
    ['BLANKVALUE(Amount, 7)', { Amount: 3 }, 3],
    ['BLANKVALUE(Name, "none")', { Name: '' }, 'none'],
    ['BLANKVALUE(CloseDate, TODAY())', {}, '2026-11-16'],
    ['NULLVALUE(Amount, 7)', {}, 7],
    ['NULLVALUE(Name, "none")', {}, ''],
    ['ISNUMBER("12.5")', {}, true],
    ['ISNUMBER("-3")', {}, true],
    ['ISNUMBER("1e5")', {}, false],
    ['ISNUMBER("abc")', {}, false],
    ['ISNUMBER(Name)', {}, false],
    ['ISPICKVAL(StageName, "Closed Won")', { StageName: 'Closed Won' }, true],
    ['ISPICKVAL(StageName, "Closed Won")', {}, false],
    ['ISPICKVAL(StageName, "")', {}, true],
    ['INCLUDES(Competitors__c, "Beta")', { Competitors__c: 'Alpha;Beta' }, true],
    ['INCLUDES(Competitors__c, "Bet")', { Competitors__c: 'Alpha;Beta' }, false],
    ['INCLUDES(Competitors__c, "Beta")', {}, false]
  ]);

  it('evaluates only the chosen IF branch', () => {
    expect(run('IF(TRUE, 1, 1 / 0)')).toBe(1);
  });
});

describe('text functions', () => {
  table([
    ['TEXT(1500.50)', {}, '1500.5'],
    ['TEXT(-0.25)', {}, '-0.25'],
    ['TEXT(0.1 + 0.2)', {}, '0.3'],
    ['TEXT(1 / 3)', {}, '0.333333333333333'],
    ['TEXT(Amount)', {}, ''],
    ['TEXT(10 ^ 22)', {}, '10000000000000000000000'],
    ['TEXT(0.0000001)', {}, '0.0000001'],
    ['TEXT(CloseDate)', { CloseDate: '2026-02-03' }, '2026-02-03'],
    ['TEXT(NOW())', {}, '2026-11-16 09:30:15Z'],
    ['TEXT(TIMEVALUE("08:05:09.007"))', {}, '08:05:09.007'],
    ['TEXT(StageName)', { StageName: 'Qualification' }, 'Qualification'],
    ['TEXT(Account.Industry)', {}, ''],
    ['VALUE("42")', {}, 42],
    ['VALUE(" -1.5 ")', {}, -1.5],
    ['VALUE(Name)', {}, null],
    ['LEN("hello")', {}, 5],
    ['LEN(Name)', {}, 0],
    ['BEGINS("Salesforce", "Sales")', {}, true],
    ['BEGINS("Salesforce", "sales")', {}, false],
    ['BEGINS(Name, "x")', {}, false],
    ['CONTAINS("Salesforce", "force")', {}, true],
    ['CONTAINS("Salesforce", "Force")', {}, false],
    ['CONTAINS(Name, "")', {}, true],
    ['FIND("b", "abcb")', {}, 2],
    ['FIND("b", "abcb", 3)', {}, 4],
    ['FIND("z", "abc")', {}, 0],
    ['FIND("", "abc")', {}, 0],
    ['FIND("a", "abc", 0)', {}, 0],
    ['FIND("a", "abc", Amount)', {}, null],
    ['LEFT("abcdef", 3)', {}, 'abc'],
    ['LEFT("abc", -1)', {}, ''],
    ['LEFT("abc", 10)', {}, 'abc'],
    ['LEFT("abc", Amount)', {}, ''],
    ['RIGHT("abcdef", 2)', {}, 'ef'],
    ['RIGHT("abc", 0)', {}, ''],
    ['RIGHT("abc", 10)', {}, 'abc'],
    ['MID("abcdef", 2, 3)', {}, 'bcd'],
    ['MID("abcdef", 0, 2)', {}, 'ab'],
    ['MID("abcdef", 5, 10)', {}, 'ef'],
    ['LOWER("AbC")', {}, 'abc'],
    ['UPPER("AbC", "en_US")', {}, 'ABC'],
    ['TRIM("  a b \t")', {}, 'a b'],
    ['TRIM("\na ")', {}, '\na'],
    ['LPAD("7", 3, "0")', {}, '007'],
    ['LPAD("abcdef", 3, "0")', {}, 'abc'],
    ['LPAD("ab", 5, "xy")', {}, 'xyxab'],
    ['LPAD("ab", 4)', {}, '  ab'],
    ['RPAD("ab", 5, "xy")', {}, 'abxyx'],
    ['RPAD("ab", 1)', {}, 'a'],
    ['RPAD(Name, 2, "-")', {}, '--'],
    ['SUBSTITUTE("a-b-c", "-", "+")', {}, 'a+b+c'],
    ['SUBSTITUTE("a.b", ".", "")', {}, 'ab'],
    ['SUBSTITUTE("abc", "", "x")', {}, 'abc'],
    ['REGEX("AB-123", "[A-Z]{2}-\\\\d+")', {}, true],
    ['REGEX("xAB-123", "[A-Z]{2}-\\\\d+")', {}, false],
    ['REGEX("a|b", "a")', {}, false],
    ['REGEX(Name, "a|")', {}, true],
    ['REGEX("abc", Name & "abc")', {}, true]
  ]);
});

describe('math functions', () => {
  table([
    ['ABS(-2.5)', {}, 2.5],
    ['ABS(Amount)', {}, null],
    ['ROUND(2.5, 0)', {}, 3],
    ['ROUND(-2.5, 0)', {}, -3],
    ['ROUND(1.005, 2)', {}, 1.01],
    ['ROUND(1234.5678, -2)', {}, 1200],
    ['ROUND(1.25, 1.9)', {}, 1.3],
    ['ROUND(Amount, 2)', {}, null],
    ['CEILING(2.1)', {}, 3],
    ['CEILING(-2.1)', {}, -3],
    ['FLOOR(2.9)', {}, 2],
    ['FLOOR(-2.9)', {}, -2],
    ['MCEILING(-2.1)', {}, -2],
    ['MFLOOR(-2.1)', {}, -3],
    ['MAX(1, 5, 3)', {}, 5],
    ['MAX(1, Amount)', {}, null],
    ['MIN(4, -2)', {}, -2],
    ['MOD(7, 3)', {}, 1],
    ['MOD(-7, 3)', {}, -1],
    ['MOD(7.5, 2)', {}, 1.5],
    ['SQRT(16)', {}, 4],
    ['EXP(0)', {}, 1],
    ['LN(1)', {}, 0],
    ['LOG(1000)', {}, 3],
    ['LOG(Amount)', {}, null]
  ]);
});

describe('date and time functions', () => {
  table([
    ['TODAY()', {}, '2026-11-16'],
    ['NOW()', {}, '2026-11-16T09:30:15.250Z'],
    ['DATE(2024, 2, 29)', {}, '2024-02-29'],
    ['DATE(2026, Amount, 1)', {}, null],
    ['DATEVALUE("2026-03-04")', {}, '2026-03-04'],
    ['DATEVALUE("2026-03-04 23:59:59")', {}, '2026-03-04'],
    [
      'DATEVALUE(LastModifiedDate)',
      { LastModifiedDate: '2026-03-04T23:00:00.000-0200' },
      '2026-03-05'
    ],
    ['DATEVALUE(Name)', {}, null],
    ['DATETIMEVALUE("2026-03-04 05:06:07")', {}, '2026-03-04T05:06:07.000Z'],
    ['DATETIMEVALUE(CloseDate)', { CloseDate: '2026-03-04' }, '2026-03-04T00:00:00.000Z'],
    ['YEAR(CloseDate)', { CloseDate: '2026-03-04' }, 2026],
    ['MONTH(CloseDate)', { CloseDate: '2026-03-04' }, 3],
    ['DAY(CloseDate)', { CloseDate: '2026-03-04' }, 4],
    ['YEAR(CloseDate)', {}, null],
    ['WEEKDAY(DATE(2026, 11, 15))', {}, 1],
    ['WEEKDAY(DATE(2026, 11, 21))', {}, 7],
    ['ADDMONTHS(DATE(2026, 1, 31), 1)', {}, '2026-02-28'],
    ['ADDMONTHS(DATE(2024, 2, 29), 1)', {}, '2024-03-31'],
    ['ADDMONTHS(DATE(2026, 1, 15), -13)', {}, '2024-12-15'],
    ['ADDMONTHS(DATE(2026, 1, 15), 1.9)', {}, '2026-02-15'],
    ['ADDMONTHS(CloseDate, 1)', {}, null],
    ['DAYOFYEAR(DATE(2024, 12, 31))', {}, 366],
    ['ISOWEEK(DATE(2021, 1, 3))', {}, 53],
    ['ISOWEEK(DATE(2026, 11, 16))', {}, 47],
    ['ISOYEAR(DATE(2021, 1, 3))', {}, 2020],
    ['ISOYEAR(DATE(2024, 12, 30))', {}, 2025],
    ['TIMEVALUE("17:30:45.125")', {}, '17:30:45.125'],
    ['TIMEVALUE(NOW())', {}, '09:30:15.250'],
    ['HOUR(TIMEVALUE("17:30:45.125"))', {}, 17],
    ['MINUTE(TIMEVALUE("17:30:45.125"))', {}, 30],
    ['SECOND(TIMEVALUE("17:30:45.125"))', {}, 45],
    ['MILLISECOND(TIMEVALUE("17:30:45.125"))', {}, 125],
    ['HOUR(Meeting_Time__c)', { Meeting_Time__c: '08:15:00.000Z' }, 8],
    ['HOUR(Meeting_Time__c)', {}, null]
  ]);
});

describe('run-time errors (#Error! in the org)', () => {
  it.each([
    ['1 / 0', 2, 3],
    ['MOD(1, 0)', 0, 9],
    ['SQRT(-1)', 0, 8],
    ['LN(0)', 0, 5],
    ['LOG(-1)', 0, 7],
    ['VALUE("abc")', 0, 12],
    ['DATE(2026, 2, 29)', 0, 17],
    ['DATEVALUE("03/04/2026")', 0, 23],
    ['DATETIMEVALUE("soon")', 0, 21],
    ['TIMEVALUE("25:00")', 0, 18],
    ['REGEX("a", "(" & Name)', 0, 22],
    ['10 ^ 400', 3, 4]
  ])('%s throws a runtime FormulaError spanning %i-%i', (formula, start, end) => {
    const error = runtimeErrorOf(formula);
    expect(error).toBeInstanceOf(FormulaError);
    expect(error).toMatchObject({ phase: 'runtime', start, end });
  });

  it('reports a field value of the wrong shape', () => {
    expect(runtimeErrorOf('CloseDate + 1', { CloseDate: '04/03/2026' })).toMatchObject({
      phase: 'runtime',
      message: expect.stringContaining('CloseDate')
    });
  });
});

describe('compile-time type errors', () => {
  it.each([
    [
      'LEN(Amount)',
      4,
      10,
      "Incorrect parameter type for function 'LEN()'. Expected Text, received Number"
    ],
    [
      'ABS("x")',
      4,
      7,
      "Incorrect parameter type for function 'ABS()'. Expected Number, received Text"
    ],
    ['IF(Amount, 1, 2)', 3, 9, 'Expected Boolean, received Number'],
    ['IF(TRUE, 1, "a")', 12, 15, 'Expected Number, received Text'],
    ['CASE(Amount, "a", 1, 2)', 13, 16, 'Expected Number, received Text'],
    ['CASE(Amount, 1, 1, 2, 3)', 0, 24, "'CASE()'. Expected 6, received 5"],
    ['CASE(Amount, 1, 1)', 0, 18, "'CASE()'. Expected at least 4, received 3"],
    ['BLANKVALUE(Amount, "x")', 19, 22, 'Expected Number, received Text'],
    ['ISPICKVAL(Name, "x")', 10, 14, 'Expected Picklist, received Text'],
    ['ISPICKVAL(StageName, Name)', 21, 25, 'needs a text literal'],
    ['INCLUDES(Competitors__c, " ")', 25, 28, 'non-empty'],
    // Salesforce Help, "Tips for Working with Picklist and Multi-Select Picklist Values in
    // Formulas": a picklist only in ISPICKVAL, CASE and TEXT, a multi-select picklist only in
    // INCLUDES, ISBLANK and ISNULL; comparison operators on either are errors.
    [
      'ISBLANK(StageName)',
      8,
      17,
      'Field StageName is a picklist field. Picklist fields are only supported in certain functions.'
    ],
    ['ISNULL(Account.Industry)', 7, 23, 'Field Industry is a picklist field.'],
    ['StageName = "Won"', 0, 9, 'Field StageName is a picklist field.'],
    ['LEN(StageName)', 4, 13, 'Field StageName is a picklist field.'],
    [
      'Competitors__c = "A"',
      0,
      14,
      'Field Competitors__c is a multi-select picklist field. Multi-select picklist fields are only supported in certain functions.'
    ],
    ['TEXT(Competitors__c)', 5, 19, 'Field Competitors__c is a multi-select picklist field.'],
    ['TEXT(IsClosed)', 5, 13, 'received Boolean'],
    ['TEXT("a")', 5, 8, 'received Text'],
    ['YEAR(NOW())', 5, 10, 'Expected Date, received DateTime'],
    ['HOUR(NOW())', 5, 10, 'Expected Time, received DateTime'],
    ['1 + TRUE', 4, 8, 'Expected Number, Date, DateTime, Time or Text, received Boolean'],
    ['"a" + 1', 6, 7, 'Expected Text, received Number'],
    ['TODAY() + TODAY()', 10, 17, 'Expected Number, received Date'],
    ['NOW() - TODAY()', 8, 15, 'Expected DateTime, received Date'],
    ['"a" < "b"', 0, 3, 'Expected Number, Date, DateTime or Time, received Text'],
    ['1 = "1"', 4, 7, 'Expected Number, received Text'],
    ['1 & "a"', 0, 1, 'Expected Text, received Number'],
    ['!1', 1, 2, "operator '!'. Expected Boolean"],
    ['1 && TRUE', 0, 1, "operator '&&'. Expected Boolean"],
    ['Amount = NULL', 9, 13, 'use ISBLANK() or ISNULL()'],
    ['Location__c', 0, 11, 'has type Location'],
    ['REGEX("a", "(")', 11, 14, 'regular expression is not valid']
  ])('%s fails at %i-%i with "%s"', (formula, start, end, message) => {
    const error = compileErrorOf(formula);
    expect(error).toBeInstanceOf(FormulaError);
    expect(error).toMatchObject({
      phase: 'compile',
      start,
      end,
      message: expect.stringContaining(message)
    });
  });
});

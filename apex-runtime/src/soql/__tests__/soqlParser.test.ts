/**
 * The parser: both entry points produce the same tree, with positions, decoded literals and binds.
 * Syntax: SOQL and SOSL Reference, "SOQL SELECT Syntax"
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select.htm).
 */
import { ApexParserFactory } from '@apexdevtools/apex-parser';
import { parseSoql, soqlFromParseTree } from '../soqlParser';
import type { Condition, SoqlValue } from '../soqlAst';
import { QueryException } from '../soqlErrors';

function whereOf(text: string): Condition {
  const where = parseSoql(text).where;
  if (!where) throw new Error('no WHERE');
  return where;
}

function rightOf(text: string): SoqlValue {
  const where = whereOf(`SELECT Id FROM Account WHERE ${text}`);
  if (where.kind !== 'comparison') throw new Error('not a comparison');
  return where.right;
}

function syntaxErrorOf(text: string): QueryException {
  try {
    parseSoql(text);
  } catch (error) {
    if (error instanceof QueryException) return error;
    throw error;
  }
  throw new Error('no syntax error');
}

describe('parseSoql', () => {
  it('reads the select list, FROM, WHERE, ORDER BY and LIMIT', () => {
    const query = parseSoql(
      'SELECT Name, Account.Owner.Name, COUNT(Id) n FROM Opportunity WHERE Amount > 5 ORDER BY Name DESC NULLS LAST LIMIT 10'
    );
    expect(query.select.map((item) => item.kind)).toEqual(['field', 'field', 'function']);
    expect(query.select[1]).toMatchObject({ path: ['Account', 'Owner', 'Name'] });
    expect(query.select[2]).toMatchObject({
      alias: 'n',
      call: { kind: 'aggregate', name: 'COUNT' }
    });
    expect(query.from.name).toBe('Opportunity');
    expect(query.where).toMatchObject({
      kind: 'comparison',
      operator: '>',
      right: { kind: 'number', text: '5' }
    });
    expect(query.orderBy).toEqual([
      expect.objectContaining({
        descending: true,
        nulls: 'LAST',
        key: expect.objectContaining({ path: ['Name'] })
      })
    ]);
    expect(query.limit).toMatchObject({ kind: 'integer', value: 10 });
  });

  it('keeps the line and column of each field', () => {
    const query = parseSoql('SELECT Id,\n  Name\nFROM Account');
    expect(query.select[1]).toMatchObject({ position: { line: 2, column: 3 } });
  });

  it('keeps the query text with its whitespace', () => {
    expect(parseSoql('SELECT Id  FROM Account').text).toBe('SELECT Id  FROM Account');
  });

  it('reads <> as !=', () => {
    expect(whereOf("SELECT Id FROM Account WHERE Name <> 'x'")).toMatchObject({ operator: '!=' });
  });

  it('reads NOT IN, INCLUDES and EXCLUDES', () => {
    expect(whereOf("SELECT Id FROM Account WHERE Name NOT IN ('a')")).toMatchObject({
      operator: 'NOT IN'
    });
    expect(whereOf("SELECT Id FROM Account WHERE Tags__c INCLUDES ('a')")).toMatchObject({
      operator: 'INCLUDES'
    });
  });

  it('nests AND, OR and NOT as parenthesised', () => {
    const where = whereOf(
      "SELECT Id FROM Account WHERE Name = 'a' AND (Industry = 'b' OR (NOT Rating = 'c'))"
    );
    expect(where).toMatchObject({
      kind: 'and',
      operands: [
        { kind: 'comparison' },
        { kind: 'or', operands: [{ kind: 'comparison' }, { kind: 'not' }] }
      ]
    });
  });

  // SOQL and SOSL Reference, "Quoted String Escape Sequences".
  it("decodes a quoted string's escape sequences", () => {
    expect(rightOf("Name = 'O\\'Brien\\nCo\\\\'")).toMatchObject({
      kind: 'string',
      value: "O'Brien\nCo\\"
    });
  });

  it('marks \\% and \\_ as literal wildcards of a LIKE pattern', () => {
    expect(rightOf("Name LIKE '50\\%\\_%'")).toEqual(
      expect.objectContaining({ kind: 'string', value: '50%_%', escapedWildcards: [2, 3] })
    );
  });

  it('reads date and dateTime literals, an offset included', () => {
    expect(rightOf('CreatedDate > 2026-11-16T10:00:00+01:00')).toMatchObject({
      kind: 'datetime',
      value: { epochMs: Date.UTC(2026, 10, 16, 9) }
    });
    expect(rightOf('CloseDate = 2026-02-28')).toMatchObject({ kind: 'date', text: '2026-02-28' });
  });

  it('refuses a date that does not exist', () => {
    expect(() => parseSoql('SELECT Id FROM Opportunity WHERE CloseDate = 2026-02-30')).toThrow(
      'invalid date: 2026-02-30'
    );
  });

  it('reads signed numbers and date literals with their n', () => {
    expect(rightOf('Amount > -1.5')).toMatchObject({ kind: 'number', text: '-1.5' });
    expect(rightOf('CloseDate = LAST_N_DAYS:30')).toMatchObject({
      kind: 'dateLiteral',
      name: 'LAST_N_DAYS',
      n: 30
    });
  });

  it('keeps a bind with its expression and text', () => {
    const right = rightOf('Id IN :ownerIds');
    expect(right).toMatchObject({ kind: 'bind', text: 'ownerIds' });
  });

  it('reads ALL ROWS, FOR UPDATE, OFFSET and WITH USER_MODE', () => {
    const query = parseSoql(
      'SELECT Id FROM Account WITH USER_MODE LIMIT 5 OFFSET 2 ALL ROWS FOR UPDATE'
    );
    expect(query).toMatchObject({
      withClause: 'USER_MODE',
      offset: { value: 2 },
      allRows: true,
      forClauses: ['UPDATE']
    });
  });

  it('keeps constructs it cannot run as unsupported nodes', () => {
    const query = parseSoql(
      'SELECT TYPEOF What WHEN Account THEN Name END, FORMAT(Amount) FROM Event USING SCOPE Mine'
    );
    expect(query.select).toEqual([
      expect.objectContaining({ kind: 'unsupported', what: 'TYPEOF' }),
      expect.objectContaining({
        call: expect.objectContaining({ kind: 'unsupported', what: 'FORMAT()' })
      })
    ]);
    expect(query.unsupported).toEqual([expect.objectContaining({ what: 'USING SCOPE' })]);
  });

  it('parses a text once and shares the tree', () => {
    const text = "SELECT Id FROM Account WHERE Name = 'cached'";
    expect(parseSoql(text)).toBe(parseSoql(text));
  });

  it('reports a syntax error as the platform words it, with its place', () => {
    const error = syntaxErrorOf('SELECT Id FROM Account WHERE Name = ');
    expect(error.apexType).toBe('System.QueryException');
    expect(error.message).toBe('unexpected token: <EOF>');
  });

  it('refuses AND and OR mixed without parentheses at the OR', () => {
    const error = syntaxErrorOf(
      "SELECT Id FROM Account WHERE Name = 'a' AND Name = 'b' OR Name = 'c'"
    );
    expect(error.message).toBe("unexpected token: 'OR'");
    expect(error.position).toEqual({ line: 1, column: 56 });
  });
});

describe('soqlFromParseTree', () => {
  it('converts the query the Apex parser read inside [ ], binds keeping their Apex expression', () => {
    const parser = ApexParserFactory.createParser(
      "[SELECT Id FROM Account WHERE Id = :account.Id AND Name = 'x']"
    );
    const query = soqlFromParseTree(parser.soqlLiteral().query());
    const where = query.where;
    if (where?.kind !== 'and') throw new Error('expected AND');
    const bind = where.operands[0].kind === 'comparison' ? where.operands[0].right : undefined;
    expect(bind).toMatchObject({
      kind: 'bind',
      text: 'account.Id',
      position: { line: 1, column: 36 }
    });
    expect(bind?.kind === 'bind' ? bind.expression.getText() : '').toBe('account.Id');
  });
});

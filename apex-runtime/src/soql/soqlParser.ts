/**
 * Turns SOQL into the tree of soqlAst.ts, from either source: the parse tree of inline
 * `[SELECT ...]` that the Apex parser already built, or the text of dynamic SOQL, which is parsed
 * here with the same grammar (the parser's `query` rule), so that both read SOQL the same way.
 */
import {
  ApexParser,
  ApexParserFactory,
  type ApexParserRuleContext,
  type ApexToken,
  type BoundExpressionContext,
  type ConditionalExpressionContext,
  type DateFormulaContext,
  type FieldExpressionContext,
  type FieldGroupByContext,
  type FieldNameContext,
  type FieldOrderContext,
  type ForClausesContext,
  type FromNameListContext,
  type GroupByClauseContext,
  type LimitClauseContext,
  type LogicalExpressionContext,
  type OffsetClauseContext,
  type QueryContext,
  type SelectEntryContext,
  type SoqlFunctionContext,
  type SubFieldEntryContext,
  type SubQueryContext,
  type ValueContext,
  type WhereConditionalExpressionContext,
  type WhereLogicalExpressionContext,
  type WithClauseContext
} from '@apexdevtools/apex-parser';
import { ApexDate, ApexDatetime, ApexTime } from '../values/temporal';
import type {
  AccessModeClause,
  AggregateFunctionName,
  ComparisonOperator,
  Condition,
  DateFunctionName,
  DateLiteralName,
  FieldRef,
  FunctionCall,
  GroupBy,
  IntegerOrBind,
  Operand,
  OrderItem,
  SelectItem,
  SoqlBind,
  SoqlQuery,
  SoqlSubquery,
  SoqlValue,
  SourcePosition,
  UnsupportedNode
} from './soqlAst';
import { QueryException } from './soqlErrors';
import { decodeStringLiteral, protectLikeEscapes } from './soqlStrings';

const inlineQueries = new WeakMap<QueryContext, SoqlQuery>();

/**
 * Inline SOQL: the `query` of a `SoqlLiteralContext` that the Apex parser produced. Converted once
 * per parse tree node; the tree is never modified, so every execution shares it.
 */
export function soqlFromParseTree(ctx: QueryContext): SoqlQuery {
  let query = inlineQueries.get(ctx);
  if (!query) {
    query = convertQuery(ctx);
    inlineQueries.set(ctx, query);
  }
  return query;
}

/** Dynamic query texts already parsed, oldest first: loops often run the same text. */
const dynamicQueries = new Map<string, SoqlQuery>();
const DYNAMIC_CACHE_SIZE = 500;

interface SyntaxProblem {
  position: SourcePosition;
  message: string;
}

/**
 * Dynamic SOQL (`Database.query`, `queryWithBinds`, `getQueryLocator`). A syntax error is a
 * `System.QueryException` worded as the platform words it: `unexpected token: 'FORM'`.
 */
export function parseSoql(text: string): SoqlQuery {
  const cached = dynamicQueries.get(text);
  if (cached) return cached;
  const query = parseUncached(text);
  if (dynamicQueries.size >= DYNAMIC_CACHE_SIZE) {
    dynamicQueries.delete(dynamicQueries.keys().next().value as string);
  }
  dynamicQueries.set(text, query);
  return query;
}

function parseUncached(text: string): SoqlQuery {
  const problems: SyntaxProblem[] = [];
  const listener = {
    syntaxError(
      _recognizer: unknown,
      offendingSymbol: unknown,
      line: number,
      column: number,
      message: string
    ): void {
      problems.push({
        position: { line, column: column + 1 },
        message: unexpectedTokenMessage(offendingSymbol, message)
      });
    },
    reportAmbiguity(): void {},
    reportAttemptingFullContext(): void {},
    reportContextSensitivity(): void {}
  };
  const lexer = ApexParserFactory.createLexer(protectLikeEscapes(text));
  lexer.removeErrorListeners();
  lexer.addErrorListener(listener);
  const tokens = ApexParserFactory.createTokenStream(lexer);
  const parser = ApexParserFactory.createParser(tokens);
  parser.removeErrorListeners();
  parser.addErrorListener(listener);
  const query = parser.query();
  if (problems.length === 0) {
    // The grammar stops where a query may end: what follows (`... AND a = 1 OR b = 2`) is an error.
    const next = tokens.LT(1);
    if (next.type !== ApexParser.EOF) {
      problems.push({
        position: { line: next.line, column: next.column + 1 },
        message: unexpectedTokenMessage(next, '')
      });
    }
  }
  if (problems.length > 0) {
    throw new QueryException(problems[0].message, problems[0].position);
  }
  return convertQuery(query);
}

function isToken(value: unknown): value is ApexToken {
  return typeof value === 'object' && value !== null && 'type' in value && 'text' in value;
}

function unexpectedTokenMessage(offendingSymbol: unknown, antlrMessage: string): string {
  if (isToken(offendingSymbol)) {
    return offendingSymbol.type === ApexParser.EOF
      ? 'unexpected token: <EOF>'
      : `unexpected token: '${offendingSymbol.text}'`;
  }
  // Lexer errors name the characters: "token recognition error at: '\'abc'".
  const at = /at: '(.*)'$/s.exec(antlrMessage);
  return at ? `unexpected token: '${at[1]}'` : antlrMessage;
}

function positionOf(ctx: ApexParserRuleContext): SourcePosition {
  return { line: ctx.start.line, column: ctx.start.column + 1 };
}

function positionOfToken(token: ApexToken): SourcePosition {
  return { line: token.line, column: token.column + 1 };
}

/** The source text of a rule, whitespace and comments kept. */
function sourceText(ctx: ApexParserRuleContext): string {
  const stop = ctx.stop ?? ctx.start;
  return ctx.start.getInputStream().getText(ctx.start.start, stop.stop);
}

function unsupported(what: string, position: SourcePosition): UnsupportedNode {
  return { kind: 'unsupported', what, position };
}

function convertQuery(ctx: QueryContext): SoqlQuery {
  const unsupportedClauses: UnsupportedNode[] = [];
  const from = convertFrom(ctx.fromNameList(), unsupportedClauses);
  const usingScope = ctx.usingScope();
  if (usingScope) unsupportedClauses.push(unsupported('USING SCOPE', positionOf(usingScope)));
  if (ctx.updateList()) {
    unsupportedClauses.push(unsupported('UPDATE TRACKING/VIEWSTAT', positionOf(ctx.updateList())));
  }
  const whereClause = ctx.whereClause();
  const withClause = ctx.withClause();
  const groupByClause = ctx.groupByClause();
  const orderByClause = ctx.orderByClause();
  const limitClause = ctx.limitClause();
  const offsetClause = ctx.offsetClause();
  return {
    kind: 'query',
    select: ctx
      .selectList()
      .selectEntry_list()
      .map((entry) => convertSelectEntry(entry)),
    from,
    where: whereClause ? convertWhere(whereClause.whereLogicalExpression()) : undefined,
    withClause: withClause ? convertWith(withClause, unsupportedClauses) : undefined,
    groupBy: groupByClause ? convertGroupBy(groupByClause, unsupportedClauses) : undefined,
    orderBy: orderByClause
      ? orderByClause.fieldOrderList().fieldOrder_list().map(convertOrder)
      : [],
    limit: limitClause ? convertLimit(limitClause) : undefined,
    offset: offsetClause ? convertLimit(offsetClause) : undefined,
    allRows: Boolean(ctx.allRowsClause()),
    forClauses: convertForClauses(ctx.forClauses()),
    unsupported: unsupportedClauses,
    text: sourceText(ctx),
    position: positionOf(ctx)
  };
}

function convertSubquery(ctx: SubQueryContext): SoqlSubquery {
  const unsupportedClauses: UnsupportedNode[] = [];
  const from = convertFrom(ctx.fromNameList(), unsupportedClauses);
  if (ctx.updateList()) {
    unsupportedClauses.push(unsupported('UPDATE TRACKING/VIEWSTAT', positionOf(ctx.updateList())));
  }
  const whereClause = ctx.whereClause();
  const orderByClause = ctx.orderByClause();
  const limitClause = ctx.limitClause();
  return {
    select: ctx
      .subFieldList()
      .subFieldEntry_list()
      .map((entry) => convertSelectEntry(entry)),
    from,
    where: whereClause ? convertWhere(whereClause.whereLogicalExpression()) : undefined,
    orderBy: orderByClause
      ? orderByClause.fieldOrderList().fieldOrder_list().map(convertOrder)
      : [],
    limit: limitClause ? convertLimit(limitClause) : undefined,
    unsupported: unsupportedClauses,
    text: sourceText(ctx),
    position: positionOf(ctx)
  };
}

function convertFrom(
  ctx: FromNameListContext,
  unsupportedClauses: UnsupportedNode[]
): SoqlSubquery['from'] {
  const names = ctx.fieldName_list();
  if (names.length > 1 || names[0].soqlId_list().length > 1) {
    // `FROM Contact c, c.Account a`: the pre-relationship-query join syntax.
    unsupportedClauses.push(unsupported('several names in FROM', positionOf(ctx)));
  }
  const alias = names.length === 1 ? ctx.soqlId_list()[0] : undefined;
  return {
    name: names[0].soqlId(0).getText(),
    alias: alias?.getText(),
    position: positionOf(names[0])
  };
}

function convertFieldRef(ctx: FieldNameContext): FieldRef {
  return {
    kind: 'field',
    path: ctx.soqlId_list().map((id) => id.getText()),
    position: positionOf(ctx)
  };
}

function convertSelectEntry(ctx: SelectEntryContext | SubFieldEntryContext): SelectItem {
  const alias = ctx.soqlId()?.getText();
  const position = positionOf(ctx);
  if (ctx.typeOf()) return unsupported('TYPEOF', position);
  const subquery = ctx.subQuery();
  if (subquery) return { kind: 'subquery', query: convertSubquery(subquery), position };
  const fn = ctx.soqlFunction();
  if (fn) {
    if (fn.FIELDS()) {
      const scope = fn.soqlFieldsParameter().getText().toUpperCase();
      return { kind: 'fields', scope: scope as 'ALL' | 'STANDARD' | 'CUSTOM', position };
    }
    return { kind: 'function', call: convertFunction(fn), alias, position };
  }
  return { ...convertFieldRef(ctx.fieldName()), alias };
}

const AGGREGATES: readonly AggregateFunctionName[] = [
  'COUNT',
  'COUNT_DISTINCT',
  'SUM',
  'AVG',
  'MIN',
  'MAX'
];

const DATE_FUNCTIONS: readonly DateFunctionName[] = [
  'CALENDAR_MONTH',
  'CALENDAR_QUARTER',
  'CALENDAR_YEAR',
  'DAY_IN_MONTH',
  'DAY_IN_WEEK',
  'DAY_IN_YEAR',
  'DAY_ONLY',
  'FISCAL_MONTH',
  'FISCAL_QUARTER',
  'FISCAL_YEAR',
  'HOUR_IN_DAY',
  'WEEK_IN_MONTH',
  'WEEK_IN_YEAR'
];

function convertFunction(ctx: SoqlFunctionContext): FunctionCall {
  const name = ctx.start.text.toUpperCase();
  const position = positionOf(ctx);
  const text = sourceText(ctx);
  const aggregate = AGGREGATES.find((candidate) => candidate === name);
  if (aggregate) {
    const field = ctx.fieldName();
    return {
      kind: 'aggregate',
      name: aggregate,
      field: field ? convertFieldRef(field) : undefined,
      position,
      text
    };
  }
  const dateFunction = DATE_FUNCTIONS.find((candidate) => candidate === name);
  if (dateFunction) {
    const argument = ctx.dateFieldName();
    return {
      kind: 'date',
      name: dateFunction,
      field: convertFieldRef(argument.fieldName()),
      convertTimezone: Boolean(argument.CONVERT_TIMEZONE()),
      position,
      text
    };
  }
  if (name === 'TOLABEL') {
    return { kind: 'toLabel', field: convertFieldRef(ctx.fieldName()), position, text };
  }
  if (name === 'CONVERTCURRENCY' && ctx.fieldName()) {
    return { kind: 'convertCurrency', field: convertFieldRef(ctx.fieldName()), position, text };
  }
  const names: Record<string, string> = {
    FORMAT: 'FORMAT()',
    CONVERTCURRENCY: 'convertCurrency()',
    DISTANCE: 'DISTANCE()',
    GROUPING: 'GROUPING()',
    FIELDS: 'FIELDS() outside the select list'
  };
  return unsupported(names[name] ?? `${name}()`, position);
}

function convertWhere(ctx: WhereLogicalExpressionContext): Condition {
  const operands = ctx.whereConditionalExpression_list().map(convertWhereConditional);
  return combine(ctx, operands);
}

function convertLogical(ctx: LogicalExpressionContext): Condition {
  const operands = ctx.conditionalExpression_list().map(convertConditional);
  return combine(ctx, operands);
}

function combine(
  ctx: WhereLogicalExpressionContext | LogicalExpressionContext,
  operands: Condition[]
): Condition {
  if (ctx.NOT()) return { kind: 'not', operand: operands[0], position: positionOf(ctx) };
  if (operands.length === 1) return operands[0];
  return { kind: ctx.SOQLAND_list().length > 0 ? 'and' : 'or', operands };
}

function convertWhereConditional(ctx: WhereConditionalExpressionContext): Condition {
  const nested = ctx.whereLogicalExpression();
  if (nested) return convertWhere(nested);
  const fieldExpression = ctx.whereFieldExpression();
  if (fieldExpression.FORMULA()) return unsupported('FORMULA() in WHERE', positionOf(ctx));
  return convertComparison(fieldExpression.fieldExpression());
}

function convertConditional(ctx: ConditionalExpressionContext): Condition {
  const nested = ctx.logicalExpression();
  if (nested) return convertLogical(nested);
  return convertComparison(ctx.fieldExpression());
}

const OPERATORS: Record<string, ComparisonOperator> = {
  '=': '=',
  '!=': '!=',
  '<>': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  LIKE: 'LIKE',
  IN: 'IN',
  NOTIN: 'NOT IN',
  INCLUDES: 'INCLUDES',
  EXCLUDES: 'EXCLUDES'
};

function convertComparison(ctx: FieldExpressionContext): Condition {
  return {
    kind: 'comparison',
    left: convertOperand(ctx.fieldName(), ctx.soqlFunction()),
    operator: OPERATORS[ctx.comparisonOperator().getText().toUpperCase()],
    right: convertValue(ctx.value()),
    position: positionOf(ctx)
  };
}

function convertOperand(
  field: FieldNameContext | undefined,
  fn: SoqlFunctionContext | undefined
): Operand {
  if (field) return convertFieldRef(field);
  if (!fn) throw new Error('a SOQL operand is a field or a function');
  return { kind: 'function', call: convertFunction(fn), position: positionOf(fn) };
}

function convertBind(ctx: BoundExpressionContext): SoqlBind {
  const expression = ctx.expression();
  return {
    kind: 'bind',
    expression,
    text: sourceText(expression),
    position: positionOf(ctx)
  };
}

function convertValue(ctx: ValueContext): SoqlValue {
  const position = positionOf(ctx);
  const text = sourceText(ctx);
  if (ctx.NULL()) return { kind: 'null', position };
  if (ctx.BooleanLiteral()) {
    return { kind: 'boolean', value: text.toLowerCase() === 'true', position };
  }
  if (ctx.signedNumber()) return { kind: 'number', text: text.replace(/\s+/g, ''), position };
  if (ctx.StringLiteral() || ctx.MultilineStringLiteral()) {
    return { kind: 'string', ...decodeStringLiteral(text), position };
  }
  if (ctx.DateLiteral()) return { kind: 'date', value: parseDate(text, position), text, position };
  if (ctx.DateTimeLiteral()) {
    return { kind: 'datetime', value: parseDatetime(text, position), text, position };
  }
  if (ctx.TimeLiteral()) return { kind: 'time', value: parseTime(text, position), text, position };
  const formula = ctx.dateFormula();
  if (formula) return convertDateFormula(formula);
  if (ctx.IntegralCurrencyLiteral()) {
    return unsupported(`the multi-currency literal ${text}`, position);
  }
  const subquery = ctx.subQuery();
  if (subquery) return { kind: 'subquery', query: convertSubquery(subquery), position };
  const list = ctx.valueList();
  if (list) return { kind: 'list', values: list.value_list().map(convertValue), position };
  return convertBind(ctx.boundExpression());
}

function convertDateFormula(ctx: DateFormulaContext): SoqlValue {
  const name = ctx.start.text.toUpperCase() as DateLiteralName;
  const n = ctx.signedInteger();
  return {
    kind: 'dateLiteral',
    name,
    n: n ? Number(n.getText()) : undefined,
    text: sourceText(ctx),
    position: positionOf(ctx)
  };
}

function parseDate(text: string, position: SourcePosition): ApexDate {
  try {
    return ApexDate.parseIso(text);
  } catch {
    throw new QueryException(`invalid date: ${text}`, position);
  }
}

function parseDatetime(text: string, position: SourcePosition): ApexDatetime {
  // The lexer is case-insensitive (`t`, `z`) and accepts `+0100`; Date.parse wants `T`, `Z`, `+01:00`.
  const normalised = text
    .toUpperCase()
    .replace(/([+-])(\d{2})(\d{2})$/, '$1$2:$3')
    .replace(/([+-])(\d{1,2})$/, (_match, sign: string, hours: string) => {
      return `${sign}${hours.padStart(2, '0')}:00`;
    });
  try {
    return ApexDatetime.parseIso(normalised);
  } catch {
    throw new QueryException(`invalid dateTime: ${text}`, position);
  }
}

function parseTime(text: string, position: SourcePosition): ApexTime {
  const match = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3})\d*)?z$/i.exec(text);
  if (!match) {
    throw new QueryException(`invalid time: ${text} (a time literal ends in Z)`, position);
  }
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (hour > 23 || minute > 59 || second > 59) {
    throw new QueryException(`invalid time: ${text}`, position);
  }
  return ApexTime.of(hour, minute, second, Number((match[4] ?? '0').padEnd(3, '0')));
}

function convertWith(ctx: WithClauseContext, unsupportedClauses: UnsupportedNode[]) {
  const modes: [unknown, AccessModeClause][] = [
    [ctx.USER_MODE(), 'USER_MODE'],
    [ctx.SYSTEM_MODE(), 'SYSTEM_MODE'],
    [ctx.SECURITY_ENFORCED(), 'SECURITY_ENFORCED']
  ];
  const mode = modes.find(([token]) => Boolean(token));
  if (mode) return mode[1];
  unsupportedClauses.push(
    unsupported(ctx.DATA() ? 'WITH DATA CATEGORY' : 'WITH filters', positionOf(ctx))
  );
  return undefined;
}

function convertGroupBy(ctx: GroupByClauseContext, unsupportedClauses: UnsupportedNode[]): GroupBy {
  if (ctx.ROLLUP()) unsupportedClauses.push(unsupported('GROUP BY ROLLUP', positionOf(ctx)));
  if (ctx.CUBE()) unsupportedClauses.push(unsupported('GROUP BY CUBE', positionOf(ctx)));
  const having = ctx.logicalExpression();
  return {
    keys: ctx
      .fieldGroupByList()
      .fieldGroupBy_list()
      .map((key: FieldGroupByContext) => convertOperand(key.fieldName(), key.soqlFunction())),
    having: having ? convertLogical(having) : undefined,
    position: positionOf(ctx)
  };
}

function convertOrder(ctx: FieldOrderContext): OrderItem {
  return {
    key: convertOperand(ctx.fieldName(), ctx.soqlFunction()),
    descending: Boolean(ctx.DESC()),
    nulls: ctx.NULLS() ? (ctx.FIRST() ? 'FIRST' : 'LAST') : undefined,
    position: positionOf(ctx)
  };
}

function convertLimit(ctx: LimitClauseContext | OffsetClauseContext): IntegerOrBind {
  const literal = ctx.IntegerLiteral();
  if (literal) {
    return {
      kind: 'integer',
      value: Number(literal.getText()),
      position: positionOfToken(literal.symbol)
    };
  }
  return convertBind(ctx.boundExpression());
}

function convertForClauses(ctx: ForClausesContext): SoqlQuery['forClauses'] {
  const clauses: SoqlQuery['forClauses'] = [];
  for (const child of ctx.children ?? []) {
    const word = child.getText().toUpperCase();
    if (word === 'UPDATE' || word === 'VIEW' || word === 'REFERENCE') clauses.push(word);
  }
  return clauses;
}

/**
 * The syntax tree of a SOQL query, as both entry points build it: inline `[SELECT ...]` in Apex
 * and the text of dynamic SOQL. Names are kept as written (the engine resolves them against the
 * schema, case-insensitively); every node that can fail carries its source position. Binds keep
 * the parser's Apex expression, which the interpreter evaluates when the query runs.
 *
 * Constructs the engine does not execute (TYPEOF, USING SCOPE, FORMAT(), ...) are kept as
 * `unsupported` nodes rather than refused by the parser: a class that contains such a query still
 * loads, as it compiles on the platform, and the query fails only when it runs.
 */
import type { ExpressionContext } from '@apexdevtools/apex-parser';
import type { ApexDate, ApexDatetime, ApexTime } from '../values/temporal';

/** Line (1-based) and column (1-based) in the Apex source or the dynamic query text. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A construct the runtime does not execute; running a query that holds one fails loudly. */
export interface UnsupportedNode {
  kind: 'unsupported';
  /** What it is, for the `not supported offline: <what>` message. */
  what: string;
  position: SourcePosition;
}

/** `:expr` in the query: the interpreter evaluates it (dynamic SOQL binds are names). */
export interface SoqlBind {
  kind: 'bind';
  expression: ExpressionContext;
  /** The expression's source text without the colon, e.g. `account.Id` or `ownerIds`. */
  text: string;
  position: SourcePosition;
}

/** A dotted field reference as written: `Name`, `Account.Owner.Name`, `a.Name` with a FROM alias. */
export interface FieldRef {
  kind: 'field';
  path: string[];
  position: SourcePosition;
}

export type AggregateFunctionName = 'COUNT' | 'COUNT_DISTINCT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';

export type DateFunctionName =
  | 'CALENDAR_MONTH'
  | 'CALENDAR_QUARTER'
  | 'CALENDAR_YEAR'
  | 'DAY_IN_MONTH'
  | 'DAY_IN_WEEK'
  | 'DAY_IN_YEAR'
  | 'DAY_ONLY'
  | 'FISCAL_MONTH'
  | 'FISCAL_QUARTER'
  | 'FISCAL_YEAR'
  | 'HOUR_IN_DAY'
  | 'WEEK_IN_MONTH'
  | 'WEEK_IN_YEAR';

export type FunctionCall =
  | {
      kind: 'aggregate';
      name: AggregateFunctionName;
      /** Absent for `COUNT()`. */
      field?: FieldRef;
      position: SourcePosition;
      /** The call as written, e.g. `SUM(Amount)`, to match ORDER BY and HAVING to the select list. */
      text: string;
    }
  | {
      kind: 'date';
      name: DateFunctionName;
      field: FieldRef;
      /** `CALENDAR_YEAR(convertTimezone(CreatedDate))`: evaluated in the user's time zone. */
      convertTimezone: boolean;
      position: SourcePosition;
      text: string;
    }
  | { kind: 'toLabel'; field: FieldRef; position: SourcePosition; text: string }
  /** `convertCurrency(Amount)`: the amount in the running user's currency (select list only). */
  | { kind: 'convertCurrency'; field: FieldRef; position: SourcePosition; text: string }
  | UnsupportedNode;

export type SelectItem =
  | (FieldRef & { alias?: string })
  | { kind: 'function'; call: FunctionCall; alias?: string; position: SourcePosition }
  | { kind: 'subquery'; query: SoqlSubquery; position: SourcePosition }
  | { kind: 'fields'; scope: 'ALL' | 'STANDARD' | 'CUSTOM'; position: SourcePosition }
  | UnsupportedNode;

/** The left side of a comparison, an ORDER BY key or a GROUP BY key. */
export type Operand = FieldRef | { kind: 'function'; call: FunctionCall; position: SourcePosition };

export type DateLiteralName =
  | 'YESTERDAY'
  | 'TODAY'
  | 'TOMORROW'
  | 'LAST_WEEK'
  | 'THIS_WEEK'
  | 'NEXT_WEEK'
  | 'LAST_MONTH'
  | 'THIS_MONTH'
  | 'NEXT_MONTH'
  | 'LAST_90_DAYS'
  | 'NEXT_90_DAYS'
  | 'LAST_N_DAYS'
  | 'NEXT_N_DAYS'
  | 'N_DAYS_AGO'
  | 'NEXT_N_WEEKS'
  | 'LAST_N_WEEKS'
  | 'N_WEEKS_AGO'
  | 'NEXT_N_MONTHS'
  | 'LAST_N_MONTHS'
  | 'N_MONTHS_AGO'
  | 'THIS_QUARTER'
  | 'LAST_QUARTER'
  | 'NEXT_QUARTER'
  | 'NEXT_N_QUARTERS'
  | 'LAST_N_QUARTERS'
  | 'N_QUARTERS_AGO'
  | 'THIS_YEAR'
  | 'LAST_YEAR'
  | 'NEXT_YEAR'
  | 'NEXT_N_YEARS'
  | 'LAST_N_YEARS'
  | 'N_YEARS_AGO'
  | 'THIS_FISCAL_QUARTER'
  | 'LAST_FISCAL_QUARTER'
  | 'NEXT_FISCAL_QUARTER'
  | 'NEXT_N_FISCAL_QUARTERS'
  | 'LAST_N_FISCAL_QUARTERS'
  | 'N_FISCAL_QUARTERS_AGO'
  | 'THIS_FISCAL_YEAR'
  | 'LAST_FISCAL_YEAR'
  | 'NEXT_FISCAL_YEAR'
  | 'NEXT_N_FISCAL_YEARS'
  | 'LAST_N_FISCAL_YEARS'
  | 'N_FISCAL_YEARS_AGO';

/** A value on the right of a comparison. */
export type SoqlValue =
  | { kind: 'null'; position: SourcePosition }
  | { kind: 'boolean'; value: boolean; position: SourcePosition }
  /** A number as written, sign included (`-1.5`, `42`): its type depends on the field. */
  | { kind: 'number'; text: string; position: SourcePosition }
  | {
      kind: 'string';
      /** The text with its escape sequences resolved. */
      value: string;
      /**
       * Indexes in `value` of `%` and `_` written as `\%` and `\_`: literal characters in a LIKE
       * pattern, an error anywhere else.
       */
      escapedWildcards: number[];
      position: SourcePosition;
    }
  | { kind: 'date'; value: ApexDate; text: string; position: SourcePosition }
  | { kind: 'datetime'; value: ApexDatetime; text: string; position: SourcePosition }
  | { kind: 'time'; value: ApexTime; text: string; position: SourcePosition }
  | {
      kind: 'dateLiteral';
      name: DateLiteralName;
      /** The n of the `:n` forms. */
      n?: number;
      text: string;
      position: SourcePosition;
    }
  | { kind: 'list'; values: SoqlValue[]; position: SourcePosition }
  /** A semi-join or anti-join: `Id IN (SELECT AccountId FROM Opportunity)`. */
  | { kind: 'subquery'; query: SoqlSubquery; position: SourcePosition }
  | SoqlBind
  | UnsupportedNode;

export type ComparisonOperator =
  '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'IN' | 'NOT IN' | 'INCLUDES' | 'EXCLUDES';

export type Condition =
  | { kind: 'and'; operands: Condition[] }
  | { kind: 'or'; operands: Condition[] }
  | { kind: 'not'; operand: Condition; position: SourcePosition }
  | {
      kind: 'comparison';
      left: Operand;
      operator: ComparisonOperator;
      right: SoqlValue;
      position: SourcePosition;
    }
  | UnsupportedNode;

export interface OrderItem {
  key: Operand;
  descending: boolean;
  /** As written; absent means the platform's default (nulls first). */
  nulls?: 'FIRST' | 'LAST';
  position: SourcePosition;
}

export interface GroupBy {
  keys: Operand[];
  having?: Condition;
  position: SourcePosition;
}

export type IntegerOrBind = { kind: 'integer'; value: number; position: SourcePosition } | SoqlBind;

/** What a sub-query in the select list, or a semi-join, may hold. */
export interface SoqlSubquery {
  select: SelectItem[];
  /** The object (top level, semi-join) or child relationship name (select-list sub-query). */
  from: { name: string; alias?: string; position: SourcePosition };
  where?: Condition;
  orderBy: OrderItem[];
  limit?: IntegerOrBind;
  /** Clauses the engine refuses to run (USING SCOPE, UPDATE VIEWSTAT, ...). */
  unsupported: UnsupportedNode[];
  /** The query as written, whitespace kept. */
  text: string;
  position: SourcePosition;
}

export type AccessModeClause = 'USER_MODE' | 'SYSTEM_MODE' | 'SECURITY_ENFORCED';

export interface SoqlQuery extends SoqlSubquery {
  kind: 'query';
  withClause?: AccessModeClause;
  groupBy?: GroupBy;
  offset?: IntegerOrBind;
  /** `ALL ROWS`: deleted rows too. */
  allRows: boolean;
  /** `FOR UPDATE`, `FOR VIEW`, `FOR REFERENCE`: accepted, no effect offline. */
  forClauses: ('UPDATE' | 'VIEW' | 'REFERENCE')[];
}

/**
 * The SOQL engine of the offline runtime: parse inline or dynamic SOQL into one tree, run it over
 * the org's data.
 */
export { parseSoql, soqlFromParseTree } from './soqlParser';
export { executeQuery } from './soqlEngine';
export type { AccessMode, QueryEnvironment, QueryResult } from './queryEnvironment';
export { NotSupportedOfflineError, QueryException } from './soqlErrors';
export { aggregateResultDescribe, nameObjectDescribe } from './syntheticObjects';
export { dateLiteralRange, type CalendarSettings, type DayRange } from './dateLiterals';
export type * from './soqlAst';

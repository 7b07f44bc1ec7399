/**
 * Runs a SOQL query over the org's stored rows. One execution: compile every clause (resolving
 * names, evaluating binds once, building closures), check object and field access for the query's
 * mode, read the candidate rows (by Id when the WHERE clause pins the Id, else every row of the
 * object), filter by sharing and WHERE, then sort, page and build the result.
 *
 * Rows counted toward the query-rows limit: the records returned plus their sub-query rows; for
 * aggregate queries, every row aggregated, except that a query whose only aggregates are COUNT()
 * or COUNT(field) counts one row per group returned (one without GROUP BY), as the Apex Developer
 * Guide ("Working with SOQL Aggregate Functions") says. Semi-join rows are not counted.
 */
import type { ObjectDescribe } from '../metadata/schema';
import type { StoredRow } from '../platform/dataSource';
import { ApexList, ApexSet } from '../values/collections';
import { SObjectValue } from '../values/sobject';
import { compileAggregateQuery } from './aggregation';
import { compileCondition } from './conditions';
import { ExecutionContext } from './executionContext';
import { compileOrderItem, sortByOrder } from './ordering';
import type { QueryEnvironment, QueryResult } from './queryEnvironment';
import { compileRecordSelect } from './recordSelect';
import { rowConditionScope, rowOperand } from './rowScope';
import type { Condition, SoqlQuery } from './soqlAst';
import { NotSupportedOfflineError, QueryException } from './soqlErrors';
import { isIdText } from './valueKeys';

export function executeQuery(query: SoqlQuery, env: QueryEnvironment): QueryResult {
  const ctx = new ExecutionContext(env, query.withClause);
  if (query.unsupported.length > 0) {
    throw new NotSupportedOfflineError(query.unsupported[0].what, query.unsupported[0].position);
  }
  const object = ctx.object(query.from.name, query.from.position, 'select');
  const alias = query.from.alias;
  const scope = rowConditionScope(ctx, object, alias);
  const where = query.where ? compileCondition(query.where, scope) : () => true;
  const matchingRows = (): StoredRow[] => {
    const rows: StoredRow[] = [];
    for (const row of candidateRows(ctx, object, query)) {
      if (ctx.rowVisible(object, row) && where(row)) rows.push(row);
    }
    return rows;
  };

  const first = query.select[0];
  const isCount =
    query.select.length === 1 &&
    first.kind === 'function' &&
    first.call.kind === 'aggregate' &&
    first.call.name === 'COUNT' &&
    !first.call.field &&
    !query.groupBy;
  if (isCount) {
    if (query.orderBy.length > 0) {
      throw new QueryException("COUNT() can't be used with ORDER BY", query.orderBy[0].position);
    }
    const limit = query.limit ? ctx.integer(query.limit, 'LIMIT') : undefined;
    const offset = query.offset ? ctx.integer(query.offset, 'OFFSET') : 0;
    ctx.checkAccess();
    const matched = Math.max(0, matchingRows().length - offset);
    env.countRows(1);
    return { kind: 'count', count: limit === undefined ? matched : Math.min(matched, limit) };
  }

  const isAggregate =
    query.groupBy !== undefined ||
    query.select.some((item) => item.kind === 'function' && item.call.kind === 'aggregate');
  if (isAggregate) {
    const aggregate = compileAggregateQuery(ctx, object, query);
    ctx.checkAccess();
    const { records, rowsCounted } = aggregate.run(matchingRows());
    env.countRows(rowsCounted);
    return { kind: 'records', records };
  }

  const limit = query.limit ? ctx.integer(query.limit, 'LIMIT') : undefined;
  const offset = query.offset ? ctx.integer(query.offset, 'OFFSET') : 0;
  const select = compileRecordSelect(ctx, object, query.select, alias, limit);
  const order = query.orderBy.map((item) =>
    compileOrderItem(item, rowOperand(ctx, object, alias, item.key, 'order', 'other'))
  );
  ctx.checkAccess();
  const rows = sortByOrder(matchingRows(), order).slice(
    offset,
    limit === undefined ? undefined : offset + limit
  );
  const records = rows.map((row) => select.build(row));
  env.countRows(records.length + ctx.rowsReturned);
  return { kind: 'records', records };
}

/**
 * The rows to test: when the WHERE clause is, or is an AND of, `Id = value` or `Id IN values`,
 * only those records (the index on Id); otherwise every row of the object. Deleted rows only
 * with ALL ROWS.
 */
function candidateRows(
  ctx: ExecutionContext,
  object: ObjectDescribe,
  query: SoqlQuery
): Iterable<StoredRow> {
  const ids = query.where ? pinnedIds(ctx, object, query, query.where) : undefined;
  if (!ids) return ctx.source.rows(object.name, query.allRows);
  const rows: StoredRow[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    const row = ctx.source.row(id);
    const rowId = typeof row?.Id === 'string' ? row.Id : undefined;
    if (!row || !rowId || seen.has(rowId) || !rowId.startsWith(object.keyPrefix)) continue;
    if (row.IsDeleted === true && !query.allRows) continue;
    seen.add(rowId);
    rows.push(row);
  }
  return rows;
}

function pinnedIds(
  ctx: ExecutionContext,
  object: ObjectDescribe,
  query: SoqlQuery,
  condition: Condition
): string[] | undefined {
  if (condition.kind === 'and') {
    for (const operand of condition.operands) {
      const ids = pinnedIds(ctx, object, query, operand);
      if (ids) return ids;
    }
    return undefined;
  }
  if (condition.kind !== 'comparison' || condition.left.kind !== 'field') return undefined;
  if (condition.operator !== '=' && condition.operator !== 'IN') return undefined;
  const field = ctx.resolve(object, condition.left, query.from.alias, 'other');
  if (field.hops.length > 0 || field.field.name !== 'Id') return undefined;
  const right = condition.right;
  let values: unknown[];
  if (right.kind === 'string') values = [right.value];
  else if (right.kind === 'list') {
    if (!right.values.every((value) => value.kind === 'string')) return undefined;
    values = right.values.map((value) => (value.kind === 'string' ? value.value : null));
  } else if (right.kind === 'bind') {
    const bound = ctx.bindValue(right);
    values =
      bound instanceof ApexList ? bound.items : bound instanceof ApexSet ? bound.values() : [bound];
  } else return undefined;
  const ids: string[] = [];
  for (const value of values) {
    const id = value instanceof SObjectValue ? value.id : value;
    // Anything else is left to the comparison, which reports it.
    if (typeof id !== 'string' || !isIdText(id)) return undefined;
    ids.push(id);
  }
  return ids;
}

/**
 * The select list of a record query, and the records built from it (SOQL and SOSL Reference,
 * "SOQL SELECT Syntax", "Relationship Queries", "FIELDS()"): each record holds exactly what was
 * selected, under canonical names, plus its `Id`, which SOQL always returns; a parent path nests
 * the parent record under the relationship name (null through a blank lookup); a sub-query puts
 * the list of child records under the child relationship name.
 *
 * Choices, each pinned by a test: `FIELDS()` lists only fields the user can read when permissions
 * are enforced, and a field it lists that is also named explicitly is returned once; a parent
 * record also holds its `Id`.
 */
import type { FieldDescribe, ObjectDescribe } from '../metadata/schema';
import type { StoredRow } from '../platform/dataSource';
import { ApexList } from '../values/collections';
import { SObjectValue } from '../values/sobject';
import { typeNamed } from '../values/typeRef';
import { compileCondition } from './conditions';
import type { ExecutionContext } from './executionContext';
import { readNameField, readParent, type ResolvedField, type ResolvedHop } from './fieldPaths';
import { compileOrderItem, sortByOrder, type CompiledOrder } from './ordering';
import { picklistLabel, rowConditionScope, rowOperand } from './rowScope';
import type { FunctionCall, SelectItem, SoqlSubquery } from './soqlAst';
import { convertedReader, ratesFor, roundToCurrency } from './currencyConversion';
import { NotSupportedOfflineError, QueryException, unknownRelationship } from './soqlErrors';
import { nameObjectDescribe } from './syntheticObjects';
import { keyOf } from './valueKeys';

interface FieldColumn {
  kind: 'field';
  field: FieldDescribe;
  toLabel: boolean;
  /** convertCurrency(): the value read from the row of the queried object, under `name`. */
  converted?: { name: string; read(row: StoredRow): unknown };
}

interface ParentColumn {
  kind: 'parent';
  hop: ResolvedHop;
  columns: ColumnTree;
}

interface ChildColumn {
  kind: 'children';
  relationshipName: string;
  childrenOf(parent: StoredRow): ApexList;
}

interface ColumnTree {
  columns: (FieldColumn | ParentColumn | ChildColumn)[];
  parents: Map<string, ParentColumn>;
}

/** What a record query selects, ready to build records from rows of the queried object. */
export interface RecordSelect {
  build(row: StoredRow): SObjectValue;
}

const FIELDS_LIMIT = 200;

export function compileRecordSelect(
  ctx: ExecutionContext,
  object: ObjectDescribe,
  items: readonly SelectItem[],
  fromAlias: string | undefined,
  limit: number | undefined
): RecordSelect {
  const tree = compileColumns(ctx, object, items, fromAlias, limit);
  return { build: (row) => buildRecord(ctx, tree, row, object, object) };
}

function emptyTree(): ColumnTree {
  return { columns: [], parents: new Map() };
}

function addField(tree: ColumnTree, resolved: ResolvedField, toLabel: boolean): void {
  let current = tree;
  for (const hop of resolved.hops) {
    const key = hop.relationshipName.toLowerCase();
    let parent = current.parents.get(key);
    if (!parent) {
      parent = { kind: 'parent', hop, columns: emptyTree() };
      current.parents.set(key, parent);
      current.columns.push(parent);
    }
    current = parent.columns;
  }
  current.columns.push({ kind: 'field', field: resolved.field, toLabel });
}

function compileColumns(
  ctx: ExecutionContext,
  object: ObjectDescribe,
  items: readonly SelectItem[],
  fromAlias: string | undefined,
  limit: number | undefined
): ColumnTree {
  const tree = emptyTree();
  const explicit = new Set<string>();
  const listed = new Set<string>();
  const select = (resolved: ResolvedField, toLabel: boolean) => {
    if (explicit.has(resolved.key)) {
      throw new QueryException(
        `duplicate field selected: ${resolved.names.join('.')}`,
        resolved.position
      );
    }
    explicit.add(resolved.key);
    if (!listed.has(resolved.key)) addField(tree, resolved, toLabel);
  };
  const list = (resolved: ResolvedField) => {
    if (explicit.has(resolved.key) || listed.has(resolved.key)) return;
    listed.add(resolved.key);
    addField(tree, resolved, false);
  };
  for (const item of items) {
    switch (item.kind) {
      case 'unsupported':
        throw new NotSupportedOfflineError(item.what, item.position);
      case 'field':
        if (item.alias) {
          throw new QueryException('Only aggregate expressions use field aliasing', item.position);
        }
        select(ctx.resolve(object, item, fromAlias, 'select'), false);
        break;
      case 'function': {
        const { call } = item;
        if (call.kind === 'unsupported')
          throw new NotSupportedOfflineError(call.what, call.position);
        if (call.kind === 'convertCurrency') {
          tree.columns.push(convertCurrencyColumn(ctx, object, call, fromAlias, item.alias));
          if (!item.alias) {
            const resolved = ctx.resolve(object, call.field, fromAlias, 'select');
            if (explicit.has(resolved.key)) {
              throw new QueryException(
                `duplicate field selected: ${resolved.names.join('.')}`,
                call.position
              );
            }
            explicit.add(resolved.key);
          }
          break;
        }
        if (call.kind !== 'toLabel') {
          throw new QueryException(
            `${call.text} needs GROUP BY or an aggregate query`,
            call.position
          );
        }
        if (item.alias) {
          throw new QueryException('Only aggregate expressions use field aliasing', item.position);
        }
        const resolved = ctx.resolve(object, call.field, fromAlias, 'select');
        const { displayType } = resolved.field;
        if (displayType !== 'PICKLIST' && displayType !== 'MULTIPICKLIST') {
          throw new NotSupportedOfflineError(
            `toLabel() of the non-picklist field ${resolved.names.join('.')}`,
            call.position
          );
        }
        select(resolved, true);
        break;
      }
      case 'subquery':
        tree.columns.push(compileChildQuery(ctx, object, item.query));
        break;
      case 'fields':
        if (item.scope !== 'STANDARD' && (limit === undefined || limit > FIELDS_LIMIT)) {
          throw new QueryException(
            `The SOQL FIELDS function must have a LIMIT of at most ${FIELDS_LIMIT}`,
            item.position
          );
        }
        for (const field of object.fields) {
          const wanted = item.scope === 'ALL' || (item.scope === 'CUSTOM') === field.custom;
          if (wanted && ctx.fieldListed(object, field)) {
            const ref = { kind: 'field' as const, path: [field.name], position: item.position };
            list(ctx.resolve(object, ref, undefined, 'select'));
          }
        }
        break;
    }
  }
  return tree;
}

function buildRecord(
  ctx: ExecutionContext,
  tree: ColumnTree,
  row: StoredRow,
  object: ObjectDescribe,
  type: ObjectDescribe
): SObjectValue {
  const record = new SObjectValue(type, true);
  const polymorphic = type === nameObjectDescribe();
  for (const column of tree.columns) {
    switch (column.kind) {
      case 'field': {
        if (column.converted) {
          record.set(column.converted.name, column.converted.read(row));
          break;
        }
        const value = polymorphic
          ? readNameField(column.field, { row, object }, ctx)
          : ctx.source.read(object.name, row, column.field);
        record.set(column.field.name, column.toLabel ? picklistLabel(column.field, value) : value);
        break;
      }
      case 'parent': {
        const parent = readParent(column.hop, row, ctx);
        record.set(
          column.hop.relationshipName,
          parent
            ? buildRecord(
                ctx,
                column.columns,
                parent.row,
                parent.object,
                column.hop.target ?? nameObjectDescribe()
              )
            : null
        );
        break;
      }
      case 'children':
        record.set(column.relationshipName, column.childrenOf(row));
        break;
    }
  }
  if (!record.has('Id')) record.set('Id', row.Id ?? null);
  return record;
}

/**
 * `convertCurrency(field)` (SOQL and SOSL Reference, "convertCurrency()"): the currency field in
 * the running user's currency, under the field's name or the alias (`get('alias')` in Apex). A
 * choice, pinned by tests: only fields of the queried object itself (a parent path is refused as
 * not supported offline).
 */
function convertCurrencyColumn(
  ctx: ExecutionContext,
  object: ObjectDescribe,
  call: Extract<FunctionCall, { kind: 'convertCurrency' }>,
  fromAlias: string | undefined,
  alias: string | undefined
): FieldColumn {
  const rates = ratesFor(ctx, call.text);
  const resolved = ctx.resolve(object, call.field, fromAlias, 'select');
  if (resolved.field.displayType !== 'CURRENCY') {
    throw new QueryException(
      `convertCurrency() needs a currency field: ${resolved.names.join('.')}`,
      call.position
    );
  }
  if (resolved.hops.length > 0) {
    throw new NotSupportedOfflineError(`${call.text} of a parent's field`, call.position);
  }
  const read = convertedReader(ctx, resolved, call.field, fromAlias, rates, 'user');
  return {
    kind: 'field',
    field: resolved.field,
    toLabel: false,
    converted: {
      name: alias ?? resolved.field.name,
      read: (row) => {
        const amount = read(row);
        return amount === null ? null : roundToCurrency(amount, rates.userCurrency, rates);
      }
    }
  };
}

function compileChildQuery(
  ctx: ExecutionContext,
  parent: ObjectDescribe,
  query: SoqlSubquery
): ChildColumn {
  if (query.unsupported.length > 0) {
    throw new NotSupportedOfflineError(query.unsupported[0].what, query.unsupported[0].position);
  }
  const relationship = ctx.schema.childRelationship(parent.name, query.from.name);
  if (!relationship) {
    throw unknownRelationship(query.from.name, 'FROM part of query call', query.from.position);
  }
  const child = ctx.object(relationship.childObject, query.from.position, 'select');
  const foreignKey = ctx.schema.field(child.name, relationship.field);
  if (!foreignKey) {
    throw new NotSupportedOfflineError(
      `the child relationship ${relationship.relationshipName}: ${child.name}.${relationship.field} is not in the schema`
    );
  }
  for (const item of query.select) {
    if (item.kind === 'function' && item.call.kind === 'aggregate') {
      throw new QueryException('aggregate functions are not allowed in sub-queries', item.position);
    }
  }
  const alias = query.from.alias;
  const limit = query.limit ? ctx.integer(query.limit, 'LIMIT') : undefined;
  const tree = compileColumns(ctx, child, query.select, alias, limit);
  const predicate = query.where
    ? compileCondition(query.where, rowConditionScope(ctx, child, alias))
    : () => true;
  const order: CompiledOrder<StoredRow>[] = query.orderBy.map((item) =>
    compileOrderItem(item, rowOperand(ctx, child, alias, item.key, 'order', 'other'))
  );
  const elementType = typeNamed(child.name);
  let byParent: Map<string, StoredRow[]> | undefined;
  const rowsOf = (parentRow: StoredRow): StoredRow[] => {
    if (!byParent) {
      // One pass over the child rows serves every parent of this execution.
      byParent = new Map();
      for (const row of ctx.source.rows(child.name)) {
        const key = keyOf('id', true, ctx.source.read(child.name, row, foreignKey));
        if (typeof key !== 'string' || !ctx.rowVisible(child, row) || !predicate(row)) continue;
        const siblings = byParent.get(key);
        if (siblings) siblings.push(row);
        else byParent.set(key, [row]);
      }
    }
    const key = keyOf('id', true, parentRow.Id);
    return typeof key === 'string' ? (byParent.get(key) ?? []) : [];
  };
  return {
    kind: 'children',
    relationshipName: relationship.relationshipName,
    childrenOf(parentRow) {
      const rows = sortByOrder(rowsOf(parentRow), order).slice(0, limit);
      ctx.rowsReturned += rows.length;
      return new ApexList(
        elementType,
        rows.map((row) => buildRecord(ctx, tree, row, child, child))
      );
    }
  };
}

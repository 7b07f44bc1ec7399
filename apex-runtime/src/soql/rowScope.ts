/**
 * Operands read from the rows of one object: fields and parent paths, date functions and
 * toLabel(), for the WHERE and ORDER BY of record queries, sub-queries and semi-joins; and the
 * semi-joins themselves (`Id IN (SELECT AccountId FROM Opportunity WHERE ...)`), run once, at the
 * first row that needs them.
 */
import type { FieldDescribe, ObjectDescribe } from '../metadata/schema';
import type { StoredRow } from '../platform/dataSource';
import { ApexDate, ApexDatetime } from '../values/temporal';
import { compileCondition, type ConditionScope, type TypedOperand } from './conditions';
import { dateFunctionResultType, dateFunctionValue, needsDatetime } from './dateFunctions';
import type { Clause, ExecutionContext } from './executionContext';
import { fieldAccessor } from './fieldPaths';
import { compileOrderItem, sortByOrder } from './ordering';
import type { Operand, SoqlSubquery, SourcePosition } from './soqlAst';
import { NotSupportedOfflineError, QueryException } from './soqlErrors';
import { isLongTextArea, keyOf, kindOfField } from './valueKeys';

export type RowOperandUse = 'filter' | 'order' | 'select';

/** The picklist labels of a value (`toLabel()`); multi-select values label each part. */
export function picklistLabel(field: FieldDescribe, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const labels = new Map(
    field.picklistValues.map((entry) => [entry.value.toLowerCase(), entry.label])
  );
  const labelOf = (part: string) => labels.get(part.toLowerCase()) ?? part;
  return field.displayType === 'MULTIPICKLIST'
    ? value.split(';').map(labelOf).join(';')
    : labelOf(value);
}

export function rowOperand(
  ctx: ExecutionContext,
  object: ObjectDescribe,
  fromAlias: string | undefined,
  operand: Operand,
  use: RowOperandUse,
  clause: Clause
): TypedOperand<StoredRow> {
  if (operand.kind === 'field') {
    const resolved = ctx.resolve(object, operand, fromAlias, clause);
    const { field } = resolved;
    const label = resolved.names.join('.');
    if (use === 'filter' && isLongTextArea(field)) {
      throw new QueryException(
        `field '${label}' can not be filtered in a query call`,
        operand.position
      );
    }
    return {
      read: fieldAccessor(resolved, ctx),
      kind: kindOfField(field),
      caseSensitive: field.caseSensitive,
      label,
      field
    };
  }
  const call = operand.call;
  switch (call.kind) {
    case 'unsupported':
      throw new NotSupportedOfflineError(call.what, call.position);
    case 'aggregate':
      throw new QueryException(
        `aggregate functions are only allowed in aggregate queries: ${call.text}`,
        call.position
      );
    case 'convertCurrency':
      // "You can't use the convertCurrency() function in a WHERE clause. If you do, an error is
      // returned." (SOQL and SOSL Reference, "convertCurrency()"); nor in ORDER BY, which sorts
      // by the converted amount already.
      throw new QueryException(
        `${call.text} can not be used in ${use === 'order' ? 'ORDER BY' : use === 'filter' ? 'WHERE' : 'this clause'}: only in the SELECT list`,
        call.position
      );
    case 'toLabel': {
      const resolved = ctx.resolve(object, call.field, fromAlias, clause);
      const { field } = resolved;
      if (field.displayType !== 'PICKLIST' && field.displayType !== 'MULTIPICKLIST') {
        throw new NotSupportedOfflineError(
          `toLabel() of the non-picklist field ${field.name}`,
          call.position
        );
      }
      const read = fieldAccessor(resolved, ctx);
      return {
        read: (row) => picklistLabel(field, read(row)),
        kind: 'string',
        caseSensitive: false,
        label: call.text
      };
    }
    case 'date': {
      const resolved = ctx.resolve(object, call.field, fromAlias, clause);
      const kind = kindOfField(resolved.field);
      if (kind !== 'datetime' && (kind !== 'date' || needsDatetime(call.name))) {
        throw new QueryException(
          `${call.name}() needs a ${needsDatetime(call.name) ? 'dateTime' : 'date or dateTime'} field: ${resolved.names.join('.')}`,
          call.position
        );
      }
      if (ctx.env.customFiscalYears && call.name.startsWith('FISCAL_')) {
        // "Date Functions": FISCAL_MONTH(), FISCAL_QUARTER() and FISCAL_YEAR() are "not supported
        // if your organization has custom fiscal years enabled".
        throw new QueryException(
          `${call.name}() is not supported in an org with custom fiscal years`,
          call.position
        );
      }
      const read = fieldAccessor(resolved, ctx);
      const settings = {
        timeZone: ctx.env.timeZone,
        fiscalYearStartMonth: ctx.env.fiscalYearStartMonth,
        usesStartDateAsFiscalYearName: ctx.env.usesStartDateAsFiscalYearName
      };
      return {
        read: (row) => {
          const value = read(row);
          return value instanceof ApexDate || value instanceof ApexDatetime
            ? dateFunctionValue(call.name, value, call.convertTimezone, settings)
            : null;
        },
        kind: dateFunctionResultType(call.name) === 'Date' ? 'date' : 'number',
        caseSensitive: false,
        label: call.text
      };
    }
  }
}

/** The condition scope of rows of `object`. */
export function rowConditionScope(
  ctx: ExecutionContext,
  object: ObjectDescribe,
  fromAlias: string | undefined
): ConditionScope<StoredRow> {
  return {
    ctx,
    operand: (operand) => rowOperand(ctx, object, fromAlias, operand, 'filter', 'other'),
    semiJoin: (query, position) => compileSemiJoin(ctx, query, position)
  };
}

function compileSemiJoin(
  ctx: ExecutionContext,
  query: SoqlSubquery,
  position: SourcePosition
): () => ReadonlySet<string> {
  if (query.unsupported.length > 0) {
    throw new NotSupportedOfflineError(query.unsupported[0].what, query.unsupported[0].position);
  }
  const selected = query.select[0];
  if (query.select.length !== 1 || selected.kind !== 'field') {
    throw new QueryException(
      'semi-join sub-selects must select exactly one Id or reference field',
      position
    );
  }
  const object = ctx.object(query.from.name, query.from.position, 'other');
  const alias = query.from.alias;
  const resolved = ctx.resolve(object, selected, alias, 'other');
  if (kindOfField(resolved.field) !== 'id') {
    throw new QueryException(
      `semi-join sub-selects must select an Id or reference field, not ${resolved.names.join('.')}`,
      selected.position
    );
  }
  const read = fieldAccessor(resolved, ctx);
  const predicate = query.where
    ? compileCondition(query.where, rowConditionScope(ctx, object, alias))
    : () => true;
  const order = query.orderBy.map((item) =>
    compileOrderItem(item, rowOperand(ctx, object, alias, item.key, 'order', 'other'))
  );
  const limit = query.limit ? ctx.integer(query.limit, 'LIMIT') : undefined;
  let ids: Set<string> | undefined;
  return () => {
    if (!ids) {
      const rows = [...ctx.source.rows(object.name)].filter(
        (row) => ctx.rowVisible(object, row) && predicate(row)
      );
      const chosen = sortByOrder(rows, order).slice(0, limit);
      ids = new Set();
      for (const row of chosen) {
        const key = keyOf('id', true, read(row));
        if (typeof key === 'string') ids.add(key);
      }
    }
    return ids;
  };
}

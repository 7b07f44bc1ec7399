/**
 * DML as the platform runs it (Apex Developer Guide, "Triggers and Order of Execution"): records
 * get their defaults, before triggers run, system validation and validation rules check them, the
 * rows are written, after triggers run, roll-up summaries recompute (their parents going through
 * the same save), field history is written. With allOrNone false the platform rolls back and
 * retries the records that succeeded, so the result is as if the failed records were never there;
 * with allOrNone true (DML statements) any failure rolls back the whole operation.
 *
 * In user mode the running user's object and field permissions and record sharing apply; in system
 * mode only sharing, and only when the calling code runs with sharing.
 */
import type { FieldDescribe, ObjectDescribe } from '../metadata/schema';
import type { StoredRow } from '../platform/dataSource';
import { idKey } from '../platform/recordIds';
import type { OrgDatabase } from '../platform/orgDatabase';
import { ApexRuntimeError, NotSupportedOfflineError } from '../stdlib/apexErrors';
import { apexEqualsExactCase } from '../values/equality';
import { SObjectValue } from '../values/sobject';
import type { ApexDatetime } from '../values/temporal';
import type { Frame } from '../interpreter/frame';
import { dmlError, type DmlError, type DmlRequest, type DmlRowResult } from './dmlTypes';
import { fieldErrors, SYSTEM_FIELDS, uniqueErrors, type SaveCheckInput } from './saveChecks';
import { countRows, limitCounters, restoreLimitCounters } from './rowLimits';
import { mixedDmlError } from './mixedDml';
import { applyStandardBehaviour, type StandardBehaviourContext } from './standardBehaviours';
import type { TriggerSet } from './triggers';
import type { RecordAccess } from '../platform/recordAccess';
import type { UserAccess } from '../platform/accessModel';

/** What a save needs from the org session. */
export interface SaveEnvironment {
  readonly database: OrgDatabase;
  readonly triggers: TriggerSet;
  userAccess(userId: string): UserAccess;
  recordAccess(userId: string): RecordAccess;
  /** Errors of the object's active validation rules for the values to be saved. */
  validationErrors(object: ObjectDescribe, values: StoredRow, userId: string): DmlError[];
  /** Whether tracked field changes write history rows (not in Apex tests, as in the org). */
  readonly writesFieldHistory: boolean;
  now(): ApexDatetime;
}

/** At most this many attempts for a partial save (the platform retries twice). */
const MAX_ATTEMPTS = 3;

type Operation = 'insert' | 'update' | 'delete' | 'undelete';

interface Outcome {
  /** Errors by position in the attempted list. */
  errors: Map<number, DmlError[]>;
  /** Ids by position (insert assigns them). */
  ids: Map<number, string>;
}

function addErrors(outcome: Outcome, index: number, errors: readonly DmlError[]): void {
  if (errors.length === 0) return;
  outcome.errors.set(index, [...(outcome.errors.get(index) ?? []), ...errors]);
}

function recordErrors(record: SObjectValue): DmlError[] {
  return record.errors.map((error) =>
    dmlError('FIELD_CUSTOM_VALIDATION_EXCEPTION', error.message, error.fields)
  );
}

export class DmlEngine {
  constructor(private readonly env: SaveEnvironment) {}

  private get database(): OrgDatabase {
    return this.env.database;
  }

  /** Runs a DML request; results are in the order of the request's records. */
  run(frame: Frame, request: DmlRequest): DmlRowResult[] {
    const count = request.records.length;
    frame.ctx.limits.count('dmlStatements');
    countRows(frame.ctx.limits, 'dmlRows', count);
    if (request.operation === 'merge') {
      throw new NotSupportedOfflineError('merge');
    }
    if (request.operation === 'upsert') return this.upsert(frame, request);
    return this.runOperation(frame, request, request.operation as Operation, request.records);
  }

  private runOperation(
    frame: Frame,
    request: DmlRequest,
    operation: Operation,
    records: readonly (SObjectValue | string | null)[]
  ): DmlRowResult[] {
    const results: DmlRowResult[] = records.map((record) => ({
      success: true,
      id: operation === 'insert' ? null : idOf(record),
      errors: []
    }));
    let pending = records.map((_, index) => index);
    // "Bulk DML Exception Handling": the retries start from the limits before the first attempt.
    const countersBefore = limitCounters(frame.ctx.limits);
    for (let attempt = 0; attempt < MAX_ATTEMPTS && pending.length > 0; attempt++) {
      if (attempt > 0) restoreLimitCounters(frame.ctx.limits, countersBefore);
      const snapshot = this.database.snapshot();
      const attempted = pending;
      const outcome = this.attempt(
        frame,
        request,
        operation,
        attempted.map((index) => records[index])
      );
      if (outcome.errors.size === 0) {
        outcome.ids.forEach((id, position) => {
          results[attempted[position]].id = id;
        });
        break;
      }
      this.database.restore(snapshot);
      this.clearAssignedIds(operation, records);
      outcome.errors.forEach((errors, position) => {
        const result = results[attempted[position]];
        result.success = false;
        result.errors = errors;
        if (operation === 'insert') result.id = null;
      });
      if (request.allOrNone) break;
      pending = attempted.filter((_, position) => !outcome.errors.has(position));
    }
    if (operation === 'insert') {
      results.forEach((result, index) => {
        const record = records[index];
        if (result.success && record instanceof SObjectValue) record.set('Id', result.id);
      });
    }
    return results;
  }

  private clearAssignedIds(
    operation: Operation,
    records: readonly (SObjectValue | string | null)[]
  ): void {
    if (operation !== 'insert') return;
    for (const record of records) {
      if (record instanceof SObjectValue) record.remove('Id');
    }
  }

  private attempt(
    frame: Frame,
    request: DmlRequest,
    operation: Operation,
    records: readonly (SObjectValue | string | null)[]
  ): Outcome {
    const outcome: Outcome = { errors: new Map(), ids: new Map() };
    const groups = new Map<string, number[]>();
    records.forEach((record, index) => {
      const object = this.objectOf(record);
      if (!object) {
        addErrors(outcome, index, [
          dmlError('INVALID_ID_FIELD', `invalid record: ${String(record)}`)
        ]);
        return;
      }
      groups.set(object.name, [...(groups.get(object.name) ?? []), index]);
    });
    for (const [objectName, indexes] of groups) {
      const object = this.database.schema.object(objectName) as ObjectDescribe;
      const group = indexes.map((index) => records[index]);
      const mixed = mixedDmlError(frame.ctx.limits.mixedDml, {
        objectName,
        operation,
        records: group,
        stored: (id) => this.database.row(id)
      });
      if (mixed) {
        indexes.forEach((index) => addErrors(outcome, index, [mixed]));
        continue;
      }
      const groupOutcome =
        operation === 'insert'
          ? this.insertGroup(frame, request, object, group as SObjectValue[])
          : operation === 'update'
            ? this.updateGroup(frame, request, object, group as SObjectValue[])
            : this.deleteGroup(frame, request, object, group, operation);
      groupOutcome.errors.forEach((errors, position) =>
        addErrors(outcome, indexes[position], errors)
      );
      groupOutcome.ids.forEach((id, position) => outcome.ids.set(indexes[position], id));
    }
    return outcome;
  }

  private objectOf(record: SObjectValue | string | null): ObjectDescribe | undefined {
    if (record instanceof SObjectValue) return record.type;
    if (typeof record === 'string') return this.database.objectOfId(record);
    return undefined;
  }

  // ---- insert --------------------------------------------------------------------------

  private insertGroup(
    frame: Frame,
    request: DmlRequest,
    object: ObjectDescribe,
    records: SObjectValue[]
  ): Outcome {
    const outcome: Outcome = { errors: new Map(), ids: new Map() };
    const userId = frame.ctx.user.id;
    const userMode = request.accessLevel === 'USER_MODE';
    const access = userMode ? this.env.userAccess(userId) : undefined;
    if (!object.createable || object.customMetadata) {
      records.forEach((_, i) =>
        addErrors(outcome, i, [
          dmlError(
            'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
            `DML operation Insert not allowed on ${object.name}`
          )
        ])
      );
      return outcome;
    }
    const working = records.map((record, index) => {
      if (record.get('Id') !== undefined && record.get('Id') !== null) {
        addErrors(outcome, index, [
          dmlError('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id'])
        ]);
      }
      return this.insertCopy(frame, object, record);
    });
    if (access) {
      // The user's permissions cover the fields the caller set; defaults are the platform's.
      records.forEach((record, index) =>
        addErrors(outcome, index, this.permissionErrors(access, object, record, 'create'))
      );
    }
    const behaviour = this.behaviourContext(frame);
    working.forEach((record) => applyStandardBehaviour(behaviour, object, record, null, 'before'));
    this.fireBefore(frame, object, 'BEFORE_INSERT', working, null, outcome);
    const inputs = this.checkAndCollect(frame, object, working, null, outcome);
    const saved: (SObjectValue | null)[] = working.map(() => null);
    inputs.forEach((input, index) => {
      if (!input || outcome.errors.has(index)) return;
      const row = this.database.insert(object.name, input.values, {
        auditUserId: userId,
        now: this.env.now()
      });
      outcome.ids.set(index, String(row.Id));
      saved[index] = this.readRecord(object, row);
    });
    const afterRecords = saved.filter((record): record is SObjectValue => record !== null);
    const afterIndexes = saved.flatMap((record, index) => (record ? [index] : []));
    this.fireAfter(frame, object, 'AFTER_INSERT', afterRecords, null, afterIndexes, outcome);
    if (outcome.errors.size === 0) {
      this.writeHistory(
        frame,
        object,
        afterRecords.map((record) => [null, record])
      );
      this.recalculateParents(
        frame,
        object,
        afterRecords.map((record, i) => [afterIndexes[i], this.rowOf(record)]),
        outcome
      );
    }
    return outcome;
  }

  /** The record the triggers see on insert: the caller's fields, with the platform's defaults. */
  private insertCopy(frame: Frame, object: ObjectDescribe, record: SObjectValue): SObjectValue {
    const copy = new SObjectValue(object);
    for (const entry of record.populated()) {
      if (this.database.schema.field(object.name, entry.name)) copy.set(entry.name, entry.value);
    }
    if (object.hasOwner && (copy.get('OwnerId') ?? null) === null)
      copy.set('OwnerId', frame.ctx.user.id);
    // Multiple currencies: a record created without a currency gets the creating user's
    // (getUserInfoResult, "userDefaultCurrencyIsoCode"; currencySchema.ts).
    if (
      (copy.get('CurrencyIsoCode') ?? null) === null &&
      this.database.schema.field(object.name, 'CurrencyIsoCode')
    ) {
      const userCurrency = this.database.row(frame.ctx.user.id)?.DefaultCurrencyIsoCode;
      if (typeof userCurrency === 'string') copy.set('CurrencyIsoCode', userCurrency);
    }
    for (const field of object.fields) {
      if (copy.has(field.name) || !field.createable) continue;
      const initial = defaultValue(field);
      if (initial !== undefined) copy.set(field.name, initial);
    }
    return copy;
  }

  // ---- update --------------------------------------------------------------------------

  private updateGroup(
    frame: Frame,
    request: DmlRequest,
    object: ObjectDescribe,
    records: SObjectValue[]
  ): Outcome {
    const outcome: Outcome = { errors: new Map(), ids: new Map() };
    const userId = frame.ctx.user.id;
    const seen = new Set<string>();
    for (const record of records) {
      const id = record.id;
      if (id === null) continue;
      if (seen.has(idKey(id)))
        throw new ApexRuntimeError('System.ListException', `Duplicate id in list: ${id}`);
      seen.add(idKey(id));
    }
    const access = request.accessLevel === 'USER_MODE' ? this.env.userAccess(userId) : undefined;
    const sharing = access || request.withSharing ? this.env.recordAccess(userId) : undefined;
    const olds: (SObjectValue | null)[] = [];
    const news: (SObjectValue | null)[] = [];
    records.forEach((record, index) => {
      const id = record.id;
      const row = id === null ? undefined : this.database.row(id);
      if (id === null) {
        addErrors(outcome, index, [
          dmlError('MISSING_ARGUMENT', 'Id not specified in an update call')
        ]);
      } else if (!row) {
        addErrors(outcome, index, [
          dmlError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id')
        ]);
      } else if (!object.updateable && !object.createable) {
        // A read-only setup object (OpportunityStage, CurrencyType, Period...), as insert refuses it.
        addErrors(outcome, index, [
          dmlError(
            'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
            `DML operation Update not allowed on ${object.name}`
          )
        ]);
      } else if (row.IsDeleted === true) {
        addErrors(outcome, index, [dmlError('ENTITY_IS_DELETED', 'entity is deleted')]);
      } else if (sharing && !sharing.canEdit(object.name, row)) {
        addErrors(outcome, index, [
          dmlError('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id')
        ]);
      }
      if (!row || outcome.errors.has(index)) {
        olds.push(null);
        news.push(null);
        return;
      }
      const old = this.readRecord(object, row);
      const updated = old.copy(false);
      for (const entry of record.populated()) {
        const field = this.database.schema.field(object.name, entry.name);
        if (field && field.name !== 'Id') updated.set(field.name, entry.value);
      }
      if (access) addErrors(outcome, index, this.permissionErrors(access, object, record, 'edit'));
      olds.push(old);
      news.push(updated);
    });
    const live = news.flatMap((record, index) =>
      record && !outcome.errors.has(index) ? [index] : []
    );
    const behaviour = this.behaviourContext(frame);
    for (const index of live)
      applyStandardBehaviour(behaviour, object, news[index] as SObjectValue, olds[index], 'before');
    this.fireBefore(
      frame,
      object,
      'BEFORE_UPDATE',
      live.map((i) => news[i] as SObjectValue),
      live.map((i) => olds[i] as SObjectValue),
      outcome,
      live
    );
    const inputs = this.checkAndCollect(frame, object, news, olds, outcome);
    const saved: [SObjectValue, SObjectValue, number][] = [];
    inputs.forEach((input, index) => {
      if (!input || outcome.errors.has(index)) return;
      const old = olds[index] as SObjectValue;
      const changes: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(input.values)) {
        if (!apexEqualsExactCase(old.get(name) ?? null, value ?? null))
          changes[name] = value ?? null;
      }
      const row = this.database.update(input.id as string, changes, {
        auditUserId: userId,
        now: this.env.now()
      });
      outcome.ids.set(index, String(row.Id));
      saved.push([old, this.readRecord(object, row), index]);
    });
    this.fireAfter(
      frame,
      object,
      'AFTER_UPDATE',
      saved.map(([, record]) => record),
      saved.map(([old]) => old),
      saved.map(([, , index]) => index),
      outcome
    );
    if (outcome.errors.size === 0) {
      this.writeHistory(
        frame,
        object,
        saved.map(([old, record]) => [old, record])
      );
      this.recalculateParents(
        frame,
        object,
        saved.flatMap(([old, record, index]): [number, StoredRow][] => [
          [index, this.rowOf(old)],
          [index, this.rowOf(record)]
        ]),
        outcome
      );
    }
    return outcome;
  }

  // ---- delete and undelete -------------------------------------------------------------

  private deleteGroup(
    frame: Frame,
    request: DmlRequest,
    object: ObjectDescribe,
    records: readonly (SObjectValue | string | null)[],
    operation: 'delete' | 'undelete'
  ): Outcome {
    const outcome: Outcome = { errors: new Map(), ids: new Map() };
    const userId = frame.ctx.user.id;
    const deleting = operation === 'delete';
    const access = request.accessLevel === 'USER_MODE' ? this.env.userAccess(userId) : undefined;
    const sharing = access || request.withSharing ? this.env.recordAccess(userId) : undefined;
    const olds: (SObjectValue | null)[] = records.map((record, index) => {
      const id = idOf(record);
      const row = id === null ? undefined : this.database.row(id);
      if (!row || id === null) {
        addErrors(outcome, index, [
          dmlError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id')
        ]);
        return null;
      }
      if ((row.IsDeleted === true) === deleting) {
        addErrors(outcome, index, [
          deleting
            ? dmlError('ENTITY_IS_DELETED', 'entity is deleted')
            : dmlError('UNDELETE_FAILED', 'Entity is not in the recycle bin')
        ]);
        return null;
      }
      if (!object.deletable && !object.createable) {
        addErrors(outcome, index, [
          dmlError(
            'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
            `DML operation ${deleting ? 'Delete' : 'Undelete'} not allowed on ${object.name}`
          )
        ]);
        return null;
      }
      if (access && !(deleting ? access.canDelete(object.name) : access.canCreate(object.name))) {
        addErrors(outcome, index, [
          dmlError('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id')
        ]);
        return null;
      }
      if (sharing && !sharing.canEdit(object.name, row)) {
        addErrors(outcome, index, [
          dmlError('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id')
        ]);
        return null;
      }
      return this.readRecord(object, row);
    });
    const live = olds.flatMap((record, index) => (record ? [index] : []));
    if (deleting) {
      this.fireBefore(
        frame,
        object,
        'BEFORE_DELETE',
        null,
        live.map((i) => olds[i] as SObjectValue),
        outcome,
        live
      );
    }
    const done: number[] = [];
    for (const index of live) {
      if (outcome.errors.has(index)) continue;
      const id = (olds[index] as SObjectValue).id as string;
      if (deleting) {
        this.database.delete(id, { auditUserId: userId, now: this.env.now() });
        this.cascadeDelete(object, id, userId);
      } else {
        this.database.undelete(id, { auditUserId: userId, now: this.env.now() });
        this.cascadeUndelete(object, id, userId);
      }
      outcome.ids.set(index, id);
      done.push(index);
    }
    const after = done.map((index) => {
      const row = this.database.row(outcome.ids.get(index) as string) as StoredRow;
      return this.readRecord(object, row);
    });
    if (deleting) this.fireAfter(frame, object, 'AFTER_DELETE', null, after, done, outcome);
    else this.fireAfter(frame, object, 'AFTER_UNDELETE', after, null, done, outcome);
    if (outcome.errors.size === 0) {
      this.recalculateParents(
        frame,
        object,
        after.map((record, i) => [done[i], this.rowOf(record)]),
        outcome
      );
    }
    return outcome;
  }

  /**
   * Master-detail children go to the recycle bin with their master, and theirs with them (no
   * triggers fire for them). A child already in the recycle bin is deleted for good: Salesforce
   * Help, "Considerations for Relationships", a detail record deleted before its master cannot be
   * restored once the master is deleted.
   */
  private cascadeDelete(object: ObjectDescribe, id: string, userId: string): void {
    for (const [child, row] of this.detailRows(object, id)) {
      const childId = String(row.Id);
      if (row.IsDeleted === true) {
        this.database.purge(childId);
        continue;
      }
      this.database.delete(childId, { auditUserId: userId, now: this.env.now() });
      this.cascadeDelete(child, childId, userId);
    }
  }

  /** Undeleting a master restores the detail records its deletion took along ("Deleting Records"). */
  private cascadeUndelete(object: ObjectDescribe, id: string, userId: string): void {
    for (const [child, row] of this.detailRows(object, id)) {
      if (row.IsDeleted !== true) continue;
      const childId = String(row.Id);
      this.database.undelete(childId, { auditUserId: userId, now: this.env.now() });
      this.cascadeUndelete(child, childId, userId);
    }
  }

  /** The master-detail children of a record, in the recycle bin or not. */
  private detailRows(object: ObjectDescribe, id: string): [ObjectDescribe, StoredRow][] {
    const rows: [ObjectDescribe, StoredRow][] = [];
    for (const relationship of object.childRelationships) {
      const child = this.database.schema.object(relationship.childObject);
      if (!relationship.cascadeDelete || !child) continue;
      for (const row of this.database.rows(child.name, true)) {
        const parentId = row[relationship.field];
        if (typeof parentId === 'string' && idKey(parentId) === idKey(id)) rows.push([child, row]);
      }
    }
    return rows;
  }

  // ---- upsert --------------------------------------------------------------------------

  private upsert(frame: Frame, request: DmlRequest): DmlRowResult[] {
    const records = request.records as (SObjectValue | null)[];
    const inserts: number[] = [];
    const updates: number[] = [];
    const failures = new Map<number, DmlError[]>();
    records.forEach((record, index) => {
      if (!(record instanceof SObjectValue)) {
        failures.set(index, [dmlError('INVALID_ARGUMENT', 'record is null')]);
        return;
      }
      if (request.externalIdField) {
        const field = this.database.schema.field(record.type.name, request.externalIdField);
        if (!field || !(field.externalId || field.name === 'Id')) {
          throw new ApexRuntimeError(
            'System.SObjectException',
            `Invalid field for upsert, must be an External Id custom or standard indexed field: ${request.externalIdField}`
          );
        }
        const value = record.get(field.name);
        const matches =
          value === null || value === undefined
            ? []
            : [...this.database.rows(record.type.name)].filter((row) =>
                typeof value === 'string' && typeof row[field.name] === 'string'
                  ? (row[field.name] as string).toLowerCase() === value.toLowerCase()
                  : apexEqualsExactCase(row[field.name] ?? null, value)
              );
        if (matches.length > 1) {
          failures.set(index, [
            dmlError(
              'DUPLICATE_EXTERNAL_ID',
              `${field.name}: more than one record found for external id field`,
              [field.name]
            )
          ]);
          return;
        }
        if (matches.length === 1) {
          record.set('Id', matches[0].Id);
          updates.push(index);
          return;
        }
        inserts.push(index);
        return;
      }
      if (record.id === null) inserts.push(index);
      else updates.push(index);
    });
    const results: DmlRowResult[] = records.map((record, index) => ({
      success: !failures.has(index),
      id: record instanceof SObjectValue ? record.id : null,
      errors: failures.get(index) ?? []
    }));
    if (failures.size > 0 && request.allOrNone) return results;
    const inserted = this.runOperation(
      frame,
      request,
      'insert',
      inserts.map((i) => records[i])
    );
    inserted.forEach((result, position) => {
      results[inserts[position]] = { ...result, created: true };
    });
    const updated = this.runOperation(
      frame,
      request,
      'update',
      updates.map((i) => records[i])
    );
    updated.forEach((result, position) => {
      results[updates[position]] = { ...result, created: false };
    });
    return results;
  }

  // ---- shared steps --------------------------------------------------------------------

  private behaviourContext(frame: Frame): StandardBehaviourContext {
    return {
      database: this.database,
      userId: frame.ctx.user.id,
      now: this.env.now(),
      timeZone: frame.ctx.user.timeZone
    };
  }

  private fireBefore(
    frame: Frame,
    object: ObjectDescribe,
    operation: 'BEFORE_INSERT' | 'BEFORE_UPDATE' | 'BEFORE_DELETE',
    newRecords: SObjectValue[] | null,
    oldRecords: SObjectValue[] | null,
    outcome: Outcome,
    positions?: number[]
  ): void {
    const list = newRecords ?? oldRecords ?? [];
    const indexOf = (i: number) => (positions ? positions[i] : i);
    const live = list.map((_, i) => i).filter((i) => !outcome.errors.has(indexOf(i)));
    if (live.length === 0) return;
    const failures = this.env.triggers.fire(
      frame,
      object.name,
      operation,
      newRecords ? live.map((i) => newRecords[i]) : null,
      oldRecords ? live.map((i) => oldRecords[i]) : null
    );
    for (const failure of failures) {
      for (const position of failure.indexes) {
        addErrors(outcome, indexOf(live[position]), [
          dmlError('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', failure.message)
        ]);
      }
    }
    live.forEach((i) => addErrors(outcome, indexOf(i), recordErrors(list[i])));
  }

  private fireAfter(
    frame: Frame,
    object: ObjectDescribe,
    operation: 'AFTER_INSERT' | 'AFTER_UPDATE' | 'AFTER_DELETE' | 'AFTER_UNDELETE',
    newRecords: SObjectValue[] | null,
    oldRecords: SObjectValue[] | null,
    positions: number[],
    outcome: Outcome
  ): void {
    const list = newRecords ?? oldRecords ?? [];
    if (list.length === 0) return;
    const failures = this.env.triggers.fire(frame, object.name, operation, newRecords, oldRecords);
    for (const failure of failures) {
      for (const position of failure.indexes) {
        addErrors(outcome, positions[position], [
          dmlError('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', failure.message)
        ]);
      }
    }
    list.forEach((record, i) => addErrors(outcome, positions[i], recordErrors(record)));
  }

  /**
   * System validation, validation rules and unique checks of the records still without errors;
   * returns what to write per position (null where nothing is written).
   */
  private checkAndCollect(
    frame: Frame,
    object: ObjectDescribe,
    records: readonly (SObjectValue | null)[],
    olds: readonly (SObjectValue | null)[] | null,
    outcome: Outcome
  ): (SaveCheckInput | null)[] {
    const schema = this.database.schema;
    const behaviour = this.behaviourContext(frame);
    const inputs = records.map((record, index): SaveCheckInput | null => {
      if (!record || outcome.errors.has(index)) return null;
      applyStandardBehaviour(behaviour, object, record, olds?.[index] ?? null, 'save');
      const values: Record<string, unknown> = {};
      const readOnly: string[] = [];
      for (const entry of record.populated()) {
        const field = schema.field(object.name, entry.name);
        if (!field || field.name === 'Id' || SYSTEM_FIELDS.has(field.name.toLowerCase())) continue;
        if (field.formula !== undefined || field.rollup !== undefined) continue;
        if (!field.createable && !field.updateable && !isPlatformSet(object, field)) {
          const old = olds?.[index]?.get(field.name) ?? null;
          if (!apexEqualsExactCase(old, entry.value ?? null)) readOnly.push(field.name);
          continue;
        }
        values[field.name] = entry.value ?? null;
      }
      if (readOnly.length > 0) {
        addErrors(outcome, index, [
          dmlError(
            'INVALID_FIELD_FOR_INSERT_UPDATE',
            `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
            readOnly
          )
        ]);
        return null;
      }
      const input: SaveCheckInput = { object, values, id: record.id };
      const errors = fieldErrors(this.database, input);
      if (errors.length === 0) {
        // Validation rules read the whole record, roll-up summaries and formula fields included.
        errors.push(...this.env.validationErrors(object, this.rowOf(record), frame.ctx.user.id));
      }
      addErrors(outcome, index, errors);
      return errors.length > 0 ? null : input;
    });
    const live = inputs.flatMap((input, index) => (input ? [[input, index] as const] : []));
    const duplicates = uniqueErrors(
      this.database,
      object,
      live.map(([input]) => input)
    );
    duplicates.forEach((errors, position) => {
      const index = live[position][1];
      addErrors(outcome, index, errors);
      inputs[index] = null;
    });
    return inputs;
  }

  private permissionErrors(
    access: UserAccess,
    object: ObjectDescribe,
    record: SObjectValue,
    operation: 'create' | 'edit'
  ): DmlError[] {
    const allowed =
      operation === 'create' ? access.canCreate(object.name) : access.canEdit(object.name);
    if (!allowed) {
      return [
        dmlError('INSUFFICIENT_ACCESS_OR_READONLY', `insufficient access rights on object id`)
      ];
    }
    const denied = record
      .populated()
      .map((entry) => this.database.schema.field(object.name, entry.name))
      .filter(
        (field): field is FieldDescribe =>
          field !== undefined &&
          !SYSTEM_FIELDS.has(field.name.toLowerCase()) &&
          !access.fieldEditable(object.name, field.name)
      )
      .map((field) => field.name);
    if (denied.length === 0) return [];
    return [
      dmlError(
        'INSUFFICIENT_ACCESS_OR_READONLY',
        `Insufficient permissions to ${operation === 'create' ? 'create' : 'update'} fields: ${denied.join(', ')}`,
        denied
      )
    ];
  }

  /** A stored row as a complete record: every stored field and the formula fields' values. */
  readRecord(object: ObjectDescribe, row: StoredRow): SObjectValue {
    const record = new SObjectValue(object);
    for (const field of object.fields) {
      const value =
        field.formula !== undefined
          ? this.database.read(object.name, row, field)
          : (row[field.name] ?? null);
      record.set(field.name, value);
    }
    return record;
  }

  private rowOf(record: SObjectValue): StoredRow {
    const row: Record<string, unknown> = {};
    for (const entry of record.populated()) row[entry.name] = entry.value;
    return row;
  }

  /**
   * Recomputes the roll-up summaries the saved children feed and puts each changed parent
   * through a save of its own: its update triggers run and its validation rules check the new
   * summaries; a parent that refuses them fails the children that changed it, as on the platform.
   */
  private recalculateParents(
    frame: Frame,
    child: ObjectDescribe,
    rows: readonly [number, StoredRow][],
    outcome: Outcome
  ): void {
    const schema = this.database.schema;
    for (const parent of schema.objects.values()) {
      const rollups = parent.fields.filter(
        (field) => field.rollup?.childObject.toLowerCase() === child.name.toLowerCase()
      );
      if (rollups.length === 0) continue;
      const childrenOf = new Map<string, Set<number>>();
      for (const rollup of rollups) {
        const foreignKey = schema.field(child.name, rollup.rollup?.foreignKey ?? '');
        for (const [index, row] of rows) {
          const parentId = foreignKey ? row[foreignKey.name] : undefined;
          if (typeof parentId !== 'string') continue;
          const key = idKey(parentId);
          childrenOf.set(key, (childrenOf.get(key) ?? new Set<number>()).add(index));
        }
      }
      const parentErrors = this.saveRollupParents(frame, parent, child, [...childrenOf.keys()]);
      parentErrors.forEach((errors, parentKey) => {
        for (const index of childrenOf.get(parentKey) ?? []) addErrors(outcome, index, errors);
      });
    }
  }

  /** The parents' save after their summaries changed; returns the errors of those that refuse. */
  private saveRollupParents(
    frame: Frame,
    parent: ObjectDescribe,
    child: ObjectDescribe,
    parentKeys: readonly string[]
  ): Map<string, DmlError[]> {
    const errorsByParent = new Map<string, DmlError[]>();
    const liveIds = parentKeys.filter((id) => {
      const row = this.database.row(id);
      return row !== undefined && row.IsDeleted !== true;
    });
    const before = new Map(liveIds.map((id) => [idKey(id), this.database.row(id) as StoredRow]));
    const after = this.database.recalculateRollups(child.name, liveIds);
    const changed = after.filter((row) => {
      const old = before.get(idKey(String(row.Id)));
      return (
        old !== undefined &&
        parent.fields.some(
          (field) =>
            field.rollup && !apexEqualsExactCase(old[field.name] ?? null, row[field.name] ?? null)
        )
      );
    });
    if (changed.length === 0) return errorsByParent;
    const olds = changed.map((row) =>
      this.readRecord(parent, before.get(idKey(String(row.Id))) as StoredRow)
    );
    const news = changed.map((row) => this.readRecord(parent, row));
    const parentOutcome: Outcome = { errors: new Map(), ids: new Map() };
    this.fireBefore(frame, parent, 'BEFORE_UPDATE', news, olds, parentOutcome);
    news.forEach((record, index) => {
      if (parentOutcome.errors.has(index)) return;
      addErrors(
        parentOutcome,
        index,
        this.env.validationErrors(parent, this.rowOf(record), frame.ctx.user.id)
      );
      if (parentOutcome.errors.has(index)) return;
      const changes: Record<string, unknown> = {};
      for (const field of parent.fields) {
        if (
          field.formula !== undefined ||
          field.rollup !== undefined ||
          SYSTEM_FIELDS.has(field.name.toLowerCase())
        )
          continue;
        if (!field.createable && !field.updateable) continue;
        const value = record.get(field.name) ?? null;
        if (!apexEqualsExactCase(olds[index].get(field.name) ?? null, value))
          changes[field.name] = value;
      }
      this.database.update(String(record.id), changes, {
        auditUserId: frame.ctx.user.id,
        now: this.env.now()
      });
    });
    const savedIndexes = news.flatMap((_, index) =>
      parentOutcome.errors.has(index) ? [] : [index]
    );
    const saved = savedIndexes.map((index) =>
      this.readRecord(parent, this.database.row(String(news[index].id)) as StoredRow)
    );
    this.fireAfter(
      frame,
      parent,
      'AFTER_UPDATE',
      saved,
      savedIndexes.map((index) => olds[index]),
      savedIndexes,
      parentOutcome
    );
    parentOutcome.errors.forEach((errors, index) =>
      errorsByParent.set(idKey(String(news[index].id)), errors)
    );
    return errorsByParent;
  }

  /** Field history rows for tracked fields (and a `created` row for a new record). */
  private writeHistory(
    frame: Frame,
    object: ObjectDescribe,
    pairs: [SObjectValue | null, SObjectValue][]
  ): void {
    if (!this.env.writesFieldHistory || !object.historyObject) return;
    const history = this.database.schema.object(object.historyObject);
    if (!history) return;
    const parentField =
      history.fields.find((field) => field.referenceTo.includes(object.name))?.name ?? 'ParentId';
    const tracked = object.fields.filter((field) => field.trackHistory);
    const now = this.env.now();
    for (const [old, record] of pairs) {
      const base = { [parentField]: record.id, CreatedDate: now, CreatedById: frame.ctx.user.id };
      if (!old) {
        this.database.insert(
          history.name,
          { ...base, Field: 'created', OldValue: null, NewValue: null },
          {}
        );
        continue;
      }
      for (const field of tracked) {
        const before = old.get(field.name) ?? null;
        const after = record.get(field.name) ?? null;
        if (apexEqualsExactCase(before, after)) continue;
        this.database.insert(
          history.name,
          { ...base, Field: field.name, OldValue: before, NewValue: after },
          {}
        );
      }
    }
  }
}

/** Fields the platform itself sets although Apex may not (IsClosed, IsWon, Name of a User). */
function isPlatformSet(object: ObjectDescribe, field: FieldDescribe): boolean {
  return (
    (object.name === 'Opportunity' &&
      [
        'IsClosed',
        'IsWon',
        'ForecastCategory',
        'ExpectedRevenue',
        'FiscalYear',
        'FiscalQuarter',
        'Fiscal',
        'LastStageChangeDate'
      ].includes(field.name)) ||
    (field.name === 'Name' && (object.name === 'User' || object.name === 'Contact')) ||
    (object.name === 'Event' &&
      ['ActivityDate', 'ActivityDateTime', 'EndDateTime'].includes(field.name)) ||
    (object.name === 'Task' && field.name === 'IsClosed')
  );
}

/**
 * A field's default on insert (Salesforce Help, "Default Field Values"): a picklist's default
 * value, a custom field's declared default, false for a checkbox.
 */
function defaultValue(field: FieldDescribe): unknown {
  const picklistDefault = field.picklistValues.find((entry) => entry.defaultValue && entry.active);
  if (picklistDefault && field.displayType === 'PICKLIST') return picklistDefault.value;
  const formula = field.defaultValueFormula?.trim();
  if (formula !== undefined) {
    if (/^true$/i.test(formula)) return true;
    if (/^false$/i.test(formula)) return false;
    const text = /^"(.*)"$/s.exec(formula) ?? /^'(.*)'$/s.exec(formula);
    if (text) return text[1];
  }
  if (
    field.apexType === 'Boolean' &&
    field.formula === undefined &&
    field.rollup === undefined &&
    !field.nillable
  ) {
    return false;
  }
  return undefined;
}

function idOf(record: SObjectValue | string | null): string | null {
  if (record instanceof SObjectValue) return record.id;
  return typeof record === 'string' ? record : null;
}

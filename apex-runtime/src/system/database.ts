/**
 * The Database class (Apex Reference, "Database Class"): dynamic SOQL (query, queryWithBinds,
 * countQuery, getQueryLocator), DML methods with allOrNone and AccessLevel returning SaveResult,
 * UpsertResult, DeleteResult and UndeleteResult, savepoints, executeBatch; the AccessLevel class;
 * and System.schedule / enqueueJob / abortJob, which queue asynchronous work.
 */
import { ApexRuntimeError, NotSupportedOfflineError } from '../stdlib/apexErrors';
import { ApexList, ApexMap } from '../values/collections';
import { SObjectValue } from '../values/sobject';
import { typeNamed } from '../values/typeRef';
import type { Frame } from '../interpreter/frame';
import {
  defineNative,
  statusCodeOf,
  NativeObject,
  type NativeStatic
} from '../interpreter/nativeTypes';
import { ApexObject } from '../interpreter/objects';
import { nullPointer } from '../interpreter/operators';
import { JobContext, QueryLocator } from '../execution/asyncJobs';
import type { DmlError, DmlRequest, DmlRowResult } from '../execution/dmlTypes';
import { dmlFailure, recordsOf } from '../execution/orgSession';
import { serializedCopy } from '../execution/serializedState';
import { sessionOf } from '../execution/session';
import { callMember } from '../interpreter/dispatch';
import type { DatabaseSnapshot } from '../platform/orgDatabase';
import { SObjectFieldToken } from './schemaTokens';

export class AccessLevelValue extends NativeObject {
  readonly apexType = 'AccessLevel';

  constructor(readonly mode: 'USER_MODE' | 'SYSTEM_MODE') {
    super();
  }

  override toString(): string {
    return this.mode;
  }
}

const USER_MODE = new AccessLevelValue('USER_MODE');
const SYSTEM_MODE = new AccessLevelValue('SYSTEM_MODE');

defineNative({
  name: 'AccessLevel',
  aliases: ['System.AccessLevel'],
  staticProperties: { user_mode: () => USER_MODE, system_mode: () => SYSTEM_MODE }
});

/** Status codes the runtime reports (Apex Reference, "StatusCode Enum"), and common others. */
defineNative({
  name: 'StatusCode',
  aliases: ['System.StatusCode'],
  enumValues: [
    'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
    'DUPLICATE_EXTERNAL_ID',
    'DUPLICATE_VALUE',
    'ENTITY_IS_DELETED',
    'FIELD_CUSTOM_VALIDATION_EXCEPTION',
    'FIELD_INTEGRITY_EXCEPTION',
    'INSUFFICIENT_ACCESS_OR_READONLY',
    'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
    'INVALID_ARGUMENT',
    'INVALID_CROSS_REFERENCE_KEY',
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    'INVALID_ID_FIELD',
    'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    'INVALID_SAVE_AS_ACTIVITY_FLAG',
    'MISSING_ARGUMENT',
    'MIXED_DML_OPERATION',
    'NUMBER_OUTSIDE_VALID_RANGE',
    'REQUIRED_FIELD_MISSING',
    'STRING_TOO_LONG',
    'UNDELETE_FAILED',
    'UNKNOWN_EXCEPTION'
  ]
});

export class DatabaseError extends NativeObject {
  readonly apexType = 'Database.Error';

  constructor(readonly error: DmlError) {
    super();
  }

  override toString(): string {
    return `Database.Error[getFields=(${this.error.fields.join(', ')});getMessage=${this.error.message};getStatusCode=${this.error.statusCode};]`;
  }
}

class DmlResult extends NativeObject {
  constructor(
    readonly apexType: string,
    readonly result: DmlRowResult
  ) {
    super();
  }

  override toString(): string {
    return `${this.apexType}[getErrors=(${this.result.errors.map((e) => new DatabaseError(e).toString()).join(', ')});getId=${this.result.id ?? 'null'};isSuccess=${this.result.success};]`;
  }
}

const RESULT_TYPES: Record<DmlRequest['operation'], string> = {
  insert: 'Database.SaveResult',
  update: 'Database.SaveResult',
  upsert: 'Database.UpsertResult',
  delete: 'Database.DeleteResult',
  undelete: 'Database.UndeleteResult',
  merge: 'Database.MergeResult'
};

for (const name of new Set(Object.values(RESULT_TYPES))) {
  defineNative({
    name,
    methods: {
      issuccess: (_frame, self: DmlResult) => self.result.success,
      getid: (_frame, self: DmlResult) => self.result.id,
      iscreated: (_frame, self: DmlResult) => self.result.created === true,
      geterrors: (_frame, self: DmlResult) =>
        new ApexList(
          typeNamed('Database.Error'),
          self.result.errors.map((error) => new DatabaseError(error))
        )
    }
  });
}

defineNative({
  name: 'Database.Error',
  methods: {
    getmessage: (_frame, self: DatabaseError) => self.error.message,
    getstatuscode: (_frame, self: DatabaseError) => statusCodeOf(self.error.statusCode),
    getfields: (frame, self: DatabaseError) => frame.ctx.newStringList(self.error.fields)
  }
});

/** Parses the optional (allOrNone, accessLevel) arguments after the records. */
function dmlOptions(
  args: unknown[],
  from: number
): { allOrNone: boolean; accessLevel: 'USER_MODE' | 'SYSTEM_MODE' } {
  let allOrNone = true;
  let accessLevel: 'USER_MODE' | 'SYSTEM_MODE' = 'SYSTEM_MODE';
  for (const arg of args.slice(from)) {
    if (typeof arg === 'boolean') allOrNone = arg;
    else if (arg instanceof AccessLevelValue) accessLevel = arg.mode;
    else if (arg !== null && arg !== undefined)
      throw new NotSupportedOfflineError('Database.DMLOptions');
  }
  return { allOrNone, accessLevel };
}

function dmlMethod(operation: DmlRequest['operation']): NativeStatic {
  return (frame, args) => {
    const target = args[0];
    const session = sessionOf(frame);
    let externalIdField: string | undefined;
    let rest = 1;
    if (operation === 'upsert' && args[1] instanceof SObjectFieldToken) {
      externalIdField = args[1].field.name;
      rest = 2;
    }
    const options = dmlOptions(args, rest);
    const request: DmlRequest = {
      operation,
      records: recordsOf(frame, target, operation),
      allOrNone: options.allOrNone,
      accessLevel: options.accessLevel,
      withSharing: frame.withSharing,
      externalIdField
    };
    const results = session.runDml(frame, request);
    if (request.allOrNone && results.some((result) => !result.success))
      throw dmlFailure(frame, operation, results);
    const wrapped = results.map((result) => new DmlResult(RESULT_TYPES[operation], result));
    return target instanceof ApexList ||
      !(target instanceof SObjectValue || typeof target === 'string')
      ? new ApexList(typeNamed(RESULT_TYPES[operation]), wrapped)
      : wrapped[0];
  };
}

/** Bind values of dynamic SOQL: a map (queryWithBinds) or the caller's variables (query). */
function mapBinds(map: unknown): (name: string) => unknown {
  if (!(map instanceof ApexMap)) throw nullPointer();
  return (name) => {
    if (map.has(name)) return map.get(name);
    const key = map
      .keys()
      .find(
        (candidate) =>
          typeof candidate === 'string' && candidate.toLowerCase() === name.toLowerCase()
      );
    if (key === undefined) {
      throw new ApexRuntimeError('System.QueryException', `Variable does not exist: ${name}`);
    }
    return map.get(key);
  };
}

function accessLevelOf(value: unknown): 'USER_MODE' | 'SYSTEM_MODE' | undefined {
  return value instanceof AccessLevelValue ? value.mode : undefined;
}

function textArg(value: unknown): string {
  if (value === null || value === undefined) throw nullPointer();
  return String(value);
}

const callerVariables = (scope: ((name: string) => unknown) | undefined) => (name: string) => {
  if (!scope) throw new NotSupportedOfflineError('bind variables here');
  return scope(name);
};

class Savepoint extends NativeObject {
  readonly apexType = 'Savepoint';

  constructor(readonly snapshot: DatabaseSnapshot) {
    super();
  }
}

defineNative({ name: 'Savepoint', aliases: ['System.Savepoint'] });
defineNative({
  name: 'Database.QueryLocator',
  methods: { getquery: (_frame, self: QueryLocator) => self.queryText }
});
defineNative({
  name: 'Database.BatchableContext',
  methods: { getjobid: (_frame, self: JobContext) => self.jobId, getchildjobid: () => null }
});
defineNative({
  name: 'QueueableContext',
  aliases: ['System.QueueableContext'],
  methods: { getjobid: (_frame, self: JobContext) => self.jobId }
});
defineNative({
  name: 'SchedulableContext',
  aliases: ['System.SchedulableContext'],
  methods: { gettriggerid: (_frame, self: JobContext) => self.triggerId }
});

function locator(
  frame: Frame,
  text: string,
  binds: (name: string) => unknown,
  accessLevel: 'USER_MODE' | 'SYSTEM_MODE' | undefined
): QueryLocator {
  const session = sessionOf(frame);
  return new QueryLocator(() => {
    const rows = session.runDynamicQuery(frame, text, binds, accessLevel, false);
    if (!(rows instanceof ApexList))
      throw new ApexRuntimeError(
        'System.QueryException',
        'A query locator needs a SELECT of records'
      );
    return rows.items as SObjectValue[];
  }, text);
}

defineNative({
  name: 'Database',
  statics: {
    query: (frame, args, _types, scope) =>
      sessionOf(frame).runDynamicQuery(
        frame,
        textArg(args[0]),
        callerVariables(scope),
        accessLevelOf(args[1])
      ),
    querywithbinds: (frame, args) =>
      sessionOf(frame).runDynamicQuery(
        frame,
        textArg(args[0]),
        mapBinds(args[1]),
        accessLevelOf(args[2])
      ),
    countquery: (frame, args, _types, scope) =>
      sessionOf(frame).runDynamicQuery(
        frame,
        textArg(args[0]),
        callerVariables(scope),
        accessLevelOf(args[1])
      ),
    countquerywithbinds: (frame, args) =>
      sessionOf(frame).runDynamicQuery(
        frame,
        textArg(args[0]),
        mapBinds(args[1]),
        accessLevelOf(args[2])
      ),
    getquerylocator: (frame, args, _types, scope) => {
      if (args[0] instanceof ApexList)
        throw new NotSupportedOfflineError('Database.getQueryLocator(List)');
      return locator(frame, textArg(args[0]), callerVariables(scope), accessLevelOf(args[1]));
    },
    getquerylocatorwithbinds: (frame, args) =>
      locator(frame, textArg(args[0]), mapBinds(args[1]), accessLevelOf(args[2])),
    insert: dmlMethod('insert'),
    update: dmlMethod('update'),
    upsert: dmlMethod('upsert'),
    delete: dmlMethod('delete'),
    undelete: dmlMethod('undelete'),
    setsavepoint: (frame) => {
      frame.ctx.limits.count('dmlStatements');
      return new Savepoint(sessionOf(frame).database.snapshot());
    },
    rollback: (frame, args) => {
      if (!(args[0] instanceof Savepoint)) throw nullPointer();
      frame.ctx.limits.count('dmlStatements');
      sessionOf(frame).database.restore(args[0].snapshot);
      return null;
    },
    executebatch: (frame, args) => {
      const batch = args[0];
      if (!(batch instanceof ApexObject)) throw nullPointer();
      const scope = typeof args[1] === 'number' ? args[1] : 200;
      if (scope < 1) {
        throw new ApexRuntimeError(
          'System.InvalidParameterValueException',
          `Invalid batch size: ${scope}`
        );
      }
      // The job runs on the instance as submitted ("Using Batch Apex"), whatever the caller does next.
      const submitted = serializedCopy(batch) as ApexObject;
      const queue = sessionOf(frame).asyncQueue;
      return queue.enqueue(frame, 'BatchApex', batch.cls.name.split('.')[0], (jobFrame, jobId) =>
        queue.runBatch(jobFrame, submitted, scope, jobId)
      );
    }
  }
});

function existingJobNamed(frame: Frame, name: string): boolean {
  const database = sessionOf(frame).database;
  for (const trigger of database.rows('CronTrigger')) {
    const detail =
      typeof trigger.CronJobDetailId === 'string'
        ? database.row(trigger.CronJobDetailId)
        : undefined;
    if (detail?.Name === name && trigger.State !== 'DELETED') return true;
  }
  return false;
}

/** System.schedule, enqueueJob and abortJob, which live in the System class. */
const asyncStatics: Record<string, NativeStatic> = {
  schedule: (frame, args) => {
    const [name, cron, job] = args;
    if (typeof name !== 'string' || typeof cron !== 'string' || !(job instanceof ApexObject))
      throw nullPointer();
    if (existingJobNamed(frame, name)) {
      throw new ApexRuntimeError(
        'System.AsyncException',
        `The Apex job named "${name}" is already scheduled for execution.`
      );
    }
    const session = sessionOf(frame);
    const database = session.database;
    const detail = database.insert(
      'CronJobDetail',
      { Name: name, JobType: '7' },
      { auditUserId: frame.ctx.user.id }
    );
    const trigger = database.insert(
      'CronTrigger',
      {
        CronJobDetailId: detail.Id,
        CronExpression: cron,
        State: 'WAITING',
        TimeZoneSidKey: frame.ctx.user.timeZone,
        StartTime: session.now(),
        TimesTriggered: 0
      },
      { auditUserId: frame.ctx.user.id }
    );
    const triggerId = String(trigger.Id);
    session.asyncQueue.enqueue(
      frame,
      'ScheduledApex',
      job.cls.name.split('.')[0],
      (jobFrame, jobId) => {
        callMember(
          jobFrame,
          job,
          'execute',
          [new JobContext('SchedulableContext', jobId, triggerId)],
          []
        );
      }
    );
    return triggerId;
  },
  enqueuejob: (frame, args) => {
    const job = args[0];
    if (!(job instanceof ApexObject)) throw nullPointer();
    frame.ctx.limits.count('queueableJobs');
    return sessionOf(frame).asyncQueue.enqueue(
      frame,
      'Queueable',
      job.cls.name.split('.')[0],
      (jobFrame, jobId) => {
        callMember(jobFrame, job, 'execute', [new JobContext('QueueableContext', jobId)], []);
      }
    );
  },
  abortjob: (frame, args) => {
    const id = textArg(args[0]);
    const database = sessionOf(frame).database;
    const row = database.row(id);
    if (!row) throw new ApexRuntimeError('System.StringException', `Invalid id: ${id}`);
    if (database.objectOfId(id)?.name === 'CronTrigger') database.update(id, { State: 'DELETED' });
    return null;
  },
  isbatch: (frame) => frame.ctx.asyncKind === 'batch',
  isfuture: (frame) => frame.ctx.asyncKind === 'future',
  isqueueable: (frame) => frame.ctx.asyncKind === 'queueable',
  isscheduled: (frame) => frame.ctx.asyncKind === 'scheduled'
};

defineNative({ name: 'System', statics: asyncStatics });

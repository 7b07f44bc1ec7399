/**
 * The program's triggers by object and event, and firing them as the platform does: in chunks of
 * 200 records, each chunk with its own trigger context, in system context (without sharing).
 * An exception a trigger does not catch fails every record of its chunk with
 * CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY and the platform's "execution of BeforeInsert caused by"
 * message; limit and assertion failures end the whole transaction.
 */
import type { TriggerDecl } from '../parse/ast';
import { ApexList, ApexMap } from '../values/collections';
import type { SObjectValue } from '../values/sobject';
import { ID_TYPE, typeNamed } from '../values/typeRef';
import type { CompiledBody } from '../interpreter/classInfo';
import { compileTopLevel } from '../interpreter/compiler';
import type { Frame } from '../interpreter/frame';
import { ApexThrow, exceptionState } from '../interpreter/objects';
import type { Interpreter } from '../interpreter/interpreter';
import { formatStack } from '../interpreter/stackTrace';
import type { TriggerContext, TriggerOperationName } from '../system/triggerContext';

export const TRIGGER_CHUNK = 200;

/**
 * "Execution Governors and Limits": the total stack depth of an Apex invocation that recursively
 * fires triggers through insert, update or delete statements is 16. A DML statement that would
 * fire a 17th level fails its records instead, with the message orgs print ("maximum trigger depth
 * exceeded" and the trigger events on the stack), which the trigger below sees as a DmlException.
 */
export const MAX_TRIGGER_DEPTH = 16;

interface CompiledTrigger {
  decl: TriggerDecl;
  file: string;
  body?: CompiledBody;
}

/** The `execution of X` word for each operation. */
const EXECUTION_NAMES: Record<TriggerOperationName, string> = {
  BEFORE_INSERT: 'BeforeInsert',
  BEFORE_UPDATE: 'BeforeUpdate',
  BEFORE_DELETE: 'BeforeDelete',
  AFTER_INSERT: 'AfterInsert',
  AFTER_UPDATE: 'AfterUpdate',
  AFTER_DELETE: 'AfterDelete',
  AFTER_UNDELETE: 'AfterUndelete'
};

export interface TriggerFailure {
  /** Indexes (into the records passed) of the records the failure applies to. */
  indexes: number[];
  message: string;
}

export class TriggerSet {
  private readonly byObject = new Map<string, CompiledTrigger[]>();

  constructor(private readonly interpreter: Interpreter) {
    const program = interpreter.program;
    for (const decl of program.triggers) {
      const object = program.schema.object(decl.objectName);
      const key = (object?.name ?? decl.objectName).toLowerCase();
      const list = this.byObject.get(key) ?? [];
      list.push({ decl, file: program.triggerFiles.get(decl) as string });
      this.byObject.set(key, list);
    }
  }

  has(objectName: string, operation: TriggerOperationName): boolean {
    const event = eventOf(operation);
    return (this.byObject.get(objectName.toLowerCase()) ?? []).some((t) =>
      t.decl.events.includes(event)
    );
  }

  /**
   * Runs the object's triggers for an operation over the records. Records of after triggers are
   * read-only. Returns the records that an uncaught trigger exception failed.
   */
  fire(
    frame: Frame,
    objectName: string,
    operation: TriggerOperationName,
    newRecords: SObjectValue[] | null,
    oldRecords: SObjectValue[] | null
  ): TriggerFailure[] {
    const event = eventOf(operation);
    const triggers = (this.byObject.get(objectName.toLowerCase()) ?? []).filter((t) =>
      t.decl.events.includes(event)
    );
    if (triggers.length === 0) return [];
    const failures: TriggerFailure[] = [];
    const count = (newRecords ?? oldRecords ?? []).length;
    const readOnly = operation.startsWith('AFTER');
    for (let start = 0; start < count; start += TRIGGER_CHUNK) {
      const end = Math.min(count, start + TRIGGER_CHUNK);
      const chunkNew = newRecords?.slice(start, end) ?? null;
      const chunkOld = oldRecords?.slice(start, end) ?? null;
      const context = triggerContext(objectName, operation, chunkNew, chunkOld);
      if (frame.ctx.triggerStack.length >= MAX_TRIGGER_DEPTH) {
        failures.push({
          indexes: Array.from({ length: end - start }, (_, i) => start + i),
          message: tooDeepMessage(triggers[0].decl.name, [
            ...(frame.ctx.triggerStack as TriggerContext[]),
            context
          ])
        });
        continue;
      }
      for (const record of [...(chunkNew ?? []), ...(chunkOld ?? [])]) record.readOnly = readOnly;
      // Trigger.old is always read-only.
      for (const record of chunkOld ?? []) record.readOnly = true;
      for (const trigger of triggers) {
        const failure = this.runOne(frame, trigger, context, operation);
        if (failure) {
          failures.push({
            indexes: Array.from({ length: end - start }, (_, i) => start + i),
            message: failure
          });
          break;
        }
      }
      for (const record of chunkNew ?? []) record.readOnly = false;
    }
    return failures;
  }

  private runOne(
    frame: Frame,
    trigger: CompiledTrigger,
    context: TriggerContext,
    operation: TriggerOperationName
  ): string | undefined {
    const ctx = frame.ctx;
    trigger.body ??= compileTopLevel(this.interpreter, trigger.file, trigger.decl.body.body, null);
    ctx.triggerStack.push(context);
    try {
      this.interpreter.runBlock(
        ctx,
        trigger.body,
        {
          where: `Trigger.${trigger.decl.name}`,
          file: trigger.file,
          line: trigger.decl.loc.line,
          column: 1
        },
        false
      );
      return undefined;
    } catch (error) {
      if (!(error instanceof ApexThrow) || error.state.uncatchable) throw error;
      const state = exceptionState(error.exception);
      return (
        `${trigger.decl.name}: execution of ${EXECUTION_NAMES[operation]}\n\ncaused by: ` +
        `${error.exception.cls.typeName}: ${state.message ?? ''}\n\n${formatStack(state.stack)}`
      );
    } finally {
      ctx.triggerStack.pop();
    }
  }
}

/** `AccountTrigger: maximum trigger depth exceeded`, then one line per trigger event on the stack. */
function tooDeepMessage(triggerName: string, stack: readonly TriggerContext[]): string {
  const events = stack.map((context) => {
    const records = context.newRecords ?? context.oldRecords;
    const ids = (records?.items ?? []).map((record) => (record as SObjectValue).id ?? 'new');
    return `${records?.elementType.name ?? 'SObject'} trigger event ${EXECUTION_NAMES[context.operation]} for [${ids.join(', ')}]`;
  });
  return [`${triggerName}: maximum trigger depth exceeded`, ...events].join('\n');
}

function eventOf(operation: TriggerOperationName) {
  return operation.toLowerCase().replace('_', ' ') as TriggerDecl['events'][number];
}

function triggerContext(
  objectName: string,
  operation: TriggerOperationName,
  newRecords: SObjectValue[] | null,
  oldRecords: SObjectValue[] | null
): TriggerContext {
  const type = typeNamed(objectName);
  const mapOf = (records: SObjectValue[] | null): ApexMap | null => {
    if (!records || records.some((record) => record.id === null)) return null;
    const map = new ApexMap(ID_TYPE, type);
    for (const record of records) map.set(record.id, record);
    return map;
  };
  return {
    operation,
    newRecords: newRecords ? new ApexList(type, newRecords) : null,
    oldRecords: oldRecords ? new ApexList(type, oldRecords) : null,
    newMap: operation === 'BEFORE_INSERT' ? null : mapOf(newRecords),
    oldMap: mapOf(oldRecords)
  };
}

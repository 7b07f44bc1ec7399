/**
 * Trigger context variables (Apex Developer Guide, "Trigger Context Variables"): what a trigger
 * and the code it calls see of the DML operation that fired it.
 */
import { ApexRuntimeError } from '../stdlib/apexErrors';
import { ApexList, ApexMap } from '../values/collections';
import type { Frame } from '../interpreter/frame';
import { defineNative, nativeEnum } from '../interpreter/nativeTypes';
import type { EnumValue } from '../interpreter/objects';

export type TriggerOperationName =
  | 'BEFORE_INSERT'
  | 'BEFORE_UPDATE'
  | 'BEFORE_DELETE'
  | 'AFTER_INSERT'
  | 'AFTER_UPDATE'
  | 'AFTER_DELETE'
  | 'AFTER_UNDELETE';

export interface TriggerContext {
  operation: TriggerOperationName;
  /** Trigger.new (null for delete). */
  newRecords: ApexList | null;
  /** Trigger.old (null for insert and undelete). */
  oldRecords: ApexList | null;
  newMap: ApexMap | null;
  oldMap: ApexMap | null;
}

function current(frame: Frame): TriggerContext | undefined {
  const stack = frame.ctx.triggerStack;
  return stack[stack.length - 1] as TriggerContext | undefined;
}

function when(predicate: (context: TriggerContext) => unknown, outside: unknown = null) {
  return (frame: Frame) => {
    const context = current(frame);
    return context ? predicate(context) : outside;
  };
}

defineNative({
  name: 'Trigger',
  aliases: ['System.Trigger'],
  staticProperties: {
    new: when((c) => c.newRecords),
    old: when((c) => c.oldRecords),
    newmap: when((c) => c.newMap),
    oldmap: when((c) => c.oldMap),
    operationtype: when((c): EnumValue => nativeEnum('TriggerOperation', c.operation)),
    isexecuting: when(() => true, false),
    isbefore: when((c) => c.operation.startsWith('BEFORE'), false),
    isafter: when((c) => c.operation.startsWith('AFTER'), false),
    isinsert: when((c) => c.operation.endsWith('_INSERT'), false),
    isupdate: when((c) => c.operation.endsWith('_UPDATE'), false),
    isdelete: when((c) => c.operation.endsWith('_DELETE'), false),
    isundelete: when((c) => c.operation.endsWith('_UNDELETE'), false),
    size: when((c) => (c.newRecords ?? c.oldRecords)?.items.length ?? 0, 0)
  },
  staticProperty: (_frame, name) => {
    throw new ApexRuntimeError(
      'System.UnexpectedException',
      `Variable does not exist: Trigger.${name}`
    );
  }
});

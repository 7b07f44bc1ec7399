/**
 * A call's activation: its local variable slots, `this`, the class it runs in, whether it runs
 * with sharing, and its line in the Apex stack trace. Compiled code reads everything that changes
 * from one transaction to the next through `frame.ctx`, so compiled closures can be shared by
 * every test method of a run.
 */
import type { ClassInfo, MethodInfo } from './classInfo';
import type { ExecutionContext } from './executionContext';
import type { ApexObject, StackEntry } from './objects';

export class Frame {
  locals: unknown[];
  returnValue: unknown = null;
  /** Place in the stack trace; `line`/`column` move as statements run. */
  readonly entry: StackEntry;

  constructor(
    readonly ctx: ExecutionContext,
    readonly cls: ClassInfo | null,
    readonly method: MethodInfo | null,
    readonly self: ApexObject | null,
    /** Sharing rules apply to queries and DML run in this frame. */
    readonly withSharing: boolean,
    slots: number,
    entry: StackEntry
  ) {
    this.locals = new Array<unknown>(slots).fill(null);
    this.entry = entry;
  }

  at(line: number, column: number): void {
    this.entry.line = line;
    this.entry.column = column;
  }
}

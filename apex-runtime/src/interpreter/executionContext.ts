/**
 * One Apex transaction's state: static variables (Apex resets them per transaction), the call
 * stack, governor limits, the running user (changed by System.runAs), the debug log, trigger
 * contexts and the services of the org it runs against.
 */
import type { ClassInfo } from './classInfo';
import type { Interpreter } from './interpreter';
import { ApexList } from '../values/collections';
import { INTEGER_TYPE, STRING_TYPE } from '../values/typeRef';
import { GovernorLimits, type LimitValues, SYNCHRONOUS_LIMITS } from './limits';
import type { StackEntry } from './objects';
import type { Platform } from './platform';

export interface RunningUser {
  id: string;
  /** IANA time zone id (User.TimeZoneSidKey), e.g. `Europe/Copenhagen`. */
  timeZone: string;
  /** User.LocaleSidKey, e.g. `en_US`, `da_DK`. */
  locale: string;
  /** User.LanguageLocaleKey, e.g. `en_US`, `da`: the language labels are read in. */
  language: string;
}

export interface StaticState {
  values: Record<string, unknown>;
  initialized: boolean;
}

export interface DebugLine {
  level: string;
  message: string;
  line: number;
}

export class ExecutionContext {
  readonly statics = new Map<ClassInfo, StaticState>();
  readonly callStack: StackEntry[] = [];
  readonly debugLog: DebugLine[] = [];
  readonly userStack: RunningUser[];
  limits: GovernorLimits;
  /** Trigger contexts, innermost last (a DML in a trigger runs the next object's triggers). */
  readonly triggerStack: unknown[] = [];
  /** The kind of asynchronous job running now (System.isBatch(), isFuture()...), if any. */
  asyncKind?: 'batch' | 'future' | 'queueable' | 'scheduled';
  /** Set while a test method runs: Test.isRunningTest(), startTest/stopTest. */
  testState?: {
    started: boolean;
    stopped: boolean;
    savedLimits?: GovernorLimits;
    assertions: number;
  };

  constructor(
    readonly interpreter: Interpreter,
    readonly platform: Platform,
    user: RunningUser,
    limits: LimitValues = SYNCHRONOUS_LIMITS
  ) {
    this.userStack = [user];
    this.limits = new GovernorLimits(limits);
  }

  get user(): RunningUser {
    return this.userStack[this.userStack.length - 1];
  }

  staticsOf(cls: ClassInfo): StaticState {
    let state = this.statics.get(cls);
    if (!state) {
      state = { values: Object.create(null) as Record<string, unknown>, initialized: false };
      this.statics.set(cls, state);
    }
    return state;
  }

  newStringList(items: readonly string[]): ApexList {
    return new ApexList(STRING_TYPE, [...items]);
  }

  newIntegerList(items: readonly number[]): ApexList {
    return new ApexList(INTEGER_TYPE, [...items]);
  }

  debug(level: string, message: string): void {
    const top = this.callStack[this.callStack.length - 1];
    this.debugLog.push({ level, message, line: top?.line ?? 0 });
  }
}

/**
 * Run-time objects the interpreter creates besides the primitive values: objects of Apex classes
 * (exceptions included), enum values, and the Apex exception in flight as a JavaScript error.
 */
import type { ClassInfo } from './classInfo';

/** An object of an Apex class. Fields are keyed by lower-cased name. */
export class ApexObject {
  readonly cls: ClassInfo;
  readonly fields: Record<string, unknown>;

  constructor(cls: ClassInfo) {
    this.cls = cls;
    this.fields = Object.create(null) as Record<string, unknown>;
  }
}

/** A value of an Apex enum (user enums and the platform's, such as System.RoundingMode). */
export class EnumValue {
  constructor(
    /** The enum type's qualified name, e.g. `System.RoundingMode`, `Severity`. */
    readonly enumName: string,
    readonly name: string,
    readonly ordinal: number
  ) {}

  toString(): string {
    return this.name;
  }
}

/** One line of an Apex stack trace. */
export interface StackEntry {
  /** `Class.RuleEngine.evaluate`, `Trigger.OpportunityTrigger`, `AnonymousBlock`. */
  where: string;
  /** The file (for coverage and error messages). */
  file: string;
  line: number;
  column: number;
}

/** What an Apex exception object carries besides its class's own fields. */
export interface ExceptionState {
  message: string | null;
  cause: ApexObject | null;
  line: number;
  column: number;
  /** Frames from the innermost outward, at the point the exception was created. */
  stack: StackEntry[];
  /** DmlException details: one entry per failed row. */
  dmlRows?: DmlFailure[];
  /** True for System.LimitException, which no catch block catches. */
  uncatchable?: boolean;
  /** AuraHandledException: the message LWC receives (getMessage() hides it until setMessage). */
  auraMessage?: string;
}

export interface DmlFailure {
  index: number;
  id: string | null;
  statusCode: string;
  message: string;
  fields: string[];
}

export const EXCEPTION_STATE = '$exception';

export function exceptionState(object: ApexObject): ExceptionState {
  return object.fields[EXCEPTION_STATE] as ExceptionState;
}

/** An Apex exception thrown through JavaScript frames. */
export class ApexThrow extends Error {
  constructor(readonly exception: ApexObject) {
    const state = exceptionState(exception);
    super(`${exception.cls.name}: ${state?.message ?? ''}`);
  }

  get state(): ExceptionState {
    return exceptionState(this.exception);
  }
}

/** The Apex type name of an exception object, as getTypeName() reports it (`System.DmlException`). */
export function exceptionTypeName(exception: ApexObject): string {
  return exception.cls.name;
}

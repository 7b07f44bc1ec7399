/**
 * Runs a linked Program: calls methods (compiling each body on its first call), creates objects
 * (constructor chaining, field initialisers, the constructors every exception class gets),
 * initialises static variables on first use in a transaction, and turns platform errors into
 * Apex exceptions with the line and stack where they happened.
 */
import type { Loc } from '../parse/ast';
import { ApexRuntimeError, NotSupportedOfflineError } from '../stdlib/apexErrors';
import type { TypeRef } from '../values/typeRef';
import type { ClassInfo, CompiledBody, MethodInfo } from './classInfo';
import { compileInitializer, compileMethodBody } from './compiler';
import { Coverage } from './coverage';
import type { ExecutionContext } from './executionContext';
import { Frame } from './frame';
import { popActiveFrame, pushActiveFrame } from './activeFrames';
import { LimitExceeded } from './limits';
import {
  ApexObject,
  ApexThrow,
  EXCEPTION_STATE,
  type ExceptionState,
  type StackEntry
} from './objects';
import type { Program } from './program';
import { captureStack } from './stackTrace';
import { coerce, declaredMatchScore, matchScore, runtimeTypeName } from './typeSystem';

/** Not-supported errors already given their Apex location. */
const located = new WeakSet<Error>();

/** Apex's maximum call depth (Apex Developer Guide, "Execution Governors and Limits"). */
export const MAX_STACK_DEPTH = 1000;

export class Interpreter {
  readonly coverage: Coverage;

  constructor(readonly program: Program) {
    this.coverage = Coverage.of(program);
  }

  /**
   * The sharing a method's frame runs with: its class's keyword, else the caller's (`inherited
   * sharing` and classes without a keyword; inner classes do not take their outer class's).
   */
  private sharingFor(cls: ClassInfo, callerSharing: boolean): boolean {
    if (cls.sharing === 'with') return true;
    if (cls.sharing === 'without') return false;
    return callerSharing;
  }

  stackEntryFor(method: MethodInfo): StackEntry {
    const loc = method.decl?.loc ?? { line: 0, column: 0 };
    return {
      where: `Class.${method.owner.name}.${method.isConstructor ? '<init>' : method.name}`,
      file: method.owner.file,
      line: loc.line,
      column: loc.column
    };
  }

  /** Calls a method with arguments already evaluated. `self` is null for static methods. */
  invoke(caller: Frame, method: MethodInfo, self: ApexObject | null, args: unknown[]): unknown {
    const ctx = caller.ctx;
    if (method.native) return method.native(caller, self, args);
    if (method.isStatic && method.annotations.some((annotation) => annotation.name === 'future')) {
      // A future method is queued, its arguments as they are now (Apex Developer Guide, "Future Methods").
      if (ctx.asyncKind === 'future' || ctx.asyncKind === 'batch') {
        throw new ApexRuntimeError(
          'System.AsyncException',
          'Future method cannot be called from a future or batch method: ' +
            `${method.owner.name}.${method.name}`
        );
      }
      ctx.limits.count('futureCalls');
      const values = [...args];
      ctx.platform.enqueueFuture(caller, method.owner.name, (jobFrame) => {
        this.invokeBody(jobFrame, method, null, values);
      });
      return null;
    }
    return this.invokeBody(caller, method, self, args);
  }

  /** Runs a method's Apex body (compiled on the first call). */
  private invokeBody(
    caller: Frame,
    method: MethodInfo,
    self: ApexObject | null,
    args: unknown[]
  ): unknown {
    const ctx = caller.ctx;
    if (method.isAbstract) {
      throw new NotSupportedOfflineError(
        `calling abstract method ${method.owner.name}.${method.name}`
      );
    }
    this.ensureStatics(ctx, method.owner, caller);
    const body = (method.compiled ??= compileMethodBody(this, method));
    const frame = new Frame(
      ctx,
      method.owner,
      method,
      self,
      this.sharingFor(method.owner, caller.withSharing),
      body.slots,
      this.stackEntryFor(method)
    );
    for (let i = 0; i < method.params.length; i++) {
      frame.locals[i] = coerce(args[i], method.params[i].type);
    }
    return this.enter(frame, body, method.returnType);
  }

  /** Runs a body in a frame pushed on the call stack; returns its return value. */
  enter(frame: Frame, body: CompiledBody, returnType: TypeRef | null): unknown {
    const ctx = frame.ctx;
    if (ctx.callStack.length >= MAX_STACK_DEPTH) {
      throw new LimitExceeded(
        'cpuTimeMs',
        `Maximum stack depth reached: ${ctx.callStack.length + 1}`
      );
    }
    ctx.limits.tick();
    ctx.callStack.push(frame.entry);
    pushActiveFrame(frame);
    try {
      body.run(frame);
    } finally {
      popActiveFrame();
      ctx.callStack.pop();
    }
    return returnType ? coerce(frame.returnValue, returnType) : null;
  }

  /** Runs the class's static initialisers once per transaction (superclass first). */
  ensureStatics(ctx: ExecutionContext, cls: ClassInfo, caller: Frame): void {
    const state = ctx.staticsOf(cls);
    if (state.initialized) return;
    state.initialized = true;
    if (cls.superclass) this.ensureStatics(ctx, cls.superclass, caller);
    if (cls.outer) this.ensureStatics(ctx, cls.outer, caller);
    for (const initializer of cls.staticInitializers) {
      if (initializer.kind === 'field') {
        const field = initializer.field;
        state.values[field.name.toLowerCase()] = null;
        if (!field.init) continue;
        const body = (field.compiledInit ??= compileInitializer(
          this,
          cls,
          true,
          field.init,
          field.loc
        ));
        const frame = this.initializerFrame(ctx, cls, null, caller, body, field.loc);
        state.values[field.name.toLowerCase()] = coerce(
          this.enter(frame, body, field.type),
          field.type
        );
      } else {
        const body = (initializer.compiled ??= compileInitializer(
          this,
          cls,
          true,
          initializer.body,
          initializer.loc
        ));
        this.enter(
          this.initializerFrame(ctx, cls, null, caller, body, initializer.loc),
          body,
          null
        );
      }
    }
  }

  private initializerFrame(
    ctx: ExecutionContext,
    cls: ClassInfo,
    self: ApexObject | null,
    caller: Frame,
    body: CompiledBody,
    loc: Loc
  ): Frame {
    return new Frame(ctx, cls, null, self, this.sharingFor(cls, caller.withSharing), body.slots, {
      where: `Class.${cls.name}.${self ? '<init>' : '<clinit>'}`,
      file: cls.file,
      line: loc.line,
      column: loc.column
    });
  }

  /** Runs instance field initialisers and initialiser blocks of one class on a new object. */
  initializeInstance(caller: Frame, cls: ClassInfo, self: ApexObject): void {
    for (const initializer of cls.instanceInitializers) {
      if (initializer.kind === 'field') {
        const field = initializer.field;
        const key = field.name.toLowerCase();
        self.fields[key] = null;
        if (!field.init) continue;
        const body = (field.compiledInit ??= compileInitializer(
          this,
          cls,
          false,
          field.init,
          field.loc
        ));
        const frame = this.initializerFrame(caller.ctx, cls, self, caller, body, field.loc);
        self.fields[key] = coerce(this.enter(frame, body, field.type), field.type);
      } else {
        const body = (initializer.compiled ??= compileInitializer(
          this,
          cls,
          false,
          initializer.body,
          initializer.loc
        ));
        this.enter(
          this.initializerFrame(caller.ctx, cls, self, caller, body, initializer.loc),
          body,
          null
        );
      }
    }
  }

  /** `new Cls(args)`. */
  construct(
    caller: Frame,
    cls: ClassInfo,
    args: unknown[],
    argTypes: (TypeRef | null)[]
  ): ApexObject {
    if (cls.isAbstract) {
      throw new ApexRuntimeError(
        'System.TypeException',
        `Abstract classes cannot be constructed: ${cls.name}`
      );
    }
    this.ensureStatics(caller.ctx, cls, caller);
    const self = new ApexObject(cls);
    if (cls.isException) self.fields[EXCEPTION_STATE] = this.newExceptionState(caller.ctx, null);
    this.runConstructor(caller, cls, self, args, argTypes);
    return self;
  }

  /** Runs the constructor of `cls` chosen by the arguments on `self`, with its superclass chain. */
  runConstructor(
    caller: Frame,
    cls: ClassInfo,
    self: ApexObject,
    args: unknown[],
    argTypes: (TypeRef | null)[]
  ): void {
    if (!cls.decl) {
      // A platform class: Exception and its subclasses take (), (message), (cause), (message, cause).
      if (cls.isException) this.initException(self, args);
      return;
    }
    const declared = this.findOverload(cls.constructors, args, argTypes);
    if (declared) {
      this.invoke(caller, declared, self, args);
      return;
    }
    if (cls.constructors.length > 0 && !cls.isException) {
      this.chooseOverload(cls.constructors, args, argTypes, `${cls.name}.<Constructor>`);
    }
    this.runImplicitConstructor(caller, cls, self, args, argTypes);
  }

  /**
   * A constructor the class does not declare: the default one of a class without constructors, or
   * one of the four every exception class has, declared or not ((), (message), (cause),
   * (message, cause)), which `this(message)` in a custom exception's constructor calls.
   */
  runImplicitConstructor(
    caller: Frame,
    cls: ClassInfo,
    self: ApexObject,
    args: unknown[],
    argTypes: (TypeRef | null)[]
  ): void {
    const exists = cls.isException
      ? args.length <= 2
      : args.length === 0 && cls.constructors.length === 0;
    if (!exists) {
      throw new ApexRuntimeError(
        'System.TypeException',
        `Constructor not defined: [${cls.name}].<Constructor>(${args.map(runtimeTypeName).join(', ')})`
      );
    }
    if (cls.superclass) this.runConstructor(caller, cls.superclass, self, args, argTypes);
    this.initializeInstance(caller, cls, self);
  }

  /** Sets message and cause from the arguments of a platform exception constructor. */
  private initException(self: ApexObject, args: unknown[]): void {
    const state = self.fields[EXCEPTION_STATE] as ExceptionState;
    for (const arg of args) {
      if (typeof arg === 'string' || arg === null) state.message = arg;
      else if (arg instanceof ApexObject && arg.cls.isException) state.cause = arg;
    }
    if (self.cls.isSubtypeOf(this.program.classNamed('AuraHandledException') as ClassInfo)) {
      // LWC receives the message; Apex code reading getMessage() sees the platform's text until
      // setMessage is called (Apex Reference, "AuraHandledException Class").
      state.auraMessage = state.message ?? '';
      state.message = 'Script-thrown exception';
    }
  }

  newExceptionState(ctx: ExecutionContext, message: string | null): ExceptionState {
    const top = ctx.callStack[ctx.callStack.length - 1];
    return {
      message,
      cause: null,
      line: top?.line ?? 0,
      column: top?.column ?? 0,
      stack: captureStack(ctx.callStack)
    };
  }

  /** A new exception of a platform type (`NullPointerException`) at the current line. */
  newException(ctx: ExecutionContext, typeName: string, message: string): ApexObject {
    const name = typeName.replace(/^System\./i, '');
    const cls =
      this.program.classNamed(name) ??
      (this.program.classNamed('UnexpectedException') as ClassInfo);
    const exception = new ApexObject(cls);
    const state = this.newExceptionState(ctx, message);
    // Neither limit nor assertion failures can be caught (Apex Developer Guide, "Exceptions").
    if (/^(limit|assert)exception$/i.test(name)) state.uncatchable = true;
    exception.fields[EXCEPTION_STATE] = state;
    return exception;
  }

  /** Converts an error raised by TypeScript code into the Apex exception it stands for. */
  toApexThrow(ctx: ExecutionContext, error: unknown): ApexThrow {
    if (error instanceof ApexThrow) return error;
    if (error instanceof ApexRuntimeError) {
      return new ApexThrow(this.newException(ctx, error.apexType, error.message));
    }
    if (error instanceof LimitExceeded) {
      return new ApexThrow(this.newException(ctx, 'LimitException', error.message));
    }
    if (error instanceof NotSupportedOfflineError && !located.has(error)) {
      // Name the Apex line that needed it, once (the innermost statement's).
      located.add(error);
      const top = ctx.callStack[ctx.callStack.length - 1];
      if (top)
        error.message = `${error.message} (${top.file}: line ${top.line}, column ${top.column})`;
    }
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return new ApexThrow(
        this.newException(
          ctx,
          'LimitException',
          `Maximum stack depth reached: ${ctx.callStack.length}`
        )
      );
    }
    throw error;
  }

  /** The most specific overload for the arguments; a TypeException when none fits. */
  chooseOverload(
    candidates: readonly MethodInfo[],
    args: readonly unknown[],
    argTypes: readonly (TypeRef | null)[],
    description: string
  ): MethodInfo {
    const best = this.findOverload(candidates, args, argTypes);
    if (!best) {
      throw new ApexRuntimeError(
        'System.TypeException',
        `Method does not exist or incorrect signature: ${description}(${args.map(runtimeTypeName).join(', ')})`
      );
    }
    return best;
  }

  /**
   * The most specific overload for the arguments, or undefined when none fits. Apex chooses by the
   * arguments' declared types, so an argument whose expression has a known declared type is
   * matched by it (`Object o = 'x'` picks `m(Object)`); arguments of unknown declared type by
   * their run-time value. When the declared types fit no overload (a type the compiler could not
   * infer precisely), the run-time values decide.
   */
  findOverload(
    candidates: readonly MethodInfo[],
    args: readonly unknown[],
    argTypes: readonly (TypeRef | null)[]
  ): MethodInfo | undefined {
    return (
      this.bestOverload(candidates, args, argTypes, true) ??
      this.bestOverload(candidates, args, argTypes, false)
    );
  }

  private bestOverload(
    candidates: readonly MethodInfo[],
    args: readonly unknown[],
    argTypes: readonly (TypeRef | null)[],
    byDeclaredType: boolean
  ): MethodInfo | undefined {
    let best: MethodInfo | undefined;
    let bestScore = -1;
    for (const candidate of candidates) {
      if (candidate.params.length !== args.length) continue;
      let score = 0;
      let fits = true;
      for (let i = 0; i < args.length; i++) {
        const declared = argTypes[i] ?? null;
        const param = candidate.params[i].type;
        const match =
          byDeclaredType && declared
            ? declaredMatchScore(this.program, declared, param)
            : matchScore(this.program, args[i], declared, param);
        if (match === 0) {
          fits = false;
          break;
        }
        score += match;
      }
      if (fits && score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  /** What getMessage() returns for an exception object. */
  exceptionMessage(exception: ApexObject): string | null {
    return (exception.fields[EXCEPTION_STATE] as ExceptionState).message;
  }

  /** Runs a top-level block (anonymous Apex, a trigger body) in a fresh frame. */
  runBlock(
    ctx: ExecutionContext,
    body: CompiledBody,
    entry: StackEntry,
    withSharing: boolean
  ): void {
    const frame = new Frame(ctx, null, null, null, withSharing, body.slots, entry);
    this.enter(frame, body, null);
  }
}

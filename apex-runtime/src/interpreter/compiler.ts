/**
 * Compiles Apex syntax trees into JavaScript closures, once per method (on its first call):
 * local variables become slots of the frame, names are resolved to locals, fields, properties or
 * types at compile time, and statements return a completion code (normal, break, continue,
 * return) instead of throwing. Every statement records its line for coverage and stack traces,
 * and turns platform errors raised beneath it into Apex exceptions at that line.
 */
import { BoundExpressionContext, type ExpressionContext } from '@apexdevtools/apex-parser';
import type { Block, Expr, LiteralValue, Loc, Stmt, TypeNode, WhenClause } from '../parse/ast';
import { expressionFromParseTree } from '../parse/astBuilder';
import { soqlFromParseTree } from '../soql';
import { ApexRuntimeError, NotSupportedOfflineError } from '../stdlib/apexErrors';
import { ApexList, ApexMap, ApexSet } from '../values/collections';
import { ApexDecimal } from '../values/decimal';
import { ApexDouble } from '../values/primitives';
import { SObjectValue } from '../values/sobject';
import {
  BOOLEAN_TYPE,
  DECIMAL_TYPE,
  DOUBLE_TYPE,
  INTEGER_TYPE,
  LONG_TYPE,
  SOBJECT_TYPE,
  STRING_TYPE,
  listOf,
  typeNamed,
  type TypeRef
} from '../values/typeRef';
import type { ClassInfo, CompiledBody, MethodInfo, PropertyInfo } from './classInfo';
import type { FileCoverage } from './coverage';
import { callMember, getMember, indexGet, indexSet, iterate, setMember, toText } from './dispatch';
import { Frame } from './frame';
import type { Interpreter } from './interpreter';
import { enumValueOf } from './enumValueOf';
import { nativeType, type NativeType } from './nativeTypes';
import { ApexObject, ApexThrow, EnumValue, exceptionState } from './objects';
import { binary, idEquals, negate, nullPointer, plus } from './operators';
import { castValue, coerce, isInstanceOf } from './typeSystem';
import { newRecord, writeField } from './sobjectFields';
import { sobjectStaticMember, typeToken } from '../system/schemaTokens';
import { sobjectStaticCall } from '../system/customMetadata';
import type { ObjectDescribe } from '../metadata/schema';

type Eval = (frame: Frame) => unknown;
type Exec = (frame: Frame) => number;

const NORMAL = 0;
const BREAK = 1;
const CONTINUE = 2;
const RETURN = 3;

interface Local {
  slot: number;
  type: TypeRef;
}

class Scope {
  private readonly vars = new Map<string, Local>();

  constructor(readonly parent?: Scope) {}

  find(name: string): Local | undefined {
    return this.vars.get(name.toLowerCase()) ?? this.parent?.find(name);
  }

  /** Every variable visible here, innermost first, by lower-cased name. */
  visible(): Map<string, Local> {
    const result = this.parent ? this.parent.visible() : new Map<string, Local>();
    for (const [name, local] of this.vars) result.set(name, local);
    return result;
  }

  declare(name: string, local: Local, file: string, loc: Loc): void {
    const key = name.toLowerCase();
    if (this.find(name)) {
      throw new CompileFailure(file, loc, `Duplicate variable: ${name}`);
    }
    this.vars.set(key, local);
  }
}

/** A compile-time error: the Apex compiler would have refused the code. */
export class CompileFailure extends Error {
  constructor(
    readonly file: string,
    readonly loc: Loc,
    readonly detail: string
  ) {
    super(`${file}: line ${loc.line}, column ${loc.column}: ${detail}`);
  }
}

interface Context {
  interp: Interpreter;
  cls: ClassInfo | null;
  isStatic: boolean;
  file: string;
  coverage: FileCoverage;
  slots: { count: number };
  /** The property whose accessor is being compiled: its own name means its backing value. */
  property?: PropertyInfo;
  /** Inside a loop (break/continue allowed). */
  loopDepth: number;
}

/** A compiled expression: a value, or a type/namespace used as the target of `.`. */
type Compiled =
  { kind: 'value'; ev: Eval; type: TypeRef | null } | { kind: 'static'; target: StaticTarget };

type StaticTarget =
  | { kind: 'class'; cls: ClassInfo }
  | { kind: 'native'; type: NativeType }
  | { kind: 'sobject'; object: ObjectDescribe };

interface LValue {
  type: TypeRef | null;
  assign(frame: Frame, value: unknown): void;
  /** For compound assignment and ++/--: evaluates the target once. */
  reference(frame: Frame): { get(): unknown; set(value: unknown): void };
}

// ---------------------------------------------------------------------------------------------
// Entry points

export function compileMethodBody(interp: Interpreter, method: MethodInfo): CompiledBody {
  const decl = method.decl;
  const cls = method.owner;
  if (!decl || !('body' in decl) || !decl.body) {
    throw new CompileFailure(
      cls.file,
      decl?.loc ?? { line: 0, column: 0 },
      `Method has no body: ${method.name}`
    );
  }
  const property = propertyOfAccessor(cls, method);
  const ctx = newContext(interp, cls, method.isStatic && !method.isConstructor, cls.file, property);
  const scope = new Scope();
  method.params.forEach((param) => {
    scope.declare(param.name, { slot: ctx.slots.count++, type: param.type }, ctx.file, decl.loc);
  });
  let statements = decl.body.body;
  let prologue: Exec | undefined;
  if (method.isConstructor) {
    const first = statements[0];
    const chained =
      first?.kind === 'expr' && first.expr.kind === 'constructorCall' ? first.expr : undefined;
    prologue = compileConstructorPrologue(ctx, scope, chained);
    if (chained) statements = statements.slice(1);
  }
  const body = compileStatements(ctx, scope, statements);
  const run: Exec = prologue
    ? (frame) => {
        prologue(frame);
        return body(frame);
      }
    : body;
  return { slots: ctx.slots.count, run };
}

/** A field initialiser expression or an initialiser block. */
export function compileInitializer(
  interp: Interpreter,
  cls: ClassInfo,
  isStatic: boolean,
  code: Expr | Block,
  loc: Loc
): CompiledBody {
  const ctx = newContext(interp, cls, isStatic, cls.file);
  const scope = new Scope();
  if (code.kind === 'block') {
    const body = compileStatements(ctx, scope, code.body);
    return { slots: ctx.slots.count, run: body };
  }
  const value = valueOf(ctx, compileExpr(ctx, scope, code), loc);
  const hits = ctx.coverage.hits;
  return {
    slots: ctx.slots.count,
    run: (frame) => {
      hits[loc.line] = 1;
      frame.at(loc.line, loc.column);
      try {
        frame.returnValue = value(frame);
      } catch (error) {
        throw frame.ctx.interpreter.toApexThrow(frame.ctx, error);
      }
      return RETURN;
    }
  };
}

/** Top-level statements: anonymous Apex or a trigger body. */
export function compileTopLevel(
  interp: Interpreter,
  file: string,
  statements: Stmt[],
  cls: ClassInfo | null
): CompiledBody {
  const ctx = newContext(interp, cls, true, file);
  const body = compileStatements(ctx, new Scope(), statements);
  return { slots: ctx.slots.count, run: body };
}

function newContext(
  interp: Interpreter,
  cls: ClassInfo | null,
  isStatic: boolean,
  file: string,
  property?: PropertyInfo
): Context {
  return {
    interp,
    cls,
    isStatic,
    file,
    coverage: interp.coverage.fileOf(file),
    slots: { count: 0 },
    property,
    loopDepth: 0
  };
}

function propertyOfAccessor(cls: ClassInfo, method: MethodInfo): PropertyInfo | undefined {
  for (const property of cls.properties.values()) {
    if (property.getter === method || property.setter === method) return property;
  }
  return undefined;
}

/**
 * A constructor's start: `this(...)` delegates; otherwise the superclass constructor
 * (`super(...)` or the implicit no-argument one) runs, then this class's field initialisers.
 */
function compileConstructorPrologue(
  ctx: Context,
  scope: Scope,
  chained: Extract<Expr, { kind: 'constructorCall' }> | undefined
): Exec {
  const cls = ctx.cls as ClassInfo;
  const args = (chained?.args ?? []).map((arg) => compileValue(ctx, scope, arg));
  const argTypes = args.map((arg) => arg.type);
  const loc = chained?.loc ?? cls.decl?.loc ?? { line: 0, column: 0 };
  return guard(ctx, loc, (frame) => {
    const self = frame.self as ApexObject;
    const values = args.map((arg) => arg.ev(frame));
    const interp = frame.ctx.interpreter;
    if (chained?.which === 'this') {
      const constructor = interp.findOverload(cls.constructors, values, argTypes);
      if (constructor) interp.invoke(frame, constructor, self, values);
      else interp.runImplicitConstructor(frame, cls, self, values, argTypes);
      return NORMAL;
    }
    if (cls.superclass) interp.runConstructor(frame, cls.superclass, self, values, argTypes);
    interp.initializeInstance(frame, cls, self);
    return NORMAL;
  });
}

// ---------------------------------------------------------------------------------------------
// Statements

function compileStatements(ctx: Context, scope: Scope, statements: Stmt[]): Exec {
  const compiled = statements.map((statement) => compileStatement(ctx, scope, statement));
  if (compiled.length === 0) return () => NORMAL;
  if (compiled.length === 1) return compiled[0];
  return (frame) => {
    for (let i = 0; i < compiled.length; i++) {
      const completion = compiled[i](frame);
      if (completion !== NORMAL) return completion;
    }
    return NORMAL;
  };
}

/**
 * Wraps a statement: marks its line covered, moves the frame's line there, and converts errors
 * raised by platform code beneath it into Apex exceptions carrying this line.
 */
function guard(ctx: Context, loc: Loc, exec: Exec): Exec {
  const hits = ctx.coverage.hits;
  const line = loc.line;
  const column = loc.column;
  return (frame) => {
    hits[line] = 1;
    frame.entry.line = line;
    frame.entry.column = column;
    try {
      return exec(frame);
    } catch (error) {
      if (error instanceof ApexThrow) throw error;
      throw frame.ctx.interpreter.toApexThrow(frame.ctx, error);
    }
  };
}

function compileStatement(ctx: Context, scope: Scope, statement: Stmt): Exec {
  switch (statement.kind) {
    case 'block': {
      const body = compileStatements(ctx, new Scope(scope), statement.body);
      return body;
    }
    case 'empty':
      return () => NORMAL;
    case 'local':
      return compileLocal(ctx, scope, statement);
    case 'expr': {
      const expr = statement.expr;
      if (expr.kind === 'constructorCall') {
        throw new CompileFailure(
          ctx.file,
          expr.loc,
          'Constructor calls must be the first statement of a constructor'
        );
      }
      const ev = compileEffect(ctx, scope, expr);
      return guard(ctx, statement.loc, (frame) => {
        ev(frame);
        return NORMAL;
      });
    }
    case 'if': {
      const condition = compileCondition(ctx, scope, statement.condition);
      const then = compileStatement(ctx, new Scope(scope), statement.then);
      const otherwise = statement.otherwise
        ? compileStatement(ctx, new Scope(scope), statement.otherwise)
        : undefined;
      return guard(ctx, statement.loc, (frame) =>
        condition(frame) ? then(frame) : otherwise ? otherwise(frame) : NORMAL
      );
    }
    case 'while': {
      const condition = compileCondition(ctx, scope, statement.condition);
      const body = inLoop(ctx, () => compileStatement(ctx, new Scope(scope), statement.body));
      return guard(ctx, statement.loc, (frame) => {
        const limits = frame.ctx.limits;
        while (condition(frame)) {
          limits.tick();
          const completion = body(frame);
          if (completion === BREAK) break;
          if (completion === RETURN) return RETURN;
        }
        return NORMAL;
      });
    }
    case 'doWhile': {
      const condition = compileCondition(ctx, scope, statement.condition);
      const body = inLoop(ctx, () => compileStatement(ctx, new Scope(scope), statement.body));
      return guard(ctx, statement.loc, (frame) => {
        const limits = frame.ctx.limits;
        do {
          limits.tick();
          const completion = body(frame);
          if (completion === BREAK) break;
          if (completion === RETURN) return RETURN;
        } while (condition(frame));
        return NORMAL;
      });
    }
    case 'for':
      return compileFor(ctx, scope, statement);
    case 'forEach':
      return compileForEach(ctx, scope, statement);
    case 'return': {
      if (!statement.value) return guard(ctx, statement.loc, () => RETURN);
      const value = compileValue(ctx, scope, statement.value).ev;
      return guard(ctx, statement.loc, (frame) => {
        frame.returnValue = value(frame);
        return RETURN;
      });
    }
    case 'break':
      if (ctx.loopDepth === 0)
        throw new CompileFailure(ctx.file, statement.loc, 'break outside of a loop');
      return guard(ctx, statement.loc, () => BREAK);
    case 'continue':
      if (ctx.loopDepth === 0)
        throw new CompileFailure(ctx.file, statement.loc, 'continue outside of a loop');
      return guard(ctx, statement.loc, () => CONTINUE);
    case 'throw': {
      const value = compileValue(ctx, scope, statement.value).ev;
      return guard(ctx, statement.loc, (frame) => {
        const exception = value(frame);
        if (exception === null) throw nullPointer();
        if (!(exception instanceof ApexObject) || !exception.cls.isException) {
          throw new ApexRuntimeError('System.TypeException', 'Only exceptions can be thrown');
        }
        throw new ApexThrow(exception);
      });
    }
    case 'try':
      return compileTry(ctx, scope, statement);
    case 'switch':
      return compileSwitch(ctx, scope, statement);
    case 'dml':
      return compileDml(ctx, scope, statement);
    case 'runAs': {
      const args = statement.args.map((arg) => compileValue(ctx, scope, arg).ev);
      const body = compileStatement(ctx, new Scope(scope), statement.body);
      return guard(ctx, statement.loc, (frame) => {
        if (!frame.ctx.testState) {
          // Apex Developer Guide, "Using the runAs Method": test methods only.
          throw new ApexRuntimeError(
            'System.UnexpectedException',
            'System.runAs can only be used in test methods'
          );
        }
        const values = args.map((arg) => arg(frame));
        const platform = frame.ctx.platform;
        const user = platform.runAsUser(frame, values[0]);
        frame.ctx.userStack.push(user);
        // A runAs block may mix setup and other DML ("Using the runAs Method").
        const limits = frame.ctx.limits;
        const mixedDml = limits.mixedDml;
        limits.mixedDml = {};
        try {
          return body(frame);
        } finally {
          limits.mixedDml = mixedDml;
          frame.ctx.userStack.pop();
        }
      });
    }
  }
}

function inLoop<T>(ctx: Context, compile: () => T): T {
  ctx.loopDepth++;
  try {
    return compile();
  } finally {
    ctx.loopDepth--;
  }
}

function compileLocal(
  ctx: Context,
  scope: Scope,
  statement: Extract<Stmt, { kind: 'local' }>
): Exec {
  const type = resolveType(ctx, statement.type);
  const parts = statement.declarators.map((declarator) => {
    const init = declarator.init ? compileValue(ctx, scope, declarator.init).ev : undefined;
    const slot = ctx.slots.count++;
    scope.declare(declarator.name, { slot, type }, ctx.file, declarator.loc);
    return { slot, init };
  });
  return guard(ctx, statement.loc, (frame) => {
    for (const part of parts) {
      frame.locals[part.slot] = part.init ? coerce(part.init(frame), type) : null;
    }
    return NORMAL;
  });
}

function compileFor(ctx: Context, outer: Scope, statement: Extract<Stmt, { kind: 'for' }>): Exec {
  const scope = new Scope(outer);
  let init: Exec | undefined;
  if (statement.init) {
    if (Array.isArray(statement.init)) {
      const effects = statement.init.map((expr) => compileEffect(ctx, scope, expr));
      init = (frame) => {
        effects.forEach((effect) => effect(frame));
        return NORMAL;
      };
    } else {
      init = compileLocal(ctx, scope, statement.init);
    }
  }
  const condition = statement.condition
    ? compileCondition(ctx, scope, statement.condition)
    : () => true;
  const updates = statement.update.map((expr) => compileEffect(ctx, scope, expr));
  const body = inLoop(ctx, () => compileStatement(ctx, new Scope(scope), statement.body));
  return guard(ctx, statement.loc, (frame) => {
    if (init) init(frame);
    const limits = frame.ctx.limits;
    while (condition(frame)) {
      limits.tick();
      const completion = body(frame);
      if (completion === BREAK) break;
      if (completion === RETURN) return RETURN;
      for (let i = 0; i < updates.length; i++) updates[i](frame);
    }
    return NORMAL;
  });
}

function compileForEach(
  ctx: Context,
  outer: Scope,
  statement: Extract<Stmt, { kind: 'forEach' }>
): Exec {
  const scope = new Scope(outer);
  const type = resolveType(ctx, statement.type);
  const iterable = compileValue(ctx, outer, statement.iterable).ev;
  const slot = ctx.slots.count++;
  scope.declare(statement.name, { slot, type }, ctx.file, statement.loc);
  const body = inLoop(ctx, () => compileStatement(ctx, new Scope(scope), statement.body));
  // `for (List<Account> chunk : [SELECT ...])` takes the rows 200 at a time (Apex Developer Guide,
  // "SOQL For Loops"); so does a dynamic query, which "can be used wherever an inline SOQL query
  // can be used, such as in regular assignment statements and for loops" (Apex Developer Guide,
  // "Dynamic SOQL").
  const inChunks =
    type.name === 'List' &&
    (statement.iterable.kind === 'soql' || isDynamicQueryCall(statement.iterable));
  return guard(ctx, statement.loc, (frame) => {
    const source = iterable(frame);
    if (source === null) throw nullPointer();
    const limits = frame.ctx.limits;
    const items =
      inChunks && source instanceof ApexList
        ? soqlChunks(source, type.args[0] ?? source.elementType)
        : iterate(frame, source);
    for (const item of items) {
      limits.tick();
      frame.locals[slot] = coerce(item, type);
      const completion = body(frame);
      if (completion === BREAK) break;
      if (completion === RETURN) return RETURN;
    }
    return NORMAL;
  });
}

/** `Database.query(...)` or `Database.queryWithBinds(...)` (also `System.Database.`). */
function isDynamicQueryCall(expr: Expr): boolean {
  if (expr.kind !== 'call' || !expr.target) return false;
  const name = expr.name.toLowerCase();
  if (name !== 'query' && name !== 'querywithbinds') return false;
  const target = expr.target;
  if (target.kind === 'name') return target.name.toLowerCase() === 'database';
  return (
    target.kind === 'field' &&
    target.name.toLowerCase() === 'database' &&
    target.target.kind === 'name' &&
    target.target.name.toLowerCase() === 'system'
  );
}

const SOQL_FOR_CHUNK = 200;

function* soqlChunks(rows: ApexList, elementType: TypeRef): Iterable<ApexList> {
  for (let start = 0; start < rows.items.length; start += SOQL_FOR_CHUNK) {
    yield new ApexList(elementType, rows.items.slice(start, start + SOQL_FOR_CHUNK));
  }
}

function compileTry(ctx: Context, scope: Scope, statement: Extract<Stmt, { kind: 'try' }>): Exec {
  const body = compileStatement(ctx, new Scope(scope), statement.body);
  const catches = statement.catches.map((clause) => {
    const typeName = clause.type.join('.');
    const cls = ctx.interp.program.findClass(typeName, ctx.cls);
    if (!cls || !cls.isException) {
      throw new CompileFailure(ctx.file, clause.loc, `Invalid exception type: ${typeName}`);
    }
    const clauseScope = new Scope(scope);
    const slot = ctx.slots.count++;
    clauseScope.declare(clause.name, { slot, type: typeNamed(cls.name) }, ctx.file, clause.loc);
    return { cls, slot, body: compileStatement(ctx, clauseScope, clause.body) };
  });
  const finallyBlock = statement.finally
    ? compileStatement(ctx, new Scope(scope), statement.finally)
    : undefined;
  return (frame) => {
    let completion = NORMAL;
    try {
      completion = body(frame);
    } catch (error) {
      const thrown =
        error instanceof ApexThrow ? error : frame.ctx.interpreter.toApexThrow(frame.ctx, error);
      const exception = thrown.exception;
      // An exception that cannot be caught runs neither catch nor finally blocks (Apex Developer
      // Guide, "Exception Statements").
      if (exceptionState(exception).uncatchable) throw thrown;
      const handler = catches.find((clause) => exception.cls.isSubtypeOf(clause.cls));
      if (!handler) {
        if (finallyBlock) {
          const finallyCompletion = finallyBlock(frame);
          if (finallyCompletion !== NORMAL) return finallyCompletion;
        }
        throw thrown;
      }
      frame.locals[handler.slot] = exception;
      try {
        completion = handler.body(frame);
      } catch (inner) {
        const innerThrow =
          inner instanceof ApexThrow ? inner : frame.ctx.interpreter.toApexThrow(frame.ctx, inner);
        if (finallyBlock && !exceptionState(innerThrow.exception).uncatchable) {
          const finallyCompletion = finallyBlock(frame);
          if (finallyCompletion !== NORMAL) return finallyCompletion;
        }
        throw innerThrow;
      }
    }
    if (finallyBlock) {
      const finallyCompletion = finallyBlock(frame);
      if (finallyCompletion !== NORMAL) return finallyCompletion;
    }
    return completion;
  };
}

function literalValue(value: LiteralValue): unknown {
  switch (value.kind) {
    case 'integer':
      return value.value;
    case 'long':
      return value.value;
    case 'decimal':
      return ApexDecimal.parse(value.text);
    case 'double':
      return new ApexDouble(value.value);
    case 'string':
      return value.value;
    case 'boolean':
      return value.value;
    case 'null':
      return null;
  }
}

function compileSwitch(
  ctx: Context,
  scope: Scope,
  statement: Extract<Stmt, { kind: 'switch' }>
): Exec {
  const subject = compileValue(ctx, scope, statement.subject).ev;
  const clauses = statement.whens.map((when: WhenClause) => {
    const clauseScope = new Scope(scope);
    if (when.match.kind === 'type') {
      const type = resolveType(ctx, when.match.type);
      const slot = ctx.slots.count++;
      clauseScope.declare(when.match.name, { slot, type }, ctx.file, when.loc);
      const body = compileStatement(ctx, clauseScope, when.body);
      return {
        matches: (frame: Frame, value: unknown) => {
          if (!isInstanceOf(ctx.interp.program, value, type)) return false;
          frame.locals[slot] = value;
          return true;
        },
        body
      };
    }
    const body = compileStatement(ctx, clauseScope, when.body);
    if (when.match.kind === 'else') return { matches: () => true, body };
    const values = when.match.values;
    return {
      matches: (_frame: Frame, value: unknown) =>
        values.some((candidate) => {
          if (candidate.kind === 'enum') {
            return (
              value instanceof EnumValue &&
              value.name.toLowerCase() === candidate.name.toLowerCase()
            );
          }
          const literal = literalValue(candidate);
          if (literal === null) return value === null;
          if (typeof literal === 'bigint' || typeof value === 'bigint') {
            return value !== null && BigInt(value as number) === BigInt(literal as number);
          }
          return value === literal;
        }),
      body
    };
  });
  return guard(ctx, statement.loc, (frame) => {
    const value = subject(frame);
    for (const clause of clauses) {
      if (clause.matches(frame, value)) return clause.body(frame);
    }
    return NORMAL;
  });
}

function compileDml(ctx: Context, scope: Scope, statement: Extract<Stmt, { kind: 'dml' }>): Exec {
  const target = compileValue(ctx, scope, statement.target).ev;
  const second = statement.second ? compileValue(ctx, scope, statement.second).ev : undefined;
  const externalIdField = statement.externalIdField?.join('.');
  return guard(ctx, statement.loc, (frame) => {
    const value = target(frame);
    frame.ctx.platform.dmlStatement(frame, {
      operation: statement.operation,
      target: value,
      second: second ? second(frame) : undefined,
      accessLevel:
        statement.access === 'user'
          ? 'USER_MODE'
          : statement.access === 'system'
            ? 'SYSTEM_MODE'
            : undefined,
      externalIdField
    });
    return NORMAL;
  });
}

// ---------------------------------------------------------------------------------------------
// Expressions

function resolveType(ctx: Context, node: TypeNode): TypeRef {
  try {
    return ctx.interp.program.resolveType(node, ctx.cls);
  } catch (error) {
    if (error instanceof Error && /Invalid type/.test(error.message)) {
      throw new CompileFailure(
        ctx.file,
        node.loc,
        error.message.replace(/^.*?: (Invalid type)/, '$1')
      );
    }
    throw error;
  }
}

function valueOf(ctx: Context, compiled: Compiled, loc: Loc): Eval {
  if (compiled.kind === 'value') return compiled.ev;
  throw new CompileFailure(
    ctx.file,
    loc,
    `Variable does not exist: ${describeStatic(compiled.target)}`
  );
}

function describeStatic(target: StaticTarget): string {
  switch (target.kind) {
    case 'class':
      return target.cls.name;
    case 'native':
      return target.type.name;
    case 'sobject':
      return target.object.name;
  }
}

function compileValue(ctx: Context, scope: Scope, expr: Expr): { ev: Eval; type: TypeRef | null } {
  const compiled = compileExpr(ctx, scope, expr);
  return {
    ev: valueOf(ctx, compiled, expr.loc),
    type: compiled.kind === 'value' ? compiled.type : null
  };
}

function compileCondition(ctx: Context, scope: Scope, expr: Expr): (frame: Frame) => boolean {
  const ev = compileValue(ctx, scope, expr).ev;
  return (frame) => {
    const value = ev(frame);
    if (value === null || value === undefined) throw nullPointer();
    return value === true;
  };
}

/** An expression evaluated for its effect (statement expressions, for-loop updates). */
function compileEffect(ctx: Context, scope: Scope, expr: Expr): Eval {
  return compileValue(ctx, scope, expr).ev;
}

function value(ev: Eval, type: TypeRef | null): Compiled {
  return { kind: 'value', ev, type };
}

function compileExpr(ctx: Context, scope: Scope, expr: Expr): Compiled {
  switch (expr.kind) {
    case 'literal': {
      const literal = literalValue(expr.value);
      return value(() => literal, literalType(expr.value));
    }
    case 'name':
      return compileName(ctx, scope, expr.name, expr.loc);
    case 'this':
      if (ctx.isStatic)
        throw new CompileFailure(
          ctx.file,
          expr.loc,
          'this cannot be referenced in a static context'
        );
      return value((frame) => frame.self, ctx.cls ? typeNamed(ctx.cls.name) : null);
    case 'super':
      throw new CompileFailure(ctx.file, expr.loc, 'super must be followed by a method call');
    case 'field':
    case 'call':
    case 'index':
      return endOfChain(expr, compileLink(ctx, scope, expr));
    case 'constructorCall':
      throw new CompileFailure(
        ctx.file,
        expr.loc,
        'Constructor calls must be the first statement of a constructor'
      );
    case 'new':
      return compileNew(ctx, scope, expr);
    case 'cast': {
      const type = resolveType(ctx, expr.type);
      const inner = compileValue(ctx, scope, expr.expr).ev;
      const program = ctx.interp.program;
      return value((frame) => castValue(program, inner(frame), type), type);
    }
    case 'instanceof': {
      const type = resolveType(ctx, expr.type);
      const inner = compileValue(ctx, scope, expr.expr).ev;
      const program = ctx.interp.program;
      return value((frame) => isInstanceOf(program, inner(frame), type), BOOLEAN_TYPE);
    }
    case 'unary':
      return compileUnary(ctx, scope, expr);
    case 'increment':
      return compileIncrement(ctx, scope, expr);
    case 'binary':
      return compileBinary(ctx, scope, expr);
    case 'logical': {
      const left = compileValue(ctx, scope, expr.left);
      const right = compileValue(ctx, scope, expr.right);
      if (expr.op === '??') {
        return value((frame) => {
          const first = left.ev(frame);
          return first === null || first === undefined ? right.ev(frame) : first;
        }, left.type ?? right.type);
      }
      const and = expr.op === '&&';
      return value((frame) => {
        const first = left.ev(frame);
        if (first === null || first === undefined) throw nullPointer();
        if (and ? first === false : first === true) return first;
        const second = right.ev(frame);
        if (second === null || second === undefined) throw nullPointer();
        return second;
      }, BOOLEAN_TYPE);
    }
    case 'conditional': {
      const condition = compileCondition(ctx, scope, expr.condition);
      const whenTrue = compileValue(ctx, scope, expr.whenTrue);
      const whenFalse = compileValue(ctx, scope, expr.whenFalse);
      return value(
        (frame) => (condition(frame) ? whenTrue.ev(frame) : whenFalse.ev(frame)),
        whenTrue.type && whenFalse.type && whenTrue.type.name === whenFalse.type.name
          ? whenTrue.type
          : arithmeticType(whenTrue.type, whenFalse.type)
      );
    }
    case 'assign':
      return compileAssign(ctx, scope, expr);
    case 'classLiteral': {
      const type = expr.type ? resolveType(ctx, expr.type) : null;
      const token = typeToken(type);
      return value(() => token, typeNamed('Type'));
    }
    case 'soql':
      return compileSoql(ctx, scope, expr);
    case 'unsupported':
      return value(() => {
        throw new NotSupportedOfflineError(expr.what);
      }, null);
  }
}

function literalType(literal: LiteralValue): TypeRef | null {
  switch (literal.kind) {
    case 'integer':
      return INTEGER_TYPE;
    case 'long':
      return LONG_TYPE;
    case 'decimal':
      return DECIMAL_TYPE;
    case 'double':
      return DOUBLE_TYPE;
    case 'string':
      return STRING_TYPE;
    case 'boolean':
      return BOOLEAN_TYPE;
    case 'null':
      return null;
  }
}

/** A simple name: a local, a field or property of this class or an enclosing one, or a type. */
function compileName(ctx: Context, scope: Scope, name: string, loc: Loc): Compiled {
  const local = scope.find(name);
  if (local) {
    const slot = local.slot;
    return value((frame) => frame.locals[slot], local.type);
  }
  const member = memberLValue(ctx, name, loc);
  if (member) {
    const lvalue = member;
    return value((frame) => lvalue.reference(frame).get(), lvalue.type);
  }
  const target = staticTarget(ctx, name);
  if (target) return { kind: 'static', target };
  throw new CompileFailure(ctx.file, loc, `Variable does not exist: ${name}`);
}

/** A type, platform class or namespace by name, or undefined. */
function staticTarget(ctx: Context, name: string): StaticTarget | undefined {
  const program = ctx.interp.program;
  const cls = program.findClass(name, ctx.cls);
  if (cls) return { kind: 'class', cls };
  const native = nativeType(name);
  if (native) return { kind: 'native', type: native };
  const object = program.schema.object(name);
  if (object) return { kind: 'sobject', object };
  return undefined;
}

/** A field or property of the current class (or an enclosing class's static one), as an l-value. */
function memberLValue(ctx: Context, name: string, loc: Loc): LValue | undefined {
  const key = name.toLowerCase();
  if (ctx.property && ctx.property.name.toLowerCase() === key) {
    return backingLValue(ctx, ctx.property);
  }
  for (let cls = ctx.cls; cls; cls = cls.outer ?? null) {
    const staticOnly = cls !== ctx.cls || ctx.isStatic;
    const field = cls.findField(name);
    if (field && (field.isStatic || !staticOnly)) {
      if (field.isStatic)
        return staticStorage(ctx.interp, cls.ownerOfStatic(name) as ClassInfo, key, field.type);
      return instanceStorage(key, field.type);
    }
    const property = cls.findProperty(name);
    if (property && (property.isStatic || !staticOnly)) {
      return propertyLValue(
        ctx,
        property,
        property.isStatic ? (cls.ownerOfStatic(name) as ClassInfo) : null,
        loc
      );
    }
  }
  return undefined;
}

function instanceStorage(key: string, type: TypeRef): LValue {
  return {
    type,
    assign: (frame, v) => {
      (frame.self as ApexObject).fields[key] = coerce(v, type);
    },
    reference: (frame) => {
      const fields = (frame.self as ApexObject).fields;
      return {
        get: () => fields[key] ?? null,
        set: (v) => {
          fields[key] = coerce(v, type);
        }
      };
    }
  };
}

function staticStorage(interp: Interpreter, owner: ClassInfo, key: string, type: TypeRef): LValue {
  const values = (frame: Frame) => {
    interp.ensureStatics(frame.ctx, owner, frame);
    return frame.ctx.staticsOf(owner).values;
  };
  return {
    type,
    assign: (frame, v) => {
      values(frame)[key] = coerce(v, type);
    },
    reference: (frame) => {
      const store = values(frame);
      return {
        get: () => store[key] ?? null,
        set: (v) => {
          store[key] = coerce(v, type);
        }
      };
    }
  };
}

function backingLValue(ctx: Context, property: PropertyInfo): LValue {
  if (property.isStatic) {
    return staticStorage(
      ctx.interp,
      ctx.cls?.ownerOfStatic(property.name) ?? (ctx.cls as ClassInfo),
      property.backingKey,
      property.type
    );
  }
  return instanceStorage(property.backingKey, property.type);
}

/** A property read through its getter and written through its setter (or its backing value). */
function propertyLValue(
  ctx: Context,
  property: PropertyInfo,
  staticOwner: ClassInfo | null,
  loc: Loc
): LValue {
  const interp = ctx.interp;
  const backing = property.isStatic
    ? staticStorage(interp, staticOwner as ClassInfo, property.backingKey, property.type)
    : instanceStorage(property.backingKey, property.type);
  const getter = property.getter;
  const setter = property.setter;
  if (!property.decl.getter && property.decl.setter === undefined) {
    throw new CompileFailure(ctx.file, loc, `Property ${property.name} has no accessor`);
  }
  const read = (frame: Frame): unknown =>
    getter
      ? interp.invoke(frame, getter, property.isStatic ? null : frame.self, [])
      : backing.reference(frame).get();
  const write = (frame: Frame, v: unknown): void => {
    if (setter) interp.invoke(frame, setter, property.isStatic ? null : frame.self, [v]);
    else backing.assign(frame, v);
  };
  return {
    type: property.type,
    assign: write,
    reference: (frame) => ({ get: () => read(frame), set: (v) => write(frame, v) })
  };
}

/**
 * What a link of a `?.` chain evaluates to once a `?.` met null: the rest of the chain is skipped
 * and the whole chain is null (Apex Developer Guide, "Safe Navigation Operator").
 */
const SKIPPED_CHAIN = Symbol('skipped ?. chain');

type ChainLink = Extract<Expr, { kind: 'field' | 'call' | 'index' }>;

function isChainLink(expr: Expr): expr is ChainLink {
  return expr.kind === 'field' || expr.kind === 'call' || expr.kind === 'index';
}

/** A field access, call or index of a chain, which yields SKIPPED_CHAIN once a `?.` met null. */
function compileLink(ctx: Context, scope: Scope, expr: ChainLink): Compiled {
  switch (expr.kind) {
    case 'field':
      return compileField(ctx, scope, expr);
    case 'call':
      return compileCall(ctx, scope, expr);
    case 'index': {
      const target = compileTarget(ctx, scope, expr.target);
      const list = valueOf(ctx, target, expr.target.loc);
      const index = compileValue(ctx, scope, expr.index).ev;
      const elementType =
        target.kind === 'value' && target.type?.name === 'List'
          ? (target.type.args[0] ?? null)
          : null;
      return value((frame) => {
        const receiver = list(frame);
        if (receiver === SKIPPED_CHAIN) return SKIPPED_CHAIN;
        return indexGet(frame, receiver, index(frame));
      }, elementType);
    }
  }
}

/** The target of a link: an inner link of the same chain (unless parenthesized), or any expression. */
function compileTarget(ctx: Context, scope: Scope, target: Expr): Compiled {
  return isChainLink(target) && !target.parenthesized
    ? compileLink(ctx, scope, target)
    : compileExpr(ctx, scope, target);
}

/** Whether a chain ending in `expr` has a `?.` (and so may be skipped). */
function hasNullSafeLink(expr: ChainLink): boolean {
  for (let link: Expr | null = expr; link && isChainLink(link); link = link.target) {
    if (link.kind !== 'index' && link.nullSafe) return true;
    if (link !== expr && link.parenthesized) return false;
  }
  return false;
}

/** The value of a whole chain: null when a `?.` skipped the rest of it. */
function endOfChain(expr: ChainLink, compiled: Compiled): Compiled {
  if (compiled.kind !== 'value' || !hasNullSafeLink(expr)) return compiled;
  const ev = compiled.ev;
  return value((frame) => {
    const result = ev(frame);
    return result === SKIPPED_CHAIN ? null : result;
  }, compiled.type);
}

function compileField(
  ctx: Context,
  scope: Scope,
  expr: Extract<Expr, { kind: 'field' }>
): Compiled {
  const target = compileTarget(ctx, scope, expr.target);
  if (target.kind === 'static') return staticMember(ctx, target.target, expr.name, expr.loc);
  const object = target.ev;
  const name = expr.name;
  const nullSafe = expr.nullSafe;
  const type = memberType(ctx, target.type, name);
  return value((frame) => {
    const receiver = object(frame);
    if (receiver === SKIPPED_CHAIN) return SKIPPED_CHAIN;
    if (receiver === null || receiver === undefined) {
      if (nullSafe) return SKIPPED_CHAIN;
      throw nullPointer();
    }
    return getMember(frame, receiver, name);
  }, type);
}

/** The declared type of `target.name` when the target's type is known. */
function memberType(ctx: Context, targetType: TypeRef | null, name: string): TypeRef | null {
  if (!targetType) return null;
  const program = ctx.interp.program;
  const cls = program.classNamed(targetType.name);
  if (cls) {
    return cls.findField(name)?.type ?? cls.findProperty(name)?.type ?? null;
  }
  const field = program.schema.field(targetType.name, name);
  if (field) return typeNamed(field.apexType === 'Object' ? 'Object' : field.apexType);
  return null;
}

/** `Type.member` where Type is a class, platform type or object. */
function staticMember(ctx: Context, target: StaticTarget, name: string, loc: Loc): Compiled {
  const program = ctx.interp.program;
  switch (target.kind) {
    case 'class': {
      // A variable takes precedence over a type of the same name (Apex names are case-insensitive:
      // a static `sent` and an inner class `Sent` can both exist).
      const constant = target.cls.enumValues.find(
        (v) => v.name.toLowerCase() === name.toLowerCase()
      );
      if (constant) return value(() => constant, typeNamed(target.cls.name));
      const field = target.cls.findField(name);
      if (field?.isStatic) {
        const lvalue = staticStorage(
          ctx.interp,
          target.cls.ownerOfStatic(name) as ClassInfo,
          name.toLowerCase(),
          field.type
        );
        return value((frame) => lvalue.reference(frame).get(), field.type);
      }
      const property = target.cls.findProperty(name);
      if (property?.isStatic) {
        const lvalue = propertyLValue(
          ctx,
          property,
          target.cls.ownerOfStatic(name) as ClassInfo,
          loc
        );
        return value((frame) => lvalue.reference(frame).get(), property.type);
      }
      const inner = target.cls.inner.get(name.toLowerCase());
      if (inner) return { kind: 'static', target: { kind: 'class', cls: inner } };
      throw new CompileFailure(
        ctx.file,
        loc,
        `Variable does not exist: ${target.cls.name}.${name}`
      );
    }
    case 'native': {
      const type = target.type;
      const nested =
        nativeType(`${type.name}.${name}`) ??
        (isNamespace(type.name) ? nativeType(name) : undefined);
      if (nested) return { kind: 'static', target: { kind: 'native', type: nested } };
      if (type.name === 'Schema' || type.name === 'System') {
        const cls = type.name === 'System' ? program.classNamed(name) : undefined;
        if (cls) return { kind: 'static', target: { kind: 'class', cls } };
        const object = program.schema.object(name);
        if (object && type.name === 'Schema')
          return { kind: 'static', target: { kind: 'sobject', object } };
      }
      const key = name.toLowerCase();
      const property = type.staticProperties?.[key];
      if (property) return value((frame) => property(frame), null);
      const constant = type.enumConstants.find((c) => c.name.toLowerCase() === key);
      if (constant) return value(() => constant, typeNamed(type.name));
      const fallback = type.staticProperty;
      if (fallback) return value((frame) => fallback(frame, name), null);
      throw new CompileFailure(ctx.file, loc, `Variable does not exist: ${type.name}.${name}`);
    }
    case 'sobject': {
      const objectName = target.object.name;
      return value((frame) => sobjectStaticMember(frame, objectName, name), null);
    }
  }
}

function isNamespace(name: string): boolean {
  return ['system', 'schema', 'database', 'messaging', 'formulaeval', 'security', 'auth'].includes(
    name.toLowerCase()
  );
}

function compileArgs(ctx: Context, scope: Scope, args: Expr[]) {
  const compiled = args.map((arg) => compileValue(ctx, scope, arg));
  return { evs: compiled.map((c) => c.ev), types: compiled.map((c) => c.type) };
}

function evalArgs(frame: Frame, evs: Eval[]): unknown[] {
  const values = new Array<unknown>(evs.length);
  for (let i = 0; i < evs.length; i++) values[i] = evs[i](frame);
  return values;
}

function compileCall(ctx: Context, scope: Scope, expr: Extract<Expr, { kind: 'call' }>): Compiled {
  const { evs, types } = compileArgs(ctx, scope, expr.args);
  const name = expr.name;
  const loc = expr.loc;
  const interp = ctx.interp;
  const at = (frame: Frame) => {
    frame.entry.line = loc.line;
    frame.entry.column = loc.column;
  };
  if (expr.target === null) return compileUnqualifiedCall(ctx, name, evs, types, loc);
  if (expr.target.kind === 'super') {
    const superclass = ctx.cls?.superclass;
    if (!superclass || ctx.isStatic)
      throw new CompileFailure(ctx.file, loc, 'super is not available here');
    const candidates = superclass.findMethods(name).filter((m) => !m.isStatic);
    return value((frame) => {
      at(frame);
      const args = evalArgs(frame, evs);
      const method = interp.chooseOverload(candidates, args, types, `${superclass.name}.${name}`);
      return interp.invoke(frame, method, frame.self, args);
    }, candidates[0]?.returnType ?? null);
  }
  const target = compileTarget(ctx, scope, expr.target);
  if (target.kind === 'static')
    return compileStaticCall(ctx, scope, target.target, name, evs, types, loc);
  const receiver = target.ev;
  const nullSafe = expr.nullSafe;
  // As the Apex compiler does, the overload is chosen among the methods of the receiver's
  // declared class, then the object's override of that signature runs.
  const declaredClass = target.type ? interp.program.classNamed(target.type.name) : undefined;
  const declared = declaredClass?.findMethods(name).filter((method) => !method.isStatic) ?? [];
  return value(
    (frame) => {
      const self = receiver(frame);
      if (self === SKIPPED_CHAIN) return SKIPPED_CHAIN;
      at(frame);
      if (self === null || self === undefined) {
        if (nullSafe) return SKIPPED_CHAIN;
        throw nullPointer();
      }
      const args = evalArgs(frame, evs);
      let method =
        self instanceof ApexObject ? interp.findOverload(declared, args, types) : undefined;
      if (method && self instanceof ApexObject) {
        if (method.access !== 'private') method = virtualTarget(interp, self, method, args, types);
        return interp.invoke(frame, method, self, args);
      }
      return callMember(frame, self, name, args, types);
    },
    returnTypeOf(ctx, target.type, name)
  );
}

function returnTypeOf(ctx: Context, targetType: TypeRef | null, name: string): TypeRef | null {
  if (!targetType) return null;
  const cls = ctx.interp.program.classNamed(targetType.name);
  return cls?.findMethods(name)[0]?.returnType ?? null;
}

/** `foo(args)`: a method of this class (virtual for instance methods) or an enclosing class. */
function compileUnqualifiedCall(
  ctx: Context,
  name: string,
  evs: Eval[],
  types: (TypeRef | null)[],
  loc: Loc
): Compiled {
  const interp = ctx.interp;
  for (let cls = ctx.cls; cls; cls = cls.outer ?? null) {
    const candidates = cls.findMethods(name);
    if (candidates.length === 0) continue;
    const staticOnly = cls !== ctx.cls || ctx.isStatic;
    const usable = staticOnly ? candidates.filter((m) => m.isStatic) : candidates;
    if (usable.length === 0) {
      throw new CompileFailure(
        ctx.file,
        loc,
        `Non static method cannot be referenced from a static context: ${name}`
      );
    }
    const owner = cls;
    return value((frame) => {
      frame.entry.line = loc.line;
      frame.entry.column = loc.column;
      const args = evalArgs(frame, evs);
      let method = interp.chooseOverload(usable, args, types, `${owner.name}.${name}`);
      let self: ApexObject | null = null;
      if (!method.isStatic) {
        self = frame.self as ApexObject;
        if (method.access !== 'private') method = virtualTarget(interp, self, method, args, types);
      }
      return interp.invoke(frame, method, self, args);
    }, usable[0].returnType);
  }
  throw new CompileFailure(ctx.file, loc, `Method does not exist or incorrect signature: ${name}`);
}

/** The override of `method` in the object's class, if any. */
export function virtualTarget(
  interp: Interpreter,
  self: ApexObject,
  method: MethodInfo,
  args: unknown[],
  types: readonly (TypeRef | null)[]
): MethodInfo {
  if (self.cls === method.owner) return method;
  const overrides = self.cls
    .findMethods(method.name)
    .filter((candidate) => !candidate.isStatic && candidate.params.length === method.params.length);
  const sameSignature = overrides.find((candidate) =>
    candidate.params.every(
      (param, i) => param.type.name.toLowerCase() === method.params[i].type.name.toLowerCase()
    )
  );
  return (
    sameSignature ??
    interp.chooseOverload(overrides, args, types, `${self.cls.name}.${method.name}`)
  );
}

/**
 * Reads a variable of the code at this point by name at run time, as dynamic SOQL binds do: the
 * locals in scope, then this class's fields and properties.
 */
function variableReader(
  ctx: Context,
  scope: Scope,
  loc: Loc
): (frame: Frame, name: string) => unknown {
  const locals = scope.visible();
  return (frame, name) => {
    const local = locals.get(name.toLowerCase());
    if (local) return frame.locals[local.slot];
    const member = memberLValue(ctx, name, loc);
    if (member) return member.reference(frame).get();
    throw new ApexRuntimeError('System.QueryException', `Variable does not exist: ${name}`);
  };
}

function compileStaticCall(
  ctx: Context,
  scope: Scope,
  target: StaticTarget,
  name: string,
  evs: Eval[],
  types: (TypeRef | null)[],
  loc: Loc
): Compiled {
  const interp = ctx.interp;
  const key = name.toLowerCase();
  switch (target.kind) {
    case 'class': {
      const cls = target.cls;
      if (cls.kind === 'enum') {
        if (key === 'values') {
          return value(
            () => new ApexList(typeNamed(cls.name), [...cls.enumValues]),
            listOf(typeNamed(cls.name))
          );
        }
        if (key === 'valueof') {
          return value(
            (frame) => enumValueOf(cls.name, cls.enumValues, evs[0](frame)),
            typeNamed(cls.name)
          );
        }
      }
      const candidates = cls.findMethods(name).filter((m) => m.isStatic);
      if (candidates.length === 0) {
        throw new CompileFailure(
          ctx.file,
          loc,
          `Method does not exist or incorrect signature: ${cls.name}.${name}`
        );
      }
      return value((frame) => {
        frame.entry.line = loc.line;
        frame.entry.column = loc.column;
        const args = evalArgs(frame, evs);
        const method = interp.chooseOverload(candidates, args, types, `${cls.name}.${name}`);
        return interp.invoke(frame, method, null, args);
      }, candidates[0].returnType);
    }
    case 'native': {
      const type = target.type;
      const fn = type.statics?.[key];
      if (!fn) {
        if (type.enumConstants.length > 0 && key === 'values') {
          return value(
            () => new ApexList(typeNamed(type.name), [...type.enumConstants]),
            listOf(typeNamed(type.name))
          );
        }
        if (type.enumConstants.length > 0 && key === 'valueof') {
          return value(
            (frame) => enumValueOf(type.name, type.enumConstants, evs[0](frame)),
            typeNamed(type.name)
          );
        }
        throw new CompileFailure(ctx.file, loc, `not supported offline: ${type.name}.${name}()`);
      }
      const variables = type.name === 'Database' ? variableReader(ctx, scope, loc) : undefined;
      return value((frame) => {
        frame.entry.line = loc.line;
        frame.entry.column = loc.column;
        return fn(
          frame,
          evalArgs(frame, evs),
          types,
          variables && ((name) => variables(frame, name))
        );
      }, null);
    }
    case 'sobject': {
      const objectName = target.object.name;
      return value((frame) => {
        frame.entry.line = loc.line;
        frame.entry.column = loc.column;
        return sobjectStaticCall(frame, objectName, name, evalArgs(frame, evs));
      }, null);
    }
  }
}

function compileNew(ctx: Context, scope: Scope, expr: Extract<Expr, { kind: 'new' }>): Compiled {
  const type = resolveType(ctx, expr.type);
  const program = ctx.interp.program;
  const interp = ctx.interp;
  const collection = type.name;
  if (collection === 'List' || collection === 'Set' || collection === 'Map') {
    return compileNewCollection(ctx, scope, expr, type);
  }
  const object = program.schema.object(type.name);
  if (object && program.schema.object(type.name)?.name === type.name) {
    const assignments = (expr.args ?? []).map((arg) => {
      if (arg.kind !== 'assign' || arg.op !== '=' || arg.target.kind !== 'name') {
        throw new CompileFailure(
          ctx.file,
          arg.loc,
          `Invalid initial expression for ${object.name}: use Field = value`
        );
      }
      return {
        field: arg.target.name,
        value: compileValue(ctx, scope, arg.value).ev,
        loc: arg.loc
      };
    });
    return value((frame) => {
      const record = newRecord(frame, object.name);
      for (const assignment of assignments) {
        writeField(frame, record, assignment.field, assignment.value(frame));
      }
      return record;
    }, type);
  }
  const cls = program.classNamed(type.name);
  const { evs, types } = compileArgs(ctx, scope, expr.args ?? []);
  if (cls) {
    return value((frame) => {
      frame.entry.line = expr.loc.line;
      frame.entry.column = expr.loc.column;
      return interp.construct(frame, cls, evalArgs(frame, evs), types);
    }, type);
  }
  const native = nativeType(type.name);
  if (native?.construct) {
    const construct = native.construct;
    return value((frame) => construct(frame, evalArgs(frame, evs)), type);
  }
  throw new CompileFailure(ctx.file, expr.loc, `not supported offline: new ${type.name}`);
}

function compileNewCollection(
  ctx: Context,
  scope: Scope,
  expr: Extract<Expr, { kind: 'new' }>,
  type: TypeRef
): Compiled {
  const [first, second] = type.args;
  if (type.name === 'Map') {
    const entries = (expr.entries ?? []).map(([k, v]) => [
      compileValue(ctx, scope, k).ev,
      compileValue(ctx, scope, v).ev
    ]);
    const copy = expr.args?.[0] ? compileValue(ctx, scope, expr.args[0]).ev : undefined;
    return value((frame) => {
      const map = new ApexMap(first, second);
      if (copy) {
        const source = copy(frame);
        if (source === null) throw nullPointer();
        if (source instanceof ApexMap) {
          for (const [k, v] of source.entryList()) map.set(k, v);
        } else if (source instanceof ApexList) {
          // new Map<Id, SObject>(records): keyed by Id.
          for (const item of source.items) {
            if (item instanceof SObjectValue) map.set(coerce(item.get('Id') ?? null, first), item);
          }
        }
      }
      for (const [k, v] of entries) map.set(coerce(k(frame), first), coerce(v(frame), second));
      return map;
    }, type);
  }
  const elements = (expr.elements ?? []).map((element) => compileValue(ctx, scope, element).ev);
  const copy = expr.args?.[0] ? compileValue(ctx, scope, expr.args[0]).ev : undefined;
  const size = expr.arraySize ? compileValue(ctx, scope, expr.arraySize).ev : undefined;
  if (type.name === 'Set') {
    return value((frame) => {
      const set = new ApexSet(first);
      if (copy) {
        const source = copy(frame);
        if (source === null) throw nullPointer();
        for (const item of iterate(frame, source)) set.add(coerce(item, first));
      }
      for (const element of elements) set.add(coerce(element(frame), first));
      return set;
    }, type);
  }
  return value((frame) => {
    const list = new ApexList(first);
    if (copy) {
      const source = copy(frame);
      if (typeof source === 'number') {
        // new List<X>(size) is not Apex; an Integer argument is a compile error there.
        throw new ApexRuntimeError('System.TypeException', 'Invalid list initializer');
      }
      if (source === null) throw nullPointer();
      for (const item of iterate(frame, source)) list.items.push(coerce(item, first));
    }
    if (size) {
      const length = size(frame);
      if (typeof length !== 'number') throw nullPointer();
      list.items = new Array<unknown>(length).fill(null);
    }
    for (const element of elements) list.items.push(coerce(element(frame), first));
    return list;
  }, type);
}

function compileUnary(
  ctx: Context,
  scope: Scope,
  expr: Extract<Expr, { kind: 'unary' }>
): Compiled {
  const operand = compileValue(ctx, scope, expr.expr);
  switch (expr.op) {
    case '!':
      return value((frame) => {
        const v = operand.ev(frame);
        if (v === null || v === undefined) throw nullPointer();
        return !v;
      }, BOOLEAN_TYPE);
    case '-':
      return value((frame) => negate(operand.ev(frame)), operand.type);
    case '+':
      return operand.type ? value(operand.ev, operand.type) : value(operand.ev, null);
    case '~':
      return value((frame) => {
        const v = operand.ev(frame);
        if (typeof v === 'number') return ~v;
        if (typeof v === 'bigint') return BigInt.asIntN(64, ~v);
        // `~` complements a Boolean too (Apex Developer Guide, "Expression Operators").
        if (typeof v === 'boolean') return !v;
        throw nullPointer();
      }, operand.type);
  }
}

/** Integer operands of these operators need no type dispatch (division does: by zero). */
const INTEGER_FAST_PATHS: Partial<Record<string, (a: number, b: number) => unknown>> = {
  '-': (a, b) => (a - b) | 0,
  '*': (a, b) => Math.imul(a, b),
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b
};

function compileBinary(
  ctx: Context,
  scope: Scope,
  expr: Extract<Expr, { kind: 'binary' }>
): Compiled {
  const left = compileValue(ctx, scope, expr.left);
  const right = compileValue(ctx, scope, expr.right);
  const op = expr.op;
  const l = left.ev;
  const r = right.ev;
  if (op === '+') {
    const stringContext = left.type?.name === 'String' || right.type?.name === 'String';
    if (stringContext) {
      return value((frame) => plus(l(frame), r(frame), true, (v) => toText(frame, v)), STRING_TYPE);
    }
    return value(
      (frame) => {
        const a = l(frame);
        const b = r(frame);
        // Integer + Integer, the common case, wraps at 32 bits without a detour.
        if (typeof a === 'number' && typeof b === 'number') return (a + b) | 0;
        return plus(a, b, false, (v) => toText(frame, v));
      },
      arithmeticType(left.type, right.type)
    );
  }
  if ((op === '==' || op === '!=') && (left.type?.name === 'Id' || right.type?.name === 'Id')) {
    const equal = op === '==';
    return value((frame) => idEquals(l(frame), r(frame)) === equal, BOOLEAN_TYPE);
  }
  const integerFast = INTEGER_FAST_PATHS[op];
  if (integerFast) {
    const comparison = op !== '-' && op !== '*';
    return value(
      (frame) => {
        const a = l(frame);
        const b = r(frame);
        if (typeof a === 'number' && typeof b === 'number') return integerFast(a, b);
        return binary(op, a, b);
      },
      comparison ? BOOLEAN_TYPE : arithmeticType(left.type, right.type)
    );
  }
  const comparison = ['<', '<=', '>', '>=', '==', '!=', '===', '!=='].includes(op);
  const bitwise = ['&', '|', '^', '<<', '>>', '>>>'].includes(op);
  return value(
    (frame) => binary(op, l(frame), r(frame)),
    comparison ? BOOLEAN_TYPE : bitwise ? left.type : arithmeticType(left.type, right.type)
  );
}

const NUMERIC_ORDER = ['Integer', 'Long', 'Double', 'Decimal'];

/**
 * The declared type of an arithmetic result: the wider of two numeric operands (Integer, Long,
 * Double, Decimal), a Date or Datetime plus days; unknown otherwise.
 */
function arithmeticType(left: TypeRef | null, right: TypeRef | null): TypeRef | null {
  if (!left || !right) return null;
  if (left.name === 'Date' || left.name === 'Datetime' || left.name === 'Time') return left;
  const a = NUMERIC_ORDER.indexOf(left.name);
  const b = NUMERIC_ORDER.indexOf(right.name);
  if (a < 0 || b < 0) return null;
  return typeNamed(NUMERIC_ORDER[Math.max(a, b)]);
}

function compileLValue(ctx: Context, scope: Scope, target: Expr): LValue {
  switch (target.kind) {
    case 'name': {
      const local = scope.find(target.name);
      if (local) {
        const slot = local.slot;
        const type = local.type;
        return {
          type,
          assign: (frame, v) => {
            frame.locals[slot] = coerce(v, type);
          },
          reference: (frame) => ({
            get: () => frame.locals[slot],
            set: (v) => {
              frame.locals[slot] = coerce(v, type);
            }
          })
        };
      }
      const member = memberLValue(ctx, target.name, target.loc);
      if (member) return member;
      throw new CompileFailure(ctx.file, target.loc, `Variable does not exist: ${target.name}`);
    }
    case 'field': {
      const object = compileExpr(ctx, scope, target.target);
      if (object.kind === 'static')
        return staticLValue(ctx, object.target, target.name, target.loc);
      const receiver = object.ev;
      const name = target.name;
      const type = memberType(ctx, object.type, name);
      const get = (frame: Frame) => {
        const self = receiver(frame);
        if (self === null || self === undefined) throw nullPointer();
        return self;
      };
      return {
        type,
        assign: (frame, v) => setMember(frame, get(frame), name, v),
        reference: (frame) => {
          const self = get(frame);
          return {
            get: () => getMember(frame, self, name),
            set: (v) => setMember(frame, self, name, v)
          };
        }
      };
    }
    case 'index': {
      const list = compileValue(ctx, scope, target.target).ev;
      const index = compileValue(ctx, scope, target.index).ev;
      return {
        type: null,
        assign: (frame, v) => indexSet(frame, list(frame), index(frame), v),
        reference: (frame) => {
          const l = list(frame);
          const i = index(frame);
          return { get: () => indexGet(frame, l, i), set: (v) => indexSet(frame, l, i, v) };
        }
      };
    }
    default:
      throw new CompileFailure(ctx.file, target.loc, 'Expression cannot be assigned');
  }
}

function staticLValue(ctx: Context, target: StaticTarget, name: string, loc: Loc): LValue {
  if (target.kind === 'class') {
    const field = target.cls.findField(name);
    if (field?.isStatic) {
      return staticStorage(
        ctx.interp,
        target.cls.ownerOfStatic(name) as ClassInfo,
        name.toLowerCase(),
        field.type
      );
    }
    const property = target.cls.findProperty(name);
    if (property?.isStatic)
      return propertyLValue(ctx, property, target.cls.ownerOfStatic(name) as ClassInfo, loc);
  }
  throw new CompileFailure(
    ctx.file,
    loc,
    `Expression cannot be assigned: ${describeStatic(target)}.${name}`
  );
}

function compileAssign(
  ctx: Context,
  scope: Scope,
  expr: Extract<Expr, { kind: 'assign' }>
): Compiled {
  const lvalue = compileLValue(ctx, scope, expr.target);
  const right = compileValue(ctx, scope, expr.value);
  const rhs = right.ev;
  if (expr.op === '=') {
    return value((frame) => {
      const v = rhs(frame);
      lvalue.assign(frame, v);
      return v;
    }, lvalue.type);
  }
  const op = expr.op.slice(0, -1) as '+' | '-' | '*' | '/' | '&' | '|' | '^' | '>>' | '>>>' | '<<';
  const stringContext = lvalue.type?.name === 'String';
  const local = expr.target.kind === 'name' ? scope.find(expr.target.name) : undefined;
  const integerFast = op === '+' ? (a: number, b: number) => (a + b) | 0 : INTEGER_FAST_PATHS[op];
  if (local?.type.name === 'Integer' && integerFast) {
    // `total += x` on an Integer local.
    const slot = local.slot;
    return value((frame) => {
      const current = frame.locals[slot];
      const operand = rhs(frame);
      const result =
        typeof current === 'number' && typeof operand === 'number'
          ? integerFast(current, operand)
          : op === '+'
            ? plus(current, operand, false, (v) => toText(frame, v))
            : binary(op, current, operand);
      frame.locals[slot] = coerce(result, local.type);
      return frame.locals[slot];
    }, lvalue.type);
  }
  return value((frame) => {
    const ref = lvalue.reference(frame);
    const current = ref.get();
    const operand = rhs(frame);
    const result =
      op === '+'
        ? plus(current, operand, stringContext, (v) => toText(frame, v))
        : binary(op, current, operand);
    ref.set(result);
    return result;
  }, lvalue.type);
}

function compileIncrement(
  ctx: Context,
  scope: Scope,
  expr: Extract<Expr, { kind: 'increment' }>
): Compiled {
  const lvalue = compileLValue(ctx, scope, expr.target);
  const delta = expr.op === '++' ? 1 : -1;
  const prefix = expr.prefix;
  const local = expr.target.kind === 'name' ? scope.find(expr.target.name) : undefined;
  if (local?.type.name === 'Integer') {
    // `i++` on an Integer local, every counted loop's update.
    const slot = local.slot;
    return value((frame) => {
      const current = frame.locals[slot];
      if (typeof current !== 'number') throw nullPointer();
      const next = (current + delta) | 0;
      frame.locals[slot] = next;
      return prefix ? next : current;
    }, lvalue.type);
  }
  return value((frame) => {
    const ref = lvalue.reference(frame);
    const current = ref.get();
    if (current === null || current === undefined) throw nullPointer();
    const next = plus(current, delta, false, String);
    ref.set(next);
    return prefix ? next : current;
  }, lvalue.type);
}

// ---------------------------------------------------------------------------------------------
// SOQL

/** Every `:bind` expression in an inline query, compiled in the scope where the query is written. */
interface ParseTreeNode {
  children?: ParseTreeNode[] | null;
}

function compileBinds(
  ctx: Context,
  scope: Scope,
  query: ParseTreeNode
): Map<ExpressionContext, Eval> {
  const binds = new Map<ExpressionContext, Eval>();
  const visit = (node: ParseTreeNode) => {
    if (node instanceof BoundExpressionContext) {
      const expression = node.expression();
      const ast = expressionFromParseTree(expression, ctx.file);
      binds.set(expression, compileValue(ctx, scope, ast).ev);
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(query);
  return binds;
}

function compileSoql(ctx: Context, scope: Scope, expr: Extract<Expr, { kind: 'soql' }>): Compiled {
  const binds = compileBinds(ctx, scope, expr.query as unknown as ParseTreeNode);
  let prepared: unknown;
  return value(
    (frame) => {
      prepared ??= frame.ctx.platform.prepareInlineQuery(expr.query, ctx.file, expr.loc);
      return frame.ctx.platform.runQuery(frame, prepared, (bindExpression) => {
        const evaluate = binds.get(bindExpression as ExpressionContext);
        if (!evaluate) throw new Error('Unknown bind expression');
        return evaluate(frame);
      });
    },
    queryType(ctx, expr)
  );
}

/**
 * The declared type of an inline query: `Integer` for `SELECT COUNT()`, a list of
 * AggregateResult for aggregate queries, else a list of the queried object.
 */
function queryType(ctx: Context, expr: Extract<Expr, { kind: 'soql' }>): TypeRef {
  const query = soqlFromParseTree(expr.query);
  const functions = query.select.flatMap((item) => (item.kind === 'function' ? [item.call] : []));
  const countOnly =
    query.select.length === 1 &&
    functions.some((call) => call.kind === 'aggregate' && call.name === 'COUNT' && !call.field);
  if (countOnly) return INTEGER_TYPE;
  if (query.groupBy || functions.some((call) => call.kind === 'aggregate')) {
    return listOf(typeNamed('AggregateResult'));
  }
  const object = ctx.interp.program.schema.object(query.from.name);
  return listOf(object ? typeNamed(object.name) : SOBJECT_TYPE);
}

/**
 * Runs Apex test classes as the platform does (Apex Developer Guide, "Running Unit Test
 * Methods"): every `@IsTest` method of every `@IsTest` class, each in a transaction of its own on
 * a fresh test org (users, metadata and Custom Metadata records only: SeeAllData=false), after the
 * class's `@TestSetup` methods, whose data each method then starts from. Reports each method's
 * outcome with the failure's message and Apex stack, whether it asserted anything, and the line
 * coverage of every non-test class and trigger.
 */
import { performance } from 'node:perf_hooks';
import type { ApexProject } from '../metadata/loadProject';
import { testOrg, type ApexOrg } from '../platform/orgs';
import { NotSupportedOfflineError } from '../stdlib/apexErrors';
import type { ClassInfo, MethodInfo } from '../interpreter/classInfo';
import { ExecutionContext } from '../interpreter/executionContext';
import { Frame } from '../interpreter/frame';
import { Interpreter } from '../interpreter/interpreter';
import { CompileFailure } from '../interpreter/compiler';
import { ApexThrow } from '../interpreter/objects';
import { formatStack } from '../interpreter/stackTrace';
import { OrgSession } from '../execution/orgSession';
import { coverageReport, type CoverageReport } from './coverageReport';
import { loadProgram } from './loadProgram';

export interface TestRunOptions {
  /** Only these classes (case-insensitive). */
  classNames?: readonly string[];
  /** Only these methods, `Class.method` (case-insensitive). */
  tests?: readonly string[];
}

export interface TestMethodResult {
  className: string;
  methodName: string;
  outcome: 'Pass' | 'Fail';
  /** `System.AssertException: Assertion Failed: ...` for a failure. */
  message?: string;
  /** The Apex stack of a failure, innermost frame first. */
  stack?: string;
  durationMs: number;
  /** How many assertions the method made; 0 is reported as a warning, as PMD does. */
  assertions: number;
}

export interface TestRunResult {
  methods: TestMethodResult[];
  coverage: CoverageReport;
  durationMs: number;
}

function isTestMethod(method: MethodInfo): boolean {
  const decl = method.decl;
  const annotated = method.annotations.some((annotation) => annotation.name === 'istest');
  const legacy = decl !== undefined && 'modifiers' in decl && decl.modifiers.isTestMethod;
  return (
    method.isStatic &&
    method.params.length === 0 &&
    method.returnType === null &&
    (annotated || legacy)
  );
}

function isSetupMethod(method: MethodInfo): boolean {
  return (
    method.isStatic && method.annotations.some((annotation) => annotation.name === 'testsetup')
  );
}

/** The test classes and methods selected, in name order. */
export function selectTests(
  interpreter: Interpreter,
  options: TestRunOptions
): { cls: ClassInfo; methods: MethodInfo[] }[] {
  const classNames = options.classNames?.map((name) => name.toLowerCase());
  const tests = options.tests?.map((name) => name.toLowerCase());
  return interpreter.program.topLevel
    .filter((cls) => cls.isTest && cls.kind === 'class' && !cls.isAbstract)
    .filter((cls) => !classNames || classNames.includes(cls.name.toLowerCase()))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((cls) => ({
      cls,
      methods: [...cls.methods.values()]
        .flat()
        .filter(isTestMethod)
        .filter((method) => !tests || tests.includes(`${cls.name}.${method.name}`.toLowerCase()))
        .sort((a, b) => (a.decl?.loc.line ?? 0) - (b.decl?.loc.line ?? 0))
    }))
    .filter((entry) => entry.methods.length > 0);
}

/** A transaction on an org, as the org's administrator runs tests. */
function newTransaction(
  interpreter: Interpreter,
  org: ApexOrg
): { ctx: ExecutionContext; session: OrgSession } {
  const session = new OrgSession(interpreter, org, { inTest: true });
  const ctx = new ExecutionContext(interpreter, session, session.runningUser(org.adminUserId));
  session.attach(ctx);
  ctx.testState = { started: false, stopped: false, assertions: 0 };
  return { ctx, session };
}

/** Calls a static method with no arguments in a fresh frame of its class. */
function callStatic(interpreter: Interpreter, ctx: ExecutionContext, method: MethodInfo): void {
  const frame = new Frame(ctx, method.owner, null, null, false, 0, {
    where: `Class.${method.owner.name}`,
    file: method.owner.file,
    line: method.decl?.loc.line ?? 0,
    column: 1
  });
  interpreter.invoke(frame, method, null, []);
}

function failureOf(error: unknown): { message: string; stack?: string } {
  if (error instanceof ApexThrow) {
    const state = error.state;
    return {
      message: `${error.exception.cls.typeName}: ${state.message ?? ''}`,
      stack: formatStack(state.stack)
    };
  }
  if (error instanceof NotSupportedOfflineError) return { message: error.message };
  if (error instanceof CompileFailure) return { message: `Compile error: ${error.message}` };
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  return { message: `Internal error of the offline runtime: ${text}` };
}

export function runTests(project: ApexProject, options: TestRunOptions = {}): TestRunResult {
  const started = performance.now();
  const interpreter = new Interpreter(loadProgram(project));
  const methods: TestMethodResult[] = [];
  for (const { cls, methods: tests } of selectTests(interpreter, options)) {
    let base = testOrg(project);
    let setupFailure: { message: string; stack?: string } | undefined;
    const setups = [...cls.methods.values()].flat().filter(isSetupMethod);
    if (setups.length > 0) {
      const { ctx } = newTransaction(interpreter, base);
      try {
        for (const setup of setups) callStatic(interpreter, ctx, setup);
        ctx.platform.runQueuedJobs(
          new Frame(ctx, cls, null, null, false, 0, {
            where: 'TestSetup',
            file: cls.file,
            line: 0,
            column: 0
          })
        );
      } catch (error) {
        setupFailure = failureOf(error);
      }
      base = base.fork();
    }
    for (const method of tests) {
      const methodStart = performance.now();
      const org = base.fork();
      const { ctx } = newTransaction(interpreter, org);
      let failure = setupFailure;
      if (!failure) {
        try {
          callStatic(interpreter, ctx, method);
        } catch (error) {
          failure = failureOf(error);
        }
      }
      methods.push({
        className: cls.name,
        methodName: method.name,
        outcome: failure ? 'Fail' : 'Pass',
        message: failure?.message,
        stack: failure?.stack,
        durationMs: Math.round(performance.now() - methodStart),
        assertions: ctx.testState?.assertions ?? 0
      });
    }
  }
  return {
    methods,
    coverage: coverageReport(interpreter.coverage),
    durationMs: Math.round(performance.now() - started)
  };
}

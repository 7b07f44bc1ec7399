/**
 * Calls an `@AuraEnabled` Apex method as Lightning components call it (`@salesforce/apex`): the
 * parameters by name from JSON into the method's declared types, the method run as the user in a
 * transaction of its own (rolled back when it throws, as the platform does), the result serialised
 * as the framework serialises it (Lightning Aura Components Developer Guide, "Returning Data from an
 * Apex Server-Side Controller": only `@AuraEnabled` members of Apex objects), and errors as the
 * client receives them: an AuraHandledException's message, any other exception behind a generic
 * message. A `cacheable=true` method may not change data: its DML limit is 0.
 */
import type { ApexOrg } from '../platform/orgs';
import type { ClassInfo, MethodInfo } from '../interpreter/classInfo';
import { ExecutionContext } from '../interpreter/executionContext';
import { Frame } from '../interpreter/frame';
import { Interpreter } from '../interpreter/interpreter';
import { SYNCHRONOUS_LIMITS } from '../interpreter/limits';
import { ApexThrow, exceptionState } from '../interpreter/objects';
import type { Program } from '../interpreter/program';
import { formatStack } from '../interpreter/stackTrace';
import { OrgSession } from '../execution/orgSession';
import { ApexRuntimeError, NotSupportedOfflineError } from '../stdlib/apexErrors';
import { typeToString } from '../values/typeRef';
import { fromJson } from '../system/json';
import { loadProgram } from '../testing/loadProgram';
import { jsonNodeOf, serializeForLightning } from './lightningJson';

/** What the client is told of an exception other than AuraHandledException. */
export const INTERNAL_ERROR_MESSAGE = 'An internal server error has occurred';

export interface AuraRequest {
  className: string;
  methodName: string;
  params: Readonly<Record<string, unknown>>;
  userId: string;
}

export type AuraResponse =
  | { ok: true; value: unknown; session: OrgSession }
  | {
      ok: false;
      /** 400 a call the platform refuses, 403 no access to the class, 404 no such method, 500 an exception. */
      status: number;
      message: string;
      exceptionType?: string;
      /** For the developer console: the exception and its Apex stack (never sent as the message). */
      detail?: string;
      session?: OrgSession;
    };

function isAuraEnabled(method: MethodInfo): boolean {
  return method.annotations.some((annotation) => annotation.name === 'auraenabled');
}

function isCacheable(method: MethodInfo): boolean {
  const annotation = method.annotations.find((candidate) => candidate.name === 'auraenabled');
  const cacheable = annotation?.params.get('cacheable');
  return cacheable?.kind === 'boolean' && cacheable.value;
}

/** The `@AuraEnabled` static method a component can call, matched by name and parameter names. */
export function auraEnabledMethod(
  program: Program,
  request: Pick<AuraRequest, 'className' | 'methodName' | 'params'>
): MethodInfo | undefined {
  const cls: ClassInfo | undefined = program.classNamed(request.className);
  if (!cls || cls.outer) return undefined;
  const given = new Set(Object.keys(request.params).map((name) => name.toLowerCase()));
  const candidates = (cls.methods.get(request.methodName.toLowerCase()) ?? []).filter(
    (method) =>
      method.isStatic &&
      isAuraEnabled(method) &&
      (method.access === 'public' || method.access === 'global')
  );
  return (
    candidates.find((method) =>
      [...given].every((name) => method.params.some((param) => param.name.toLowerCase() === name))
    ) ?? candidates[0]
  );
}

export function invokeAuraEnabled(
  org: ApexOrg,
  request: AuraRequest,
  program: Program = loadProgram(org.project)
): AuraResponse {
  const method = auraEnabledMethod(program, request);
  if (!method) {
    return {
      ok: false,
      status: 404,
      message: `No @AuraEnabled method ${request.className}.${request.methodName}`
    };
  }
  if (!org.userAccess(request.userId).canRunApexClass(method.owner.name)) {
    return {
      ok: false,
      status: 403,
      message: `You do not have access to the Apex class named '${method.owner.name}'.`
    };
  }
  const interpreter = new Interpreter(program);
  const session = new OrgSession(interpreter, org, { inTest: false });
  const limits = isCacheable(method)
    ? { ...SYNCHRONOUS_LIMITS, dmlStatements: 0 }
    : SYNCHRONOUS_LIMITS;
  const ctx = new ExecutionContext(
    interpreter,
    session,
    session.runningUser(request.userId),
    limits
  );
  session.attach(ctx);
  const frame = new Frame(ctx, method.owner, null, null, true, 0, {
    where: `Aura.${method.owner.name}.${method.name}`,
    file: method.owner.file,
    line: 0,
    column: 0
  });
  const before = org.database.snapshot();
  let committed = false;
  try {
    const byName = new Map(
      Object.entries(request.params).map(([name, value]) => [name.toLowerCase(), value])
    );
    const args: unknown[] = [];
    for (const param of method.params) {
      const value = byName.get(param.name.toLowerCase());
      try {
        args.push(
          value === undefined || value === null
            ? null
            : fromJson(frame, jsonNodeOf(value), param.type, false)
        );
      } catch (error) {
        if (!(error instanceof ApexThrow) && !(error instanceof ApexRuntimeError)) throw error;
        // The framework refuses the call before the method runs.
        return {
          ok: false,
          status: 400,
          message: `Value provided is invalid for action parameter '${param.name}' of type '${typeToString(param.type)}'`
        };
      }
    }
    const result = interpreter.invoke(frame, method, null, args);
    const value = serializeForLightning(frame, result);
    committed = true;
    // Jobs the method queued run after its transaction commits, each in a transaction of its own.
    session.runQueuedJobs(frame);
    return { ok: true, value, session };
  } catch (error) {
    if (committed) throw error;
    // An exception the method does not catch rolls the whole transaction back.
    org.database.restore(before);
    if (error instanceof ApexThrow) {
      const state = exceptionState(error.exception);
      const typeName = error.exception.cls.typeName;
      const detail = `${typeName}: ${state.message ?? ''}\n${formatStack(state.stack)}`;
      if (state.auraMessage !== undefined) {
        return {
          ok: false,
          status: 500,
          message: state.auraMessage,
          exceptionType: typeName,
          detail,
          session
        };
      }
      return {
        ok: false,
        status: 500,
        message: INTERNAL_ERROR_MESSAGE,
        exceptionType: typeName,
        detail,
        session
      };
    }
    if (error instanceof NotSupportedOfflineError) {
      return {
        ok: false,
        status: 500,
        message: INTERNAL_ERROR_MESSAGE,
        detail: error.message,
        session
      };
    }
    throw error;
  }
}

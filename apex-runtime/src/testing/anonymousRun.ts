/**
 * Runs anonymous Apex on an org as a user, like `sf apex run`: the block compiles, runs in one
 * transaction, then the asynchronous jobs it queued run; the result holds the debug log and, on
 * failure, the exception with its Apex stack or the compile problem with its line.
 */
import type { ApexOrg } from '../platform/orgs';
import { ApexSyntaxError } from '../parse/astBuilder';
import { NotSupportedOfflineError } from '../stdlib/apexErrors';
import { compileAnonymous, runAnonymous } from '../interpreter/anonymous';
import { CompileFailure } from '../interpreter/compiler';
import { ExecutionContext, type DebugLine } from '../interpreter/executionContext';
import { Frame } from '../interpreter/frame';
import { Interpreter } from '../interpreter/interpreter';
import { ApexThrow } from '../interpreter/objects';
import { CompileError, type Program } from '../interpreter/program';
import { formatStack } from '../interpreter/stackTrace';
import { OrgSession } from '../execution/orgSession';
import { loadProgram } from './loadProgram';

export interface AnonymousResult {
  compiled: boolean;
  success: boolean;
  /** `line N, column M: message` when the block does not compile. */
  compileProblem?: string;
  /** `System.X: message` when it threw, or what the runtime does not support. */
  exceptionMessage?: string;
  /** The Apex stack, innermost frame first. */
  exceptionStackTrace?: string;
  debugLog: DebugLine[];
  session: OrgSession;
}

export interface AnonymousOptions {
  /** The user the block runs as (the org's administrator by default). */
  userId?: string;
  /** The classes and triggers in the org (the project's by default). */
  program?: Program;
}

export function runAnonymousApex(
  org: ApexOrg,
  source: string,
  options: AnonymousOptions = {}
): AnonymousResult {
  const userId = options.userId ?? org.adminUserId;
  const interpreter = new Interpreter(options.program ?? loadProgram(org.project));
  const session = new OrgSession(interpreter, org, { inTest: false });
  const ctx = new ExecutionContext(interpreter, session, session.runningUser(userId));
  session.attach(ctx);
  const result = (fields: Partial<AnonymousResult>): AnonymousResult => ({
    compiled: true,
    success: false,
    debugLog: ctx.debugLog,
    session,
    ...fields
  });
  let body;
  try {
    body = compileAnonymous(interpreter, source);
  } catch (error) {
    if (
      error instanceof ApexSyntaxError ||
      error instanceof CompileError ||
      error instanceof CompileFailure
    ) {
      const where =
        error instanceof CompileFailure ? error.loc : { line: error.line, column: error.column };
      return result({
        compiled: false,
        compileProblem: `line ${where.line}, column ${where.column}: ${error.detail}`
      });
    }
    throw error;
  }
  const before = org.database.snapshot();
  try {
    runAnonymous(ctx, body);
  } catch (error) {
    // An exception the block does not catch rolls its whole transaction back; its emails are
    // not sent (the platform sends them at commit).
    org.database.restore(before);
    session.emails.splice(0);
    return failureOf(error, result);
  }
  try {
    // Jobs the block queued run after it commits, each in a transaction of its own.
    session.runQueuedJobs(
      new Frame(ctx, null, null, null, true, 0, {
        where: 'AnonymousBlock',
        file: 'AnonymousBlock',
        line: 1,
        column: 1
      })
    );
    return result({ success: true });
  } catch (error) {
    return failureOf(error, result);
  }
}

function failureOf(
  error: unknown,
  result: (fields: Partial<AnonymousResult>) => AnonymousResult
): AnonymousResult {
  if (error instanceof ApexThrow) {
    return result({
      exceptionMessage: `${error.exception.cls.typeName}: ${error.state.message ?? ''}`,
      exceptionStackTrace: formatStack(error.state.stack)
    });
  }
  if (error instanceof CompileFailure) {
    return result({
      compiled: false,
      compileProblem: `line ${error.loc.line}, column ${error.loc.column}: ${error.detail}`
    });
  }
  if (error instanceof NotSupportedOfflineError) return result({ exceptionMessage: error.message });
  throw error;
}

/**
 * Anonymous Apex (`sf apex run`): the block's declarations become a synthetic class, its
 * statements run as a static method of it, with sharing, as the running user.
 */
import { parseAnonymous } from '../parse/astBuilder';
import type { CompiledBody } from './classInfo';
import { compileTopLevel } from './compiler';
import type { ExecutionContext } from './executionContext';
import type { Interpreter } from './interpreter';

export const ANONYMOUS_FILE = 'AnonymousBlock';

export function compileAnonymous(interpreter: Interpreter, source: string): CompiledBody {
  const block = parseAnonymous(source, ANONYMOUS_FILE);
  const cls = interpreter.program.declareAnonymous(block, ANONYMOUS_FILE);
  return compileTopLevel(interpreter, ANONYMOUS_FILE, block.body.body, cls);
}

/** Runs the block; Apex exceptions propagate as ApexThrow. */
export function runAnonymous(ctx: ExecutionContext, body: CompiledBody): void {
  ctx.interpreter.runBlock(
    ctx,
    body,
    { where: ANONYMOUS_FILE, file: ANONYMOUS_FILE, line: 1, column: 1 },
    true
  );
}

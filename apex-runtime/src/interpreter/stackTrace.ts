/**
 * Apex stack traces as `getStackTraceString()` and `sf apex run` print them: innermost frame
 * first, one per line, `Class.RuleEngine.evaluate: line 12, column 1`.
 */
import type { StackEntry } from './objects';

export function formatStack(stack: readonly StackEntry[]): string {
  return stack
    .map((entry) => `${entry.where}: line ${entry.line}, column ${entry.column}`)
    .join('\n');
}

/** A snapshot of the live call stack (innermost first); entries are copied, they keep moving. */
export function captureStack(callStack: readonly StackEntry[]): StackEntry[] {
  const copy: StackEntry[] = [];
  for (let i = callStack.length - 1; i >= 0; i--) copy.push({ ...callStack[i] });
  return copy;
}

/**
 * Runs conformance cases through the interpreter's test harness, or platform cases on a test org
 * (`runOnConformanceOrg`). Each area's test file makes one Jest test per case of its table and
 * compares the outcome the snippet had with the documented one.
 */
import { runApex } from '../../src/interpreter/__tests__/harness';
import type { ConformanceCase } from '../conformanceCase';
import { runOnConformanceOrg } from './runOnConformanceOrg';

/** `[title, case]` rows for `it.each`: the title names the behaviour and its page. */
export function conformanceTable(cases: readonly ConformanceCase[]): [string, ConformanceCase][] {
  return cases.map((testCase) => [`${testCase.name} (${testCase.source.title})`, testCase]);
}

/** The longest time limit a case of the table asks for (Jest's default when none does). */
export function timeoutFor(cases: readonly ConformanceCase[]): number | undefined {
  const limits = cases.flatMap((testCase) => (testCase.timeoutMs ? [testCase.timeoutMs] : []));
  return limits.length > 0 ? Math.max(...limits) : undefined;
}

export interface Outcomes {
  actual: { error: string | undefined; debug: string[]; line?: number };
  expected: { error: unknown; debug: readonly string[]; line?: number };
}

/** Runs the snippet; what it did and what the case documents, in the same shape. */
export function runConformanceCase(testCase: ConformanceCase): Outcomes {
  const result = testCase.org
    ? runOnConformanceOrg(testCase)
    : runApex(testCase.apex, { ...testCase.classes });
  const pinsLine = testCase.line !== undefined;
  return {
    actual: {
      error: result.error,
      debug: result.debug,
      ...(pinsLine ? { line: result.line } : {})
    },
    expected: {
      error:
        typeof testCase.error === 'object' ? expect.stringMatching(testCase.error) : testCase.error,
      debug: testCase.debug ?? [],
      ...(pinsLine ? { line: testCase.line } : {})
    }
  };
}

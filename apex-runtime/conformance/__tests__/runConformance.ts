/**
 * Runs a table of conformance cases through the interpreter's test harness, one Jest test per
 * case, named after the case and its documentation page.
 */
import { runApex } from '../../src/interpreter/__tests__/harness';
import type { ConformanceCase } from '../conformanceCase';

export function describeConformance(area: string, cases: readonly ConformanceCase[]): void {
  describe(`conformance: ${area}`, () => {
    for (const testCase of cases) {
      it(
        `${testCase.name} (${testCase.source.title})`,
        () => {
          const result = runApex(testCase.apex, { ...testCase.classes });
          if (testCase.error === undefined) {
            expect(result.error).toBeUndefined();
          } else if (typeof testCase.error === 'string') {
            expect(result.error).toBe(testCase.error);
          } else {
            expect(result.error).toMatch(testCase.error);
          }
          expect(result.debug).toEqual(testCase.debug ?? []);
          if (testCase.line !== undefined) expect(result.line).toBe(testCase.line);
        },
        testCase.timeoutMs
      );
    }
  });
}

import { arithmeticCases } from '../cases/arithmetic';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: arithmetic', () => {
  it.each(conformanceTable(arithmeticCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(arithmeticCases)
  );
});

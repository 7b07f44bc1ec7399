import { limitCases } from '../cases/limits';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: limits', () => {
  it.each(conformanceTable(limitCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(limitCases)
  );
});

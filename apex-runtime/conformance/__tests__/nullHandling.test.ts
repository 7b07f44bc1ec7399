import { nullHandlingCases } from '../cases/nullHandling';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: null handling', () => {
  it.each(conformanceTable(nullHandlingCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(nullHandlingCases)
  );
});

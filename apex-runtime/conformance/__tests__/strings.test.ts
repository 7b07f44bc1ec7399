import { stringCases } from '../cases/strings';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: String', () => {
  it.each(conformanceTable(stringCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(stringCases)
  );
});

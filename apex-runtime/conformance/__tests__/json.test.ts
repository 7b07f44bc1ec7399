import { jsonCases } from '../cases/json';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: JSON', () => {
  it.each(conformanceTable(jsonCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(jsonCases)
  );
});

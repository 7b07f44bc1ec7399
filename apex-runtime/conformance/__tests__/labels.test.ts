import { labelCases } from '../cases/labels';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: custom labels', () => {
  it.each(conformanceTable(labelCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(labelCases)
  );
});

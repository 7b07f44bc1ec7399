import { exceptionCases } from '../cases/exceptions';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: exceptions', () => {
  it.each(conformanceTable(exceptionCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(exceptionCases)
  );
});

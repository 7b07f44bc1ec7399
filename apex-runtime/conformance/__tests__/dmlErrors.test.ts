import { dmlErrorCases } from '../cases/dmlErrors';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: DML statements and errors', () => {
  it.each(conformanceTable(dmlErrorCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(dmlErrorCases)
  );
});

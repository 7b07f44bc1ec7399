import { asyncApexCases } from '../cases/asyncApex';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: asynchronous Apex from anonymous Apex', () => {
  it.each(conformanceTable(asyncApexCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(asyncApexCases)
  );
});

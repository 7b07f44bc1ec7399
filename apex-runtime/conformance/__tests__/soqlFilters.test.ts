import { soqlFilterCases } from '../cases/soqlFilters';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: SOQL filters', () => {
  it.each(conformanceTable(soqlFilterCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(soqlFilterCases)
  );
});

import { libraryCases } from '../cases/library';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: system library', () => {
  it.each(conformanceTable(libraryCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(libraryCases)
  );
});

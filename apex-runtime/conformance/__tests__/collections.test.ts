import { collectionCases } from '../cases/collections';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: collections', () => {
  it.each(conformanceTable(collectionCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(collectionCases)
  );
});

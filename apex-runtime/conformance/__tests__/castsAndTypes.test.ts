import { castCases } from '../cases/castsAndTypes';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: casts and types', () => {
  it.each(conformanceTable(castCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(castCases)
  );
});

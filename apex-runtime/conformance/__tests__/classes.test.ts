import { classCases } from '../cases/classes';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: classes', () => {
  it.each(conformanceTable(classCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(classCases)
  );
});

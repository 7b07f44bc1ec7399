import { platformLimitCases } from '../cases/platformLimits';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: platform limits', () => {
  it.each(conformanceTable(platformLimitCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(platformLimitCases)
  );
});

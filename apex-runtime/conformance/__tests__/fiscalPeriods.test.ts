import { fiscalPeriodCases } from '../cases/fiscalPeriods';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: fiscal periods', () => {
  it.each(conformanceTable(fiscalPeriodCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(fiscalPeriodCases)
  );
});

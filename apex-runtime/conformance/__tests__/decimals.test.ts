import { decimalCases } from '../cases/decimals';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: Decimal', () => {
  it.each(conformanceTable(decimalCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(decimalCases)
  );
});

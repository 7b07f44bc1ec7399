import { soqlDateLiteralCases } from '../cases/soqlDateLiterals';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: SOQL date literals and date functions', () => {
  it.each(conformanceTable(soqlDateLiteralCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(soqlDateLiteralCases)
  );
});

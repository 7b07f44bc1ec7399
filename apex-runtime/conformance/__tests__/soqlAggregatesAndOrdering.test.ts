import { soqlAggregateAndOrderingCases } from '../cases/soqlAggregatesAndOrdering';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: SOQL aggregates and ordering', () => {
  it.each(conformanceTable(soqlAggregateAndOrderingCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(soqlAggregateAndOrderingCases)
  );
});

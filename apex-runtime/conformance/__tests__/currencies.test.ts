import { currencyCases } from '../cases/currencies';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: currencies', () => {
  it.each(conformanceTable(currencyCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(currencyCases)
  );
});

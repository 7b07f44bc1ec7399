import { triggerCases } from '../cases/triggers';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: triggers', () => {
  it.each(conformanceTable(triggerCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(triggerCases)
  );
});

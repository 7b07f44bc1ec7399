import { dateAndTimeCases } from '../cases/datesAndTimes';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: Date, Datetime and Time', () => {
  it.each(conformanceTable(dateAndTimeCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(dateAndTimeCases)
  );
});

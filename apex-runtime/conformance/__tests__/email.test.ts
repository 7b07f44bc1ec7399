import { emailCases } from '../cases/email';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: email', () => {
  it.each(conformanceTable(emailCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(emailCases)
  );
});

import { sharingAndUserModeCases } from '../cases/sharingAndUserMode';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: sharing and user mode', () => {
  it.each(conformanceTable(sharingAndUserModeCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(sharingAndUserModeCases)
  );
});

import { enumAndSwitchCases } from '../cases/enumsAndSwitch';
import { conformanceTable, runConformanceCase, timeoutFor } from './runConformance';

describe('conformance: enums and switch', () => {
  it.each(conformanceTable(enumAndSwitchCases))(
    '%s',
    (_title, testCase) => {
      const { actual, expected } = runConformanceCase(testCase);
      expect(actual).toEqual(expected);
    },
    timeoutFor(enumAndSwitchCases)
  );
});

import { enumAndSwitchCases } from '../cases/enumsAndSwitch';
import { describeConformance } from './runConformance';

describeConformance('enums and switch', enumAndSwitchCases);

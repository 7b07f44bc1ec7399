import { stringCases } from '../cases/strings';
import { describeConformance } from './runConformance';

describeConformance('String', stringCases);

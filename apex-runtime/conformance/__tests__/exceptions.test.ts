import { exceptionCases } from '../cases/exceptions';
import { describeConformance } from './runConformance';

describeConformance('exceptions', exceptionCases);

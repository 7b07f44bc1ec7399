import { nullHandlingCases } from '../cases/nullHandling';
import { describeConformance } from './runConformance';

describeConformance('null handling', nullHandlingCases);

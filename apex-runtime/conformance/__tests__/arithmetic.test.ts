import { arithmeticCases } from '../cases/arithmetic';
import { describeConformance } from './runConformance';

describeConformance('arithmetic', arithmeticCases);

import { decimalCases } from '../cases/decimals';
import { describeConformance } from './runConformance';

describeConformance('Decimal', decimalCases);

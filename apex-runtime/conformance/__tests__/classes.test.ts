import { classCases } from '../cases/classes';
import { describeConformance } from './runConformance';

describeConformance('classes', classCases);

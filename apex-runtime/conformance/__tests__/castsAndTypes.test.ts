import { castCases } from '../cases/castsAndTypes';
import { describeConformance } from './runConformance';

describeConformance('casts and types', castCases);

import { collectionCases } from '../cases/collections';
import { describeConformance } from './runConformance';

describeConformance('collections', collectionCases);

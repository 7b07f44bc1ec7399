/** Every conformance table, by area: the suite's table of contents. */
import { arithmeticCases } from './cases/arithmetic';
import { castCases } from './cases/castsAndTypes';
import { classCases } from './cases/classes';
import { collectionCases } from './cases/collections';
import { dateAndTimeCases } from './cases/datesAndTimes';
import { decimalCases } from './cases/decimals';
import { enumAndSwitchCases } from './cases/enumsAndSwitch';
import { exceptionCases } from './cases/exceptions';
import { jsonCases } from './cases/json';
import { libraryCases } from './cases/library';
import { limitCases } from './cases/limits';
import { nullHandlingCases } from './cases/nullHandling';
import { stringCases } from './cases/strings';
import type { ConformanceCase } from './conformanceCase';

export const CONFORMANCE_AREAS: Readonly<Record<string, readonly ConformanceCase[]>> = {
  arithmetic: arithmeticCases,
  Decimal: decimalCases,
  String: stringCases,
  collections: collectionCases,
  'null handling': nullHandlingCases,
  'casts and types': castCases,
  'Date, Datetime and Time': dateAndTimeCases,
  exceptions: exceptionCases,
  classes: classCases,
  'enums and switch': enumAndSwitchCases,
  JSON: jsonCases,
  'system library': libraryCases,
  limits: limitCases
};

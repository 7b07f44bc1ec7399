/** Every conformance table, by area: the suite's table of contents. */
import { arithmeticCases } from './cases/arithmetic';
import { asyncApexCases } from './cases/asyncApex';
import { castCases } from './cases/castsAndTypes';
import { classCases } from './cases/classes';
import { collectionCases } from './cases/collections';
import { currencyCases } from './cases/currencies';
import { dateAndTimeCases } from './cases/datesAndTimes';
import { decimalCases } from './cases/decimals';
import { dmlErrorCases } from './cases/dmlErrors';
import { emailCases } from './cases/email';
import { enumAndSwitchCases } from './cases/enumsAndSwitch';
import { exceptionCases } from './cases/exceptions';
import { fiscalPeriodCases } from './cases/fiscalPeriods';
import { jsonCases } from './cases/json';
import { labelCases } from './cases/labels';
import { libraryCases } from './cases/library';
import { limitCases } from './cases/limits';
import { nullHandlingCases } from './cases/nullHandling';
import { platformLimitCases } from './cases/platformLimits';
import { sharingAndUserModeCases } from './cases/sharingAndUserMode';
import { soqlAggregateAndOrderingCases } from './cases/soqlAggregatesAndOrdering';
import { soqlDateLiteralCases } from './cases/soqlDateLiterals';
import { soqlFilterCases } from './cases/soqlFilters';
import { stringCases } from './cases/strings';
import { triggerCases } from './cases/triggers';
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
  limits: limitCases,
  // The platform, on a test org.
  'SOQL filters': soqlFilterCases,
  'SOQL date literals': soqlDateLiteralCases,
  'SOQL aggregates and ordering': soqlAggregateAndOrderingCases,
  'DML statements and errors': dmlErrorCases,
  triggers: triggerCases,
  'sharing and user mode': sharingAndUserModeCases,
  'custom labels': labelCases,
  'platform limits': platformLimitCases,
  'asynchronous Apex': asyncApexCases,
  currencies: currencyCases,
  'fiscal periods': fiscalPeriodCases,
  email: emailCases
};

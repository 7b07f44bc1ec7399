/**
 * What a query runs against: the org's data, the running user and the calling code's security
 * context, supplied by the interpreter for each execution; and what a query returns.
 */
import type { DataSource, StoredRow } from '../platform/dataSource';
import type { SObjectValue } from '../values/sobject';
import type { ApexDate, ApexDatetime } from '../values/temporal';
import type { CurrencyRates } from './currencyConversion';
import type { CustomFiscalCalendar } from './dateLiterals';
import type { SoqlBind } from './soqlAst';

export type AccessMode = 'USER_MODE' | 'SYSTEM_MODE';

export interface QueryEnvironment {
  source: DataSource;
  /** Evaluates a bind (the interpreter compiles inline binds; dynamic SOQL binds are names). */
  bind(bind: SoqlBind): unknown;
  today: ApexDate;
  now: ApexDatetime;
  /** The running user's time zone (IANA id) and Id; the org's fiscal year start month (1-12). */
  timeZone: string;
  userId: string;
  fiscalYearStartMonth: number;
  /** Whether the calling code runs with sharing (the class's sharing keyword). */
  withSharing: boolean;
  /** An AccessLevel passed to Database.query/queryWithBinds/getQueryLocator, if any. */
  accessLevel?: AccessMode;
  access: {
    objectReadable(objectName: string): boolean;
    fieldReadable(objectName: string, fieldName: string): boolean;
    recordVisible(objectName: string, row: StoredRow): boolean;
  };
  /** Called with the number of rows a query returns (aggregates: rows aggregated), for limits. */
  countRows(rows: number): void;
  /**
   * The mode of a query with neither a WITH clause nor an AccessLevel. SYSTEM_MODE (the default)
   * up to API version 66.0; from API 67.0 the platform runs database operations in user mode.
   */
  defaultAccessMode?: AccessMode;
  /** First day of the week in the user's locale, 0 = Sunday (en_US, the default) ... 6. */
  firstDayOfWeek?: number;
  /**
   * Organization.UsesStartDateAsFiscalYearName: a fiscal year is named by the year it starts in
   * (true) or ends in (false). Needed by FISCAL_YEAR() only when the year does not start in January.
   */
  usesStartDateAsFiscalYearName?: boolean;
  /**
   * The Year and Quarter periods of an org with custom fiscal years (its Period rows), which the
   * fiscal date literals follow; absent with standard fiscal years.
   */
  customFiscalYears?: CustomFiscalCalendar;
  /** The org's currencies and the user's, in a multi-currency org; absent in a single-currency one. */
  currencies?: CurrencyRates;
}

export type QueryResult =
  { kind: 'records'; records: SObjectValue[] } | { kind: 'count'; count: number };

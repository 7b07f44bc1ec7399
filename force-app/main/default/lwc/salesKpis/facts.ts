/**
 * Input facts of the KPI module. Every field keeps its Salesforce API name so that records returned
 * by Apex (`@AuraEnabled` DTOs or SObjects), by the REST API and by the sample dataset feed in
 * without mapping. Only the fields a KPI reads are declared; extra fields are ignored.
 *
 * Dates (`Date` fields) are `'YYYY-MM-DD'` strings; date-times are ISO 8601 strings in UTC as the
 * APIs return them (`2026-11-16T09:30:00.000Z` or `2026-11-16T09:30:00.000+0000`).
 */

/** An ISO calendar date, `'YYYY-MM-DD'`. */
export type IsoDate = string;

/** An ISO 8601 date-time as the Salesforce APIs return it. */
export type IsoDateTime = string;

/** Forecast categories as `Opportunity.ForecastCategoryName` returns them. */
export type ForecastCategoryName = 'Pipeline' | 'Best Case' | 'Commit' | 'Closed' | 'Omitted';

/** An Opportunity as the KPI module reads it. */
export interface Deal {
  Id: string;
  Name?: string;
  OwnerId: string;
  AccountId?: string | null;
  StageName: string;
  /** Blank amounts count as 0 in sums; the deal still counts in counts. */
  Amount: number | null;
  /** 0-100, as the APIs return it. */
  Probability: number | null;
  CloseDate: IsoDate;
  CreatedDate: IsoDateTime;
  IsClosed: boolean;
  IsWon: boolean;
  ForecastCategoryName: ForecastCategoryName;
  /** Date the deal entered its current stage (maintained by the trigger handler). */
  Stage_Entered_On__c?: IsoDate | null;
  /** Lifetime number of close-date pushes (maintained by the trigger handler). */
  Close_Date_Push_Count__c?: number | null;
  /** Stored data-quality score 0-100; blank means never evaluated. */
  Data_Quality_Score__c?: number | null;
  /** Number of coaching prompts that fire on the deal. */
  Coaching_Flag_Count__c?: number | null;
}

/** The fields `OpportunityFieldHistory` tracks that the KPIs use; `created` marks creation. */
export type HistoryField =
  'StageName' | 'Amount' | 'CloseDate' | 'ForecastCategoryName' | 'created';

/**
 * One `OpportunityFieldHistory` row. `OldValue` / `NewValue` come back typed by the field (number
 * for Amount, `'YYYY-MM-DD'` for CloseDate, text otherwise) or as text; both are accepted.
 * Rows of other fields are ignored.
 */
export interface OpportunityHistoryRow {
  OpportunityId: string;
  Field: HistoryField | string;
  OldValue: string | number | null;
  NewValue: string | number | null;
  CreatedDate: IsoDateTime;
}

/**
 * An `OpportunityStage` row (the org's stage picklist metadata). Used to know whether a stage a
 * deal had in the past was closed or won, and its default probability; see `StageCatalog`.
 */
export interface OpportunityStageFact {
  ApiName: string;
  IsClosed: boolean;
  IsWon: boolean;
  DefaultProbability?: number | null;
  ForecastCategoryName?: ForecastCategoryName | null;
}

/** The object type of a polymorphic `What` / `Who` lookup, as SOQL returns `What.Type`. */
export interface PolymorphicRef {
  Type: string;
}

/**
 * An Event or Task. `attributes.type` is how the REST API and Apex `JSON.serialize` name the
 * sObject type; Events (meetings) and completed call Tasks count toward time with customers
 * (KPI_DEFINITIONS.md).
 */
export interface Activity {
  attributes: { type: 'Event' | 'Task' | string };
  Id: string;
  OwnerId: string;
  /** Date of the activity; for Events the date part of the start in the user's time zone. */
  ActivityDate?: IsoDate | null;
  StartDateTime?: IsoDateTime | null;
  DurationInMinutes?: number | null;
  IsAllDayEvent?: boolean | null;
  WhatId?: string | null;
  WhoId?: string | null;
  What?: PolymorphicRef | null;
  Who?: PolymorphicRef | null;
  /** Checked when the activity is not customer-facing. */
  Internal__c?: boolean | null;
  /** Task: `Call` for a logged call. */
  TaskSubtype?: string | null;
  /** Task: true once its status is a closed one (a completed call). */
  IsClosed?: boolean | null;
  /** Task: the call's length in seconds. */
  CallDurationInSeconds?: number | null;
  /** Task: Internal, Inbound or Outbound. */
  CallType?: string | null;
}

/** A `Sales_Target__c` row: one seller's target for a date range. */
export interface SalesTarget {
  Id?: string;
  Seller__c: string;
  Period_Start__c: IsoDate;
  Period_End__c: IsoDate;
  Amount__c: number | null;
}

/** A `Coaching_Session__c` row. */
export interface CoachingSession {
  Id?: string;
  Seller__c: string;
  Coach__c: string;
  Session_Date__c: IsoDate;
  Opportunity__c?: string | null;
  Account__c?: string | null;
  Focus_Area__c?: string | null;
  Follow_Up_Date__c?: IsoDate | null;
  Follow_Up_Completed__c?: boolean | null;
  /** 1-5, blank when the seller has not rated the session. */
  Usefulness_Rating__c?: number | null;
}

/**
 * The targets of the published `Strategy_Version__c`. Percent fields hold 0-100 (API convention);
 * the module converts them to fractions where it compares them with its fractional KPIs.
 */
export interface StrategyTargets {
  Target_Pipeline_Coverage__c?: number | null;
  Target_Win_Rate__c?: number | null;
  Target_Data_Quality_Score__c?: number | null;
  Target_Time_With_Customers__c?: number | null;
  Target_Coaching_Sessions__c?: number | null;
  Target_Forecast_Accuracy__c?: number | null;
}

/** A User in the team: who reports to whom (`User.ManagerId`). */
export interface TeamMember {
  Id: string;
  Name?: string;
  ManagerId?: string | null;
}

/**
 * A fiscal quarter of an org with custom fiscal years: a `Period` record of Type 'Quarter' as
 * `PipelineFacts.fiscalQuarters` returns it.
 */
export interface FiscalQuarterRow {
  /** First and last day of the quarter (inclusive ISO dates). */
  StartDate: IsoDate;
  EndDate: IsoDate;
  /** The quarter of its fiscal year, 1-4. */
  Number: number;
  /** The fiscal year the quarter belongs to; `Name` is the year's name, e.g. `'2026'`. */
  FiscalYearSettings: { Name: string };
  Type?: string;
}

/**
 * The org's fiscal year settings, named like the `Organization` fields. With
 * `UsesStartDateAsFiscalYearName` false (Salesforce's default), a fiscal year starting in
 * April 2026 is FY 2027.
 */
export interface FiscalCalendar {
  FiscalYearStartMonth: number;
  UsesStartDateAsFiscalYearName: boolean;
  /**
   * The org's quarters when it has custom fiscal years (4-4-5 weeks, unequal quarters), ordered
   * by StartDate. When present and non-empty, quarters and fiscal years follow these rows
   * (see `quarterOf` in periods.ts); absent or empty for standard fiscal years.
   */
  Quarters?: readonly FiscalQuarterRow[];
}

/** The calendar year: fiscal year starts in January (the default when the org's is unknown). */
export const CALENDAR_YEAR: FiscalCalendar = {
  FiscalYearStartMonth: 1,
  UsesStartDateAsFiscalYearName: false
};

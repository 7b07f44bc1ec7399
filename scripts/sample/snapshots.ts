/**
 * The sample's KPI_Snapshot__c history: 26 weeks of the facts KpiSnapshotJob stores every Monday,
 * rebuilt from the sample's own records as they stood at the end of each week's Sunday, with the
 * c/salesKpis functions (no KPI math of its own). The windows are the job's: the fiscal quarter
 * holding the Sunday for pipeline, target and data quality; the 30 days ending on the Sunday for
 * customer time and coaching; the version published on the Sunday for acknowledgements.
 *
 * Rebuilt from history: each deal's stage, amount, close date and probability (opportunity
 * history) and its data-quality score on that day (historicalScores.ts: the shipped rules over
 * the deal as it stood); activities, sessions, targets and acknowledgements by their dates. Not
 * rebuilt: who owned a deal or managed whom (the sample's owners and managers never change).
 */
import {
  acknowledgedUsers,
  CALENDAR_YEAR,
  computeDataQuality,
  computePipelineKpis,
  computeTimeWithCustomers,
  dateRange,
  defaultSellers,
  indexHistory,
  pipelineAsOf,
  quarterOf,
  sessionsPerSeller,
  StageCatalog,
  targetFor,
  type Activity,
  type CoachingSession,
  type Deal,
  type HistoryIndex,
  type OpportunityHistoryRow,
  type SalesTarget,
  type StrategyAcknowledgement,
  type StrategyTargets
} from '../../force-app/main/default/lwc/salesKpis/salesKpis';
import { CLOSED_LOST, CLOSED_WON, SAMPLE_TODAY, STAGES } from './constants';
import { dealAmountInCorporate } from './currencies';
import { addDays } from './dates';
import { strategyAudienceOf } from './personas';
import { historicalScorer, type HistoricalScorer } from './historicalScores';
import {
  RecordSequence,
  type FieldValue,
  type SampleOrg,
  type SampleRecord,
  type SampleUser
} from './model';

/** Weeks of history; the newest is the week before the sample day. */
export const SNAPSHOT_WEEKS = 26;
/** KpiSnapshotJob.WINDOW_DAYS. */
const WINDOW_DAYS = 30;
/** The shipped Strategy_Setting__mdt Default: 37 hours, weekdays only. */
const WORKING_WEEK = { hoursPerWeek: 37, countWeekendTime: false };

type SampleInput = Omit<SampleOrg, 'auditFields'>;

/** The sample's records as the KPI functions read them; users are keys, records referenceIds. */
export interface SnapshotInputs {
  users: readonly SampleUser[];
  deals: Deal[];
  history: HistoryIndex;
  catalog: StageCatalog;
  activities: Activity[];
  sessions: CoachingSession[];
  targets: SalesTarget[];
  versions: Array<StrategyTargets & { Id: string; Published_At__c: string }>;
  acknowledgements: StrategyAcknowledgement[];
  /** A deal's data-quality score as it stood at the end of a day. */
  scoreOf: HistoricalScorer;
}

/** One row's identity and facts, named as KPI_Snapshot__c's fields. */
export interface SnapshotRow {
  scope: 'Seller' | 'Team';
  userKey: string;
  strategyVersion: string | null;
  facts: Record<string, number | null>;
}

const text = (record: SampleRecord, field: string): string | undefined => {
  const value = record.fields[field];
  return typeof value === 'string' ? value : undefined;
};
const num = (record: SampleRecord, field: string): number | null => {
  const value = record.fields[field];
  return typeof value === 'number' ? value : null;
};
/** `@OpportunityRef12` -> Opportunity, as SOQL's What.Type names it. */
const typeOfReference = (reference: string | undefined): { Type: string } | null =>
  reference ? { Type: reference.slice(1).replace(/Ref\d+$/, '') } : null;
const reference = (value: string | undefined): string => (value ?? '').replace(/^@/, '');

function recordsOf(org: SampleInput, sObject: string): readonly SampleRecord[] {
  return org.recordsByObject.find(([name]) => name === sObject)?.[1] ?? [];
}

/** Reads the generated records into the shapes of c/salesKpis. */
export function snapshotInputs(org: SampleInput): SnapshotInputs {
  const createdOn = new Map(org.opportunityHistory.map((h) => [h.referenceId, h.createdDate]));
  // Every amount in the corporate currency, as the job's grouped sums are.
  const currencyOf = new Map<string, { isoCode: string | undefined; closeDate: string }>();
  const deals: Deal[] = recordsOf(org, 'Opportunity').map((record) => {
    const closeDate = text(record, 'CloseDate') as string;
    const isoCode = text(record, 'CurrencyIsoCode') ?? undefined;
    currencyOf.set(record.referenceId, { isoCode, closeDate });
    return {
      Id: record.referenceId,
      OwnerId: record.owner as string,
      StageName: text(record, 'StageName') as string,
      Amount: dealAmountInCorporate(num(record, 'Amount'), isoCode, closeDate),
      Probability: num(record, 'Probability'),
      CloseDate: text(record, 'CloseDate') as string,
      CreatedDate: createdOn.get(record.referenceId) as string,
      IsClosed: [CLOSED_WON, CLOSED_LOST].includes(text(record, 'StageName') as string),
      IsWon: text(record, 'StageName') === CLOSED_WON,
      ForecastCategoryName: text(record, 'ForecastCategoryName') as Deal['ForecastCategoryName'],
      Data_Quality_Score__c: num(record, 'Data_Quality_Score__c')
    };
  });
  const corporate = (
    referenceId: string,
    value: string | number | null
  ): string | number | null => {
    const deal = currencyOf.get(referenceId);
    return typeof value === 'number' && deal
      ? dealAmountInCorporate(value, deal.isoCode, deal.closeDate)
      : value;
  };
  const rows: OpportunityHistoryRow[] = org.opportunityHistory.flatMap((history) =>
    history.fieldChanges.map((change) => ({
      OpportunityId: history.referenceId,
      Field: change.field,
      OldValue:
        change.field === 'Amount'
          ? corporate(history.referenceId, change.oldValue)
          : change.oldValue,
      NewValue:
        change.field === 'Amount'
          ? corporate(history.referenceId, change.newValue)
          : change.newValue,
      CreatedDate: change.createdDate
    }))
  );
  const stages = STAGES.map((stage) => ({
    ApiName: stage.name,
    IsClosed: stage.name === CLOSED_WON || stage.name === CLOSED_LOST,
    IsWon: stage.name === CLOSED_WON,
    DefaultProbability: stage.probability
  }));
  const activity = (record: SampleRecord, type: 'Event' | 'Task'): Activity =>
    ({
      attributes: { type },
      Id: record.referenceId,
      OwnerId: record.owner as string,
      ActivityDate: text(record, 'ActivityDate') ?? text(record, 'StartDateTime')?.slice(0, 10),
      StartDateTime: text(record, 'StartDateTime') ?? null,
      DurationInMinutes: num(record, 'DurationInMinutes'),
      IsAllDayEvent: record.fields.IsAllDayEvent === true,
      What: typeOfReference(text(record, 'WhatId')),
      Who: typeOfReference(text(record, 'WhoId')),
      Internal__c: record.fields.Internal__c === true,
      TaskSubtype: text(record, 'TaskSubtype') ?? null,
      IsClosed: type === 'Task' ? text(record, 'Status') === 'Completed' : null,
      CallDurationInSeconds: num(record, 'CallDurationInSeconds'),
      CallType: text(record, 'CallType') ?? null
    }) as Activity;
  return {
    users: org.users,
    deals,
    history: indexHistory(rows, deals),
    catalog: new StageCatalog(stages, deals),
    activities: [
      ...recordsOf(org, 'Event').map((record) => activity(record, 'Event')),
      ...recordsOf(org, 'Task').map((record) => activity(record, 'Task'))
    ],
    sessions: recordsOf(org, 'Coaching_Session__c').map((record) => ({
      Seller__c: record.userLookups?.Seller__c as string,
      Coach__c: record.userLookups?.Coach__c as string,
      Session_Date__c: text(record, 'Session_Date__c') as string
    })),
    targets: recordsOf(org, 'Sales_Target__c').map((record) => ({
      Seller__c: record.userLookups?.Seller__c as string,
      Period_Start__c: text(record, 'Period_Start__c') as string,
      Period_End__c: text(record, 'Period_End__c') as string,
      Amount__c: num(record, 'Amount__c')
    })),
    versions: recordsOf(org, 'Strategy_Version__c')
      .filter((record) => text(record, 'Published_At__c'))
      .map((record) => ({
        Id: record.referenceId,
        Published_At__c: text(record, 'Published_At__c') as string,
        Target_Data_Quality_Score__c: num(record, 'Target_Data_Quality_Score__c')
      })),
    acknowledgements: recordsOf(org, 'Strategy_Acknowledgement__c').map((record) => ({
      Strategy_Version__c: reference(text(record, 'Strategy_Version__c')),
      User__c: record.userLookups?.User__c as string,
      Acknowledged_At__c: text(record, 'Acknowledged_At__c') ?? null
    })),
    scoreOf: historicalScorer(org)
  };
}

const cents = (value: number): number => Math.round(value * 100) / 100;
const endOf = (day: string): string => `${day}T23:59:59.999Z`;

/**
 * The facts of one week, as KpiSnapshotJob stores them, with deals, acknowledgements and the
 * published version as they stood at the end of `asOf` (the week's Sunday for the history; the
 * differential test passes the sample day, the state the Apex job reads).
 */
export function weekFacts(
  inputs: SnapshotInputs,
  weekStart: string,
  asOf: string = addDays(weekStart, 6)
): SnapshotRow[] {
  const sunday = addDays(weekStart, 6);
  const quarter = quarterOf(sunday, CALENDAR_YEAR);
  const window = dateRange(addDays(sunday, 1 - WINDOW_DAYS), sunday);
  const audience = strategyAudienceOf(inputs.users).map((user) => ({
    Id: user.key,
    ManagerId: user.managerKey ?? null
  }));
  const sellers = defaultSellers(audience, []);
  const version =
    inputs.versions
      .filter((candidate) => candidate.Published_At__c <= endOf(sunday))
      .sort((a, b) => (a.Published_At__c < b.Published_At__c ? 1 : -1))[0] ?? null;
  const acknowledged = version
    ? acknowledgedUsers(
        version.Id,
        inputs.acknowledgements.filter(
          (row) => !row.Acknowledged_At__c || row.Acknowledged_At__c <= endOf(asOf)
        )
      )
    : new Map();
  const states = pipelineAsOf(inputs.deals, inputs.history, asOf, quarter, inputs.catalog).deals;
  const dealById = new Map(inputs.deals.map((deal) => [deal.Id, deal]));
  const dealsThen = states.map((state) => ({
    ...(dealById.get(state.Id) as Deal),
    ...state,
    Data_Quality_Score__c: state.IsClosed ? null : inputs.scoreOf(state, asOf)
  }));
  const time = computeTimeWithCustomers(inputs.activities, sellers, window, null, WORKING_WEEK);
  const sessions = sessionsPerSeller(inputs.sessions, window);

  const sellerFacts = new Map<string, Record<string, number | null>>();
  for (const [index, seller] of sellers.entries()) {
    const own = dealsThen.filter((deal) => deal.OwnerId === seller);
    const target = targetFor(inputs.targets, quarter, new Set([seller]));
    const pipeline = computePipelineKpis(own, target);
    const quality = computeDataQuality(own, version);
    sellerFacts.set(seller, {
      Open_Pipeline__c: cents(pipeline.openPipeline),
      Weighted_Pipeline__c: cents(pipeline.weightedPipeline),
      Closed_Won__c: cents(pipeline.closedWon),
      Closed_Lost__c: cents(pipeline.closedLost),
      Target__c: target === null ? null : cents(target),
      Open_Deals__c: pipeline.openCount,
      Won_Deals__c: pipeline.wonCount,
      Lost_Deals__c: pipeline.lostCount,
      Customer_Minutes__c: Math.round(time[index].customerMinutes),
      Working_Minutes__c: Math.round(time[index].workingMinutes),
      Coaching_Sessions__c: sessions.get(seller) ?? 0,
      Sellers__c: 1,
      Scored_Deals__c: quality.scoredCount,
      Score_Sum__c: Math.round((quality.averageScore ?? 0) * quality.scoredCount),
      Deals_At_Target__c:
        quality.target === null
          ? null
          : Math.round((quality.shareAtOrAboveTarget ?? 0) * quality.scoredCount),
      Acknowledgements_Expected__c: 1,
      Acknowledgements__c: acknowledged.has(seller) ? 1 : 0
    });
  }

  const managerOf = new Map(audience.map((member) => [member.Id, member.ManagerId]));
  const below = (boss: string): string[] =>
    audience
      .filter((member) => {
        for (let up = managerOf.get(member.Id); up; up = managerOf.get(up)) {
          if (up === boss) return true;
        }
        return false;
      })
      .map((member) => member.Id);
  const rows: SnapshotRow[] = sellers.map((seller) => ({
    scope: 'Seller',
    userKey: seller,
    strategyVersion: version?.Id ?? null,
    facts: sellerFacts.get(seller) as Record<string, number | null>
  }));
  for (const user of inputs.users) {
    const members = below(user.key);
    const teamSellers = members.filter((member) => sellerFacts.has(member));
    if (teamSellers.length === 0) continue;
    const facts: Record<string, number | null> = {};
    for (const seller of teamSellers) {
      for (const [field, value] of Object.entries(sellerFacts.get(seller) ?? {})) {
        facts[field] = value === null ? (facts[field] ?? null) : cents((facts[field] ?? 0) + value);
      }
    }
    facts.Acknowledgements_Expected__c = members.length;
    facts.Acknowledgements__c = members.filter((member) => acknowledged.has(member)).length;
    rows.push({ scope: 'Team', userKey: user.key, strategyVersion: version?.Id ?? null, facts });
  }
  return rows;
}

/** The Mondays of the history, oldest first; the newest is the week before the sample day. */
export function snapshotWeeks(): string[] {
  const newest = addDays(SAMPLE_TODAY, -7);
  return Array.from({ length: SNAPSHOT_WEEKS }, (_, i) =>
    addDays(newest, -7 * (SNAPSHOT_WEEKS - 1 - i))
  );
}

/** The 26 weeks of KPI_Snapshot__c records, each owned by its user like the job's rows. */
export function buildKpiSnapshots(org: SampleInput): SampleRecord[] {
  const inputs = snapshotInputs(org);
  const sequence = new RecordSequence('KPI_Snapshot__c');
  const records: SampleRecord[] = [];
  for (const weekStart of snapshotWeeks()) {
    const period = quarterOf(addDays(weekStart, 6), CALENDAR_YEAR).label;
    for (const row of weekFacts(inputs, weekStart)) {
      const fields: Record<string, FieldValue | undefined> = {
        Week_Start__c: weekStart,
        Scope__c: row.scope,
        Period__c: period,
        Strategy_Version__c: row.strategyVersion ? `@${row.strategyVersion}` : undefined
      };
      for (const [field, value] of Object.entries(row.facts)) {
        fields[field] = value ?? undefined;
      }
      records.push(sequence.next(fields, row.userKey, { User__c: row.userKey }));
    }
  }
  return records;
}

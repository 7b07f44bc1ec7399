/**
 * What the platform itself sets on standard objects when they are saved: an opportunity's
 * IsClosed, IsWon, Probability, forecast category and expected revenue from its stage (the
 * org's OpportunityStage records), an event's ActivityDate and EndDateTime from its start, a
 * task's IsClosed from its status, a user's and contact's Name from their names.
 *
 * Timing (a choice where the docs are general, "Triggers and Order of Execution"): on insert the
 * stage's probability and forecast category are defaults, set before the before triggers; the
 * derived fields (IsClosed, IsWon, and the probability and category of a changed stage) are set
 * after the before triggers, so an update's before trigger still sees the previous stage's values.
 */
import type { ObjectDescribe } from '../metadata/schema';
import type { OrgDatabase } from '../platform/orgDatabase';
import { expectedRevenueOf } from '../platform/expectedRevenue';
import { ApexDecimal } from '../values/decimal';
import { apexEqualsExactCase } from '../values/equality';
import type { SObjectValue } from '../values/sobject';
import { ApexDatetime } from '../values/temporal';

export interface StandardBehaviourContext {
  database: OrgDatabase;
  userId: string;
  now: ApexDatetime;
  /** The running user's time zone: an event's ActivityDate is the start's date there. */
  timeZone: string;
}

interface Stage {
  probability: ApexDecimal | null;
  forecastCategoryName: string | null;
  closed: boolean;
  won: boolean;
}

function stageOf(database: OrgDatabase, name: unknown): Stage | undefined {
  if (typeof name !== 'string') return undefined;
  for (const row of database.rows('OpportunityStage')) {
    if (row.ApiName === name || row.MasterLabel === name) {
      const probability = row.DefaultProbability;
      return {
        probability: probability instanceof ApexDecimal ? probability : null,
        forecastCategoryName:
          typeof row.ForecastCategoryName === 'string' ? row.ForecastCategoryName : null,
        closed: row.IsClosed === true,
        won: row.IsWon === true
      };
    }
  }
  return undefined;
}

const FORECAST_CATEGORIES: Record<string, string> = {
  Omitted: 'Omitted',
  Pipeline: 'Pipeline',
  'Best Case': 'BestCase',
  Commit: 'Forecast',
  Closed: 'Closed'
};

function changed(record: SObjectValue, old: SObjectValue | null, field: string): boolean {
  return old === null || !apexEqualsExactCase(record.get(field) ?? null, old.get(field) ?? null);
}

function opportunity(
  context: StandardBehaviourContext,
  record: SObjectValue,
  old: SObjectValue | null,
  phase: 'before' | 'save'
): void {
  const stage = stageOf(context.database, record.get('StageName'));
  if (phase === 'before') {
    if (old === null && stage) {
      if ((record.get('Probability') ?? null) === null)
        record.set('Probability', stage.probability);
      if ((record.get('ForecastCategoryName') ?? null) === null) {
        record.set('ForecastCategoryName', stage.forecastCategoryName);
      }
    }
    return;
  }
  if (stage && old !== null && changed(record, old, 'StageName')) {
    if (!changed(record, old, 'Probability')) record.set('Probability', stage.probability);
    if (!changed(record, old, 'ForecastCategoryName'))
      record.set('ForecastCategoryName', stage.forecastCategoryName);
  }
  if (stage) {
    record.set('IsClosed', stage.closed);
    record.set('IsWon', stage.won);
  }
  const category = record.get('ForecastCategoryName');
  record.set(
    'ForecastCategory',
    typeof category === 'string' ? (FORECAST_CATEGORIES[category] ?? null) : null
  );
  record.set('ExpectedRevenue', expectedRevenueOf(record.get('Amount'), record.get('Probability')));
}

function event(context: StandardBehaviourContext, record: SObjectValue): void {
  const start = record.get('StartDateTime');
  if (start instanceof ApexDatetime) {
    record.set('ActivityDateTime', start);
    record.set('ActivityDate', start.wall(context.timeZone).date);
    const minutes = record.get('DurationInMinutes');
    if (typeof minutes === 'number')
      record.set('EndDateTime', new ApexDatetime(start.epochMs + minutes * 60_000));
  }
}

function fullName(record: SObjectValue): void {
  const parts = [record.get('FirstName'), record.get('LastName')].filter(
    (part): part is string => typeof part === 'string' && part !== ''
  );
  record.set('Name', parts.join(' '));
}

/** Applies the platform's own field values for the object, in the given phase of a save. */
export function applyStandardBehaviour(
  context: StandardBehaviourContext,
  object: ObjectDescribe,
  record: SObjectValue,
  old: SObjectValue | null,
  phase: 'before' | 'save'
): void {
  switch (object.name) {
    case 'Opportunity':
      opportunity(context, record, old, phase);
      return;
    case 'Event':
      if (phase === 'save') event(context, record);
      return;
    case 'Task':
      if (phase === 'save') record.set('IsClosed', record.get('Status') === 'Completed');
      return;
    case 'User':
    case 'Contact':
      if (phase === 'save') fullName(record);
      return;
  }
}

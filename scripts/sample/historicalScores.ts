/**
 * The data-quality score a deal had on a past day, for the sample's KPI snapshot history: the
 * shipped Opportunity rules, run by the offline rule engine (held equal to Apex RuleEngine over
 * every sample record by scripts/cli/__tests__/guidanceEquivalence.test.ts), over the deal as it
 * stood that day. Stage, amount, close date, probability and forecast category come from the
 * opportunity history; LastActivityDate from the deal's activities up to that day, as the
 * embedded org keeps it; fields without history (next step, contact roles, decision maker) keep
 * the value the sample gives them, so the history shows what the deals' tracked fields did.
 */
import { buildSchemas } from '../formula/schemaBuilder';
import { DEFAULT_OBJECTS_DIR, lastActivityDates, type OrgRecord } from '../org/embeddedOrg';
import { compileRuleSet } from '../rules/guidanceEngine/guidanceEngine';
import { loadSalesRules } from '../rules/ruleMetadata';
import type { DealState } from '../../force-app/main/default/lwc/salesKpis/salesKpis';
import type { SampleOrg, SampleRecord } from './model';

type SampleInput = Omit<SampleOrg, 'auditFields'>;

/** The score of a deal (by referenceId) as it stood at the end of `day`. */
export type HistoricalScorer = (state: DealState, day: string) => number;

const ACTIVITY_OBJECTS = ['Event', 'Task'];

function recordsOf(org: SampleInput, sObject: string): readonly SampleRecord[] {
  return org.recordsByObject.find(([name]) => name === sObject)?.[1] ?? [];
}

/** A sample record as the embedded org reads it: references (`@OpportunityRef3`) as Ids. */
function asOrgRecord(record: SampleRecord, type: string): OrgRecord {
  const fields = Object.fromEntries(
    Object.entries(record.fields).map(([name, value]) => [
      name,
      typeof value === 'string' && value.startsWith('@') ? value.slice(1) : value
    ])
  );
  return { ...fields, Id: record.referenceId, attributes: { type } };
}

export function historicalScorer(org: SampleInput): HistoricalScorer {
  const rules = compileRuleSet(
    loadSalesRules(),
    buildSchemas({ objectsDir: DEFAULT_OBJECTS_DIR }).Opportunity
  );
  const deals = new Map(recordsOf(org, 'Opportunity').map((deal) => [deal.referenceId, deal]));
  const activities = ACTIVITY_OBJECTS.flatMap((type) =>
    recordsOf(org, type).map((record) => asOrgRecord(record, type))
  );
  const lastActivityByDay = new Map<string, Map<string, string>>();
  return (state, day) => {
    let lastActivity = lastActivityByDay.get(day);
    if (!lastActivity) {
      lastActivity = lastActivityDates(activities, new Map(), day);
      lastActivityByDay.set(day, lastActivity);
    }
    const record = deals.get(state.Id);
    return rules.evaluate(
      {
        ...record?.fields,
        ...state,
        LastActivityDate: lastActivity.get(state.Id) ?? null
      },
      { today: day }
    ).score;
  };
}

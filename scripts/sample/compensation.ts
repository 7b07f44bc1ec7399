import { RecordSequence, refTo, type SampleRecord } from './model';

export interface CompensationBuild {
  readonly plans: SampleRecord[];
  readonly components: SampleRecord[];
}

/**
 * The sellers' plan for the second half of 2026. Its weights sum to 100; the team-scoped share
 * (25 %) is deliberately below the strategy's 40 % target, so the alignment check has something
 * to warn about, while the strategic-KPI share (40 %) meets its 25 % target.
 */
export const SELLER_PLAN_COMPONENTS: ReadonlyArray<readonly [string, number, string, string]> = [
  ['Individual revenue attainment', 45, 'Individual', 'None'],
  ['Team revenue attainment', 15, 'Team', 'None'],
  ['Team pipeline coverage', 10, 'Team', 'Pipeline Coverage'],
  ['Data-quality score of own deals', 10, 'Individual', 'Data Quality'],
  ['Forecast accuracy', 10, 'Individual', 'Forecast Accuracy'],
  ['Time with customers', 5, 'Individual', 'Time With Customers'],
  ['Skill development completed', 5, 'Individual', 'Skills']
];

export function buildCompensation(publishedStrategy: SampleRecord): CompensationBuild {
  const plan = new RecordSequence('Compensation_Plan__c').next(
    {
      Name: 'Seller Plan 2026 H2',
      Strategy_Version__c: refTo(publishedStrategy),
      Role__c: 'Seller',
      Active__c: true,
      Effective_From__c: '2026-07-01',
      Effective_To__c: '2026-12-31'
    },
    'director'
  );
  const sequence = new RecordSequence('Compensation_Component__c');
  const components = SELLER_PLAN_COMPONENTS.map(([metric, weight, scope, kpi]) =>
    sequence.next({
      Name: metric,
      Compensation_Plan__c: refTo(plan),
      Metric__c: metric,
      Weight__c: weight,
      Scope__c: scope,
      Strategic_KPI__c: kpi
    })
  );
  return { plans: [plan], components };
}

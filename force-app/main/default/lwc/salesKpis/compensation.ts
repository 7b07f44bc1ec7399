/**
 * Compensation alignment (PRODUCT.md M13): does a plan's variable pay support the strategy?
 *
 * Definitions:
 * - Weights are `Compensation_Component__c.Weight__c`, Percent 0-100; a blank weight counts as 0
 *   and is itself a warning. Total weight = sum of the weights; it must be 100 (compared after
 *   rounding to 2 decimals, the field's scale) for an active plan, as the validation rule
 *   `Active_Plan_Weights_Sum_To_100` enforces on save.
 * - Team share = weight of components with `Scope__c` = Team / total weight. Strategic KPI share
 *   = weight of components whose `Strategic_KPI__c` is set and not None / total weight. Shares
 *   are fractions of the plan's own total, so a plan whose weights add up to 90 still shows what
 *   it rewards; the sum is its own warning. Null when the total is 0.
 * - Targets are the published strategy version's compensation principles
 *   (`Target_Team_Variable_Share__c`, `Target_Strategic_KPI_Share__c`, Percent, divided by 100).
 *   A share meets its target when it is at or above it: the principles are minimums.
 * - Warnings, in this order: no components; blank weights; weights not summing to 100; team
 *   share below target; strategic share below target; no published strategy; the plan refers to
 *   another strategy version than the published one.
 */
import { percentToFraction, ratio } from './ratios';

/** A `Compensation_Component__c` row. */
export interface CompensationComponent {
  Id?: string;
  Name?: string;
  Metric__c?: string | null;
  /** Percent, 0-100. */
  Weight__c: number | null;
  Scope__c: string | null;
  Strategic_KPI__c: string | null;
}

/** A `Compensation_Plan__c` row. */
export interface CompensationPlan {
  Id?: string;
  Name?: string;
  Active__c: boolean;
  Strategy_Version__c?: string | null;
}

/** The compensation principles of a strategy version (Percent fields, 0-100). */
export interface CompensationPrinciples {
  Id?: string;
  Name?: string;
  Target_Team_Variable_Share__c?: number | null;
  Target_Strategic_KPI_Share__c?: number | null;
}

/** The weight an active plan's components must add up to. */
export const REQUIRED_TOTAL_WEIGHT = 100;

export type CompensationWarning =
  | { code: 'noComponents' }
  | { code: 'blankWeight'; component: string }
  | { code: 'weightsDoNotSumTo100'; total: number }
  | { code: 'teamShareBelowTarget'; share: number; target: number }
  | { code: 'strategicShareBelowTarget'; share: number; target: number }
  | { code: 'noPublishedStrategy' }
  | { code: 'otherStrategyVersion'; published: string };

/** A component with its share of the plan. */
export interface ComponentShare {
  component: CompensationComponent;
  /** Weight / total weight; null when the total is 0. */
  share: number | null;
  isTeam: boolean;
  isStrategic: boolean;
}

export interface CompensationAlignment {
  components: ComponentShare[];
  /** Sum of the weights, Percent units (100 = 100 %). */
  totalWeight: number;
  weightsSumTo100: boolean;
  teamShare: number | null;
  strategicShare: number | null;
  /** Target_Team_Variable_Share__c / 100, null when no strategy or no target. */
  teamTarget: number | null;
  strategicTarget: number | null;
  teamMeetsTarget: boolean | null;
  strategicMeetsTarget: boolean | null;
  warnings: CompensationWarning[];
}

/** Whether a component's Strategic KPI names one (blank and None do not). */
export function isStrategicComponent(component: CompensationComponent): boolean {
  return !!component.Strategic_KPI__c && component.Strategic_KPI__c !== 'None';
}

function weightOf(component: CompensationComponent): number {
  return typeof component.Weight__c === 'number' && Number.isFinite(component.Weight__c)
    ? component.Weight__c
    : 0;
}

/** Rounds to the weight's scale (2 decimals) so that 33.33 + 33.33 + 33.34 is exactly 100. */
function roundWeight(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The plan's alignment with the published strategy's compensation principles: shares of
 * variable pay tied to team results and to strategic KPIs against their targets, the weight
 * check and the warnings. `published` is the published strategy version, or null when none is.
 */
export function computeCompensationAlignment(
  plan: CompensationPlan,
  components: readonly CompensationComponent[],
  published: CompensationPrinciples | null
): CompensationAlignment {
  const totalWeight = roundWeight(components.reduce((sum, c) => sum + weightOf(c), 0));
  let teamWeight = 0;
  let strategicWeight = 0;
  const warnings: CompensationWarning[] = [];
  if (components.length === 0) {
    warnings.push({ code: 'noComponents' });
  }
  const shares = components.map((component) => {
    const weight = weightOf(component);
    const isTeam = component.Scope__c === 'Team';
    const isStrategic = isStrategicComponent(component);
    if (isTeam) teamWeight += weight;
    if (isStrategic) strategicWeight += weight;
    if (typeof component.Weight__c !== 'number') {
      warnings.push({
        code: 'blankWeight',
        component: component.Name ?? component.Metric__c ?? ''
      });
    }
    return { component, share: ratio(weight, totalWeight), isTeam, isStrategic };
  });
  const weightsSumTo100 = totalWeight === REQUIRED_TOTAL_WEIGHT;
  if (components.length > 0 && !weightsSumTo100) {
    warnings.push({ code: 'weightsDoNotSumTo100', total: totalWeight });
  }
  const teamShare = ratio(teamWeight, totalWeight);
  const strategicShare = ratio(strategicWeight, totalWeight);
  const teamTarget = percentToFraction(published?.Target_Team_Variable_Share__c);
  const strategicTarget = percentToFraction(published?.Target_Strategic_KPI_Share__c);
  const teamMeetsTarget =
    teamShare === null || teamTarget === null ? null : teamShare >= teamTarget;
  const strategicMeetsTarget =
    strategicShare === null || strategicTarget === null ? null : strategicShare >= strategicTarget;
  if (teamMeetsTarget === false && teamShare !== null && teamTarget !== null) {
    warnings.push({ code: 'teamShareBelowTarget', share: teamShare, target: teamTarget });
  }
  if (strategicMeetsTarget === false && strategicShare !== null && strategicTarget !== null) {
    warnings.push({
      code: 'strategicShareBelowTarget',
      share: strategicShare,
      target: strategicTarget
    });
  }
  if (!published) {
    warnings.push({ code: 'noPublishedStrategy' });
  } else if (
    plan.Strategy_Version__c &&
    published.Id &&
    plan.Strategy_Version__c !== published.Id
  ) {
    warnings.push({ code: 'otherStrategyVersion', published: published.Name ?? published.Id });
  }
  return {
    components: shares,
    totalWeight,
    weightsSumTo100,
    teamShare,
    strategicShare,
    teamTarget,
    strategicTarget,
    teamMeetsTarget,
    strategicMeetsTarget,
    warnings
  };
}

/** Apex `CompensationFacts` as the module's inputs, blanks filled in. */
export function compensationFactsFromApex(data: ApexGenerated.CompensationFacts): {
  plan: CompensationPlan & { Name: string };
  components: CompensationComponent[];
  published: CompensationPrinciples | null;
} {
  const plan = data.plan;
  const strategy = data.publishedStrategy;
  return {
    plan: {
      Id: plan?.Id,
      Name: plan?.Name ?? '',
      Active__c: plan?.Active__c === true,
      Strategy_Version__c: plan?.Strategy_Version__c ?? null
    },
    components: (data.components ?? []).map((row) => ({
      Id: row.Id,
      Name: row.Name ?? '',
      Metric__c: row.Metric__c ?? null,
      Weight__c: typeof row.Weight__c === 'number' ? row.Weight__c : null,
      Scope__c: row.Scope__c ?? null,
      Strategic_KPI__c: row.Strategic_KPI__c ?? null
    })),
    published: strategy
      ? {
          Id: strategy.Id,
          Name: strategy.Name ?? '',
          Target_Team_Variable_Share__c: strategy.Target_Team_Variable_Share__c ?? null,
          Target_Strategic_KPI_Share__c: strategy.Target_Strategic_KPI_Share__c ?? null
        }
      : null
  };
}

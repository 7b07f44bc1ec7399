import type { StrategyTargets } from './facts';
import type { ForecastAccuracy } from './changes';
import type { DataQualityKpis } from './dataQuality';
import type { Coverage, PipelineKpis } from './pipeline';
import { percentToFraction } from './ratios';

/** One KPI beside its strategy target, in the same unit. */
export interface AgainstTarget {
  value: number | null;
  target: number | null;
  /** Value at or above target; null when either is blank (coverage: see `compareStrategy`). */
  met: boolean | null;
}

/** The KPI header of the pipeline review: the team's figures against the published strategy. */
export interface StrategyComparison {
  /** Coverage (x) against `Target_Pipeline_Coverage__c` (x). */
  pipelineCoverage: AgainstTarget;
  /** Win rate by count (fraction) against `Target_Win_Rate__c` / 100. */
  winRate: AgainstTarget;
  /** Mean data-quality score against `Target_Data_Quality_Score__c`. */
  dataQuality: AgainstTarget;
  /** Team time with customers (fraction) against `Target_Time_With_Customers__c` / 100. */
  timeWithCustomers: AgainstTarget;
  /**
   * Sessions with the team's sellers / those sellers / months (`coachingSessionsPerSellerPerMonth`),
   * against `Target_Coaching_Sessions__c`.
   */
  coachingSessions: AgainstTarget;
  /** Forecast accuracy (fraction) against `Target_Forecast_Accuracy__c` / 100. */
  forecastAccuracy: AgainstTarget;
}

function against(value: number | null, target: number | null): AgainstTarget {
  return { value, target, met: value === null || target === null ? null : value >= target };
}

/**
 * Compares the team's KPIs with the strategy's targets. Choice: when the target is already met
 * ("target met" coverage), coverage has no ratio (value null) and counts as met.
 */
export function compareStrategy(
  strategy: StrategyTargets | null,
  kpis: {
    pipeline: PipelineKpis;
    dataQuality: DataQualityKpis;
    teamTimeWithCustomers: number | null;
    coachingSessionsPerSellerPerMonth: number | null;
    forecastAccuracy: ForecastAccuracy | null;
  }
): StrategyComparison {
  const coverageTarget = strategy?.Target_Pipeline_Coverage__c ?? null;
  const coverage: Coverage = kpis.pipeline.coverage;
  return {
    pipelineCoverage:
      coverage?.kind === 'targetMet'
        ? { value: null, target: coverageTarget, met: true }
        : against(coverage ? coverage.value : null, coverageTarget),
    winRate: against(kpis.pipeline.winRateByCount, percentToFraction(strategy?.Target_Win_Rate__c)),
    dataQuality: against(
      kpis.dataQuality.averageScore,
      strategy?.Target_Data_Quality_Score__c ?? null
    ),
    timeWithCustomers: against(
      kpis.teamTimeWithCustomers,
      percentToFraction(strategy?.Target_Time_With_Customers__c)
    ),
    coachingSessions: against(
      kpis.coachingSessionsPerSellerPerMonth,
      strategy?.Target_Coaching_Sessions__c ?? null
    ),
    forecastAccuracy: against(
      kpis.forecastAccuracy?.accuracy ?? null,
      percentToFraction(strategy?.Target_Forecast_Accuracy__c)
    )
  };
}

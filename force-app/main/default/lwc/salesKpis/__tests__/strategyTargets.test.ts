import { compareStrategy, computeDataQuality, computePipelineKpis } from 'c/salesKpis';
import { deal, lostDeal, wonDeal } from './factBuilders';

const STRATEGY = {
  Target_Pipeline_Coverage__c: 3,
  Target_Win_Rate__c: 40,
  Target_Data_Quality_Score__c: 80,
  Target_Time_With_Customers__c: 25,
  Target_Coaching_Sessions__c: 2,
  Target_Forecast_Accuracy__c: 90
};

describe('compareStrategy', () => {
  // Open 600, won 100, lost 100, target 400: coverage 600 / 300 = 2x, win rate 1/2.
  const deals = [
    deal({ Id: 'o', Amount: 600, Data_Quality_Score__c: 85 }),
    wonDeal({ Id: 'w', Amount: 100 }),
    lostDeal({ Id: 'l', Amount: 100 })
  ];
  const comparison = compareStrategy(STRATEGY, {
    pipeline: computePipelineKpis(deals, 400),
    dataQuality: computeDataQuality(deals, STRATEGY),
    teamTimeWithCustomers: 0.2,
    coachingSessionsPerSellerPerMonth: 2,
    forecastAccuracy: { commitAtStart: 110, closedWon: 100, accuracy: 0.9 }
  });

  it('puts each KPI beside its target in the same unit', () => {
    expect(comparison).toEqual({
      pipelineCoverage: { value: 2, target: 3, met: false },
      winRate: { value: 0.5, target: 0.4, met: true },
      dataQuality: { value: 85, target: 80, met: true },
      timeWithCustomers: { value: 0.2, target: 0.25, met: false },
      coachingSessions: { value: 2, target: 2, met: true },
      forecastAccuracy: { value: 0.9, target: 0.9, met: true }
    });
  });

  it('counts coverage as met when the target is already reached', () => {
    const met = compareStrategy(STRATEGY, {
      pipeline: computePipelineKpis([wonDeal({ Id: 'w', Amount: 500 })], 400),
      dataQuality: computeDataQuality([]),
      teamTimeWithCustomers: null,
      coachingSessionsPerSellerPerMonth: null,
      forecastAccuracy: null
    });
    expect(met.pipelineCoverage).toEqual({ value: null, target: 3, met: true });
    expect(met.coachingSessions).toEqual({ value: null, target: 2, met: null });
    expect(met.forecastAccuracy).toEqual({ value: null, target: 0.9, met: null });
  });

  it('leaves targets blank without a published strategy', () => {
    const blank = compareStrategy(null, {
      pipeline: computePipelineKpis(deals, 400),
      dataQuality: computeDataQuality(deals),
      teamTimeWithCustomers: 0.2,
      coachingSessionsPerSellerPerMonth: null,
      forecastAccuracy: null
    });
    expect(blank.winRate).toEqual({ value: 0.5, target: null, met: null });
    expect(blank.pipelineCoverage).toEqual({ value: 2, target: null, met: null });
  });
});

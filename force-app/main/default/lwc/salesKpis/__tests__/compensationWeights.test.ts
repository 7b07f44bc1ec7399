import { computeCompensationAlignment } from 'c/salesKpis';
import type { CompensationComponent } from 'c/salesKpis';

/**
 * The weight check rounds the sum to the weight field's 2 decimals before comparing it with 100.
 * 33.33 + 33.33 + 33.34 happens to be exactly 100 in binary floating point, so it cannot tell
 * a rounded sum from an unrounded one; 0.1 + 64.1 + 35.8 is 99.99999999999999 unrounded.
 */
describe('compensation weights summing to 100', () => {
  const components: CompensationComponent[] = [
    { Name: 'A', Weight__c: 0.1, Scope__c: 'Individual', Strategic_KPI__c: 'None' },
    { Name: 'B', Weight__c: 64.1, Scope__c: 'Team', Strategic_KPI__c: 'None' },
    { Name: 'C', Weight__c: 35.8, Scope__c: 'Individual', Strategic_KPI__c: 'Data Quality' }
  ];

  it('accepts 0.1 + 64.1 + 35.8, which is not exactly 100 in floating point, as 100', () => {
    // The premise: the plain sum misses 100.
    expect(0.1 + 64.1 + 35.8).not.toBe(100);
    const alignment = computeCompensationAlignment({ Active__c: true }, components, null);
    expect(alignment.totalWeight).toBe(100);
    expect(alignment.weightsSumTo100).toBe(true);
    expect(alignment.warnings.map((warning) => warning.code)).toEqual(['noPublishedStrategy']);
  });

  it('computes shares against the rounded total: team 64.1 / 100', () => {
    const alignment = computeCompensationAlignment({ Active__c: true }, components, null);
    expect(alignment.teamShare).toBeCloseTo(0.641, 12);
  });

  it('still flags 0.1 + 64.1 + 35.7, a sum of 99.9', () => {
    const short = [...components.slice(0, 2), { ...components[2], Weight__c: 35.7 }];
    const alignment = computeCompensationAlignment({ Active__c: true }, short, null);
    expect(alignment.totalWeight).toBe(99.9);
    expect(alignment.weightsSumTo100).toBe(false);
    expect(alignment.warnings).toContainEqual({ code: 'weightsDoNotSumTo100', total: 99.9 });
  });
});

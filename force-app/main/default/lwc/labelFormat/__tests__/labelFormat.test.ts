import { formatLabel, picklistLabel } from 'c/labelFormat';

describe('formatLabel', () => {
  it('fills each placeholder with its value, in any order and more than once', () => {
    expect(formatLabel('{1} of {0} ({1})', 10, 'Anna')).toBe('Anna of 10 (Anna)');
  });

  it('writes zero as 0 and a blank value as nothing, never as "null"', () => {
    expect(formatLabel('[{0}|{1}|{2}]', null, 0, undefined)).toBe('[|0|]');
  });

  it('leaves a placeholder without a value as written', () => {
    expect(formatLabel('{0} and {1}', 'one')).toBe('one and {1}');
  });
});

describe('picklistLabel', () => {
  const labels = { 'Improvement_Idea__c.Status__c': { 'Under Review': 'Til gennemsyn' } };

  it('shows the label of a value, in the language the facts were described in', () => {
    expect(picklistLabel(labels, 'Improvement_Idea__c.Status__c', 'Under Review')).toBe(
      'Til gennemsyn'
    );
  });

  it('shows a value without a label as the value, and a blank value as nothing', () => {
    expect(picklistLabel(labels, 'Improvement_Idea__c.Status__c', 'Parked')).toBe('Parked');
    expect(picklistLabel(undefined, 'Improvement_Idea__c.Status__c', 'New')).toBe('New');
    expect(picklistLabel(labels, 'Improvement_Idea__c.Status__c', null)).toBe('');
  });
});

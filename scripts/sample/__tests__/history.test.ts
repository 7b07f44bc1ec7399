import { factsFromHistory, recordHistory, type DealTimeline } from '../history';

const timeline: DealTimeline = {
  createdOn: '2026-08-03',
  initial: {
    stageName: 'Prospecting',
    amount: 10_000,
    closeDate: '2026-10-15',
    forecastCategory: 'Pipeline'
  },
  saves: [
    { on: '2026-08-10', set: { stageName: 'Qualification' } },
    { on: '2026-08-10', set: { closeDate: '2026-10-30' } },
    { on: '2026-09-01', set: { closeDate: '2026-10-20' } },
    { on: '2026-09-02', set: { forecastCategory: 'Pipeline' } },
    { on: '2026-09-05', set: { amount: 12_500 } },
    { on: '2026-09-20', set: { closeDate: '2026-11-20', stageName: 'Needs Analysis' } }
  ]
};

describe('recordHistory', () => {
  const history = recordHistory('OpportunityRef9', timeline, 'seller3');

  it('writes a creation row and one snapshot per save that changed a tracked field', () => {
    expect(history.snapshots).toHaveLength(6);
    expect(history.fieldChanges[0]).toEqual({
      createdDate: '2026-08-03T09:00:00.000Z',
      createdBy: 'seller3',
      field: 'created',
      oldValue: null,
      newValue: null
    });
  });

  it('orders saves on the same day by giving them increasing times', () => {
    expect(history.snapshots[1].createdDate).toBe('2026-08-10T10:00:00.000Z');
    expect(history.snapshots[2].createdDate).toBe('2026-08-10T10:07:00.000Z');
  });

  it('records each changed field with its old and new value, and the stage probability', () => {
    const last = history.snapshots[history.snapshots.length - 1];
    expect(last).toMatchObject({
      stageName: 'Needs Analysis',
      closeDate: '2026-11-20',
      probability: 20
    });
    expect(
      history.fieldChanges.filter((change) => change.createdDate.startsWith('2026-09-20'))
    ).toEqual([
      {
        createdDate: '2026-09-20T10:00:00.000Z',
        createdBy: 'seller3',
        field: 'StageName',
        oldValue: 'Qualification',
        newValue: 'Needs Analysis'
      },
      {
        createdDate: '2026-09-20T10:00:00.000Z',
        createdBy: 'seller3',
        field: 'CloseDate',
        oldValue: '2026-10-20',
        newValue: '2026-11-20'
      }
    ]);
  });

  it('rejects saves out of chronological order', () => {
    expect(() =>
      recordHistory(
        'OpportunityRef1',
        {
          ...timeline,
          saves: [
            { on: '2026-09-01', set: { amount: 1 } },
            { on: '2026-08-01', set: { amount: 2 } }
          ]
        },
        'seller3'
      )
    ).toThrow(/out of order/);
  });
});

describe('factsFromHistory', () => {
  const facts = factsFromHistory(recordHistory('OpportunityRef9', timeline, 'seller3'));

  it('counts only moves to a later close date as pushes', () => {
    expect(facts.closeDatePushCount).toBe(2);
  });

  it('keeps the close date first promised', () => {
    expect(facts.originalCloseDate).toBe('2026-10-15');
  });

  it('dates the stage entry to the last stage change', () => {
    expect(facts.stageEnteredOn).toBe('2026-09-20');
  });

  it('remembers the amount before the last amount change and when it changed', () => {
    expect(facts.previousAmount).toBe(10_000);
    expect(facts.amountChangedOn).toBe('2026-09-05');
  });

  it('dates the stage entry to creation for a deal that never moved', () => {
    const quiet = factsFromHistory(
      recordHistory('OpportunityRef2', { ...timeline, saves: [] }, 'seller3')
    );
    expect(quiet).toMatchObject({
      stageEnteredOn: '2026-08-03',
      closeDatePushCount: 0,
      previousAmount: null,
      amountChangedOn: null
    });
  });
});

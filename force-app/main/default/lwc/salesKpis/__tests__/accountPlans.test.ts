import {
  buyingCentre,
  objectiveProgress,
  planProgress,
  reviewStatus,
  untappedWallet
} from 'c/salesKpis';

describe('objectiveProgress', () => {
  const rows = objectiveProgress(
    [
      { Id: 'c', Name: 'No date', Status__c: 'Not Started', Progress__c: null },
      {
        Id: 'a',
        Name: 'Late',
        Due_Date__c: '2026-11-01',
        Status__c: 'In Progress',
        Progress__c: 40
      },
      { Id: 'b', Name: 'Done', Due_Date__c: '2026-10-01', Status__c: 'Achieved', Progress__c: 80 },
      { Id: 'd', Name: 'Missed', Due_Date__c: '2026-10-15', Status__c: 'Missed', Progress__c: 150 }
    ],
    '2026-11-16'
  );

  it('orders by due date, blank last', () => {
    expect(rows.map((row) => row.objective.Id)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('flags open objectives past their due date only', () => {
    expect(rows.map((row) => row.overdue)).toEqual([false, false, true, false]);
    expect(rows[2].daysToDue).toBe(-15);
    expect(rows[3].daysToDue).toBeNull();
  });

  it('counts achieved as complete and clamps progress to 0-100 %', () => {
    expect(rows.map((row) => row.progress)).toEqual([1, 1, 0.4, 0]);
    expect(planProgress(rows)).toBeCloseTo(0.6, 12);
    expect(planProgress([])).toBeNull();
  });
});

describe('buyingCentre', () => {
  const centre = buyingCentre([
    {
      Id: '1',
      Name: 'Ingrid',
      Buying_Role__c: 'Technical Buyer',
      Attitude__c: 'Supporter',
      Influence__c: 'High'
    },
    {
      Id: '2',
      Name: 'Anna',
      Buying_Role__c: 'Decision Maker',
      Attitude__c: 'Supporter',
      Influence__c: 'High'
    },
    { Id: '3', Name: 'Bo', Buying_Role__c: 'User', Attitude__c: 'Opponent', Influence__c: 'Low' },
    {
      Id: '4',
      Name: 'Cai',
      Buying_Role__c: 'Influencer',
      Attitude__c: 'Skeptic',
      Influence__c: null
    }
  ]);

  it('places stakeholders by influence and attitude, by name within a cell', () => {
    expect(centre.rows.map((row) => row.influence)).toEqual(['High', 'Medium', 'Low']);
    expect(centre.rows[0].cells.map((cell) => cell.attitude)).toEqual([
      'Supporter',
      'Neutral',
      'Skeptic',
      'Opponent'
    ]);
    expect(centre.rows[0].cells[0].stakeholders.map((s) => s.Name)).toEqual(['Anna', 'Ingrid']);
    expect(centre.rows[2].cells[3].stakeholders.map((s) => s.Name)).toEqual(['Bo']);
  });

  it('lists stakeholders it cannot place instead of dropping them', () => {
    expect(centre.unplaced.map((s) => s.Name)).toEqual(['Cai']);
  });

  it('names the key roles nobody holds and counts supporters and opponents', () => {
    expect(centre.missingRoles).toEqual(['Economic Buyer', 'Champion']);
    expect(centre.supporters).toBe(2);
    expect(centre.opponents).toBe(2);
  });
});

describe('reviewStatus and untappedWallet', () => {
  it('flags a next review date in the past', () => {
    expect(reviewStatus({ Next_Review_Date__c: '2026-10-18' }, '2026-11-16')).toEqual({
      nextReview: '2026-10-18',
      daysToReview: -29,
      overdue: true
    });
    expect(reviewStatus({ Next_Review_Date__c: '2026-11-16' }, '2026-11-16').overdue).toBe(false);
    expect(reviewStatus({}, '2026-11-16')).toEqual({
      nextReview: null,
      daysToReview: null,
      overdue: false
    });
  });

  it('subtracts won revenue from the wallet, never below 0', () => {
    expect(untappedWallet(1000, 300)).toBe(700);
    expect(untappedWallet(1000, 1300)).toBe(0);
    expect(untappedWallet(1000, null)).toBe(1000);
    expect(untappedWallet(null, 300)).toBeNull();
  });
});

import { computeIdeaKpis, rankIdeas, workingHoursPerMonth } from 'c/salesKpis';
import type { ImprovementIdea } from 'c/salesKpis';

function idea(
  Id: string,
  Status__c: string,
  Expected_Hours_Saved__c: number | null,
  Vote_Count__c: number | null
): ImprovementIdea {
  return { Id, Name: `Idea ${Id}`, Status__c, Expected_Hours_Saved__c, Vote_Count__c };
}

const IDEAS = [
  idea('a', 'Implemented', 1.5, 4),
  idea('b', 'Accepted', 2.5, 6),
  idea('c', 'Implemented', 2, 6),
  idea('d', 'New', 4, 1),
  idea('e', 'Declined', 3, null),
  idea('f', 'Accepted', null, 2)
];

describe('rankIdeas', () => {
  it('orders by votes, then by hours saved', () => {
    // b and c both have 6 votes: b saves 2.5 hours, c 2.
    expect(rankIdeas(IDEAS, 'votes').map((i) => i.Id)).toEqual(['b', 'c', 'a', 'f', 'd', 'e']);
  });

  it('orders by expected hours saved, then by votes, blank hours last', () => {
    expect(rankIdeas(IDEAS, 'hoursSaved').map((i) => i.Id)).toEqual(['d', 'e', 'b', 'c', 'a', 'f']);
  });

  it('orders full ties by title and leaves the input untouched', () => {
    const tied = [idea('z', 'New', 1, 1), idea('m', 'New', 1, 1)];
    expect(rankIdeas(tied, 'votes').map((i) => i.Id)).toEqual(['m', 'z']);
    expect(tied.map((i) => i.Id)).toEqual(['z', 'm']);
  });
});

describe('computeIdeaKpis', () => {
  it('adds the hours saved of implemented ideas only, per seller per month', () => {
    const kpis = computeIdeaKpis(IDEAS);
    expect(kpis.ideaCount).toBe(6);
    expect(kpis.implementedCount).toBe(2);
    // a 1.5 + c 2 = 3.5; accepted b 2.5 + f blank (0) = 2.5.
    expect(kpis.hoursSavedPerSellerPerMonth).toBe(3.5);
    expect(kpis.acceptedHoursPerSellerPerMonth).toBe(2.5);
  });

  it('gives the share of a working month: 3.5 of 37 x 52 / 12 = 160.33 hours by default', () => {
    expect(workingHoursPerMonth(40)).toBeCloseTo(173.3333, 4);
    expect(computeIdeaKpis(IDEAS).shareOfWorkingTime).toBeCloseTo(3.5 / (1924 / 12), 10);
    expect(computeIdeaKpis(IDEAS, 30).shareOfWorkingTime).toBeCloseTo(3.5 / 130, 10);
  });

  it('counts ideas per status, unknown statuses under their own name', () => {
    expect(computeIdeaKpis([...IDEAS, idea('g', 'Parked', 1, 0)]).countByStatus).toEqual({
      New: 1,
      'Under Review': 0,
      Accepted: 2,
      Implemented: 2,
      Declined: 1,
      Parked: 1
    });
  });

  it('is zero without ideas and has no share with zero working hours', () => {
    const kpis = computeIdeaKpis([], 0);
    expect(kpis.hoursSavedPerSellerPerMonth).toBe(0);
    expect(kpis.implementedCount).toBe(0);
    expect(kpis.shareOfWorkingTime).toBeNull();
  });
});

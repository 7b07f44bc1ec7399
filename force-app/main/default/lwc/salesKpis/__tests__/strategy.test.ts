import {
  computeAdoption,
  daysSince,
  richTextBlocks,
  whatChanged,
  type AudienceMember,
  type StrategyAcknowledgement,
  type StrategyVersionFacts
} from 'c/salesKpis';

const previous: StrategyVersionFacts = {
  Id: 'v1',
  Governance_Model__c: '<p>Leadership owns the strategy.</p><p>Reviewed twice a year.</p>',
  Segmentation__c: '<p>Four segments.</p>',
  Sales_Process__c: '<p>Six stages.</p>',
  Coaching_Model__c: null,
  Target_Win_Rate__c: 30,
  Target_Pipeline_Coverage__c: 3
};

const current: StrategyVersionFacts = {
  Id: 'v2',
  Published_At__c: '2026-06-24T23:30:00.000Z',
  Next_Review_Date__c: '2027-01-01',
  Governance_Model__c: '<p>Leadership owns the strategy.</p>\n<p>Reviewed  twice a year.</p>',
  Segmentation__c: '<p>Four segments.</p><ul><li>Key Growth is &quot;hybrid&quot;</li></ul>',
  Sales_Process__c: null,
  Coaching_Model__c: '<p>Monthly coaching.</p>',
  Target_Win_Rate__c: 32,
  Target_Pipeline_Coverage__c: 3
};

describe('richTextBlocks', () => {
  it('splits paragraphs, list items and line breaks into plain-text blocks', () => {
    expect(
      richTextBlocks('<p>One <b>bold</b>&nbsp;word</p><ul><li>A &amp; B</li><li>C</li></ul>x<br/>y')
    ).toEqual(['One bold word', 'A & B', 'C', 'x', 'y']);
  });

  it('returns no blocks for blank text or markup without text', () => {
    expect(richTextBlocks(null)).toEqual([]);
    expect(richTextBlocks('<p> </p><p></p>')).toEqual([]);
  });

  it('decodes numeric entities', () => {
    expect(richTextBlocks('<p>&#8364;5 &#x2013; ok</p>')).toEqual(['€5 – ok']);
  });
});

describe('whatChanged', () => {
  const changes = whatChanged(current, previous);
  const section = (field: string) => changes.sections.find((s) => s.field === field);

  it('treats a section whose text only changed in markup or spacing as unchanged', () => {
    expect(section('Governance_Model__c')).toEqual({
      field: 'Governance_Model__c',
      status: 'unchanged',
      added: [],
      removed: []
    });
  });

  it('lists the blocks added to a changed section', () => {
    expect(section('Segmentation__c')).toEqual({
      field: 'Segmentation__c',
      status: 'changed',
      added: ['Key Growth is "hybrid"'],
      removed: []
    });
  });

  it('marks sections that were emptied as removed and new ones as added', () => {
    expect(section('Sales_Process__c')?.status).toBe('removed');
    expect(section('Sales_Process__c')?.removed).toEqual(['Six stages.']);
    expect(section('Coaching_Model__c')?.status).toBe('added');
    expect(section('Compensation_Principles__c')?.status).toBe('unchanged');
  });

  it('counts a reordering as a change', () => {
    const reordered = whatChanged(
      { Id: 'b', Segmentation__c: '<p>B</p><p>A</p>' },
      { Id: 'a', Segmentation__c: '<p>A</p><p>B</p>' }
    );
    expect(reordered.sections.find((s) => s.field === 'Segmentation__c')?.status).toBe('changed');
  });

  it('compares every target and counts the changes', () => {
    const winRate = changes.targets.find((t) => t.field === 'Target_Win_Rate__c');
    expect(winRate).toEqual({
      field: 'Target_Win_Rate__c',
      previous: 30,
      current: 32,
      changed: true
    });
    expect(changes.targets.find((t) => t.field === 'Target_Pipeline_Coverage__c')?.changed).toBe(
      false
    );
    // Sections: segmentation changed, process removed, coaching added; targets: win rate.
    expect(changes.changeCount).toBe(4);
    expect(changes.hasPrevious).toBe(true);
  });

  it('shows every filled section as added for a first version, with no target changes', () => {
    const first = whatChanged(previous, null);
    expect(first.hasPrevious).toBe(false);
    expect(first.sections.filter((s) => s.status === 'added').map((s) => s.field)).toEqual([
      'Governance_Model__c',
      'Segmentation__c',
      'Sales_Process__c'
    ]);
    expect(first.targets.some((t) => t.changed)).toBe(false);
  });
});

describe('computeAdoption', () => {
  const audience: AudienceMember[] = [
    { Id: 'u1', Name: 'Jonas', ManagerId: 'm1', Manager: { Name: 'Mikkel' } },
    { Id: 'u2', Name: 'Emma', ManagerId: 'm1', Manager: { Name: 'Mikkel' } },
    { Id: 'u3', Name: 'Lukas', ManagerId: 'm2', Manager: { Name: 'Sofia' } },
    { Id: 'm1', Name: 'Mikkel', ManagerId: null },
    { Id: 'm2', Name: 'Sofia', ManagerId: null }
  ];
  const acknowledgements: StrategyAcknowledgement[] = [
    { Strategy_Version__c: 'v2', User__c: 'u1' },
    { Strategy_Version__c: 'v2', User__c: 'm1' },
    { Strategy_Version__c: 'v1', User__c: 'u3' },
    { Strategy_Version__c: 'v2', User__c: 'admin' }
  ];
  const adoption = computeAdoption(current, audience, acknowledgements, '2026-11-16');

  it('counts only the audience and only this version', () => {
    expect(adoption.audienceCount).toBe(5);
    expect(adoption.acknowledgedCount).toBe(2);
    expect(adoption.rate).toBeCloseTo(0.4, 12);
  });

  it('rates each manager team, lowest first, people without a manager last', () => {
    expect(adoption.teams).toEqual([
      { managerId: 'm2', managerName: 'Sofia', memberCount: 1, acknowledgedCount: 0, rate: 0 },
      { managerId: 'm1', managerName: 'Mikkel', memberCount: 2, acknowledgedCount: 1, rate: 0.5 },
      { managerId: null, managerName: null, memberCount: 2, acknowledgedCount: 1, rate: 0.5 }
    ]);
  });

  it('lists who has not acknowledged, by name', () => {
    expect(adoption.pending.map((member) => member.Id)).toEqual(['u2', 'u3', 'm2']);
  });

  it('counts days since the UTC publication date and flags an overdue review', () => {
    // Published 2026-06-24 (UTC) -> 2026-11-16 is 145 days later.
    expect(adoption.daysSincePublication).toBe(145);
    expect(adoption.reviewOverdue).toBe(false);
    const late = computeAdoption(current, audience, acknowledgements, '2027-01-03');
    expect(late.reviewOverdue).toBe(true);
    expect(late.daysReviewOverdue).toBe(2);
    const onTheDay = computeAdoption(current, audience, acknowledgements, '2027-01-01');
    expect(onTheDay.reviewOverdue).toBe(false);
  });

  it('has no rate for an empty audience and no age before publication', () => {
    const empty = computeAdoption({ Id: 'v3' }, [], [], '2026-11-16');
    expect(empty.rate).toBeNull();
    expect(empty.daysSincePublication).toBeNull();
    expect(empty.reviewOverdue).toBe(false);
    expect(daysSince(null, '2026-11-16')).toBeNull();
  });
});

import {
  computeSkillMatrix,
  computeSkillProfile,
  gapBandOf,
  isActiveEnrollment,
  latestSkillGaps,
  skillGapOf
} from 'c/salesKpis';
import type {
  CoachingSession,
  DevelopmentProgram,
  ProgramEnrollment,
  SkillAssessment
} from 'c/salesKpis';

const SKILLS = ['Discovery', 'Business Acumen', 'Value Selling', 'Negotiation'];

function assessment(
  overrides: Partial<SkillAssessment> & Pick<SkillAssessment, 'Skill__c'>
): SkillAssessment {
  return {
    Seller__c: 'seller1',
    Score__c: 3,
    Target_Score__c: 4,
    Assessment_Date__c: '2026-09-01',
    ...overrides
  };
}

function program(overrides: Partial<DevelopmentProgram> & { Id: string }): DevelopmentProgram {
  return { Name: overrides.Id, Skill__c: 'Discovery', Hours__c: 8, Active__c: true, ...overrides };
}

function enrollment(
  overrides: Partial<ProgramEnrollment> & Pick<ProgramEnrollment, 'Development_Program__c'>
): ProgramEnrollment {
  return { Seller__c: 'seller1', Status__c: 'Enrolled', ...overrides };
}

function coaching(overrides: Partial<CoachingSession> & { Id: string }): CoachingSession {
  return {
    Seller__c: 'seller1',
    Coach__c: 'manager1',
    Session_Date__c: '2026-10-01',
    Focus_Area__c: 'Discovery',
    ...overrides
  };
}

describe('skillGapOf', () => {
  it('is target minus score when the target is not met', () => {
    expect(skillGapOf(2, 5)).toBe(3);
  });

  it('is 0 when the score meets or beats the target', () => {
    expect(skillGapOf(4, 4)).toBe(0);
    expect(skillGapOf(5, 3)).toBe(0);
  });

  it('is blank when the score or the target is blank', () => {
    expect(skillGapOf(null, 4)).toBeNull();
    expect(skillGapOf(3, null)).toBeNull();
  });
});

describe('latestSkillGaps', () => {
  it('keeps the latest assessment per seller and skill, whatever the input order', () => {
    const gaps = latestSkillGaps([
      assessment({ Skill__c: 'Discovery', Score__c: 2, Assessment_Date__c: '2026-09-14' }),
      assessment({ Skill__c: 'Discovery', Score__c: 1, Assessment_Date__c: '2026-03-16' }),
      assessment({ Skill__c: 'Discovery', Seller__c: 'seller2', Score__c: 4 })
    ]);
    expect(gaps.get('seller1')?.get('Discovery')).toEqual({
      sellerId: 'seller1',
      skill: 'Discovery',
      score: 2,
      target: 4,
      gap: 2,
      assessedOn: '2026-09-14'
    });
    expect(gaps.get('seller2')?.get('Discovery')?.gap).toBe(0);
  });

  it('takes the one listed last when two assessments share a date', () => {
    const gaps = latestSkillGaps([
      assessment({ Skill__c: 'Negotiation', Score__c: 1 }),
      assessment({ Skill__c: 'Negotiation', Score__c: 3 })
    ]);
    expect(gaps.get('seller1')?.get('Negotiation')?.score).toBe(3);
  });
});

describe('computeSkillProfile', () => {
  const facts = {
    skills: SKILLS,
    assessments: [
      // Discovery: gap 4 - 2 = 2 (the older assessment had gap 3 and no longer counts).
      assessment({ Skill__c: 'Discovery', Score__c: 1, Assessment_Date__c: '2026-03-01' }),
      assessment({ Skill__c: 'Discovery', Score__c: 2 }),
      // Value Selling: gap 5 - 2 = 3, the largest.
      assessment({ Skill__c: 'Value Selling', Score__c: 2, Target_Score__c: 5 }),
      // Negotiation: met.
      assessment({ Skill__c: 'Negotiation', Score__c: 4, Target_Score__c: 4 }),
      // Another seller's assessment is not part of this profile.
      assessment({ Skill__c: 'Business Acumen', Seller__c: 'seller2', Score__c: 1 })
    ],
    programs: [
      program({ Id: 'bootcamp', Skill__c: 'Value Selling', Hours__c: 16 }),
      program({ Id: 'mentoring', Skill__c: 'Value Selling', Hours__c: 6 }),
      program({ Id: 'noHours', Skill__c: 'Value Selling', Hours__c: null }),
      program({ Id: 'retired', Skill__c: 'Value Selling', Hours__c: 1, Active__c: false }),
      program({ Id: 'discovery', Skill__c: 'Discovery', Hours__c: 14 }),
      program({ Id: 'discoveryOnline', Skill__c: 'Discovery', Hours__c: 2 }),
      program({ Id: 'negotiation', Skill__c: 'Negotiation' })
    ],
    enrollments: [
      // Already in the online Discovery course: not recommended again.
      enrollment({ Development_Program__c: 'discoveryOnline', Status__c: 'In Progress' }),
      // Withdrew from mentoring: recommended again.
      enrollment({ Development_Program__c: 'mentoring', Status__c: 'Withdrawn' }),
      enrollment({ Development_Program__c: 'negotiation', Status__c: 'Completed' }),
      enrollment({ Development_Program__c: 'bootcamp', Seller__c: 'seller2' })
    ],
    coachingSessions: [
      coaching({ Id: 'older', Session_Date__c: '2026-08-01' }),
      coaching({ Id: 'newer', Session_Date__c: '2026-10-20' }),
      coaching({ Id: 'otherSkill', Focus_Area__c: 'Forecasting Discipline' }),
      coaching({ Id: 'otherSeller', Seller__c: 'seller2' })
    ]
  };

  it('ranks the assessed skills by gap, largest first, and lists the skills never assessed', () => {
    const profile = computeSkillProfile('seller1', facts);
    expect(profile.rows.map((row) => [row.rank, row.skill, row.gap])).toEqual([
      [1, 'Value Selling', 3],
      [2, 'Discovery', 2],
      [3, 'Negotiation', 0]
    ]);
    expect(profile.notAssessed).toEqual(['Business Acumen']);
    expect(profile.totalGap).toBe(5);
  });

  it('recommends active programmes the seller is not in, shortest first, blank hours last', () => {
    const [valueSelling, discovery, negotiation] = computeSkillProfile('seller1', facts).rows;
    expect(valueSelling.recommended.map((p) => p.Id)).toEqual(['mentoring', 'bootcamp', 'noHours']);
    expect(discovery.recommended.map((p) => p.Id)).toEqual(['discovery']);
    expect(negotiation.recommended).toEqual([]);
  });

  it('recommends only for the largest gaps when asked for fewer', () => {
    const rows = computeSkillProfile('seller1', facts, 1).rows;
    expect(rows.map((row) => row.recommended.length)).toEqual([3, 0, 0]);
  });

  it('shows the seller’s enrolments per skill with their status, and counts the active ones', () => {
    const profile = computeSkillProfile('seller1', facts);
    const statuses = profile.rows.map((row) =>
      row.enrollments.map((view) => `${view.program.Id}:${view.enrollment?.Status__c}`)
    );
    expect(statuses).toEqual([
      ['mentoring:Withdrawn'],
      ['discoveryOnline:In Progress'],
      ['negotiation:Completed']
    ]);
    expect(profile.activeEnrollmentCount).toBe(1);
  });

  it('lists the seller’s coaching sessions on a skill with it, latest first', () => {
    const discovery = computeSkillProfile('seller1', facts).rows[1];
    expect(discovery.coaching.map((session) => session.Id)).toEqual(['newer', 'older']);
  });

  it('puts skills whose gap cannot be computed last and never recommends for them', () => {
    const profile = computeSkillProfile('seller1', {
      ...facts,
      assessments: [
        assessment({ Skill__c: 'Discovery', Target_Score__c: null }),
        assessment({ Skill__c: 'Negotiation', Score__c: 4, Target_Score__c: 4 })
      ]
    });
    expect(profile.rows.map((row) => [row.skill, row.gap, row.recommended.length])).toEqual([
      ['Negotiation', 0, 0],
      ['Discovery', null, 0]
    ]);
    expect(profile.totalGap).toBe(0);
  });

  it('orders equal gaps by the catalogue, then by name for skills outside it', () => {
    const profile = computeSkillProfile('seller1', {
      ...facts,
      assessments: [
        assessment({ Skill__c: 'Storytelling' }),
        assessment({ Skill__c: 'Negotiation' }),
        assessment({ Skill__c: 'Discovery' }),
        assessment({ Skill__c: 'Active Listening' })
      ]
    });
    expect(profile.rows.map((row) => row.skill)).toEqual([
      'Discovery',
      'Negotiation',
      'Active Listening',
      'Storytelling'
    ]);
  });

  it('gives an unassessed seller an empty profile with every skill not assessed', () => {
    const profile = computeSkillProfile('nobody', facts);
    expect(profile.rows).toEqual([]);
    expect(profile.notAssessed).toEqual(SKILLS);
    expect(profile.activeEnrollmentCount).toBe(0);
  });
});

describe('computeSkillMatrix', () => {
  const sellers = [
    { Id: 'seller1', Name: 'Jonas Holm', ManagerId: 'manager1' },
    { Id: 'seller2', Name: 'Emma Nielsen', ManagerId: 'manager1' },
    { Id: 'seller3', Name: 'Ida Lund', ManagerId: 'manager1' }
  ];
  const assessments = [
    assessment({ Skill__c: 'Discovery', Score__c: 2, Target_Score__c: 4 }),
    assessment({ Skill__c: 'Discovery', Seller__c: 'seller2', Score__c: 4, Target_Score__c: 4 }),
    assessment({ Skill__c: 'Discovery', Seller__c: 'seller3', Score__c: 3, Target_Score__c: 4 }),
    assessment({ Skill__c: 'Negotiation', Seller__c: 'seller2', Score__c: 1, Target_Score__c: 4 }),
    assessment({ Skill__c: 'Negotiation', Seller__c: 'seller3', Score__c: null }),
    assessment({ Skill__c: 'Discovery', Seller__c: 'outsider', Score__c: 1, Target_Score__c: 5 })
  ];
  const enrollments = [
    enrollment({ Development_Program__c: 'p1', Status__c: 'In Progress' }),
    enrollment({ Development_Program__c: 'p2', Seller__c: 'seller2', Status__c: 'Completed' }),
    enrollment({ Development_Program__c: 'p3', Seller__c: 'seller3', Status__c: 'Withdrawn' }),
    enrollment({ Development_Program__c: 'p1', Seller__c: 'outsider' })
  ];

  it('lays out sellers by skills with each latest gap, blank where not assessed', () => {
    const matrix = computeSkillMatrix(sellers, SKILLS, assessments, enrollments);
    expect(matrix.skills).toEqual(SKILLS);
    expect(
      matrix.rows.map((row) => row.cells.map((cell) => (cell === null ? 'none' : cell.gap)))
    ).toEqual([
      [2, 'none', 'none', 'none'],
      [0, 'none', 'none', 3],
      [1, 'none', 'none', null]
    ]);
  });

  it('averages the gap per skill over the sellers assessed on it, outsiders left out', () => {
    const matrix = computeSkillMatrix(sellers, SKILLS, assessments, enrollments);
    // Discovery (2 + 0 + 1) / 3 = 1; Negotiation: only seller2's 3 counts (seller3 has no score).
    expect(matrix.averageGapBySkill).toEqual([1, null, null, 3]);
  });

  it('counts the sellers with an Enrolled or In Progress enrolment', () => {
    const matrix = computeSkillMatrix(sellers, SKILLS, assessments, enrollments);
    expect(matrix.rows.map((row) => row.hasActiveEnrollment)).toEqual([true, false, false]);
    expect(matrix.sellersInDevelopment).toBe(1);
    expect(matrix.shareInDevelopment).toBeCloseTo(1 / 3, 10);
  });

  it('has no share for a team without sellers', () => {
    const matrix = computeSkillMatrix([], SKILLS, assessments, enrollments);
    expect(matrix.rows).toEqual([]);
    expect(matrix.shareInDevelopment).toBeNull();
    expect(matrix.averageGapBySkill).toEqual([null, null, null, null]);
  });
});

describe('isActiveEnrollment and gapBandOf', () => {
  it.each([
    ['Enrolled', true],
    ['In Progress', true],
    ['Completed', false],
    ['Withdrawn', false]
  ])('%s is active: %s', (status, active) => {
    expect(isActiveEnrollment(enrollment({ Development_Program__c: 'p', Status__c: status }))).toBe(
      active
    );
  });

  it.each([
    [0, 'met'],
    [-1, 'met'],
    [1, 'small'],
    [1.5, 'small'],
    [2, 'large'],
    [4, 'large'],
    [null, 'unknown'],
    [undefined, 'unknown']
  ])('a gap of %s is %s', (gap, band) => {
    expect(gapBandOf(gap)).toBe(band);
  });
});

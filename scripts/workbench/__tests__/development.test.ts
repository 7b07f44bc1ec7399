/**
 * The package's skills, compensation and ideas Apex (SkillProfileController,
 * TeamDevelopmentController, CompensationAlignmentController, ImprovementIdeasController) run
 * by the Apex runtime on the sample org, as the workbench serves it, held against the org's
 * records and the custom labels the user reads.
 */
import { computeCompensationAlignment, compensationFactsFromApex } from 'c/salesKpis';
import { managerHierarchyBelow } from '../../../apex-runtime/src/platform/recordAccess';
import { apex, body, label, refusal, user, useFreshWorkbench, workbench } from './apexHarness';

useFreshWorkbench('wb-development-');

const SAMPLE_DAY = '2026-11-16';

/** The Ids of an object's records whose field is one of the given users, sorted. */
function idsOf(objectName: string, field: string, people: ReadonlySet<string>): string[] {
  return workbench
    .records(objectName)
    .filter((row) => people.has(String(row[field])))
    .map((row) => row.Id)
    .sort();
}

function idsIn(rows: readonly { Id?: unknown }[] | null | undefined): string[] {
  return (rows ?? []).map((row) => String(row.Id)).sort();
}

describe('SkillProfileController on the sample org', () => {
  it('gives a seller their own assessments, enrolments and coaching, nobody else’s', () => {
    const seller = user('seller1');
    const facts = body<ApexGenerated.SkillFacts>(
      apex(seller, 'SkillProfileController.getSkillProfile')
    );
    const self = new Set([seller.id]);
    expect(facts).toMatchObject({ sellerId: seller.id, today: SAMPLE_DAY });
    expect(facts.skills).toContain('Discovery');
    // Skill_Assessment__c is private to the assessor's line; the Assessed_Seller share
    // (SkillAssessmentSharing) lets the seller read their own.
    expect(idsOf('Skill_Assessment__c', 'Seller__c', self).length).toBeGreaterThan(0);
    expect(idsIn(facts.assessments)).toEqual(idsOf('Skill_Assessment__c', 'Seller__c', self));
    expect(idsIn(facts.enrollments)).toEqual(idsOf('Program_Enrollment__c', 'Seller__c', self));
    // Coaching_Session__c is private to the coach's line too; Coached_Seller shares the
    // sessions of the last year with their seller.
    const sessions = workbench
      .records('Coaching_Session__c')
      .filter(
        (session) =>
          session.Seller__c === seller.id &&
          String(session.Session_Date__c) >= String(facts.windowStart) &&
          String(session.Session_Date__c) <= SAMPLE_DAY
      )
      .map((session) => session.Id)
      .sort();
    expect(sessions.length).toBeGreaterThan(0);
    expect(idsIn(facts.coachingSessions)).toEqual(sessions);
    expect(facts.programs).toHaveLength(workbench.records('Development_Program__c').length);
  });

  it('enrols once and refuses a second enrolment with the trigger’s message', () => {
    const seller = user('seller1');
    const taken = new Set(
      workbench
        .records('Program_Enrollment__c')
        .filter((row) => row.Seller__c === seller.id)
        .map((row) => row.Development_Program__c)
    );
    const program = workbench
      .records('Development_Program__c')
      .find((row) => row.Active__c === true && !taken.has(row.Id));
    if (!program) throw new Error('seller1 is enrolled in every active programme');
    const first = apex(seller, 'SkillProfileController.enrol', { programId: program.Id });
    expect(first.status).toBe(200);
    expect(workbench.byId(String(first.body))).toMatchObject({
      Seller__c: seller.id,
      Development_Program__c: program.Id,
      Status__c: 'Enrolled',
      Enrolled_On__c: SAMPLE_DAY
    });

    expect(refusal(seller, 'SkillProfileController.enrol', { programId: program.Id })).toBe(
      label('SSM_Already_Enrolled')
    );
    expect(
      workbench
        .records('Program_Enrollment__c')
        .filter((row) => row.Seller__c === seller.id && row.Development_Program__c === program.Id)
    ).toHaveLength(1);
  });
});

describe('TeamDevelopmentController on the sample org', () => {
  it('gives a manager the team, every assessment of its sellers and the coaching target', () => {
    const manager = user('manager1');
    const facts = body<ApexGenerated.SkillFacts>(
      apex(manager, 'TeamDevelopmentController.getTeamDevelopment')
    );
    const team = managerHierarchyBelow(workbench.records('User'), manager.id);
    const sellers = new Set([...team].filter((id) => id !== manager.id));
    const members = (facts.team ?? []).map((member) => String(member.Id));
    expect(members[0]).toBe(manager.id);
    expect([...members].sort()).toEqual([...team].sort());
    expect(members).toHaveLength(5);
    expect(idsIn(facts.assessments)).toEqual(idsOf('Skill_Assessment__c', 'Seller__c', sellers));
    expect(idsIn(facts.assessments).length).toBeGreaterThan(0);
    expect(idsIn(facts.enrollments)).toEqual(idsOf('Program_Enrollment__c', 'Seller__c', sellers));
    const published = workbench
      .records('Strategy_Version__c')
      .find((version) => version.Status__c === 'Published');
    expect(facts.strategy?.Target_Coaching_Sessions__c).toBe(
      published?.Target_Coaching_Sessions__c
    );
    expect(facts.strategy?.Target_Coaching_Sessions__c).toBe(1.5);
  });
});

describe('CompensationAlignmentController on the sample org', () => {
  it('returns the sample plan, whose team share is below the published principles', () => {
    const plan = workbench.records('Compensation_Plan__c')[0];
    const facts = body<ApexGenerated.CompensationFacts>(
      apex(user('seller1'), 'CompensationAlignmentController.getAlignment', {
        planId: plan.Id
      })
    );
    expect(idsIn(facts.components)).toEqual(
      idsOf('Compensation_Component__c', 'Compensation_Plan__c', new Set([plan.Id]))
    );
    const input = compensationFactsFromApex(facts);
    const alignment = computeCompensationAlignment(input.plan, input.components, input.published);
    expect(alignment.totalWeight).toBe(100);
    expect(alignment.warnings.map((w) => w.code)).toEqual(['teamShareBelowTarget']);
  });

  it('answers with the label’s message for a record that is not a plan', () => {
    const account = workbench.records('Account')[0];
    expect(
      refusal(user('seller1'), 'CompensationAlignmentController.getAlignment', {
        planId: account.Id
      })
    ).toBe(label('SSM_Compensation_Plan_Not_Found'));
  });
});

describe('ImprovementIdeasController on the sample org', () => {
  it('lists every idea with its submitter and the user’s votes; sellers do not decide', () => {
    const seller = user('seller1');
    const facts = body<ApexGenerated.IdeaFacts>(
      apex(seller, 'ImprovementIdeasController.getIdeas')
    );
    expect(idsIn(facts.ideas)).toEqual(
      workbench
        .records('Improvement_Idea__c')
        .map((idea) => idea.Id)
        .sort()
    );
    expect(facts.ideas).toHaveLength(10);
    for (const idea of facts.ideas ?? []) {
      expect((idea.Owner as { Name: string }).Name).toBe(
        workbench.byId(String(idea.OwnerId))?.Name
      );
    }
    const mine = workbench.records('Idea_Vote__c').filter((v) => v.Voter__c === seller.id);
    expect([...(facts.votedIdeaIds ?? [])].sort()).toEqual(
      mine.map((v) => v.Improvement_Idea__c).sort()
    );
    expect(facts.canDecide).toBe(false);
    expect(facts.statuses?.map((option) => option.value)).toEqual([
      'New',
      'Under Review',
      'Accepted',
      'Implemented',
      'Declined'
    ]);
  });

  it('counts a vote once and refuses the second with the one-per-user message', () => {
    const seller = user('seller1');
    const voted = new Set(
      workbench
        .records('Idea_Vote__c')
        .filter((v) => v.Voter__c === seller.id)
        .map((v) => v.Improvement_Idea__c)
    );
    const idea = workbench.records('Improvement_Idea__c').find((row) => !voted.has(row.Id));
    if (!idea) throw new Error('seller1 has voted for every sample idea');
    const before = Number(idea.Vote_Count__c ?? 0);
    expect(apex(seller, 'ImprovementIdeasController.vote', { ideaId: idea.Id }).status).toBe(200);
    // Vote_Count__c is a roll-up summary of the votes.
    expect(workbench.byId(idea.Id)?.Vote_Count__c).toBe(before + 1);

    expect(refusal(seller, 'ImprovementIdeasController.vote', { ideaId: idea.Id })).toBe(
      label('SSM_Already_Voted')
    );
    expect(workbench.byId(idea.Id)?.Vote_Count__c).toBe(before + 1);
  });

  it('submits an idea as New owned by the submitter, and refuses one without a title', () => {
    const seller = user('seller2');
    const created = apex(seller, 'ImprovementIdeasController.submitIdea', {
      title: 'Shared reference library',
      area: 'Data',
      description: 'One place for references.',
      expectedHoursSaved: 1.5
    });
    expect(workbench.byId(String(body<string>(created)))).toMatchObject({
      Name: 'Shared reference library',
      Status__c: 'New',
      OwnerId: seller.id,
      Expected_Hours_Saved__c: 1.5
    });
    const ideas = workbench.records('Improvement_Idea__c').length;
    expect(refusal(seller, 'ImprovementIdeasController.submitIdea', { title: ' ' })).toBe(
      label('SSM_Ideas_Title_Required')
    );
    expect(workbench.records('Improvement_Idea__c')).toHaveLength(ideas);
  });

  it('lets a manager decide with a note and refuses a seller', () => {
    const idea = workbench.records('Improvement_Idea__c').find((row) => row.Status__c === 'New');
    if (!idea) throw new Error('the sample org has no new idea');
    const params = { ideaId: idea.Id, status: 'Accepted', decisionNote: 'Next release.' };
    expect(refusal(user('seller1'), 'ImprovementIdeasController.changeStatus', params)).toBe(
      label('SSM_Ideas_Decide_Not_Allowed')
    );
    const manager = user('manager1');
    expect(
      refusal(manager, 'ImprovementIdeasController.changeStatus', { ...params, decisionNote: ' ' })
    ).toBe(label('SSM_Ideas_Decision_Note_Required'));
    expect(workbench.byId(idea.Id)?.Status__c).toBe('New');
    expect(apex(manager, 'ImprovementIdeasController.changeStatus', params).status).toBe(200);
    expect(workbench.byId(idea.Id)).toMatchObject({
      Status__c: 'Accepted',
      Decision_Note__c: 'Next release.'
    });
  });
});

import { computeCompensationAlignment, compensationFactsFromApex } from 'c/salesKpis';
import { actingUserOf } from '../server/api';
import { apex, body, message, useFreshWorkbench, workbench } from './apexHarness';

useFreshWorkbench('wb-development-');

describe('SkillProfileController in the workbench', () => {
  it('gives a seller their own assessments, enrolments and coaching, nobody else’s', () => {
    const seller = actingUserOf(workbench, 'seller1');
    const facts = body<ApexGenerated.SkillFacts>(
      apex(seller, 'SkillProfileController.getSkillProfile')
    );
    expect(facts.sellerId).toBe(seller.id);
    expect(facts.today).toBe('2026-11-16');
    expect(facts.skills).toContain('Discovery');
    expect(facts.assessments?.length).toBeGreaterThan(0);
    for (const row of facts.assessments ?? []) expect(row.Seller__c).toBe(seller.id);
    for (const row of facts.enrollments ?? []) expect(row.Seller__c).toBe(seller.id);
    expect(facts.programs).toHaveLength(10);
  });

  it('enrols once and refuses a second enrolment with the trigger’s message', () => {
    const seller = actingUserOf(workbench, 'seller1');
    const taken = new Set(
      workbench.org
        .records('Program_Enrollment__c')
        .filter((row) => row.Seller__c === seller.id)
        .map((row) => row.Development_Program__c)
    );
    const program = workbench.org
      .records('Development_Program__c')
      .find((row) => row.Active__c === true && !taken.has(row.Id));
    const first = apex(seller, 'SkillProfileController.enrol', { programId: program?.Id });
    expect(first.status).toBe(200);
    const saved = workbench.org.byId(String(first.body));
    expect(saved).toMatchObject({
      Seller__c: seller.id,
      Status__c: 'Enrolled',
      Enrolled_On__c: '2026-11-16'
    });

    const second = apex(seller, 'SkillProfileController.enrol', { programId: program?.Id });
    expect(second.status).toBe(400);
    expect(message(second)).toMatch(/already enrolled/i);
  });
});

describe('TeamDevelopmentController in the workbench', () => {
  it('gives a manager the team, its assessments and the coaching target', () => {
    const manager = actingUserOf(workbench, 'manager1');
    const facts = body<ApexGenerated.SkillFacts>(
      apex(manager, 'TeamDevelopmentController.getTeamDevelopment')
    );
    const team = (facts.team ?? []).map((member) => member.Id);
    expect(team[0]).toBe(manager.id);
    expect(team).toHaveLength(5);
    const sellers = new Set(team.slice(1));
    for (const row of facts.assessments ?? [])
      expect(sellers.has(String(row.Seller__c))).toBe(true);
    expect(facts.strategy?.Target_Coaching_Sessions__c).toBe(1.5);
  });
});

describe('CompensationAlignmentController in the workbench', () => {
  it('returns the sample plan, whose team share is below the published principles', () => {
    const plan = workbench.org.records('Compensation_Plan__c')[0];
    const facts = body<ApexGenerated.CompensationFacts>(
      apex(actingUserOf(workbench, 'seller1'), 'CompensationAlignmentController.getAlignment', {
        planId: plan.Id
      })
    );
    const input = compensationFactsFromApex(facts);
    const alignment = computeCompensationAlignment(input.plan, input.components, input.published);
    expect(alignment.totalWeight).toBe(100);
    expect(alignment.warnings.map((w) => w.code)).toEqual(['teamShareBelowTarget']);
  });

  it('answers clearly for an Id that is not a plan', () => {
    const response = apex(
      actingUserOf(workbench, 'seller1'),
      'CompensationAlignmentController.getAlignment',
      {
        planId: 'nope'
      }
    );
    expect(response.status).toBe(404);
  });
});

describe('ImprovementIdeasController in the workbench', () => {
  it('lists every idea with its submitter and the user’s votes; sellers do not decide', () => {
    const seller = actingUserOf(workbench, 'seller1');
    const facts = body<ApexGenerated.IdeaFacts>(
      apex(seller, 'ImprovementIdeasController.getIdeas')
    );
    expect(facts.ideas).toHaveLength(10);
    expect((facts.ideas?.[0].Owner as { Name: string }).Name).not.toBe('');
    const mine = workbench.org.records('Idea_Vote__c').filter((v) => v.Voter__c === seller.id);
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
    const seller = actingUserOf(workbench, 'seller1');
    const voted = new Set(
      workbench.org
        .records('Idea_Vote__c')
        .filter((v) => v.Voter__c === seller.id)
        .map((v) => v.Improvement_Idea__c)
    );
    const idea = workbench.org.records('Improvement_Idea__c').find((row) => !voted.has(row.Id));
    const before = Number(idea?.Vote_Count__c ?? 0);
    expect(apex(seller, 'ImprovementIdeasController.vote', { ideaId: idea?.Id }).status).toBe(200);
    expect(workbench.org.byId(String(idea?.Id))?.Vote_Count__c).toBe(before + 1);

    const second = apex(seller, 'ImprovementIdeasController.vote', { ideaId: idea?.Id });
    expect(second.status).toBe(400);
    expect(message(second)).toMatch(/already voted/i);
    expect(workbench.org.byId(String(idea?.Id))?.Vote_Count__c).toBe(before + 1);
  });

  it('submits an idea as New owned by the submitter, and refuses one without a title', () => {
    const seller = actingUserOf(workbench, 'seller2');
    const created = apex(seller, 'ImprovementIdeasController.submitIdea', {
      title: 'Shared reference library',
      area: 'Data',
      description: 'One place for references.',
      expectedHoursSaved: 1.5
    });
    expect(workbench.org.byId(String(created.body))).toMatchObject({
      Name: 'Shared reference library',
      Status__c: 'New',
      OwnerId: seller.id,
      Expected_Hours_Saved__c: 1.5
    });
    expect(apex(seller, 'ImprovementIdeasController.submitIdea', { title: ' ' }).status).toBe(400);
  });

  it('lets a manager decide with a note and refuses a seller', () => {
    const idea = workbench.org
      .records('Improvement_Idea__c')
      .find((row) => row.Status__c === 'New');
    const params = { ideaId: idea?.Id, status: 'Accepted', decisionNote: 'Next release.' };
    const seller = apex(
      actingUserOf(workbench, 'seller1'),
      'ImprovementIdeasController.changeStatus',
      params
    );
    expect(message(seller)).toMatch(/leadership/);
    const manager = actingUserOf(workbench, 'manager1');
    expect(
      apex(manager, 'ImprovementIdeasController.changeStatus', { ...params, decisionNote: ' ' })
        .status
    ).toBe(400);
    expect(apex(manager, 'ImprovementIdeasController.changeStatus', params).status).toBe(200);
    expect(workbench.org.byId(String(idea?.Id))).toMatchObject({
      Status__c: 'Accepted',
      Decision_Note__c: 'Next release.'
    });
  });
});

/**
 * The Apex of skills and development, compensation alignment and improvement ideas over the
 * workbench org: SkillProfileController, TeamDevelopmentController,
 * CompensationAlignmentController and ImprovementIdeasController. Each answers with the facts
 * the Apex selectors would return for the acting user (sharing as the org decides it: public
 * objects to everyone, private ones to the owner's hierarchy and, through the sharing reasons,
 * to the seller concerned); writes go through the workbench org's saves, so the one-per-user
 * rules refuse a second vote or enrolment with the trigger's message. KPIs are computed by the
 * components with c/salesKpis, never here.
 */
import { addDays } from '../../../../force-app/main/default/lwc/salesKpis/periods';
import type { OrgRecord } from '../../../org/embeddedOrg';
import { hierarchyBelow, isAdmin, visibilityOf, type ActingUser } from '../visibility';
import { RecordSaveError, FieldValidationError, type WorkbenchOrg } from '../workbenchOrg';
import { apexError, textParam, type ApexHandler, type ApiResponse } from './apexMethod';

/** As the Apex controllers: a year of coaching on the profile, 90 days on the team page. */
const PROFILE_COACHING_DAYS = 365;
const TEAM_COACHING_DAYS = 90;

/**
 * Records of an object the acting user reads. Private objects with a seller sharing reason
 * (assessments, coaching sessions) are also visible to the seller they concern; the other
 * objects these controllers read are public (Read or ReadWrite) or controlled by a public parent.
 */
function readable(workbench: WorkbenchOrg, acting: ActingUser, objectName: string): OrgRecord[] {
  const records = workbench.org.records(objectName);
  if (objectName !== 'Skill_Assessment__c' && objectName !== 'Coaching_Session__c') {
    return records;
  }
  const canSee = visibilityOf(workbench.org, acting, objectName, workbench.permissionSets);
  return records.filter((record) => canSee(record) || record.Seller__c === acting.id);
}

function picklist(workbench: WorkbenchOrg, objectName: string, field: string) {
  return workbench.describe(objectName)?.fields[field]?.picklistValues ?? [];
}

function skillCatalogue(workbench: WorkbenchOrg): string[] {
  return picklist(workbench, 'Skill_Assessment__c', 'Skill__c').map((option) => option.value);
}

function publishedStrategy(workbench: WorkbenchOrg): OrgRecord | null {
  const published = workbench.org
    .records('Strategy_Version__c')
    .filter((version) => version.Status__c === 'Published')
    .sort((a, b) => String(b.Effective_From__c).localeCompare(String(a.Effective_From__c)));
  return published[0] ?? null;
}

function userRow(workbench: WorkbenchOrg, userId: string): Record<string, unknown> {
  const user = workbench.org.byId(userId);
  return { Id: userId, Name: user?.Name ?? '', ManagerId: user?.ManagerId ?? null };
}

/** The manager and everyone below, manager first then level by level (TeamSelector.teamOf). */
function teamOf(workbench: WorkbenchOrg, managerId: string): Record<string, unknown>[] {
  const below = hierarchyBelow(workbench.org, managerId);
  return [managerId, ...[...below].filter((id) => id !== managerId)].map((id) =>
    userRow(workbench, id)
  );
}

function inWindow(record: OrgRecord, first: string, last: string): boolean {
  const day = String(record.Session_Date__c ?? '');
  return day >= first && day <= last;
}

/** A save refused by the org's rules, as the controllers' AuraHandledException. */
function refusal(error: unknown): ApiResponse {
  if (error instanceof RecordSaveError || error instanceof FieldValidationError) {
    return apexError(400, error.message);
  }
  throw error;
}

function canDecideOnIdeas(workbench: WorkbenchOrg, acting: ActingUser): boolean {
  return (
    isAdmin(acting.user) ||
    acting.user.permissionSets.some(
      (name) =>
        workbench.permissionSets.get(name)?.fields.get('Improvement_Idea__c.Status__c')
          ?.editable === true
    )
  );
}

const getSkillProfile: ApexHandler = (workbench, acting, params) => {
  const sellerId = textParam(params, 'sellerId') ?? acting.id;
  const today = workbench.org.today;
  const windowStart = addDays(today, 1 - PROFILE_COACHING_DAYS);
  return {
    status: 200,
    body: {
      today,
      windowStart,
      sellerId,
      skills: skillCatalogue(workbench),
      assessments: readable(workbench, acting, 'Skill_Assessment__c').filter(
        (row) => row.Seller__c === sellerId
      ),
      programs: readable(workbench, acting, 'Development_Program__c'),
      enrollments: readable(workbench, acting, 'Program_Enrollment__c').filter(
        (row) => row.Seller__c === sellerId
      ),
      coachingSessions: readable(workbench, acting, 'Coaching_Session__c').filter(
        (row) => row.Seller__c === sellerId && inWindow(row, windowStart, today)
      )
    }
  };
};

const enrol: ApexHandler = (workbench, acting, params) => {
  const programId = textParam(params, 'programId');
  const program = programId ? workbench.org.byId(programId) : undefined;
  if (!program || program.attributes.type !== 'Development_Program__c') {
    return apexError(400, 'Choose a development programme to enrol in.');
  }
  try {
    const enrollment = workbench.createRecord(
      'Program_Enrollment__c',
      {
        Development_Program__c: program.Id,
        Seller__c: acting.id,
        Status__c: 'Enrolled',
        Enrolled_On__c: workbench.org.today
      },
      acting.id
    );
    return { status: 200, body: enrollment.Id };
  } catch (error) {
    return refusal(error);
  }
};

const getTeamDevelopment: ApexHandler = (workbench, acting, params) => {
  const managerId = textParam(params, 'managerId') ?? acting.id;
  const today = workbench.org.today;
  const windowStart = addDays(today, 1 - TEAM_COACHING_DAYS);
  const team = teamOf(workbench, managerId);
  const teamIds = new Set(team.map((member) => String(member.Id)));
  const sellerIds = new Set([...teamIds].filter((id) => id !== managerId));
  const strategy = publishedStrategy(workbench);
  return {
    status: 200,
    body: {
      today,
      windowStart,
      team,
      skills: skillCatalogue(workbench),
      assessments: readable(workbench, acting, 'Skill_Assessment__c').filter((row) =>
        sellerIds.has(String(row.Seller__c))
      ),
      programs: readable(workbench, acting, 'Development_Program__c'),
      enrollments: readable(workbench, acting, 'Program_Enrollment__c').filter((row) =>
        sellerIds.has(String(row.Seller__c))
      ),
      coachingSessions: readable(workbench, acting, 'Coaching_Session__c').filter(
        (row) =>
          (teamIds.has(String(row.Seller__c)) || teamIds.has(String(row.Coach__c))) &&
          inWindow(row, windowStart, today)
      ),
      strategy: strategy
        ? {
            Id: strategy.Id,
            Name: strategy.Name,
            Target_Coaching_Sessions__c: strategy.Target_Coaching_Sessions__c ?? null
          }
        : null
    }
  };
};

const getAlignment: ApexHandler = (workbench, _acting, params) => {
  const planId = textParam(params, 'planId');
  const plan = planId ? workbench.org.byId(planId) : undefined;
  if (!plan || plan.attributes.type !== 'Compensation_Plan__c') {
    return apexError(404, 'The compensation plan was not found or is not shared with you.');
  }
  const components = workbench.org
    .records('Compensation_Component__c')
    .filter((row) => row.Compensation_Plan__c === plan.Id)
    .sort(
      (a, b) =>
        Number(b.Weight__c ?? -1) - Number(a.Weight__c ?? -1) ||
        String(a.Name).localeCompare(String(b.Name))
    );
  return {
    status: 200,
    body: { plan, components, publishedStrategy: publishedStrategy(workbench) }
  };
};

const getIdeas: ApexHandler = (workbench, acting) => {
  const ideas = [...workbench.org.records('Improvement_Idea__c')]
    .sort((a, b) => Number(b.Vote_Count__c ?? 0) - Number(a.Vote_Count__c ?? 0))
    .map((idea) => ({
      ...idea,
      Owner: { Name: workbench.org.byId(String(idea.OwnerId))?.Name ?? '' }
    }));
  const votedIdeaIds = workbench.org
    .records('Idea_Vote__c')
    .filter((vote) => vote.Voter__c === acting.id)
    .map((vote) => vote.Improvement_Idea__c);
  const options = (field: string) =>
    picklist(workbench, 'Improvement_Idea__c', field).map((option) => ({
      value: option.value,
      label: option.label
    }));
  return {
    status: 200,
    body: {
      ideas,
      votedIdeaIds,
      canDecide: canDecideOnIdeas(workbench, acting),
      areas: options('Area__c'),
      statuses: options('Status__c')
    }
  };
};

const submitIdea: ApexHandler = (workbench, acting, params) => {
  const title = textParam(params, 'title');
  if (!title) return apexError(400, 'Give your idea a title.');
  const hours = params.expectedHoursSaved;
  if (typeof hours === 'number' && hours < 0) {
    return apexError(400, 'Expected hours saved cannot be negative.');
  }
  try {
    const idea = workbench.createRecord(
      'Improvement_Idea__c',
      {
        Name: title.trim().slice(0, 80),
        Area__c: textParam(params, 'area'),
        Description__c: textParam(params, 'description'),
        Expected_Hours_Saved__c: typeof hours === 'number' ? hours : null,
        Status__c: 'New'
      },
      acting.id
    );
    return { status: 200, body: idea.Id };
  } catch (error) {
    return refusal(error);
  }
};

const vote: ApexHandler = (workbench, acting, params) => {
  const ideaId = textParam(params, 'ideaId');
  const idea = ideaId ? workbench.org.byId(ideaId) : undefined;
  if (!idea || idea.attributes.type !== 'Improvement_Idea__c') {
    return apexError(404, 'The idea was not found or is not shared with you.');
  }
  try {
    const saved = workbench.createRecord(
      'Idea_Vote__c',
      { Improvement_Idea__c: idea.Id, Voter__c: acting.id },
      acting.id
    );
    return { status: 200, body: saved.Id };
  } catch (error) {
    return refusal(error);
  }
};

const changeStatus: ApexHandler = (workbench, acting, params) => {
  if (!canDecideOnIdeas(workbench, acting)) {
    return apexError(400, 'Only sales leadership can change the status of an idea.');
  }
  const note = textParam(params, 'decisionNote');
  if (!note) return apexError(400, 'Write a decision note: the submitter is told why.');
  const status = textParam(params, 'status') ?? '';
  if (!picklist(workbench, 'Improvement_Idea__c', 'Status__c').some((o) => o.value === status)) {
    return apexError(400, `${status} is not a status of an improvement idea.`);
  }
  const ideaId = textParam(params, 'ideaId');
  const idea = ideaId ? workbench.org.byId(ideaId) : undefined;
  if (!idea || idea.attributes.type !== 'Improvement_Idea__c') {
    return apexError(404, 'The idea was not found or is not shared with you.');
  }
  try {
    workbench.saveRecord(idea.Id, { Status__c: status, Decision_Note__c: note.trim() }, acting.id);
    return { status: 200, body: null };
  } catch (error) {
    return refusal(error);
  }
};

export const DEVELOPMENT_APEX: Readonly<Record<string, ApexHandler>> = {
  'SkillProfileController.getSkillProfile': getSkillProfile,
  'SkillProfileController.enrol': enrol,
  'TeamDevelopmentController.getTeamDevelopment': getTeamDevelopment,
  'CompensationAlignmentController.getAlignment': getAlignment,
  'ImprovementIdeasController.getIdeas': getIdeas,
  'ImprovementIdeasController.submitIdea': submitIdea,
  'ImprovementIdeasController.vote': vote,
  'ImprovementIdeasController.changeStatus': changeStatus
};

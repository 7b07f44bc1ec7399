import { buildAccounts, type SampleAccount } from './accounts';
import { buildActivities } from './activities';
import { stampAuditFields } from './auditFields';
import { buildCoachingSessions } from './coaching';
import { buildCompensation } from './compensation';
import { SAMPLE_SEED } from './constants';
import { buildContacts, type SampleContact } from './contacts';
import { buildIdeas } from './ideas';
import type { SampleOrg } from './model';
import { buildOpportunities } from './opportunities';
import { buildAccountPlans } from './plans';
import { SeededRandom } from './random';
import { buildSegments } from './segments';
import { buildSkills } from './skills';
import { buildStrategy } from './strategy';
import { buildKpiSnapshots } from './snapshots';
import { buildSalesTargets } from './targets';
import { buildUsers } from './users';

/**
 * Generates the whole sample org from one seed. Pure but for reading the package's permission
 * set groups (what the users' personas grant): no clock, no Math.random, so the same seed always
 * gives the same org. Each part draws from its own random stream.
 */
export function generateSampleOrg(seed: number = SAMPLE_SEED): SampleOrg {
  const stream = (name: string): SeededRandom => new SeededRandom(seed, name);
  const users = buildUsers();
  const strategy = buildStrategy(stream('strategy'), users);
  const segments = buildSegments(strategy.published);
  const accounts = buildAccounts(stream('accounts'), segments);
  const contacts = buildContacts(stream('contacts'), accounts);
  const contactsByAccount = groupByAccount(contacts);
  const deals = buildOpportunities(stream('opportunities'), accounts, contactsByAccount);
  const plans = buildAccountPlans(stream('plans'), accounts, contactsByAccount, strategy.published);
  const activities = buildActivities(
    stream('activities'),
    users,
    deals.opportunities,
    accounts,
    contactsByAccount
  );
  const coaching = buildCoachingSessions(stream('coaching'), users, deals.opportunities, accounts);
  const targets = buildSalesTargets(stream('targets'), users, deals.opportunities);
  const skills = buildSkills(stream('skills'), users);
  const compensation = buildCompensation(strategy.published);
  const ideas = buildIdeas(stream('ideas'), users);

  const recorded: Omit<SampleOrg, 'auditFields'> = {
    users,
    recordsByObject: [
      ['Strategy_Version__c', strategy.versions],
      ['Strategy_Acknowledgement__c', strategy.acknowledgements],
      ['Customer_Segment__c', [...segments.values()]],
      ['Account', accounts.map((account) => account.record)],
      ['Contact', contacts.map((contact) => contact.record)],
      ['Opportunity', deals.opportunities.map((opportunity) => opportunity.record)],
      ['OpportunityContactRole', deals.contactRoles],
      ['Account_Plan__c', plans.plans],
      ['Account_Plan_Objective__c', plans.objectives],
      ['Account_Plan_Stakeholder__c', plans.stakeholders],
      ['Event', activities.events],
      ['Task', activities.tasks],
      ['Coaching_Session__c', coaching],
      ['Sales_Target__c', targets],
      ['Skill_Assessment__c', skills.assessments],
      ['Development_Program__c', skills.programs],
      ['Program_Enrollment__c', skills.enrollments],
      ['Compensation_Plan__c', compensation.plans],
      ['Compensation_Component__c', compensation.components],
      ['Improvement_Idea__c', ideas.ideas],
      ['Idea_Vote__c', ideas.votes]
    ],
    opportunityHistory: deals.histories
  };
  // Last: the weekly KPI snapshots are facts of every record above.
  const org: Omit<SampleOrg, 'auditFields'> = {
    ...recorded,
    recordsByObject: [...recorded.recordsByObject, ['KPI_Snapshot__c', buildKpiSnapshots(recorded)]]
  };
  return { ...org, auditFields: stampAuditFields(org) };
}

function groupByAccount(contacts: readonly SampleContact[]): Map<SampleAccount, SampleContact[]> {
  const byAccount = new Map<SampleAccount, SampleContact[]>();
  for (const contact of contacts) {
    const list = byAccount.get(contact.account) ?? [];
    list.push(contact);
    byAccount.set(contact.account, list);
  }
  return byAccount;
}

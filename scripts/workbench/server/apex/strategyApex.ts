/**
 * The Apex of strategy versions, segments and account plans over the workbench org:
 * StrategyController (brief, acknowledge, adoption, publish), SegmentOverviewController and
 * AccountPlanController. Each answers with the facts the Apex selectors return for the acting
 * user: strategy versions, their acknowledgements and segments are public (sharing Read or
 * controlled by a public parent); accounts, deals and account plans (controlled by the account)
 * follow the acting user's visibility. Writes go through the workbench org's saves, so the
 * one-per-user rule refuses a second acknowledgement with the trigger's message and a new plan
 * gets its stored guidance. KPIs are computed by the components with c/salesKpis, never here.
 */
import { compileSegments } from '../../../../force-app/main/default/lwc/segmentEngine/segmentEngine';
import {
  accountRevenueFromDeals,
  addDays,
  currentPlanPeriod,
  fiscalYearOf,
  fiscalYearPeriod,
  isInPeriod,
  planPublication,
  type FiscalCalendar
} from '../../../../force-app/main/default/lwc/salesKpis/salesKpis';
import { formatLabel } from '../../../../force-app/main/default/lwc/labelFormat/labelFormat';
import { loadCustomLabels } from '../../labels';
import type { OrgRecord } from '../../../org/embeddedOrg';
import { segmentsOf } from '../segmentAssignment';
import { isAdmin, visibilityOf, type ActingUser } from '../visibility';
import { FieldValidationError, RecordSaveError, type WorkbenchOrg } from '../workbenchOrg';
import {
  apexError,
  canManageRules,
  textParam,
  type ApexHandler,
  type ApiResponse
} from './apexMethod';
import { strategySettings } from './strategySettings';

/** The permission sets whose active holders should acknowledge the strategy (StrategyAudience). */
const AUDIENCE_PERMISSION_SETS = ['SSM_Seller', 'SSM_Manager'];
/** SegmentOverviewController.accountLimit. */
const ACCOUNT_LIMIT = 2000;
const NOT_FOUND = 'The strategy version was not found or you do not have access to it.';
const PLAN_NOT_FOUND = 'The account or plan was not found or you do not have access to it.';

/** Reminder_After_Days__c of the shipped Strategy_Setting__mdt Default record; 0 when blank. */
export function reminderAfterDays(file?: string): number {
  return strategySettings(file).reminderAfterDays;
}

function calendarOf(workbench: WorkbenchOrg): FiscalCalendar {
  return {
    FiscalYearStartMonth: workbench.org.fiscalYearStartMonth,
    UsesStartDateAsFiscalYearName: false
  };
}

/** A save refused by the org's rules, as the controllers' AuraHandledException. */
function refusal(error: unknown): ApiResponse {
  if (error instanceof RecordSaveError || error instanceof FieldValidationError) {
    return apexError(400, error.message);
  }
  throw error;
}

function visible(workbench: WorkbenchOrg, acting: ActingUser, objectName: string): OrgRecord[] {
  const canSee = visibilityOf(workbench.org, acting, objectName, workbench.permissionSets);
  return workbench.org.records(objectName).filter(canSee);
}

/** StrategySelector.published: the most recently published version. */
function publishedVersion(workbench: WorkbenchOrg): OrgRecord | null {
  const published = workbench.org
    .records('Strategy_Version__c')
    .filter((version) => version.Status__c === 'Published')
    .sort((a, b) => String(b.Published_At__c ?? '').localeCompare(String(a.Published_At__c ?? '')));
  return published[0] ?? null;
}

function versionOf(workbench: WorkbenchOrg, id: string | null): OrgRecord | null {
  const record = id ? workbench.org.byId(id) : undefined;
  return record && record.attributes.type === 'Strategy_Version__c' ? record : null;
}

function acknowledgementsOf(workbench: WorkbenchOrg, versionId: string): OrgRecord[] {
  return workbench.org
    .records('Strategy_Acknowledgement__c')
    .filter((row) => row.Strategy_Version__c === versionId);
}

/** StrategyAudience.users: active users holding SSM_Seller or SSM_Manager, by name. */
function audienceOf(workbench: WorkbenchOrg): Record<string, unknown>[] {
  return workbench.org
    .records('User')
    .filter(
      (user) =>
        user.IsActive === true &&
        (workbench.org.userOf(user.Id)?.permissionSets ?? []).some((name) =>
          AUDIENCE_PERMISSION_SETS.includes(name)
        )
    )
    .map((user) => {
      const manager =
        typeof user.ManagerId === 'string' ? workbench.org.byId(user.ManagerId) : null;
      return {
        Id: user.Id,
        Name: user.Name,
        ManagerId: user.ManagerId ?? null,
        Manager: manager ? { Name: manager.Name } : null
      };
    })
    .sort((a, b) => String(a.Name).localeCompare(String(b.Name)));
}

const getBrief: ApexHandler = (workbench, acting) => {
  const version = publishedVersion(workbench);
  const previous = version
    ? versionOf(
        workbench,
        typeof version.Previous_Version__c === 'string' ? version.Previous_Version__c : null
      )
    : null;
  const acknowledgement = version
    ? (acknowledgementsOf(workbench, version.Id).find((row) => row.User__c === acting.id) ?? null)
    : null;
  return {
    status: 200,
    body: { today: workbench.org.today, version, previous, acknowledgement }
  };
};

const acknowledge: ApexHandler = (workbench, acting, params) => {
  const version = versionOf(workbench, textParam(params, 'versionId'));
  if (!version) return apexError(404, NOT_FOUND);
  if (version.Status__c !== 'Published') {
    return apexError(400, 'Only the published strategy version can be acknowledged.');
  }
  try {
    const acknowledgement = workbench.createRecord(
      'Strategy_Acknowledgement__c',
      { Strategy_Version__c: version.Id, User__c: acting.id, Acknowledged_At__c: workbench.now() },
      acting.id
    );
    return { status: 200, body: acknowledgement };
  } catch (error) {
    return refusal(error);
  }
};

/** May the acting user edit strategy versions (the publish service updates as user)? */
function canEditVersions(workbench: WorkbenchOrg, acting: ActingUser): boolean {
  return (
    isAdmin(acting.user) ||
    acting.user.permissionSets.some(
      (name) => workbench.permissionSets.get(name)?.objects.get('Strategy_Version__c')?.allowEdit
    )
  );
}

/** StrategyPublishService through c/salesKpis planPublication, saved as the acting user. */
const publish: ApexHandler = (workbench, acting, params) => {
  const labels = loadCustomLabels();
  const label = (name: string) => labels.get(name) ?? name;
  const version = versionOf(workbench, textParam(params, 'versionId'));
  if (!version) return apexError(404, label('SSM_Strategy_Not_Found'));
  if (!canEditVersions(workbench, acting)) {
    return apexError(403, 'Insufficient access rights: you cannot edit strategy versions.');
  }
  const published = workbench.org
    .records('Strategy_Version__c')
    .filter((other) => other.Status__c === 'Published' && other.Id !== version.Id)
    .sort((a, b) => String(b.Published_At__c ?? '').localeCompare(String(a.Published_At__c ?? '')));
  const plan = planPublication(
    version,
    published.map((other) => other.Id),
    acting.id,
    workbench.now(),
    workbench.org.today
  );
  if (!plan.ok) {
    if (plan.reason === 'notInReview') {
      return apexError(
        400,
        formatLabel(label('SSM_Strategy_Not_In_Review'), version.Name, plan.status)
      );
    }
    const fields = workbench.describe('Strategy_Version__c')?.fields ?? {};
    const missing = plan.missing.map((field) => fields[field]?.label ?? field).join(', ');
    return apexError(400, formatLabel(label('SSM_Strategy_Incomplete'), version.Name, missing));
  }
  try {
    for (const id of plan.superseded) {
      workbench.saveRecord(id, { Status__c: 'Superseded' }, acting.id);
    }
    return { status: 200, body: workbench.saveRecord(version.Id, plan.version, acting.id) };
  } catch (error) {
    return refusal(error);
  }
};

const getAdoption: ApexHandler = (workbench, _acting, params) => {
  const version = versionOf(workbench, textParam(params, 'versionId'));
  if (!version) return apexError(404, NOT_FOUND);
  return {
    status: 200,
    body: {
      version,
      today: workbench.org.today,
      audience: audienceOf(workbench),
      acknowledgements: acknowledgementsOf(workbench, version.Id),
      reminderAfterDays: reminderAfterDays()
    }
  };
};

const getOverview: ApexHandler = (workbench, acting) => {
  const segments = [...workbench.org.records('Customer_Segment__c')].sort((a, b) => {
    const pa = typeof a.Priority__c === 'number' ? a.Priority__c : Number.POSITIVE_INFINITY;
    const pb = typeof b.Priority__c === 'number' ? b.Priority__c : Number.POSITIVE_INFINITY;
    return pa !== pb ? pa - pb : String(a.Name).localeCompare(String(b.Name));
  });
  const all = visible(workbench, acting, 'Account').sort(
    (a, b) =>
      Number(b.Customer_Lifetime_Value__c ?? -Infinity) -
        Number(a.Customer_Lifetime_Value__c ?? -Infinity) ||
      String(a.Name).localeCompare(String(b.Name))
  );
  const accounts = all.slice(0, ACCOUNT_LIMIT);
  const ids = new Set(accounts.map((account) => account.Id));
  const calendar = calendarOf(workbench);
  const year = fiscalYearPeriod(fiscalYearOf(workbench.org.today, calendar), calendar);
  const deals = visible(workbench, acting, 'Opportunity').filter((deal) =>
    ids.has(String(deal.AccountId ?? ''))
  );
  const revenue = accountRevenueFromDeals(
    deals.map((deal) => ({
      AccountId: typeof deal.AccountId === 'string' ? deal.AccountId : null,
      Amount: typeof deal.Amount === 'number' ? deal.Amount : null,
      CloseDate: String(deal.CloseDate ?? ''),
      IsClosed: deal.IsClosed === true,
      IsWon: deal.IsWon === true
    })),
    year
  ).map((row) => ({
    accountId: row.AccountId,
    openPipeline: row.openPipeline,
    wonThisYear: row.wonThisYear
  }));
  const broken = canManageRules(workbench, acting)
    ? compileSegments(segmentsOf(workbench.org), workbench.org.schemas.Account).brokenCriteria
    : [];
  return {
    status: 200,
    body: {
      today: workbench.org.today,
      segments,
      accounts,
      revenue,
      truncated: all.length > ACCOUNT_LIMIT,
      broken
    }
  };
};

/** AccountPlanController.currentPlan: the active plan covering today, else the latest active, else the latest draft. */
function currentPlan(plans: readonly OrgRecord[], today: string): OrgRecord | null {
  const active = plans.filter((plan) => plan.Status__c === 'Active');
  return (
    active.find(
      (plan) => String(plan.Period_Start__c) <= today && String(plan.Period_End__c) >= today
    ) ??
    active[0] ??
    plans.find((plan) => plan.Status__c === 'Draft') ??
    null
  );
}

function openPlansOf(workbench: WorkbenchOrg, accountId: string): OrgRecord[] {
  return workbench.org
    .records('Account_Plan__c')
    .filter((plan) => plan.Account__c === accountId && plan.Status__c !== 'Archived')
    .sort(
      (a, b) =>
        String(b.Period_Start__c ?? '').localeCompare(String(a.Period_Start__c ?? '')) ||
        String(a.Name).localeCompare(String(b.Name))
    );
}

function overlapsPeriod(plan: OrgRecord, start: string, end: string): boolean {
  return (
    typeof plan.Period_Start__c === 'string' &&
    typeof plan.Period_End__c === 'string' &&
    plan.Period_Start__c <= end &&
    plan.Period_End__c >= start
  );
}

function accountWithSegment(workbench: WorkbenchOrg, account: OrgRecord): Record<string, unknown> {
  const segment =
    typeof account.Customer_Segment__c === 'string'
      ? workbench.org.byId(account.Customer_Segment__c)
      : undefined;
  return { ...account, Customer_Segment__r: segment ?? null };
}

const getPlanFacts: ApexHandler = (workbench, acting, params) => {
  const recordId = textParam(params, 'recordId');
  const record = recordId ? workbench.org.byId(recordId) : undefined;
  const type = record?.attributes.type;
  if (!record || (type !== 'Account' && type !== 'Account_Plan__c')) {
    return apexError(400, 'Account plans are shown on accounts and account plans only.');
  }
  const accountId = type === 'Account' ? record.Id : String(record.Account__c ?? '');
  const account = visible(workbench, acting, 'Account').find((row) => row.Id === accountId);
  if (!account) return apexError(404, PLAN_NOT_FOUND);
  const today = workbench.org.today;
  const period = currentPlanPeriod(today, calendarOf(workbench));
  const plans = openPlansOf(workbench, accountId);
  const plan = type === 'Account_Plan__c' ? record : currentPlan(plans, today);
  const children = (objectName: string) =>
    plan
      ? workbench.org
          .records(objectName)
          .filter((row) => row.Account_Plan__c === plan.Id)
          .sort((a, b) => String(a.Name).localeCompare(String(b.Name)))
      : [];
  const planPeriod =
    plan && typeof plan.Period_Start__c === 'string' && typeof plan.Period_End__c === 'string'
      ? { start: plan.Period_Start__c, end: plan.Period_End__c, label: '' }
      : null;
  const wonInPeriod = planPeriod
    ? visible(workbench, acting, 'Opportunity')
        .filter(
          (deal) =>
            deal.AccountId === accountId &&
            deal.IsWon === true &&
            isInPeriod(String(deal.CloseDate ?? ''), planPeriod)
        )
        .reduce((sum, deal) => sum + (typeof deal.Amount === 'number' ? deal.Amount : 0), 0)
    : null;
  return {
    status: 200,
    body: {
      today,
      account: accountWithSegment(workbench, account),
      plan,
      objectives: children('Account_Plan_Objective__c'),
      stakeholders: children('Account_Plan_Stakeholder__c').map((row) => {
        const contact =
          typeof row.Contact__c === 'string' ? workbench.org.byId(row.Contact__c) : undefined;
        return { ...row, Contact__r: contact ? { Name: contact.Name } : null };
      }),
      wonInPeriod,
      canCreate: !plans.some((candidate) => overlapsPeriod(candidate, period.start, period.end)),
      periodStart: period.start,
      periodEnd: period.end
    }
  };
};

const createPlan: ApexHandler = (workbench, acting, params) => {
  const accountId = textParam(params, 'accountId');
  const account = visible(workbench, acting, 'Account').find((row) => row.Id === accountId);
  if (!account) return apexError(404, PLAN_NOT_FOUND);
  const today = workbench.org.today;
  const calendar = calendarOf(workbench);
  const period = currentPlanPeriod(today, calendar);
  const existing = openPlansOf(workbench, account.Id).find((plan) =>
    overlapsPeriod(plan, period.start, period.end)
  );
  if (existing)
    return apexError(400, `${String(existing.Name)} already covers the current period.`);
  const segment =
    typeof account.Customer_Segment__c === 'string'
      ? workbench.org.byId(account.Customer_Segment__c)
      : undefined;
  const focus = typeof segment?.Value_Focus__c === 'string' ? segment.Value_Focus__c : '';
  const description = typeof segment?.Description__c === 'string' ? segment.Description__c : '';
  const fields: Record<string, unknown> = {
    Account__c: account.Id,
    Name: `${String(account.Name)} FY${fiscalYearOf(today, calendar)}`.slice(0, 80),
    Status__c: 'Active',
    Period_Start__c: period.start,
    Period_End__c: period.end,
    Wallet_Size__c: account.Market_Potential__c ?? null,
    Next_Review_Date__c: addDays(today, 90),
    Strategy_Version__c: segment?.Strategy_Version__c ?? publishedVersion(workbench)?.Id ?? null
  };
  if (segment) {
    fields.Value_Proposition__c = focus
      ? `${focus}${description ? `: ${description}` : ''}`
      : description || null;
  }
  try {
    const plan = workbench.createRecord('Account_Plan__c', fields, acting.id);
    return { status: 200, body: plan.Id };
  } catch (error) {
    return refusal(error);
  }
};

export const STRATEGY_APEX: Readonly<Record<string, ApexHandler>> = {
  'StrategyController.getBrief': getBrief,
  'StrategyController.acknowledge': acknowledge,
  'StrategyController.getAdoption': getAdoption,
  'StrategyController.publish': publish,
  'SegmentOverviewController.getOverview': getOverview,
  'AccountPlanController.getPlanFacts': getPlanFacts,
  'AccountPlanController.createPlan': createPlan
};

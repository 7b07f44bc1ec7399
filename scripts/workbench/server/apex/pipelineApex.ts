/**
 * PipelineReviewController and AccountPipelineController over the workbench org: the same facts,
 * selected the same way as PipelineFactsSelector selects them (team through User.ManagerId, a
 * page of deals by Id,
 * aggregates over the whole period, history since the "changes since" date, events, completed
 * calls, targets, coaching sessions, the published strategy, stages, fiscal settings, the working
 * week of the strategy settings), seen through the acting user's sharing. Every KPI is then computed by c/salesKpis in the component, as in the org.
 */
import {
  addDays,
  addMonths,
  dayNumber,
  quarterOf,
  type IsoDate
} from '../../../../force-app/main/default/lwc/salesKpis/salesKpis';
import { closedFlagsOf, HISTORY_OBJECT, type OrgRecord } from '../../../org/embeddedOrg';
import { ALLOWED_FORECAST_CATEGORIES, STAGES } from '../../../sample/constants';
import { loadCustomLabels } from '../../labels';
import { hierarchyBelow, visibilityOf, type ActingUser } from '../visibility';
import type { WorkbenchOrg } from '../workbenchOrg';
import { apexError, textParam, type ApexHandler } from './apexMethod';
import { strategySettings } from './strategySettings';

/** As PipelineFactsSelector: deals per page, and the row limit of history and events. */
export const DEAL_PAGE_SIZE = 2000;
export const ROW_LIMIT = 20000;
const COACHING_LOOKBACK_DAYS = 30;

function isDate(value: string | null): value is IsoDate {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

function between(date: unknown, from: IsoDate, to: IsoDate): boolean {
  if (typeof date !== 'string') return false;
  const day = dayNumber(date.slice(0, 10));
  return day >= dayNumber(from) && day <= dayNumber(to);
}

/** The deal as the selector's query returns it, parents' names included. */
function dealRow(workbench: WorkbenchOrg, deal: OrgRecord): Record<string, unknown> {
  const owner = workbench.org.byId(String(deal.OwnerId ?? ''));
  const account = workbench.org.byId(String(deal.AccountId ?? ''));
  return {
    Id: deal.Id,
    Name: deal.Name,
    OwnerId: deal.OwnerId,
    Owner: owner ? { Name: owner.Name } : null,
    AccountId: deal.AccountId ?? null,
    Account: account ? { Name: account.Name } : null,
    StageName: deal.StageName,
    Amount: deal.Amount ?? null,
    Probability: deal.Probability ?? null,
    CloseDate: deal.CloseDate,
    CreatedDate: deal.CreatedDate,
    IsClosed: deal.IsClosed,
    IsWon: deal.IsWon,
    ForecastCategoryName: deal.ForecastCategoryName,
    NextStep: deal.NextStep ?? null,
    Stage_Entered_On__c: deal.Stage_Entered_On__c ?? null,
    Close_Date_Push_Count__c: deal.Close_Date_Push_Count__c ?? null,
    Data_Quality_Score__c: deal.Data_Quality_Score__c ?? null,
    Coaching_Flags__c: deal.Coaching_Flags__c ?? null,
    Coaching_Flag_Count__c: deal.Coaching_Flag_Count__c ?? null
  };
}

/** GROUP BY OwnerId, StageName, ForecastCategoryName over the period's deals. */
function totalsOf(deals: readonly OrgRecord[]) {
  const groups = new Map<string, Record<string, unknown> & { dealCount: number }>();
  for (const deal of deals) {
    const key = `${String(deal.OwnerId)}|${String(deal.StageName)}|${String(deal.ForecastCategoryName)}`;
    const group = groups.get(key) ?? {
      ownerId: deal.OwnerId,
      stageName: deal.StageName,
      forecastCategoryName: deal.ForecastCategoryName,
      dealCount: 0,
      amount: 0,
      weightedAmount: 0
    };
    const amount = typeof deal.Amount === 'number' ? deal.Amount : 0;
    const probability = typeof deal.Probability === 'number' ? deal.Probability : 0;
    group.dealCount++;
    group.amount = Number(group.amount) + amount;
    group.weightedAmount = Number(group.weightedAmount) + (amount * probability) / 100;
    groups.set(key, group);
  }
  return [...groups.values()];
}

function typeOf(workbench: WorkbenchOrg, id: unknown): { Type: string } | null {
  const record = typeof id === 'string' ? workbench.org.byId(id) : undefined;
  return record ? { Type: record.attributes.type } : null;
}

function pipelineFacts(
  workbench: WorkbenchOrg,
  acting: ActingUser,
  params: Record<string, unknown>
) {
  const { org } = workbench;
  const calendar = {
    FiscalYearStartMonth: org.fiscalYearStartMonth,
    UsesStartDateAsFiscalYearName: false
  };
  let periodStart = textParam(params, 'periodStart');
  let periodEnd = textParam(params, 'periodEnd');
  if (periodStart === null && periodEnd === null) {
    const quarter = quarterOf(org.today, calendar);
    periodStart = quarter.start;
    periodEnd = quarter.end;
  }
  if (!isDate(periodStart) || !isDate(periodEnd) || dayNumber(periodEnd) < dayNumber(periodStart)) {
    return null;
  }
  const start: IsoDate = periodStart;
  const end: IsoDate = periodEnd;
  const managerId = textParam(params, 'managerId') ?? acting.id;
  const changesSince = textParam(params, 'changesSince');
  const since = isDate(changesSince) ? changesSince : start;
  const afterDealId = textParam(params, 'afterDealId');

  const teamIds = hierarchyBelow(org, managerId);
  const team = [
    org.byId(managerId),
    ...org.records('User').filter((user) => user.Id !== managerId && teamIds.has(user.Id))
  ]
    .filter((user): user is OrgRecord => user !== undefined)
    .map((user) => ({ Id: user.Id, Name: user.Name, ManagerId: user.ManagerId ?? null }));
  const visible = (objectName: string) =>
    visibilityOf(org, acting, objectName, workbench.permissionSets);

  const canSeeDeal = visible('Opportunity');
  const teamDeals = org
    .records('Opportunity')
    .filter((deal) => teamIds.has(String(deal.OwnerId)) && canSeeDeal(deal));
  const inPeriod = teamDeals.filter((deal) => between(deal.CloseDate, start, end));
  const candidates = teamDeals
    .filter(
      (deal) =>
        between(deal.CloseDate, start, end) ||
        (typeof deal.CloseDate === 'string' &&
          dayNumber(deal.CloseDate) > dayNumber(end) &&
          Number(deal.Close_Date_Push_Count__c ?? 0) > 0 &&
          typeof deal.LastModifiedDate === 'string' &&
          dayNumber(deal.LastModifiedDate.slice(0, 10)) >= dayNumber(since))
    )
    .filter((deal) => afterDealId === null || deal.Id > afterDealId)
    .sort((a, b) => (a.Id < b.Id ? -1 : 1));
  const page = candidates.slice(0, DEAL_PAGE_SIZE);
  const pageIds = new Set(page.map((deal) => deal.Id));

  const history = org
    .records(HISTORY_OBJECT)
    .filter(
      (row) =>
        pageIds.has(String(row.OpportunityId)) &&
        dayNumber(String(row.CreatedDate).slice(0, 10)) >= dayNumber(since)
    )
    .sort((a, b) => String(a.CreatedDate).localeCompare(String(b.CreatedDate)))
    .slice(0, ROW_LIMIT)
    .map(({ OpportunityId, Field, OldValue, NewValue, CreatedDate }) => ({
      OpportunityId,
      Field,
      OldValue,
      NewValue,
      CreatedDate
    }));
  const canSeeEvent = visible('Event');
  const events = org
    .records('Event')
    .filter(
      (event) =>
        teamIds.has(String(event.OwnerId)) &&
        between(event.ActivityDate, start, end) &&
        canSeeEvent(event)
    )
    .slice(0, ROW_LIMIT)
    .map((event) => ({
      Id: event.Id,
      OwnerId: event.OwnerId,
      ActivityDate: event.ActivityDate ?? null,
      StartDateTime: event.StartDateTime ?? null,
      DurationInMinutes: event.DurationInMinutes ?? null,
      IsAllDayEvent: event.IsAllDayEvent ?? false,
      WhatId: event.WhatId ?? null,
      WhoId: event.WhoId ?? null,
      What: typeOf(workbench, event.WhatId),
      Who: typeOf(workbench, event.WhoId),
      Internal__c: event.Internal__c ?? false
    }));
  const canSeeTask = visible('Task');
  const calls = org
    .records('Task')
    .filter(
      (task) =>
        teamIds.has(String(task.OwnerId)) &&
        task.TaskSubtype === 'Call' &&
        task.IsClosed === true &&
        between(task.ActivityDate, start, end) &&
        canSeeTask(task)
    )
    .slice(0, ROW_LIMIT)
    .map((task) => ({
      Id: task.Id,
      OwnerId: task.OwnerId,
      ActivityDate: task.ActivityDate ?? null,
      TaskSubtype: task.TaskSubtype,
      IsClosed: task.IsClosed,
      CallDurationInSeconds: task.CallDurationInSeconds ?? null,
      CallType: task.CallType ?? null,
      WhatId: task.WhatId ?? null,
      WhoId: task.WhoId ?? null,
      What: typeOf(workbench, task.WhatId),
      Who: typeOf(workbench, task.WhoId),
      Internal__c: task.Internal__c ?? false
    }));
  const settings = strategySettings();
  const canSeeTarget = visible('Sales_Target__c');
  const targets = org
    .records('Sales_Target__c')
    .filter(
      (target) =>
        teamIds.has(String(target.Seller__c)) &&
        String(target.Period_Start__c) <= end &&
        String(target.Period_End__c) >= start &&
        canSeeTarget(target)
    );
  const lookbackDay = addDays(org.today, -COACHING_LOOKBACK_DAYS);
  const canSeeSession = visible('Coaching_Session__c');
  const coachingSessions = org
    .records('Coaching_Session__c')
    .filter(
      (session) =>
        (teamIds.has(String(session.Seller__c)) || teamIds.has(String(session.Coach__c))) &&
        between(
          session.Session_Date__c,
          lookbackDay < start ? lookbackDay : start,
          end > org.today ? end : org.today
        ) &&
        canSeeSession(session)
    );
  const strategy =
    org
      .records('Strategy_Version__c')
      .filter((version) => version.Status__c === 'Published')
      .sort((a, b) => String(b.Effective_From__c).localeCompare(String(a.Effective_From__c)))[0] ??
    null;

  return {
    today: org.today,
    periodStart: start,
    periodEnd: end,
    team,
    deals: page.map((deal) => dealRow(workbench, deal)),
    nextPageAfterId: candidates.length > DEAL_PAGE_SIZE ? page[page.length - 1].Id : null,
    totals: totalsOf(inPeriod),
    history,
    truncated:
      history.length >= ROW_LIMIT || events.length >= ROW_LIMIT || calls.length >= ROW_LIMIT,
    events,
    calls,
    workingHoursPerWeek: settings.workingHoursPerWeek,
    countWeekendCustomerTime: settings.countWeekendCustomerTime,
    targets,
    coachingSessions,
    strategy,
    stages: STAGES.map((stage) => ({
      ApiName: stage.name,
      ...closedFlagsOf(stage.name),
      DefaultProbability: stage.probability,
      ForecastCategoryName: ALLOWED_FORECAST_CATEGORIES[stage.name][0]
    })),
    fiscalYearStartMonth: org.fiscalYearStartMonth,
    usesStartDateAsFiscalYearName: false
  };
}

/** AccountPipelineController: the account's open deals and those closed in the last year. */
function accountPipeline(workbench: WorkbenchOrg, acting: ActingUser, accountId: string) {
  const { org } = workbench;
  const canSee = visibilityOf(org, acting, 'Opportunity', workbench.permissionSets);
  const closedSince = addMonths(org.today, -12);
  const deals = org
    .records('Opportunity')
    .filter(
      (deal) =>
        deal.AccountId === accountId &&
        canSee(deal) &&
        (deal.IsClosed !== true || String(deal.CloseDate) >= closedSince)
    )
    .sort((a, b) => String(b.CloseDate).localeCompare(String(a.CloseDate)));
  return {
    today: org.today,
    closedSince,
    deals: deals.slice(0, DEAL_PAGE_SIZE).map((deal) => dealRow(workbench, deal)),
    truncated: deals.length > DEAL_PAGE_SIZE
  };
}

export const PIPELINE_APEX: Readonly<Record<string, ApexHandler>> = {
  'AccountPipelineController.getAccountPipeline': (workbench, acting, params) => {
    const accountId = textParam(params, 'accountId');
    return accountId
      ? { status: 200, body: accountPipeline(workbench, acting, accountId) }
      : apexError(400, loadCustomLabels().get('SSM_Kpis_Account_Required') ?? 'No account');
  },
  'PipelineReviewController.getPipelineFacts': (workbench, acting, params) => {
    const facts = pipelineFacts(workbench, acting, params);
    return facts
      ? { status: 200, body: facts }
      : apexError(400, loadCustomLabels().get('SSM_Pipeline_Invalid_Period') ?? 'Invalid period');
  }
};

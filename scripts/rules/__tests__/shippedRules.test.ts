/**
 * The shipped rules (customMetadata/Sales_Rule.*) run on the sample org. For every rule the test
 * restates, in plain TypeScript and from the sample's own records (contact roles, plans,
 * activities, not the stored fact fields), which records it must flag and why; the formula
 * engine must flag exactly those. Where the sample generator documents a deliberate gap
 * (scripts/sample/constants.ts GAPS), the count must match it. A rule that never fires, or
 * fires on every record it applies to, fails: it would be a rule nobody notices.
 */
import { compileRuleSet } from '../guidanceEngine/guidanceEngine';
import type { SalesRuleDefinition } from '../guidanceEngine/guidanceEngine';
import { loadEmbeddedOrg, type OrgRecord } from '../../org/embeddedOrg';
import { GAPS } from '../../sample/constants';
import { loadSalesRules } from '../ruleMetadata';

const org = loadEmbeddedOrg();
const rules = loadSalesRules();
const today = org.today;

const DECISION_MAKER_ROLES = new Set([
  'Decision Maker',
  'Economic Decision Maker',
  'Economic Buyer'
]);

function daysSince(date: unknown): number {
  return (Date.parse(today) - Date.parse(String(date))) / 86_400_000;
}
const blank = (value: unknown) => value === null || value === undefined || value === '';
const open = (deal: OrgRecord) => deal.IsClosed !== true;
const probability = (deal: OrgRecord) => Number(deal.Probability ?? 0);

const rolesByDeal = new Map<string, OrgRecord[]>();
for (const role of org.records('OpportunityContactRole')) {
  const dealId = String(role.OpportunityId);
  rolesByDeal.set(dealId, [...(rolesByDeal.get(dealId) ?? []), role]);
}
const roleCount = (deal: OrgRecord) => rolesByDeal.get(deal.Id)?.length ?? 0;
const hasDecisionMaker = (deal: OrgRecord) =>
  (rolesByDeal.get(deal.Id) ?? []).some((role) => DECISION_MAKER_ROLES.has(String(role.Role)));
const activePlanAccounts = new Set(
  org
    .records('Account_Plan__c')
    .filter((plan) => plan.Status__c === 'Active')
    .map((plan) => String(plan.Account__c))
);
const stakeholderCount = (plan: OrgRecord) =>
  org.records('Account_Plan_Stakeholder__c').filter((s) => s.Account_Plan__c === plan.Id).length;
const segmentOf = (account: OrgRecord) =>
  account.Customer_Segment__c ? org.byId(String(account.Customer_Segment__c)) : undefined;
const noRecentContact = (deal: OrgRecord, days: number) =>
  blank(deal.LastActivityDate) || daysSince(deal.LastActivityDate) > days;

interface Expectation {
  why: string;
  flags: (record: OrgRecord) => boolean;
  /** The generator's documented count of this gap, where it documents one. */
  documentedCount?: number;
}

const EXPECTATIONS: Record<string, Expectation> = {
  Opp_Next_Step: {
    why: 'open deals past Prospecting without a next step',
    flags: (d) => open(d) && d.StageName !== 'Prospecting' && blank(d.NextStep)
  },
  Opp_Amount_From_Qualified: {
    why: 'open deals from 20 % probability on with no amount',
    flags: (d) => open(d) && probability(d) >= 20 && (blank(d.Amount) || Number(d.Amount) <= 0)
  },
  Opp_Close_Date_Not_Past: {
    why: 'open deals whose close date has passed',
    flags: (d) => open(d) && String(d.CloseDate) < today,
    documentedCount: GAPS.opportunity.pastCloseDate
  },
  Opp_Decision_Maker_From_Proposal: {
    why: 'open deals at Proposal or later with no decision-maker contact role',
    flags: (d) => open(d) && probability(d) >= 75 && !hasDecisionMaker(d),
    documentedCount: GAPS.opportunity.noDecisionMakerLateStage
  },
  Opp_Recent_Customer_Activity: {
    why: 'qualified open deals with no customer activity in 30 days',
    flags: (d) => open(d) && probability(d) >= 20 && noRecentContact(d, 30)
  },
  Opp_Forecast_Matches_Stage: {
    why: 'open deals whose forecast category is ahead of or behind their stage',
    flags: (d) =>
      open(d) &&
      ((d.ForecastCategoryName === 'Commit' && probability(d) < 60) ||
        (d.ForecastCategoryName === 'Pipeline' && probability(d) >= 90) ||
        d.ForecastCategoryName === 'Closed'),
    documentedCount: GAPS.opportunity.forecastAheadOfStage
  },
  Opp_Contact_Role: {
    why: 'qualified open deals without any contact role',
    flags: (d) => open(d) && probability(d) >= 20 && roleCount(d) === 0
  },
  Acc_Industry: {
    why: 'accounts without industry',
    flags: (a) => blank(a.Industry),
    documentedCount: GAPS.account.missingIndustry
  },
  Acc_Segment: {
    why: 'accounts no segment criteria matched',
    flags: (a) => blank(a.Customer_Segment__c),
    documentedCount: GAPS.account.unsegmented
  },
  Acc_Market_Potential: {
    why: 'accounts without an estimated market potential',
    flags: (a) => blank(a.Market_Potential__c),
    documentedCount: GAPS.account.missingMarketPotential
  },
  Acc_Website: {
    why: 'accounts without website',
    flags: (a) => blank(a.Website),
    documentedCount: GAPS.account.missingWebsite
  },
  Acc_Billing_Country: {
    why: 'accounts without billing country',
    flags: (a) => blank(a.BillingCountry),
    documentedCount: GAPS.account.missingBillingCountry
  },
  Acc_Active_Plan_Key_Segment: {
    why: 'accounts in a retain-and-expand segment without an active plan',
    flags: (a) =>
      segmentOf(a)?.Value_Focus__c === 'Retain and Expand' && !activePlanAccounts.has(a.Id)
  },
  Plan_Business_Goals: {
    why: 'plans without business goals',
    flags: (p) => blank(p.Business_Goals__c),
    documentedCount: GAPS.accountPlan.missingBusinessGoals
  },
  Plan_Challenges: {
    why: 'plans without challenges',
    flags: (p) => blank(p.Challenges__c),
    documentedCount: GAPS.accountPlan.missingChallenges
  },
  Plan_Buying_Process: {
    why: 'plans without the buying process',
    flags: (p) => blank(p.Buying_Process__c),
    documentedCount: GAPS.accountPlan.missingBuyingProcess
  },
  Plan_Stakeholders: {
    why: 'plans with fewer than two stakeholders mapped',
    flags: (p) => stakeholderCount(p) < 2,
    documentedCount: GAPS.accountPlan.singleStakeholder
  },
  Plan_Whitespace: {
    why: 'plans without whitespace',
    flags: (p) => blank(p.Whitespace__c),
    documentedCount: GAPS.accountPlan.missingWhitespace
  },
  Plan_Reviewed_90_Days: {
    why: 'active plans not reviewed in 90 days or past their planned review',
    flags: (p) =>
      p.Status__c === 'Active' &&
      (blank(p.Last_Review_Date__c) ||
        daysSince(p.Last_Review_Date__c) > 90 ||
        String(p.Next_Review_Date__c) < today),
    documentedCount: GAPS.accountPlan.overdueReview
  },
  Coach_Stalled_In_Stage: {
    why: 'open deals more than 30 days in their stage',
    flags: (d) => open(d) && daysSince(d.Stage_Entered_On__c) > 30
  },
  Coach_Close_Date_Pushed: {
    why: 'open deals pushed twice or more',
    flags: (d) => open(d) && Number(d.Close_Date_Push_Count__c ?? 0) >= 2
  },
  Coach_No_Next_Step: {
    why: 'open deals without a next step',
    flags: (d) => open(d) && blank(d.NextStep),
    documentedCount: GAPS.opportunity.missingNextStep
  },
  Coach_Single_Threaded: {
    why: 'qualified open deals with at most one contact',
    flags: (d) => open(d) && probability(d) >= 20 && roleCount(d) <= 1
  },
  Coach_No_Decision_Maker: {
    why: 'open deals from 50 % on without a decision maker',
    flags: (d) => open(d) && probability(d) >= 50 && !hasDecisionMaker(d)
  },
  Coach_No_Recent_Contact: {
    why: 'open deals nobody has met or called in 14 days',
    flags: (d) => open(d) && noRecentContact(d, 14)
  },
  Coach_Large_Deal_No_Plan: {
    why: 'open deals of 100,000 or more from 60 % on whose account has no active plan',
    flags: (d) =>
      open(d) &&
      probability(d) >= 60 &&
      Number(d.Amount ?? 0) >= 100_000 &&
      !activePlanAccounts.has(String(d.AccountId))
  },
  Coach_Closing_Early_Stage: {
    why: 'open deals closing this month below 50 %',
    flags: (d) =>
      open(d) && String(d.CloseDate).slice(0, 7) === today.slice(0, 7) && probability(d) < 50
  },
  Coach_Amount_Up_Late: {
    why: 'open deals from 75 % on whose amount rose in the last 30 days',
    flags: (d) =>
      open(d) &&
      probability(d) >= 75 &&
      Number(d.Amount ?? 0) > Number(d.Previous_Amount__c ?? Infinity) &&
      daysSince(d.Amount_Changed_On__c) <= 30
  },
  Coach_Commit_Weak_Data: {
    why: 'open Commit deals lacking a next step, a decision maker, a valid close date or a second contact',
    flags: (d) =>
      open(d) &&
      d.ForecastCategoryName === 'Commit' &&
      (blank(d.NextStep) ||
        !hasDecisionMaker(d) ||
        String(d.CloseDate) < today ||
        roleCount(d) <= 1)
  }
};

function evaluate(rule: SalesRuleDefinition) {
  const ruleSet = compileRuleSet([rule], org.schemas[rule.objectApiName]);
  const records = org.records(rule.objectApiName);
  const results = records.map((record) => ({
    record,
    guidance: ruleSet.evaluate(org.withParents(record), { today })
  }));
  return {
    broken: results.flatMap(({ guidance }) => guidance.broken),
    applicable: results.filter(
      ({ guidance }) =>
        guidance.passed.length + guidance.flagged.length + guidance.prompts.length > 0 ||
        rule.kind === 'Coaching Prompt'
    ).length,
    flagged: results
      .filter(({ guidance }) => guidance.flagged.length + guidance.prompts.length > 0)
      .map(({ record }) => record.Id)
      .sort()
  };
}

describe('the shipped rules', () => {
  it('ship at least 14 data-quality rules and 10 coaching prompts, each written for a user', () => {
    const dataQuality = rules.filter((rule) => rule.kind === 'Data Quality');
    const prompts = rules.filter((rule) => rule.kind === 'Coaching Prompt');
    expect(dataQuality.length).toBeGreaterThanOrEqual(14);
    expect(prompts.length).toBeGreaterThanOrEqual(10);
    for (const rule of rules) {
      expect({
        rule: rule.developerName,
        message: !!rule.message,
        why: !!rule.whyItMatters
      }).toEqual({
        rule: rule.developerName,
        message: true,
        why: true
      });
    }
    expect(prompts.filter((rule) => !rule.coachingQuestion)).toEqual([]);
  });

  it('has an expectation for every shipped rule and no expectation for a rule that is gone', () => {
    expect(Object.keys(EXPECTATIONS).sort()).toEqual(
      rules.map((rule) => rule.developerName).sort()
    );
  });

  it.each(rules.map((rule) => [rule.developerName, rule] as const))(
    '%s names fix fields that exist on its object',
    (_name, rule) => {
      const fields = org.schemas[rule.objectApiName].fields;
      expect(rule.fixFields.filter((field) => !(field in fields))).toEqual([]);
    }
  );

  it.each(rules.map((rule) => [rule.developerName, rule] as const))(
    '%s flags exactly the sample records its intent names',
    (name, rule) => {
      const expectation = EXPECTATIONS[name];
      const { broken, applicable, flagged } = evaluate(rule);
      const expected = org
        .records(rule.objectApiName)
        .filter(expectation.flags)
        .map((record) => record.Id)
        .sort();

      expect(broken).toEqual([]);
      expect({ why: expectation.why, flagged }).toEqual({
        why: expectation.why,
        flagged: expected
      });
      expect(flagged.length).toBeGreaterThan(0);
      expect(flagged.length).toBeLessThan(applicable);
    }
  );

  const documented = rules.filter(
    (rule) => EXPECTATIONS[rule.developerName]?.documentedCount !== undefined
  );
  it.each(documented.map((rule) => [rule.developerName, rule] as const))(
    '%s flags as many records as the sample generator planted gaps',
    (name, rule) => {
      expect(evaluate(rule).flagged).toHaveLength(EXPECTATIONS[name].documentedCount as number);
    }
  );
});

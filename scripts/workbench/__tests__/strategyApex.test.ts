import { computeAdoption, computeSegmentOverview, whatChanged } from 'c/salesKpis';
import type {
  AudienceMember,
  SegmentAccount,
  SegmentFacts,
  StrategyAcknowledgement,
  StrategyVersionFacts
} from 'c/salesKpis';
import { actingUserOf } from '../server/api';
import { apex, body, message, useFreshWorkbench, workbench } from './apexHarness';
import { reminderAfterDays } from '../server/apex/strategyApex';
import type { ActingUser } from '../server/visibility';

useFreshWorkbench('wb-strategy-');

describe('StrategyController in the workbench', () => {
  it('briefs with the published version, the previous one and the user’s acknowledgement', () => {
    const brief = body<ApexGenerated.StrategyController_StrategyBrief>(
      apex(actingUserOf(workbench, 'seller1'), 'StrategyController.getBrief')
    );
    expect(brief.version?.Name).toBe('Sales Strategy 2026 H2');
    expect(brief.previous?.Name).toBe('Sales Strategy 2026 H1');
    expect(brief.acknowledgement?.Acknowledged_At__c).toBe('2026-07-10T09:33:00.000Z');
    const changes = whatChanged(
      brief.version as StrategyVersionFacts,
      brief.previous as StrategyVersionFacts
    );
    expect(changes.targets.find((t) => t.field === 'Target_Win_Rate__c')).toMatchObject({
      previous: 30,
      current: 32,
      changed: true
    });
  });

  it('acknowledges once and refuses a second acknowledgement with the trigger’s message', () => {
    const seller = actingUserOf(workbench, 'seller6');
    const before = body<ApexGenerated.StrategyController_StrategyBrief>(
      apex(seller, 'StrategyController.getBrief')
    );
    expect(before.acknowledgement).toBeNull();
    const versionId = before.version?.Id;

    const first = apex(seller, 'StrategyController.acknowledge', { versionId });
    const second = apex(seller, 'StrategyController.acknowledge', { versionId });

    expect(first.status).toBe(200);
    expect(second.status).toBe(400);
    expect(message(second)).toBe('You have already acknowledged this strategy version.');
    const after = body<ApexGenerated.StrategyController_StrategyBrief>(
      apex(seller, 'StrategyController.getBrief')
    );
    expect(after.acknowledgement?.User__c).toBe(seller.id);
  });

  it('refuses to acknowledge a superseded version', () => {
    const seller = actingUserOf(workbench, 'seller6');
    const previous = body<ApexGenerated.StrategyController_StrategyBrief>(
      apex(seller, 'StrategyController.getBrief')
    ).previous;
    const response = apex(seller, 'StrategyController.acknowledge', { versionId: previous?.Id });
    expect(response.status).toBe(400);
  });

  it('gives the adoption facts: 11 sellers and managers, 8 of them acknowledged version 2', () => {
    const manager = actingUserOf(workbench, 'manager1');
    const versionId = body<ApexGenerated.StrategyController_StrategyBrief>(
      apex(manager, 'StrategyController.getBrief')
    ).version?.Id;
    const facts = body<ApexGenerated.StrategyController_StrategyAdoptionFacts>(
      apex(manager, 'StrategyController.getAdoption', { versionId })
    );
    expect(facts.reminderAfterDays).toBe(7);
    expect(facts.audience).toHaveLength(11);
    const adoption = computeAdoption(
      facts.version as StrategyVersionFacts,
      facts.audience as unknown as AudienceMember[],
      (facts.acknowledgements ?? []) as unknown as StrategyAcknowledgement[],
      String(facts.today)
    );
    // The director holds SSM_Manager too and has not acknowledged; seller6 and seller7 neither.
    expect(adoption.acknowledgedCount).toBe(8);
    expect(adoption.pending.map((member) => member.Id).sort()).toEqual(
      ['director', 'seller6', 'seller7'].map((key) => workbench.org.idOf(key)).sort()
    );
    expect(adoption.pending).toHaveLength(3);
    expect(adoption.daysSincePublication).toBe(145);
  });

  it('answers a missing version with a clear error', () => {
    const response = apex(actingUserOf(workbench, 'seller1'), 'StrategyController.getAdoption', {
      versionId: 'a00000000000000AAA'
    });
    expect(response.status).toBe(404);
  });

  it('reads the reminder days from the shipped Strategy_Setting__mdt record', () => {
    expect(reminderAfterDays()).toBe(7);
  });
});

describe('SegmentOverviewController in the workbench', () => {
  it('gives an admin every account and revenue per account, with the shares summing to 1', () => {
    const facts = body<ApexGenerated.SegmentOverviewController_SegmentOverviewFacts>(
      apex(actingUserOf(workbench, 'director'), 'SegmentOverviewController.getOverview')
    );
    expect(facts.segments).toHaveLength(4);
    expect(facts.accounts).toHaveLength(80);
    expect(facts.truncated).toBe(false);
    expect(facts.broken).toEqual([]);
    const overview = computeSegmentOverview(
      facts.segments as unknown as SegmentFacts[],
      facts.accounts as unknown as SegmentAccount[],
      (facts.revenue ?? []).map((row) => ({
        AccountId: String(row.accountId),
        openPipeline: Number(row.openPipeline),
        wonThisYear: Number(row.wonThisYear)
      }))
    );
    expect(overview.totals.accountCount).toBe(80);
    const shares = overview.rows.reduce((sum, row) => sum + (row.revenueShare ?? 0), 0);
    expect(shares).toBeCloseTo(1, 9);
    expect(overview.totals.targetShare).toBeCloseTo(1, 12);
  });

  it('gives a seller only the accounts they own', () => {
    const seller = actingUserOf(workbench, 'seller1');
    const facts = body<ApexGenerated.SegmentOverviewController_SegmentOverviewFacts>(
      apex(seller, 'SegmentOverviewController.getOverview')
    );
    const owned = workbench.org.records('Account').filter((a) => a.OwnerId === seller.id);
    expect(facts.accounts?.map((a) => a.Id).sort()).toEqual(owned.map((a) => a.Id).sort());
  });
});

describe('AccountPlanController in the workbench', () => {
  function accountWithoutPlan(acting: ActingUser) {
    const planned = new Set(workbench.org.records('Account_Plan__c').map((p) => p.Account__c));
    const account = workbench.org
      .records('Account')
      .find((a) => a.OwnerId === acting.id && !planned.has(a.Id));
    if (!account) throw new Error('the sample org has no unplanned account for this seller');
    return account;
  }

  it('gives the current plan of an account with objectives, stakeholders and won revenue', () => {
    const plan = workbench.org.records('Account_Plan__c')[0];
    const account = workbench.org.byId(String(plan.Account__c));
    const owner = actingUserOf(
      workbench,
      workbench.org.userOf(String(account?.OwnerId))?.key ?? 'director'
    );
    const facts = body<ApexGenerated.AccountPlanController_PlanFacts>(
      apex(owner, 'AccountPlanController.getPlanFacts', { recordId: account?.Id })
    );
    expect(facts.plan?.Id).toBe(plan.Id);
    expect(facts.objectives?.length).toBeGreaterThan(0);
    expect(facts.stakeholders?.every((s) => s.Account_Plan__c === plan.Id)).toBe(true);
    expect(facts.canCreate).toBe(false);
    expect(typeof facts.wonInPeriod).toBe('number');
    const byPlan = body<ApexGenerated.AccountPlanController_PlanFacts>(
      apex(owner, 'AccountPlanController.getPlanFacts', { recordId: plan.Id })
    );
    expect(byPlan.account?.Id).toBe(account?.Id);
  });

  it('creates a plan for the current fiscal year prefilled from the segment, once', () => {
    const seller = actingUserOf(workbench, 'seller1');
    const account = accountWithoutPlan(seller);
    const segment = workbench.org.byId(String(account.Customer_Segment__c));

    const created = apex(seller, 'AccountPlanController.createPlan', { accountId: account.Id });
    const again = apex(seller, 'AccountPlanController.createPlan', { accountId: account.Id });

    expect(created.status).toBe(200);
    const plan = workbench.org.byId(String(created.body));
    expect(plan).toMatchObject({
      Account__c: account.Id,
      Status__c: 'Active',
      Period_Start__c: '2026-01-01',
      Period_End__c: '2026-12-31',
      Name: `${String(account.Name)} FY2026`
    });
    expect(String(plan?.Value_Proposition__c)).toContain(String(segment?.Value_Focus__c));
    expect(typeof plan?.Data_Quality_Score__c).toBe('number');
    expect(again.status).toBe(400);
    expect(message(again)).toContain('already covers the current period');
  });

  it('refuses a record that is neither an account nor a plan', () => {
    const seller = actingUserOf(workbench, 'seller1');
    const response = apex(seller, 'AccountPlanController.getPlanFacts', { recordId: seller.id });
    expect(response.status).toBe(400);
  });

  it('hides the accounts of other sellers', () => {
    const seller = actingUserOf(workbench, 'seller1');
    const other = workbench.org.records('Account').find((a) => a.OwnerId !== seller.id);
    const response = apex(seller, 'AccountPlanController.getPlanFacts', { recordId: other?.Id });
    expect(response.status).toBe(404);
  });
});

describe('segment assignment on account saves in the workbench', () => {
  it('moves an account to the segment its new values match, and stamps the day', () => {
    const admin = actingUserOf(workbench, 'director');
    const account = workbench.org
      .records('Account')
      .find((a) => a.Customer_Segment__c && Number(a.AnnualRevenue) < 100000000);
    if (!account) throw new Error('no small segmented account in the sample org');
    const strategic = workbench.org
      .records('Customer_Segment__c')
      .find((s) => s.Name === 'Strategic Accounts');

    const saved = workbench.saveRecord(
      account.Id,
      { AnnualRevenue: 2000000000, Customer_Lifetime_Value__c: 3000000 },
      admin.id
    );

    expect(saved.Customer_Segment__c).toBe(strategic?.Id);
    expect(saved.Segment_Assigned_On__c).toBe('2026-11-16');
  });

  it('leaves an account unsegmented when it matches no segment', () => {
    const admin = actingUserOf(workbench, 'director');
    const account = workbench.org.records('Account').find((a) => a.Customer_Segment__c);
    if (!account) throw new Error('no segmented account');
    const saved = workbench.saveRecord(
      account.Id,
      { AnnualRevenue: null, Type: 'Customer - Direct', Market_Potential__c: null },
      admin.id
    );
    expect(saved.Customer_Segment__c).toBeNull();
  });
});

describe('StrategyController.publish in the workbench', () => {
  function draftVersion(director: ActingUser, fields: Record<string, unknown>): string {
    return workbench.createRecord(
      'Strategy_Version__c',
      { Name: 'Sales Strategy 2027 H1', Status__c: 'In Review', ...fields },
      director.id
    ).Id;
  }

  const COMPLETE: Record<string, unknown> = {
    Version_Number__c: 3,
    Effective_From__c: '2027-01-01',
    Governance_Model__c: 'Quarterly business reviews',
    Segmentation__c: 'Key, growth and maintain',
    Sales_Process__c: 'Seven stages',
    Customer_Interaction_Model__c: 'Field for key accounts',
    Compensation_Principles__c: 'Team-based variable pay',
    Coaching_Model__c: 'Monthly deal coaching',
    Development_Programme__c: 'Value selling',
    What_Changed__c: 'Segments by potential',
    Target_Pipeline_Coverage__c: 3,
    Target_Win_Rate__c: 30,
    Target_Data_Quality_Score__c: 85,
    Target_Time_With_Customers__c: 40,
    Target_Coaching_Sessions__c: 2,
    Target_Forecast_Accuracy__c: 90,
    Target_Team_Variable_Share__c: 40,
    Target_Strategic_KPI_Share__c: 30
  };

  it('names the blank required fields of an incomplete version by their labels', () => {
    const director = actingUserOf(workbench, 'director');
    const id = draftVersion(director, {
      ...COMPLETE,
      Segmentation__c: null,
      Target_Win_Rate__c: null
    });
    const response = apex(director, 'StrategyController.publish', { versionId: id });
    expect(response.status).toBe(400);
    expect(message(response)).toMatch(/Sales Strategy 2027 H1 .*Segmentation.*Win Rate/);
    expect(workbench.org.byId(id)?.Status__c).toBe('In Review');
  });

  it('refuses a seller, who may not edit strategy versions', () => {
    const director = actingUserOf(workbench, 'director');
    const id = draftVersion(director, COMPLETE);
    const response = apex(actingUserOf(workbench, 'seller1'), 'StrategyController.publish', {
      versionId: id
    });
    expect(response.status).toBe(403);
    expect(workbench.org.byId(id)?.Status__c).toBe('In Review');
  });

  it('publishes a complete version, supersedes the published one and stamps who and when', () => {
    const director = actingUserOf(workbench, 'director');
    const before = workbench.org
      .records('Strategy_Version__c')
      .find((version) => version.Status__c === 'Published');
    const id = draftVersion(director, COMPLETE);
    const response = apex(director, 'StrategyController.publish', { versionId: id });
    expect(response.status).toBe(200);
    expect(workbench.org.byId(id)).toMatchObject({
      Status__c: 'Published',
      Published_By__c: director.id,
      Next_Review_Date__c: '2027-05-16',
      Previous_Version__c: before?.Id
    });
    expect(workbench.org.byId(String(before?.Id))?.Status__c).toBe('Superseded');
    const again = apex(director, 'StrategyController.publish', { versionId: id });
    expect(again.status).toBe(400);
    expect(message(again)).toMatch(/only a version in review can be published/);
  });
});

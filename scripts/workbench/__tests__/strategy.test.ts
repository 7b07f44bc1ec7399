/**
 * The package's strategy, segment and account-plan Apex (StrategyController,
 * SegmentOverviewController, AccountPlanController and the Account trigger's segment
 * assignment) run by the Apex runtime on the sample org, as the workbench serves it, held
 * against the org's records and the custom labels the user reads.
 */
import { computeAdoption, computeSegmentOverview, whatChanged } from 'c/salesKpis';
import type {
  AudienceMember,
  SegmentAccount,
  SegmentFacts,
  StrategyAcknowledgement,
  StrategyVersionFacts
} from 'c/salesKpis';
import type { WorkbenchUser } from '../server/workbenchOrg';
import { inDkk, sumInDkk } from '../../sample/__tests__/inDkk';
import { apex, body, label, refusal, user, useFreshWorkbench, workbench } from './apexHarness';

useFreshWorkbench('wb-strategy-');

describe('StrategyController on the sample org', () => {
  it('briefs with the published version, the previous one and the user’s acknowledgement', () => {
    const brief = body<ApexGenerated.StrategyController_StrategyBrief>(
      apex(user('seller1'), 'StrategyController.getBrief')
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
    const seller = user('seller6');
    const before = body<ApexGenerated.StrategyController_StrategyBrief>(
      apex(seller, 'StrategyController.getBrief')
    );
    // Lightning leaves out the members an Apex DTO holds null.
    expect(before.acknowledgement ?? null).toBeNull();
    const versionId = before.version?.Id;

    const first = apex(seller, 'StrategyController.acknowledge', { versionId });
    const second = refusal(seller, 'StrategyController.acknowledge', { versionId });

    expect(first.status).toBe(200);
    expect(second).toBe(label('SSM_Already_Acknowledged'));
    const after = body<ApexGenerated.StrategyController_StrategyBrief>(
      apex(seller, 'StrategyController.getBrief')
    );
    expect(after.acknowledgement?.User__c).toBe(seller.id);
  });

  it('refuses to acknowledge a superseded version', () => {
    const seller = user('seller6');
    const previous = body<ApexGenerated.StrategyController_StrategyBrief>(
      apex(seller, 'StrategyController.getBrief')
    ).previous;
    const count = () => workbench.records('Strategy_Acknowledgement__c').length;
    const before = count();
    expect(previous?.Status__c).toBe('Superseded');
    expect(refusal(seller, 'StrategyController.acknowledge', { versionId: previous?.Id })).toBe(
      label('SSM_Strategy_Not_Published')
    );
    expect(count()).toBe(before);
  });

  it('gives the adoption facts: 11 sellers and managers, 8 of them acknowledged version 2', () => {
    const manager = user('manager1');
    const versionId = body<ApexGenerated.StrategyController_StrategyBrief>(
      apex(manager, 'StrategyController.getBrief')
    ).version?.Id;
    const facts = body<ApexGenerated.StrategyController_StrategyAdoptionFacts>(
      apex(manager, 'StrategyController.getAdoption', { versionId })
    );
    // Reminder_After_Days__c of the shipped Strategy_Setting__mdt Default record.
    expect(facts.reminderAfterDays).toBe(7);
    expect(facts.audience).toHaveLength(11);
    expect((facts.acknowledgements ?? []).map((row) => row.Id).sort()).toEqual(
      workbench
        .records('Strategy_Acknowledgement__c')
        .filter((row) => row.Strategy_Version__c === versionId)
        .map((row) => row.Id)
        .sort()
    );
    const adoption = computeAdoption(
      facts.version as StrategyVersionFacts,
      facts.audience as unknown as AudienceMember[],
      (facts.acknowledgements ?? []) as unknown as StrategyAcknowledgement[],
      String(facts.today)
    );
    // The director holds SSM_Manager too and has not acknowledged; seller6 and seller7 neither.
    expect(adoption.acknowledgedCount).toBe(8);
    expect(adoption.pending.map((member) => member.Id).sort()).toEqual(
      ['director', 'seller6', 'seller7'].map((key) => user(key).id).sort()
    );
    expect(adoption.pending).toHaveLength(3);
    expect(adoption.daysSincePublication).toBe(145);
  });

  it('answers a missing version with a clear error', () => {
    expect(
      refusal(user('seller1'), 'StrategyController.getAdoption', {
        versionId: 'a00000000000000AAA'
      })
    ).toBe(label('SSM_Strategy_Not_Found'));
  });
});

describe('SegmentOverviewController on the sample org', () => {
  it('gives an admin every account and revenue per account, with the shares summing to 1', () => {
    const facts = body<ApexGenerated.SegmentOverviewController_SegmentOverviewFacts>(
      apex(user('director'), 'SegmentOverviewController.getOverview')
    );
    expect(facts.segments).toHaveLength(workbench.records('Customer_Segment__c').length);
    expect(facts.segments).toHaveLength(4);
    expect(facts.accounts).toHaveLength(workbench.records('Account').length);
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

  it('gives each account’s open pipeline and won revenue this fiscal year, as the deals sum', () => {
    const facts = body<ApexGenerated.SegmentOverviewController_SegmentOverviewFacts>(
      apex(user('director'), 'SegmentOverviewController.getOverview')
    );
    const expected = new Map<string, { openPipeline: number; wonThisYear: number }>();
    for (const deal of workbench.records('Opportunity')) {
      const open = deal.IsClosed !== true;
      const wonThisYear = deal.IsWon === true && String(deal.CloseDate).startsWith('2026-');
      if (!deal.AccountId || (!open && !wonThisYear)) continue;
      const row = expected.get(String(deal.AccountId)) ?? { openPipeline: 0, wonThisYear: 0 };
      if (open) row.openPipeline += inDkk(deal);
      if (wonThisYear) row.wonThisYear += inDkk(deal);
      expected.set(String(deal.AccountId), row);
    }
    const cents = (value: number): number => Math.round(value * 100) / 100;
    for (const row of expected.values()) {
      row.openPipeline = cents(row.openPipeline);
      row.wonThisYear = cents(row.wonThisYear);
    }
    const revenue = new Map(
      (facts.revenue ?? []).map((row) => [
        String(row.accountId),
        { openPipeline: Number(row.openPipeline), wonThisYear: Number(row.wonThisYear) }
      ])
    );
    expect(revenue.size).toBeGreaterThan(0);
    expect(revenue).toEqual(expected);
  });

  it('gives a seller only the accounts they own', () => {
    const seller = user('seller1');
    const facts = body<ApexGenerated.SegmentOverviewController_SegmentOverviewFacts>(
      apex(seller, 'SegmentOverviewController.getOverview')
    );
    const owned = workbench.records('Account').filter((a) => a.OwnerId === seller.id);
    expect(facts.accounts?.map((a) => a.Id).sort()).toEqual(owned.map((a) => a.Id).sort());
  });
});

describe('AccountPlanController on the sample org', () => {
  function accountWithoutPlan(acting: WorkbenchUser) {
    const planned = new Set(workbench.records('Account_Plan__c').map((p) => p.Account__c));
    const account = workbench
      .records('Account')
      .find((a) => a.OwnerId === acting.id && !planned.has(a.Id));
    if (!account) throw new Error('the sample org has no unplanned account for this seller');
    return account;
  }

  function childIds(objectName: string, planId: string): string[] {
    return workbench
      .records(objectName)
      .filter((row) => row.Account_Plan__c === planId)
      .map((row) => row.Id)
      .sort();
  }

  it('gives the current plan of an account with objectives, stakeholders and won revenue', () => {
    const plan = workbench.records('Account_Plan__c')[0];
    const account = workbench.byId(String(plan.Account__c));
    const owner =
      workbench.users.find((candidate) => candidate.id === account?.OwnerId) ?? user('director');
    const facts = body<ApexGenerated.AccountPlanController_PlanFacts>(
      apex(owner, 'AccountPlanController.getPlanFacts', { recordId: account?.Id })
    );
    expect(facts.plan?.Id).toBe(plan.Id);
    expect(facts.objectives?.length).toBeGreaterThan(0);
    expect((facts.objectives ?? []).map((row) => row.Id).sort()).toEqual(
      childIds('Account_Plan_Objective__c', plan.Id)
    );
    expect((facts.stakeholders ?? []).map((row) => row.Id).sort()).toEqual(
      childIds('Account_Plan_Stakeholder__c', plan.Id)
    );
    expect(facts.canCreate).toBe(false);
    expect(facts.currencyIsoCode).toBe('DKK');
    expect(facts.wonInPeriod).toBeCloseTo(
      sumInDkk(
        workbench
          .records('Opportunity')
          .filter(
            (deal) =>
              deal.AccountId === account?.Id &&
              deal.IsWon === true &&
              String(deal.CloseDate) >= String(plan.Period_Start__c) &&
              String(deal.CloseDate) <= String(plan.Period_End__c)
          )
      ),
      2
    );
    const byPlan = body<ApexGenerated.AccountPlanController_PlanFacts>(
      apex(owner, 'AccountPlanController.getPlanFacts', { recordId: plan.Id })
    );
    expect(byPlan.account?.Id).toBe(account?.Id);
  });

  it('creates a plan for the current fiscal year prefilled from the segment, once', () => {
    const seller = user('seller1');
    const account = accountWithoutPlan(seller);
    const segment = workbench.byId(String(account.Customer_Segment__c));

    const created = apex(seller, 'AccountPlanController.createPlan', { accountId: account.Id });
    const again = refusal(seller, 'AccountPlanController.createPlan', { accountId: account.Id });

    expect(created.status).toBe(200);
    const plan = workbench.byId(String(created.body));
    expect(plan).toMatchObject({
      Account__c: account.Id,
      Status__c: 'Active',
      Period_Start__c: '2026-01-01',
      Period_End__c: '2026-12-31',
      Name: `${String(account.Name)} FY2026`
    });
    expect(String(plan?.Value_Proposition__c)).toContain(String(segment?.Value_Focus__c));
    expect(typeof plan?.Data_Quality_Score__c).toBe('number');
    expect(again).toBe(label('SSM_Plan_Exists', String(plan?.Name)));
    expect(
      workbench.records('Account_Plan__c').filter((p) => p.Account__c === account.Id)
    ).toHaveLength(1);
  });

  it('refuses a record that is neither an account nor a plan', () => {
    const seller = user('seller1');
    expect(refusal(seller, 'AccountPlanController.getPlanFacts', { recordId: seller.id })).toBe(
      label('SSM_Plan_Unsupported_Record')
    );
  });

  it('hides the accounts of other sellers', () => {
    const seller = user('seller1');
    const other = workbench.records('Account').find((a) => a.OwnerId !== seller.id);
    expect(workbench.canSee(seller.id, String(other?.Id))).toBe(false);
    expect(refusal(seller, 'AccountPlanController.getPlanFacts', { recordId: other?.Id })).toBe(
      label('SSM_Plan_Record_Not_Found')
    );
  });
});

describe('segment assignment on account saves on the sample org', () => {
  it('moves an account to the segment its new values match, and stamps the day', () => {
    const admin = user('director');
    const account = workbench
      .records('Account')
      .find((a) => a.Customer_Segment__c && Number(a.AnnualRevenue) < 100000000);
    if (!account) throw new Error('no small segmented account in the sample org');
    const strategic = workbench
      .records('Customer_Segment__c')
      .find((s) => s.Name === 'Strategic Accounts');

    const saved = workbench.saveRecord(admin.id, account.Id, {
      AnnualRevenue: 2000000000,
      Customer_Lifetime_Value__c: 3000000
    });

    expect(saved.Customer_Segment__c).toBe(strategic?.Id);
    expect(saved.Segment_Assigned_On__c).toBe('2026-11-16');
  });

  it('leaves an account unsegmented when it matches no segment', () => {
    const admin = user('director');
    const account = workbench.records('Account').find((a) => a.Customer_Segment__c);
    if (!account) throw new Error('no segmented account');
    const saved = workbench.saveRecord(admin.id, account.Id, {
      AnnualRevenue: null,
      Type: 'Customer - Direct',
      Market_Potential__c: null
    });
    expect(saved.Customer_Segment__c ?? null).toBeNull();
  });
});

describe('StrategyController.publish on the sample org', () => {
  function draftVersion(director: WorkbenchUser, fields: Record<string, unknown>): string {
    return workbench.createRecord(director.id, 'Strategy_Version__c', {
      Name: 'Sales Strategy 2027 H1',
      Status__c: 'In Review',
      ...fields
    }).Id;
  }

  /** Every member of the version's leadership group (the sample's Sales Leadership) approves. */
  function signOffByEveryone(versionId: string): WorkbenchUser[] {
    const members = workbench
      .records('Strategy_Sign_Off__c')
      .filter((row) => row.Strategy_Version__c === versionId)
      .map((row) => workbench.users.find((candidate) => candidate.id === row.Signatory__c));
    for (const member of members) {
      if (!member) throw new Error('a member of the leadership group is no sample user');
      const response = apex(member, 'StrategyController.decideSignOff', {
        versionId,
        decision: 'Approved',
        comment: null
      });
      expect(response.status).toBe(200);
    }
    return members as WorkbenchUser[];
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
    const director = user('director');
    const id = draftVersion(director, {
      ...COMPLETE,
      Segmentation__c: null,
      Target_Win_Rate__c: null
    });
    expect(refusal(director, 'StrategyController.publish', { versionId: id })).toBe(
      // The fields are named as the Danish director reads them (their translated labels).
      label(
        'SSM_Strategy_Incomplete',
        'Sales Strategy 2027 H1',
        'Kundesegmentering, Mål for hitrate'
      )
    );
    expect(workbench.byId(id)?.Status__c).toBe('In Review');
  });

  it('refuses to publish until every member of the leadership group approved, naming them', () => {
    const director = user('director');
    const cmo = user('cmo');
    const id = draftVersion(director, COMPLETE);
    expect(
      apex(director, 'StrategyController.decideSignOff', {
        versionId: id,
        decision: 'Approved',
        comment: null
      }).status
    ).toBe(200);
    // The director reads Danish; the member's role is their title, as the sample holds it.
    expect(refusal(director, 'StrategyController.publish', { versionId: id })).toBe(
      label(
        'SSM_Sign_Off_Waiting',
        'Sales Strategy 2027 H1',
        label('SSM_Sign_Off_Member_Role', cmo.name, 'Chief Marketing Officer')
      )
    );
    expect(workbench.byId(id)?.Status__c).toBe('In Review');
  });

  it('refuses a seller, who may not edit strategy versions', () => {
    const director = user('director');
    const id = draftVersion(director, COMPLETE);
    signOffByEveryone(id);
    // The platform's own words for a user-mode update the seller has no access for.
    expect(refusal(user('seller1'), 'StrategyController.publish', { versionId: id })).toMatch(
      /insufficient access rights/
    );
    expect(workbench.byId(id)?.Status__c).toBe('In Review');
  });

  it('publishes a complete version, supersedes the published one and stamps who and when', () => {
    const director = user('director');
    const before = workbench
      .records('Strategy_Version__c')
      .find((version) => version.Status__c === 'Published');
    const id = draftVersion(director, COMPLETE);
    expect(
      signOffByEveryone(id)
        .map((member) => member.key)
        .sort()
    ).toEqual(['cmo', 'director']);
    const response = apex(director, 'StrategyController.publish', { versionId: id });
    expect(response.status).toBe(200);
    expect(workbench.byId(id)).toMatchObject({
      Status__c: 'Published',
      Published_By__c: director.id,
      Next_Review_Date__c: '2027-05-16',
      Previous_Version__c: before?.Id
    });
    expect(workbench.byId(String(before?.Id))?.Status__c).toBe('Superseded');
    // StrategyNotifier's custom notification reaches the audience, with the version as target.
    expect(workbench.notificationsFor(user('seller1').id)[0]).toMatchObject({
      title: label('SSM_Strategy_Published_Title', 'Sales Strategy 2027 H1'),
      targetId: id
    });
    expect(refusal(director, 'StrategyController.publish', { versionId: id })).toBe(
      label('SSM_Strategy_Not_In_Review', 'Sales Strategy 2027 H1', 'Published')
    );
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  computeSalesKpis,
  salesFactsFromApex,
  type ApexPipelineFacts
} from '../../../force-app/main/default/lwc/salesKpis/salesKpis';
import { actingUserOf } from '../server/api';
import { APEX_METHODS } from '../server/apex/apexMethods';
import { LocalStore } from '../server/store';
import { hierarchyBelow, type ActingUser } from '../server/visibility';
import { openWorkbenchOrg, type WorkbenchOrg } from '../server/workbenchOrg';

let dir: string;
let workbench: WorkbenchOrg;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wb-pipeline-'));
  workbench = openWorkbenchOrg({ store: new LocalStore(join(dir, 'store.json')) });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function facts(acting: ActingUser, params: Record<string, unknown> = {}) {
  const response = APEX_METHODS['PipelineReviewController.getPipelineFacts'](
    workbench,
    acting,
    params
  );
  return response as { status: number; body: ApexPipelineFacts & Record<string, unknown> };
}

describe('PipelineReviewController.getPipelineFacts in the workbench', () => {
  it('reviews this fiscal quarter of the sample day when no period is given', () => {
    const { status, body } = facts(actingUserOf(workbench, 'manager1'));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      today: '2026-11-16',
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31'
    });
  });

  it('totals every team deal closing in the period, as an independent sum says', () => {
    const manager = actingUserOf(workbench, 'manager1');
    const team = hierarchyBelow(workbench.org, manager.id);
    const deals = workbench.org
      .records('Opportunity')
      .filter(
        (deal) =>
          team.has(String(deal.OwnerId)) &&
          String(deal.CloseDate) >= '2026-10-01' &&
          String(deal.CloseDate) <= '2026-12-31'
      );
    const open = deals
      .filter((deal) => deal.IsClosed !== true)
      .reduce((sum, deal) => sum + Number(deal.Amount ?? 0), 0);
    const won = deals
      .filter((deal) => deal.IsWon === true)
      .reduce((sum, deal) => sum + Number(deal.Amount ?? 0), 0);
    const review = salesFactsFromApex([facts(manager).body]);
    const report = computeSalesKpis(review.facts, {
      period: { start: '2026-10-01', end: '2026-12-31', label: '2026-Q4' },
      today: '2026-11-16'
    });
    expect(deals.length).toBeGreaterThan(0);
    expect(report.pipeline.dealCount).toBe(deals.length);
    expect(report.pipeline.openPipeline).toBe(open);
    expect(report.pipeline.closedWon).toBe(won);
    expect(review.facts.team[0].Id).toBe(manager.id);
    expect(review.facts.deals.every((deal) => team.has(deal.OwnerId))).toBe(true);
  });

  it('shows a seller only their own deals even when they ask for their manager’s team', () => {
    const seller = actingUserOf(workbench, 'seller1');
    const manager = actingUserOf(workbench, 'manager1');
    const body = facts(seller, { managerId: manager.id }).body;
    expect((body.deals ?? []).length).toBeGreaterThan(0);
    expect((body.deals ?? []).every((deal) => deal.OwnerId === seller.id)).toBe(true);
    expect(
      (body.totals ?? []).every((row) => (row as { ownerId: string }).ownerId === seller.id)
    ).toBe(true);
  });

  it('refuses a period that ends before it starts with the label’s message', () => {
    const response = facts(actingUserOf(workbench, 'manager1'), {
      periodStart: '2026-12-31',
      periodEnd: '2026-10-01'
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ message: expect.stringMatching(/period/) });
  });

  it('returns the period’s close-date changes since a date after an edit', () => {
    const manager = actingUserOf(workbench, 'manager1');
    const deal = salesFactsFromApex([facts(manager).body]).facts.deals.find(
      (candidate) => !candidate.IsClosed && candidate.CloseDate < '2026-12-20'
    );
    if (!deal) throw new Error('manager1 has no open deal closing before 2026-12-20');
    workbench.saveRecord(deal.Id, { CloseDate: '2026-12-28' }, manager.id);
    const review = salesFactsFromApex([facts(manager, { changesSince: '2026-11-16' }).body]);
    const report = computeSalesKpis(review.facts, {
      period: { start: '2026-10-01', end: '2026-12-31', label: '2026-Q4' },
      today: '2026-11-16',
      since: '2026-11-16'
    });
    expect(report.changes.pushed.count).toBeGreaterThanOrEqual(1);
  });
});

describe('AccountPipelineController.getAccountPipeline in the workbench', () => {
  it('returns the account’s open deals and those closed in the last twelve months', () => {
    const director = actingUserOf(workbench, 'director');
    const account = workbench.org.records('Account')[0];
    const response = APEX_METHODS['AccountPipelineController.getAccountPipeline'](
      workbench,
      director,
      { accountId: account.Id }
    );
    const body = response.body as { closedSince: string; deals: Record<string, unknown>[] };
    const expected = workbench.org
      .records('Opportunity')
      .filter(
        (deal) =>
          deal.AccountId === account.Id &&
          (deal.IsClosed !== true || String(deal.CloseDate) >= '2025-11-16')
      )
      .map((deal) => deal.Id)
      .sort();
    expect(body.closedSince).toBe('2025-11-16');
    expect(body.deals.map((deal) => String(deal.Id)).sort()).toEqual(expected);
  });

  it('shows a seller only the deals sharing lets them see', () => {
    const seller = actingUserOf(workbench, 'seller1');
    for (const account of workbench.org.records('Account').slice(0, 20)) {
      const body = APEX_METHODS['AccountPipelineController.getAccountPipeline'](workbench, seller, {
        accountId: account.Id
      }).body as { deals: { OwnerId: string }[] };
      expect(body.deals.every((deal) => deal.OwnerId === seller.id)).toBe(true);
    }
  });

  it('refuses a blank account', () => {
    const response = APEX_METHODS['AccountPipelineController.getAccountPipeline'](
      workbench,
      actingUserOf(workbench, 'seller1'),
      {}
    );
    expect(response.status).toBe(400);
  });
});

describe('the events of the pipeline facts', () => {
  it('returns the team’s events of the period, dated by their start as the platform does', () => {
    const manager = actingUserOf(workbench, 'manager1');
    const team = hierarchyBelow(workbench.org, manager.id);
    const expected = workbench.org
      .records('Event')
      .filter(
        (event) =>
          team.has(String(event.OwnerId)) &&
          String(event.StartDateTime).slice(0, 10) >= '2026-10-01' &&
          String(event.StartDateTime).slice(0, 10) <= '2026-12-31'
      ).length;
    const review = salesFactsFromApex([facts(manager).body]);
    expect(expected).toBeGreaterThan(0);
    expect(review.facts.activities).toHaveLength(expected);
    const report = computeSalesKpis(review.facts, {
      period: { start: '2026-10-01', end: '2026-12-31', label: '2026-Q4' },
      today: '2026-11-16'
    });
    expect(report.teamTimeWithCustomers).toBeGreaterThan(0);
  });

  it('gives a seller on Home their own target: a team of one', () => {
    const seller = actingUserOf(workbench, 'seller1');
    const review = salesFactsFromApex([facts(seller).body]);
    expect(review.facts.team.map((member) => member.Id)).toEqual([seller.id]);
    expect(review.facts.targets.length).toBeGreaterThan(0);
    expect(review.facts.targets.every((target) => target.Seller__c === seller.id)).toBe(true);
  });
});

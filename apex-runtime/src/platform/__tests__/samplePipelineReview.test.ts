/**
 * The pipeline review of a past quarter on the sample org, through the real Apex
 * (PipelineReviewController.getPipelineFacts, run by the runtime as the manager) and the KPI
 * maths the review component uses (c/salesKpis salesFactsFromApex + computeSalesKpis). The
 * expected deals are recomputed here from data/ by KPI_DEFINITIONS.md: "moved out" is a deal in
 * the period as of D (open, close date in it at the start of D) whose close date is after the
 * period's end now.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  computeSalesKpis,
  salesFactsFromApex,
  type ApexPipelineFacts
} from '../../../../force-app/main/default/lwc/salesKpis/salesKpis';
import { DEFAULT_DATA_DIR, loadEmbeddedOrg } from '../../../../scripts/org/embeddedOrg';
import { inDkk } from '../../../../scripts/sample/__tests__/inDkk';
import { invokeAuraEnabled } from '../../aura/auraInvoke';
import { sampleOrg } from '../orgs';

interface Snapshot {
  createdDate: string;
  stageName: string;
  closeDate: string;
}
interface HistoryEntry {
  referenceId: string;
  snapshots: Snapshot[];
  fieldChanges: { createdDate: string }[];
}

const Q3 = { start: '2026-07-01', end: '2026-09-30' };
const embedded = loadEmbeddedOrg();
const history = (
  JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'opportunity-history.json'), 'utf8')) as {
    opportunities: HistoryEntry[];
  }
).opportunities;

/** The first manager's team: manager1 and the sellers reporting to them. */
function teamOf(managerKey: string): Set<string> {
  const manager = embedded.idOf(managerKey) as string;
  return new Set(
    embedded
      .records('User')
      .filter((user) => user.Id === manager || user.ManagerId === manager)
      .map((user) => user.Id)
  );
}

/** The team's deals with their history, from data/ (not through Apex). */
function teamDeals(managerKey: string) {
  const team = teamOf(managerKey);
  return history
    .map((entry) => ({ entry, deal: embedded.byId(embedded.idOf(entry.referenceId) as string) }))
    .filter(({ deal }) => deal !== undefined && team.has(String(deal.OwnerId)))
    .map(({ entry, deal }) => ({ entry, deal: deal as NonNullable<typeof deal> }));
}

/** Deals open with a close date in the period at the start of `since`, after its end now. */
function movedOutSince(managerKey: string, since: string) {
  return teamDeals(managerKey).filter(({ entry, deal }) => {
    const then = entry.snapshots.filter((row) => row.createdDate < `${since}T00:00:00.000Z`).pop();
    const openThen = then && !['Closed Won', 'Closed Lost'].includes(then.stageName);
    return (
      openThen &&
      then.closeDate >= Q3.start &&
      then.closeDate <= Q3.end &&
      String(deal.CloseDate) > Q3.end
    );
  });
}

function review(managerKey: string, changesSince: string | null) {
  const org = sampleOrg();
  const response = invokeAuraEnabled(org, {
    className: 'PipelineReviewController',
    methodName: 'getPipelineFacts',
    params: {
      managerId: null,
      periodStart: Q3.start,
      periodEnd: Q3.end,
      changesSince,
      afterDealId: null
    },
    userId: embedded.idOf(managerKey) as string
  });
  if (!response.ok) throw new Error(`${response.status} ${response.message}`);
  const facts = response.value as ApexPipelineFacts;
  const merged = salesFactsFromApex([facts]);
  const report = computeSalesKpis(merged.facts, {
    period: merged.period ?? { ...Q3, label: '2026-Q3' },
    today: merged.today ?? embedded.today,
    since: changesSince ?? Q3.start
  });
  return { facts, report };
}

describe('the pipeline review of 2026-Q3 for the first manager (manager1)', () => {
  const { facts, report } = review('manager1', null);

  it('shows the six deals that moved out of the quarter since its start, as the history says', () => {
    const expected = movedOutSince('manager1', Q3.start);
    expect(expected.map(({ entry }) => entry.referenceId)).toEqual([
      'OpportunityRef47',
      'OpportunityRef124',
      'OpportunityRef153',
      'OpportunityRef216',
      'OpportunityRef228',
      'OpportunityRef500'
    ]);
    expect(report.changes.movedOut.count).toBe(6);
    expect(report.changes.movedOut.amount).toBeCloseTo(
      expected.reduce((sum, { deal }) => sum + inDkk(deal), 0),
      2
    );
    expect(report.changes.movedOut.amount).toBeCloseTo(572_000, -2);
    const served = new Set((facts.deals ?? []).map((deal) => deal.Id));
    expect(expected.filter(({ deal }) => !served.has(deal.Id))).toEqual([]);
  });

  it('counts three of them as slipped: still open, while the other three were lost after they moved', () => {
    const stillOpen = movedOutSince('manager1', Q3.start).filter(({ deal }) => !deal.IsClosed);
    expect(stillOpen.map(({ entry }) => entry.referenceId)).toEqual([
      'OpportunityRef124',
      'OpportunityRef216',
      'OpportunityRef500'
    ]);
    expect(report.slippage.movedOutDeals).toBe(3);
  });
});

describe('the deals the review reads for a "changes since" date', () => {
  // Two weeks before the sample day: only deals saved since then can have moved out since then.
  const since = '2026-11-02';
  const { facts, report } = review('manager1', since);

  it('are the quarter`s deals plus the deals pushed past its end and saved since that date', () => {
    const expected = teamDeals('manager1')
      .filter(({ entry, deal }) => {
        const close = String(deal.CloseDate);
        const lastSave = entry.fieldChanges[entry.fieldChanges.length - 1].createdDate;
        return (
          (close >= Q3.start && close <= Q3.end) ||
          (close > Q3.end &&
            Number(deal.Close_Date_Push_Count__c ?? 0) > 0 &&
            lastSave >= `${since}T00:00:00.000Z`)
        );
      })
      .map(({ deal }) => deal.Id)
      .sort();
    expect((facts.deals ?? []).map((deal) => String(deal.Id)).sort()).toEqual(expected);
  });

  it('find the deals that moved out since that date', () => {
    const expected = movedOutSince('manager1', since).map(({ entry }) => entry.referenceId);
    expect(expected).toEqual(['OpportunityRef124', 'OpportunityRef235']);
    expect(report.changes.movedOut.count).toBe(expected.length);
  });
});

describe('the sample org with custom fiscal years (4-4-5 weeks, config/custom-fiscal-years.json)', () => {
  it('reviews the org’s own quarter holding the sample day when no period is given', () => {
    const org = sampleOrg({ customFiscalYears: true });
    const response = invokeAuraEnabled(org, {
      className: 'PipelineReviewController',
      methodName: 'getPipelineFacts',
      params: {
        managerId: null,
        periodStart: null,
        periodEnd: null,
        changesSince: null,
        afterDealId: null
      },
      userId: embedded.idOf('manager1') as string
    });
    if (!response.ok) throw new Error(`${response.status} ${response.message}`);
    const merged = salesFactsFromApex([response.value as ApexPipelineFacts]);
    // FY2026 has 53 weeks: its Q4 runs 14 weeks, 2026-09-28..2027-01-03.
    expect(merged.period).toMatchObject({ start: '2026-09-28', end: '2027-01-03' });
    expect(
      merged.facts.calendar?.Quarters?.some((quarter) => quarter.StartDate === '2026-09-28')
    ).toBe(true);
  });
});

import { createElement } from 'lwc';
import ReviewKpiHeader from 'c/reviewKpiHeader';
import { computeSalesKpis, salesFactsFromApex, type ApexPipelineFacts } from 'c/salesKpis';
import { periodPhase, reviewTiles } from '../headerTiles';
import facts from './data/pipelineFacts.json';

const Q4 = { start: '2026-10-01', end: '2026-12-31', label: 'Q4' };
const Q1 = { start: '2027-01-01', end: '2027-03-31', label: 'Q1' };
const review = salesFactsFromApex([facts as unknown as ApexPipelineFacts]);

function report(period = Q4, today = '2026-11-16', overrides: Partial<typeof review.facts> = {}) {
  return computeSalesKpis({ ...review.facts, ...overrides }, { period, today });
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function statusOf(tiles: ReturnType<typeof reviewTiles>, key: string) {
  const tile = tiles.find((candidate) => candidate.key === key);
  return { status: tile?.status, tone: tile?.statusClass, detail: tile?.detail };
}

describe('reviewTiles', () => {
  it('tells a future, a running and a past period apart', () => {
    expect(periodPhase(Q1, '2026-11-16')).toBe('future');
    expect(periodPhase(Q4, '2026-11-16')).toBe('current');
    expect(periodPhase(Q4, '2027-01-02')).toBe('past');
  });

  it('judges nothing in red in a period that has not started', () => {
    const tiles = reviewTiles(report(Q1), { phase: 'future', viewerManages: true });
    expect(tiles.filter((tile) => tile.statusClass === 'slds-text-color_error')).toEqual([]);
    expect(statusOf(tiles, 'coverage').status).toBe('c.SSM_Review_Not_Started');
  });

  it('shows progress, not "Below target", for closed won in a running period', () => {
    const tiles = reviewTiles(report(), { phase: 'current', viewerManages: true });
    const closedWon = tiles.find((tile) => tile.key === 'closedWon');
    expect(closedWon?.status).toBe('c.SSM_Review_In_Progress');
    expect(closedWon?.statusClass).toBe('slds-text-color_weak');
    // 6,000 won of 30,000.
    expect(closedWon?.progress).toBe(20);
  });

  it('judges closed won below target once the period is over', () => {
    const tiles = reviewTiles(report(Q4, '2027-01-05'), { phase: 'past', viewerManages: true });
    expect(statusOf(tiles, 'closedWon')).toEqual(
      expect.objectContaining({ status: 'c.SSM_Review_Not_Met', tone: 'slds-text-color_error' })
    );
  });

  it('never says "No target" on a tile that has one; "No data yet" when it has no value', () => {
    const tiles = reviewTiles(report(), { phase: 'current', viewerManages: true });
    const dataQuality = statusOf(tiles, 'dataQuality');
    expect(dataQuality.detail).toBe('c.SSM_Review_Target');
    expect(dataQuality.status).not.toBe('c.SSM_Review_No_Target');
    const withTime = reviewTiles(
      report(Q4, '2026-11-16', {
        strategy: { ...review.facts.strategy, Target_Time_With_Customers__c: 40 }
      }),
      { phase: 'current', viewerManages: true }
    );
    expect(statusOf(withTime, 'timeWithCustomers').detail).not.toBe('c.SSM_Review_No_Target');
    // Without a target: "No target" as the detail and no status at all.
    const winless = reviewTiles(report(Q4, '2026-11-16', { strategy: null }), {
      phase: 'current',
      viewerManages: true
    });
    expect(statusOf(winless, 'winRate')).toEqual({
      status: '',
      tone: '',
      detail: 'c.SSM_Review_No_Target'
    });
  });

  it('does not judge a seller on their manager’s coaching sessions', () => {
    const strategy = { ...review.facts.strategy, Target_Coaching_Sessions__c: 2 };
    const tiles = reviewTiles(report(Q4, '2026-11-16', { strategy }), {
      phase: 'current',
      viewerManages: false
    });
    expect(statusOf(tiles, 'coachingSessions')).toEqual(
      expect.objectContaining({
        status: 'c.SSM_Review_Managers_Only',
        tone: 'slds-text-color_weak'
      })
    );
  });

  it('says what the forecast tile’s figures are', () => {
    const tiles = reviewTiles(report(), { phase: 'current', viewerManages: true });
    expect(statusOf(tiles, 'forecast').detail).toBe('c.SSM_Review_Forecast_Detail');
  });
});

describe('c-review-kpi-header', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows each tile with its exact amount on hover and its status in words', async () => {
    const element = createElement('c-review-kpi-header', { is: ReviewKpiHeader });
    Object.assign(element, {
      report: report(),
      period: Q4,
      today: '2026-11-16',
      viewerManages: true
    });
    document.body.appendChild(element);
    await flush();
    const root = element.shadowRoot as ShadowRoot;
    const value = root.querySelector('[data-tile="closedWon"] [data-id="tile-value"]');
    expect(value?.textContent?.trim()).toBe('$6K');
    expect(value?.getAttribute('title')).toBe('$6,000.00');
    expect(
      root
        .querySelector('[data-tile="closedWon"] [role="progressbar"]')
        ?.getAttribute('aria-valuenow')
    ).toBe('20');
    expect(root.querySelector('c-review-forecast-bar')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});

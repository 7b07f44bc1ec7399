import { createElement } from 'lwc';
import PipelineKpis from 'c/pipelineKpis';
import getPipelineFacts from '@salesforce/apex/PipelineReviewController.getPipelineFacts';
import facts from '../../pipelineReview/__tests__/data/pipelineFacts.json';
import { FOUR_FOUR_FIVE_APEX_ROWS } from '../../salesKpis/__tests__/fourFourFive';

jest.mock(
  '@salesforce/apex/PipelineReviewController.getPipelineFacts',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/AccountPipelineController.getAccountPipeline',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/UserCalendarController.getToday',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/user/Id', () => ({ default: '005A' }), { virtual: true });

interface TestWireAdapter {
  emit(value: unknown): void;
  getLastConfig(): Record<string, unknown>;
}

const factsAdapter = getPipelineFacts as unknown as TestWireAdapter;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function tile(element: HTMLElement, key: string): string {
  const tiles = element.shadowRoot?.querySelector('c-kpi-tiles');
  return (
    tiles?.shadowRoot?.querySelector(`[data-tile="${key}"] [data-id="tile-value"]`)?.textContent ??
    ''
  ).trim();
}

describe('c-pipeline-kpis on Home in an org with custom fiscal years', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows this fiscal quarter as Apex read it from the org’s Period rows', async () => {
    const element = createElement('c-pipeline-kpis', { is: PipelineKpis });
    document.body.appendChild(element);
    await flush();
    // No period: Apex reads this fiscal quarter, FY2026 Q4 (14 weeks) of the org's 4-4-5 rows.
    const config = factsAdapter.getLastConfig();
    expect(config.managerId).toBe('005A');
    expect(config.periodStart ?? null).toBeNull();
    factsAdapter.emit({
      ...facts,
      periodStart: '2026-09-27',
      periodEnd: '2027-01-02',
      fiscalQuarters: FOUR_FOUR_FIVE_APEX_ROWS
    });
    await flush();
    expect(element.shadowRoot?.querySelector('.slds-card__header p')?.textContent?.trim()).toBe(
      'Sep 27, 2026 – Jan 2, 2027'
    );
    expect(tile(element, 'closedWon')).toBe('$6,000');
    expect(tile(element, 'openPipeline')).toBe('$10,000');
    await expect(element).toBeAccessible();
  });
});

import { createElement } from 'lwc';
import PipelineKpis from 'c/pipelineKpis';
import getPipelineFacts from '@salesforce/apex/PipelineReviewController.getPipelineFacts';
import getAccountPipeline from '@salesforce/apex/AccountPipelineController.getAccountPipeline';
import getToday from '@salesforce/apex/UserCalendarController.getToday';
import { getRecord } from 'lightning/uiRecordApi';
import facts from '../../pipelineReview/__tests__/data/pipelineFacts.json';

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
  error(body?: unknown): void;
}

const factsAdapter = getPipelineFacts as unknown as TestWireAdapter;
const recordAdapter = getRecord as unknown as TestWireAdapter;
const accountAdapter = getAccountPipeline as unknown as TestWireAdapter;
const todayAdapter = getToday as unknown as TestWireAdapter;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function render(props: Record<string, string> = {}): HTMLElement {
  const element = createElement('c-pipeline-kpis', { is: PipelineKpis });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

function tile(element: HTMLElement, key: string): string {
  const tiles = element.shadowRoot?.querySelector('c-kpi-tiles');
  return (
    tiles?.shadowRoot?.querySelector(`[data-tile="${key}"] [data-id="tile-value"]`)?.textContent ??
    ''
  ).trim();
}

describe('c-pipeline-kpis', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.useRealTimers();
  });

  it('shows my own numbers on Home: my won, pipeline and coverage of my target', async () => {
    const element = render();
    factsAdapter.emit(facts);
    await flush();
    // Anna (005A): won 6,000 of a 20,000 target; open 10,000 covers 10,000 / 14,000.
    expect(tile(element, 'closedWon')).toBe('$6,000');
    expect(tile(element, 'openPipeline')).toBe('$10,000');
    expect(tile(element, 'coverage')).toBe('0.7x');
    expect(tile(element, 'forecast')).toBe('');
    await expect(element).toBeAccessible();
  });

  it('shows the error panel when the facts do not load', async () => {
    const element = render();
    factsAdapter.error({ message: 'No access' });
    await flush();
    expect(element.shadowRoot?.querySelector('c-error-panel')).not.toBeNull();
  });

  function emitDeal(fields: Record<string, unknown>): void {
    recordAdapter.emit({
      id: '006A1',
      apiName: 'Opportunity',
      fields: Object.fromEntries(
        Object.entries(fields).map(([name, value]) => [name, { value, displayValue: null }])
      )
    });
  }

  const OPEN_DEAL = {
    CloseDate: '2026-12-30',
    IsClosed: false,
    Original_Close_Date__c: '2026-11-30',
    Close_Date_Push_Count__c: 2,
    Stage_Entered_On__c: '2026-11-06',
    CreatedDate: '2026-09-17T08:00:00.000Z'
  };

  it('shows a deal’s pushes, slip, days in stage and age as of the org’s today, not the machine’s clock', async () => {
    // The machine's clock is months ahead of the org's today (the workbench's sample day).
    jest.useFakeTimers({ now: new Date('2027-03-01T12:00:00Z'), doNotFake: ['setTimeout'] });
    const element = render({ recordId: '006A1', objectApiName: 'Opportunity' });
    emitDeal(OPEN_DEAL);
    todayAdapter.emit('2026-11-16');
    await flush();
    expect(tile(element, 'pushes')).toBe('2');
    expect(tile(element, 'slipDays')).toBe('30');
    expect(tile(element, 'daysInStage')).toBe('10');
    expect(tile(element, 'age')).toBe('60');
    await expect(element).toBeAccessible();
  });

  it('stops a closed deal’s days in stage and age at its close date', async () => {
    const element = render({ recordId: '006A1', objectApiName: 'Opportunity' });
    emitDeal({ ...OPEN_DEAL, IsClosed: true, CloseDate: '2026-11-10' });
    todayAdapter.emit('2026-11-16');
    await flush();
    expect(tile(element, 'daysInStage')).toBe('4');
    expect(tile(element, 'age')).toBe('54');
  });

  it('waits for the org’s today before it shows a deal’s ageing', async () => {
    const element = render({ recordId: '006A1', objectApiName: 'Opportunity' });
    emitDeal(OPEN_DEAL);
    await flush();
    expect(tile(element, 'daysInStage')).toBe('');
    expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
  });

  it('shows the error panel when the org’s today does not load', async () => {
    const element = render({ recordId: '006A1', objectApiName: 'Opportunity' });
    emitDeal(OPEN_DEAL);
    todayAdapter.error({ message: 'No access' });
    await flush();
    expect(element.shadowRoot?.querySelector('c-error-panel')).not.toBeNull();
  });

  it('shows an account’s open pipeline, won revenue and win rate of the last twelve months', async () => {
    const element = render({ recordId: '001X', objectApiName: 'Account' });
    accountAdapter.emit({
      today: '2026-11-16',
      closedSince: '2025-11-16',
      truncated: true,
      deals: facts.deals.map((deal) => ({ ...deal, AccountId: '001X' }))
    });
    await flush();
    // Open: 10,000 (75 %) + 4,000 (10 %); won 6,000; one win, no loss.
    expect(tile(element, 'openPipeline')).toBe('$14,000');
    expect(tile(element, 'weighted')).toBe('$7,900');
    expect(tile(element, 'won')).toBe('$6,000');
    expect(tile(element, 'winRate')).toBe('100%');
    expect(element.shadowRoot?.querySelector('[data-id="truncated"]')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});

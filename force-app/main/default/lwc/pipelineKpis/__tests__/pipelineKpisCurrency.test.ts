import { createElement } from 'lwc';
import PipelineKpis from 'c/pipelineKpis';
import getPipelineFacts from '@salesforce/apex/PipelineReviewController.getPipelineFacts';
import getAccountPipeline from '@salesforce/apex/AccountPipelineController.getAccountPipeline';
import facts from '../../pipelineReview/__tests__/data/pipelineFacts.json';

// The user's currency as Lightning's i18n module gives it: it follows the locale, so in a
// multi-currency org it need not be the currency Apex converted the amounts into.
jest.mock('@salesforce/i18n/currency', () => ({ default: 'DKK' }), { virtual: true });
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
}

const factsAdapter = getPipelineFacts as unknown as TestWireAdapter;
const accountAdapter = getAccountPipeline as unknown as TestWireAdapter;
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

function accountPipeline(currencyIsoCode: string | null) {
  return {
    today: '2026-11-16',
    closedSince: '2025-11-16',
    truncated: false,
    currencyIsoCode,
    deals: facts.deals.map((deal) => ({ ...deal, AccountId: '001X' }))
  };
}

describe('c-pipeline-kpis in the currency the facts state', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows an account’s tiles in EUR when its pipeline states EUR and the user’s i18n currency is DKK', async () => {
    const element = render({ recordId: '001X', objectApiName: 'Account' });
    accountAdapter.emit(accountPipeline('EUR'));
    await flush();
    expect(tile(element, 'openPipeline')).toBe('€14,000');
    expect(tile(element, 'weighted')).toBe('€7,900');
    expect(tile(element, 'won')).toBe('€6,000');
    await expect(element).toBeAccessible();
  });

  it('falls back to the user’s currency when the account pipeline states none', async () => {
    const element = render({ recordId: '001X', objectApiName: 'Account' });
    accountAdapter.emit(accountPipeline(null));
    await flush();
    expect(tile(element, 'openPipeline')).toBe('DKK\u00a014,000');
  });

  it('shows my Home tiles in the currency the pipeline facts state', async () => {
    const element = render();
    factsAdapter.emit({ ...facts, currencyIsoCode: 'EUR' });
    await flush();
    expect(tile(element, 'closedWon')).toBe('€6,000');
    expect(tile(element, 'openPipeline')).toBe('€10,000');
    const tiles = element.shadowRoot?.querySelector('c-kpi-tiles')?.shadowRoot?.textContent ?? '';
    expect(tiles).not.toContain('DKK');
  });
});

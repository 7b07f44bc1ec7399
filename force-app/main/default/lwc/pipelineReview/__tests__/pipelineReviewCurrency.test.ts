import { createElement } from 'lwc';
import PipelineReview from 'c/pipelineReview';
import getPipelineFacts from '@salesforce/apex/PipelineReviewController.getPipelineFacts';
import facts from './data/pipelineFacts.json';

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
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), {
  virtual: true
});
jest.mock('@salesforce/user/Id', () => ({ default: '005M' }), { virtual: true });

interface TestWireAdapter {
  emit(value: unknown): void;
}

const adapter = getPipelineFacts as unknown as TestWireAdapter;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Alpha renewal's close date was pushed on 2026-11-10, so the changes and the bridge show. */
const FACTS = {
  ...facts,
  history: [
    {
      OpportunityId: '006A1',
      Field: 'CloseDate',
      OldValue: '2026-11-15',
      NewValue: '2026-11-30',
      CreatedDate: '2026-11-10T09:00:00.000Z'
    }
  ]
};

/** The first element matching the selector, through the child components' shadow roots. */
function find(root: Element | ShadowRoot, selector: string): HTMLElement | null {
  const found = root.querySelector<HTMLElement>(selector);
  if (found) return found;
  for (const child of root.querySelectorAll('*')) {
    const inner = child.shadowRoot ? find(child.shadowRoot, selector) : null;
    if (inner) return inner;
  }
  return null;
}

/** Every text and hover title a component shows, through its children's shadow roots. */
function shown(root: Element | ShadowRoot): string {
  const parts: string[] = [];
  const walk = (node: Element | ShadowRoot) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) parts.push(child.textContent ?? '');
      if (child instanceof Element) {
        const title = child.getAttribute('title');
        if (title) parts.push(title);
        walk(child);
        if (child.shadowRoot) walk(child.shadowRoot);
      }
    }
  };
  walk(root);
  return parts.join(' ');
}

async function loaded(data: unknown): Promise<HTMLElement> {
  const element = createElement('c-pipeline-review', { is: PipelineReview });
  document.body.appendChild(element);
  adapter.emit(data);
  await flush();
  return element;
}

const CHILDREN = [
  'c-review-kpi-header',
  'c-review-forecast-bar',
  'c-review-changes',
  'c-pipeline-waterfall',
  'c-review-deal-table',
  'c-review-seller-table'
];

describe('c-pipeline-review in the currency the facts state', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows every amount in EUR when the facts state EUR and the user’s i18n currency is DKK', async () => {
    const element = await loaded({ ...FACTS, currencyIsoCode: 'EUR' });
    const root = element.shadowRoot as ShadowRoot;
    for (const name of CHILDREN) {
      const child = find(root, name) as HTMLElement & { currency: string | null };
      expect([name, child.currency]).toEqual([name, 'EUR']);
      const text = shown(child.shadowRoot as ShadowRoot);
      expect([name, text.includes('€')]).toEqual([name, true]);
      expect([name, text.includes('DKK')]).toEqual([name, false]);
    }
    expect(find(root, '[data-tile="closedWon"] [data-id="tile-value"]')?.textContent?.trim()).toBe(
      '€6K'
    );
    expect(find(root, 'tr[data-row="006A1"] [data-cell="amount"]')?.getAttribute('title')).toBe(
      '€10,000.00'
    );
  });

  it('shows the amounts in the user’s currency when the facts state none', async () => {
    const element = await loaded(FACTS);
    const root = element.shadowRoot as ShadowRoot;
    expect(
      find(root, '[data-tile="closedWon"] [data-id="tile-value"]')?.getAttribute('title')
    ).toBe('DKK\u00a06,000.00');
    expect(shown(root)).not.toContain('€');
  });
});

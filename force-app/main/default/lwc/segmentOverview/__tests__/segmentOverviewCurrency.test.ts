import { createElement } from 'lwc';
import SegmentOverview from 'c/segmentOverview';
import getOverview from '@salesforce/apex/SegmentOverviewController.getOverview';
import overview from './data/overview.json';

// The user's currency as Lightning's i18n module gives it: it follows the locale, so in a
// multi-currency org it need not be the currency Apex converted the amounts into.
jest.mock('@salesforce/i18n/currency', () => ({ default: 'DKK' }), { virtual: true });
jest.mock(
  '@salesforce/apex/SegmentOverviewController.getOverview',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

interface TestWireAdapter {
  emit(value: unknown): void;
}

const adapter = getOverview as unknown as TestWireAdapter;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function rendered(currencyIsoCode: string | null, recordId?: string): Promise<HTMLElement> {
  const element = createElement('c-segment-overview', { is: SegmentOverview });
  if (recordId) Object.assign(element, { recordId, objectApiName: 'Customer_Segment__c' });
  document.body.appendChild(element);
  adapter.emit({ ...overview, currencyIsoCode });
  await flush();
  return element;
}

function cells(element: HTMLElement, row: string): string[] {
  return [...element.shadowRoot!.querySelectorAll(`tr[data-row="${row}"] > *`)].map(
    (cell) => cell.textContent?.trim() ?? ''
  );
}

describe('c-segment-overview in the currency the facts state', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows EUR amounts when the facts state EUR and the user’s i18n currency is DKK', async () => {
    const element = await rendered('EUR');
    expect(cells(element, 'a02S1').slice(3, 7)).toEqual(['€3,000', '€6,000', '€1,000', '€9,000']);
    expect(cells(element, 'total')[4]).toMatch(/^€/);
    expect(element.shadowRoot!.textContent).not.toContain('DKK');
    await expect(element).toBeAccessible();
  });

  it('lists a segment’s accounts in that currency too', async () => {
    const element = await rendered('EUR', 'a02S2');
    const accounts = [...element.shadowRoot!.querySelectorAll('[data-id="accounts"] tbody td')];
    expect(accounts.length).toBeGreaterThan(0);
    expect(accounts.every((cell) => cell.textContent?.trim().startsWith('€'))).toBe(true);
  });

  it('falls back to the user’s currency when the facts state none', async () => {
    const element = await rendered(null);
    expect(cells(element, 'a02S1')[3]).toBe('DKK\u00a03,000');
  });
});

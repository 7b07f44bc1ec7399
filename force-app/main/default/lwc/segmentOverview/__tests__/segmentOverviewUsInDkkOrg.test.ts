import { createElement } from 'lwc';
import SegmentOverview from 'c/segmentOverview';
import getOverview from '@salesforce/apex/SegmentOverviewController.getOverview';
import overview from './data/overview.json';

// The running user, as Lightning's @salesforce/i18n modules give them: a US-English user in a DKK org.
jest.mock('@salesforce/i18n/locale', () => ({ default: 'en-US' }), { virtual: true });
jest.mock('@salesforce/i18n/currency', () => ({ default: 'DKK' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'America/New_York' }), { virtual: true });
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

describe('c-segment-overview for a US-English user in a DKK org', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows amounts in the org currency, written the US-English way', async () => {
    const element = createElement('c-segment-overview', { is: SegmentOverview });
    document.body.appendChild(element);
    adapter.emit({
      ...overview,
      accounts: overview.accounts.map((account) =>
        account.Id === '001A' ? { ...account, Customer_Lifetime_Value__c: 1_234_567 } : account
      )
    });
    await flush();

    const row = [...element.shadowRoot!.querySelectorAll('tr[data-row="a02S1"] > *')].map(
      (cell) => cell.textContent?.trim() ?? ''
    );
    // Intl writes a non-breaking space (U+00A0) where the locale puts a space.
    expect(row[3]).toBe('DKK\u00a03,000');
    expect(row[6]).toBe('DKK\u00a01,234,567');
    expect(row.slice(7, 9)).toEqual(['60%', '50%']);
  });
});

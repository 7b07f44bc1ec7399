import { createElement } from 'lwc';
import ReviewDealTable from 'c/reviewDealTable';
import { salesFactsFromApex, type ApexPipelineFacts, type DealChange } from 'c/salesKpis';
import { formatsInCurrency } from 'c/userFormat';
import { tableRows } from '../dealTableRows';
import facts from './data/pipelineFacts.json';

// The user's currency as Lightning's i18n module gives it: it follows the locale, so in a
// multi-currency org it need not be the currency Apex converted the amounts into.
jest.mock('@salesforce/i18n/currency', () => ({ default: 'DKK' }), { virtual: true });

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const review = salesFactsFromApex([
  { ...(facts as unknown as ApexPipelineFacts), currencyIsoCode: 'EUR' }
]);
const CHANGES: DealChange[] = [
  {
    id: '006A1',
    kinds: ['amountUp'],
    before: {
      Amount: 8000,
      CloseDate: '2026-11-30',
      StageName: 'Proposal/Price Quote',
      ForecastCategoryName: 'Commit'
    }
  }
];

function render(currency: string | null): HTMLElement {
  const element = createElement('c-review-deal-table', { is: ReviewDealTable });
  Object.assign(element, {
    deals: review.facts.deals,
    dealChanges: CHANGES,
    qualityTarget: 80,
    team: review.facts.team,
    stageNames: ['Prospecting', 'Proposal/Price Quote', 'Closed Won'],
    currency
  });
  document.body.appendChild(element);
  return element;
}

function amountCell(element: HTMLElement, id: string): HTMLElement {
  return element.shadowRoot?.querySelector(
    `tr[data-row="${id}"] [data-cell="amount"]`
  ) as HTMLElement;
}

describe('c-review-deal-table in the currency the facts state', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('writes the amounts and the previous amount of a change in that currency', () => {
    const rows = tableRows(review.facts.deals, CHANGES, {
      filters: { sellerId: '', stage: '', forecastCategory: '', risk: '' },
      sort: { field: 'Amount', ascending: false },
      dataQualityTarget: 80,
      changeFilter: '',
      formats: formatsInCurrency(review.currency)
    });
    const alpha = rows.find((row) => row.id === '006A1');
    expect(alpha?.amount).toEqual({ text: '€10K', exact: '€10,000.00' });
    expect(JSON.stringify(rows)).not.toContain('DKK');
  });

  it('shows EUR amounts when the facts state EUR and the user’s i18n currency is DKK', async () => {
    const element = render(review.currency);
    await flush();
    const cell = amountCell(element, '006A1');
    expect(cell.getAttribute('title')).toBe('€10,000.00');
    expect(cell.textContent).toContain('€10K');
    expect(element.shadowRoot?.textContent).not.toContain('DKK');
    await expect(element).toBeAccessible();
  });

  it('falls back to the user’s currency when the facts state none', async () => {
    const element = render(null);
    await flush();
    expect(amountCell(element, '006A1').getAttribute('title')).toBe('DKK\u00a010,000.00');
  });
});

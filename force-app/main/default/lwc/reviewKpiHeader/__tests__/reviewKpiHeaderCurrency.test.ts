import { createElement } from 'lwc';
import ReviewKpiHeader from 'c/reviewKpiHeader';
import { computeSalesKpis, salesFactsFromApex, type ApexPipelineFacts } from 'c/salesKpis';
import { reviewTiles } from '../headerTiles';
import { formatsInCurrency } from 'c/userFormat';
import facts from './data/pipelineFacts.json';

// The user's currency as Lightning's i18n module gives it: it follows the locale, so in a
// multi-currency org it need not be the currency Apex converted the amounts into.
jest.mock('@salesforce/i18n/currency', () => ({ default: 'DKK' }), { virtual: true });

const Q4 = { start: '2026-10-01', end: '2026-12-31', label: 'Q4' };
const review = salesFactsFromApex([facts as unknown as ApexPipelineFacts]);
const report = computeSalesKpis(review.facts, { period: Q4, today: '2026-11-16' });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function render(currency: string | null): HTMLElement {
  const element = createElement('c-review-kpi-header', { is: ReviewKpiHeader });
  Object.assign(element, {
    report,
    period: Q4,
    today: '2026-11-16',
    viewerManages: true,
    currency
  });
  document.body.appendChild(element);
  return element;
}

function tileValue(element: HTMLElement, key: string): HTMLElement {
  return element.shadowRoot?.querySelector(
    `[data-tile="${key}"] [data-id="tile-value"]`
  ) as HTMLElement;
}

describe('c-review-kpi-header in the currency the facts state', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('writes the tiles’ amounts and targets in that currency', () => {
    const tiles = reviewTiles(report, {
      phase: 'current',
      viewerManages: true,
      formats: formatsInCurrency('EUR')
    });
    const closedWon = tiles.find((tile) => tile.key === 'closedWon');
    expect(closedWon?.value).toBe('€6K');
    expect(closedWon?.exact).toBe('€6,000.00');
    const text = JSON.stringify(tiles);
    expect(text).not.toContain('DKK');
  });

  it('shows EUR amounts when the facts state EUR and the user’s i18n currency is DKK', async () => {
    const element = render('EUR');
    await flush();
    const value = tileValue(element, 'closedWon');
    expect(value.textContent?.trim()).toBe('€6K');
    expect(value.getAttribute('title')).toBe('€6,000.00');
    expect(tileValue(element, 'openPipeline').textContent).toContain('€');
    // The forecast bar below the tiles gets the same currency.
    const bar = element.shadowRoot?.querySelector('c-review-forecast-bar') as HTMLElement & {
      currency: string | null;
    };
    expect(bar.currency).toBe('EUR');
    expect(bar.shadowRoot?.textContent).toContain('€');
    expect(bar.shadowRoot?.textContent).not.toContain('DKK');
    await expect(element).toBeAccessible();
  });

  it('falls back to the user’s currency when the facts state none', async () => {
    const element = render(null);
    await flush();
    expect(tileValue(element, 'closedWon').getAttribute('title')).toBe('DKK\u00a06,000.00');
  });
});

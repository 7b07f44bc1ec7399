import { createElement } from 'lwc';
import ReviewSellerTable from 'c/reviewSellerTable';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('c-review-seller-table', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('lists each seller by name with compact amounts and whole percentages', async () => {
    const element = createElement('c-review-seller-table', { is: ReviewSellerTable });
    Object.assign(element, {
      team: [{ Id: '005A', Name: 'Anna Seller' }],
      sellers: [
        {
          sellerId: '005A',
          openPipeline: 10000,
          closedWon: 6000,
          target: 20000,
          coverage: { kind: 'ratio', value: 0.714 },
          winRateByCount: 1,
          timeWithCustomers: 0.234,
          coachingSessions: 1,
          dataQuality: 60,
          coachingFlags: 1
        }
      ]
    });
    document.body.appendChild(element);
    await flush();
    const row = (element.shadowRoot as ShadowRoot).querySelector('tr[data-seller="005A"]');
    const cells = [...(row?.querySelectorAll('th, td') ?? [])].map((cell) =>
      cell.textContent?.trim()
    );
    expect(cells).toEqual(['Anna Seller', '$10K', '$6K', '0.7×', '100%', '23%', '1', '60', '1']);
    expect(row?.querySelector('td')?.getAttribute('title')).toBe('$10,000.00');
    await expect(element).toBeAccessible();
  });
});

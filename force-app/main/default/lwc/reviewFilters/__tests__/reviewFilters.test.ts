import { createElement } from 'lwc';
import ReviewFilters from 'c/reviewFilters';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function render(): HTMLElement {
  const element = createElement('c-review-filters', { is: ReviewFilters });
  Object.assign(element, {
    teamOptions: [{ label: 'My team', value: '' }],
    periodOptions: [{ label: 'This quarter', value: '2026-10-01..2026-12-31' }],
    periodValue: '2026-10-01..2026-12-31',
    since: '2026-10-01',
    today: '2026-11-16'
  });
  document.body.appendChild(element);
  return element;
}

function change(element: HTMLElement, selector: string, value: string): void {
  (element.shadowRoot as ShadowRoot)
    .querySelector(selector)
    ?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-review-filters', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('passes on the team, the period and a "since" day up to today', async () => {
    const element = render();
    const seen: string[] = [];
    for (const name of ['teamchange', 'periodchange', 'sincechange']) {
      element.addEventListener(name, (event) =>
        seen.push(`${name}:${(event as CustomEvent<{ value: string }>).detail.value}`)
      );
    }
    change(element, '[data-id="team"]', '005M');
    change(element, '[data-id="period"]', '2027-01-01..2027-03-31');
    change(element, '[data-id="since"]', '2026-11-16');
    expect(seen).toEqual([
      'teamchange:005M',
      'periodchange:2027-01-01..2027-03-31',
      'sincechange:2026-11-16'
    ]);
    await expect(element).toBeAccessible();
  });

  it('refuses a "since" day later than today and caps the picker at today', async () => {
    const element = render();
    await flush();
    const seen = jest.fn();
    element.addEventListener('sincechange', seen);
    change(element, '[data-id="since"]', '2026-11-17');
    expect(seen).not.toHaveBeenCalled();
    const input = (element.shadowRoot as ShadowRoot).querySelector(
      '[data-id="since"]'
    ) as HTMLElement & {
      max: string;
    };
    expect(input.max).toBe('2026-11-16');
  });
});

import { createElement } from 'lwc';
import ReviewChanges, { bridgeSteps } from 'c/reviewChanges';
import { changesSince, indexHistory, StageCatalog, type ChangesSince } from 'c/salesKpis';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const Q4 = { start: '2026-10-01', end: '2026-12-31', label: 'Q4' };

function deal(Id: string, overrides: Record<string, unknown>) {
  return {
    Id,
    OwnerId: '005A',
    StageName: 'Prospecting',
    Amount: 1000,
    Probability: 10,
    CloseDate: '2026-12-01',
    CreatedDate: '2026-09-01T09:00:00.000Z',
    IsClosed: false,
    IsWon: false,
    ForecastCategoryName: 'Pipeline' as const,
    ...overrides
  };
}

const DEALS = [
  deal('pushed', { CloseDate: '2026-12-20' }),
  deal('new', { CreatedDate: '2026-11-12T09:00:00.000Z', Amount: 500 })
];
const HISTORY = [
  {
    OpportunityId: 'pushed',
    Field: 'CloseDate' as const,
    OldValue: '2026-11-20',
    NewValue: '2026-12-20',
    CreatedDate: '2026-11-10T09:00:00.000Z'
  }
];
const CHANGES: ChangesSince = changesSince(
  DEALS,
  indexHistory(HISTORY),
  '2026-11-01',
  Q4,
  new StageCatalog([], DEALS)
);

function render(selected = ''): HTMLElement {
  const element = createElement('c-review-changes', { is: ReviewChanges });
  Object.assign(element, { changes: CHANGES, selected });
  document.body.appendChild(element);
  return element;
}

describe('c-review-changes', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('offers every change kind, moved in included, as a button with its count and amount', async () => {
    const element = render();
    await flush();
    const root = element.shadowRoot as ShadowRoot;
    const kinds = [...root.querySelectorAll<HTMLElement>('button[data-change]')].map(
      (button) => button.dataset.change
    );
    expect(kinds).toEqual([
      'newDeals',
      'won',
      'lost',
      'pushed',
      'pulledIn',
      'movedIn',
      'movedOut',
      'amountUp',
      'amountDown'
    ]);
    const pushed = root.querySelector('button[data-change="pushed"]') as HTMLElement;
    expect(pushed.querySelector('[data-id="count"]')?.textContent).toBe(
      'c.SSM_Review_Deal_Count_One'
    );
    expect(pushed.querySelector('[data-id="amount"]')?.textContent).toBe('$1K');
    expect(pushed.getAttribute('aria-pressed')).toBe('false');
    await expect(element).toBeAccessible();
  });

  it('asks for the deals of a pressed change, and for all deals when pressed again', async () => {
    const element = render('pushed');
    await flush();
    const kinds: string[] = [];
    element.addEventListener('changefilter', (event) =>
      kinds.push((event as CustomEvent<{ kind: string }>).detail.kind)
    );
    const root = element.shadowRoot as ShadowRoot;
    expect(root.querySelector('button[data-change="pushed"]')?.getAttribute('aria-pressed')).toBe(
      'true'
    );
    (root.querySelector('button[data-change="pushed"]') as HTMLElement).click();
    (root.querySelector('button[data-change="newDeals"]') as HTMLElement).click();
    expect(kinds).toEqual(['', 'newDeals']);
  });

  it('shows the bridge from the opening pipeline to today with the waterfall’s figures', async () => {
    const element = render();
    await flush();
    const root = element.shadowRoot as ShadowRoot;
    const steps = bridgeSteps(CHANGES, 'Nov 1, 2026');
    expect(steps.map((step) => [step.key, step.value])).toEqual([
      ['opening', 1000],
      ['newDeals', 500],
      ['movedIn', 0],
      ['amountChange', 0],
      ['won', -0],
      ['lost', -0],
      ['movedOut', -0],
      ['movedEarlier', -0],
      ['closing', 1500]
    ]);
    expect(root.querySelector('[data-bridge="closing"]')?.getAttribute('title')).toBe('$1,500.00');
    const chart = root.querySelector('c-pipeline-waterfall') as HTMLElement & { steps: unknown[] };
    expect(chart.steps).toHaveLength(9);
  });
});

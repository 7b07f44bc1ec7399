import { createElement } from 'lwc';
import ReviewDealTable from 'c/reviewDealTable';
import { updateRecord } from 'lightning/uiRecordApi';
import { salesFactsFromApex, type ApexPipelineFacts, type DealChange } from 'c/salesKpis';
import facts from './data/pipelineFacts.json';

jest.mock('lightning/uiRecordApi', () => ({
  ...jest.requireActual('lightning/uiRecordApi'),
  updateRecord: jest.fn(() => Promise.resolve({}))
}));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const review = salesFactsFromApex([facts as unknown as ApexPipelineFacts]);

const CHANGES: DealChange[] = [
  {
    id: '006A1',
    kinds: ['pushed', 'amountUp'],
    before: {
      Amount: 8000,
      CloseDate: '2026-11-15',
      StageName: 'Proposal/Price Quote',
      ForecastCategoryName: 'Best Case'
    }
  },
  { id: '006B1', kinds: ['newDeals'], before: null }
];

function render(changeFilter = ''): HTMLElement {
  const element = createElement('c-review-deal-table', { is: ReviewDealTable });
  Object.assign(element, {
    deals: review.facts.deals,
    dealChanges: CHANGES,
    changeFilter,
    qualityTarget: 80,
    team: review.facts.team,
    stageNames: ['Prospecting', 'Proposal/Price Quote', 'Closed Won']
  });
  document.body.appendChild(element);
  return element;
}

function root(element: HTMLElement): ShadowRoot {
  return element.shadowRoot as ShadowRoot;
}

function rowIds(element: HTMLElement): string[] {
  return [...root(element).querySelectorAll<HTMLElement>('tr[data-row]')].map(
    (row) => row.dataset.row ?? ''
  );
}

function cell(element: HTMLElement, id: string, name: string): HTMLElement {
  return root(element).querySelector(`tr[data-row="${id}"] [data-cell="${name}"]`) as HTMLElement;
}

describe('c-review-deal-table', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('lists open deals first and offers no Edit, pencil or Coach on a closed deal', async () => {
    const element = render();
    await flush();
    expect(rowIds(element)).toEqual(['006A1', '006B1', '006A2']);
    const closed = root(element).querySelector('tr[data-row="006A2"]') as HTMLElement;
    expect(closed.querySelectorAll('lightning-button-icon')).toHaveLength(0);
    expect(cell(element, '006A2', 'actions').textContent?.trim()).toBe('c.SSM_Review_Closed_Deal');
    expect(
      root(element).querySelectorAll('tr[data-row="006A1"] lightning-button-icon')
    ).toHaveLength(6);
    await expect(element).toBeAccessible();
  });

  it('marks changed cells with an arrow and the previous value', async () => {
    const element = render();
    await flush();
    const close = cell(element, '006A1', 'closeDate').querySelector('.change-mark') as HTMLElement;
    expect(close.textContent).toContain('→');
    expect(close.getAttribute('title')).toBe('c.SSM_Review_Was');
    expect(cell(element, '006A1', 'amount').querySelector('.change-mark')?.textContent).toContain(
      '↑'
    );
    expect(cell(element, '006A1', 'forecastCategory').querySelector('.change-mark')).not.toBeNull();
    expect(cell(element, '006A1', 'stage').querySelector('.change-mark')).toBeNull();
    expect(cell(element, '006A1', 'amount').getAttribute('title')).toBe('$10,000.00');
  });

  it('shows only the deals of the chosen change and offers to show all', async () => {
    const element = render('pushed');
    await flush();
    expect(rowIds(element)).toEqual(['006A1']);
    const clear = jest.fn();
    element.addEventListener('clearchange', clear);
    (
      root(element).querySelector('lightning-button[data-id="clear-change-filter"]') as HTMLElement
    ).click();
    expect(clear).toHaveBeenCalled();
  });

  it('edits one cell in place with Save and Cancel beside it and saves that field only', async () => {
    const element = render();
    await flush();
    const saved = jest.fn();
    element.addEventListener('saved', saved);
    (
      cell(element, '006A1', 'closeDate').querySelector(
        'lightning-button-icon[data-action="edit-cell"]'
      ) as HTMLElement
    ).click();
    await flush();
    const editing = cell(element, '006A1', 'closeDate');
    const input = editing.querySelector('lightning-input[data-field="CloseDate"]') as HTMLElement;
    expect(input).not.toBeNull();
    expect(editing.querySelector('lightning-button[data-id="save"]')).not.toBeNull();
    expect(editing.querySelector('lightning-button[data-id="cancel"]')).not.toBeNull();
    // Only the edited cell changes: the other cells keep their values.
    expect(cell(element, '006A1', 'nextStep').querySelector('lightning-input')).toBeNull();
    await expect(element).toBeAccessible();
    input.dispatchEvent(new CustomEvent('change', { detail: { value: '2026-12-30' } }));
    (editing.querySelector('lightning-button[data-id="save"]') as HTMLElement).click();
    await flush();
    expect(updateRecord).toHaveBeenCalledWith({ fields: { Id: '006A1', CloseDate: '2026-12-30' } });
    expect(saved).toHaveBeenCalled();
    expect(root(element).querySelector('lightning-input[data-field="CloseDate"]')).toBeNull();
  });

  it('cancels an edit with Escape', async () => {
    const element = render();
    await flush();
    (
      cell(element, '006A1', 'nextStep').querySelector(
        'lightning-button-icon[data-action="edit-cell"]'
      ) as HTMLElement
    ).click();
    await flush();
    cell(element, '006A1', 'nextStep').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })
    );
    await flush();
    expect(root(element).querySelector('lightning-input[data-field="NextStep"]')).toBeNull();
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it('keeps the edit open and says why when the save is refused', async () => {
    (updateRecord as jest.Mock).mockRejectedValueOnce({
      body: { message: 'CloseDate: Complete this field.' }
    });
    const element = render();
    const toasts: string[] = [];
    element.addEventListener('lightning__showtoast', (event) =>
      toasts.push((event as CustomEvent<{ message: string }>).detail.message)
    );
    await flush();
    (
      root(element).querySelector(
        'lightning-button-icon[data-action="edit"][data-id="006A1"]'
      ) as HTMLElement
    ).click();
    await flush();
    (root(element).querySelector('lightning-button[data-id="save"]') as HTMLElement).click();
    await flush();
    expect(toasts).toEqual(['CloseDate: Complete this field.']);
    expect(root(element).querySelector('lightning-input[data-field="CloseDate"]')).not.toBeNull();
  });

  it('filters by seller and by risk, naming the reasons in words', async () => {
    const element = render();
    await flush();
    const risk = root(element).querySelector(
      'lightning-combobox[data-filter="risk"]'
    ) as HTMLElement;
    risk.dispatchEvent(new CustomEvent('change', { detail: { value: 'risk' } }));
    await flush();
    expect(rowIds(element)).toEqual(['006A1']);
    expect(cell(element, '006A1', 'risk').textContent?.trim()).toBe(
      'c.SSM_Review_Risk_Pushed, c.SSM_Review_Risk_Flagged, c.SSM_Review_Risk_Low_Score'
    );
    risk.dispatchEvent(new CustomEvent('change', { detail: { value: '' } }));
    (
      root(element).querySelector('lightning-combobox[data-filter="sellerId"]') as HTMLElement
    ).dispatchEvent(new CustomEvent('change', { detail: { value: '005B' } }));
    await flush();
    expect(rowIds(element)).toEqual(['006B1']);
  });

  it('asks for coaching on a deal', async () => {
    const element = render();
    await flush();
    const coach = jest.fn();
    element.addEventListener('coach', (event) =>
      coach((event as CustomEvent<{ id: string }>).detail.id)
    );
    (
      root(element).querySelector(
        'lightning-button-icon[data-action="coach"][data-id="006B1"]'
      ) as HTMLElement
    ).click();
    expect(coach).toHaveBeenCalledWith('006B1');
  });
});

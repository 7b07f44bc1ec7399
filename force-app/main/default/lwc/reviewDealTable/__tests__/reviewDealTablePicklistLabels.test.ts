import { createElement } from 'lwc';
import ReviewDealTable from 'c/reviewDealTable';
import { updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValuesByRecordType } from 'lightning/uiObjectInfoApi';
import { salesFactsFromApex, type ApexPipelineFacts, type DealChange } from 'c/salesKpis';
import facts from './data/pipelineFacts.json';
import objectInfo from './data/opportunityObjectInfo.json';
import picklists from './data/opportunityPicklists.json';

// The org relabels its picklist values (a Danish org here): the table shows the labels, and keeps
// comparing and saving the values.
jest.mock('lightning/uiRecordApi', () => ({
  ...jest.requireActual('lightning/uiRecordApi'),
  updateRecord: jest.fn(() => Promise.resolve({}))
}));
// A pattern with its placeholder, so the change mark's text can be read.
jest.mock('@salesforce/label/c.SSM_Review_Was', () => ({ default: 'was {0}' }), {
  virtual: true
});

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
}

interface Combobox extends HTMLElement {
  options: { label: string; value: string }[];
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const review = salesFactsFromApex([facts as unknown as ApexPipelineFacts]);

const CHANGES: DealChange[] = [
  {
    id: '006A1',
    // A stage or forecast category change is marked whatever kinds the change counts in.
    kinds: [],
    before: {
      Amount: 10000,
      CloseDate: '2026-11-30',
      StageName: 'Prospecting',
      ForecastCategoryName: 'Best Case'
    }
  }
];

async function render(withLabels = true): Promise<HTMLElement> {
  const element = createElement('c-review-deal-table', { is: ReviewDealTable });
  Object.assign(element, {
    deals: review.facts.deals,
    dealChanges: CHANGES,
    qualityTarget: 80,
    team: review.facts.team,
    stageNames: ['Prospecting', 'Proposal/Price Quote', 'Closed Won']
  });
  document.body.appendChild(element);
  (getObjectInfo as unknown as TestWireAdapter).emit(objectInfo);
  await flush();
  if (withLabels) {
    (getPicklistValuesByRecordType as unknown as TestWireAdapter).emit(picklists);
  } else {
    (getPicklistValuesByRecordType as unknown as TestWireAdapter).error();
  }
  await flush();
  return element;
}

function root(element: HTMLElement): ShadowRoot {
  return element.shadowRoot as ShadowRoot;
}

function cell(element: HTMLElement, id: string, name: string): HTMLElement {
  return root(element).querySelector(`tr[data-row="${id}"] [data-cell="${name}"]`) as HTMLElement;
}

function shown(element: HTMLElement, id: string, name: string): string {
  return cell(element, id, name).querySelector('.cell__value')?.textContent?.trim() ?? '';
}

function combobox(element: HTMLElement, selector: string): Combobox {
  return root(element).querySelector(`lightning-combobox${selector}`) as Combobox;
}

describe('c-review-deal-table in an org that relabels its picklist values', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('shows each deal’s stage and forecast category by the org’s labels', async () => {
    const element = await render();
    expect(shown(element, '006A1', 'stage')).toBe('Tilbud');
    expect(shown(element, '006A1', 'forecastCategory')).toBe('Forpligtet');
    expect(shown(element, '006A2', 'stage')).toBe('Lukket/vundet');
    expect(shown(element, '006A2', 'forecastCategory')).toBe('Lukket');
    await expect(element).toBeAccessible();
  });

  it('says what a changed stage and forecast category were by their labels', async () => {
    const element = await render();
    const stage = cell(element, '006A1', 'stage').querySelector('.change-mark') as HTMLElement;
    const forecast = cell(element, '006A1', 'forecastCategory').querySelector(
      '.change-mark'
    ) as HTMLElement;
    expect(stage.getAttribute('title')).toBe('was Afdækning');
    expect(forecast.getAttribute('title')).toBe('was Bedste bud');
    expect(forecast.querySelector('.slds-assistive-text')?.textContent).toBe('was Bedste bud');
  });

  it('filters by the labels shown and the values held', async () => {
    const element = await render();
    const stageFilter = combobox(element, '[data-filter="stage"]');
    expect(stageFilter.options).toEqual([
      { label: 'c.SSM_Review_All', value: '' },
      { label: 'Afdækning', value: 'Prospecting' },
      { label: 'Tilbud', value: 'Proposal/Price Quote' },
      { label: 'Lukket/vundet', value: 'Closed Won' }
    ]);
    expect(combobox(element, '[data-filter="forecastCategory"]').options).toContainEqual({
      label: 'Bedste bud',
      value: 'Best Case'
    });
    stageFilter.dispatchEvent(new CustomEvent('change', { detail: { value: 'Closed Won' } }));
    await flush();
    const rows = [...root(element).querySelectorAll<HTMLElement>('tr[data-row]')];
    expect(rows.map((row) => row.dataset.row)).toEqual(['006A2']);
  });

  it('offers the labels in the row’s editors and saves the chosen values', async () => {
    const element = await render();
    (
      root(element).querySelector(
        'lightning-button-icon[data-action="edit"][data-id="006A1"]'
      ) as HTMLElement
    ).click();
    await flush();
    const stage = combobox(element, '[data-field="StageName"]');
    const forecast = combobox(element, '[data-field="ForecastCategoryName"]');
    expect(stage.options).toEqual([
      { label: 'Afdækning', value: 'Prospecting' },
      { label: 'Tilbud', value: 'Proposal/Price Quote' },
      { label: 'Lukket/vundet', value: 'Closed Won' }
    ]);
    expect(forecast.options).toEqual([
      { label: 'Pipeline', value: 'Pipeline' },
      { label: 'Bedste bud', value: 'Best Case' },
      { label: 'Forpligtet', value: 'Commit' },
      { label: 'Udeladt', value: 'Omitted' },
      { label: 'Lukket', value: 'Closed' }
    ]);
    await expect(element).toBeAccessible();
    forecast.dispatchEvent(new CustomEvent('change', { detail: { value: 'Best Case' } }));
    (root(element).querySelector('lightning-button[data-id="save"]') as HTMLElement).click();
    await flush();
    expect(updateRecord).toHaveBeenCalledWith({
      fields: expect.objectContaining({
        Id: '006A1',
        StageName: 'Proposal/Price Quote',
        ForecastCategoryName: 'Best Case'
      }) as unknown
    });
  });

  it('shows the values when the org’s labels cannot be read', async () => {
    const element = await render(false);
    expect(shown(element, '006A1', 'stage')).toBe('Proposal/Price Quote');
    expect(shown(element, '006A1', 'forecastCategory')).toBe('Commit');
    expect(combobox(element, '[data-filter="forecastCategory"]').options).toContainEqual({
      label: 'Best Case',
      value: 'Best Case'
    });
    await expect(element).toBeAccessible();
  });
});

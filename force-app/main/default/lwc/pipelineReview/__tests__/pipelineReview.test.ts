import { createElement } from 'lwc';
import PipelineReview from 'c/pipelineReview';
import { suggestedFocusArea } from '../coachingFocus';
import getPipelineFacts from '@salesforce/apex/PipelineReviewController.getPipelineFacts';
import { refreshApex } from '@salesforce/apex';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValuesByRecordType } from 'lightning/uiObjectInfoApi';
import facts from './data/pipelineFacts.json';

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
jest.mock(
  'lightning/uiRecordApi',
  () => ({
    ...jest.requireActual('lightning/uiRecordApi'),
    updateRecord: jest.fn(() => Promise.resolve({})),
    createRecord: jest.fn(() => Promise.resolve({ id: 'a05000000000001' }))
  }),
  { virtual: true }
);

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
  getLastConfig(): Record<string, unknown>;
}

const adapter = getPipelineFacts as unknown as TestWireAdapter & jest.Mock;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function render(): HTMLElement {
  const element = createElement('c-pipeline-review', { is: PipelineReview });
  document.body.appendChild(element);
  return element;
}

const SKILLS = ['Discovery', 'Account Planning', 'Forecasting Discipline', 'Value Selling'];

async function loaded(): Promise<HTMLElement> {
  const element = render();
  adapter.emit(facts);
  (getObjectInfo as unknown as TestWireAdapter).emit({
    apiName: 'Coaching_Session__c',
    defaultRecordTypeId: '012000000000000AAA',
    fields: {}
  });
  (getPicklistValuesByRecordType as unknown as TestWireAdapter).emit({
    picklistFieldValues: {
      Focus_Area__c: { values: SKILLS.map((skill) => ({ label: skill, value: skill })) }
    }
  });
  await flush();
  return element;
}

function root(element: HTMLElement): ShadowRoot {
  return element.shadowRoot as ShadowRoot;
}

function text(element: HTMLElement, selector: string): string {
  return root(element).querySelector(selector)?.textContent?.trim() ?? '';
}

/** Text in the KPI tiles (a child component with its own shadow root). */
function tileText(element: HTMLElement, selector: string): string {
  const tiles = root(element).querySelector('c-kpi-tiles');
  return tiles?.shadowRoot?.querySelector(selector)?.textContent?.trim() ?? '';
}

function rowIds(element: HTMLElement): string[] {
  return [...root(element).querySelectorAll('tr[data-row]')].map(
    (row) => (row as HTMLElement).dataset.row ?? ''
  );
}

function change(element: HTMLElement, selector: string, value: string): void {
  const target = root(element).querySelector(selector) as HTMLElement;
  target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function click(element: HTMLElement, selector: string): void {
  (root(element).querySelector(selector) as HTMLElement).click();
}

describe('c-pipeline-review', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('asks for this fiscal quarter of the running user’s team and shows a spinner', async () => {
    const element = render();
    await flush();
    expect(adapter.getLastConfig()).toEqual({
      managerId: null,
      periodStart: null,
      periodEnd: null,
      changesSince: null,
      afterDealId: null
    });
    expect(root(element).querySelector('lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the error panel when the facts do not load', async () => {
    const element = render();
    adapter.error({ message: 'Insufficient access' });
    await flush();
    expect(root(element).querySelector('c-error-panel')).not.toBeNull();
    expect(root(element).querySelector('c-kpi-tiles')).toBeNull();
  });

  it('totals the period from the aggregates, not from the loaded page, against targets', async () => {
    const element = await loaded();
    expect(tileText(element, '[data-tile="openPipeline"] [data-id="tile-value"]')).toBe('22,000');
    expect(tileText(element, '[data-tile="closedWon"] [data-id="tile-value"]')).toBe('6,000');
    expect(tileText(element, '[data-tile="coverage"] [data-id="tile-value"]')).toBe('0.9x');
    expect(tileText(element, '[data-tile="coverage"] [data-id="tile-status"]')).toBe(
      'c.SSM_Review_Not_Met'
    );
    expect(tileText(element, '[data-tile="winRate"] [data-id="tile-status"]')).toBe(
      'c.SSM_Review_Met'
    );
    expect(root(element).querySelector('[data-id="partial"]')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('sorts the deals by close date and flips the order on a second click', async () => {
    const element = await loaded();
    expect(rowIds(element)).toEqual(['006A2', '006A1', '006B1']);
    click(element, 'button[data-field="CloseDate"]');
    await flush();
    expect(rowIds(element)).toEqual(['006B1', '006A1', '006A2']);
    const header = root(element).querySelector('button[data-field="CloseDate"]')?.closest('th');
    expect(header?.getAttribute('aria-sort')).toBe('descending');
  });

  it('filters by seller and by risk, naming the reasons in words', async () => {
    const element = await loaded();
    change(element, 'lightning-combobox[data-filter="risk"]', 'risk');
    await flush();
    expect(rowIds(element)).toEqual(['006A1']);
    expect(text(element, 'tr[data-row="006A1"] [data-cell="risk"]')).toBe(
      'c.SSM_Review_Risk_Pushed, c.SSM_Review_Risk_Flagged, c.SSM_Review_Risk_Low_Score'
    );
    change(element, 'lightning-combobox[data-filter="risk"]', '');
    change(element, 'lightning-combobox[data-filter="sellerId"]', '005B');
    await flush();
    expect(rowIds(element)).toEqual(['006B1']);
  });

  it('edits a deal inline and saves through Lightning Data Service, then refreshes', async () => {
    const element = await loaded();
    click(element, 'lightning-button-icon[data-action="edit"][data-id="006A1"]');
    await flush();
    change(element, 'lightning-input[data-field="CloseDate"]', '2026-12-30');
    change(element, 'lightning-combobox[data-field="ForecastCategoryName"]', 'Best Case');
    await expect(element).toBeAccessible();
    click(element, 'lightning-button[data-id="save"]');
    await flush();
    expect(updateRecord).toHaveBeenCalledWith({
      fields: {
        Id: '006A1',
        NextStep: 'Send proposal',
        CloseDate: '2026-12-30',
        StageName: 'Proposal/Price Quote',
        ForecastCategoryName: 'Best Case'
      }
    });
    expect(refreshApex).toHaveBeenCalled();
    expect(root(element).querySelector('lightning-input[data-field="CloseDate"]')).toBeNull();
  });

  it('keeps the edit open and says why when the save is refused', async () => {
    (updateRecord as jest.Mock).mockRejectedValueOnce({
      body: { message: 'CloseDate: Complete this field.' }
    });
    const element = await loaded();
    const toasts: string[] = [];
    element.addEventListener('lightning__showtoast', (event) =>
      toasts.push((event as CustomEvent<{ message: string }>).detail.message)
    );
    click(element, 'lightning-button-icon[data-action="edit"][data-id="006A1"]');
    await flush();
    click(element, 'lightning-button[data-id="save"]');
    await flush();
    expect(toasts).toEqual(['CloseDate: Complete this field.']);
    expect(root(element).querySelector('lightning-input[data-field="CloseDate"]')).not.toBeNull();
  });

  it('shows the chosen deal’s coaching and logs a session prefilled with seller and deal', async () => {
    const element = await loaded();
    click(element, 'lightning-button-icon[data-action="coach"][data-id="006A1"]');
    await flush();
    expect(root(element).querySelector('c-record-guidance')).not.toBeNull();
    change(element, 'lightning-textarea[data-field="Notes__c"]', 'Map the buying centre');
    await expect(element).toBeAccessible();
    click(element, 'lightning-button[data-id="log-session"]');
    await flush();
    expect(createRecord).toHaveBeenCalledWith({
      apiName: 'Coaching_Session__c',
      fields: expect.objectContaining({
        Seller__c: '005A',
        Opportunity__c: '006A1',
        Account__c: '001X',
        Focus_Area__c: 'Forecasting Discipline',
        Session_Date__c: '2026-11-16',
        Notes__c: 'Map the buying centre'
      })
    });
  });

  it('loads the next page of deals after the last Id and keeps the totals', async () => {
    adapter.mockResolvedValueOnce({
      ...facts,
      deals: [{ ...facts.deals[1], Id: '006B2', Name: 'Beta later', CloseDate: '2026-12-20' }],
      nextPageAfterId: null
    });
    const element = await loaded();
    (root(element).querySelector('[data-id="partial"] lightning-button') as HTMLElement).click();
    await flush();
    await flush();
    expect(adapter).toHaveBeenCalledWith(expect.objectContaining({ afterDealId: '006B1' }));
    expect(rowIds(element)).toContain('006B2');
    expect(root(element).querySelector('[data-id="partial"]')).toBeNull();
    expect(tileText(element, '[data-tile="openPipeline"] [data-id="tile-value"]')).toBe('22,000');
  });

  it('lists each seller with coverage, win rate and data quality', async () => {
    const element = await loaded();
    const rows = [...root(element).querySelectorAll('tr[data-seller]')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim())
    );
    expect(rows.map((row) => row[0])).toEqual(['Anna Seller', 'Bo Seller']);
    expect(rows[0]).toEqual([
      'Anna Seller',
      '10,000',
      '6,000',
      '0.7x',
      '100%',
      '0%',
      '0',
      '60',
      '1'
    ]);
  });

  it('suggests a focus area the org offers from the deal’s prompts, or none', () => {
    expect(suggestedFocusArea(['Coach_Single_Threaded'], SKILLS)).toBe('Account Planning');
    expect(suggestedFocusArea(['Coach_No_Next_Step'], SKILLS)).toBe('Value Selling');
    expect(suggestedFocusArea([], SKILLS)).toBe('Discovery');
    expect(suggestedFocusArea(['Coach_Close_Date_Pushed'], ['Discovery'])).toBe('');
  });
});

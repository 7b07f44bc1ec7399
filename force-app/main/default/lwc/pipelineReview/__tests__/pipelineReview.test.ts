import { createElement } from 'lwc';
import PipelineReview from 'c/pipelineReview';
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
jest.mock('lightning/uiRecordApi', () => ({
  ...jest.requireActual('lightning/uiRecordApi'),
  updateRecord: jest.fn(() => Promise.resolve({})),
  createRecord: jest.fn(() => Promise.resolve({ id: 'a05000000000001' }))
}));
jest.mock('@salesforce/user/Id', () => ({ default: '005M' }), { virtual: true });

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
  getLastConfig(): Record<string, unknown>;
}

const adapter = getPipelineFacts as unknown as TestWireAdapter & jest.Mock;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Alpha renewal's close date was pushed on 2026-11-10; Beta expansion is new this quarter. */
const FACTS = {
  ...facts,
  history: [
    {
      OpportunityId: '006A1',
      Field: 'CloseDate',
      OldValue: '2026-11-15',
      NewValue: '2026-11-30',
      CreatedDate: '2026-11-10T09:00:00.000Z'
    }
  ]
};

const SKILLS = ['Discovery', 'Account Planning', 'Forecasting Discipline', 'Value Selling'];

function render(): HTMLElement {
  const element = createElement('c-pipeline-review', { is: PipelineReview });
  document.body.appendChild(element);
  return element;
}

async function loaded(data: unknown = FACTS): Promise<HTMLElement> {
  const element = render();
  adapter.emit(data);
  await flush();
  (getObjectInfo as unknown as TestWireAdapter).emit({
    apiName: 'Coaching_Session__c',
    defaultRecordTypeId: '012000000000000AAA',
    createable: true,
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

/** Every element matching the selector, through the child components' shadow roots. */
function all(root: Element | ShadowRoot, selector: string): HTMLElement[] {
  const found: HTMLElement[] = [...root.querySelectorAll<HTMLElement>(selector)];
  for (const child of root.querySelectorAll('*')) {
    if (child.shadowRoot) found.push(...all(child.shadowRoot, selector));
  }
  return found;
}

function one(element: HTMLElement, selector: string): HTMLElement {
  const found = all(element.shadowRoot as ShadowRoot, selector)[0];
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

function text(element: HTMLElement, selector: string): string {
  return one(element, selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function rowIds(element: HTMLElement): string[] {
  return all(element.shadowRoot as ShadowRoot, 'tr[data-row]').map((row) => row.dataset.row ?? '');
}

function change(element: HTMLElement, selector: string, value: string): void {
  one(element, selector).dispatchEvent(new CustomEvent('change', { detail: { value } }));
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
    expect(all(element.shadowRoot as ShadowRoot, 'lightning-spinner')).toHaveLength(1);
    await expect(element).toBeAccessible();
  });

  it('shows the error panel when the facts do not load', async () => {
    const element = render();
    adapter.error({ message: 'Insufficient access' });
    await flush();
    expect(all(element.shadowRoot as ShadowRoot, 'c-error-panel')).toHaveLength(1);
    expect(all(element.shadowRoot as ShadowRoot, 'c-review-kpi-header')).toHaveLength(0);
  });

  it('totals the period from the aggregates, compact in the user’s currency', async () => {
    const element = await loaded();
    expect(text(element, '[data-tile="openPipeline"] [data-id="tile-value"]')).toContain('$22K');
    expect(one(element, '[data-tile="openPipeline"] [data-id="tile-value"]').title).toBe(
      '$22,000.00'
    );
    expect(text(element, '[data-tile="closedWon"] [data-id="tile-value"]')).toContain('$6K');
    expect(text(element, '[data-tile="coverage"] [data-id="tile-status"]')).toBe(
      'c.SSM_Review_Not_Met'
    );
    expect(text(element, '[data-tile="winRate"] [data-id="tile-status"]')).toBe('c.SSM_Review_Met');
    expect(all(element.shadowRoot as ShadowRoot, '[data-id="partial"]')).toHaveLength(1);
    await expect(element).toBeAccessible();
  });

  it('lists open deals first, by close date, and flips the order on a second click', async () => {
    const element = await loaded();
    expect(rowIds(element)).toEqual(['006A1', '006B1', '006A2']);
    one(element, 'button[data-field="CloseDate"]').click();
    await flush();
    expect(rowIds(element)).toEqual(['006B1', '006A1', '006A2']);
    expect(
      one(element, 'button[data-field="CloseDate"]').closest('th')?.getAttribute('aria-sort')
    ).toBe('descending');
  });

  it('narrows the deal table to the deals of a pressed change, and back', async () => {
    const element = await loaded();
    one(element, 'button[data-change="pushed"]').click();
    await flush();
    expect(rowIds(element)).toEqual(['006A1']);
    expect(one(element, 'button[data-change="pushed"]').getAttribute('aria-pressed')).toBe('true');
    one(element, 'button[data-change="newDeals"]').click();
    await flush();
    expect(rowIds(element)).toEqual(['006B1']);
    one(element, 'lightning-button[data-id="clear-change-filter"]').click();
    await flush();
    expect(rowIds(element)).toEqual(['006A1', '006B1', '006A2']);
  });

  it('edits a deal’s four fields from its Edit action, then refreshes', async () => {
    const element = await loaded();
    one(element, 'lightning-button-icon[data-action="edit"][data-id="006A1"]').click();
    await flush();
    change(element, 'lightning-input[data-field="CloseDate"]', '2026-12-30');
    change(element, 'lightning-combobox[data-field="ForecastCategoryName"]', 'Best Case');
    await flush();
    await expect(element).toBeAccessible();
    one(element, 'lightning-button[data-id="save"]').click();
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
    expect(
      all(element.shadowRoot as ShadowRoot, 'lightning-input[data-field="CloseDate"]')
    ).toHaveLength(0);
  });

  it('logs a session on the deal chosen with Coach, prefilled with seller and deal', async () => {
    const element = await loaded();
    one(element, 'lightning-button-icon[data-action="coach"][data-id="006A1"]').click();
    await flush();
    expect(all(element.shadowRoot as ShadowRoot, 'c-record-guidance')).toHaveLength(1);
    change(element, 'lightning-textarea[data-field="Notes__c"]', 'Map the buying centre');
    await flush();
    await expect(element).toBeAccessible();
    one(element, 'lightning-button[data-id="log-session"]').click();
    await flush();
    expect(createRecord).toHaveBeenCalledWith({
      apiName: 'Coaching_Session__c',
      fields: expect.objectContaining({
        Seller__c: '005A',
        Coach__c: '005M',
        Opportunity__c: '006A1',
        Account__c: '001X',
        Focus_Area__c: 'Forecasting Discipline',
        Session_Date__c: '2026-11-16',
        Notes__c: 'Map the buying centre'
      })
    });
    expect(refreshApex).toHaveBeenCalled();
  });

  it('loads the next page of deals after the last Id and keeps the totals', async () => {
    adapter.mockResolvedValueOnce({
      ...FACTS,
      deals: [{ ...facts.deals[1], Id: '006B2', Name: 'Beta later', CloseDate: '2026-12-20' }],
      nextPageAfterId: null
    });
    const element = await loaded();
    one(element, '[data-id="partial"] lightning-button').click();
    await flush();
    await flush();
    expect(adapter).toHaveBeenCalledWith(expect.objectContaining({ afterDealId: '006B1' }));
    expect(rowIds(element)).toContain('006B2');
    expect(all(element.shadowRoot as ShadowRoot, '[data-id="partial"]')).toHaveLength(0);
    expect(text(element, '[data-tile="openPipeline"] [data-id="tile-value"]')).toContain('$22K');
  });

  it('asks again for the facts since a chosen day', async () => {
    const element = await loaded();
    change(element, 'lightning-input[data-id="since"]', '2026-11-01');
    await flush();
    expect(adapter.getLastConfig()).toEqual(
      expect.objectContaining({ changesSince: '2026-11-01' })
    );
  });

  it('counts the changes of a period that has not started from today', async () => {
    const element = await loaded();
    change(element, 'lightning-combobox[data-id="period"]', '2027-01-01..2027-03-31');
    await flush();
    expect(adapter.getLastConfig()).toEqual(
      expect.objectContaining({ periodStart: '2027-01-01', changesSince: '2026-11-16' })
    );
  });
});

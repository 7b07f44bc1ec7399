import { createElement } from 'lwc';
import ReviewCoachingPanel from 'c/reviewCoachingPanel';
import { createRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValuesByRecordType } from 'lightning/uiObjectInfoApi';
import { suggestedFocusArea } from '../coachingFocus';

jest.mock('lightning/uiRecordApi', () => ({
  ...jest.requireActual('lightning/uiRecordApi'),
  createRecord: jest.fn(() => Promise.resolve({ id: 'a05000000000001' }))
}));
jest.mock('@salesforce/user/Id', () => ({ default: '005M' }), { virtual: true });

interface TestWireAdapter {
  emit(value: unknown): void;
}

const SKILLS = ['Discovery', 'Account Planning', 'Forecasting Discipline', 'Value Selling'];
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const DEAL = {
  Id: '006A1',
  Name: 'Alpha renewal',
  OwnerId: '005A',
  AccountId: '001X',
  StageName: 'Proposal/Price Quote',
  Amount: 10000,
  Probability: 75,
  CloseDate: '2026-11-30',
  CreatedDate: '2026-09-01T09:00:00.000Z',
  IsClosed: false,
  IsWon: false,
  ForecastCategoryName: 'Commit',
  Coaching_Flags__c: 'Coach_Close_Date_Pushed'
};

async function render(deal: unknown, createable = true): Promise<HTMLElement> {
  const element = createElement('c-review-coaching-panel', { is: ReviewCoachingPanel });
  Object.assign(element, { deal, today: '2026-11-16' });
  document.body.appendChild(element);
  (getObjectInfo as unknown as TestWireAdapter).emit({
    apiName: 'Coaching_Session__c',
    defaultRecordTypeId: '012000000000000AAA',
    createable,
    fields: {}
  });
  await flush();
  (getPicklistValuesByRecordType as unknown as TestWireAdapter).emit({
    picklistFieldValues: {
      Focus_Area__c: { values: SKILLS.map((skill) => ({ label: skill, value: skill })) }
    }
  });
  await flush();
  return element;
}

describe('c-review-coaching-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('says how to choose a deal when none is chosen', async () => {
    const element = await render(null);
    const root = element.shadowRoot as ShadowRoot;
    expect(root.querySelector('c-record-guidance')).toBeNull();
    expect(root.textContent).toContain('c.SSM_Review_Closed_Hint');
    await expect(element).toBeAccessible();
  });

  it('logs a session for the deal’s seller with the suggested focus area', async () => {
    const element = await render(DEAL);
    const root = element.shadowRoot as ShadowRoot;
    const logged = jest.fn();
    element.addEventListener('logged', logged);
    root
      .querySelector('lightning-textarea[data-field="Notes__c"]')
      ?.dispatchEvent(new CustomEvent('change', { detail: { value: 'Map the buying centre' } }));
    await flush();
    await expect(element).toBeAccessible();
    (root.querySelector('lightning-button[data-id="log-session"]') as HTMLElement).click();
    await flush();
    expect(createRecord).toHaveBeenCalledWith({
      apiName: 'Coaching_Session__c',
      fields: {
        Seller__c: '005A',
        Coach__c: '005M',
        Opportunity__c: '006A1',
        Account__c: '001X',
        Focus_Area__c: 'Forecasting Discipline',
        Session_Date__c: '2026-11-16',
        Follow_Up_Date__c: null,
        Notes__c: 'Map the buying centre'
      }
    });
    expect(logged).toHaveBeenCalled();
  });

  it('shows a user who may not create coaching sessions the questions, not the log form', async () => {
    const element = await render(DEAL, false);
    const root = element.shadowRoot as ShadowRoot;
    expect(root.querySelector('c-record-guidance')).not.toBeNull();
    expect(root.querySelector('[data-id="session-form"]')).toBeNull();
    expect(root.querySelector('lightning-button[data-id="log-session"]')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('suggests a focus area the org offers from the deal’s prompts, or none', () => {
    expect(suggestedFocusArea(['Coach_Single_Threaded'], SKILLS)).toBe('Account Planning');
    expect(suggestedFocusArea(['Coach_No_Next_Step'], SKILLS)).toBe('Value Selling');
    expect(suggestedFocusArea([], SKILLS)).toBe('Discovery');
    expect(suggestedFocusArea(['Coach_Close_Date_Pushed'], ['Discovery'])).toBe('');
  });
});

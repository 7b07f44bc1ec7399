import { createElement } from 'lwc';
import AccountPlan from 'c/accountPlan';
import getPlanFacts from '@salesforce/apex/AccountPlanController.getPlanFacts';
import createPlan from '@salesforce/apex/AccountPlanController.createPlan';
import getGuidance from '@salesforce/apex/RecordGuidanceController.getGuidance';
import { refreshApex } from '@salesforce/apex';
import facts from './data/planFacts.json';
import guidance from './data/planGuidance.json';

jest.mock(
  '@salesforce/apex/AccountPlanController.getPlanFacts',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/RecordGuidanceController.getGuidance',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/AccountPlanController.createPlan', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), {
  virtual: true
});

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
  getLastConfig(): Record<string, unknown>;
}

const factsAdapter = getPlanFacts as unknown as TestWireAdapter;
const guidanceAdapter = getGuidance as unknown as TestWireAdapter;
const createPlanMock = createPlan as unknown as jest.Mock;

function render(objectApiName = 'Account'): HTMLElement {
  const element = createElement('c-account-plan', { is: AccountPlan });
  Object.assign(element, { recordId: '001000000000001AAA', objectApiName });
  document.body.appendChild(element);
  return element;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function text(element: HTMLElement, selector: string): string {
  return (
    element.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
  );
}

const noPlan = { ...facts, plan: null, objectives: [], stakeholders: [], canCreate: true };

describe('c-account-plan', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('asks for the facts of its record and shows a spinner meanwhile', async () => {
    const element = render();
    await flush();
    expect(factsAdapter.getLastConfig()).toEqual({ recordId: '001000000000001AAA' });
    expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the plan, its completeness from the rules and what is missing', async () => {
    const element = render();
    factsAdapter.emit(facts);
    guidanceAdapter.emit(guidance);
    await flush();

    expect(guidanceAdapter.getLastConfig()).toEqual({ recordId: 'a05000000000001AAA' });
    expect(text(element, '[data-id="plan-name"]')).toBe('Westbay Networks AB 2026');
    expect(text(element, '[data-id="segment"]')).toBe('c.SSM_Plan_Segment');
    expect(text(element, '[data-id="completeness"]')).toBe('c.SSM_Plan_Completeness_Text');
    expect(text(element, '[data-id="missing"]')).toBe(
      'Review the plan: its review date has passed.'
    );
    expect(text(element, '[data-id="review"]')).toBe('c.SSM_Plan_Review_Overdue');
    await expect(element).toBeAccessible();
  });

  it('lists objectives by due date with progress, and marks overdue ones in words', async () => {
    const element = render();
    factsAdapter.emit(facts);
    await flush();

    const rows = [...element.shadowRoot!.querySelectorAll('tr[data-objective]')];
    expect(rows.map((row) => row.getAttribute('data-objective'))).toEqual(['o1', 'o2']);
    expect(rows[0].textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Reference customerNov 1, 2026c.SSM_Plan_OverdueIn Progress20%'
    );
    expect(rows[1].textContent).not.toContain('c.SSM_Plan_Overdue');
    expect(text(element, '[data-id="overall-progress"]')).toBe('c.SSM_Plan_Overall_Progress');
  });

  it('shows the buying centre as a table with influence rows and attitude columns', async () => {
    const element = render();
    factsAdapter.emit(facts);
    await flush();

    const table = element.shadowRoot!.querySelector('[data-id="buying-centre"]') as HTMLElement;
    expect([...table.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).toEqual([
      'col',
      'col',
      'col',
      'col',
      'col'
    ]);
    expect(text(element, 'td[data-cell="High-Skeptic"]')).toBe('Lars Berg (Decision Maker)');
    expect(text(element, 'td[data-cell="Medium-Supporter"]')).toBe(
      'Ingrid Smith (Technical Buyer)'
    );
    expect(text(element, '[data-id="unplaced"]')).toBe('Ole Dam (User)');
    expect(text(element, '[data-id="missing-roles"]')).toBe('c.SSM_Plan_Missing_Roles');
    await expect(element).toBeAccessible();
  });

  it('shows picklist values by the labels Apex gives in the user’s language, keeping the values', async () => {
    const element = render();
    factsAdapter.emit({
      ...facts,
      picklistLabels: {
        'Account_Plan_Objective__c.Status__c': { 'In Progress': 'I gang' },
        'Account_Plan_Stakeholder__c.Attitude__c': { Skeptic: 'Skeptiker', Supporter: 'Tilhænger' },
        'Account_Plan_Stakeholder__c.Influence__c': { High: 'Høj' },
        'Account_Plan_Stakeholder__c.Buying_Role__c': { 'Decision Maker': 'Beslutningstager' }
      }
    });
    await flush();

    expect(element.shadowRoot!.querySelector('tr[data-objective="o1"]')?.textContent).toContain(
      'I gang'
    );
    const headers = [...element.shadowRoot!.querySelectorAll('[data-id="buying-centre"] thead th')];
    expect(headers.map((th) => th.textContent?.trim())).toEqual(
      expect.arrayContaining(['Tilhænger', 'Skeptiker', 'Neutral'])
    );
    expect(text(element, 'tr[data-influence="High"] th')).toBe('Høj');
    // The cell is still found by the values: the logic never reads a label.
    expect(text(element, 'td[data-cell="High-Skeptic"]')).toBe('Lars Berg (Beslutningstager)');
  });

  it('shows the whitespace and the untapped wallet', async () => {
    const element = render();
    factsAdapter.emit(facts);
    await flush();
    expect(text(element, '[data-id="whitespace"]')).toBe(
      'Integration hub for the acquired subsidiary.'
    );
    expect(text(element, '[data-id="untapped"]')).toBe('c.SSM_Plan_Untapped');
  });

  it('says so when the plan has no objectives or stakeholders yet', async () => {
    const element = render();
    factsAdapter.emit({ ...facts, objectives: [], stakeholders: [] });
    guidanceAdapter.emit({ ...guidance, flagged: [] });
    await flush();
    expect(text(element, '[data-id="no-objectives"]')).toBe('c.SSM_Plan_No_Objectives');
    expect(text(element, '[data-id="no-stakeholders"]')).toBe('c.SSM_Plan_No_Stakeholders');
    expect(text(element, '[data-id="complete"]')).toBe('c.SSM_Plan_Complete');
    await expect(element).toBeAccessible();
  });

  it('offers a plan for the current period when there is none, and creates it', async () => {
    createPlanMock.mockResolvedValue('a05000000000009AAA');
    const element = render();
    factsAdapter.emit(noPlan);
    await flush();

    expect(text(element, '[data-id="none"]')).toBe('c.SSM_Plan_None');
    await expect(element).toBeAccessible();
    (element.shadowRoot!.querySelector('[data-id="create"]') as HTMLButtonElement).click();
    await flush();

    expect(createPlanMock).toHaveBeenCalledWith({ accountId: '001000000000001AAA' });
    expect(refreshApex).toHaveBeenCalled();
    expect(text(element, '[data-id="announcement"]')).toBe('c.SSM_Plan_Created');
  });

  it('shows why a plan could not be created', async () => {
    createPlanMock.mockRejectedValue({
      body: { message: 'Westbay 2026 already covers the period.' }
    });
    const element = render();
    factsAdapter.emit(noPlan);
    await flush();

    (element.shadowRoot!.querySelector('[data-id="create"]') as HTMLButtonElement).click();
    await flush();
    await flush();

    const panel = element.shadowRoot!.querySelector('c-error-panel') as HTMLElement & {
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('Westbay 2026 already covers the period.');
    await expect(element).toBeAccessible();
  });

  it('never offers to create a plan on an account plan page', async () => {
    const element = render('Account_Plan__c');
    factsAdapter.emit({ ...facts, canCreate: true });
    await flush();
    expect(element.shadowRoot!.querySelector('[data-id="create"]')).toBeNull();
  });

  it('shows the error panel when the facts cannot be loaded', async () => {
    const element = render();
    factsAdapter.error({ message: 'boom' });
    await flush();
    const panel = element.shadowRoot!.querySelector('c-error-panel') as HTMLElement & {
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('c.SSM_Plan_Load_Failed');
    await expect(element).toBeAccessible();
  });
});

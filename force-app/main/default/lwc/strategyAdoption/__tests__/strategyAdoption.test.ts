import { createElement } from 'lwc';
import StrategyAdoption from 'c/strategyAdoption';
import getAdoption from '@salesforce/apex/StrategyController.getAdoption';
import { refreshApex } from '@salesforce/apex';
import { getRecord } from 'lightning/uiRecordApi';
import adoption from './data/adoption.json';

jest.mock(
  '@salesforce/apex/StrategyController.getAdoption',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), {
  virtual: true
});

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
  getLastConfig(): Record<string, unknown>;
}

const adapter = getAdoption as unknown as TestWireAdapter;

function render(): HTMLElement {
  const element = createElement('c-strategy-adoption', { is: StrategyAdoption });
  Object.assign(element, { recordId: 'a00000000000002AAA', objectApiName: 'Strategy_Version__c' });
  document.body.appendChild(element);
  return element;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function text(element: HTMLElement, selector: string): string {
  return (
    element.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
  );
}

describe('c-strategy-adoption', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('reads the adoption again when the version is published on its page', async () => {
    render();
    adapter.emit(adoption);
    const version = (status: string, saved: string) => ({
      id: 'a00000000000002AAA',
      apiName: 'Strategy_Version__c',
      fields: { Status__c: { value: status }, LastModifiedDate: { value: saved } }
    });
    const record = getRecord as unknown as TestWireAdapter;
    record.emit(version('In Review', '2026-11-16T09:00:00.000Z'));
    await flush();
    expect(refreshApex).not.toHaveBeenCalled();

    record.emit(version('Published', '2026-11-16T10:00:00.000Z'));
    await flush();
    expect(refreshApex).toHaveBeenCalledTimes(1);
  });

  it('asks for the adoption of its version and shows a spinner meanwhile', async () => {
    const element = render();
    await flush();
    expect(adapter.getLastConfig()).toEqual({ versionId: 'a00000000000002AAA' });
    expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the rate, the days since publication, the next review and the reminder rule', async () => {
    const element = render();
    adapter.emit(adoption);
    await flush();

    expect(text(element, '[data-id="rate"]')).toBe('c.SSM_Adoption_Rate_Text');
    const bar = element.shadowRoot!.querySelector('lightning-progress-bar') as HTMLElement & {
      value: number;
    };
    expect(bar.value).toBe(50);
    expect(text(element, '[data-id="days"]')).toBe('c.SSM_Adoption_Days');
    expect(text(element, '[data-id="next-review"]')).toBe('c.SSM_Adoption_Next_Review');
    expect(text(element, '[data-id="reminder"]')).toBe('c.SSM_Adoption_Reminder');
    expect(element.shadowRoot!.querySelector('[data-id="review-overdue"]')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('rates each manager team, lowest first, and lists who has not acknowledged', async () => {
    const element = render();
    adapter.emit(adoption);
    await flush();

    const rows = [...element.shadowRoot!.querySelectorAll('tr[data-team]')].map((row) =>
      row.getAttribute('data-team')
    );
    expect(rows).toEqual(['005S', '005M', 'none']);
    expect(text(element, 'tr[data-team="005S"] th')).toBe('Sofia Berg');
    expect(text(element, 'tr[data-team="none"] th')).toBe('c.SSM_Adoption_No_Manager');
    const pending = [...element.shadowRoot!.querySelectorAll('[data-id="pending"] li')].map(
      (li) => li.textContent
    );
    expect(pending).toEqual(['Freja Madsen', 'Jonas Holm']);
  });

  it('warns when the review date has passed', async () => {
    const element = render();
    adapter.emit({ ...adoption, today: '2027-01-05' });
    await flush();
    expect(text(element, '[data-id="review-overdue"]')).toBe('c.SSM_Adoption_Review_Overdue');
    expect(element.shadowRoot!.querySelector('[role="alert"]')).not.toBeNull();
    expect(text(element, '[data-id="next-review"]')).toBe('');
    await expect(element).toBeAccessible();
  });

  it('shows no overdue review for a superseded version, only that it was replaced', async () => {
    const element = render();
    adapter.emit({
      ...adoption,
      today: '2027-01-05',
      version: { ...adoption.version, Status__c: 'Superseded' }
    });
    await flush();
    expect(element.shadowRoot!.querySelector('[data-id="review-overdue"]')).toBeNull();
    expect(element.shadowRoot!.querySelector('[role="alert"]')).toBeNull();
    expect(text(element, '[data-id="next-review"]')).toBe('');
    expect(text(element, '[data-id="superseded"]')).toBe('c.SSM_Adoption_Superseded');
    await expect(element).toBeAccessible();
  });

  it('says so when everyone has acknowledged and when no reminder is set up', async () => {
    const element = render();
    adapter.emit({
      ...adoption,
      reminderAfterDays: 0,
      audience: adoption.audience.slice(0, 1)
    });
    await flush();
    expect(text(element, '[data-id="all-done"]')).toBe('c.SSM_Adoption_All_Done');
    expect(text(element, '[data-id="reminder"]')).toBe('c.SSM_Adoption_No_Reminder');
    await expect(element).toBeAccessible();
  });

  it('says so for a version that is not published', async () => {
    const element = render();
    adapter.emit({
      ...adoption,
      version: { Id: 'a00000000000003AAA', Name: 'Draft', Status__c: 'Draft' }
    });
    await flush();
    expect(text(element, '[data-id="not-published"]')).toBe('c.SSM_Adoption_Not_Published');
    await expect(element).toBeAccessible();
  });

  it('shows the error panel when the facts cannot be loaded', async () => {
    const element = render();
    adapter.error({ message: 'boom' });
    await flush();
    const panel = element.shadowRoot!.querySelector('c-error-panel') as HTMLElement & {
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('c.SSM_Adoption_Load_Failed');
    await expect(element).toBeAccessible();
  });
});

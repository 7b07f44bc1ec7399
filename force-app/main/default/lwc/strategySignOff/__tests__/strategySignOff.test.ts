import { createElement } from 'lwc';
import StrategySignOff from 'c/strategySignOff';
import getSignOff from '@salesforce/apex/StrategyController.getSignOff';
import decideSignOff from '@salesforce/apex/StrategyController.decideSignOff';
import { refreshApex } from '@salesforce/apex';
import { getRecord } from 'lightning/uiRecordApi';
import inReview from './data/inReview.json';
import published from './data/published.json';
import empty from './data/empty.json';

jest.mock(
  '@salesforce/apex/StrategyController.getSignOff',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/StrategyController.decideSignOff', () => ({ default: jest.fn() }), {
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

const adapter = getSignOff as unknown as TestWireAdapter;
const recordAdapter = getRecord as unknown as TestWireAdapter;
const decideMock = decideSignOff as unknown as jest.Mock;
const VERSION_ID = 'a00000000000003AAA';

function render(): HTMLElement {
  const element = createElement('c-strategy-sign-off', { is: StrategySignOff });
  Object.assign(element, { recordId: VERSION_ID, objectApiName: 'Strategy_Version__c' });
  document.body.appendChild(element);
  return element;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function text(element: HTMLElement, selector: string): string {
  return (
    element.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
  );
}

function cells(element: HTMLElement, memberId: string): string[] {
  return [...element.shadowRoot!.querySelectorAll(`tr[data-member="${memberId}"] > *`)].map(
    (cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? ''
  );
}

function inRow(element: HTMLElement, memberId: string, dataId: string): string {
  return text(element, `tr[data-member="${memberId}"] [data-id="${dataId}"]`);
}

function typeComment(element: HTMLElement, value: string): void {
  const field = element.shadowRoot!.querySelector('[data-id="comment"]')!;
  field.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function click(element: HTMLElement, dataId: string): void {
  (element.shadowRoot!.querySelector(`[data-id="${dataId}"]`) as HTMLButtonElement).click();
}

describe('c-strategy-sign-off', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('asks for the sign-off of its version and shows a spinner meanwhile', async () => {
    const element = render();
    await flush();
    expect(adapter.getLastConfig()).toEqual({ versionId: VERSION_ID });
    expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('lists each member with role, decision in words and when, and who has approved', async () => {
    const element = render();
    adapter.emit(inReview);
    await flush();

    expect(text(element, '[data-id="summary"]')).toBe('c.SSM_Sign_Off_Summary');
    const you = cells(element, 'a0S000000000001AAA');
    expect(you[0]).toBe('c.SSM_Sign_Off_You');
    expect(you[1]).toBe('Chief Marketing Officer');
    expect(you[2]).toBe('c.SSM_Sign_Off_Pending');
    expect(you[3]).toBe('—');
    const director = cells(element, 'a0S000000000002AAA');
    expect(director.slice(0, 3)).toEqual([
      'Karen Lund',
      'Sales Director',
      'c.SSM_Sign_Off_Approved'
    ]);
    expect(director[3]).not.toBe('—');
    const commenter = cells(element, 'a0S000000000003AAA');
    expect(commenter[1]).toBe('—');
    expect(inRow(element, 'a0S000000000003AAA', 'decision')).toBe('c.SSM_Sign_Off_Commented');
    expect(inRow(element, 'a0S000000000003AAA', 'comment-text')).toBe('Name the partner targets.');
    // The decision is said in words beside its icon, never by colour alone.
    const icons = [...element.shadowRoot!.querySelectorAll('tr[data-member] lightning-icon')].map(
      (icon) => (icon as HTMLElement & { iconName: string }).iconName
    );
    expect(icons).toEqual(['utility:clock', 'utility:success', 'utility:comments']);
    await expect(element).toBeAccessible();
  });

  it('shows the signed-in member what changed and lets them approve', async () => {
    const element = render();
    adapter.emit(inReview);
    await flush();
    const rich = element.shadowRoot!.querySelector(
      '[data-id="what-changed"] lightning-formatted-rich-text'
    ) as HTMLElement & { value: string };
    expect(rich.value).toBe(inReview.whatChanged);
    expect(text(element, '[data-id="own-decision"]')).toBe('c.SSM_Sign_Off_Pending');
    await expect(element).toBeAccessible();

    decideMock.mockResolvedValue({ Id: 'a0S000000000001AAA', Decision__c: 'Approved' });
    click(element, 'approve');
    await flush();

    expect(decideMock).toHaveBeenCalledWith({
      versionId: VERSION_ID,
      decision: 'Approved',
      comment: ''
    });
    expect(refreshApex).toHaveBeenCalled();
    expect(text(element, '[data-id="announcement"]')).toBe('c.SSM_Sign_Off_Saved');
  });

  it('requires a comment before commenting, then sends it', async () => {
    const element = render();
    adapter.emit(inReview);
    await flush();

    click(element, 'comment-button');
    await flush();
    expect(decideMock).not.toHaveBeenCalled();

    decideMock.mockResolvedValue({ Id: 'a0S000000000001AAA', Decision__c: 'Commented' });
    typeComment(element, 'Add the partner targets.');
    click(element, 'comment-button');
    await flush();
    expect(decideMock).toHaveBeenCalledWith({
      versionId: VERSION_ID,
      decision: 'Commented',
      comment: 'Add the partner targets.'
    });
  });

  it('shows a refusal in Apex words through the error panel', async () => {
    const element = render();
    adapter.emit(inReview);
    await flush();
    decideMock.mockRejectedValue({
      body: { message: 'Only Anne Krogh can decide on their own sign-off.' }
    });

    click(element, 'approve');
    await flush();

    const panel = element.shadowRoot!.querySelector('c-error-panel') as HTMLElement & {
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('Only Anne Krogh can decide on their own sign-off.');
    expect(text(element, '[data-id="announcement"]')).toBe('');
    await expect(element).toBeAccessible();
  });

  it('reads the sign-off again when the version is saved, as publishing does', async () => {
    const element = render();
    adapter.emit(inReview);
    const version = (status: string, saved: string) => ({
      id: VERSION_ID,
      apiName: 'Strategy_Version__c',
      fields: { Status__c: { value: status }, LastModifiedDate: { value: saved } }
    });
    recordAdapter.emit(version('In Review', '2026-11-16T09:00:00.000Z'));
    await flush();
    expect(refreshApex).not.toHaveBeenCalled();

    recordAdapter.emit(version('Published', '2026-11-16T10:00:00.000Z'));
    await flush();
    expect(refreshApex).toHaveBeenCalledTimes(1);
    expect(element.shadowRoot!.querySelector('[data-id="members"]')).not.toBeNull();
  });

  it('shows a published version who signed off and when, with nothing to decide', async () => {
    const element = render();
    adapter.emit(published);
    await flush();
    expect(text(element, '[data-id="summary"]')).toBe('c.SSM_Sign_Off_Signed');
    expect(element.shadowRoot!.querySelector('[data-id="decide"]')).toBeNull();
    expect(inRow(element, 'a0S000000000005AAA', 'decision')).toBe('c.SSM_Sign_Off_Approved');
    expect(inRow(element, 'a0S000000000005AAA', 'comment-text')).toBe('Clear and complete.');
    expect(inRow(element, 'a0S000000000005AAA', 'when')).not.toBe('—');
    await expect(element).toBeAccessible();
  });

  it('tells a member of a draft that they sign off once it is in review', async () => {
    const element = render();
    adapter.emit({ ...inReview, status: 'Draft', canDecide: false });
    await flush();
    expect(text(element, '[data-id="wait-review"]')).toBe('c.SSM_Sign_Off_Wait_Review');
    expect(element.shadowRoot!.querySelector('[data-id="decide"]')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says a version without a leadership group publishes without sign-off', async () => {
    const element = render();
    adapter.emit(empty);
    await flush();
    expect(text(element, '[data-id="empty"]')).toBe('c.SSM_Sign_Off_Empty');
    expect(element.shadowRoot!.querySelector('table')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says a published version without a leadership group was published without sign-off', async () => {
    const element = render();
    adapter.emit({ ...empty, status: 'Published' });
    await flush();
    expect(text(element, '[data-id="empty"]')).toBe('c.SSM_Sign_Off_Empty_Published');
  });

  it('shows a load failure through the error panel', async () => {
    const element = render();
    adapter.error({ message: 'Insufficient access' });
    await flush();
    const panel = element.shadowRoot!.querySelector('c-error-panel') as HTMLElement & {
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('c.SSM_Sign_Off_Load_Failed');
    await expect(element).toBeAccessible();
  });
});

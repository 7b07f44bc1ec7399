import { createElement } from 'lwc';
import StrategyBrief from 'c/strategyBrief';
import getBrief from '@salesforce/apex/StrategyController.getBrief';
import acknowledge from '@salesforce/apex/StrategyController.acknowledge';
import { refreshApex } from '@salesforce/apex';
import brief from './data/brief.json';

jest.mock(
  '@salesforce/apex/StrategyController.getBrief',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/StrategyController.acknowledge', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), {
  virtual: true
});

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
}

const briefAdapter = getBrief as unknown as TestWireAdapter;
const acknowledgeMock = acknowledge as unknown as jest.Mock;

function render(): HTMLElement {
  const element = createElement('c-strategy-brief', { is: StrategyBrief });
  document.body.appendChild(element);
  return element;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function text(element: HTMLElement, selector: string): string {
  return (
    element.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
  );
}

describe('c-strategy-brief', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows a spinner until the brief arrives', async () => {
    const element = render();
    await flush();
    expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says so when no version is published', async () => {
    const element = render();
    briefAdapter.emit({ today: '2026-11-16', version: null });
    await flush();
    expect(text(element, '[data-id="none"]')).toBe('c.SSM_Brief_None');
    expect(element.shadowRoot!.querySelector('[data-id="acknowledge"]')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the version, its targets with what they were, and the pending status in words', async () => {
    const element = render();
    briefAdapter.emit(brief);
    await flush();

    expect(text(element, '[data-id="name"]')).toBe('Sales Strategy 2026 H2');
    expect(text(element, '[data-id="status"]')).toBe('c.SSM_Brief_Pending');
    expect(text(element, '[data-target="Target_Win_Rate__c"]')).toBe('32%(c.SSM_Brief_Target_Was)');
    expect(text(element, '[data-target="Target_Pipeline_Coverage__c"]')).toBe('3x');
    expect(text(element, '[data-target="Target_Forecast_Accuracy__c"]')).toBe('—');
    await expect(element).toBeAccessible();
  });

  it('lists what changed in each changed section and names the unchanged ones', async () => {
    const element = render();
    briefAdapter.emit(brief);
    await flush();

    const changed = [
      ...element.shadowRoot!.querySelectorAll('lightning-accordion-section[data-section]')
    ];
    expect(changed.map((section) => section.getAttribute('data-section'))).toEqual([
      'Segmentation__c'
    ]);
    const items = [...changed[0].querySelectorAll('li')].map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim()
    );
    expect(items).toEqual([
      'c.SSM_Brief_Added: Key Growth is hybrid.',
      'c.SSM_Brief_Removed: Field sales everywhere.'
    ]);
    expect(text(element, '[data-id="unchanged"]')).toBe('c.SSM_Brief_Unchanged');
    const essentials = [
      ...element.shadowRoot!.querySelectorAll('lightning-accordion-section[data-essential]')
    ];
    expect(essentials.map((details) => details.getAttribute('data-essential'))).toEqual([
      'Governance_Model__c',
      'Segmentation__c',
      'Sales_Process__c'
    ]);
  });

  it('shows an edited paragraph as the sentences that changed, not the paragraph twice', async () => {
    const element = render();
    briefAdapter.emit({
      ...brief,
      version: {
        ...brief.version,
        Sales_Process__c:
          '<p>Six stages. Every deal has a next step with a date. Close dates move with a reason.</p>'
      },
      previous: {
        ...brief.previous,
        Sales_Process__c:
          '<p>Six stages. Every deal has a next step. Close dates move with a reason.</p>'
      }
    });
    await flush();
    const section = element.shadowRoot!.querySelector(
      'lightning-accordion-section[data-section="Sales_Process__c"]'
    )!;
    const items = [...section.querySelectorAll('li')].map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim()
    );
    expect(items).toEqual([
      'c.SSM_Brief_Added: Every deal has a next step with a date.',
      'c.SSM_Brief_Removed: Every deal has a next step.'
    ]);
    await expect(element).toBeAccessible();
  });

  it('shows each section of the strategy as a collapsible accordion section', async () => {
    const element = render();
    briefAdapter.emit(brief);
    await flush();
    const accordion = element.shadowRoot!.querySelector(
      'lightning-accordion[data-id="essentials"]'
    ) as HTMLElement & { allowMultipleSectionsOpen: boolean };
    expect(accordion.allowMultipleSectionsOpen).toBe(true);
    const section = accordion.querySelector(
      'lightning-accordion-section[data-essential="Segmentation__c"]'
    ) as HTMLElement & { label: string };
    expect(section.label).toBe('c.SSM_Section_Segmentation');
    const richText = section.querySelector('lightning-formatted-rich-text') as HTMLElement & {
      value: string;
    };
    expect(richText.value).toBe(brief.version.Segmentation__c);
  });

  it('says it is the first version when there is no previous one', async () => {
    const element = render();
    briefAdapter.emit({ ...brief, previous: null });
    await flush();
    expect(text(element, '[data-id="first-version"]')).toBe('c.SSM_Brief_First_Version');
    await expect(element).toBeAccessible();
  });

  it('acknowledges the version, refreshes the brief and announces it', async () => {
    acknowledgeMock.mockResolvedValue({ Id: 'ack' });
    const element = render();
    briefAdapter.emit(brief);
    await flush();

    (element.shadowRoot!.querySelector('[data-id="acknowledge"]') as HTMLButtonElement).click();
    await flush();

    expect(acknowledgeMock).toHaveBeenCalledWith({ versionId: 'a00000000000002AAA' });
    expect(refreshApex).toHaveBeenCalled();
    expect(text(element, '[data-id="announcement"]')).toBe('c.SSM_Brief_Thanks');
    briefAdapter.emit({
      ...brief,
      acknowledgement: { Id: 'ack', Acknowledged_At__c: '2026-11-16T10:00:00.000Z' }
    });
    await flush();
    expect(text(element, '[data-id="status"]')).toBe('c.SSM_Brief_Acknowledged');
    expect(element.shadowRoot!.querySelector('[data-id="acknowledge"]')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows why an acknowledgement was refused', async () => {
    acknowledgeMock.mockRejectedValue({ body: { message: 'You have already acknowledged.' } });
    const element = render();
    briefAdapter.emit(brief);
    await flush();

    (element.shadowRoot!.querySelector('[data-id="acknowledge"]') as HTMLButtonElement).click();
    await flush();
    await flush();

    const panel = element.shadowRoot!.querySelector('c-error-panel') as HTMLElement & {
      errors: unknown;
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('You have already acknowledged.');
    expect(panel.errors).toEqual({ body: { message: 'You have already acknowledged.' } });
    await expect(element).toBeAccessible();
  });

  it('shows the error panel when the brief cannot be loaded', async () => {
    const element = render();
    briefAdapter.error({ message: 'boom' });
    await flush();
    const panel = element.shadowRoot!.querySelector('c-error-panel') as HTMLElement & {
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('c.SSM_Brief_Load_Failed');
    await expect(element).toBeAccessible();
  });
});

import { createElement } from 'lwc';
import SegmentOverview from 'c/segmentOverview';
import getOverview from '@salesforce/apex/SegmentOverviewController.getOverview';
import overview from './data/overview.json';

jest.mock(
  '@salesforce/apex/SegmentOverviewController.getOverview',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
}

const adapter = getOverview as unknown as TestWireAdapter;

function render(recordId?: string): HTMLElement {
  const element = createElement('c-segment-overview', { is: SegmentOverview });
  if (recordId) {
    Object.assign(element, { recordId, objectApiName: 'Customer_Segment__c' });
  }
  document.body.appendChild(element);
  return element;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function cells(element: HTMLElement, row: string): string[] {
  return [...element.shadowRoot!.querySelectorAll(`tr[data-row="${row}"] > *`)].map(
    (cell) => cell.textContent?.trim() ?? ''
  );
}

describe('c-segment-overview', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows a spinner until the facts arrive', async () => {
    const element = render();
    await flush();
    expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows each segment with its figures and its share against target in words', async () => {
    const element = render();
    adapter.emit(overview);
    await flush();

    // Won 6,000 of 10,000 = 60 % against a 50 % target.
    expect(cells(element, 'a02S1')).toEqual([
      'Strategic Accounts',
      'Feltsalg',
      '1',
      '$3,000',
      '$6,000',
      '$1,000',
      '$9,000',
      '60%',
      '50%',
      'c.SSM_Segments_On_Target'
    ]);
    // Won 3,000 of 10,000 = 30 % against 40 %.
    expect(cells(element, 'a02S2').slice(7)).toEqual(['30%', '40%', 'c.SSM_Segments_Below_Target']);
    await expect(element).toBeAccessible();
  });

  it('names each coverage model by its label in the user’s language, else by its value', async () => {
    const element = render();
    adapter.emit({
      ...overview,
      picklistLabels: {
        'Customer_Segment__c.Coverage_Model__c': { Field: 'Feltsalg' }
      }
    });
    await flush();
    expect(cells(element, 'a02S1')[1]).toBe('Feltsalg');
    expect(cells(element, 'a02S2')[1]).toBe('Hybrid');
    await expect(element).toBeAccessible();
  });

  it('shows the unsegmented accounts as their own row, and the totals', async () => {
    const element = render();
    adapter.emit(overview);
    await flush();

    expect(cells(element, 'unsegmented')).toEqual([
      'c.SSM_Segments_Unsegmented',
      '—',
      '1',
      '$0',
      '$1,000',
      '$0',
      '$100',
      '10%',
      '—',
      'c.SSM_Segments_No_Target'
    ]);
    expect(cells(element, 'total')).toEqual([
      'c.SSM_Segments_Total',
      '',
      '3',
      '$4,000',
      '$10,000',
      '$1,500',
      '$11,100',
      '100%',
      '90%',
      ''
    ]);
  });

  it('shows only its segment and its accounts on a segment page', async () => {
    const element = render('a02S2');
    adapter.emit(overview);
    await flush();

    const rows = [...element.shadowRoot!.querySelectorAll('tbody tr[data-row]')].map((row) =>
      row.getAttribute('data-row')
    );
    expect(rows).toEqual(['a02S2']);
    const accounts = [...element.shadowRoot!.querySelectorAll('[data-id="accounts"] tbody th')];
    expect(accounts.map((cell) => cell.textContent)).toEqual(['Falcon Logistics']);
    await expect(element).toBeAccessible();
  });

  it('says so when a segment has no accounts', async () => {
    const element = render('a02S9');
    adapter.emit({
      ...overview,
      segments: [...overview.segments, { Id: 'a02S9', Name: 'Empty', Active__c: true }]
    });
    await flush();
    expect(element.shadowRoot!.querySelector('[data-id="no-accounts"]')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('reports broken criteria by segment name and says when accounts were left out', async () => {
    const element = render();
    adapter.emit({
      ...overview,
      truncated: true,
      broken: [{ ruleName: 'a02S2', reason: 'Field No_Such__c does not exist' }]
    });
    await flush();
    expect(element.shadowRoot!.querySelector('[data-id="broken"] li')?.textContent).toBe(
      'Key Growth: Field No_Such__c does not exist'
    );
    expect(element.shadowRoot!.querySelector('[data-id="truncated"]')?.textContent?.trim()).toBe(
      'c.SSM_Segments_Truncated'
    );
    await expect(element).toBeAccessible();
  });

  it('shows the error panel when the facts cannot be loaded', async () => {
    const element = render();
    adapter.error({ message: 'boom' });
    await flush();
    const panel = element.shadowRoot!.querySelector('c-error-panel') as HTMLElement & {
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('c.SSM_Segments_Load_Failed');
    await expect(element).toBeAccessible();
  });
});

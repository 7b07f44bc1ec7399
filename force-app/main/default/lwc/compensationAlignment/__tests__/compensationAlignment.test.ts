import { createElement } from 'lwc';
import CompensationAlignment from 'c/compensationAlignment';
import getAlignment from '@salesforce/apex/CompensationAlignmentController.getAlignment';
import samplePlan from './data/samplePlan.json';

jest.mock(
  '@salesforce/apex/CompensationAlignmentController.getAlignment',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/label/c.SSM_Compensation_Total', () => ({ default: 'Total {0}: {1}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.SSM_Compensation_Team_Share',
  () => ({ default: 'Team {0} vs {1}. {2}' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.SSM_Compensation_Strategic_Share',
  () => ({ default: 'Strategic {0} vs {1}. {2}' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.SSM_Compensation_Warn_Team',
  () => ({ default: 'Only {0} on team results against {1}.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.SSM_Compensation_Warn_Weights',
  () => ({ default: 'The weights add up to {0}.' }),
  { virtual: true }
);

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
  getLastConfig(): Record<string, unknown>;
}

const adapter = getAlignment as unknown as TestWireAdapter;

function render(): HTMLElement {
  const element = createElement('c-compensation-alignment', { is: CompensationAlignment });
  Object.assign(element, { recordId: 'a0P000000000001AAA', objectApiName: 'Compensation_Plan__c' });
  document.body.appendChild(element);
  return element;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function text(element: HTMLElement, selector: string): string {
  return element.shadowRoot?.querySelector(selector)?.textContent?.trim() ?? '';
}

describe('c-compensation-alignment', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('asks for its plan and shows a spinner until it arrives', async () => {
    const element = render();
    await flush();
    expect(adapter.getLastConfig()).toEqual({ planId: 'a0P000000000001AAA' });
    expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the error panel when the plan cannot be loaded', async () => {
    const element = render();
    adapter.error({ message: 'gone' });
    await flush();
    const panel = element.shadowRoot?.querySelector('c-error-panel') as HTMLElement & {
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('c.SSM_Compensation_Load_Failed');
    await expect(element).toBeAccessible();
  });

  it('lists the components and states the shares against the strategy in words', async () => {
    const element = render();
    adapter.emit(samplePlan);
    await flush();
    const rows = [...(element.shadowRoot?.querySelectorAll('tbody tr') ?? [])];
    expect(rows).toHaveLength(7);
    expect(rows[0].textContent).toContain('Individual revenue attainment');
    expect(rows[0].textContent).toContain('45%');
    expect(text(element, '[data-id="total"]')).toBe('Total 100%: c.SSM_Compensation_Sums_To_100');
    expect(text(element, '[data-id="team-share"]')).toBe(
      'Team 25% vs 40%. c.SSM_Compensation_Below'
    );
    expect(text(element, '[data-id="strategic-share"]')).toBe(
      'Strategic 40% vs 25%. c.SSM_Compensation_Meets'
    );
    expect(text(element, '[data-id="warnings"]')).toBe('Only 25% on team results against 40%.');
    await expect(element).toBeAccessible();
  });

  it('shows scope and strategic KPI by their labels, computing the shares from the values', async () => {
    const element = render();
    adapter.emit(samplePlan);
    await flush();
    const cellsOf = (row: Element) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim());
    const rows = [...(element.shadowRoot?.querySelectorAll('tbody tr') ?? [])];
    expect(cellsOf(rows[0])).toEqual([
      'Individual revenue attainment',
      'Individuel',
      'Ingen',
      '45%'
    ]);
    expect(cellsOf(rows[2])).toEqual([
      'Team pipeline coverage',
      'Fælles',
      'Pipelinedækning',
      '10%'
    ]);
    // Team: 15 + 10 = 25 % of the weights, read from the value Team, not its label.
    expect(text(element, '[data-id="team-share"]')).toBe(
      'Team 25% vs 40%. c.SSM_Compensation_Below'
    );
    await expect(element).toBeAccessible();
  });

  it('warns when the weights do not add up to 100', async () => {
    const element = render();
    adapter.emit({ ...samplePlan, components: samplePlan.components.slice(0, 5) });
    await flush();
    expect(text(element, '[data-id="total"]')).toBe('Total 90%: c.SSM_Compensation_Not_100');
    const warnings = [...(element.shadowRoot?.querySelectorAll('[data-id="warnings"] li') ?? [])];
    expect(warnings[0].textContent).toBe('The weights add up to 90%.');
  });

  it('says the plan is aligned when nothing needs to change', async () => {
    const element = render();
    adapter.emit({
      ...samplePlan,
      publishedStrategy: { ...samplePlan.publishedStrategy, Target_Team_Variable_Share__c: 25 }
    });
    await flush();
    expect(text(element, '[data-id="aligned"]')).toBe('c.SSM_Compensation_Aligned');
    await expect(element).toBeAccessible();
  });

  it('cannot compare without a published strategy, and says so', async () => {
    const element = render();
    adapter.emit({ ...samplePlan, publishedStrategy: null });
    await flush();
    expect(text(element, '[data-id="team-share"]')).toBe(
      'Team 25% vs c.SSM_Compensation_No_Target. c.SSM_Compensation_Unknown'
    );
    expect(text(element, '[data-id="warnings"]')).toBe('c.SSM_Compensation_Warn_No_Strategy');
  });
});

import { createElement } from 'lwc';
import RecordGuidance from 'c/recordGuidance';
import getGuidance from '@salesforce/apex/RecordGuidanceController.getGuidance';
import { refreshApex } from '@salesforce/apex';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import withGaps from './data/guidanceWithGaps.json';
import allGood from './data/guidanceAllGood.json';
import { groupBySeverity, normalizeGuidance } from '../guidanceView';

jest.mock(
  '@salesforce/apex/RecordGuidanceController.getGuidance',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

// Records where the card navigates (the default stub's Navigate does nothing).
jest.mock('lightning/navigation', () => {
  const Navigate = Symbol('Navigate');
  const GenerateUrl = Symbol('GenerateUrl');
  const navigate = jest.fn();
  const NavigationMixin = Object.assign(
    (Base: new () => object) =>
      class extends Base {
        [Navigate](reference: unknown): void {
          navigate(reference);
        }
        [GenerateUrl](): Promise<string> {
          return Promise.resolve('');
        }
      },
    { Navigate, GenerateUrl }
  );
  return { NavigationMixin, navigate };
});

const navigate = jest.requireMock<{ navigate: jest.Mock }>('lightning/navigation').navigate;

jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), {
  virtual: true
});

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
  getLastConfig(): Record<string, unknown>;
}

const guidanceAdapter = getGuidance as unknown as TestWireAdapter;

function render(): HTMLElement {
  const element = createElement('c-record-guidance', { is: RecordGuidance });
  Object.assign(element, { recordId: '006000000000001AAA', objectApiName: 'Opportunity' });
  document.body.appendChild(element);
  return element;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function text(element: HTMLElement, selector: string): string {
  return element.shadowRoot!.querySelector(selector)?.textContent?.trim() ?? '';
}

describe('c-record-guidance', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('asks for the guidance of its record and shows a spinner until it arrives', async () => {
    const element = render();
    await flush();
    expect(guidanceAdapter.getLastConfig()).toEqual({ recordId: '006000000000001AAA' });
    expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
  });

  it('states the score and its band in words, not by colour alone', async () => {
    const element = render();
    guidanceAdapter.emit(withGaps);
    await flush();

    expect(text(element, '[data-id="score"]')).toBe('c.SSM_Guidance_Score_Text');
    expect(text(element, '[data-id="band"]')).toBe('c.SSM_Guidance_Band_Poor');
    const ring = element.shadowRoot!.querySelector('lightning-progress-ring') as HTMLElement & {
      value: number;
      variant: string;
    };
    expect(ring.value).toBe(45);
    expect(ring.variant).toBe('expired');
  });

  it('groups what to fix by severity, high first, with why each rule matters', async () => {
    const element = render();
    guidanceAdapter.emit(withGaps);
    await flush();

    const groups = [...element.shadowRoot!.querySelectorAll('section[data-severity]')];
    expect(groups.map((group) => group.getAttribute('data-severity'))).toEqual(['High', 'Low']);
    const highRules = [...groups[0].querySelectorAll('li')].map((li) => li.dataset.ruleName);
    expect(highRules).toEqual(['Opp_Next_Step', 'Opp_Close_Date_Not_Past']);
    expect(groups[0].textContent).toContain('A qualified deal without an agreed next step');
  });

  it('names each severity group by the label Apex gives in the user’s language', () => {
    const danish = normalizeGuidance({
      ...withGaps,
      flagged: withGaps.flagged.map((outcome) => ({
        ...outcome,
        severityLabel: outcome.severity === 'High' ? 'Høj' : 'Lav'
      }))
    } as unknown as ApexGenerated.RecordGuidance);
    const groups = groupBySeverity(danish, null);
    expect(groups.map((group) => [group.severity, group.label])).toEqual([
      ['High', 'Høj'],
      ['Low', 'Lav']
    ]);
    // Without a label (an older Apex answer) the value stands in.
    const plain = groupBySeverity(
      normalizeGuidance(withGaps as ApexGenerated.RecordGuidance),
      null
    );
    expect(plain.map((group) => group.label)).toEqual(['High', 'Low']);
  });

  it('offers a fix only for rules that name fields to fix', async () => {
    const element = render();
    guidanceAdapter.emit(withGaps);
    await flush();

    const fixable = [...element.shadowRoot!.querySelectorAll('button[data-rule]')].map(
      (button) => (button as HTMLElement).dataset.rule
    );
    expect(fixable).toEqual(['Opp_Next_Step', 'Opp_Close_Date_Not_Past']);
  });

  it('sends a flag that no field fixes to the related list where it is fixed', async () => {
    const element = render();
    guidanceAdapter.emit(withGaps);
    await flush();

    const button = element.shadowRoot!.querySelector(
      'button[data-list-rule="Opp_Contact_Role"]'
    ) as HTMLButtonElement;
    expect(button.textContent?.trim()).toBe('c.SSM_Guidance_Open_List');
    expect(button.getAttribute('aria-label')).toBe('c.SSM_Guidance_Open_List_For');
    expect(element.shadowRoot!.querySelectorAll('button[data-list-rule]')).toHaveLength(1);
    button.click();

    expect(navigate).toHaveBeenCalledWith({
      type: 'standard__recordRelationshipPage',
      attributes: {
        recordId: '006000000000001AAA',
        objectApiName: 'Opportunity',
        relationshipApiName: 'OpportunityContactRoles',
        actionName: 'view'
      }
    });
  });

  it('opens the inline fix with exactly the fields of the rule and marks the button expanded', async () => {
    const element = render();
    guidanceAdapter.emit(withGaps);
    await flush();

    const button = element.shadowRoot!.querySelector(
      'button[data-rule="Opp_Close_Date_Not_Past"]'
    ) as HTMLButtonElement;
    button.click();
    await flush();

    const form = element.shadowRoot!.querySelector('c-guidance-fix-form') as HTMLElement & {
      fieldNames: string[];
      recordId: string;
      objectApiName: string;
    };
    expect(form.fieldNames).toEqual(['CloseDate', 'StageName']);
    expect(form.recordId).toBe('006000000000001AAA');
    expect(form.objectApiName).toBe('Opportunity');
    expect(button.getAttribute('aria-expanded')).toBe('true');
  });

  it('refreshes the score and announces it after a fix is saved', async () => {
    const element = render();
    guidanceAdapter.emit(withGaps);
    await flush();
    (element.shadowRoot!.querySelector('button[data-rule="Opp_Next_Step"]') as HTMLElement).click();
    await flush();

    element
      .shadowRoot!.querySelector('c-guidance-fix-form')!
      .dispatchEvent(new CustomEvent('saved'));
    guidanceAdapter.emit(allGood);
    await flush();

    expect(refreshApex).toHaveBeenCalledTimes(1);
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: '006000000000001AAA' }]);
    expect(element.shadowRoot!.querySelector('c-guidance-fix-form')).toBeNull();
    expect(text(element, '[data-id="announcement"]')).toBe('c.SSM_Guidance_Saved');
  });

  it('closes the fix form on cancel and returns focus to its button', async () => {
    const element = render();
    guidanceAdapter.emit(withGaps);
    await flush();
    const button = element.shadowRoot!.querySelector(
      'button[data-rule="Opp_Next_Step"]'
    ) as HTMLElement;
    button.click();
    await flush();

    element
      .shadowRoot!.querySelector('c-guidance-fix-form')!
      .dispatchEvent(new CustomEvent('cancel'));
    await flush();

    expect(element.shadowRoot!.querySelector('c-guidance-fix-form')).toBeNull();
    expect(element.shadowRoot!.activeElement).toBe(
      element.shadowRoot!.querySelector('button[data-rule="Opp_Next_Step"]')
    );
  });

  it('lists the coaching questions', async () => {
    const element = render();
    guidanceAdapter.emit(withGaps);
    await flush();

    expect(text(element, '[data-id="prompts"]')).toContain(
      "What do we know now about the customer's timeline"
    );
  });

  it('says all is good when nothing is flagged and shows broken rules to whoever receives them', async () => {
    const element = render();
    guidanceAdapter.emit(allGood);
    await flush();

    expect(text(element, '[data-id="all-good"]')).toBe('c.SSM_Guidance_All_Good');
    expect(text(element, '[data-id="band"]')).toBe('c.SSM_Guidance_Band_Good');
    expect(text(element, '[data-id="broken"]')).toContain('Decision maker is named');
    expect(text(element, '[data-id="broken"]')).not.toContain('Opp_Broken');
    expect(element.shadowRoot!.querySelector('section[data-severity]')).toBeNull();
  });

  it('shows the error panel when the guidance cannot be loaded', async () => {
    const element = render();
    guidanceAdapter.error({ message: 'Insufficient access' });
    await flush();

    const panel = element.shadowRoot!.querySelector('c-error-panel') as HTMLElement & {
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('c.SSM_Guidance_Load_Failed');
    expect(element.shadowRoot!.querySelector('lightning-spinner')).toBeNull();
  });

  it('is accessible with gaps, prompts and an open fix form', async () => {
    const element = render();
    guidanceAdapter.emit(withGaps);
    await flush();
    (element.shadowRoot!.querySelector('button[data-rule="Opp_Next_Step"]') as HTMLElement).click();
    await flush();

    await expect(element).toBeAccessible();
  });

  it('is accessible when all is good', async () => {
    const element = render();
    guidanceAdapter.emit(allGood);
    await flush();

    await expect(element).toBeAccessible();
  });
});

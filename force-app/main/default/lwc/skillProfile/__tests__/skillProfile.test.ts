import { createElement } from 'lwc';
import SkillProfile from 'c/skillProfile';
import getSkillProfile from '@salesforce/apex/SkillProfileController.getSkillProfile';
import enrol from '@salesforce/apex/SkillProfileController.enrol';
import { refreshApex } from '@salesforce/apex';
import profile from './data/profile.json';

jest.mock(
  '@salesforce/apex/SkillProfileController.getSkillProfile',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/SkillProfileController.enrol', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), {
  virtual: true
});
jest.mock('@salesforce/label/c.SSM_Skills_Heading', () => ({ default: '{0}. {1}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.SSM_Skills_Score_Line',
  () => ({ default: 'Score {0} of {1}: gap {2}, {3}' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.SSM_Skills_Enrol_In', () => ({ default: 'Enrol in {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.SSM_Skills_Enrollment_Status', () => ({ default: '{0}: {1}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.SSM_Skills_Program_Detail', () => ({ default: '{0}, {1} h' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.SSM_Skills_Not_Assessed', () => ({ default: 'Not yet: {0}' }), {
  virtual: true
});

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
  getLastConfig(): Record<string, unknown>;
}

const adapter = getSkillProfile as unknown as TestWireAdapter;
const enrolMock = enrol as unknown as jest.Mock;

function render(): HTMLElement {
  const element = createElement('c-skill-profile', { is: SkillProfile });
  document.body.appendChild(element);
  return element;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function root(element: HTMLElement): ShadowRoot {
  return element.shadowRoot as ShadowRoot;
}

function texts(element: HTMLElement, selector: string): string[] {
  return [...root(element).querySelectorAll(selector)].map(
    (node) => node.textContent?.trim() ?? ''
  );
}

describe('c-skill-profile', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('asks for the running user’s profile and shows a spinner until it arrives', async () => {
    const element = render();
    await flush();
    expect(adapter.getLastConfig()).toEqual({ sellerId: null });
    expect(root(element).querySelector('lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the error panel when the profile cannot be loaded', async () => {
    const element = render();
    adapter.error({ message: 'boom' });
    await flush();
    const panel = root(element).querySelector('c-error-panel') as HTMLElement & {
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('c.SSM_Skills_Load_Failed');
    await expect(element).toBeAccessible();
  });

  it('ranks the gaps, largest first, each gap a number and a word', async () => {
    const element = render();
    adapter.emit(profile);
    await flush();
    expect(texts(element, 'h3')).toEqual([
      '1. Værdibaseret salg',
      '2. Behovsafdækning',
      '3. Forhandling'
    ]);
    expect(texts(element, '[data-id="score-line"]')).toEqual([
      'Score 2 of 5: gap 3, c.SSM_Skills_Band_Large',
      'Score 3 of 4: gap 1, c.SSM_Skills_Band_Small',
      'Score 4 of 4: gap 0, c.SSM_Skills_Band_Met'
    ]);
    expect(texts(element, '[data-id="not-assessed"]')).toEqual(['Not yet: Forretningsforståelse']);
    await expect(element).toBeAccessible();
  });

  it('recommends the programmes not yet taken and lists the enrolment with its status', async () => {
    const element = render();
    adapter.emit(profile);
    await flush();
    const valueSelling = root(element).querySelector(
      'li[data-skill="Value Selling"]'
    ) as HTMLElement;
    const enrolButtons = [...valueSelling.querySelectorAll('button[data-action="enrol"]')];
    expect(enrolButtons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Enrol in Value Case Mentoring'
    ]);
    expect(valueSelling.querySelector('[data-id="enrollments"]')?.textContent?.trim()).toBe(
      'Value Selling Bootcamp: I gang'
    );
    const discovery = root(element).querySelector('li[data-skill="Discovery"]') as HTMLElement;
    expect(discovery.querySelector('[data-id="coaching"]')?.textContent?.trim()).toBe(
      'c.SSM_Skills_Coaching_Session'
    );
    const negotiation = root(element).querySelector('li[data-skill="Negotiation"]') as HTMLElement;
    expect(negotiation.querySelector('button')).toBeNull();
  });

  it('names skills, formats and statuses by their labels, keeping the values to match on', async () => {
    const element = render();
    adapter.emit(profile);
    await flush();
    expect(
      [...root(element).querySelectorAll('li[data-skill]')].map(
        (item) => (item as HTMLElement).dataset.skill
      )
    ).toEqual(['Value Selling', 'Discovery', 'Negotiation']);
    const valueSelling = root(element).querySelector(
      'li[data-skill="Value Selling"]'
    ) as HTMLElement;
    expect(valueSelling.querySelector('[data-id="recommended"] span')?.textContent?.trim()).toBe(
      'Value Case Mentoring (Mentorordning, 6 h)'
    );
    expect(valueSelling.querySelector('[data-id="enrollments"]')?.textContent?.trim()).toBe(
      'Value Selling Bootcamp: I gang'
    );
    await expect(element).toBeAccessible();
  });

  it('shows a value without a label as the value rather than nothing', async () => {
    const element = render();
    adapter.emit({ ...profile, picklistLabels: {} });
    await flush();
    expect(texts(element, 'h3')).toEqual(['1. Value Selling', '2. Discovery', '3. Negotiation']);
  });

  it('enrols in one click, refreshes and announces it', async () => {
    enrolMock.mockResolvedValue('e9');
    const element = render();
    adapter.emit(profile);
    await flush();
    (root(element).querySelector('button[data-program-id="p4"]') as HTMLButtonElement).click();
    await flush();
    expect(enrolMock).toHaveBeenCalledWith({ programId: 'p4' });
    expect(refreshApex).toHaveBeenCalledTimes(1);
    expect(texts(element, '[data-id="announcement"]')).toEqual(['c.SSM_Skills_Enrolled']);
  });

  it('explains a refused enrolment through the error panel', async () => {
    enrolMock.mockRejectedValue({ body: { message: 'You are already enrolled.' } });
    const element = render();
    adapter.emit(profile);
    await flush();
    (root(element).querySelector('button[data-program-id="p1"]') as HTMLButtonElement).click();
    await flush();
    const panel = root(element).querySelector('[data-id="action-error"]') as HTMLElement & {
      errors: unknown;
    };
    expect(panel.errors).toEqual({ body: { message: 'You are already enrolled.' } });
    await expect(element).toBeAccessible();
  });

  it('says so when the seller has never been assessed', async () => {
    const element = render();
    adapter.emit({ ...profile, assessments: [], enrollments: [], coachingSessions: [] });
    await flush();
    expect(texts(element, '[data-id="empty"]')).toEqual(['c.SSM_Skills_Empty']);
    await expect(element).toBeAccessible();
  });
});

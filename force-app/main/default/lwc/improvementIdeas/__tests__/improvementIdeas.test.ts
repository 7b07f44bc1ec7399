import { createElement } from 'lwc';
import ImprovementIdeas from 'c/improvementIdeas';
import getIdeas from '@salesforce/apex/ImprovementIdeasController.getIdeas';
import submitIdea from '@salesforce/apex/ImprovementIdeasController.submitIdea';
import vote from '@salesforce/apex/ImprovementIdeasController.vote';
import changeStatus from '@salesforce/apex/ImprovementIdeasController.changeStatus';
import { refreshApex } from '@salesforce/apex';
import facts from './data/ideas.json';

jest.mock(
  '@salesforce/apex/ImprovementIdeasController.getIdeas',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/ImprovementIdeasController.submitIdea',
  () => ({ default: jest.fn() }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/apex/ImprovementIdeasController.vote', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock(
  '@salesforce/apex/ImprovementIdeasController.changeStatus',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), {
  virtual: true
});
// Labels with placeholders, so the numbers they carry can be asserted.
jest.mock(
  '@salesforce/label/c.SSM_Ideas_Hours_Saved_Kpi',
  () => ({ default: 'saves {0} h ({1})' }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/label/c.SSM_Ideas_Accepted_Kpi', () => ({ default: 'accepted {0} h' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.SSM_Ideas_Votes', () => ({ default: '{0} votes' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.SSM_Ideas_Vote_For', () => ({ default: 'Vote for {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.SSM_Ideas_Vote_Counted', () => ({ default: 'Counted: {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.SSM_Ideas_Status', () => ({ default: 'Status: {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.SSM_Ideas_Status_Changed', () => ({ default: '{0} is now {1}' }), {
  virtual: true
});

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
}

const ideasAdapter = getIdeas as unknown as TestWireAdapter;
const voteMock = vote as unknown as jest.Mock;
const submitMock = submitIdea as unknown as jest.Mock;
const changeStatusMock = changeStatus as unknown as jest.Mock;

function render(props: Record<string, unknown> = {}): HTMLElement {
  const element = createElement('c-improvement-ideas', { is: ImprovementIdeas });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function root(element: HTMLElement): ShadowRoot {
  return element.shadowRoot as ShadowRoot;
}

function text(element: HTMLElement, selector: string): string {
  return root(element).querySelector(selector)?.textContent?.trim() ?? '';
}

function listedIds(element: HTMLElement): string[] {
  return [...root(element).querySelectorAll('li[data-idea-id]')].map(
    (item) => (item as HTMLElement).dataset.ideaId ?? ''
  );
}

function button(element: HTMLElement, selector: string): HTMLButtonElement {
  const found = root(element).querySelector(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found as HTMLButtonElement;
}

describe('c-improvement-ideas', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows a spinner while the ideas load', async () => {
    const element = render();
    await flush();
    expect(root(element).querySelector('lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the error panel when the ideas cannot be loaded', async () => {
    const element = render();
    ideasAdapter.error({ message: 'boom' });
    await flush();
    const panel = root(element).querySelector('c-error-panel') as HTMLElement & {
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('c.SSM_Ideas_Load_Failed');
    await expect(element).toBeAccessible();
  });

  it('states the hours implemented ideas save per seller per month', async () => {
    const element = render();
    ideasAdapter.emit(facts);
    await flush();
    // Implemented: 1.5 + 2 = 3.5 h of 160.33 working hours a month (37 h a week) = 2.2 %.
    expect(text(element, '[data-id="hours-saved"]')).toBe('saves 3.5 h (2.2%)');
    expect(text(element, '[data-id="accepted"]')).toBe('accepted 0 h');
    await expect(element).toBeAccessible();
  });

  it('lists ideas by votes, then by expected hours saved when asked', async () => {
    const element = render();
    ideasAdapter.emit(facts);
    await flush();
    expect(listedIds(element)).toEqual([
      'a0I000000000001AAA',
      'a0I000000000002AAA',
      'a0I000000000003AAA',
      'a0I000000000004AAA'
    ]);
    expect(text(element, '[data-id="votes"]')).toBe('6 votes');

    const byHours = button(element, 'button[data-order="hoursSaved"]');
    byHours.click();
    await flush();
    expect(listedIds(element)).toEqual([
      'a0I000000000004AAA',
      'a0I000000000001AAA',
      'a0I000000000003AAA',
      'a0I000000000002AAA'
    ]);
    expect(byHours.getAttribute('aria-pressed')).toBe('true');
  });

  it('shows each status by its label in the user’s language, keeping the value for the form', async () => {
    const element = render();
    ideasAdapter.emit({ ...facts, canDecide: true });
    await flush();
    const statusOf = (ideaId: string) =>
      root(element)
        .querySelector(`li[data-idea-id="${ideaId}"] [data-id="status"]`)
        ?.textContent?.trim();
    expect(statusOf('a0I000000000001AAA')).toBe('Status: Til gennemsyn');
    expect(statusOf('a0I000000000002AAA')).toBe('Status: Gennemført');
    expect(statusOf('a0I000000000004AAA')).toBe('Status: Nyt');

    button(element, 'button[data-action="decide"][data-idea-id="a0I000000000001AAA"]').click();
    await flush();
    const status = root(element).querySelector(
      '[data-form="decision"] [data-field="status"]'
    ) as HTMLElement & { value: unknown; options: { label: string; value: string }[] };
    expect(status.value).toBe('Under Review');
    expect(status.options[1]).toEqual({ label: 'Til gennemsyn', value: 'Under Review' });
    await expect(element).toBeAccessible();
  });

  it('lists only as many ideas as configured', async () => {
    const element = render({ maxIdeas: 2 });
    ideasAdapter.emit(facts);
    await flush();
    expect(listedIds(element)).toHaveLength(2);
  });

  it('marks the ideas the user voted for instead of offering a second vote', async () => {
    const element = render();
    ideasAdapter.emit(facts);
    await flush();
    const voted = root(element).querySelector('li[data-idea-id="a0I000000000002AAA"]');
    expect(voted?.querySelector('[data-id="voted"]')?.textContent).toBe('c.SSM_Ideas_Voted');
    expect(voted?.querySelector('button[data-action="vote"]')).toBeNull();
    const other = button(element, 'button[data-action="vote"][data-idea-id="a0I000000000001AAA"]');
    expect(other.getAttribute('aria-label')).toBe(
      'Vote for Log calls from the phone app in one tap'
    );
  });

  it('votes, refreshes the list and announces that the vote counted', async () => {
    voteMock.mockResolvedValue('a0J000000000001AAA');
    const element = render();
    ideasAdapter.emit(facts);
    await flush();
    button(element, 'button[data-action="vote"][data-idea-id="a0I000000000001AAA"]').click();
    await flush();
    expect(voteMock).toHaveBeenCalledWith({ ideaId: 'a0I000000000001AAA' });
    expect(refreshApex).toHaveBeenCalledTimes(1);
    expect(text(element, '[data-id="announcement"]')).toBe(
      'Counted: Log calls from the phone app in one tap'
    );
  });

  it('shows the data model’s refusal of a second vote in its own words', async () => {
    voteMock.mockRejectedValue({ body: { message: 'You have already voted for this idea.' } });
    const element = render();
    ideasAdapter.emit(facts);
    await flush();
    button(element, 'button[data-action="vote"][data-idea-id="a0I000000000001AAA"]').click();
    await flush();
    const panel = root(element).querySelector('[data-id="action-error"]') as HTMLElement & {
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('You have already voted for this idea.');
    expect(refreshApex).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('submits an idea from the form and closes it', async () => {
    submitMock.mockResolvedValue('a0I000000000009AAA');
    const element = render();
    ideasAdapter.emit(facts);
    await flush();
    const toggle = button(element, 'button[data-action="new-idea"]');
    toggle.click();
    await flush();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await expect(element).toBeAccessible();
    const field = (name: string) =>
      root(element).querySelector(`[data-form="idea"] [data-field="${name}"]`) as HTMLElement & {
        value: unknown;
      };
    field('title').value = '  Shared reference library ';
    field('area').value = 'Tools';
    field('description').value = 'One place for customer references.';
    field('hours').value = '1.5';
    root(element).querySelector('form[data-form="idea"]')?.dispatchEvent(new Event('submit'));
    await flush();
    expect(submitMock).toHaveBeenCalledWith({
      title: 'Shared reference library',
      area: 'Tools',
      description: 'One place for customer references.',
      expectedHoursSaved: 1.5
    });
    expect(root(element).querySelector('form[data-form="idea"]')).toBeNull();
    expect(text(element, '[data-id="announcement"]')).toBe('c.SSM_Ideas_Submitted');
  });

  it('keeps the form open and explains when the idea is refused', async () => {
    submitMock.mockRejectedValue({ body: { message: 'Give your idea a title.' } });
    const element = render();
    ideasAdapter.emit(facts);
    await flush();
    button(element, 'button[data-action="new-idea"]').click();
    await flush();
    root(element).querySelector('form[data-form="idea"]')?.dispatchEvent(new Event('submit'));
    await flush();
    expect(root(element).querySelector('form[data-form="idea"]')).not.toBeNull();
    const panel = root(element).querySelector('[data-id="action-error"]') as HTMLElement & {
      friendlyMessage: string;
      errors: unknown;
    };
    expect(panel.friendlyMessage).toBe('c.SSM_Ideas_Submit_Failed');
    expect(panel.errors).toEqual({ body: { message: 'Give your idea a title.' } });
  });

  it('offers no status change to sellers', async () => {
    const element = render();
    ideasAdapter.emit(facts);
    await flush();
    expect(root(element).querySelector('button[data-action="decide"]')).toBeNull();
  });

  it('lets leadership change a status with a decision note, keyboard focus returning on cancel', async () => {
    changeStatusMock.mockResolvedValue(undefined);
    const element = render();
    ideasAdapter.emit({ ...facts, canDecide: true });
    await flush();
    const decide = button(
      element,
      'button[data-action="decide"][data-idea-id="a0I000000000004AAA"]'
    );
    decide.click();
    await flush();
    expect(decide.getAttribute('aria-expanded')).toBe('true');
    await expect(element).toBeAccessible();

    const field = (name: string) =>
      root(element).querySelector(
        `[data-form="decision"] [data-field="${name}"]`
      ) as HTMLElement & {
        value: unknown;
      };
    expect(field('status').value).toBe('New');
    field('status').value = 'Accepted';
    field('note').value = 'Leadership meetings move to every other week.';
    root(element).querySelector('form[data-form="decision"]')?.dispatchEvent(new Event('submit'));
    await flush();
    expect(changeStatusMock).toHaveBeenCalledWith({
      ideaId: 'a0I000000000004AAA',
      status: 'Accepted',
      decisionNote: 'Leadership meetings move to every other week.'
    });
    expect(root(element).querySelector('form[data-form="decision"]')).toBeNull();
    expect(text(element, '[data-id="announcement"]')).toBe(
      'Fewer internal status meetings is now Accepteret'
    );

    button(element, 'button[data-action="decide"][data-idea-id="a0I000000000001AAA"]').click();
    await flush();
    (
      root(element).querySelector('[data-form="decision"] button[type="button"]') as HTMLElement
    ).click();
    await flush();
    await flush();
    expect(root(element).activeElement).toBe(
      button(element, 'button[data-action="decide"][data-idea-id="a0I000000000001AAA"]')
    );
  });

  it('invites the first idea when there is none', async () => {
    const element = render();
    ideasAdapter.emit({ ...facts, ideas: [], votedIdeaIds: [] });
    await flush();
    expect(text(element, '[data-id="empty"]')).toBe('c.SSM_Ideas_Empty');
    await expect(element).toBeAccessible();
  });
});

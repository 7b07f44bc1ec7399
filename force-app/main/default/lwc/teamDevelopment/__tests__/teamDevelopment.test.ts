import { createElement } from 'lwc';
import TeamDevelopment from 'c/teamDevelopment';
import getTeamDevelopment from '@salesforce/apex/TeamDevelopmentController.getTeamDevelopment';
import team from './data/team.json';

jest.mock(
  '@salesforce/apex/TeamDevelopmentController.getTeamDevelopment',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/label/c.SSM_Team_Dev_Share', () => ({ default: '{0} of {1} ({2})' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.SSM_Team_Dev_Cell',
  () => ({ default: 'score {0} target {1} gap {2} {3}' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.SSM_Team_Dev_Sessions_Value',
  () => ({ default: '{0} (target {1})' }),
  { virtual: true }
);

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
}

const adapter = getTeamDevelopment as unknown as TestWireAdapter;

function render(): HTMLElement {
  const element = createElement('c-team-development', { is: TeamDevelopment });
  document.body.appendChild(element);
  return element;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function cells(element: HTMLElement, selector: string): string[] {
  return [...(element.shadowRoot?.querySelectorAll(selector) ?? [])].map(
    (node) => node.textContent?.trim() ?? ''
  );
}

describe('c-team-development', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows a spinner while the team loads', async () => {
    const element = render();
    await flush();
    expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the error panel when the team cannot be loaded', async () => {
    const element = render();
    adapter.error({ message: 'no access' });
    await flush();
    const panel = element.shadowRoot?.querySelector('c-error-panel') as HTMLElement & {
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('c.SSM_Team_Dev_Load_Failed');
    await expect(element).toBeAccessible();
  });

  it('lays out the skill matrix with every gap as a number and in words', async () => {
    const element = render();
    adapter.emit(team);
    await flush();
    const jonas = element.shadowRoot?.querySelector('tr[data-seller="s1"]') as HTMLElement;
    const visible = [...jonas.querySelectorAll('td span[aria-hidden="true"]')].map(
      (s) => s.textContent
    );
    expect(visible).toEqual(['2', '-']);
    expect(jonas.querySelector('td')?.className).toContain('ssm-gap_large');
    expect(jonas.querySelector('td .slds-assistive-text')?.textContent).toBe(
      'score 2 target 4 gap 2 c.SSM_Skills_Band_Large'
    );
    expect(jonas.textContent).toContain('c.SSM_Team_Dev_Yes');
    // Discovery: (2 + 1) / 2 = 1.5; Negotiation: only Emma's 0.
    expect(cells(element, 'tr[data-id="averages"] td').slice(0, 2)).toEqual(['1.5', '0']);
    // One of two sellers is enrolled.
    expect(cells(element, '[data-id="share"]')).toEqual(['1 of 2 (50%)']);
    await expect(element).toBeAccessible();
  });

  it('heads each skill column with the skill’s label in the user’s language', async () => {
    const element = render();
    adapter.emit(team);
    await flush();
    const headers = [
      ...(element.shadowRoot?.querySelectorAll('[data-id="matrix"] thead th') ?? [])
    ].map((th) => th.textContent?.trim());
    expect(headers).toEqual([
      'c.SSM_Team_Dev_Seller',
      'Behovsafdækning',
      'Forhandling',
      'c.SSM_Team_Dev_In_Development'
    ]);
    await expect(element).toBeAccessible();
  });

  it('heads a skill without a label with its value', async () => {
    const element = render();
    adapter.emit({ ...team, picklistLabels: null });
    await flush();
    const headers = [
      ...(element.shadowRoot?.querySelectorAll('[data-id="matrix"] thead th') ?? [])
    ].map((th) => th.textContent?.trim());
    expect(headers.slice(1, 3)).toEqual(['Discovery', 'Negotiation']);
  });

  it('shows the manager’s coaching quality next to it', async () => {
    const element = render();
    adapter.emit(team);
    await flush();
    const row = cells(
      element,
      '[data-id="coaching"] tbody tr th, [data-id="coaching"] tbody tr td'
    );
    // 2 sessions / 2 sellers / 3 months (Aug 19 - Nov 16) ≈ 0.3; Jonas coached in the last 30
    // days (50 %); ratings 4 and 2 average 3; the one follow-up due was completed (100 %).
    expect(row[0]).toBe('Mikkel Dahl');
    expect(row[1]).toMatch(/^0\.3 \(target 1\.5\)$/);
    expect(row.slice(2)).toEqual(['50%', '3', '100%']);
  });

  it('says so when nobody reports to the manager', async () => {
    const element = render();
    adapter.emit({ ...team, team: [team.team[0]], coachingSessions: [] });
    await flush();
    expect(cells(element, '[data-id="empty"]')).toEqual(['c.SSM_Team_Dev_Empty']);
    await expect(element).toBeAccessible();
  });
});

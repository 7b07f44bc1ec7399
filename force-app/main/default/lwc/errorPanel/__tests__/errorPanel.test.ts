import { createElement } from 'lwc';
import ErrorPanel from 'c/errorPanel';

type ErrorPanelElement = HTMLElement & { errors: unknown; friendlyMessage: string };

function render(props: Partial<Pick<ErrorPanelElement, 'errors' | 'friendlyMessage'>>) {
  const element = createElement('c-error-panel', { is: ErrorPanel }) as ErrorPanelElement;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

function toggle(element: ErrorPanelElement): HTMLButtonElement {
  return element.shadowRoot!.querySelector('button') as HTMLButtonElement;
}

describe('c-error-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('renders nothing when there is no error', () => {
    const element = render({ errors: null });
    expect(element.shadowRoot!.querySelector('[role="alert"]')).toBeNull();
  });

  it('announces the friendly message as an alert with an icon that has a text alternative', () => {
    const element = render({
      errors: { body: { message: 'Insufficient access' } },
      friendlyMessage: 'The pipeline could not be loaded.'
    });
    const alert = element.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.querySelector('h2')!.textContent).toBe('The pipeline could not be loaded.');
    const icon = alert.querySelector('lightning-icon') as HTMLElement & { alternativeText: string };
    expect(icon.alternativeText).toBe('c.SSM_Error_Icon');
  });

  it('uses the default title when no friendly message is given', () => {
    const element = render({ errors: 'Offline' });
    expect(element.shadowRoot!.querySelector('h2')!.textContent).toBe('c.SSM_Error_Title');
  });

  it('shows and hides the messages from the keyboard-reachable toggle', async () => {
    const element = render({
      errors: [{ body: { pageErrors: [{ message: 'Locked' }] } }, new Error('Timeout')]
    });
    const button = toggle(element);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(element.shadowRoot!.querySelector('ul')).toBeNull();

    button.click();
    await Promise.resolve();

    const items = [...element.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['Locked', 'Timeout']);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe(
      element.shadowRoot!.querySelector('ul')!.getAttribute('id')
    );
    expect(button.textContent!.trim()).toBe('c.SSM_Error_Hide_Details');

    button.click();
    await Promise.resolve();
    expect(element.shadowRoot!.querySelector('ul')).toBeNull();
  });

  it('is accessible with the details open', async () => {
    const element = render({ errors: { body: [{ message: 'Field is read-only' }] } });
    toggle(element).click();
    await Promise.resolve();
    await expect(element).toBeAccessible();
  });
});

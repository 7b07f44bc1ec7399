import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'lwc';
import StrategyPublishAction from 'c/strategyPublishAction';
import publish from '@salesforce/apex/StrategyController.publish';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';

jest.mock('@salesforce/apex/StrategyController.publish', () => ({ default: jest.fn() }), {
  virtual: true
});

const publishMock = publish as unknown as jest.Mock;

function render(): HTMLElement & { invoke(): Promise<void> } {
  const element = createElement('c-strategy-publish-action', { is: StrategyPublishAction });
  Object.assign(element, { recordId: 'a00000000000003AAA' });
  document.body.appendChild(element);
  return element as unknown as HTMLElement & { invoke(): Promise<void> };
}

describe('c-strategy-publish-action', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('publishes the version, confirms it and refreshes the record', async () => {
    publishMock.mockResolvedValue({ Id: 'a00000000000003AAA', Name: 'Sales Strategy 2027 H1' });
    const element = render();
    const toasts: CustomEvent[] = [];
    element.addEventListener('lightning__showtoast', (event) => toasts.push(event as CustomEvent));

    await element.invoke();

    expect(publishMock).toHaveBeenCalledWith({ versionId: 'a00000000000003AAA' });
    expect(toasts[0].detail.variant).toBe('success');
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: 'a00000000000003AAA' }]);
    await expect(element).toBeAccessible();
  });

  it('shows every reason a version cannot be published', async () => {
    publishMock.mockRejectedValue({
      body: { message: 'Draft cannot be published until these fields are filled in: Win rate.' }
    });
    const element = render();
    const toasts: CustomEvent[] = [];
    element.addEventListener('lightning__showtoast', (event) => toasts.push(event as CustomEvent));

    await element.invoke();

    expect(toasts[0].detail).toMatchObject({
      title: 'c.SSM_Strategy_Publish_Failed',
      message: 'Draft cannot be published until these fields are filled in: Win rate.',
      variant: 'error'
    });
    await expect(element).toBeAccessible();
  });

  // "Create an empty template for your Lightning web component" (LWC Developer Guide, Create
  // Headless Quick Actions: https://developer.salesforce.com/docs/platform/lwc/guide/use-quick-actions-headless.html).
  it('ships the empty template a headless quick action needs, and nothing in it', () => {
    const bundle = join(__dirname, '..');
    const meta = readFileSync(join(bundle, 'strategyPublishAction.js-meta.xml'), 'utf8');
    expect(meta).toContain('<actionType>Action</actionType>');

    const template = readFileSync(join(bundle, 'strategyPublishAction.html'), 'utf8');

    expect(template.trim()).toBe('<template></template>');
  });
});

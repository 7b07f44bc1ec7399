import { createElement } from 'lwc';
import AccountPlan from 'c/accountPlan';
import getPlanFacts from '@salesforce/apex/AccountPlanController.getPlanFacts';
import facts from './data/planFacts.json';

// The user's currency as Lightning's i18n module gives it: it follows the locale, so in a
// multi-currency org it need not be the currency Apex converted the amounts into.
jest.mock('@salesforce/i18n/currency', () => ({ default: 'DKK' }), { virtual: true });
// A label with its placeholders, so that the amounts it carries can be read.
jest.mock('@salesforce/label/c.SSM_Plan_Untapped', () => ({ default: '{0} of {1} untapped' }), {
  virtual: true
});
jest.mock(
  '@salesforce/apex/AccountPlanController.getPlanFacts',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/RecordGuidanceController.getGuidance',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/AccountPlanController.createPlan', () => ({ default: jest.fn() }), {
  virtual: true
});

interface TestWireAdapter {
  emit(value: unknown): void;
}

const factsAdapter = getPlanFacts as unknown as TestWireAdapter;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function untapped(currencyIsoCode: string | null): Promise<{
  element: HTMLElement;
  text: string;
}> {
  const element = createElement('c-account-plan', { is: AccountPlan });
  Object.assign(element, { recordId: '001000000000001AAA', objectApiName: 'Account' });
  document.body.appendChild(element);
  factsAdapter.emit({ ...facts, currencyIsoCode });
  await flush();
  const text = element.shadowRoot!.querySelector('[data-id="untapped"]')?.textContent?.trim() ?? '';
  return { element, text };
}

describe('c-account-plan in the currency the facts state', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows the untapped wallet in EUR when the facts state EUR and the user’s i18n currency is DKK', async () => {
    // A wallet of 1,000,000 of which 300,000 was won in the period.
    const { element, text } = await untapped('EUR');
    expect(text).toBe('€700,000 of €1,000,000 untapped');
    await expect(element).toBeAccessible();
  });

  it('falls back to the user’s currency when the facts state none', async () => {
    const { text } = await untapped(null);
    expect(text).toBe('DKK\u00a0700,000 of DKK\u00a01,000,000 untapped');
  });
});

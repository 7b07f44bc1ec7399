/**
 * Renders the overview with one account's lifetime value set and returns the cells of that
 * account's segment row, for the tests that pin how a user's locale writes them. Each test file
 * mocks `@salesforce/i18n/*` (the user) and the Apex wire before it calls this.
 */
import { createElement } from 'lwc';
import SegmentOverview from 'c/segmentOverview';
import getOverview from '@salesforce/apex/SegmentOverviewController.getOverview';
import overview from './data/overview.json';

interface TestWireAdapter {
  emit(value: unknown): void;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

export function removeRendered(): void {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
}

export async function segmentRowCells(lifetimeValue: number): Promise<string[]> {
  const element = createElement('c-segment-overview', { is: SegmentOverview });
  document.body.appendChild(element);
  (getOverview as unknown as TestWireAdapter).emit({
    ...overview,
    accounts: overview.accounts.map((account) =>
      account.Id === '001A' ? { ...account, Customer_Lifetime_Value__c: lifetimeValue } : account
    )
  });
  await flush();
  return [...element.shadowRoot!.querySelectorAll('tr[data-row="a02S1"] > *')].map(
    (cell) => cell.textContent?.trim() ?? ''
  );
}

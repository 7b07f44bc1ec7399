/**
 * Related list pages: a guidance issue the card cannot fix inline (no contact roles) links to
 * the record's related list, as Lightning's does; the seller adds a contact role there, and back
 * on the record the rule is no longer flagged (the OpportunityContactRole trigger recounts the
 * deal's contact roles and recalculates its guidance).
 */
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import type { OrgRecord } from '../../org/embeddedOrg';
import type { RunningWorkbench } from '../workbench';
import type { AllowedErrors } from '../browserRun';
import {
  actAs,
  AssertionError,
  expect,
  sampleUser,
  scoreOf,
  TIMEOUT_MS,
  type BrowserSuite
} from './harness';
import { SCREENSHOTS_DIR } from '../paths';

/** The rule that flags an open, qualified deal without contact roles (Sales_Rule.Opp_Contact_Role). */
const CONTACT_ROLE_RULE = 'Opp_Contact_Role';
const RELATIONSHIP = 'OpportunityContactRoles';
const SELLER = 'seller1';

/**
 * An open deal of the seller the rule flags, from the sample data: no contact role counted,
 * probability at least 20%, not closed; and a contact of its account the seller can see.
 */
function dealWithoutContactRoles(running: RunningWorkbench): {
  deal: OrgRecord;
  contact: OrgRecord;
} {
  const { workbench } = running;
  const seller = sampleUser(workbench, SELLER);
  const contacts = workbench
    .records('Contact')
    .filter((contact) => workbench.canSee(seller.id, contact.Id));
  for (const deal of workbench.records('Opportunity')) {
    const flagged =
      deal.OwnerId === seller.id &&
      deal.IsClosed !== true &&
      Number(deal.Probability ?? 0) >= 20 &&
      Number(deal.Contact_Role_Count__c ?? 0) === 0;
    const contact = contacts.find((candidate) => candidate.AccountId === deal.AccountId);
    if (flagged && contact) return { deal, contact };
  }
  throw new AssertionError(`the sample gives ${SELLER} no open deal without contact roles`);
}

/** Picks a value in a lightning-combobox as a user does: opens it and clicks the option. */
async function choose(combobox: Locator, value: string): Promise<void> {
  await combobox.locator('button[role="combobox"]').click({ timeout: TIMEOUT_MS });
  await combobox
    .locator(`lightning-base-combobox-item[data-value="${value}"]`)
    .click({ timeout: TIMEOUT_MS });
}

const suite: BrowserSuite = {
  'the contact-role guidance opens the related list, where a new contact role clears the rule':
    async (context) => {
      const { page, running } = context;
      const { workbench } = running;
      await actAs(context, SELLER);
      const { deal, contact } = dealWithoutContactRoles(running);
      const contactName = `${String(contact.FirstName)} ${String(contact.LastName)}`;

      await page.goto(`${running.url}#/Opportunity/${deal.Id}`);
      await page.reload();
      const before = await scoreOf(page);
      await page
        .locator(`button[data-list-rule="${CONTACT_ROLE_RULE}"]`)
        .click({ timeout: TIMEOUT_MS });

      const route = `#/Opportunity/${deal.Id}/related/${RELATIONSHIP}`;
      await page.waitForURL((url) => url.hash === route, { timeout: TIMEOUT_MS });
      const list = page.locator('wb-related-list');
      await list
        .locator('[data-id="breadcrumb-record"]', { hasText: String(deal.Name) })
        .waitFor({ timeout: TIMEOUT_MS });
      const count = list.locator('[data-id="list-count"]');
      expect(
        (await count.textContent({ timeout: TIMEOUT_MS }))?.trim() === '(0)',
        `the list counts ${await count.textContent()} contact roles, the deal has none`
      );
      const table = list.locator('table[data-id="related-table"]');
      expect(
        !!(await table.getAttribute('aria-label', { timeout: TIMEOUT_MS })),
        'the related list table has no accessible name'
      );

      await list.locator('lightning-button[data-id="new"] button').click({ timeout: TIMEOUT_MS });
      const form = list.locator('[data-id="new-form"]');
      await choose(form.locator('lightning-combobox[data-new-field="ContactId"]'), contact.Id);
      await choose(form.locator('lightning-combobox[data-new-field="Role"]'), 'Decision Maker');
      // The checkbox as a user ticks it: through its label (SLDS draws the box over the input).
      const primary = form.locator('lightning-input[data-new-field="IsPrimary"]');
      await primary.locator('label').click({ timeout: TIMEOUT_MS });
      expect(await primary.locator('input').isChecked(), 'ticking Primary left it unticked');
      await form.locator('lightning-button[data-id="save"] button').click({ timeout: TIMEOUT_MS });

      await list
        .locator('td[data-column="ContactId"]', { hasText: contactName })
        .waitFor({ timeout: TIMEOUT_MS });
      await list.locator('[data-id="list-count"]', { hasText: '(1)' }).waitFor({
        timeout: TIMEOUT_MS
      });
      const role = await list.locator('td[data-column="Role"]').first().textContent();
      expect(role?.trim() === 'Decision Maker', `the new row's role reads "${role}"`);
      await page.locator('[data-id="toast"]', { hasText: 'saved' }).waitFor({
        timeout: TIMEOUT_MS
      });
      await page.screenshot({
        path: join(SCREENSHOTS_DIR, 'related-list-contact-roles.png')
      });

      await list.locator('[data-id="breadcrumb-record"]').click({ timeout: TIMEOUT_MS });
      await page.waitForURL((url) => url.hash === `#/Opportunity/${deal.Id}`, {
        timeout: TIMEOUT_MS
      });
      await page
        .locator('[data-id="record-name"]', { hasText: String(deal.Name) })
        .waitFor({ timeout: TIMEOUT_MS });
      const after = await scoreOf(page);
      const openList = page.locator(`button[data-list-rule="${CONTACT_ROLE_RULE}"]`);
      expect(
        (await openList.count()) === 0,
        'the guidance card still flags the missing contact role'
      );
      expect(after > before, `the score went from ${before} to ${after}, not up`);
      const saved = workbench.byId(deal.Id);
      expect(
        saved?.Contact_Role_Count__c === 1 &&
          !String(saved.Data_Quality_Issues__c ?? '').includes(CONTACT_ROLE_RULE),
        `the deal stores ${String(saved?.Contact_Role_Count__c)} contact roles and the issues ` +
          `"${String(saved?.Data_Quality_Issues__c)}"`
      );
    },

  'a related list of a deal the seller cannot see says so, and offers no New button': async (
    context
  ) => {
    const { page, running } = context;
    const { workbench } = running;
    await actAs(context, SELLER);
    const seller = sampleUser(workbench, SELLER);
    const hidden = workbench
      .records('Opportunity')
      .find((deal) => !workbench.canSee(seller.id, deal.Id));
    if (!hidden) throw new AssertionError(`${SELLER} sees every deal of the sample`);
    await page.goto(`${running.url}#/Opportunity/${hidden.Id}/related/${RELATIONSHIP}`);
    await page.reload();
    const list = page.locator('wb-related-list');
    await list.locator('c-error-panel').waitFor({ timeout: TIMEOUT_MS });
    expect(
      (await list.locator('lightning-button[data-id="new"]').count()) === 0,
      'the list of a hidden deal offers New'
    );
    expect(
      (await list.locator('tr[data-row]').count()) === 0,
      'the list of a hidden deal shows rows'
    );
  }
};

/** The page asks for the list and is refused (404), as the org refuses a record one cannot see. */
export const allowedErrors: AllowedErrors = {
  'a related list of a deal the seller cannot see says so, and offers no New button': [
    'the server responded with a status of 404'
  ]
};

export default suite;

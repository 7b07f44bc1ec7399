/**
 * The inbox: the weekly digest the director sends from the Admin page reaches each seller as
 * their own email, shown in a sandboxed frame the server answers only to its recipient.
 */
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { SCREENSHOTS_DIR } from '../paths';
import type { WorkbenchOrg, WorkbenchUser } from '../server/workbenchOrg';
import { actAs, expect, sampleUser, TIMEOUT_MS, type BrowserSuite } from './harness';

/** The digest's subject in English, the language the suites' users read. */
const DIGEST_SUBJECT = 'Your weekly sales digest from Strategic Sales Management';

/** The names of the user's open deals. */
function openDealNames(workbench: WorkbenchOrg, user: WorkbenchUser): string[] {
  return workbench
    .records('Opportunity')
    .filter((deal) => deal.OwnerId === user.id && deal.IsClosed !== true)
    .map((deal) => String(deal.Name));
}

/** Opens the inbox from the header's link with the keyboard, as a user tabbing to it would. */
async function openInbox(page: Page, url: string): Promise<FrameLocator> {
  await page.goto(`${url}#/home`);
  await page.reload();
  const link = page.locator('[data-id="inbox-link"]');
  await link.focus({ timeout: TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('wb-inbox-page [data-id="email"]').first().waitFor({ timeout: TIMEOUT_MS });
  return page.frameLocator('wb-inbox-page [data-id="email-frame"]');
}

async function frameText(frame: FrameLocator): Promise<string> {
  const body = frame.locator('body');
  await body.waitFor({ timeout: TIMEOUT_MS });
  return (await body.textContent({ timeout: TIMEOUT_MS })) ?? '';
}

const suite: BrowserSuite = {
  'a seller reads their own weekly digest in the inbox, another seller theirs': async (context) => {
    const { page, running } = context;
    const workbench = running.workbench;
    const seller = sampleUser(workbench, 'seller1');
    const other = sampleUser(workbench, 'seller2');
    expect(
      workbench
        .records('Opportunity')
        .some((deal) => deal.OwnerId === seller.id && deal.Data_Quality_Issues__c),
      'seller1 has open data-quality findings'
    );

    await actAs(context, 'director');
    await page.goto(`${running.url}#/admin`);
    await page.reload();
    await page
      .locator('wb-admin-page lightning-button[data-job="weeklyDigest"] button')
      .click({ timeout: TIMEOUT_MS });
    const status = await page
      .locator('[data-id="job-status"]', { hasText: /completed|failed/ })
      .textContent({ timeout: TIMEOUT_MS });
    expect(
      status?.trim() === 'Send the weekly digest email (weekly): completed.',
      `the Admin page reports "${status}"`
    );

    await actAs(context, seller.key);
    let frame = await openInbox(page, running.url);
    expect(page.url().endsWith('#/inbox'), `the inbox link opened ${page.url()}`);
    const items = page.locator('wb-inbox-page [data-id="email"]');
    expect((await items.count()) === 1, `seller1's inbox lists ${await items.count()} emails`);
    const item = (await items.first().textContent()) ?? '';
    expect(item.includes(DIGEST_SUBJECT), `the inbox lists "${item}"`);
    expect(item.includes('Shown'), `the shown email is marked in words: "${item}"`);
    const sandbox = await page
      .locator('wb-inbox-page [data-id="email-frame"]')
      .getAttribute('sandbox', { timeout: TIMEOUT_MS });
    expect(sandbox === '', `the email's frame has sandbox="${sandbox}", not a bare sandbox`);
    const sellerText = await frameText(frame);
    const ownDeals = openDealNames(workbench, seller).filter((name) => sellerText.includes(name));
    expect(sellerText.includes('Jonas,'), `the digest greets Jonas: ${sellerText}`);
    expect(sellerText.includes('Deals at risk'), `the digest has deals at risk: ${sellerText}`);
    expect(ownDeals.length > 0, `the digest names none of seller1's deals: ${sellerText}`);
    expect(
      sellerText.includes('No weekly digest'),
      `the digest has the opt-out footer: ${sellerText}`
    );
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'inbox-weekly-digest.png') });
    const sellerEmail = workbench.emailsFor(seller.id)[0];

    await actAs(context, other.key);
    frame = await openInbox(page, running.url);
    const otherText = await frameText(frame);
    expect(otherText.includes('Emma,'), `seller2's digest greets Emma: ${otherText}`);
    expect(!otherText.includes('Jonas,'), `seller2 reads seller1's digest: ${otherText}`);
    const othersDeals = openDealNames(workbench, other).filter((name) => otherText.includes(name));
    const sellersOnly = ownDeals.filter((name) => !openDealNames(workbench, other).includes(name));
    expect(othersDeals.length > 0, `seller2's digest names none of their deals: ${otherText}`);
    expect(
      sellersOnly.every((name) => !otherText.includes(name)),
      `seller2's digest names seller1's deals: ${otherText}`
    );
    // seller1's email is not there for seller2, even by its address.
    const refused = await page.request.get(
      `${running.url}api/emails/${encodeURIComponent(sellerEmail.id)}/document`
    );
    expect(refused.status() === 404, `seller1's email answered seller2 ${refused.status()}`);
  }
};

export default suite;

/**
 * Leadership sign-off of a strategy version in the browser: the director saves a version In
 * Review (the save runs the package's trigger, which names the leadership group: every sample
 * user holding SSM_Leadership, through the Sales Leadership group), approves it on the Strategy
 * Version page, and is refused Publish in words that name the member who has not approved; the
 * CMO reads what changed and approves; the director publishes.
 */
import { join } from 'node:path';
import { SCREENSHOTS_DIR } from '../paths';
import {
  actAs,
  AssertionError,
  expect,
  sampleUser,
  TIMEOUT_MS,
  type BrowserSuite
} from './harness';
import type { AllowedErrors } from '../browserRun';
import type { Page } from 'playwright-core';

const CARD = 'c-strategy-sign-off';
const DIRECTOR = 'director';
const CMO = 'cmo';
const SCREENSHOT = join(SCREENSHOTS_DIR, 'strategy-sign-off-card.png');
const WHAT_CHANGED = 'Partner sales joins the go-to-market model of every segment.';

/** A version with every field Publish requires, In Review: what leadership signs off. */
function versionInReview(): Record<string, unknown> {
  return {
    Name: 'Sales Strategy 2027 H1',
    Status__c: 'In Review',
    Version_Number__c: 4,
    Effective_From__c: '2027-01-01',
    Governance_Model__c:
      '<p>Leadership owns the strategy with marketing, services and partners.</p>',
    Segmentation__c: '<p>Segments by value potential.</p>',
    Sales_Process__c: '<p>Lead to lifetime value.</p>',
    Customer_Interaction_Model__c: '<p>Understand the customer business first.</p>',
    Compensation_Principles__c: '<p>Team-focused.</p>',
    Coaching_Model__c: '<p>Monthly coaching per seller.</p>',
    Development_Programme__c: '<p>Value selling for every seller.</p>',
    What_Changed__c: `<p>${WHAT_CHANGED}</p>`,
    Target_Pipeline_Coverage__c: 3,
    Target_Win_Rate__c: 30,
    Target_Data_Quality_Score__c: 85,
    Target_Time_With_Customers__c: 40,
    Target_Coaching_Sessions__c: 1.5,
    Target_Forecast_Accuracy__c: 85,
    Target_Team_Variable_Share__c: 40,
    Target_Strategic_KPI_Share__c: 25
  };
}

async function openVersion(page: Page, url: string, versionId: string): Promise<void> {
  await page.goto(`${url}#/Strategy_Version__c/${versionId}`);
  await page.reload();
  await page.locator(`${CARD} [data-id="members"]`).waitFor({ timeout: TIMEOUT_MS });
}

/** The decision the card shows for a member, in words. */
async function decisionOf(page: Page, signOffId: string): Promise<string> {
  const cell = page.locator(`${CARD} tr[data-member="${signOffId}"] [data-id="decision"]`);
  return ((await cell.textContent({ timeout: TIMEOUT_MS })) ?? '').trim();
}

async function approve(page: Page, signOffId: string): Promise<void> {
  // By keyboard: the button is reached and pressed as a keyboard user does.
  await page.locator(`${CARD} [data-id="approve"]`).focus({ timeout: TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page
    .locator(`${CARD} tr[data-member="${signOffId}"][data-decision="Approved"]`)
    .waitFor({ timeout: TIMEOUT_MS });
}

async function publish(page: Page): Promise<string> {
  await page.locator('button[data-action="strategyPublishAction"]').click({ timeout: TIMEOUT_MS });
  const toast = page.locator('[data-id="toast"]');
  await toast.waitFor({ timeout: TIMEOUT_MS });
  return ((await toast.innerText()) ?? '').replace(/\s+/g, ' ').trim();
}

const suite: BrowserSuite = {
  'leadership signs off a version together: publish waits for the CMO, then the director publishes':
    async (context) => {
      const { page, running } = context;
      const { workbench } = running;
      const director = sampleUser(workbench, DIRECTOR);
      const cmo = sampleUser(workbench, CMO);
      const version = workbench.createRecord(director.id, 'Strategy_Version__c', versionInReview());
      const versionId = String(version.Id);
      const rows = workbench
        .records('Strategy_Sign_Off__c')
        .filter((row) => row.Strategy_Version__c === versionId);
      const rowOf = (userId: string): string => {
        const row = rows.find((candidate) => candidate.Signatory__c === userId);
        if (!row) throw new AssertionError(`the leadership group does not name ${userId}`);
        return String(row.Id);
      };
      const directorRow = rowOf(director.id);
      const cmoRow = rowOf(cmo.id);
      expect(
        rows.length === 2,
        `the group names ${rows.length} members, not the director and the CMO`
      );

      await actAs(context, DIRECTOR);
      try {
        await openVersion(page, running.url, versionId);
        expect((await decisionOf(page, cmoRow)) === 'Pending', 'the CMO does not start Pending');
        const cmoRole = await page
          .locator(`${CARD} tr[data-member="${cmoRow}"] [data-id="role"]`)
          .textContent();
        expect(cmoRole?.trim() === 'Chief Marketing Officer', `the CMO's role reads "${cmoRole}"`);
        await approve(page, directorRow);
        expect((await decisionOf(page, directorRow)) === 'Approved', 'the director approved');

        const refusal = await publish(page);
        const waiting = `Waiting for: ${cmo.name} (Chief Marketing Officer).`;
        expect(refusal.includes(waiting), `Publish was not refused naming the CMO: "${refusal}"`);
        expect(
          !refusal.includes(director.name),
          `the refusal names the director, who approved: "${refusal}"`
        );
        expect(
          workbench.byId(versionId)?.Status__c === 'In Review',
          'the refused version did not stay In Review'
        );

        await actAs(context, CMO);
        await openVersion(page, running.url, versionId);
        const changed = await page
          .locator(`${CARD} [data-id="what-changed"]`)
          .innerText({ timeout: TIMEOUT_MS });
        expect(changed.includes(WHAT_CHANGED), `the CMO does not read what changed: "${changed}"`);
        await page.locator(CARD).screenshot({ path: SCREENSHOT });
        await approve(page, cmoRow);
        const when = await page
          .locator(`${CARD} tr[data-member="${cmoRow}"] [data-id="when"]`)
          .textContent();
        expect(/\d/.test(when ?? ''), `the CMO's approval shows no time: "${when}"`);
        expect(
          (await page.locator(`${CARD} [data-id="summary"]`).textContent())?.trim() ===
            'Every member has approved: the version can be published.',
          'the card does not say every member approved'
        );

        await actAs(context, DIRECTOR);
        await openVersion(page, running.url, versionId);
        const published = await publish(page);
        expect(
          /published/i.test(published) && !/waiting/i.test(published),
          `Publish did not succeed: "${published}"`
        );
        // The card follows the version: once published, nobody decides any more.
        await page
          .locator(`${CARD} [data-id="decide"]`)
          .waitFor({ state: 'detached', timeout: TIMEOUT_MS });
        const saved = workbench.byId(versionId);
        expect(saved?.Status__c === 'Published', `the version is ${String(saved?.Status__c)}`);
        expect(saved?.Published_By__c === director.id, 'the director is not stamped as publisher');
        const kept = workbench
          .records('Strategy_Sign_Off__c')
          .filter((row) => row.Strategy_Version__c === versionId);
        expect(
          kept.length === 2 &&
            kept.every((row) => row.Decision__c === 'Approved' && !!row.Decided_At__c),
          'the published version does not keep who signed off and when'
        );
      } finally {
        await actAs(context, 'seller1');
      }
    }
};

/** The refused Publish is the point of the test: the refusal reaches the page as a failed request. */
export const allowedErrors: AllowedErrors = {
  'leadership signs off a version together: publish waits for the CMO, then the director publishes':
    ['the server responded with a status of 500']
};

export default suite;

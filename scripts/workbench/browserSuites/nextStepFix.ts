/**
 * The seller's everyday fix on the Opportunity page, shared by the desktop and the phone-width
 * suites: find a deal the default seller sees whose Next Step gap the record guidance nudges,
 * open it, fix the gap through the nudge's form and see the score go up.
 */
import { actingUserOf } from '../server/api';
import type { RunningWorkbench } from '../workbench';
import { AssertionError, expect, scoreOf, TIMEOUT_MS, type TestContext } from './harness';

/** The Next Step rule: its only fix field is NextStep (Sales_Rule.Opp_Next_Step). */
export const NEXT_STEP_RULE = 'Opp_Next_Step';

/** The rules a record fails, as the trigger and the nightly batch stored them: one per line. */
export function storedIssues(record: Record<string, unknown>): string[] {
  return String(record.Data_Quality_Issues__c ?? '')
    .split(/\r?\n/)
    .filter(Boolean);
}

/** The opportunities the default seller (the workbench's first user) may see. */
export function sellersOpportunities(running: RunningWorkbench) {
  const { workbench } = running;
  const acting = actingUserOf(workbench, undefined);
  return workbench
    .records('Opportunity')
    .filter((record) => workbench.canSee(acting.id, record.Id));
}

/** An opportunity the default seller sees whose Next Step gap the nudge can fix, among others. */
export function opportunityWithNextStepGap(running: RunningWorkbench): string {
  const record = sellersOpportunities(running).find((candidate) => {
    const issues = storedIssues(candidate);
    return issues.includes(NEXT_STEP_RULE) && issues.length > 1;
  });
  if (!record) {
    throw new AssertionError('the sample org has no visible opportunity with a Next Step gap');
  }
  return record.Id;
}

/**
 * Opens the deal, fixes its Next Step through the nudge and waits for Lightning's toast.
 * @returns the score before and after the save
 */
export async function fixNextStepThroughTheNudge(
  context: TestContext,
  id: string,
  nextStep: string
): Promise<{ before: number; after: number }> {
  const { page, running } = context;
  await page.goto(`${running.url}#/Opportunity/${id}`);
  // A hash change alone keeps the previous record's card on screen until the new one loads.
  await page.reload();
  await page.locator('[data-id="app-name"]').waitFor({ timeout: TIMEOUT_MS });
  const before = await scoreOf(page);
  await page.locator(`button[data-rule="${NEXT_STEP_RULE}"]`).click({ timeout: TIMEOUT_MS });
  const input = page.locator('c-guidance-fix-form lightning-input[data-field="NextStep"] input');
  await input.fill(nextStep, { timeout: TIMEOUT_MS });
  await page
    .locator('c-guidance-fix-form lightning-button button', { hasText: 'Save' })
    .click({ timeout: TIMEOUT_MS });
  await page
    .locator(`button[data-rule="${NEXT_STEP_RULE}"]`)
    .waitFor({ state: 'detached', timeout: TIMEOUT_MS });
  // Lightning confirms the save with a toast naming the record.
  await page
    .locator('[data-id="toast"]', { hasText: 'was saved' })
    .waitFor({ timeout: TIMEOUT_MS });
  const after = await scoreOf(page);
  expect(after > before, `the score went from ${before} to ${after}, not up`);
  return { before, after };
}

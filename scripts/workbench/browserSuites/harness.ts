/**
 * What every browser suite shares: the test context, bounded waits, assertions and acting as a
 * sample user. A suite is a `*.suite.ts` file in this folder whose default export maps test
 * names to tests; browserTests.ts runs every suite against one workbench and one browser.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { actingUserOf } from '../server/api';
import type { WorkbenchOrg, WorkbenchUser } from '../server/workbenchOrg';
import type { RunningWorkbench } from '../workbench';

/** Upper bound of any one wait in the page; every wait is bounded. */
export const TIMEOUT_MS = 30_000;

export interface TestContext {
  running: RunningWorkbench;
  browser: BrowserContext;
  page: Page;
}

export class AssertionError extends Error {}

export function expect(condition: boolean, message: string): void {
  if (!condition) throw new AssertionError(message);
}

export async function actAs(context: TestContext, userKey: string): Promise<void> {
  const response = await context.page.request.post(`${context.running.url}api/session`, {
    data: { userKey }
  });
  expect(response.ok(), `switching to ${userKey} answered ${response.status()}`);
}

/**
 * The sample organisation works in Danish. The suites read the page's English text, so before a
 * suite every sample user sets English as their language and locale (as a user can under
 * personal settings); a suite that exports `keepsSampleLanguages = true` keeps the sample's own.
 */
export function readInEnglish(workbench: WorkbenchOrg): void {
  for (const user of workbench.users) {
    workbench.setLanguage(user.id, { language: 'en_US', locale: 'en_US' });
  }
}

/** A day ('2026-11-16') as the suites' en-US reader sees it on a page: "Nov 16, 2026". */
export function readerDate(day: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`)
  );
}

/** The sample user with this key (`seller1`, `manager1`, `director`...). */
export function sampleUser(workbench: WorkbenchOrg, key: string): WorkbenchUser {
  const found = actingUserOf(workbench, key);
  expect(found.key === key, `no sample user ${key}`);
  return found;
}

/**
 * What the package's `@AuraEnabled` method answers the user, run by the workbench's Apex
 * runtime as the page's component would call it; a refused call fails the test.
 */
export function apexAnswer<T>(
  workbench: WorkbenchOrg,
  userKey: string,
  method: string,
  params: Record<string, unknown> = {}
): T {
  const [className, methodName] = method.split('.');
  const response = workbench.callApex(
    sampleUser(workbench, userKey).id,
    className,
    methodName,
    params
  );
  if (!response.ok) throw new AssertionError(`${method} refused: ${response.message}`);
  return response.value as T;
}

export async function scoreOf(page: Page): Promise<number> {
  const text = await page.locator('[data-id="score"]').first().textContent({ timeout: TIMEOUT_MS });
  const match = /(\d+)/.exec(text ?? '');
  expect(!!match, `no score in "${text}"`);
  return Number(match?.[1]);
}

export type BrowserTest = (context: TestContext) => Promise<void>;
export type BrowserSuite = Readonly<Record<string, BrowserTest>>;

/** True when the element's box lies inside the container's visible box. */
export async function insideOf(element: Locator, container: Locator): Promise<boolean> {
  const [box, frame] = await Promise.all([element.boundingBox(), container.boundingBox()]);
  return (
    !!box &&
    !!frame &&
    box.x >= frame.x - 1 &&
    box.x + box.width <= frame.x + frame.width + 1 &&
    box.width > 0
  );
}

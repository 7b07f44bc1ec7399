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

/** A language a user can set under personal settings, with the locale that goes with it. */
export const LANGUAGES = {
  english: { language: 'en_US', locale: 'en_US' },
  danish: { language: 'da', locale: 'da_DK' }
} as const;

/**
 * Acts as the sample user, reading the workbench in `language`. The sample organisation works in
 * Danish; the suites that read the page's English text have the user set English under their
 * personal settings first (as a user can), and the Danish suite keeps Danish.
 */
export async function actAs(
  context: TestContext,
  userKey: string,
  language: (typeof LANGUAGES)[keyof typeof LANGUAGES] = LANGUAGES.english
): Promise<void> {
  const session = await context.page.request.post(`${context.running.url}api/session`, {
    data: { userKey }
  });
  expect(session.ok(), `switching to ${userKey} answered ${session.status()}`);
  const settings = await context.page.request.post(`${context.running.url}api/me/language`, {
    data: language
  });
  expect(settings.ok(), `setting ${userKey}'s language answered ${settings.status()}`);
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

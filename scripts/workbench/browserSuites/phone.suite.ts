/**
 * The workbench at phone width (390 px, an iPhone's viewport), as the Salesforce mobile app shows
 * the app's record pages assigned for phones (CustomApplication actionOverrides, formFactor
 * Small): the page fits the screen without scrolling sideways, and a seller fixes a gap there.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS_DIR } from '../paths';
import { expect, TIMEOUT_MS, type BrowserSuite } from './harness';
import { fixNextStepThroughTheNudge, opportunityWithNextStepGap } from './nextStepFix';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1400, height: 1000 };

/** How far the page reaches past the right edge of the screen, in CSS pixels. */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * The innermost elements that reach past the right edge of the screen, to say what to fix. A
 * script text, not a function: tsx would wrap a nested function in a helper the page lacks.
 */
const WIDEST_SCRIPT = `(() => {
  const found = [];
  const past = (element) => element.getBoundingClientRect().right > window.innerWidth + 1;
  const visit = (element) => {
    const inner = [...element.children, ...(element.shadowRoot ? element.shadowRoot.children : [])].filter(past);
    if (inner.length === 0) {
      found.push(element.tagName.toLowerCase() + '.' + [...element.classList].join('.') + ' (' + Math.round(element.getBoundingClientRect().right) + ' px)');
    } else {
      inner.forEach(visit);
    }
  };
  if (past(document.body)) visit(document.body);
  return found.slice(0, 8).join(', ');
})()`;

async function widest(page: Page): Promise<string> {
  return page.evaluate<string>(WIDEST_SCRIPT);
}

const suite: BrowserSuite = {
  'at phone width the Opportunity page fits the screen, and a seller fixes a gap there': async (
    context
  ) => {
    const { page, running } = context;
    await page.setViewportSize(PHONE);
    try {
      const id = opportunityWithNextStepGap(running);
      const { after } = await fixNextStepThroughTheNudge(context, id, 'Call the CFO on Monday');
      const guidance = page.locator('c-record-guidance').first();
      await guidance.waitFor({ timeout: TIMEOUT_MS });
      const box = await guidance.boundingBox();
      expect(
        !!box && box.x >= 0 && box.x + box.width <= PHONE.width + 1,
        `the guidance card spans ${JSON.stringify(box)} on a ${PHONE.width} px screen`
      );
      await page.screenshot({ path: join(SCREENSHOTS_DIR, 'opportunity-390.png'), fullPage: true });
      const sideways = await overflow(page);
      expect(
        sideways <= 0,
        `the page scrolls ${sideways} px sideways at ${PHONE.width} px: ${await widest(page)}`
      );
      expect(
        running.workbench.byId(id)?.Data_Quality_Score__c === after,
        `the stored score is not the ${after} the phone shows`
      );
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  },

  'a phone leaves out a component made for desktops only, as the mobile app does': async (
    context
  ) => {
    const { page, running } = context;
    const plan = running.workbench.records('Compensation_Plan__c')[0];
    expect(!!plan, 'the sample org has no compensation plan');
    const alignment = page.locator('c-compensation-alignment');
    const details = page.locator('[data-id="details"]');
    try {
      // The device is told when the page loads: a phone opens the page at its width.
      await page.setViewportSize(PHONE);
      await page.goto(`${running.url}#/Compensation_Plan__c/${plan.Id}`);
      await page.reload();
      await details.waitFor({ timeout: TIMEOUT_MS });
      expect(
        (await alignment.count()) === 0,
        'the compensation alignment (supportedFormFactors Large) renders on a phone'
      );
      await page.setViewportSize(DESKTOP);
      await page.reload();
      await alignment.waitFor({ timeout: TIMEOUT_MS });
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  }
};

export default suite;

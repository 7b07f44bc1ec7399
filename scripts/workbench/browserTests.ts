/**
 * Browser tests of the workbench in headless Chromium (playwright-core): the server runs on a
 * free port with a throw-away store, and each test drives the real page, saves a screenshot in
 * .artifacts/workbench/, and the run fails if the page requested anything outside 127.0.0.1.
 * Run: `npx tsx scripts/workbench/browserTests.ts`. Without Chromium the run is skipped with the
 * reason printed (CI installs it: apt-get install -y chromium).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { findChromium, launchChromium } from './browser';
import { listUiComponents } from './moduleResolution';
import { REPO_ROOT } from './paths';
import { startWorkbench, type RunningWorkbench } from './workbench';
import { actingUserOf } from './server/api';
import { hierarchyBelow, visibilityOf } from './server/visibility';

const ARTIFACTS_DIR = join(REPO_ROOT, '.artifacts', 'workbench');
/** Upper bound of any one wait in the page; every wait is bounded. */
const TIMEOUT_MS = 30_000;
/** Upper bound of the whole run, build included: a hung browser must not hang CI. */
const RUN_TIMEOUT_MS = 10 * 60_000;

interface TestContext {
  running: RunningWorkbench;
  browser: BrowserContext;
  page: Page;
}

class AssertionError extends Error {}

function expect(condition: boolean, message: string): void {
  if (!condition) throw new AssertionError(message);
}

async function actAs(context: TestContext, userKey: string): Promise<void> {
  const response = await context.page.request.post(`${context.running.url}api/session`, {
    data: { userKey }
  });
  expect(response.ok(), `switching to ${userKey} answered ${response.status()}`);
}

async function scoreOf(page: Page): Promise<number> {
  const text = await page.locator('[data-id="score"]').first().textContent({ timeout: TIMEOUT_MS });
  const match = /(\d+)/.exec(text ?? '');
  expect(!!match, `no score in "${text}"`);
  return Number(match?.[1]);
}

/** An opportunity the default seller sees whose Next Step gap the nudge can fix. */
function opportunityWithNextStepGap(running: RunningWorkbench): { id: string; rule: string } {
  const { workbench } = running;
  const acting = actingUserOf(workbench, undefined);
  const canSee = visibilityOf(workbench.org, acting, 'Opportunity', workbench.permissionSets);
  for (const record of workbench.org.records('Opportunity').filter(canSee)) {
    const flagged = workbench.guidanceOf(record).flagged;
    const rule = flagged.find(
      (outcome) => outcome.fixFields.length === 1 && outcome.fixFields[0] === 'NextStep'
    );
    if (rule && flagged.length > 1) return { id: record.Id, rule: rule.ruleName };
  }
  throw new AssertionError('the sample org has no visible opportunity with a Next Step gap');
}

const TESTS: Record<string, (context: TestContext) => Promise<void>> = {
  'fixing a gap through the nudge raises the score, and the fix survives a reload': async (
    context
  ) => {
    const { page, running } = context;
    const { id, rule } = opportunityWithNextStepGap(running);
    await page.goto(`${running.url}#/Opportunity/${id}`);
    await page.locator('[data-id="app-name"]').waitFor({ timeout: TIMEOUT_MS });
    const before = await scoreOf(page);
    await page.locator(`button[data-rule="${rule}"]`).click({ timeout: TIMEOUT_MS });
    const input = page.locator('c-guidance-fix-form lightning-input[data-field="NextStep"] input');
    await input.fill('Demo for the CFO on Monday', { timeout: TIMEOUT_MS });
    await page
      .locator('c-guidance-fix-form lightning-button button', { hasText: 'Save' })
      .click({ timeout: TIMEOUT_MS });
    await page
      .locator(`button[data-rule="${rule}"]`)
      .waitFor({ state: 'detached', timeout: TIMEOUT_MS });
    const after = await scoreOf(page);
    expect(after > before, `the score went from ${before} to ${after}, not up`);
    await page.reload();
    const reloaded = await scoreOf(page);
    expect(reloaded === after, `after a reload the score is ${reloaded}, not ${after}`);
    const nextStep = await page
      .locator('[data-field="NextStep"] .slds-form-element__static')
      .textContent({ timeout: TIMEOUT_MS });
    expect(
      nextStep?.trim() === 'Demo for the CFO on Monday',
      `the details panel shows Next Step "${nextStep}"`
    );
    expect(
      running.workbench.org.byId(id)?.Data_Quality_Score__c === after,
      'the stored Data_Quality_Score__c does not match the score shown'
    );
  },

  'a manager sees the team’s opportunities, a seller only their own': async (context) => {
    const { page, running } = context;
    const countFor = async (userKey: string) => {
      await actAs(context, userKey);
      await page.goto(`${running.url}#/Opportunity`);
      await page.reload();
      const text = await page
        .locator('[data-id="record-count"]', { hasText: /^[1-9]/ })
        .textContent({ timeout: TIMEOUT_MS });
      return Number(/^(\d+)/.exec(text ?? '')?.[1]);
    };
    const seller = await countFor('seller1');
    const manager = await countFor('manager1');
    expect(seller > 0, 'the seller sees no opportunity');
    expect(manager > seller, `the manager sees ${manager}, the seller ${seller}`);
    const team = hierarchyBelow(
      running.workbench.org,
      actingUserOf(running.workbench, 'manager1').id
    );
    const expected = running.workbench.org
      .records('Opportunity')
      .filter((record) => team.has(String(record.OwnerId))).length;
    expect(manager === expected, `the manager sees ${manager} of the team's ${expected}`);
    await actAs(context, 'seller1');
  },

  'the Account and Account Plan pages show the guidance card of the chosen record': async (
    context
  ) => {
    const { page, running } = context;
    await actAs(context, 'director');
    for (const objectName of ['Account', 'Account_Plan__c']) {
      const record = running.workbench.org.records(objectName)[0];
      await page.goto(`${running.url}#/${objectName}/${record.Id}`);
      await page.reload();
      const score = await scoreOf(page);
      const expected = running.workbench.guidanceOf(record).score;
      expect(
        score === expected,
        `${objectName} ${record.Id} shows ${score}, the rules say ${expected}`
      );
      const name = await page
        .locator('[data-id="record-name"]')
        .textContent({ timeout: TIMEOUT_MS });
      expect(name === record.Name, `the header shows "${name}", not "${String(record.Name)}"`);
    }
    await actAs(context, 'seller1');
  },

  'every component of the package is listed on Home and renders in the gallery': async (
    context
  ) => {
    const { page, running } = context;
    await page.goto(`${running.url}#/home`);
    const links = page.locator('[data-id="components"] a');
    await links.first().waitFor({ timeout: TIMEOUT_MS });
    const names = await links.allTextContents();
    const expected = listUiComponents();
    expect(
      names.join() === expected.join(),
      `Home lists ${names.join(', ')}; the package has ${expected.join(', ')}`
    );
    await page.goto(`${running.url}#/component/recordGuidance`);
    await scoreOf(page);
  },

  'the formula tester evaluates a valid formula and explains an invalid one': async (context) => {
    const { page, running } = context;
    await actAs(context, 'director');
    await page.goto(`${running.url}#/admin`);
    await page.reload();
    await page.locator('[data-id="rules"] tbody tr').first().waitFor({ timeout: TIMEOUT_MS });
    const textarea = page.locator('[data-id="formula-input"] textarea');
    await textarea.fill('Amount > 0');
    await page.locator('[data-id="evaluate"] button').click();
    const result = await page
      .locator('[data-id="formula-result"]')
      .textContent({ timeout: TIMEOUT_MS });
    expect(/^(true|false) \(boolean\)$/.test(result?.trim() ?? ''), `result "${result}"`);
    await textarea.fill('Amount > ');
    await page.locator('[data-id="evaluate"] button').click();
    const error = await page
      .locator('[data-id="formula-error"]')
      .textContent({ timeout: TIMEOUT_MS });
    expect(/characters \d+-\d+/.test(error ?? ''), `error "${error}"`);
    await actAs(context, 'seller1');
  }
};

function slug(name: string): string {
  return name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 80);
}

async function main(): Promise<number> {
  const executable = findChromium();
  if (!executable) {
    console.log('browser: skipped: no Chromium installed (apt-get install -y chromium)');
    console.log('browser: 0 passed, 0 failed');
    return 0;
  }
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const storeDir = mkdtempSync(join(tmpdir(), 'ssm-workbench-store-'));
  const running = await startWorkbench({ port: 0, storeFile: join(storeDir, 'store.json') });
  const browser = await launchChromium(executable);
  const outside: string[] = [];
  await browser.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.hostname === '127.0.0.1') return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  let passed = 0;
  let failed = 0;
  try {
    for (const [name, test] of Object.entries(TESTS)) {
      try {
        await test({ running, browser, page });
        passed++;
        console.log(`  ok   ${name}`);
      } catch (error) {
        failed++;
        console.log(`  FAIL ${name}\n       ${(error as Error).message.split('\n')[0]}`);
      }
      await page.screenshot({ path: join(ARTIFACTS_DIR, `${slug(name)}.png`), fullPage: true });
    }
    const network = 'the page makes no request outside 127.0.0.1';
    if (outside.length === 0) {
      passed++;
      console.log(`  ok   ${network}`);
    } else {
      failed++;
      console.log(`  FAIL ${network}\n       ${outside.slice(0, 5).join(', ')}`);
    }
  } finally {
    await browser.close();
    await running.close();
    rmSync(storeDir, { recursive: true, force: true });
  }
  if (pageErrors.length) console.log(`  page errors: ${pageErrors.slice(0, 5).join(' | ')}`);
  console.log(`Screenshots: ${ARTIFACTS_DIR}`);
  console.log(`browser: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

if (require.main === module) {
  setTimeout(() => {
    console.log(`browser: the run took longer than ${RUN_TIMEOUT_MS / 60_000} minutes`);
    console.log('browser: 0 passed, 1 failed');
    process.exit(1);
  }, RUN_TIMEOUT_MS).unref();
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(error);
      console.log('browser: 0 passed, 1 failed');
      process.exit(1);
    }
  );
}

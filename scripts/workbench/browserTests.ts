/**
 * Browser tests of the workbench in headless Chromium (playwright-core): every suite in
 * browserSuites/ runs against its own workbench (a free port, a throw-away store, the pristine
 * sample org), the suites in an order shuffled by a seed the run prints (BROWSER_SEED=<seed>
 * repeats it), all in one browser; each test drives the real page, saves a screenshot in
 * .artifacts/workbench/, and the run fails if the page requested anything outside 127.0.0.1.
 * A test fails on any page error (uncaught exception) or console error raised while it runs,
 * unless its suite's `allowedErrors` export names it (browserRun.ts).
 * Run: `npx tsx scripts/workbench/browserTests.ts [words]`; with words, only the tests whose name
 * contains them (case-insensitive). Without Chromium the run FAILS (exit 1) and says how to
 * install it (apt-get install -y chromium); a run that cannot run is not a pass.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { findChromium, launchChromium } from './browser';
import {
  allowedErrorsOf,
  emptyTrouble,
  exitCodeOf,
  judgeTest,
  noChromiumResult,
  suiteOrder,
  suiteSeed,
  unknownAllowListNames,
  type AllowedErrors,
  type PageTrouble
} from './browserRun';
import { readInEnglish, type BrowserSuite } from './browserSuites/harness';
import { SCREENSHOTS_DIR } from './paths';
import { startWorkbench } from './workbench';

/** Upper bound of the whole run, build included: a hung browser must not hang CI. */
const RUN_TIMEOUT_MS = 10 * 60_000;

const SUITES_DIR = join(__dirname, 'browserSuites');

interface SuiteModule {
  default: BrowserSuite;
  allowedErrors?: AllowedErrors;
  /** True for a suite that reads the sample users in their own languages (see readInEnglish). */
  keepsSampleLanguages?: boolean;
}

interface LoadedTest {
  name: string;
  run: BrowserSuite[string];
  allowed: readonly (string | RegExp)[];
}

interface LoadedSuite {
  file: string;
  tests: LoadedTest[];
  keepsSampleLanguages: boolean;
}

/** Every suite in browserSuites/ with a test the filter names, its tests in their order. */
async function loadSuites(filter: string): Promise<LoadedSuite[]> {
  const files = readdirSync(SUITES_DIR)
    .filter((file) => file.endsWith('.suite.ts'))
    .sort();
  const suites = await Promise.all(
    files.map(async (file) => {
      const suite = (await import(join(SUITES_DIR, file))) as SuiteModule;
      const unknown = unknownAllowListNames(suite);
      if (unknown.length > 0) {
        throw new Error(`${file}: allowedErrors names no test of the suite: ${unknown.join(', ')}`);
      }
      const tests = Object.entries(suite.default)
        .map(([name, run]) => ({ name, run, allowed: allowedErrorsOf(suite, name) }))
        .filter(({ name }) => name.toLowerCase().includes(filter.toLowerCase()));
      return { file, tests, keepsSampleLanguages: suite.keepsSampleLanguages === true };
    })
  );
  return suites.filter((suite) => suite.tests.length > 0);
}

function slug(name: string): string {
  return name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 80);
}

async function main(filter: string): Promise<number> {
  const seed = suiteSeed(process.env.BROWSER_SEED, Date.now() % 1_000_000);
  const suites = suiteOrder(await loadSuites(filter), seed);
  if (suites.length === 0) {
    console.log(`browser: no test name contains "${filter}"`);
    return 1;
  }
  const executable = findChromium();
  if (!executable) {
    const result = noChromiumResult();
    for (const line of result.lines) console.log(line);
    return result.exitCode;
  }
  console.log(
    `browser: suites in the order of seed ${seed} (BROWSER_SEED=${seed} repeats it), ` +
      'each on a fresh sample org'
  );
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const storeDir = mkdtempSync(join(tmpdir(), 'ssm-workbench-store-'));
  const browser = await launchChromium(executable);
  const outside: string[] = [];
  await browser.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.hostname === '127.0.0.1') return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  // Page and console errors of every page of the context (tests open pages of their own),
  // collected afresh for each test.
  let trouble: PageTrouble = emptyTrouble();
  const watch = (watched: Page): void => {
    watched.on('pageerror', (error) => trouble.pageErrors.push(error.message));
    watched.on('console', (message: ConsoleMessage) => {
      // A failed resource load says only its status: the location names the resource.
      const { url } = message.location();
      if (message.type() === 'error') {
        trouble.consoleErrors.push(url ? `${message.text()} (${url})` : message.text());
      }
    });
  };
  browser.pages().forEach(watch);
  browser.on('page', watch);
  const page = browser.pages()[0] ?? (await browser.newPage());
  let passed = 0;
  let failed = 0;
  try {
    for (const [index, suite] of suites.entries()) {
      console.log(`  ${suite.file}`);
      // Cookies are per host, not per port: the last suite's acting user would carry over.
      await browser.clearCookies();
      const running = await startWorkbench({
        port: 0,
        storeFile: join(storeDir, `store-${index}.json`)
      });
      if (!suite.keepsSampleLanguages) readInEnglish(running.workbench);
      try {
        for (const { name, run, allowed } of suite.tests) {
          trouble = emptyTrouble();
          let thrown: unknown = undefined;
          try {
            await run({ running, browser, page });
          } catch (error) {
            thrown = error ?? new Error('threw a blank value');
          }
          await page.screenshot({
            path: join(SCREENSHOTS_DIR, `${slug(name)}.png`),
            fullPage: true
          });
          const verdict = judgeTest(thrown, trouble, allowed);
          if (verdict.passed) {
            passed++;
            console.log(`  ok   ${name}`);
          } else {
            failed++;
            console.log(`  FAIL ${name}`);
            for (const reason of verdict.reasons.slice(0, 5)) console.log(`       ${reason}`);
          }
        }
      } finally {
        // The page leaves this suite's workbench before its server stops: a request still in
        // flight (a card loading after the last test's reload) would otherwise fail against the
        // closed port and be counted as the next suite's console error.
        await page.goto('about:blank');
        await running.close();
      }
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
    rmSync(storeDir, { recursive: true, force: true });
  }
  console.log(`Screenshots: ${SCREENSHOTS_DIR}`);
  console.log(`browser: ${passed} passed, ${failed} failed`);
  return exitCodeOf(passed, failed);
}

if (require.main === module) {
  setTimeout(() => {
    console.log(`browser: the run took longer than ${RUN_TIMEOUT_MS / 60_000} minutes`);
    console.log('browser: 0 passed, 1 failed');
    process.exit(1);
  }, RUN_TIMEOUT_MS).unref();
  main(process.argv.slice(2).join(' ')).then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(error);
      console.log('browser: 0 passed, 1 failed');
      process.exit(1);
    }
  );
}

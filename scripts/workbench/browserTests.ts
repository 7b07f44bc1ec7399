/**
 * Browser tests of the workbench in headless Chromium (playwright-core): the server runs on a
 * free port with a throw-away store, every suite in browserSuites/ runs in one browser, and each
 * test drives the real page, saves a screenshot in
 * .artifacts/workbench/, and the run fails if the page requested anything outside 127.0.0.1.
 * Run: `npx tsx scripts/workbench/browserTests.ts [words]`; with words, only the tests whose name
 * contains them (case-insensitive). Without Chromium the run is skipped with the
 * reason printed (CI installs it: apt-get install -y chromium).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium, launchChromium } from './browser';
import type { BrowserSuite } from './browserSuites/harness';
import { REPO_ROOT } from './paths';
import { startWorkbench } from './workbench';

const ARTIFACTS_DIR = join(REPO_ROOT, '.artifacts', 'workbench');
/** Upper bound of the whole run, build included: a hung browser must not hang CI. */
const RUN_TIMEOUT_MS = 10 * 60_000;

const SUITES_DIR = join(__dirname, 'browserSuites');

/** Every suite in browserSuites/, in file name order, its tests in their order. */
async function loadTests(filter: string): Promise<[string, BrowserSuite[string]][]> {
  const files = readdirSync(SUITES_DIR)
    .filter((file) => file.endsWith('.suite.ts'))
    .sort();
  const suites = await Promise.all(
    files.map(
      async (file) => ((await import(join(SUITES_DIR, file))) as { default: BrowserSuite }).default
    )
  );
  return suites
    .flatMap((suite) => Object.entries(suite))
    .filter(([name]) => name.toLowerCase().includes(filter.toLowerCase()));
}

function slug(name: string): string {
  return name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 80);
}

async function main(filter: string): Promise<number> {
  const tests = await loadTests(filter);
  if (tests.length === 0) {
    console.log(`browser: no test name contains "${filter}"`);
    return 1;
  }
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
    for (const [name, test] of tests) {
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
  main(process.argv.slice(2).join(' ')).then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(error);
      console.log('browser: 0 passed, 1 failed');
      process.exit(1);
    }
  );
}

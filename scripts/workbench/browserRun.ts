/**
 * The decisions of the browser test runner (browserTests.ts), kept pure so that Jest can check
 * them without a browser: what a run without Chromium reports, whether a test passed given what
 * it threw and the page errors and console errors seen while it ran, and the order of the
 * suites. Each suite runs against its own fresh workbench org, in an order shuffled by a seed the
 * run prints, so the suites prove on every run that none depends on another's changes.
 *
 * A browser test fails on any uncaught page error or console error it did not expect. A suite
 * that expects one names it: besides its default export, a `*.suite.ts` file may export
 * `allowedErrors`, test name -> messages (a string matches when the message contains it, a
 * RegExp when it matches), e.g.
 *
 *   export const allowedErrors: AllowedErrors = {
 *     'shows the error panel when the Apex call fails': ['Apex call refused']
 *   };
 */

import { SeededRandom } from '../sample/random';

/** Test name -> the page or console errors that test expects. */
export type AllowedErrors = Readonly<Record<string, readonly (string | RegExp)[]>>;

/** How to install the browser, printed when none is found. */
export const INSTALL_HINT =
  'install it with: apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium executable)';

/** What the run prints and returns when no Chromium is installed: a failure, not a skip. */
export function noChromiumResult(): { exitCode: 1; lines: string[] } {
  return {
    exitCode: 1,
    lines: [
      'browser: FAIL: no Chromium found on PATH (chromium, chromium-browser) or at CHROMIUM_PATH;',
      `         the browser tests cannot run: ${INSTALL_HINT}`,
      'browser: 0 passed, 1 failed'
    ]
  };
}

/** What went wrong in the page while one test ran. */
export interface PageTrouble {
  /** Uncaught exceptions in the page (`pageerror`). */
  pageErrors: string[];
  /** `console.error` calls and other console messages of type error. */
  consoleErrors: string[];
}

export function emptyTrouble(): PageTrouble {
  return { pageErrors: [], consoleErrors: [] };
}

function allows(pattern: string | RegExp, message: string): boolean {
  return typeof pattern === 'string' ? message.includes(pattern) : pattern.test(message);
}

export interface TestVerdict {
  passed: boolean;
  /** Why it failed, one reason a line (empty when it passed). */
  reasons: string[];
}

/**
 * Whether one test passed: it threw nothing and the page raised no error the test's allow-list
 * does not name.
 */
export function judgeTest(
  thrown: unknown,
  trouble: PageTrouble,
  allowed: readonly (string | RegExp)[] = []
): TestVerdict {
  const reasons: string[] = [];
  if (thrown !== undefined) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    reasons.push(message.split('\n')[0]);
  }
  const unexpected = (messages: readonly string[]): string[] =>
    messages.filter((message) => !allowed.some((pattern) => allows(pattern, message)));
  for (const message of unexpected(trouble.pageErrors)) {
    reasons.push(`page error: ${message.split('\n')[0]}`);
  }
  for (const message of unexpected(trouble.consoleErrors)) {
    reasons.push(`console error: ${message.split('\n')[0]}`);
  }
  return { passed: reasons.length === 0, reasons };
}

/** The allow-list of one test from a suite module's optional `allowedErrors` export. */
export function allowedErrorsOf(
  suiteModule: { allowedErrors?: AllowedErrors },
  testName: string
): readonly (string | RegExp)[] {
  return suiteModule.allowedErrors?.[testName] ?? [];
}

/**
 * Allow-list entries naming a test the suite does not have: a renamed test would otherwise
 * silently lose its allow-list, or keep a stale one.
 */
export function unknownAllowListNames(suiteModule: {
  allowedErrors?: AllowedErrors;
  default: Readonly<Record<string, unknown>>;
}): string[] {
  return Object.keys(suiteModule.allowedErrors ?? {}).filter(
    (name) => !(name in suiteModule.default)
  );
}

/** The run's exit code: failure when any test failed or none ran. */
export function exitCodeOf(passed: number, failed: number): number {
  return failed === 0 && passed > 0 ? 0 : 1;
}

/** The seed of a run's suite order: BROWSER_SEED when it is a whole number, else `fallback`. */
export function suiteSeed(value: string | undefined, fallback: number): number {
  const seed = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isSafeInteger(seed) ? seed : fallback;
}

/** The suites in the order the seed gives (the same seed, the same order). */
export function suiteOrder<T>(suites: readonly T[], seed: number): T[] {
  return new SeededRandom(seed, 'browser-suites').shuffle(suites);
}

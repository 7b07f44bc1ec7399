import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from '../browser';
import {
  allowedErrorsOf,
  emptyTrouble,
  exitCodeOf,
  judgeTest,
  noChromiumResult,
  suiteOrder,
  suiteSeed,
  unknownAllowListNames
} from '../browserRun';

describe('browser runner without Chromium', () => {
  it('finds no Chromium on an empty PATH or at a CHROMIUM_PATH that does not exist', () => {
    expect(findChromium({ PATH: '' })).toBeUndefined();
    expect(findChromium({ CHROMIUM_PATH: '/nonexistent/chromium', PATH: '' })).toBeUndefined();
  });

  it('fails the run (exit 1), counts it as a failure and says how to install Chromium', () => {
    const result = noChromiumResult();
    expect(result.exitCode).toBe(1);
    expect(result.lines.join('\n')).toContain('apt-get install -y chromium');
    expect(result.lines[result.lines.length - 1]).toBe('browser: 0 passed, 1 failed');
    expect(result.lines.join('\n')).not.toMatch(/skipped/i);
  });

  it('fails a run in which no test ran', () => {
    expect(exitCodeOf(0, 0)).toBe(1);
    expect(exitCodeOf(3, 1)).toBe(1);
    expect(exitCodeOf(3, 0)).toBe(0);
  });
});

describe('judging one browser test', () => {
  it('passes a test that threw nothing in a page without errors', () => {
    expect(judgeTest(undefined, emptyTrouble())).toEqual({ passed: true, reasons: [] });
  });

  it('fails a test whose assertion threw, with the first line of the message', () => {
    expect(judgeTest(new Error('no score in ""\nmore'), emptyTrouble())).toEqual({
      passed: false,
      reasons: ['no score in ""']
    });
  });

  it('fails a test that passed its assertions when the page threw an uncaught error', () => {
    const trouble = {
      pageErrors: ["Cannot read properties of undefined (reading 'Id')"],
      consoleErrors: []
    };
    expect(judgeTest(undefined, trouble)).toEqual({
      passed: false,
      reasons: ["page error: Cannot read properties of undefined (reading 'Id')"]
    });
  });

  it('fails a test when the page logged a console error', () => {
    const trouble = { pageErrors: [], consoleErrors: ['[LWC error]: Invalid template'] };
    expect(judgeTest(undefined, trouble)).toEqual({
      passed: false,
      reasons: ['console error: [LWC error]: Invalid template']
    });
  });

  it('reports the assertion and every unexpected error together', () => {
    const trouble = { pageErrors: ['boom'], consoleErrors: ['bang', 'expected: Apex refused'] };
    const verdict = judgeTest(new Error('wrong total'), trouble, ['expected:']);
    expect(verdict.reasons).toEqual(['wrong total', 'page error: boom', 'console error: bang']);
  });

  it('lets a test expect an error by its allow-list: a substring or a regular expression', () => {
    const trouble = {
      pageErrors: ['Apex call refused: insufficient access'],
      consoleErrors: ['Failed to load resource: the server responded with a status of 403']
    };
    expect(judgeTest(undefined, trouble, ['Apex call refused', /status of 403$/]).passed).toBe(
      true
    );
    // Only what the list names: another error still fails the test.
    expect(judgeTest(undefined, trouble, ['Apex call refused']).passed).toBe(false);
  });

  it('reads a test’s allow-list from its suite’s allowedErrors export, none by default', () => {
    const suite = {
      default: { 'shows the error panel': async () => undefined, other: async () => undefined },
      allowedErrors: { 'shows the error panel': ['refused'] }
    };
    expect(allowedErrorsOf(suite, 'shows the error panel')).toEqual(['refused']);
    expect(allowedErrorsOf(suite, 'other')).toEqual([]);
    expect(allowedErrorsOf({}, 'other')).toEqual([]);
  });

  it('names allow-list entries of tests the suite does not have', () => {
    const suite = {
      default: { 'shows the error panel': async () => undefined },
      allowedErrors: { 'shows the eror panel': ['refused'] }
    };
    expect(unknownAllowListNames(suite)).toEqual(['shows the eror panel']);
    expect(unknownAllowListNames({ default: {} })).toEqual([]);
  });
});

describe('the order of the suites', () => {
  const SUITES = ['apexAutomation', 'development', 'pipeline', 'recordPages', 'strategy'];

  it('takes BROWSER_SEED when it is a whole number, else the fallback', () => {
    expect(suiteSeed('42', 7)).toBe(42);
    expect(suiteSeed(undefined, 7)).toBe(7);
    expect(suiteSeed('', 7)).toBe(7);
    expect(suiteSeed('4.5', 7)).toBe(7);
    expect(suiteSeed('abc', 7)).toBe(7);
  });

  it('repeats the order of a seed and keeps every suite once', () => {
    const order = suiteOrder(SUITES, 42);
    expect(suiteOrder(SUITES, 42)).toEqual(order);
    expect([...order].sort()).toEqual(SUITES);
  });

  it('shuffles: some seed puts the suites out of file order', () => {
    const orders = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => suiteOrder(SUITES, seed).join()));
    expect(orders.size).toBeGreaterThan(1);
    expect([...orders].some((order) => order !== SUITES.join())).toBe(true);
  });
});

describe('the browser suites', () => {
  it('take expected figures from the dataset, never from the KPI module the pages use', () => {
    const dir = join(__dirname, '..', 'browserSuites');
    const suites = readdirSync(dir).filter((file) => file.endsWith('.suite.ts'));
    expect(suites.length).toBeGreaterThan(0);
    const importing = suites.filter((file) =>
      /from '[^']*salesKpis[^']*'/.test(readFileSync(join(dir, file), 'utf8'))
    );
    expect(importing).toEqual([]);
  });
});

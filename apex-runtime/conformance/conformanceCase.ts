/**
 * The shape of a conformance case: a small Apex snippet and the outcome Salesforce documents for
 * it, with the documentation page it comes from. The cases live as data, one table per area in
 * `cases/`; adding a case is adding one object to a table. `__tests__/runConformance.ts` runs each
 * table through the interpreter's test harness.
 *
 * The harness runs anonymous Apex as a user in Europe/Copenhagen with locale en_US, a clock fixed at
 * 2026-11-16T09:30:00Z, the project's schema and no records (no SOQL or DML).
 *
 * Platform cases (`org: true`, see `onTestOrg`) run instead on a fresh test org
 * (`src/testing/orgHarness.ts`): the project's objects and permission sets, the same fixed clock,
 * and three users, all in Europe/Copenhagen with locale en_US: the administrator (System
 * Administrator), `seller` (Standard User with the SSM_Seller permission set, username
 * `seller@conformance.example.com`) and `plain` (Standard User with no permission set, username
 * `plain@conformance.example.com`). `setup` runs first, as the administrator, with the case's
 * classes and triggers, in a transaction of its own (its debug lines are not the case's); then
 * `apex` runs as the administrator or `asUser`, and the asynchronous jobs it queued run after it,
 * as `sf apex run` does. A pinned `line` is that of the innermost frame of the exception's stack.
 */
import type { DocPage } from './docPages';

/** The test users a platform case can run as (besides the administrator). */
export type ConformanceUser = 'seller' | 'plain';

export interface ConformanceCase {
  /** The behaviour, read as a specification: "Integer addition wraps at 32 bits". */
  name: string;
  /** The documentation page that states the behaviour. */
  source: DocPage;
  /** Anonymous Apex. */
  apex: string;
  /** Classes the snippet uses, by name (each one a `.cls` file's text). */
  classes?: Readonly<Record<string, string>>;
  /** The System.debug lines, in order (also checked when the snippet ends with an exception). */
  debug?: readonly string[];
  /**
   * The uncaught exception the snippet ends with, as `Type: message`
   * (`System.NullPointerException: Attempt to de-reference a null object`). A RegExp when only a
   * prefix is documented.
   */
  error?: string | RegExp;
  /** The line of the uncaught exception, when the case pins it. */
  line?: number;
  /**
   * Where the documentation is silent or vague: the behaviour this suite chose (usually the one an
   * org shows) and why. Cases without a note follow the page to the letter.
   */
  note?: string;
  /** For the few cases that run into a time limit (milliseconds; the default is Jest's). */
  timeoutMs?: number;
  /** Runs on a fresh test org (see the module comment) rather than the org-less harness. */
  org?: true;
  /** Triggers in the org, by name (each one a `.trigger` file's text); platform cases only. */
  triggers?: Readonly<Record<string, string>>;
  /**
   * Anonymous Apex run first as the administrator, each block in a transaction of its own (setup
   * objects such as roles cannot share one with records); platform cases only.
   */
  setup?: string | readonly string[];
  /** The user `apex` runs as (the administrator by default); platform cases only. */
  asUser?: ConformanceUser;
}

/** Marks a table's cases as platform cases, run on a test org. */
export function onTestOrg(cases: readonly Omit<ConformanceCase, 'org'>[]): ConformanceCase[] {
  return cases.map((testCase) => ({ ...testCase, org: true }));
}

/**
 * The shape of a conformance case: a small Apex snippet and the outcome Salesforce documents for
 * it, with the documentation page it comes from. The cases live as data, one table per area in
 * `cases/`; adding a case is adding one object to a table. `__tests__/runConformance.ts` runs each
 * table through the interpreter's test harness.
 *
 * The harness runs anonymous Apex as a user in Europe/Copenhagen with locale en_US, a clock fixed at
 * 2026-11-16T09:30:00Z, the project's schema and no records (no SOQL or DML).
 */
import type { DocPage } from './docPages';

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
}

/**
 * For tests of the workbench's Apex: a fresh workbench org with a throw-away store for every
 * test (`useFreshWorkbench`), and calls through the same JSON API the components use.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleApi, type ApiResponse } from '../server/api';
import { LocalStore } from '../server/store';
import type { ActingUser } from '../server/visibility';
import { openWorkbenchOrg, type WorkbenchOrg } from '../server/workbenchOrg';

/** The current test's workbench org (set by useFreshWorkbench before each test). */
export let workbench: WorkbenchOrg;

/** Opens a pristine workbench org before each test of the file and removes its store after. */
export function useFreshWorkbench(prefix: string): void {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    workbench = openWorkbenchOrg({ store: new LocalStore(join(dir, 'store.json')) });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
}

/** Calls an Apex method as the acting user, as a component's import would. */
export function apex(
  acting: ActingUser,
  method: string,
  params: Record<string, unknown> = {}
): ApiResponse {
  return handleApi(workbench, acting, {
    method: 'POST',
    path: `/api/apex/${method}`,
    query: new URLSearchParams(),
    body: params
  });
}

/** The body of a successful call (the test fails on any other status). */
export function body<T>(response: ApiResponse): T {
  expect(response.status).toBe(200);
  return response.body as T;
}

/** The message of a refused call. */
export function message(response: ApiResponse): string {
  return (response.body as { message: string }).message;
}

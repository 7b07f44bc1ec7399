/**
 * For tests of what the workbench serves: the workbench org (the runtime's sample org as prepared
 * for the workbench), fresh for every test with a throw-away store (`useFreshWorkbench`), and calls
 * through the same JSON API the components use.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatLabel } from '../../../force-app/main/default/lwc/labelFormat/labelFormat';
import { loadCustomLabels } from '../labels';
import { actingUserOf, handleApi, type ApiResponse } from '../server/api';
import { openWorkbenchOrg, type WorkbenchOrg, type WorkbenchUser } from '../server/workbenchOrg';
import { LocalStore } from '../server/store';

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

/** The sample user with this key (`seller1`, `manager1`, `director`...). */
export function user(key: string): WorkbenchUser {
  const found = actingUserOf(workbench, key);
  if (found.key !== key) throw new Error(`No sample user ${key}`);
  return found;
}

/** Calls an Apex method as the acting user, as a component's import would. */
export function apex(
  acting: WorkbenchUser,
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

/** The body of a successful call (the test fails on any other status, showing the body). */
export function body<T>(response: ApiResponse): T {
  expect({ status: response.status, body: response.status === 200 ? 'ok' : response.body }).toEqual(
    {
      status: 200,
      body: 'ok'
    }
  );
  return response.body as T;
}

/** The message of a refused call. */
export function message(response: ApiResponse): string {
  return (response.body as { message: string }).message;
}

/**
 * Calls an Apex method the test expects to refuse the call, as the org refuses it: an
 * AuraHandledException, whose message reaches the component. Returns that message. The
 * workbench's developer log of the exception is silenced, since the test provokes it.
 */
export function refusal(
  acting: WorkbenchUser,
  method: string,
  params: Record<string, unknown> = {}
): string {
  const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  let response: ApiResponse;
  try {
    response = apex(acting, method, params);
  } finally {
    log.mockRestore();
  }
  expect({ status: response.status, exceptionType: exceptionTypeOf(response) }).toEqual({
    status: 500,
    exceptionType: 'System.AuraHandledException'
  });
  return message(response);
}

function exceptionTypeOf(response: ApiResponse): unknown {
  return (response.body as { exceptionType?: unknown } | null)?.exceptionType;
}

const LABELS = loadCustomLabels();

/**
 * A custom label of the package as the sample organisation reads it (its users work in Danish,
 * LanguageLocaleKey `da`), its {0}, {1}... filled in as Apex's String.format does.
 */
export function label(name: string, ...args: string[]): string {
  const texts = LABELS.get(name);
  const value = texts && (texts.translations.da ?? texts.value);
  if (value === undefined) throw new Error(`No custom label ${name}`);
  return formatLabel(value, ...args);
}

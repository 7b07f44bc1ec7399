/**
 * The workbench's JSON API: what the platform modules (platform/) and the shell call. Apex calls
 * run the package's own `@AuraEnabled` methods in the Apex runtime as the acting user; record
 * reads answer what the user may see, saves go through the runtime's DML; errors carry the bodies
 * the platform gives components, so c/ldsUtils reads them unchanged.
 */
import { compileFormula, FormulaError } from '../../../formula-engine/src/formulaEngine';
import { INTERNAL_ERROR_MESSAGE } from '../../../apex-runtime/src/aura/auraInvoke';
import { formulaSchemas } from '../../../apex-runtime/src/platform/formulaFields';
import type { OrgRecord } from '../../org/embeddedOrg';
import { loadSalesRules } from '../../rules/ruleMetadata';
import { handleReportsApi } from '../reports/reportsApi';
import { APP_PAGES, RECORD_PAGES } from '../pages';
import { ADMIN_JOBS } from './adminJobs';
import { listViewsOf, pageLayoutOf } from './layouts';
import { objectInfoForUser, picklistValuesOf } from './objectInfo';
import { displayValue, recordRepresentation } from './recordRepresentation';
import { relatedListOf } from './relatedLists';
import {
  DEFAULT_LANGUAGE,
  RecordSaveError,
  type WorkbenchOrg,
  type WorkbenchUser
} from './workbenchOrg';

export interface ApiRequest {
  method: string;
  /** The path without the query, e.g. /api/ui/records/006... */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export interface ApiResponse {
  status: number;
  body: unknown;
}

/** The custom permission that lets a user see broken rules and the Admin page. */
export const MANAGE_RULES_PERMISSION = 'SSM_Manage_Rules';

/** The objects with a record page, whose records the record picker offers. */
export const PAGE_OBJECTS: readonly string[] = Object.keys(RECORD_PAGES);

const NOT_FOUND: ApiResponse = {
  status: 404,
  body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]
};

const FORBIDDEN: ApiResponse = {
  status: 403,
  body: [{ errorCode: 'FORBIDDEN', message: 'Only rule managers may do this.' }]
};

function badRequest(message: string): ApiResponse {
  return { status: 400, body: [{ errorCode: 'INVALID_INPUT', message }] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The acting user: the one the cookie names, else the first seller. */
export function actingUserOf(workbench: WorkbenchOrg, key: string | undefined): WorkbenchUser {
  return (
    workbench.users.find((user) => user.key === key) ??
    workbench.users.find((user) => user.role === 'seller') ??
    workbench.users[0]
  );
}

/**
 * What `@salesforce/i18n/*` and labels give a user's components: the user's locale (LocaleSidKey,
 * en_US as en-US), language (LanguageLocaleKey) and time zone, and their currency: in a
 * multi-currency org the user's own (DefaultCurrencyIsoCode, what UserInfo.getDefaultCurrency()
 * answers and the package's Apex converts amounts into), else the org's.
 */
export function userI18nOf(
  workbench: WorkbenchOrg,
  userId: string
): { locale: string; language: string; timeZone: string; currency: string } {
  const user = workbench.byId(userId);
  const organization = workbench.records('Organization')[0];
  return {
    locale: String(user?.LocaleSidKey ?? 'en_US').replace(/_/g, '-'),
    language: workbench.languageOf(userId),
    timeZone: String(user?.TimeZoneSidKey ?? 'GMT'),
    currency: String(user?.DefaultCurrencyIsoCode ?? organization?.DefaultCurrencyIsoCode ?? 'USD')
  };
}

/** The locales the workbench formats for (User.LocaleSidKey). */
export const WORKBENCH_LOCALES: readonly string[] = ['da_DK', 'en_US', 'en_GB'];

/**
 * The user changes their own language and locale, as in their personal settings: a language the
 * package is written or translated in, a locale the workbench knows.
 */
function setLanguage(workbench: WorkbenchOrg, acting: WorkbenchUser, body: unknown): ApiResponse {
  const languages = [DEFAULT_LANGUAGE, ...workbench.org.project.translations.languages()];
  if (
    !isObject(body) ||
    typeof body.language !== 'string' ||
    typeof body.locale !== 'string' ||
    !languages.includes(body.language) ||
    !WORKBENCH_LOCALES.includes(body.locale)
  ) {
    return badRequest(
      `The body must be { "language": one of ${languages.join(', ')}, "locale": one of ${WORKBENCH_LOCALES.join(', ')} }`
    );
  }
  workbench.setLanguage(acting.id, { language: body.language, locale: body.locale });
  return { status: 200, body: { language: body.language, locale: body.locale } };
}

/** The package's app (applications/Sales_Strategy.app-meta.xml) and its own label. */
const APP_NAME = 'Sales_Strategy';
const APP_LABEL = 'Sales Strategy';

/** The app's name and its tabs' labels by URL key, in the language, as the org's navigation bar. */
export function navigationLabelsOf(
  workbench: WorkbenchOrg,
  language: string
): { app: string; tabs: Record<string, string> } {
  const translations = workbench.org.project.translations;
  return {
    app: translations.application(language, APP_NAME) ?? APP_LABEL,
    tabs: Object.fromEntries([
      ...APP_PAGES.map((page) => [page.key, translations.tab(language, page.tab) ?? page.label]),
      ...Object.entries(RECORD_PAGES).map(([objectName, page]) => [
        objectName,
        workbench.describe(objectName, language)?.labelPlural ?? page.tabLabel
      ])
    ])
  };
}

export function canManageRules(workbench: WorkbenchOrg, acting: WorkbenchUser): boolean {
  return workbench.customPermissions(acting.id).includes(MANAGE_RULES_PERMISSION);
}

function listRecords(
  workbench: WorkbenchOrg,
  acting: WorkbenchUser,
  objectName: string
): ApiResponse {
  if (!PAGE_OBJECTS.includes(objectName)) return NOT_FOUND;
  const records = workbench
    .records(objectName)
    .filter((record) => workbench.canSee(acting.id, record.Id))
    .map((record) => ({
      id: record.Id,
      name: String(record.Name ?? record.Id),
      owner: displayValue(workbench, record.OwnerId),
      // Tells apart records of the same name (two "Renewal" deals of different accounts).
      account: displayValue(workbench, record.AccountId ?? record.Account__c),
      closeDate: typeof record.CloseDate === 'string' ? record.CloseDate : null,
      score: typeof record.Data_Quality_Score__c === 'number' ? record.Data_Quality_Score__c : null
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { status: 200, body: records };
}

/** An object's list view: its columns and the rows the user may see, as the list shows them. */
function listViewRows(
  workbench: WorkbenchOrg,
  acting: WorkbenchUser,
  objectName: string,
  viewName: string
): ApiResponse {
  const info = PAGE_OBJECTS.includes(objectName)
    ? workbench.describe(objectName, workbench.languageOf(acting.id))
    : undefined;
  const view = info && listViewsOf(info).find((candidate) => candidate.name === viewName);
  if (!info || !view) return NOT_FOUND;
  const access = workbench.org.userAccess(acting.id);
  const columns = view.columns
    .filter((field) => access.fieldReadable(objectName, field))
    .map((field) => ({
      apiName: field,
      label: info.fields[field].label,
      dataType: info.fields[field].dataType
    }));
  const rows = workbench
    .records(objectName)
    .filter((record) => workbench.canSee(acting.id, record.Id))
    .map((record) => recordRepresentation(workbench, acting, record, view.columns));
  return { status: 200, body: { ...view, columns, rows } };
}

/** The rule formula tester: compiles as RuleEngine does and evaluates over the chosen record. */
function testFormula(workbench: WorkbenchOrg, acting: WorkbenchUser, body: unknown): ApiResponse {
  if (!isObject(body) || typeof body.formula !== 'string' || typeof body.recordId !== 'string') {
    return badRequest('The body must be { "formula": text, "recordId": an Id }');
  }
  const { formula, recordId } = body;
  if (!workbench.canSee(acting.id, recordId)) return NOT_FOUND;
  const database = workbench.org.database;
  const object = database.objectOfId(recordId);
  const row = database.row(recordId);
  const schema = object && formulaSchemas(workbench.org.project.schema).get(object.name);
  if (!object || !row || !schema) return NOT_FOUND;
  try {
    const compiled = compileFormula(formula, { schema });
    const result = compiled.evaluate(
      database.formulaRecord(object.name, row, compiled.referencedFields),
      { today: workbench.today }
    );
    return {
      status: 200,
      body: { ok: true, result, returnType: compiled.returnType, fields: compiled.referencedFields }
    };
  } catch (error) {
    if (error instanceof FormulaError) {
      return {
        status: 200,
        body: {
          ok: false,
          message: error.message,
          start: error.start,
          end: error.end,
          phase: error.phase
        }
      };
    }
    throw error;
  }
}

/**
 * Runs a save and answers as the UI API does: the saved record, or the field and page errors
 * of a refused save in the body LDS gives components.
 */
function saveResponse(
  workbench: WorkbenchOrg,
  acting: WorkbenchUser,
  save: () => OrgRecord,
  fields: readonly string[] | undefined,
  status = 200
): ApiResponse {
  try {
    return { status, body: recordRepresentation(workbench, acting, save(), fields) };
  } catch (error) {
    if (!(error instanceof RecordSaveError)) throw error;
    return {
      status: 400,
      body: {
        message: error.message,
        output: {
          errors: error.pageErrors,
          fieldErrors: Object.fromEntries(
            Object.entries(error.fieldErrors).map(([field, errors]) => [
              field,
              errors.map((entry) => ({ ...entry, field }))
            ])
          )
        }
      }
    };
  }
}

/** An `@AuraEnabled` call: the value, or the error body Lightning gives the component. */
function callApex(
  workbench: WorkbenchOrg,
  acting: WorkbenchUser,
  method: string,
  params: unknown
): ApiResponse {
  const [className, methodName] = method.split('.');
  if (!className || !methodName) return NOT_FOUND;
  if (params !== null && !isObject(params)) {
    return badRequest('The body must be an object of the method’s parameters by name');
  }
  const response = workbench.callApex(acting.id, className, methodName, params ?? {});
  if (response.ok) return { status: 200, body: response.value };
  // An unexpected exception: the developer sees it in the terminal, the component gets what an
  // org sends (the generic message).
  if (response.message === INTERNAL_ERROR_MESSAGE && response.detail) {
    console.error(`[workbench] ${method}: ${response.detail}`);
  }
  return {
    status: response.status,
    body: { message: response.message, exceptionType: response.exceptionType ?? null }
  };
}

function notificationsOf(workbench: WorkbenchOrg, acting: WorkbenchUser): ApiResponse {
  return {
    status: 200,
    body: workbench.notificationsFor(acting.id).map((notification) => {
      const target = notification.targetId ? workbench.byId(notification.targetId) : undefined;
      return {
        id: notification.id,
        title: notification.title,
        body: notification.body,
        sentAt: notification.sentAt,
        read: notification.readBy.includes(acting.id),
        target: target
          ? {
              id: target.Id,
              objectApiName: target.attributes.type,
              name: String(target.Name ?? '')
            }
          : null
      };
    })
  };
}

/** The emails sent to the acting user, newest first: what the inbox lists (their HTML apart). */
function emailsOf(workbench: WorkbenchOrg, acting: WorkbenchUser): ApiResponse {
  return {
    status: 200,
    body: workbench.emailsFor(acting.id).map((email) => ({
      id: email.id,
      subject: email.subject,
      sentAt: email.sentAt,
      from: displayValue(workbench, email.senderUserId)
    }))
  };
}

/** The path of an email's document, which the inbox's sandboxed iframe shows. */
export function emailDocumentPath(emailId: string): string {
  return `/api/emails/${encodeURIComponent(emailId)}/document`;
}

const EMAIL_DOCUMENT_PATH = /^\/api\/emails\/([^/]+)\/document$/;

/** The email id of an email document's path (emailDocumentPath), else undefined. */
export function emailIdOfDocumentPath(path: string): string | undefined {
  const match = EMAIL_DOCUMENT_PATH.exec(path);
  return match ? decodeURIComponent(match[1]) : undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The email as the HTML document its recipient reads: its HTML body, or its text body escaped
 * into a preformatted block. Undefined unless the email was sent to the acting user: another
 * user's mail is not found, as if it did not exist.
 */
export function emailDocumentOf(
  workbench: WorkbenchOrg,
  acting: WorkbenchUser,
  emailId: string
): string | undefined {
  const email = workbench.emailFor(acting.id, emailId);
  if (!email) return undefined;
  if (email.htmlBody !== null) return email.htmlBody;
  return (
    '<!doctype html><meta charset="utf-8">' +
    `<pre style="white-space: pre-wrap; font-family: inherit">${escapeHtml(email.plainTextBody ?? '')}</pre>`
  );
}

function runJob(workbench: WorkbenchOrg, acting: WorkbenchUser, name: string): ApiResponse {
  if (!canManageRules(workbench, acting)) return FORBIDDEN;
  const job = ADMIN_JOBS.find((candidate) => candidate.name === name);
  if (!job) return NOT_FOUND;
  const result = workbench.runApex(acting.id, job.apex);
  if (result.success) return { status: 200, body: { ok: true } };
  console.error(
    `[workbench] job ${name}: ${result.exceptionMessage ?? result.compileProblem ?? ''}`
  );
  return {
    status: 500,
    body: { message: result.exceptionMessage ?? result.compileProblem ?? 'The job failed' }
  };
}

/** Answers one API request for the acting user. */
export function handleApi(
  workbench: WorkbenchOrg,
  acting: WorkbenchUser,
  request: ApiRequest
): ApiResponse {
  const { method, path, query, body } = request;
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'api') return NOT_FOUND;
  const route = parts.slice(1);

  if (method === 'GET' && route[0] === 'session' && route.length === 1) {
    return {
      status: 200,
      body: {
        userId: acting.id,
        userKey: acting.key,
        canManageRules: canManageRules(workbench, acting),
        today: workbench.today,
        ...userI18nOf(workbench, acting.id),
        navigation: navigationLabelsOf(workbench, workbench.languageOf(acting.id)),
        users: workbench.users.map((user) => ({
          ...user,
          isAdmin: canManageRules(workbench, user)
        }))
      }
    };
  }
  if (method === 'POST' && route[0] === 'me' && route[1] === 'language' && route.length === 2) {
    return setLanguage(workbench, acting, body);
  }
  if (method === 'GET' && route[0] === 'records' && route.length === 2) {
    return listRecords(workbench, acting, route[1]);
  }
  if (route[0] === 'ui' && route[1] === 'records' && route.length === 3) {
    if (!workbench.canSee(acting.id, route[2])) return NOT_FOUND;
    const record = workbench.byId(route[2]);
    if (!record) return NOT_FOUND;
    if (method === 'GET') {
      const fields = query.get('fields')?.split(',').filter(Boolean);
      return { status: 200, body: recordRepresentation(workbench, acting, record, fields) };
    }
    if (method === 'PATCH') {
      if (!isObject(body) || !isObject(body.fields)) {
        return badRequest('The body must be { "fields": { field: value, ... } }');
      }
      const { fields } = body;
      return saveResponse(
        workbench,
        acting,
        () => workbench.saveRecord(acting.id, record.Id, fields),
        Object.keys(fields)
      );
    }
  }
  if (method === 'POST' && route[0] === 'ui' && route[1] === 'records' && route.length === 2) {
    if (!isObject(body) || typeof body.apiName !== 'string' || !isObject(body.fields)) {
      return badRequest(
        'The body must be { "apiName": an object’s API name, "fields": { field: value } }'
      );
    }
    const { apiName, fields } = body;
    return saveResponse(
      workbench,
      acting,
      () => workbench.createRecord(acting.id, apiName, fields),
      undefined,
      201
    );
  }
  if (method === 'GET' && route[0] === 'ui' && route[1] === 'object-info') {
    const info = route[2]
      ? workbench.describe(route[2], workbench.languageOf(acting.id))
      : undefined;
    if (!info) return NOT_FOUND;
    if (route.length === 3) {
      return {
        status: 200,
        body: objectInfoForUser(info, workbench.org.userAccess(acting.id))
      };
    }
    if (route.length === 5 && route[3] === 'picklist-values') {
      return { status: 200, body: picklistValuesOf(info) };
    }
  }
  if (method === 'GET' && route[0] === 'ui' && route[1] === 'layout' && route.length === 3) {
    const language = workbench.languageOf(acting.id);
    const info = workbench.describe(route[2], language);
    if (!info) return NOT_FOUND;
    const layout = pageLayoutOf(info, undefined, {
      translation: workbench.org.project.translations.object(language, info.apiName),
      packageSection: navigationLabelsOf(workbench, language).app
    });
    return { status: 200, body: layout };
  }
  if (method === 'GET' && route[0] === 'ui' && route[1] === 'related-list' && route.length === 4) {
    const list = relatedListOf(workbench, acting, route[2], route[3]);
    return list ? { status: 200, body: list } : NOT_FOUND;
  }
  if (method === 'GET' && route[0] === 'ui' && route[1] === 'list-views') {
    const info = route[2]
      ? workbench.describe(route[2], workbench.languageOf(acting.id))
      : undefined;
    if (!info || !PAGE_OBJECTS.includes(route[2])) return NOT_FOUND;
    if (route.length === 3) return { status: 200, body: listViewsOf(info) };
    if (route.length === 4) return listViewRows(workbench, acting, route[2], route[3]);
  }
  if (method === 'POST' && route[0] === 'apex' && route.length === 2) {
    return callApex(workbench, acting, route[1], body);
  }
  if (method === 'GET' && route[0] === 'notifications' && route.length === 1) {
    return notificationsOf(workbench, acting);
  }
  if (
    method === 'POST' &&
    route[0] === 'notifications' &&
    route.length === 3 &&
    route[2] === 'read'
  ) {
    return workbench.markNotificationRead(acting.id, route[1])
      ? { status: 200, body: { ok: true } }
      : NOT_FOUND;
  }
  if (method === 'GET' && route[0] === 'emails' && route.length === 1) {
    return emailsOf(workbench, acting);
  }
  if (method === 'GET' && route[0] === 'rules' && route.length === 1) {
    return canManageRules(workbench, acting) ? { status: 200, body: loadSalesRules() } : FORBIDDEN;
  }
  if (method === 'POST' && route[0] === 'jobs' && route.length === 2) {
    return runJob(workbench, acting, route[1]);
  }
  if (method === 'GET' && (route[0] === 'reports' || route[0] === 'dashboards')) {
    return handleReportsApi(workbench, acting, route);
  }
  if (method === 'POST' && route[0] === 'formula' && route.length === 1) {
    return testFormula(workbench, acting, body);
  }
  return NOT_FOUND;
}

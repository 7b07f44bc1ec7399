/**
 * The workbench's JSON API: what the platform modules (platform/) and the shell call. Each
 * handler reads or saves through WorkbenchOrg and answers only what the acting user may see.
 * Errors carry the bodies the platform gives components, so c/ldsUtils reads them unchanged.
 */
import {
  compileFormula,
  FormulaError
} from '../../../force-app/main/default/lwc/formulaEngine/formulaEngine';
import type { OrgRecord, SampleUser } from '../../org/embeddedOrg';
import { RECORD_PAGES } from '../pages';
import { MASTER_RECORD_TYPE_ID, picklistValuesOf } from './objectInfo';
import { apexError, canManageRules, visibleRecord, type ApiResponse } from './apex/apexMethod';
import { APEX_METHODS } from './apex/apexMethods';
import { isAdmin, visibilityOf, type ActingUser } from './visibility';
import { FieldValidationError, RecordSaveError, type WorkbenchOrg } from './workbenchOrg';

export interface ApiRequest {
  method: string;
  /** The path without the query, e.g. /api/ui/records/006... */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export type { ApiResponse } from './apex/apexMethod';
export { MANAGE_RULES_PERMISSION } from './apex/apexMethod';
export { APEX_METHODS } from './apex/apexMethods';

/** The objects with a record page, whose records the record picker offers. */
export const PAGE_OBJECTS: readonly string[] = Object.keys(RECORD_PAGES);

const NOT_FOUND: ApiResponse = {
  status: 404,
  body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]
};

export interface UserSummary {
  id: string;
  key: string;
  name: string;
  title: string;
  role: SampleUser['role'];
}

/** The sample users in the order of data/sample-users.json. */
export function usersOf(workbench: WorkbenchOrg): (ActingUser & { summary: UserSummary })[] {
  return workbench.org.records('User').flatMap((record) => {
    const user = workbench.org.userOf(record.Id);
    return user
      ? [
          {
            id: record.Id,
            user,
            summary: {
              id: record.Id,
              key: user.key,
              name: String(record.Name),
              title: user.title,
              role: user.role
            }
          }
        ]
      : [];
  });
}

export function actingUserOf(workbench: WorkbenchOrg, key: string | undefined): ActingUser {
  const users = usersOf(workbench);
  const chosen =
    users.find((candidate) => candidate.user.key === key) ??
    users.find((candidate) => candidate.user.role === 'seller') ??
    users[0];
  return { id: chosen.id, user: chosen.user };
}

function displayValue(workbench: WorkbenchOrg, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && /^[a-zA-Z0-9]{18}$/.test(value)) {
    const target = workbench.org.byId(value);
    if (target && typeof target.Name === 'string') return target.Name;
  }
  return String(value);
}

/** A record as the UI API represents it, with only `fields` when given. */
export function recordRepresentation(
  workbench: WorkbenchOrg,
  record: OrgRecord,
  fields?: readonly string[]
) {
  const names =
    fields && fields.length
      ? fields.map((field) => (field.includes('.') ? field.slice(field.indexOf('.') + 1) : field))
      : Object.keys(record).filter((field) => field !== 'attributes');
  return {
    id: record.Id,
    apiName: record.attributes.type,
    recordTypeId: MASTER_RECORD_TYPE_ID,
    fields: Object.fromEntries(
      names.map((name) => [
        name,
        { value: record[name] ?? null, displayValue: displayValue(workbench, record[name]) }
      ])
    )
  };
}

function listRecords(workbench: WorkbenchOrg, acting: ActingUser, objectName: string): ApiResponse {
  if (!PAGE_OBJECTS.includes(objectName)) return NOT_FOUND;
  const canSee = visibilityOf(workbench.org, acting, objectName, workbench.permissionSets);
  const records = workbench.org
    .records(objectName)
    .filter(canSee)
    .map((record) => ({
      id: record.Id,
      name: String(record.Name ?? record.Id),
      owner: displayValue(workbench, record.OwnerId),
      score: typeof record.Data_Quality_Score__c === 'number' ? record.Data_Quality_Score__c : null
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { status: 200, body: records };
}

function testFormula(workbench: WorkbenchOrg, acting: ActingUser, body: unknown): ApiResponse {
  const { formula, recordId } = (body ?? {}) as { formula?: unknown; recordId?: unknown };
  const record =
    typeof recordId === 'string' ? visibleRecord(workbench, acting, recordId) : undefined;
  if (!record) return NOT_FOUND;
  try {
    const compiled = compileFormula(String(formula ?? ''), {
      schema: workbench.org.schemas[record.attributes.type]
    });
    const result = compiled.evaluate(workbench.org.withParents(record), {
      today: workbench.org.today
    });
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
  save: () => OrgRecord,
  fields: readonly string[] | undefined,
  status = 200
): ApiResponse {
  try {
    return { status, body: recordRepresentation(workbench, save(), fields) };
  } catch (error) {
    if (error instanceof FieldValidationError || error instanceof RecordSaveError) {
      const fieldErrors = error instanceof FieldValidationError ? error.fieldErrors : {};
      return {
        status: 400,
        body: {
          message: error.message,
          output: {
            errors:
              error instanceof RecordSaveError
                ? [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: error.message }]
                : [],
            fieldErrors: Object.fromEntries(
              Object.entries(fieldErrors).map(([field, message]) => [field, [{ field, message }]])
            )
          }
        }
      };
    }
    throw error;
  }
}

/** Answers one API request for the acting user. */
export function handleApi(
  workbench: WorkbenchOrg,
  acting: ActingUser,
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
        userKey: acting.user.key,
        canManageRules: canManageRules(workbench, acting),
        isAdmin: isAdmin(acting.user),
        today: workbench.org.today,
        users: usersOf(workbench).map((user) => user.summary)
      }
    };
  }
  if (method === 'GET' && route[0] === 'records' && route.length === 2) {
    return listRecords(workbench, acting, route[1]);
  }
  if (route[0] === 'ui' && route[1] === 'records' && route.length === 3) {
    const record = visibleRecord(workbench, acting, route[2]);
    if (!record) return NOT_FOUND;
    if (method === 'GET') {
      const fields = query.get('fields')?.split(',').filter(Boolean);
      return { status: 200, body: recordRepresentation(workbench, record, fields) };
    }
    if (method === 'PATCH') {
      const fields = ((body ?? {}) as { fields?: Record<string, unknown> }).fields ?? {};
      return saveResponse(
        workbench,
        () => workbench.saveRecord(record.Id, fields, acting.id),
        Object.keys(fields)
      );
    }
  }
  if (method === 'POST' && route[0] === 'ui' && route[1] === 'records' && route.length === 2) {
    const { apiName, fields } = (body ?? {}) as {
      apiName?: unknown;
      fields?: Record<string, unknown>;
    };
    const objectName = String(apiName ?? '');
    if (!workbench.describe(objectName)) return NOT_FOUND;
    return saveResponse(
      workbench,
      () => workbench.createRecord(objectName, fields ?? {}, acting.id),
      undefined,
      201
    );
  }
  if (method === 'GET' && route[0] === 'ui' && route[1] === 'object-info') {
    const info = route[2] ? workbench.describe(route[2]) : undefined;
    if (!info) return NOT_FOUND;
    if (route.length === 3) return { status: 200, body: info };
    if (route.length === 5 && route[3] === 'picklist-values') {
      return { status: 200, body: picklistValuesOf(info) };
    }
  }
  if (method === 'POST' && route[0] === 'apex' && route.length === 2) {
    const handler = APEX_METHODS[route[1]];
    if (!handler) {
      return apexError(
        501,
        `The workbench does not implement the Apex method ${route[1]}. ` +
          'Add it to APEX_METHODS in scripts/workbench/server/api.ts, reading the sample org.'
      );
    }
    return handler(workbench, acting, (body ?? {}) as Record<string, unknown>);
  }
  if (method === 'GET' && route[0] === 'rules' && route.length === 1) {
    if (!canManageRules(workbench, acting)) {
      return {
        status: 403,
        body: [{ errorCode: 'FORBIDDEN', message: 'Only rule managers see the rules.' }]
      };
    }
    return { status: 200, body: workbench.rules };
  }
  if (method === 'POST' && route[0] === 'formula' && route.length === 1) {
    return testFormula(workbench, acting, body);
  }
  return NOT_FOUND;
}

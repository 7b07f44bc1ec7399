/**
 * What an Apex method of the workbench is: a function of the workbench org, the acting user and
 * the call's parameters that answers as the org's Apex would, errors included
 * (`AuraHandledException` bodies, which c/ldsUtils reads unchanged).
 */
import type { OrgRecord } from '../../../org/embeddedOrg';
import { customPermissionsOf, visibilityOf, type ActingUser } from '../visibility';
import type { WorkbenchOrg } from '../workbenchOrg';

export interface ApiResponse {
  status: number;
  body: unknown;
}

export type ApexHandler = (
  workbench: WorkbenchOrg,
  acting: ActingUser,
  params: Record<string, unknown>
) => ApiResponse;

/** The custom permission that lets a user see broken rules and the Admin page. */
export const MANAGE_RULES_PERMISSION = 'SSM_Manage_Rules';

export function apexError(status: number, message: string): ApiResponse {
  return { status, body: { message, exceptionType: 'System.AuraHandledException' } };
}

export function canManageRules(workbench: WorkbenchOrg, acting: ActingUser): boolean {
  return customPermissionsOf(acting.user, workbench.permissionSets).includes(
    MANAGE_RULES_PERMISSION
  );
}

/** The record when the acting user may see it, as sharing would decide. */
export function visibleRecord(
  workbench: WorkbenchOrg,
  acting: ActingUser,
  recordId: string
): OrgRecord | undefined {
  const record = workbench.org.byId(recordId);
  if (!record) return undefined;
  const canSee = visibilityOf(
    workbench.org,
    acting,
    record.attributes.type,
    workbench.permissionSets
  );
  return canSee(record) ? record : undefined;
}

/** A text parameter, or null when blank or not text. */
export function textParam(params: Record<string, unknown>, name: string): string | null {
  const value = params[name];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

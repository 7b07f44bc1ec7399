/**
 * Which records a sample user sees: the Apex runtime's sharing rules
 * (apex-runtime/src/platform/recordAccess.ts, their one home) over the embedded org's records,
 * with the sample org's org-wide defaults (Private Account and Opportunity) and the user's
 * permission sets. Admins (SSM_Admin, who manage the rules) are System Administrators in the
 * sample org and see every record.
 */
import type { EmbeddedOrg, OrgRecord, SampleUser } from '../../org/embeddedOrg';
import type { PermissionSetDefinition } from '../../model/permissionSets';
import { loadProject } from '../../../apex-runtime/src/metadata/loadProject';
import {
  AccessModel,
  STANDARD_USER,
  SYSTEM_ADMINISTRATOR
} from '../../../apex-runtime/src/platform/accessModel';
import { SAMPLE_ORG_SHARING_DEFAULTS } from '../../../apex-runtime/src/platform/orgs';
import {
  managerHierarchyBelow,
  RecordAccess,
  type SharingFacts
} from '../../../apex-runtime/src/platform/recordAccess';
import type { OrgSchema } from '../../../apex-runtime/src/metadata/schema';

export const ADMIN_PERMISSION_SET = 'SSM_Admin';

export interface ActingUser {
  id: string;
  user: SampleUser;
}

let sampleSchema: OrgSchema | undefined;

/** The schema with the sample org's sharing defaults, read once. */
function schema(): OrgSchema {
  sampleSchema ??= loadProject(undefined, { sharingDefaults: SAMPLE_ORG_SHARING_DEFAULTS }).schema;
  return sampleSchema;
}

const factsByOrg = new WeakMap<EmbeddedOrg, SharingFacts>();

function sharingFacts(org: EmbeddedOrg): SharingFacts {
  let facts = factsByOrg.get(org);
  if (!facts) {
    facts = {
      schema: schema(),
      row: (id) => org.byId(id),
      rows: (objectName) => org.records(objectName)
    };
    factsByOrg.set(org, facts);
  }
  return facts;
}

const modelsBySets = new WeakMap<ReadonlyMap<string, PermissionSetDefinition>, AccessModel>();

function accessModel(permissionSets: ReadonlyMap<string, PermissionSetDefinition>): AccessModel {
  let model = modelsBySets.get(permissionSets);
  if (!model) {
    model = new AccessModel({ schema: schema(), permissionSets });
    modelsBySets.set(permissionSets, model);
  }
  return model;
}

/** The user's own Id and the Ids of everyone who reports to them, directly or not. */
export function hierarchyBelow(org: EmbeddedOrg, userId: string): Set<string> {
  return managerHierarchyBelow(org.records('User'), userId);
}

/** The custom permissions the user's permission sets enable. */
export function customPermissionsOf(
  user: SampleUser,
  permissionSets: ReadonlyMap<string, PermissionSetDefinition>
): string[] {
  const names = new Set<string>();
  for (const name of user.permissionSets) {
    permissionSets.get(name)?.customPermissions.forEach((permission) => names.add(permission));
  }
  return [...names].sort();
}

export function isAdmin(user: SampleUser): boolean {
  return user.role === 'admin' || user.permissionSets.includes(ADMIN_PERMISSION_SET);
}

/** A predicate telling whether the user may see a record of `objectName`. */
export function visibilityOf(
  org: EmbeddedOrg,
  acting: ActingUser,
  objectName: string,
  permissionSets: ReadonlyMap<string, PermissionSetDefinition>
): (record: OrgRecord) => boolean {
  const access = accessModel(permissionSets).accessFor({
    userId: acting.id,
    profile: isAdmin(acting.user) ? SYSTEM_ADMINISTRATOR : STANDARD_USER,
    permissionSets: acting.user.permissionSets
  });
  const records = new RecordAccess(access, sharingFacts(org));
  return (record) => records.canRead(objectName, record);
}

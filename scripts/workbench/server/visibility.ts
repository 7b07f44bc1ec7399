/**
 * Which records a sample user sees, as the package's permission sets and the org's sharing
 * would decide: a user holding View All on an object sees every record of it; every user sees
 * every record of an object whose org-wide default is Public Read Only or Read/Write; a detail
 * of a master-detail relationship (Controlled by Parent) is seen with its master; otherwise a
 * user sees the records they own or that someone below them in the manager hierarchy
 * (User.ManagerId) owns, as the role hierarchy grants. Admins (SSM_Admin, who manage the rules)
 * see every record here: the sample org runs them as system administrators.
 */
import type { EmbeddedOrg, OrgRecord, SampleUser } from '../../org/embeddedOrg';
import { loadObjectModel, type ObjectDefinition } from '../../model/objectModel';
import type { PermissionSetDefinition } from '../../model/permissionSets';

/** Org-wide defaults that let every user read every record. */
const PUBLIC_SHARING = new Set(['Read', 'ReadWrite']);

let objectModel: ReadonlyMap<string, ObjectDefinition> | undefined;

function objectDefinition(objectName: string): ObjectDefinition | undefined {
  objectModel ??= new Map(loadObjectModel().map((object) => [object.name, object]));
  return objectModel.get(objectName);
}

export const ADMIN_PERMISSION_SET = 'SSM_Admin';

export interface ActingUser {
  id: string;
  user: SampleUser;
}

/** The user's own Id and the Ids of everyone who reports to them, directly or not. */
export function hierarchyBelow(org: EmbeddedOrg, userId: string): Set<string> {
  const reports = new Map<string, string[]>();
  for (const user of org.records('User')) {
    const manager = user.ManagerId;
    if (typeof manager === 'string')
      reports.set(manager, [...(reports.get(manager) ?? []), user.Id]);
  }
  const seen = new Set<string>([userId]);
  const queue = [userId];
  while (queue.length > 0) {
    for (const report of reports.get(queue.shift() as string) ?? []) {
      if (!seen.has(report)) {
        seen.add(report);
        queue.push(report);
      }
    }
  }
  return seen;
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
  const viewAll =
    isAdmin(acting.user) ||
    acting.user.permissionSets.some(
      (name) => permissionSets.get(name)?.objects.get(objectName)?.viewAllRecords === true
    );
  if (viewAll) return () => true;
  const object = objectDefinition(objectName);
  if (PUBLIC_SHARING.has(object?.sharingModel ?? '')) return () => true;
  const master = object?.fields.find((field) => field.type === 'MasterDetail');
  if (object?.sharingModel === 'ControlledByParent' && master?.referenceTo) {
    const canSeeMaster = visibilityOf(org, acting, master.referenceTo, permissionSets);
    return (record) => {
      const parent = org.byId(String(record[master.name] ?? ''));
      return parent !== undefined && canSeeMaster(parent);
    };
  }
  const owners = hierarchyBelow(org, acting.id);
  return (record) => typeof record.OwnerId === 'string' && owners.has(record.OwnerId);
}

/**
 * A user's permissions and record access read from the org's own rows, as the platform reads
 * them: the profile from `User.ProfileId`, permission sets and groups from the user's
 * `PermissionSetAssignment` rows (profile-owned permission sets are the profile, not an extra
 * set), sharing facts from the live rows of the database.
 */
import type { DataSource, StoredRow } from './dataSource';
import type { AccessModel, PermissionAssignments, UserAccess } from './accessModel';
import { RecordAccess, type SharingFacts } from './recordAccess';
import { idKey } from './recordIds';

/** The database's live rows (the recycle bin excluded) as sharing facts. */
export function databaseSharingFacts(database: DataSource): SharingFacts {
  return {
    schema: database.schema,
    row: (id) => {
      const row = database.row(id);
      return row && row.IsDeleted !== true ? row : undefined;
    },
    rows: (objectName) => database.rows(objectName)
  };
}

function sameId(a: unknown, b: string): boolean {
  return typeof a === 'string' && a.length >= 15 && idKey(a) === idKey(b);
}

function liveRow(database: DataSource, id: unknown): StoredRow | undefined {
  if (typeof id !== 'string') return undefined;
  const row = database.row(id);
  return row && row.IsDeleted !== true ? row : undefined;
}

/** The names of the user's profile, permission sets and permission set groups. */
export function assignmentsOf(database: DataSource, userId: string): PermissionAssignments {
  const user = liveRow(database, userId);
  if (!user) throw new Error(`No user ${userId}`);
  const profile = liveRow(database, user.ProfileId);
  if (!profile || typeof profile.Name !== 'string') {
    throw new Error(`User ${userId} has no profile`);
  }
  const permissionSets: string[] = [];
  const permissionSetGroups: string[] = [];
  const extraUserPermissions: string[] = [];
  for (const assignment of database.rows('PermissionSetAssignment')) {
    if (!sameId(assignment.AssigneeId, userId)) continue;
    const group = liveRow(database, assignment.PermissionSetGroupId);
    if (group) {
      permissionSetGroups.push(String(group.DeveloperName));
      continue;
    }
    const set = liveRow(database, assignment.PermissionSetId);
    if (!set || set.IsOwnedByProfile === true) continue;
    permissionSets.push(String(set.Name));
    if (set.PermissionsModifyAllData === true) extraUserPermissions.push('ModifyAllData');
    if (set.PermissionsViewAllData === true) extraUserPermissions.push('ViewAllData');
  }
  return {
    userId: String(user.Id),
    profile: profile.Name,
    permissionSets,
    permissionSetGroups,
    extraUserPermissions
  };
}

/**
 * The user's effective permissions. Permission sets created at run time (not in the project)
 * grant only the system permissions their row switches on; their object permissions are not
 * modelled.
 */
export function userAccessOf(model: AccessModel, database: DataSource, userId: string): UserAccess {
  const assignments = assignmentsOf(database, userId);
  const groups = assignments.permissionSetGroups ?? [];
  // A group created at run time grants the permission sets its component rows name.
  const runtimeGroups = groups.filter((name) => !model.hasPermissionSetGroup(name));
  const permissionSets = [
    ...assignments.permissionSets,
    ...runtimeGroups.flatMap((name) => groupComponentSets(database, name))
  ];
  return model.accessFor({
    ...assignments,
    permissionSets: [...new Set(permissionSets)].filter((name) => model.hasPermissionSet(name)),
    permissionSetGroups: groups.filter((name) => model.hasPermissionSetGroup(name))
  });
}

/** The names of the permission sets a group's component rows name. */
function groupComponentSets(database: DataSource, groupName: string): string[] {
  const group = [...database.rows('PermissionSetGroup')].find(
    (row) => row.DeveloperName === groupName && row.IsDeleted !== true
  );
  if (!group) return [];
  const names: string[] = [];
  for (const component of database.rows('PermissionSetGroupComponent')) {
    if (!sameId(component.PermissionSetGroupId, String(group.Id))) continue;
    const set = liveRow(database, component.PermissionSetId);
    if (set && typeof set.Name === 'string') names.push(set.Name);
  }
  return names;
}

/** Sharing decisions for the user over the database as it is now (make one per statement). */
export function recordAccessOf(
  model: AccessModel,
  database: DataSource,
  userId: string
): RecordAccess {
  return new RecordAccess(userAccessOf(model, database, userId), databaseSharingFacts(database));
}

/**
 * What the sample users' personas grant: the permission sets of the package's permission set
 * groups, read from the group definitions the org deploys (force-app/.../permissionsetgroups),
 * so that the sample, the offline org and a seeded org agree on who holds what.
 */
import {
  loadPermissionSetGroups,
  type PermissionSetGroupDefinition
} from '../model/permissionSets';
import type { SampleUser } from './model';

export type GroupDefinitions = ReadonlyMap<
  string,
  Pick<PermissionSetGroupDefinition, 'permissionSets'>
>;

let packageGroups: GroupDefinitions | undefined;

/** The package's permission set groups, read once. */
export function packagePermissionSetGroups(): GroupDefinitions {
  packageGroups ??= loadPermissionSetGroups();
  return packageGroups;
}

/** The permission sets the user holds through their groups, each once, in group order. */
export function permissionSetsOf(
  user: Pick<SampleUser, 'key' | 'permissionSetGroups'>,
  groups: GroupDefinitions = packagePermissionSetGroups()
): string[] {
  const sets = user.permissionSetGroups.flatMap((name) => {
    const group = groups.get(name);
    if (!group) throw new Error(`Sample user ${user.key}: no permission set group ${name}`);
    return group.permissionSets;
  });
  return [...new Set(sets)];
}

/** Whether the user holds any of the permission sets, through a group. */
export function holdsAnyOf(
  user: Pick<SampleUser, 'key' | 'permissionSetGroups'>,
  permissionSets: readonly string[],
  groups?: GroupDefinitions
): boolean {
  return permissionSetsOf(user, groups).some((name) => permissionSets.includes(name));
}

/** StrategyAudience.PERMISSION_SETS: who is asked to read and acknowledge the strategy. */
export const STRATEGY_AUDIENCE_SETS: readonly string[] = ['SSM_Seller', 'SSM_Manager'];

/** The permission set of the sample's administrator (jobs and setup run as its holder). */
export const ADMIN_SET = 'SSM_Admin';

/** The users StrategyAudience finds: holders of SSM_Seller or SSM_Manager, through a group. */
export function strategyAudienceOf<T extends Pick<SampleUser, 'key' | 'permissionSetGroups'>>(
  users: readonly T[],
  groups?: GroupDefinitions
): T[] {
  return users.filter((user) => holdsAnyOf(user, STRATEGY_AUDIENCE_SETS, groups));
}

/**
 * The permission sets and permission set groups (personas) as deployed, read from
 * `permissionsets/*.permissionset-meta.xml` and `permissionsetgroups/*.permissionsetgroup-meta.xml`.
 * The readers live in the Apex runtime (apex-runtime/src/metadata/permissionSets.ts), whose
 * access model reads the same files; the project's checks, the sample generator and the
 * workbench import them from here.
 */
export {
  DEFAULT_PERMISSION_SETS_DIR,
  DEFAULT_PERMISSION_SET_GROUPS_DIR,
  loadPermissionSetGroups,
  loadPermissionSets,
  type FieldAccess,
  type ObjectAccess,
  type PermissionSetDefinition,
  type PermissionSetGroupDefinition
} from '../../apex-runtime/src/metadata/permissionSets';

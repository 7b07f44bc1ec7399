/**
 * The permission sets as deployed, read from `permissionsets/*.permissionset-meta.xml`. The
 * reader lives in the Apex runtime (apex-runtime/src/metadata/permissionSets.ts), whose access
 * model reads the same files; the project's checks and the workbench import it from here.
 */
export {
  DEFAULT_PERMISSION_SETS_DIR,
  loadPermissionSets,
  type FieldAccess,
  type ObjectAccess,
  type PermissionSetDefinition
} from '../../apex-runtime/src/metadata/permissionSets';

/** The org beneath the interpreter: database, permissions, sharing and the two orgs. */
export type { DataSource, StoredRow } from './dataSource';
export {
  OrgDatabase,
  UnreadableValue,
  formatAutoNumber,
  type DatabaseSnapshot,
  type OrgDatabaseOptions,
  type WriteOptions
} from './orgDatabase';
export {
  caseSafeSuffix,
  idKey,
  InvalidIdError,
  isValidId,
  keyPrefixOf,
  sequentialId,
  toCaseSafeId
} from './recordIds';
export {
  assertStorable,
  FieldValueError,
  valueFromJson,
  valueFromText,
  valueToJson
} from './fieldValues';
export { FormulaFieldEvaluator, formulaSchemas, compileFieldFormula } from './formulaFields';
export {
  AccessModel,
  builtInProfiles,
  isFieldSecured,
  STANDARD_USER,
  SYSTEM_ADMINISTRATOR,
  UserAccess,
  type PermissionAssignments
} from './accessModel';
export {
  managerHierarchyBelow,
  RecordAccess,
  type RowLike,
  type SharingFacts,
  type SharingSubject
} from './recordAccess';
export {
  assignmentsOf,
  databaseSharingFacts,
  recordAccessOf,
  userAccessOf
} from './userPermissions';
export {
  ApexOrg,
  DEFAULT_LOCALE,
  DEFAULT_TIME_ZONE,
  SAMPLE_ORG_SHARING_DEFAULTS,
  sampleOrg,
  testOrg,
  type SampleOrgOptions
} from './orgs';

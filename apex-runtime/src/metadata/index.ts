/** The org's metadata as the runtime reads it from an SFDX source tree. */
export { loadProject, DEFAULT_SOURCE_DIR, REPOSITORY_ROOT } from './loadProject';
export type { ApexProject, LoadProjectOptions } from './loadProject';
export type {
  ApexFieldType,
  ChildRelationshipDescribe,
  DisplayType,
  FieldDescribe,
  ObjectDescribe,
  OrgSchema,
  PicklistEntry,
  RollupDescribe,
  SharingModel,
  ValidationRuleDescribe
} from './schema';
export { IndexedOrgSchema } from './orgSchemaIndex';
export { CustomLabels, type CustomLabel } from './customLabels';
export type { CustomMetadataRecordSource } from './customMetadataRecords';
export type { StaticResourceSource } from './staticResources';
export type { NotificationTypeSource } from './notificationTypes';
export type {
  EmailFolderSource,
  EmailTemplateSource,
  EmailTemplateSources
} from './emailTemplates';
export type { CustomPermissionSource } from './customPermissions';
export type { ApexClassSource } from './apexClasses';
export type { OrgDefinition } from './orgDefinition';
export {
  loadPermissionSets,
  type FieldAccess,
  type ObjectAccess,
  type PermissionSetDefinition,
  type PermissionSetGroupDefinition
} from './permissionSets';
export { projectKeyPrefixes, shareObjectName, historyObjectName } from './keyPrefixes';
export {
  standardKeyPrefix,
  standardObjectNames,
  standardOpportunityStages,
  standardPicklistValues,
  type OpportunityStageDefinition
} from './standardCatalogue';
export { apexTypesOf, formulaTypeOf, type DescribeType } from './fieldTypes';

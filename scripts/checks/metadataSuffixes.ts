/**
 * Source-format file suffixes and the Metadata API type each file's root element must be.
 * A file whose suffix is not listed is still validated, against the type its root names.
 */
const ROOT_TYPE_BY_SUFFIX: Readonly<Record<string, string>> = {
  app: 'CustomApplication',
  approvalProcess: 'ApprovalProcess',
  assignmentRules: 'AssignmentRules',
  businessProcess: 'BusinessProcess',
  cls: 'ApexClass',
  cmp: 'AuraDefinitionBundle',
  compactLayout: 'CompactLayout',
  component: 'ApexComponent',
  contentasset: 'ContentAsset',
  cspTrustedSite: 'CspTrustedSite',
  customPermission: 'CustomPermission',
  dashboard: 'Dashboard',
  dashboardFolder: 'DashboardFolder',
  duplicateRule: 'DuplicateRule',
  email: 'EmailTemplate',
  externalCredential: 'ExternalCredential',
  field: 'CustomField',
  fieldTranslation: 'CustomFieldTranslation',
  fieldSet: 'FieldSet',
  flexipage: 'FlexiPage',
  flow: 'Flow',
  flowDefinition: 'FlowDefinition',
  globalValueSet: 'GlobalValueSet',
  globalValueSetTranslation: 'GlobalValueSetTranslation',
  group: 'Group',
  index: 'Index',
  js: 'LightningComponentBundle',
  labels: 'CustomLabels',
  layout: 'Layout',
  listView: 'ListView',
  matchingRule: 'MatchingRules',
  md: 'CustomMetadata',
  messageChannel: 'LightningMessageChannel',
  namedCredential: 'NamedCredential',
  notiftype: 'CustomNotificationType',
  object: 'CustomObject',
  objectTranslation: 'CustomObjectTranslation',
  page: 'ApexPage',
  pathAssistant: 'PathAssistant',
  permissionset: 'PermissionSet',
  permissionsetgroup: 'PermissionSetGroup',
  profile: 'Profile',
  queue: 'Queue',
  quickAction: 'QuickAction',
  recordType: 'RecordType',
  remoteSite: 'RemoteSiteSetting',
  report: 'Report',
  reportFolder: 'ReportFolder',
  reportType: 'ReportType',
  resource: 'StaticResource',
  role: 'Role',
  sharingReason: 'SharingReason',
  sharingRules: 'SharingRules',
  tab: 'CustomTab',
  translation: 'Translations',
  trigger: 'ApexTrigger',
  validationRule: 'ValidationRule',
  webLink: 'WebLink',
  workflow: 'Workflow'
};

/** The suffix of a source-format metadata file: `Deal__c.object-meta.xml` → `object`. */
export function metadataSuffix(fileName: string): string | undefined {
  const match = /\.([A-Za-z]+)-meta\.xml$/.exec(fileName);
  return match?.[1];
}

/** The root type a file must declare, or undefined when its suffix is not mapped. */
export function expectedRootType(fileName: string): string | undefined {
  const suffix = metadataSuffix(fileName);
  return suffix !== undefined && Object.hasOwn(ROOT_TYPE_BY_SUFFIX, suffix)
    ? ROOT_TYPE_BY_SUFFIX[suffix]
    : undefined;
}

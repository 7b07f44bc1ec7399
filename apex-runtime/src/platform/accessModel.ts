/**
 * What a user may do with objects and fields: object permissions (CRUD, View All, Modify All),
 * field-level security, system permissions (Modify All Data, View All Data) and custom
 * permissions, from the user's profile, permission sets and permission set groups (a group
 * grants the union of its member sets).
 *
 * Every org has the two profiles modelled here; the project's `profiles/` add more:
 * - "System Administrator": Modify All Data and View All Data, so every object and field.
 * - "Standard User" (Salesforce license), as a new org's standard profile grants: create, read,
 *   edit and delete on Account, Contact, Opportunity, OpportunityContactRole, Task and Event;
 *   read on the setup and system objects users query (User, Profile, Organization,
 *   OpportunityStage, PermissionSet, ...); nothing on custom objects; every standard field of
 *   an object it can read is readable (and editable where the field is).
 *
 * Choices where the docs leave the runtime to decide (each pinned by a test):
 * - Field-level security applies to custom fields only, and not to required or master-detail
 *   fields (their access follows the object, which is why a permission set cannot grant them).
 * - A Custom Metadata type is readable with a `customMetadataTypeAccesses` grant, View All Data,
 *   Modify All Data or Customize Application (the org preference "Restrict access to custom
 *   metadata types" on); its fields follow the type.
 * - History rows are readable when their parent object is; share rows likewise.
 * - Modify All Data does not grant custom permissions: `FeatureManagement.checkPermission`
 *   answers only for permissions a profile or permission set enables.
 */
import type {
  ObjectAccess,
  PermissionSetDefinition,
  PermissionSetGroupDefinition
} from '../metadata/permissionSets';
import type { FieldDescribe, ObjectDescribe, OrgSchema } from '../metadata/schema';

export const SYSTEM_ADMINISTRATOR = 'System Administrator';
export const STANDARD_USER = 'Standard User';

const FULL_ACCESS: ObjectAccess = {
  allowCreate: true,
  allowRead: true,
  allowEdit: true,
  allowDelete: true,
  viewAllRecords: false,
  modifyAllRecords: false
};

const READ_ONLY: ObjectAccess = {
  ...FULL_ACCESS,
  allowCreate: false,
  allowEdit: false,
  allowDelete: false
};

/** Standard objects a standard user works with. */
const STANDARD_USER_CRUD = [
  'Account',
  'Contact',
  'Opportunity',
  'OpportunityContactRole',
  'Task',
  'Event'
];

function emptyDefinition(name: string): PermissionSetDefinition {
  return {
    name,
    label: name,
    fields: new Map(),
    objects: new Map(),
    customPermissions: new Set(),
    customMetadataTypes: new Set(),
    tabs: new Map(),
    apexClasses: new Set(),
    applications: new Set(),
    userPermissions: new Set()
  };
}

/** The two profiles every org has, as grants over the schema's objects. */
export function builtInProfiles(schema: OrgSchema): Map<string, PermissionSetDefinition> {
  const admin = emptyDefinition(SYSTEM_ADMINISTRATOR);
  for (const permission of [
    'ModifyAllData',
    'ViewAllData',
    'ViewSetup',
    'ManageUsers',
    'CustomizeApplication',
    'AuthorApex',
    'ApiEnabled'
  ]) {
    admin.userPermissions.add(permission);
  }
  const standard = emptyDefinition(STANDARD_USER);
  standard.userPermissions.add('ApiEnabled');
  for (const object of schema.objects.values()) {
    if (object.custom) continue;
    if (STANDARD_USER_CRUD.includes(object.name)) standard.objects.set(object.name, FULL_ACCESS);
    else if (object.queryable) standard.objects.set(object.name, READ_ONLY);
  }
  return new Map([
    [SYSTEM_ADMINISTRATOR, admin],
    [STANDARD_USER, standard]
  ]);
}

/** Who a user is, permission-wise: the names of their profile, sets and groups. */
export interface PermissionAssignments {
  userId: string;
  profile: string;
  permissionSets: readonly string[];
  permissionSetGroups?: readonly string[];
  /**
   * System permissions switched on by rows the definitions do not hold (a PermissionSet row an
   * Apex test inserted with PermissionsModifyAllData = true).
   */
  extraUserPermissions?: readonly string[];
}

function lower(name: string): string {
  return name.toLowerCase();
}

/** The effective permissions of one user. */
export class UserAccess {
  readonly userId: string;
  readonly profile: string;
  readonly modifyAllData: boolean;
  readonly viewAllData: boolean;
  private readonly objects = new Map<string, ObjectAccess>();
  private readonly fields = new Map<string, { readable: boolean; editable: boolean }>();
  private readonly customPermissions = new Set<string>();
  private readonly customMetadataTypes = new Set<string>();
  private readonly userPermissions = new Set<string>();
  private readonly apexClasses = new Set<string>();
  /** The permission sets assigned to the user directly (not through a group). */
  readonly permissionSetNames: readonly string[];
  /** The permission set groups assigned to the user (personas), by API name. */
  readonly permissionSetGroupNames: readonly string[];

  constructor(
    private readonly schema: OrgSchema,
    assignments: PermissionAssignments,
    grants: readonly PermissionSetDefinition[]
  ) {
    this.userId = assignments.userId;
    this.profile = assignments.profile;
    this.permissionSetNames = [...assignments.permissionSets];
    this.permissionSetGroupNames = [...(assignments.permissionSetGroups ?? [])];
    for (const grant of grants) {
      for (const [objectName, access] of grant.objects) {
        const key = lower(objectName);
        const current = this.objects.get(key);
        this.objects.set(key, current ? unionAccess(current, access) : { ...access });
      }
      for (const [fieldName, access] of grant.fields) {
        const key = lower(fieldName);
        const current = this.fields.get(key);
        this.fields.set(key, {
          readable: access.readable || (current?.readable ?? false),
          editable: access.editable || (current?.editable ?? false)
        });
      }
      grant.customPermissions.forEach((name) => this.customPermissions.add(lower(name)));
      grant.customMetadataTypes.forEach((name) => this.customMetadataTypes.add(lower(name)));
      grant.userPermissions.forEach((name) => this.userPermissions.add(lower(name)));
      grant.apexClasses.forEach((name) => this.apexClasses.add(lower(name)));
    }
    (assignments.extraUserPermissions ?? []).forEach((name) =>
      this.userPermissions.add(lower(name))
    );
    this.modifyAllData = this.userPermissions.has('modifyalldata');
    this.viewAllData = this.modifyAllData || this.userPermissions.has('viewalldata');
  }

  hasUserPermission(name: string): boolean {
    return this.userPermissions.has(lower(name));
  }

  /** A custom permission an assigned profile, set or group enables (`FeatureManagement.checkPermission`). */
  hasCustomPermission(name: string): boolean {
    return this.customPermissions.has(lower(name));
  }

  /** The Apex class may be called from Lightning components (class access). */
  canRunApexClass(className: string): boolean {
    return (
      this.modifyAllData ||
      this.hasUserPermission('AuthorApex') ||
      this.apexClasses.has(lower(className))
    );
  }

  private object(name: string): ObjectDescribe | undefined {
    return this.schema.object(name);
  }

  /** The object permissions that apply: the object's own, a history or share object's parent's. */
  private objectAccess(object: ObjectDescribe): ObjectAccess | undefined {
    const parent = object.historyOf ?? object.shareOf;
    if (parent !== undefined) {
      const parentAccess = this.objects.get(lower(parent));
      return parentAccess?.allowRead ? READ_ONLY : undefined;
    }
    return this.objects.get(lower(object.name));
  }

  private customMetadataReadable(object: ObjectDescribe): boolean {
    return (
      this.viewAllData ||
      this.hasUserPermission('CustomizeApplication') ||
      this.customMetadataTypes.has(lower(object.name))
    );
  }

  canRead(objectName: string): boolean {
    const object = this.object(objectName);
    if (!object) return false;
    if (object.customMetadata) return this.customMetadataReadable(object);
    return this.viewAllData || this.objectAccess(object)?.allowRead === true;
  }

  canCreate(objectName: string): boolean {
    const object = this.object(objectName);
    if (!object?.createable) return false;
    return this.modifyAllData || this.objectAccess(object)?.allowCreate === true;
  }

  canEdit(objectName: string): boolean {
    const object = this.object(objectName);
    if (!object?.updateable) return false;
    return this.modifyAllData || this.objectAccess(object)?.allowEdit === true;
  }

  canDelete(objectName: string): boolean {
    const object = this.object(objectName);
    if (!object?.deletable) return false;
    return this.modifyAllData || this.objectAccess(object)?.allowDelete === true;
  }

  /** View All on the object, or View All Data. */
  viewAllRecords(objectName: string): boolean {
    const object = this.object(objectName);
    if (!object) return false;
    const access = this.objectAccess(object);
    return this.viewAllData || access?.viewAllRecords === true || access?.modifyAllRecords === true;
  }

  /** Modify All on the object, or Modify All Data. */
  modifyAllRecords(objectName: string): boolean {
    const object = this.object(objectName);
    if (!object) return false;
    return this.modifyAllData || this.objectAccess(object)?.modifyAllRecords === true;
  }

  private fieldGrant(object: ObjectDescribe, field: FieldDescribe) {
    const parent = object.historyOf ?? object.shareOf;
    return this.fields.get(lower(`${parent ?? object.name}.${field.name}`));
  }

  /** Field-level security: may the user see the field (given they can read the object)? */
  fieldReadable(objectName: string, fieldName: string): boolean {
    const object = this.object(objectName);
    const field = object ? this.schema.field(object.name, fieldName) : undefined;
    if (!object || !field || !this.canRead(object.name)) return false;
    if (!isFieldSecured(object, field) || this.viewAllData) return true;
    return this.fieldGrant(object, field)?.readable === true;
  }

  /** Field-level security: may the user set the field (given they can create or edit the record)? */
  fieldEditable(objectName: string, fieldName: string): boolean {
    const object = this.object(objectName);
    const field = object ? this.schema.field(object.name, fieldName) : undefined;
    if (!object || !field || !(field.createable || field.updateable)) return false;
    if (!this.canCreate(object.name) && !this.canEdit(object.name)) return false;
    if (!isFieldSecured(object, field) || this.modifyAllData) return true;
    return this.fieldGrant(object, field)?.editable === true;
  }
}

function unionAccess(a: ObjectAccess, b: ObjectAccess): ObjectAccess {
  return {
    allowCreate: a.allowCreate || b.allowCreate,
    allowRead: a.allowRead || b.allowRead,
    allowEdit: a.allowEdit || b.allowEdit,
    allowDelete: a.allowDelete || b.allowDelete,
    viewAllRecords: a.viewAllRecords || b.viewAllRecords,
    modifyAllRecords: a.modifyAllRecords || b.modifyAllRecords
  };
}

/** Whether field-level security decides access to the field (see the module comment). */
export function isFieldSecured(object: ObjectDescribe, field: FieldDescribe): boolean {
  return field.custom && !object.customMetadata && !field.required && !field.masterDetail;
}

export interface AccessModelSources {
  schema: OrgSchema;
  permissionSets: ReadonlyMap<string, PermissionSetDefinition>;
  permissionSetGroups?: ReadonlyMap<string, PermissionSetGroupDefinition>;
  /** Profiles beyond the two built in (the project's `profiles/`). */
  profiles?: ReadonlyMap<string, PermissionSetDefinition>;
}

/** Turns profile, permission set and group names into a user's effective permissions. */
export class AccessModel {
  readonly profiles: ReadonlyMap<string, PermissionSetDefinition>;

  constructor(private readonly sources: AccessModelSources) {
    this.profiles = new Map([...builtInProfiles(sources.schema), ...(sources.profiles ?? [])]);
  }

  get schema(): OrgSchema {
    return this.sources.schema;
  }

  hasPermissionSet(name: string): boolean {
    return this.sources.permissionSets.has(name);
  }

  hasPermissionSetGroup(name: string): boolean {
    return this.sources.permissionSetGroups?.has(name) ?? false;
  }

  accessFor(assignments: PermissionAssignments): UserAccess {
    const profile = this.profiles.get(assignments.profile);
    if (!profile) throw new Error(`Unknown profile ${assignments.profile}`);
    const grants: PermissionSetDefinition[] = [profile];
    const setNamed = (name: string): PermissionSetDefinition => {
      const set = this.sources.permissionSets.get(name);
      if (!set) throw new Error(`Unknown permission set ${name}`);
      return set;
    };
    assignments.permissionSets.forEach((name) => grants.push(setNamed(name)));
    for (const groupName of assignments.permissionSetGroups ?? []) {
      const group = this.sources.permissionSetGroups?.get(groupName);
      if (!group) throw new Error(`Unknown permission set group ${groupName}`);
      group.permissionSets.forEach((name) => grants.push(setNamed(name)));
    }
    return new UserAccess(this.sources.schema, assignments, grants);
  }
}

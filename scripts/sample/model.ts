/**
 * The in-memory shape of the sample org before it is written as `sf data tree` files. A record
 * keeps its owner and its User lookups apart from its fields because tree files cannot reference
 * users: those go to data/sample-owners.json and are applied by the seeding step.
 */
export type FieldValue = string | number | boolean;

/** Stable key of a sample user, e.g. `seller3`; the seeding step maps it to a real User Id. */
export type UserKey = string;

export interface SampleRecord {
  readonly sObject: string;
  /** `<sObject>Ref<n>`, the form `sf data import tree` resolves, also within one file. */
  readonly referenceId: string;
  /** Field values; undefined means blank (the field is left out of the tree file). */
  readonly fields: Record<string, FieldValue | undefined>;
  readonly owner?: UserKey;
  readonly userLookups?: Record<string, UserKey>;
}

/**
 * A sample user's place in the sales organisation: the director runs the managers, who run the
 * sellers; leadership (the CMO) sits beside the director and runs no team.
 */
export type UserRole = 'director' | 'manager' | 'seller' | 'leadership' | 'admin';

export interface SampleUser {
  readonly key: UserKey;
  readonly firstName: string;
  readonly lastName: string;
  readonly alias: string;
  /** Local part only: the seeding step appends a domain unique to the target org. */
  readonly emailLocalPart: string;
  readonly title: string;
  readonly role: UserRole;
  /**
   * The personas the user holds: permission set groups of the package (Sales_Seller,
   * Sales_Manager, Sales_Leadership, Sales_Strategy_Admin), assigned as the README tells admins
   * to. The user holds permission sets only through them (`permissionSetsOf` in personas.ts).
   */
  readonly permissionSetGroups: readonly string[];
  readonly managerKey?: UserKey;
  /** User.LanguageLocaleKey: the language the user reads the package in (`da`, `en_US`). */
  readonly language: string;
  /** User.LocaleSidKey: how numbers, amounts and dates are written for the user. */
  readonly locale: string;
}

/** One row as OpportunityHistory records it: the deal's state after a save. */
export interface OpportunitySnapshot {
  readonly createdDate: string;
  readonly stageName: string;
  readonly amount: number | null;
  readonly closeDate: string;
  readonly probability: number;
  readonly forecastCategory: string;
}

export type TrackedOpportunityField =
  'created' | 'StageName' | 'Amount' | 'CloseDate' | 'ForecastCategoryName';

/** One row as OpportunityFieldHistory records it. */
export interface OpportunityFieldChange {
  readonly createdDate: string;
  /** Who saved the change (the row's CreatedById). */
  readonly createdBy: UserKey;
  readonly field: TrackedOpportunityField;
  readonly oldValue: string | number | null;
  readonly newValue: string | number | null;
}

export interface OpportunityHistory {
  readonly referenceId: string;
  readonly createdDate: string;
  readonly snapshots: readonly OpportunitySnapshot[];
  readonly fieldChanges: readonly OpportunityFieldChange[];
}

/**
 * The audit fields of a record (Salesforce API, "System Fields"): when it was created and last
 * modified, and by which sample user. The platform sets them on save; an import can only set them
 * with the "Set Audit Fields upon Record Creation" permission, so they live beside the tree files.
 */
export interface AuditStamp {
  readonly CreatedDate: string;
  readonly CreatedById: UserKey;
  readonly LastModifiedDate: string;
  readonly LastModifiedById: UserKey;
}

export interface SampleOrg {
  readonly users: readonly SampleUser[];
  /** Grouped by sObject in import (dependency) order. */
  readonly recordsByObject: ReadonlyArray<readonly [string, readonly SampleRecord[]]>;
  readonly opportunityHistory: readonly OpportunityHistory[];
  /** Audit fields of every user (by key) and every record (by referenceId). */
  readonly auditFields: ReadonlyMap<string, AuditStamp>;
}

/** The `@ref` form a tree file uses to point at another record of the sample. */
export function refTo(record: SampleRecord): string {
  return `@${record.referenceId}`;
}

/**
 * Objects whose records have an OwnerId. Master-detail children (Program_Enrollment__c included,
 * although DATA_MODEL.md lists it as ReadWrite) take their parent's owner.
 */
export const OWNED_OBJECTS: ReadonlySet<string> = new Set([
  'Strategy_Version__c',
  'KPI_Snapshot__c',
  'Customer_Segment__c',
  'Account',
  'Contact',
  'Opportunity',
  'Event',
  'Task',
  'Coaching_Session__c',
  'Sales_Target__c',
  'Skill_Assessment__c',
  'Development_Program__c',
  'Compensation_Plan__c',
  'Improvement_Idea__c'
]);

/** Objects without SSM_External_Id__c in the data model (OpportunityContactRole has none). */
const OBJECTS_WITHOUT_EXTERNAL_ID: ReadonlySet<string> = new Set(['OpportunityContactRole']);

/**
 * Builds records of one sObject with sequential reference ids and the stable external id that
 * makes `ssm seed` idempotent.
 */
export class RecordSequence {
  private count = 0;

  constructor(readonly sObject: string) {}

  /** The reference id the next record will get (history rows need it before the record). */
  peekReferenceId(): string {
    return `${this.sObject}Ref${this.count + 1}`;
  }

  next(
    fields: Record<string, FieldValue | undefined>,
    owner?: UserKey,
    userLookups?: Record<string, UserKey>
  ): SampleRecord {
    if (OWNED_OBJECTS.has(this.sObject) !== (owner !== undefined)) {
      throw new Error(`${this.sObject} records ${owner ? 'have no' : 'need an'} owner`);
    }
    this.count += 1;
    const referenceId = `${this.sObject}Ref${this.count}`;
    const withKey = OBJECTS_WITHOUT_EXTERNAL_ID.has(this.sObject)
      ? fields
      : { ...fields, SSM_External_Id__c: externalIdFor(referenceId) };
    return { sObject: this.sObject, referenceId, fields: withKey, owner, userLookups };
  }
}

export function externalIdFor(referenceId: string): string {
  return `sample:${referenceId}`;
}

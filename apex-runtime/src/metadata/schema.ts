/**
 * The org's schema as the runtime sees it: every object (standard objects from the runtime's own
 * catalogue, custom objects and fields from the project's metadata), with what describes, SOQL,
 * DML and FormulaEval need. Names are looked up case-insensitively and reported in their
 * canonical spelling.
 */

/** The Apex type a field's values have (`Opportunity.Amount` is a Decimal, `Name` a String). */
export type ApexFieldType =
  | 'Id'
  | 'String'
  | 'Boolean'
  | 'Integer'
  | 'Long'
  | 'Double'
  | 'Decimal'
  | 'Date'
  | 'Datetime'
  | 'Time'
  | 'Blob'
  /** Untyped values, e.g. OpportunityFieldHistory.OldValue. */
  | 'Object';

/**
 * The describe type (`Schema.DisplayType`): ID, REFERENCE, STRING, TEXTAREA, PICKLIST,
 * MULTIPICKLIST, BOOLEAN, INTEGER, LONG, DOUBLE, CURRENCY, PERCENT, DATE, DATETIME, TIME, EMAIL,
 * PHONE, URL, BASE64, ANYTYPE, COMBOBOX, ENCRYPTEDSTRING, ADDRESS, LOCATION.
 */
export type DisplayType =
  | 'ID'
  | 'REFERENCE'
  | 'STRING'
  | 'TEXTAREA'
  | 'PICKLIST'
  | 'MULTIPICKLIST'
  | 'BOOLEAN'
  | 'INTEGER'
  | 'LONG'
  | 'DOUBLE'
  | 'CURRENCY'
  | 'PERCENT'
  | 'DATE'
  | 'DATETIME'
  | 'TIME'
  | 'EMAIL'
  | 'PHONE'
  | 'URL'
  | 'BASE64'
  | 'ANYTYPE'
  | 'COMBOBOX';

export interface PicklistEntry {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
}

export interface FieldDescribe {
  /** Canonical API name, e.g. `Close_Date_Push_Count__c`. */
  name: string;
  label: string;
  apexType: ApexFieldType;
  displayType: DisplayType;
  custom: boolean;
  /** Maximum length of text fields (Text, TextArea, LongTextArea, Email, URL, Phone, Picklist). */
  length?: number;
  /** Total digits and digits after the point of Number, Currency and Percent fields. */
  precision?: number;
  scale?: number;
  /** Required on save (the field's `required`, or a master-detail field, or a standard required field). */
  required: boolean;
  /** False for read-only system fields, formulas and roll-ups (CreatedDate, IsClosed, ...). */
  createable: boolean;
  updateable: boolean;
  /** True for fields the platform fills when left blank (OwnerId, CloseDate is not). */
  defaultedOnCreate: boolean;
  nillable: boolean;
  unique: boolean;
  externalId: boolean;
  caseSensitive: boolean;
  /** The field's formula (formula fields), in the org's formula language. */
  formula?: string;
  /** `BlankAsZero` or `BlankAsBlank` for formula fields. */
  formulaTreatBlanksAs?: 'BlankAsZero' | 'BlankAsBlank';
  /** The return type of a formula field: Number, Currency, Percent, Checkbox, Text, Date, DateTime. */
  formulaReturnType?: string;
  /** Roll-up summary definition. */
  rollup?: RollupDescribe;
  /** Objects a lookup or master-detail points to (several for polymorphic lookups such as WhatId). */
  referenceTo: string[];
  /** Parent relationship name (`Account`, `Customer_Segment__r`) of a lookup or master-detail. */
  relationshipName?: string;
  /** Master-detail: deleting the parent deletes the child; sharing follows the parent. */
  masterDetail: boolean;
  /** Picklist and multi-select picklist values, in their order. */
  picklistValues: PicklistEntry[];
  /** True when picklist values outside the list are refused on save. */
  restrictedPicklist: boolean;
  /** Field history tracking is on (a history row is written when the value changes). */
  trackHistory: boolean;
  /** Default value as a formula (`TRUE`, `"New"`, `TODAY()`), for custom fields that declare one. */
  defaultValueFormula?: string;
  /** Auto-number fields (a custom object's Name or a custom AutoNumber field): the platform numbers them on insert. */
  autoNumber?: { displayFormat: string; startingNumber: number };
  /** What deleting the parent does to a lookup: clear it, refuse the delete, or delete the child. */
  deleteConstraint?: 'SetNull' | 'Restrict' | 'Cascade';
  /** Maximum digits of Integer fields (`int` in describes). */
  digits?: number;
  /**
   * A polymorphic lookup (WhatId, WhoId, UserOrGroupId): its parent relationship reaches the
   * `Name` object (Id, Type, Name ...), even when only one of its targets exists offline.
   */
  polymorphic?: boolean;
}

export interface RollupDescribe {
  operation: 'count' | 'sum' | 'min' | 'max';
  childObject: string;
  /** The child's master-detail field pointing at this object. */
  foreignKey: string;
  /** The child field summarised; absent for count. */
  summarizedField?: string;
  filters: { field: string; operation: 'equals' | 'notEqual'; value: string }[];
}

export interface ChildRelationshipDescribe {
  /** Sub-query name, e.g. `Opportunities`, `Account_Plan_Objectives__r`. */
  relationshipName: string;
  childObject: string;
  /** The child's field pointing at the parent. */
  field: string;
  cascadeDelete: boolean;
}

export interface ValidationRuleDescribe {
  /** Full name, e.g. `Usefulness_Rating_1_To_5`. */
  name: string;
  active: boolean;
  /** TRUE means the record is refused. */
  errorConditionFormula: string;
  errorMessage: string;
  /** Field the error is shown on, if any. */
  errorDisplayField?: string;
}

export type SharingModel =
  'Private' | 'Read' | 'ReadWrite' | 'ReadWriteTransfer' | 'FullAccess' | 'ControlledByParent';

export interface ObjectDescribe {
  /** Canonical API name, e.g. `Account_Plan__c`. */
  name: string;
  label: string;
  labelPlural: string;
  /** Three characters every record Id of the object starts with. */
  keyPrefix: string;
  custom: boolean;
  customSetting: boolean;
  /** Custom Metadata type (`__mdt`): readable by SOQL, not by DML. */
  customMetadata: boolean;
  /** Organization-wide default for internal users. */
  sharingModel: SharingModel;
  /** Object has an owner field (OwnerId). */
  hasOwner: boolean;
  /** Fields by canonical name, in describe order (Id first). */
  fields: FieldDescribe[];
  childRelationships: ChildRelationshipDescribe[];
  validationRules: ValidationRuleDescribe[];
  /** Apex sharing reasons (`Coached_Seller`) for `<Object>__Share` rows. */
  sharingReasons: { name: string; label: string }[];
  /** The `__Share` object of a custom object with a Private or Read default, if it has one. */
  shareObject?: string;
  /** The `__History` / `OpportunityFieldHistory` object written for tracked fields, if any. */
  historyObject?: string;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  queryable: boolean;
  /** The field that names a record (`Name`, `Subject` on activities), if any. */
  nameField?: string;
  /**
   * With sharing model ControlledByParent: the lookups whose parent records decide access (the
   * master-detail fields of a custom detail object; `AccountId` of Contact).
   */
  sharingParentFields?: string[];
  /** Records of the object can be an activity's What (custom objects with activities enabled). */
  allowsActivities?: boolean;
  /** For a `__Share` object: the object it shares. */
  shareOf?: string;
  /** For a `__History` object or OpportunityFieldHistory: the object whose changes it records. */
  historyOf?: string;
}

export interface OrgSchema {
  /** Every object, by canonical name. */
  readonly objects: ReadonlyMap<string, ObjectDescribe>;
  /** Case-insensitive lookup of an object. */
  object(name: string): ObjectDescribe | undefined;
  /** Case-insensitive lookup of a field of an object. */
  field(objectName: string, fieldName: string): FieldDescribe | undefined;
  /** The field whose parent relationship name (`Account`, `Owner`, `Customer_Segment__r`) is given. */
  relationship(objectName: string, relationshipName: string): FieldDescribe | undefined;
  /** A child relationship of an object by its sub-query name. */
  childRelationship(
    objectName: string,
    relationshipName: string
  ): ChildRelationshipDescribe | undefined;
  /** The object whose records have Ids starting with the key prefix. */
  objectOfKeyPrefix(prefix: string): ObjectDescribe | undefined;
}

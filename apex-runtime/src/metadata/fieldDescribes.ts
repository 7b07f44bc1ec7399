/**
 * Builds field describes with the platform's defaults, and the system fields every object
 * carries (Salesforce Object Reference, "System Fields": Id, IsDeleted, CreatedById,
 * CreatedDate, LastModifiedById, LastModifiedDate, SystemModstamp; OwnerId on objects with an
 * owner).
 */
import { apexTypesOf, type DescribeType } from './fieldTypes';
import type { FieldDescribe } from './schema';

export type FieldInit = Partial<Omit<FieldDescribe, 'apexType' | 'displayType'>> & {
  name: string;
  type: DescribeType;
};

/** A describe with the defaults of an ordinary optional, editable field. */
export function makeField(init: FieldInit): FieldDescribe {
  const { type, ...rest } = init;
  const { apexType, displayType } = apexTypesOf(type);
  const required = rest.required ?? false;
  return {
    label: init.name,
    custom: false,
    createable: true,
    updateable: true,
    defaultedOnCreate: type === 'boolean',
    // Checkboxes are never null; required fields never are once saved.
    nillable: !required && type !== 'boolean',
    unique: false,
    externalId: false,
    caseSensitive: false,
    referenceTo: [],
    masterDetail: false,
    picklistValues: [],
    restrictedPicklist: false,
    trackHistory: false,
    ...rest,
    required,
    apexType,
    displayType
  };
}

export function idField(objectLabel: string): FieldDescribe {
  return makeField({
    name: 'Id',
    type: 'id',
    label: `${objectLabel} ID`,
    length: 18,
    createable: false,
    updateable: false,
    defaultedOnCreate: true,
    nillable: false
  });
}

export function userLookup(name: string, label: string, relationshipName: string): FieldDescribe {
  return makeField({
    name,
    type: 'reference',
    label,
    length: 18,
    referenceTo: ['User'],
    relationshipName,
    createable: false,
    updateable: false,
    defaultedOnCreate: true,
    nillable: false
  });
}

/** OwnerId: set to the creating user when left blank, changed by a transfer. */
export function ownerField(): FieldDescribe {
  return makeField({
    name: 'OwnerId',
    type: 'reference',
    label: 'Owner ID',
    length: 18,
    referenceTo: ['User'],
    relationshipName: 'Owner',
    defaultedOnCreate: true,
    nillable: false
  });
}

function readOnlyField(name: string, type: DescribeType, label: string): FieldDescribe {
  return makeField({
    name,
    type,
    label,
    createable: false,
    updateable: false,
    defaultedOnCreate: true,
    nillable: false
  });
}

/**
 * Which audit fields an object has: `full` for ordinary records, `created` for history rows and
 * jobs (written once), `share` for share rows (Id, ParentId, ..., LastModifiedDate,
 * LastModifiedById, IsDeleted), `none` for objects without them.
 */
export type AuditFields = 'full' | 'created' | 'share' | 'none';

export function auditFields(kind: AuditFields): FieldDescribe[] {
  const deleted = readOnlyField('IsDeleted', 'boolean', 'Deleted');
  const createdDate = readOnlyField('CreatedDate', 'datetime', 'Created Date');
  const createdBy = userLookup('CreatedById', 'Created By ID', 'CreatedBy');
  const modifiedDate = readOnlyField('LastModifiedDate', 'datetime', 'Last Modified Date');
  const modifiedBy = userLookup('LastModifiedById', 'Last Modified By ID', 'LastModifiedBy');
  const modstamp = readOnlyField('SystemModstamp', 'datetime', 'System Modstamp');
  switch (kind) {
    case 'full':
      return [deleted, createdDate, createdBy, modifiedDate, modifiedBy, modstamp];
    case 'created':
      return [deleted, createdDate, createdBy];
    case 'share':
      return [modifiedDate, modifiedBy, deleted];
    case 'none':
      return [];
  }
}

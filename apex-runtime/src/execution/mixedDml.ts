/**
 * The mixed-DML rule (Apex Developer Guide, "sObjects That Can’t Be Used Together in DML
 * Operations"): DML on a setup object, one that changes users' access, cannot follow DML on
 * another object in the same transaction, nor precede it. Tests keep them apart with
 * System.runAs, which starts a fresh context; asynchronous jobs are transactions of their own.
 */
import type { StoredRow } from '../platform/dataSource';
import { SObjectValue } from '../values/sobject';
import type { DmlOperation } from '../parse/ast';
import { dmlError, type DmlError } from './dmlTypes';

/** The setup objects the page lists (not exhaustive), with the permission set group objects. */
const SETUP_OBJECTS = new Set(
  [
    'AuthSession',
    'ContentWorkspace',
    'FieldPermissions',
    'ForecastingShare',
    'Group',
    'GroupMember',
    'ObjectPermissions',
    'ObjectTerritory2AssignmentRule',
    'ObjectTerritory2AssignmentRuleItem',
    'PermissionSet',
    'PermissionSetAssignment',
    'PermissionSetGroup',
    'PermissionSetGroupComponent',
    'QueueSObject',
    'RuleTerritory2Association',
    'SetupEntityAccess',
    'Territory',
    'Territory2',
    'Territory2Model',
    'User',
    'UserPackageLicense',
    'UserRole',
    'UserTerritory',
    'UserTerritory2Association'
  ].map((name) => name.toLowerCase())
);

/** "You can update a user in a transaction with other sObjects ... if the following fields are not also updated". */
const USER_ACCESS_FIELDS = [
  'UserRoleId',
  'IsActive',
  'ForecastEnabled',
  'IsPortalEnabled',
  'Username',
  'ProfileId'
];

/** The first setup and non-setup objects a transaction saved. */
export interface MixedDmlState {
  setup?: string;
  nonSetup?: string;
}

export interface MixedDmlRequest {
  objectName: string;
  operation: DmlOperation;
  records: readonly (SObjectValue | string | null)[];
  /** The stored row of a record being updated. */
  stored: (id: string) => StoredRow | undefined;
}

/**
 * What the rule makes of this DML: `setup` when it touches users' access, `either` when the page
 * lets it share a transaction with both kinds (a group inserted or updated, a user inserted
 * without a role or updated without access fields), `other` otherwise.
 */
export function dmlKind(request: MixedDmlRequest): 'setup' | 'either' | 'other' {
  const name = request.objectName.toLowerCase();
  if (!SETUP_OBJECTS.has(name)) return 'other';
  const insertOrUpdate = request.operation === 'insert' || request.operation === 'update';
  if (name === 'group') return insertOrUpdate ? 'either' : 'setup';
  if (name !== 'user') return 'setup';
  const sobjects = request.records.filter((record) => record instanceof SObjectValue);
  if (request.operation === 'insert') {
    return sobjects.some((record) => record.get('UserRoleId')) ? 'setup' : 'either';
  }
  if (request.operation !== 'update') return 'setup';
  const changesAccess = sobjects.some((record) => {
    const id = record.get('Id');
    const before = typeof id === 'string' ? request.stored(id) : undefined;
    if (!before) return true;
    return USER_ACCESS_FIELDS.some(
      (field) => record.has(field) && (record.get(field) ?? null) !== (before[field] ?? null)
    );
  });
  return changesAccess ? 'setup' : 'either';
}

/**
 * Records the request in the transaction's state, or returns the MIXED_DML_OPERATION error every
 * row of it gets.
 */
export function mixedDmlError(
  state: MixedDmlState,
  request: MixedDmlRequest
): DmlError | undefined {
  const kind = dmlKind(request);
  if (kind === 'either') return undefined;
  const setup = kind === 'setup';
  const original = setup ? state.nonSetup : state.setup;
  if (original !== undefined) {
    return dmlError(
      'MIXED_DML_OPERATION',
      `DML operation on setup object is not permitted after you have updated a non-setup object (or vice versa): ${request.objectName}, original object: ${original}`
    );
  }
  if (setup) state.setup ??= request.objectName;
  else state.nonSetup ??= request.objectName;
  return undefined;
}

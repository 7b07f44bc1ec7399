/**
 * Record-level access (sharing): which records of an object a user may see and edit, as the org
 * decides it (Salesforce Help, "Organization-Wide Sharing Defaults", "Controlling Access Using
 * Hierarchies", "Activity Access"):
 * - View All Data / Modify All Data, or View All / Modify All on the object: every record.
 * - Org-wide default Public Read Only (`Read`): every record readable; Public Read/Write (and
 *   Read/Write/Transfer, Full Access): every record readable and editable.
 * - Controlled by Parent: the same access as the record's parents (every master of a junction
 *   object); a contact without an account is private to its owner.
 * - Otherwise the owner, and users above the owner in the hierarchy, read and edit; a
 *   `__Share` row for the user, or for a group that contains the user, grants read (`Read`) or
 *   read and edit (`Edit`, `All`).
 * - Activities (Private): owner and hierarchy read and edit; anyone who can read the record the
 *   activity relates to (What or Who) can read it.
 *
 * The hierarchy: the role hierarchy (UserRole.ParentRoleId: users in roles above the owner's),
 * and the manager chain (User.ManagerId). The sample org has no roles and models its teams with
 * ManagerId, as the workbench always has (README: managers see their team's deals through the
 * hierarchy); orgs with roles get both.
 *
 * The facts are read through `SharingFacts`, so the same rules run over the runtime's database
 * and over the workbench's JSON records.
 */
import type { ObjectDescribe, OrgSchema } from '../metadata/schema';
import { idKey } from './recordIds';

export type RowLike = Readonly<Record<string, unknown>>;

/** What sharing needs to know about the org. */
export interface SharingFacts {
  readonly schema: OrgSchema;
  /** Any record by Id (parents of a detail, an activity's What). */
  row(id: string): RowLike | undefined;
  /** Live rows of an object (users, roles, groups, group members, share rows). */
  rows(objectName: string): Iterable<RowLike>;
}

/** The user-level permissions sharing consults. */
export interface SharingSubject {
  readonly userId: string;
  readonly viewAllData: boolean;
  readonly modifyAllData: boolean;
  viewAllRecords(objectName: string): boolean;
  modifyAllRecords(objectName: string): boolean;
}

const PUBLIC_READ = new Set(['Read', 'ReadWrite', 'ReadWriteTransfer', 'FullAccess']);
const PUBLIC_EDIT = new Set(['ReadWrite', 'ReadWriteTransfer', 'FullAccess']);

function key(value: unknown): string | undefined {
  return typeof value === 'string' && (value.length === 15 || value.length === 18)
    ? idKey(value)
    : undefined;
}

type Level = 'none' | 'read' | 'edit';

/**
 * Sharing decisions for one user over one state of the facts. It caches what it derives (the
 * hierarchy, groups, share rows, each record's level), so make one per query or DML statement,
 * not one per session.
 */
export class RecordAccess {
  private below?: Set<string>;
  private groups?: Set<string>;
  private readonly shares = new Map<string, Map<string, Level>>();
  private readonly levels = new Map<string, Level>();
  private usersByKey?: Map<string, RowLike>;

  constructor(
    private readonly subject: SharingSubject,
    private readonly facts: SharingFacts
  ) {}

  private get schema(): OrgSchema {
    return this.facts.schema;
  }

  canRead(objectName: string, row: RowLike): boolean {
    return this.level(objectName, row) !== 'none';
  }

  canEdit(objectName: string, row: RowLike): boolean {
    return this.level(objectName, row) === 'edit';
  }

  /** A predicate for many rows of one object. */
  visibilityPredicate(objectName: string): (row: RowLike) => boolean {
    return (row) => this.canRead(objectName, row);
  }

  private level(objectName: string, row: RowLike): Level {
    const object = this.schema.object(objectName);
    if (!object) throw new Error(`sObject type '${objectName}' is not supported`);
    const id = key(row.Id);
    const cacheKey = id === undefined ? undefined : `${object.name}:${id}`;
    const cached = cacheKey === undefined ? undefined : this.levels.get(cacheKey);
    if (cached !== undefined) return cached;
    if (cacheKey !== undefined) this.levels.set(cacheKey, 'none'); // a cycle grants nothing
    const level = this.compute(object, row);
    if (cacheKey !== undefined) this.levels.set(cacheKey, level);
    return level;
  }

  private compute(object: ObjectDescribe, row: RowLike): Level {
    const { subject } = this;
    if (subject.modifyAllData || subject.modifyAllRecords(object.name)) return 'edit';
    const model = object.sharingModel;
    if (PUBLIC_EDIT.has(model)) return 'edit';
    const readAll = subject.viewAllData || subject.viewAllRecords(object.name);
    if (model === 'ControlledByParent') {
      const parents = (object.sharingParentFields ?? []).filter((field) => key(row[field]));
      if (parents.length > 0) {
        const levels = parents.map((field) => this.parentLevel(row[field]));
        const level = levels.includes('none') ? 'none' : levels.includes('read') ? 'read' : 'edit';
        return level === 'none' && readAll ? 'read' : level;
      }
      if (!object.hasOwner) return readAll ? 'read' : 'none';
    }
    if (object.name === 'User' && key(row.Id) === key(subject.userId)) return 'edit';
    if (model === 'Read' && !object.hasOwner) return 'read';
    let level: Level = this.ownerLevel(object, row);
    if (level !== 'edit') level = max(level, this.shareLevel(object, row));
    if (level === 'none' && this.isActivity(object)) level = this.relatedRecordLevel(row);
    if (level === 'none' && (readAll || PUBLIC_READ.has(model))) level = 'read';
    return level;
  }

  private isActivity(object: ObjectDescribe): boolean {
    return object.name === 'Task' || object.name === 'Event';
  }

  private parentLevel(parentId: unknown): Level {
    const id = key(parentId);
    const parentObject = id ? this.objectOfId(id) : undefined;
    const parent = id ? this.facts.row(parentId as string) : undefined;
    return parent && parentObject ? this.level(parentObject.name, parent) : 'none';
  }

  private objectOfId(id: string): ObjectDescribe | undefined {
    return this.schema.objectOfKeyPrefix(id.slice(0, 3));
  }

  /** Users who can read the What or Who record can read the activity. */
  private relatedRecordLevel(row: RowLike): Level {
    for (const field of ['WhatId', 'WhoId']) {
      if (key(row[field]) && this.parentLevel(row[field]) !== 'none') return 'read';
    }
    return 'none';
  }

  private ownerLevel(object: ObjectDescribe, row: RowLike): Level {
    if (!object.hasOwner) return 'none';
    const owner = key(row.OwnerId);
    return owner !== undefined && this.usersAtOrBelow().has(owner) ? 'edit' : 'none';
  }

  private shareLevel(object: ObjectDescribe, row: RowLike): Level {
    const shareObject = object.shareObject;
    const id = key(row.Id);
    if (shareObject === undefined || id === undefined) return 'none';
    let byParent = this.shares.get(shareObject);
    if (!byParent) {
      byParent = new Map();
      const grantees = this.granteeIds();
      for (const share of this.facts.rows(shareObject)) {
        const parent = key(share.ParentId);
        const grantee = key(share.UserOrGroupId);
        if (!parent || !grantee || !grantees.has(grantee)) continue;
        const level: Level = share.AccessLevel === 'Read' ? 'read' : 'edit';
        byParent.set(parent, max(byParent.get(parent) ?? 'none', level));
      }
      this.shares.set(shareObject, byParent);
    }
    return byParent.get(id) ?? 'none';
  }

  /** The user and every group the user belongs to, directly, through groups or roles. */
  private granteeIds(): Set<string> {
    if (!this.groups) this.groups = this.groupsOfUser();
    return new Set([idKey(this.subject.userId), ...this.groups]);
  }

  /** The user's own Id and the Ids of everyone below them (manager chain and role hierarchy), as keys. */
  usersAtOrBelow(): Set<string> {
    if (this.below) return this.below;
    const me = idKey(this.subject.userId);
    const users = [...this.facts.rows('User')];
    const below = new Set(
      [...managerHierarchyBelow(users, this.subject.userId)].map((id) => idKey(id))
    );
    const myRole = key(users.find((user) => key(user.Id) === me)?.UserRoleId);
    if (myRole) {
      const roles = this.rolesBelow(myRole);
      for (const user of users) {
        const role = key(user.UserRoleId);
        const id = key(user.Id);
        if (role && id && roles.has(role)) below.add(id);
      }
    }
    this.below = below;
    return below;
  }

  /** Roles strictly below a role. */
  private rolesBelow(role: string): Set<string> {
    const children = new Map<string, string[]>();
    for (const candidate of this.facts.rows('UserRole')) {
      const id = key(candidate.Id);
      const parent = key(candidate.ParentRoleId);
      if (id && parent) children.set(parent, [...(children.get(parent) ?? []), id]);
    }
    const result = new Set<string>();
    const queue = [role];
    while (queue.length > 0) {
      for (const child of children.get(queue.shift() as string) ?? []) {
        if (!result.has(child)) {
          result.add(child);
          queue.push(child);
        }
      }
    }
    return result;
  }

  private groupsOfUser(): Set<string> {
    const me = idKey(this.subject.userId);
    const user = this.userRow(me);
    const myRole = key(user?.UserRoleId);
    const rolesAbove = new Set<string>();
    if (myRole) {
      const parentOf = new Map<string, string>();
      for (const role of this.facts.rows('UserRole')) {
        const id = key(role.Id);
        const parent = key(role.ParentRoleId);
        if (id && parent) parentOf.set(id, parent);
      }
      for (
        let role: string | undefined = myRole;
        role && !rolesAbove.has(role);
        role = parentOf.get(role)
      ) {
        rolesAbove.add(role);
      }
    }
    const managers = new Set<string>();
    for (
      let manager = key(user?.ManagerId);
      manager && !managers.has(manager);
      manager = key(this.userRow(manager)?.ManagerId)
    ) {
      managers.add(manager);
    }
    const groups = new Set<string>();
    for (const group of this.facts.rows('Group')) {
      const id = key(group.Id);
      const related = key(group.RelatedId);
      if (!id) continue;
      switch (group.Type) {
        case 'Organization':
          groups.add(id);
          break;
        case 'Role':
          if (related && related === myRole) groups.add(id);
          break;
        case 'RoleAndSubordinates':
        case 'RoleAndSubordinatesInternal':
          if (related && rolesAbove.has(related)) groups.add(id);
          break;
        case 'Manager':
          // The manager group of a user holds the user's managers.
          if (related && this.managersOf(related).has(me)) groups.add(id);
          break;
        case 'ManagerAndSubordinatesInternal':
          if (related && (related === me || managers.has(related))) groups.add(id);
          break;
        default:
          break;
      }
    }
    // Regular groups and queues through membership, nested groups included.
    const members = [...this.facts.rows('GroupMember')];
    let grew = true;
    const direct = new Set<string>([me, ...groups]);
    while (grew) {
      grew = false;
      for (const member of members) {
        const group = key(member.GroupId);
        const who = key(member.UserOrGroupId);
        if (group && who && direct.has(who) && !direct.has(group)) {
          direct.add(group);
          groups.add(group);
          grew = true;
        }
      }
    }
    return groups;
  }

  /** A user's row by Id key (users are few: found by scanning once). */
  private userRow(userKey: string): RowLike | undefined {
    if (!this.usersByKey) {
      this.usersByKey = new Map();
      for (const user of this.facts.rows('User')) {
        const id = key(user.Id);
        if (id) this.usersByKey.set(id, user);
      }
    }
    return this.usersByKey.get(idKey(userKey));
  }

  private managersOf(userId: string): Set<string> {
    const managers = new Set<string>();
    for (
      let manager = key(this.userRow(userId)?.ManagerId);
      manager && !managers.has(manager);
      manager = key(this.userRow(manager)?.ManagerId)
    ) {
      managers.add(manager);
    }
    return managers;
  }
}

/**
 * The user's own Id and the Ids of everyone who reports to them through User.ManagerId, directly
 * or not, spelled as the user rows spell them.
 */
export function managerHierarchyBelow(users: Iterable<RowLike>, userId: string): Set<string> {
  const reports = new Map<string, string[]>();
  for (const user of users) {
    const manager = key(user.ManagerId);
    if (manager && typeof user.Id === 'string') {
      reports.set(manager, [...(reports.get(manager) ?? []), user.Id]);
    }
  }
  const seen = new Set<string>([userId]);
  const seenKeys = new Set<string>([idKey(userId)]);
  const queue = [idKey(userId)];
  while (queue.length > 0) {
    for (const report of reports.get(queue.shift() as string) ?? []) {
      if (!seenKeys.has(idKey(report))) {
        seenKeys.add(idKey(report));
        seen.add(report);
        queue.push(idKey(report));
      }
    }
  }
  return seen;
}

function max(a: Level, b: Level): Level {
  if (a === 'edit' || b === 'edit') return 'edit';
  if (a === 'read' || b === 'read') return 'read';
  return 'none';
}

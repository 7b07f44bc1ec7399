import { OrgDatabase } from '../orgDatabase';
import { RecordAccess, managerHierarchyBelow, type SharingSubject } from '../recordAccess';
import { databaseSharingFacts } from '../userPermissions';
import { shopProject } from './shopProject';

const { schema } = shopProject();

interface Org {
  db: OrgDatabase;
  users: Record<'boss' | 'seller' | 'peer', string>;
}

/** A boss with a seller reporting to them, and a peer outside the team. */
function org(): Org {
  const db = new OrgDatabase(schema);
  const user = (lastName: string, managerId: string | null = null) =>
    db.insert('User', { LastName: lastName, ManagerId: managerId }).Id as string;
  const boss = user('Boss');
  return { db, users: { boss, seller: user('Seller', boss), peer: user('Peer') } };
}

function subject(userId: string, grants: Partial<SharingSubject> = {}): SharingSubject {
  return {
    userId,
    viewAllData: false,
    modifyAllData: false,
    viewAllRecords: () => false,
    modifyAllRecords: () => false,
    ...grants
  };
}

function access(
  db: OrgDatabase,
  userId: string,
  grants: Partial<SharingSubject> = {}
): RecordAccess {
  return new RecordAccess(subject(userId, grants), databaseSharingFacts(db));
}

describe('RecordAccess: private records', () => {
  // Salesforce Help, "Organization-Wide Sharing Defaults" and "Controlling Access Using
  // Hierarchies": with Private defaults the owner and users above the owner get access.
  it('lets the owner read and edit', () => {
    const { db, users } = org();
    const order = db.insert('Order__c', { OwnerId: users.seller });
    expect(access(db, users.seller).canEdit('Order__c', order)).toBe(true);
  });

  it('lets users above the owner in the manager hierarchy read and edit', () => {
    const { db, users } = org();
    const order = db.insert('Order__c', { OwnerId: users.seller });
    expect(access(db, users.boss).canEdit('Order__c', order)).toBe(true);
    expect(
      access(db, users.seller).canRead('Order__c', db.insert('Order__c', { OwnerId: users.boss }))
    ).toBe(false);
  });

  it('lets users in roles above the owner`s role read and edit', () => {
    const { db, users } = org();
    const top = db.insert('UserRole', { Name: 'Top' }).Id as string;
    const below = db.insert('UserRole', { Name: 'Below', ParentRoleId: top }).Id as string;
    db.update(users.peer, { UserRoleId: top });
    db.update(users.seller, { UserRoleId: below });
    const order = db.insert('Order__c', { OwnerId: users.seller });
    expect(access(db, users.peer).canEdit('Order__c', order)).toBe(true);
  });

  it('hides another user`s record from a peer', () => {
    const { db, users } = org();
    const order = db.insert('Order__c', { OwnerId: users.seller });
    expect(access(db, users.peer).canRead('Order__c', order)).toBe(false);
  });

  it('opens every record to View All and Modify All', () => {
    const { db, users } = org();
    const order = db.insert('Order__c', { OwnerId: users.seller });
    expect(access(db, users.peer, { viewAllData: true }).canRead('Order__c', order)).toBe(true);
    expect(access(db, users.peer, { viewAllData: true }).canEdit('Order__c', order)).toBe(false);
    expect(
      access(db, users.peer, { modifyAllRecords: (name) => name === 'Order__c' }).canEdit(
        'Order__c',
        order
      )
    ).toBe(true);
  });
});

describe('RecordAccess: share rows', () => {
  it('grants read with a Read share to the user and edit with an Edit share', () => {
    const { db, users } = org();
    const order = db.insert('Order__c', { OwnerId: users.seller });
    db.insert('Order__Share', {
      ParentId: order.Id,
      UserOrGroupId: users.peer,
      AccessLevel: 'Read'
    });
    expect(access(db, users.peer).canRead('Order__c', order)).toBe(true);
    expect(access(db, users.peer).canEdit('Order__c', order)).toBe(false);
    db.insert('Order__Share', {
      ParentId: order.Id,
      UserOrGroupId: users.peer,
      AccessLevel: 'Edit'
    });
    expect(access(db, users.peer).canEdit('Order__c', order)).toBe(true);
  });

  it('grants access through a group the user belongs to, nested groups included', () => {
    const { db, users } = org();
    const outer = db.insert('Group', { Name: 'Outer', Type: 'Regular' }).Id as string;
    const inner = db.insert('Group', { Name: 'Inner', Type: 'Regular' }).Id as string;
    db.insert('GroupMember', { GroupId: outer, UserOrGroupId: inner });
    db.insert('GroupMember', { GroupId: inner, UserOrGroupId: users.peer });
    const order = db.insert('Order__c', { OwnerId: users.seller });
    db.insert('Order__Share', { ParentId: order.Id, UserOrGroupId: outer, AccessLevel: 'Read' });
    expect(access(db, users.peer).canRead('Order__c', order)).toBe(true);
    expect(
      access(db, users.boss).canRead('Order__c', db.insert('Order__c', { OwnerId: users.peer }))
    ).toBe(false);
  });
});

describe('RecordAccess: public groups', () => {
  it('counts every user in the organization-wide group and role members in role groups', () => {
    const { db, users } = org();
    const everyone = db.insert('Group', { Name: 'All', Type: 'Organization' }).Id as string;
    const role = db.insert('UserRole', { Name: 'Sales' }).Id as string;
    db.update(users.peer, { UserRoleId: role });
    const roleGroup = db.insert('Group', { Name: 'Sales', Type: 'Role', RelatedId: role })
      .Id as string;
    const shared = db.insert('Order__c', { OwnerId: users.seller });
    const roleShared = db.insert('Order__c', { OwnerId: users.seller });
    db.insert('Order__Share', {
      ParentId: shared.Id,
      UserOrGroupId: everyone,
      AccessLevel: 'Read'
    });
    db.insert('Order__Share', {
      ParentId: roleShared.Id,
      UserOrGroupId: roleGroup,
      AccessLevel: 'Read'
    });
    expect(access(db, users.boss).canRead('Order__c', shared)).toBe(true);
    expect(access(db, users.peer).canRead('Order__c', roleShared)).toBe(true);
    expect(
      access(db, users.boss).canRead('Order__c', db.insert('Order__c', { OwnerId: users.peer }))
    ).toBe(false);
  });
});

describe('RecordAccess: public defaults and parents', () => {
  it('lets everyone read a Public Read Only record and edit a Public Read/Write one', () => {
    const { db, users } = org();
    const opportunity = db.insert('Opportunity', { OwnerId: users.seller, Name: 'D' });
    const account = db.insert('Account', { OwnerId: users.seller, Name: 'A' });
    expect(access(db, users.peer).canRead('Opportunity', opportunity)).toBe(true);
    expect(access(db, users.peer).canEdit('Opportunity', opportunity)).toBe(false);
    expect(access(db, users.peer).canEdit('Account', account)).toBe(true);
  });

  it('gives a detail record (Controlled by Parent) the access of its master', () => {
    const { db, users } = org();
    const order = db.insert('Order__c', { OwnerId: users.seller }).Id as string;
    const line = db.insert('Line__c', { Name: 'L', Order__c: order });
    expect(access(db, users.boss).canEdit('Line__c', line)).toBe(true);
    expect(access(db, users.peer).canRead('Line__c', line)).toBe(false);
  });

  it('lets anyone who can read an activity`s related record read the activity, not edit it', () => {
    // Salesforce Help, "Activity Access": with Private activities, users with read access to the
    // related record can view the activity; the owner and users above edit it.
    const { db, users } = org();
    const opportunity = db.insert('Opportunity', { OwnerId: users.boss, Name: 'D' }).Id;
    const task = db.insert('Task', { OwnerId: users.seller, WhatId: opportunity });
    expect(access(db, users.peer).canRead('Task', task)).toBe(true);
    expect(access(db, users.peer).canEdit('Task', task)).toBe(false);
    const unrelated = db.insert('Task', { OwnerId: users.seller });
    expect(access(db, users.peer).canRead('Task', unrelated)).toBe(false);
  });

  it('lets every user read users and edit their own', () => {
    const { db, users } = org();
    expect(access(db, users.peer).canRead('User', db.row(users.boss)!)).toBe(true);
    expect(access(db, users.peer).canEdit('User', db.row(users.boss)!)).toBe(false);
    expect(access(db, users.peer).canEdit('User', db.row(users.peer)!)).toBe(true);
  });
});

describe('managerHierarchyBelow', () => {
  it('holds the user and everyone reporting to them, directly or not', () => {
    const rows = [
      { Id: '005000000000001AAA', ManagerId: null },
      { Id: '005000000000002AAA', ManagerId: '005000000000001AAA' },
      { Id: '005000000000003AAA', ManagerId: '005000000000002AAA' },
      { Id: '005000000000004AAA', ManagerId: null }
    ];
    expect([...managerHierarchyBelow(rows, '005000000000001AAA')].sort()).toEqual([
      '005000000000001AAA',
      '005000000000002AAA',
      '005000000000003AAA'
    ]);
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEmbeddedOrg, DEFAULT_OBJECTS_DIR } from '../embeddedOrg';

/** A tiny sample org in the generator's format, written to a temporary folder. */
function sampleDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'embedded-org-'));
  mkdirSync(join(dir, 'tree'));
  const write = (file: string, value: unknown) =>
    writeFileSync(join(dir, file), JSON.stringify(value));
  write('sample-plan.json', [
    { sobject: 'Account', saveRefs: true, resolveRefs: true, files: ['tree/Account.json'] },
    { sobject: 'Opportunity', saveRefs: true, resolveRefs: true, files: ['tree/Opportunity.json'] },
    { sobject: 'Account_Plan__c', saveRefs: true, resolveRefs: true, files: ['tree/Plan.json'] },
    { sobject: 'Event', saveRefs: true, resolveRefs: true, files: ['tree/Event.json'] },
    { sobject: 'Task', saveRefs: true, resolveRefs: true, files: ['tree/Task.json'] }
  ]);
  write('sample-users.json', {
    users: [
      {
        key: 'boss',
        firstName: 'Bo',
        lastName: 'Ss',
        alias: 'boss',
        emailLocalPart: 'bo',
        title: 'Manager',
        role: 'manager',
        permissionSetGroups: ['Sales_Manager']
      },
      {
        key: 'seller',
        firstName: 'Se',
        lastName: 'Ller',
        alias: 'sell',
        emailLocalPart: 'se',
        title: 'AE',
        role: 'seller',
        permissionSetGroups: ['Sales_Seller'],
        managerKey: 'boss'
      }
    ]
  });
  write('sample-owners.json', {
    owners: { AccountRef1: 'seller', OpportunityRef1: 'seller', OpportunityRef2: 'seller' },
    userLookups: {}
  });
  write('sample-facts.json', {
    sampleToday: '2026-11-16',
    fiscalYearStartMonth: 1,
    auditFields: {
      seller: {
        CreatedDate: '2026-01-05T08:00:00.000Z',
        CreatedById: 'boss',
        LastModifiedDate: '2026-01-05T08:00:00.000Z',
        LastModifiedById: 'boss'
      },
      OpportunityRef1: {
        CreatedDate: '2026-09-01T09:00:00.000Z',
        CreatedById: 'seller',
        LastModifiedDate: '2026-11-06T10:00:00.000Z',
        LastModifiedById: 'boss'
      }
    }
  });
  const record = (type: string, referenceId: string, fields: Record<string, unknown>) => ({
    attributes: { type, referenceId },
    ...fields
  });
  write('tree/Account.json', { records: [record('Account', 'AccountRef1', { Name: 'Acme' })] });
  write('tree/Opportunity.json', {
    records: [
      record('Opportunity', 'OpportunityRef1', {
        Name: 'Open deal',
        AccountId: '@AccountRef1',
        StageName: 'Qualification',
        CloseDate: '2026-12-01',
        Stage_Entered_On__c: '2026-11-06'
      }),
      record('Opportunity', 'OpportunityRef2', {
        Name: 'Won deal',
        AccountId: '@AccountRef1',
        StageName: 'Closed Won',
        CloseDate: '2026-10-01',
        Stage_Entered_On__c: '2026-09-20'
      })
    ]
  });
  write('tree/Plan.json', {
    records: [
      record('Account_Plan__c', 'PlanRef1', {
        Name: 'P1',
        Account__c: '@AccountRef1',
        Status__c: 'Active'
      }),
      record('Account_Plan__c', 'PlanRef2', {
        Name: 'P2',
        Account__c: '@AccountRef1',
        Status__c: 'Archived'
      })
    ]
  });
  write('tree/Event.json', {
    records: [
      record('Event', 'EventRef1', {
        WhatId: '@OpportunityRef1',
        StartDateTime: '2026-11-10T09:00:00.000Z'
      }),
      record('Event', 'EventRef2', {
        WhatId: '@OpportunityRef1',
        StartDateTime: '2026-11-20T09:00:00.000Z'
      })
    ]
  });
  write('tree/Task.json', {
    records: [
      record('Task', 'TaskRef1', {
        WhatId: '@OpportunityRef2',
        ActivityDate: '2026-11-12',
        Status: 'Completed'
      }),
      record('Task', 'TaskRef2', {
        WhatId: '@OpportunityRef2',
        ActivityDate: '2026-11-14',
        Status: 'Not Started'
      })
    ]
  });
  return dir;
}

describe('loadEmbeddedOrg', () => {
  const org = loadEmbeddedOrg(sampleDir(), DEFAULT_OBJECTS_DIR);
  const [open, won] = org.records('Opportunity');

  it('gives every record a stable Salesforce-shaped Id and resolves references to it', () => {
    expect(open.Id).toBe('006000000000001AAA');
    expect(open.AccountId).toBe(org.idOf('AccountRef1'));
    expect(org.byId(String(open.AccountId))?.Name).toBe('Acme');
  });

  it('makes sample users into User records with their manager', () => {
    const seller = org.byId(String(open.OwnerId));
    expect(seller).toMatchObject({ Name: 'Se Ller', ManagerId: org.idOf('boss') });
    expect(org.userOf(String(open.OwnerId))?.role).toBe('seller');
  });

  it('derives what the platform computes: closed and won flags', () => {
    expect(open).toMatchObject({ IsClosed: false, IsWon: false });
    expect(won).toMatchObject({ IsClosed: true, IsWon: true });
  });

  it('gives users and records the audit fields of the facts file, with users as Ids', () => {
    expect(open).toMatchObject({
      CreatedDate: '2026-09-01T09:00:00.000Z',
      CreatedById: org.idOf('seller'),
      LastModifiedDate: '2026-11-06T10:00:00.000Z',
      LastModifiedById: org.idOf('boss')
    });
    expect(org.byId(org.idOf('seller') as string)).toMatchObject({
      CreatedDate: '2026-01-05T08:00:00.000Z',
      CreatedById: org.idOf('boss')
    });
    expect(won.CreatedDate).toBeUndefined();
  });

  it('closes a task whose status is Completed, as the platform sets Task.IsClosed on save', () => {
    expect(org.records('Task').map((task) => [task.Status, task.IsClosed])).toEqual([
      ['Completed', true],
      ['Not Started', false]
    ]);
  });

  it('keeps the last past event or completed task as LastActivityDate, also on the account', () => {
    expect(open.LastActivityDate).toBe('2026-11-10');
    expect(won.LastActivityDate).toBe('2026-11-12');
    expect(org.byId(String(open.AccountId))?.LastActivityDate).toBe('2026-11-12');
  });

  it('computes roll-up summaries from their metadata, filters included', () => {
    expect(org.byId(String(open.AccountId))?.Active_Plan_Count__c).toBe(1);
  });

  it('computes formula fields from their metadata as of the sample day', () => {
    expect(open.Days_In_Stage__c).toBe(10);
  });

  it('stops a closed deal’s Days In Stage at its close date, as the page’s ageing tiles do', () => {
    // Entered Closed Won's stage on 20 September, closed on 1 October: 11 days, not 57.
    expect(won.Days_In_Stage__c).toBe(11);
  });

  it('nests parents under their relationship names for formulas', () => {
    const withParents = org.withParents(open) as {
      Account: { Name: string; Owner: { Name: string } };
    };
    expect(withParents.Account.Name).toBe('Acme');
    expect(withParents.Account.Owner.Name).toBe('Se Ller');
  });

  it('names a reference it cannot resolve', () => {
    const dir = sampleDir();
    writeFileSync(
      join(dir, 'tree', 'Account.json'),
      JSON.stringify({
        records: [
          { attributes: { type: 'Account', referenceId: 'AccountRef1' }, ParentId: '@Nowhere' }
        ]
      })
    );
    expect(() => loadEmbeddedOrg(dir, DEFAULT_OBJECTS_DIR)).toThrow(
      'AccountRef1.ParentId: unresolved reference @Nowhere'
    );
  });
});

describe('the sample org in data/', () => {
  const org = loadEmbeddedOrg();

  it('holds the documented users, accounts and deals', () => {
    expect(org.records('User')).toHaveLength(12);
    expect(org.records('Account')).toHaveLength(80);
    expect(org.records('Opportunity')).toHaveLength(500);
    expect(org.today).toBe('2026-11-16');
  });

  it('gives every deal an owner who is a sample user', () => {
    const owners = org.records('Opportunity').map((deal) => org.userOf(String(deal.OwnerId))?.role);
    expect(owners.filter((role) => role === undefined)).toEqual([]);
  });
});

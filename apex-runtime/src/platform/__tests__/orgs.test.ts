import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR, loadEmbeddedOrg } from '../../../../scripts/org/embeddedOrg';
import { loadProject } from '../../metadata/loadProject';
import { writeSourceTree } from '../../metadata/__tests__/projectFixture';
import { ApexBlob, ApexDatetime, ApexDecimal } from '../../values/primitives';
import { valueToJson } from '../fieldValues';
import { sampleDayClock, sampleOrg, SAMPLE_ORG_SHARING_DEFAULTS, testOrg } from '../orgs';

const project = loadProject();

describe('testOrg', () => {
  // Apex Developer Guide, "Isolation of Test Data from Organization Data in Unit Tests": without
  // SeeAllData a test sees no data records, but User, Profile, Organization, RecordType,
  // ApexClass, CronTrigger and the org's metadata stay visible.
  const org = testOrg(project);
  const db = org.database;

  it('holds no data records', () => {
    for (const name of [
      'Account',
      'Contact',
      'Opportunity',
      'Task',
      'Event',
      'Coaching_Session__c'
    ]) {
      expect(db.count(name)).toBe(0);
    }
  });

  it('runs as one System Administrator in Europe/Copenhagen', () => {
    expect([...db.rows('User')]).toHaveLength(1);
    const admin = db.row(org.adminUserId);
    expect(admin).toMatchObject({
      TimeZoneSidKey: 'Europe/Copenhagen',
      LocaleSidKey: 'en_US',
      IsActive: true
    });
    expect(db.row(admin?.ProfileId as string)?.Name).toBe('System Administrator');
    expect(org.userAccess(org.adminUserId).modifyAllData).toBe(true);
  });

  it('has the two standard profiles, each owning a permission set, and the project`s sets', () => {
    expect([...db.rows('Profile')].map((row) => row.Name)).toEqual([
      'System Administrator',
      'Standard User'
    ]);
    const sets = [...db.rows('PermissionSet')];
    expect(sets.filter((row) => row.IsOwnedByProfile === true)).toHaveLength(2);
    expect(sets.filter((row) => row.IsOwnedByProfile === false).map((row) => row.Name)).toEqual([
      'SSM_Admin',
      'SSM_Automation_Bypass',
      'SSM_Leadership',
      'SSM_Manager',
      'SSM_Seller'
    ]);
  });

  it('has the project`s persona groups with the sets each one holds', () => {
    const setNames = new Map(
      [...db.rows('PermissionSet')].map((row) => [row.Id as string, row.Name as string])
    );
    const groups = [...db.rows('PermissionSetGroup')].map((group) => [
      group.DeveloperName,
      [...db.rows('PermissionSetGroupComponent')]
        .filter((component) => component.PermissionSetGroupId === group.Id)
        .map((component) => setNames.get(component.PermissionSetId as string))
        .sort()
    ]);
    expect(groups.sort()).toEqual([
      ['Sales_Leadership', ['SSM_Leadership']],
      ['Sales_Manager', ['SSM_Manager', 'SSM_Seller']],
      ['Sales_Seller', ['SSM_Seller']],
      ['Sales_Strategy_Admin', ['SSM_Admin']]
    ]);
  });

  it('has the Organization with the project`s fiscal year and the org`s time zone', () => {
    expect([...db.rows('Organization')][0]).toMatchObject({
      Name: 'Strategic Sales Management',
      FiscalYearStartMonth: 1,
      UsesStartDateAsFiscalYearName: false,
      TimeZoneSidKey: 'Europe/Copenhagen'
    });
  });

  it('has the standard opportunity stages in order with their probabilities', () => {
    const stages = [...db.rows('OpportunityStage')];
    expect(stages.map((row) => row.ApiName)).toEqual([
      'Prospecting',
      'Qualification',
      'Needs Analysis',
      'Value Proposition',
      'Id. Decision Makers',
      'Perception Analysis',
      'Proposal/Price Quote',
      'Negotiation/Review',
      'Closed Won',
      'Closed Lost'
    ]);
    expect(stages[6]).toMatchObject({
      DefaultProbability: ApexDecimal.fromInteger(75),
      ForecastCategoryName: 'Pipeline',
      IsClosed: false,
      SortOrder: 7
    });
    expect(stages[9]).toMatchObject({ IsClosed: true, IsWon: false, ForecastCategory: 'Omitted' });
  });

  it('has the static resources with their bodies as Blobs', () => {
    const resource = [...db.rows('StaticResource')].find(
      (row) => row.Name === 'GuidanceTestVectors'
    );
    expect(JSON.parse((resource?.Body as ApexBlob).toUtf8())).toHaveProperty('score');
    expect(resource?.BodyLength).toBe((resource?.Body as ApexBlob).bytes.length);
  });

  it('has the Custom Metadata records with typed values and stable Ids', () => {
    const rules = [...db.rows('Sales_Rule__mdt')];
    expect(rules).toHaveLength(29);
    const industry = rules.find((row) => row.DeveloperName === 'Acc_Industry');
    expect(industry).toMatchObject({
      MasterLabel: 'Industry',
      QualifiedApiName: 'Acc_Industry',
      Active__c: true,
      Weight__c: ApexDecimal.fromInteger(2)
    });
    expect(industry?.Applies_When__c).toBeUndefined();
    expect(testOrg(project).database.row(industry?.Id as string)?.DeveloperName).toBe(
      'Acc_Industry'
    );
  });

  it('has the custom notification types and the Apex classes', () => {
    expect([...db.rows('CustomNotificationType')].map((row) => row.DeveloperName)).toEqual([
      'SSM_Idea_Status_Changed',
      'SSM_Strategy_Update'
    ]);
    expect([...db.rows('ApexClass')].some((row) => row.Name === 'RuleEngine')).toBe(true);
  });

  it('hands every caller its own fork', () => {
    const a = testOrg(project);
    const b = testOrg(project);
    a.database.insert('Account', { Name: 'Only in a' });
    expect(b.database.count('Account')).toBe(0);
  });

  it('answers a user`s permissions from their profile and assignments', () => {
    const fork = testOrg(project);
    const user = fork.database.insert('User', {
      LastName: 'Tester',
      ProfileId: fork.profileId('Standard User')
    }).Id as string;
    fork.database.insert('PermissionSetAssignment', {
      AssigneeId: user,
      PermissionSetId: [...fork.database.rows('PermissionSet')].find(
        (row) => row.Name === 'SSM_Seller'
      )?.Id
    });
    const access = fork.userAccess(user);
    expect(access.permissionSetNames).toEqual(['SSM_Seller']);
    expect(access.canRead('Coaching_Session__c')).toBe(true);
  });
});

describe('sampleOrg', () => {
  const embedded = loadEmbeddedOrg();
  const org = sampleOrg();
  const db = org.database;

  it('holds every sample record under the embedded org`s Id', () => {
    for (const name of embedded.objectNames) {
      expect(`${name} ${db.count(name) - (name === 'User' ? 1 : 0)}`).toBe(
        `${name} ${embedded.records(name).length}`
      );
    }
    const deal = embedded.records('Opportunity')[0];
    expect(db.row(deal.Id)?.Name).toBe(deal.Name);
    expect(db.count('OpportunityFieldHistory')).toBe(
      embedded.records('OpportunityFieldHistory').length
    );
  });

  it('types field history values by the field they record', () => {
    const amountChange = [...db.rows('OpportunityFieldHistory')].find(
      (row) => row.Field === 'Amount'
    );
    expect(amountChange?.NewValue).toBeInstanceOf(ApexDecimal);
  });

  it('computes the roll-ups the embedded org computes', () => {
    const rollups = [
      ['Account', 'Active_Plan_Count__c'],
      ['Account_Plan__c', 'Objective_Count__c'],
      ['Compensation_Plan__c', 'Total_Weight__c'],
      ['Improvement_Idea__c', 'Vote_Count__c']
    ];
    for (const [objectName, fieldName] of rollups) {
      for (const record of embedded.records(objectName)) {
        expect(`${record.Id} ${valueToJson(db.row(record.Id)?.[fieldName] ?? null)}`).toBe(
          `${record.Id} ${record[fieldName] ?? null}`
        );
      }
    }
  });

  it('gives every deal the expected revenue a save keeps, closed ones included', () => {
    const deals = [...db.rows('Opportunity')].filter(
      (row) => row.Amount instanceof ApexDecimal && row.Probability instanceof ApexDecimal
    );
    expect(deals.some((row) => row.IsWon === true)).toBe(true);
    for (const row of deals) {
      const expected =
        ((row.Amount as ApexDecimal).toNumber() * (row.Probability as ApexDecimal).toNumber()) /
        100;
      expect(`${String(row.Id)} ${valueToJson(row.ExpectedRevenue ?? null)}`).toBe(
        `${String(row.Id)} ${Math.round(expected * 100) / 100}`
      );
    }
  });

  it('computes formula fields as the embedded org does on the sample day', () => {
    const field = db.schema.field('Opportunity', 'Days_In_Stage__c')!;
    for (const record of embedded.records('Opportunity').slice(0, 50)) {
      expect(valueToJson(db.read('Opportunity', db.row(record.Id)!, field))).toBe(
        record.Days_In_Stage__c
      );
    }
  });

  it('gives the sample`s admins the System Administrator profile and the others Standard User', () => {
    const director = embedded.idOf('director') as string;
    const seller = embedded.idOf('seller1') as string;
    expect(org.userAccess(director).profile).toBe('System Administrator');
    expect(org.userAccess(seller)).toMatchObject({
      profile: 'Standard User',
      permissionSetNames: [],
      permissionSetGroupNames: ['Sales_Seller']
    });
  });

  it('assigns the sample users their personas as group assignments, as an admin would', () => {
    const groupNames = new Map(
      [...db.rows('PermissionSetGroup')].map((row) => [row.Id as string, row.DeveloperName])
    );
    const personas = (key: string) =>
      [...db.rows('PermissionSetAssignment')]
        .filter((row) => row.AssigneeId === embedded.idOf(key))
        .map((row) =>
          row.PermissionSetId ? 'a set' : groupNames.get(row.PermissionSetGroupId as string)
        );
    expect(personas('seller1')).toEqual(['Sales_Seller']);
    expect(personas('manager1')).toEqual(['Sales_Manager']);
    expect(personas('director')).toEqual([
      'Sales_Manager',
      'Sales_Leadership',
      'Sales_Strategy_Admin'
    ]);
    expect(personas('cmo')).toEqual(['Sales_Leadership']);
  });

  it('grants what the groups hold: the CMO leads without managing rules, the director both', () => {
    const cmo = org.userAccess(embedded.idOf('cmo') as string);
    const director = org.userAccess(embedded.idOf('director') as string);
    expect(cmo.profile).toBe('Standard User');
    expect(cmo.canEdit('Strategy_Version__c')).toBe(true);
    expect(cmo.hasCustomPermission('SSM_Manage_Rules')).toBe(false);
    expect(director.hasCustomPermission('SSM_Manage_Rules')).toBe(true);
    expect(director.canCreate('Coaching_Session__c')).toBe(true);
  });

  it('keeps Account and Opportunity private: a seller sees the deals of their own', () => {
    expect(db.schema.object('Opportunity')?.sharingModel).toBe(
      SAMPLE_ORG_SHARING_DEFAULTS.Opportunity
    );
    const seller = embedded.idOf('seller1') as string;
    const access = org.recordAccess(seller);
    const visible = [...db.rows('Opportunity')].filter((row) => access.canRead('Opportunity', row));
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.every((row) => row.OwnerId === seller)).toBe(true);
  });

  it('lets a manager see the deals of their team through the hierarchy', () => {
    const manager = embedded.idOf('manager1') as string;
    const access = org.recordAccess(manager);
    const owners = new Set(
      [...db.rows('Opportunity')]
        .filter((row) => access.canRead('Opportunity', row))
        .map((row) => row.OwnerId)
    );
    const team = embedded
      .records('User')
      .filter((user) => user.Id === manager || user.ManagerId === manager)
      .map((user) => user.Id);
    expect([...owners].every((owner) => team.includes(owner as string))).toBe(true);
    expect(owners.size).toBeGreaterThan(1);
  });

  it('keeps the audit fields the sample gives its records, SystemModstamp with the last save', () => {
    const plan = [...db.rows('Account_Plan__c')][0];
    const sample = embedded.byId(plan.Id as string);
    expect(plan.CreatedById).toBe(sample?.CreatedById);
    expect((plan.CreatedDate as ApexDatetime).toIsoString()).toBe(sample?.CreatedDate);
    expect((plan.SystemModstamp as ApexDatetime).toIsoString()).toBe(sample?.LastModifiedDate);
  });

  it('stamps records a sample gives no audit fields as imported by the admin', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sample-without-audit-'));
    cpSync(DEFAULT_DATA_DIR, dataDir, { recursive: true });
    const factsFile = join(dataDir, 'sample-facts.json');
    const facts = JSON.parse(readFileSync(factsFile, 'utf8')) as { auditFields?: unknown };
    delete facts.auditFields;
    writeFileSync(factsFile, JSON.stringify(facts));
    try {
      const bare = sampleOrg({ dataDir });
      const plan = [...bare.database.rows('Account_Plan__c')][0];
      expect(plan.CreatedById).toBe(bare.adminUserId);
      expect((plan.CreatedDate as ApexDatetime).toIsoString()).toBe(
        `${embedded.today}T00:00:00.000Z`
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('hands out forks that cost nothing until they change', () => {
    const fork = sampleOrg();
    expect(fork.database.changedRowCount()).toBe(0);
    fork.database.insert('Account', { Name: 'New' });
    expect(sampleOrg().database.count('Account')).toBe(embedded.records('Account').length);
  });
});

describe('testOrg of another source tree', () => {
  it('keeps a folder static resource queryable but fails loudly reading its zip body', () => {
    const dir = writeSourceTree({
      'staticresources/Images.resource-meta.xml':
        '<?xml version="1.0" encoding="UTF-8"?><StaticResource><cacheControl>Public</cacheControl>' +
        '<contentType>application/zip</contentType></StaticResource>',
      'staticresources/Images/logo.svg': '<svg/>'
    });
    const db = testOrg(loadProject(dir)).database;
    const row = [...db.rows('StaticResource')][0];
    expect(row).toMatchObject({ Name: 'Images', ContentType: 'application/zip' });
    expect(() =>
      db.read('StaticResource', row, db.schema.field('StaticResource', 'Body')!)
    ).toThrow('not supported offline: the zip Body of the folder static resource Images');
  });
});

describe('sampleDayClock', () => {
  /** The clock's reading when the real clock shows `instant`. */
  function readingAt(today: string, instant: string): ApexDatetime {
    const now = jest.spyOn(Date, 'now').mockReturnValue(Date.parse(instant));
    try {
      return sampleDayClock(today)();
    } finally {
      now.mockRestore();
    }
  }

  it.each([
    ['just after midnight in Copenhagen (still the day before in GMT)', '2026-12-03T23:30:00Z'],
    ['just before midnight in Copenhagen', '2026-12-04T22:59:59Z'],
    ['at noon', '2026-12-04T11:00:00Z'],
    ['in summer time, just after midnight in Copenhagen', '2026-07-01T22:10:00Z']
  ])('stands on the sample day in Copenhagen and in GMT %s', (_, instant) => {
    const reading = readingAt('2026-11-16', instant);
    expect(reading.wall('Europe/Copenhagen').date.toString()).toBe('2026-11-16');
    expect(reading.wall('GMT').date.toString()).toBe('2026-11-16');
  });

  it('moves forward with the real time of day', () => {
    const readings = ['2026-12-03T23:05:00Z', '2026-12-04T00:30:00Z', '2026-12-04T22:55:00Z'].map(
      (instant) => readingAt('2026-11-16', instant).epochMs
    );
    expect(readings[0]).toBeLessThan(readings[1]);
    expect(readings[1]).toBeLessThan(readings[2]);
  });
});

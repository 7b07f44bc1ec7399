import { loadProject } from '../../metadata/loadProject';
import { writeSourceTree } from '../../metadata/__tests__/projectFixture';
import { AccessModel, STANDARD_USER, SYSTEM_ADMINISTRATOR } from '../accessModel';

const project = loadProject();
const model = new AccessModel({
  schema: project.schema,
  permissionSets: project.permissionSets,
  permissionSetGroups: project.permissionSetGroups
});
const USER = '005000000000001AAA';

const admin = model.accessFor({ userId: USER, profile: SYSTEM_ADMINISTRATOR, permissionSets: [] });
const standard = model.accessFor({ userId: USER, profile: STANDARD_USER, permissionSets: [] });
const seller = model.accessFor({
  userId: USER,
  profile: STANDARD_USER,
  permissionSets: ['SSM_Seller']
});
const manager = model.accessFor({
  userId: USER,
  profile: STANDARD_USER,
  permissionSets: ['SSM_Manager']
});

describe('AccessModel: profiles', () => {
  it('gives the System Administrator every object, record and field', () => {
    expect(admin.modifyAllData).toBe(true);
    expect(admin.canDelete('Coaching_Session__c')).toBe(true);
    expect(admin.modifyAllRecords('Opportunity')).toBe(true);
    expect(admin.fieldEditable('Opportunity', 'Data_Quality_Score__c')).toBe(true);
  });

  it('never lets anyone edit a computed field', () => {
    expect(admin.fieldEditable('Opportunity', 'Days_In_Stage__c')).toBe(false);
    expect(admin.fieldEditable('Opportunity', 'IsClosed')).toBe(false);
  });

  it('gives a Standard User CRUD on the sales objects and read on setup objects', () => {
    expect(standard.canCreate('Opportunity')).toBe(true);
    expect(standard.canDelete('Task')).toBe(true);
    expect(standard.canRead('OpportunityStage')).toBe(true);
    expect(standard.canEdit('OpportunityStage')).toBe(false);
    expect(standard.canRead('Profile')).toBe(true);
  });

  it('gives a Standard User no custom object and no custom field', () => {
    expect(standard.canRead('Coaching_Session__c')).toBe(false);
    expect(standard.fieldReadable('Opportunity', 'Data_Quality_Score__c')).toBe(false);
  });

  it('lets a Standard User read the standard fields of objects it can read', () => {
    expect(standard.fieldReadable('Opportunity', 'StageName')).toBe(true);
    expect(standard.fieldEditable('Opportunity', 'StageName')).toBe(true);
  });
});

describe('AccessModel: permission sets', () => {
  it('adds the set`s object permissions to the profile`s', () => {
    expect(seller.canRead('Coaching_Session__c')).toBe(true);
    expect(seller.canEdit('Strategy_Version__c')).toBe(false);
    expect(manager.canEdit('Coaching_Session__c')).toBe(true);
  });

  it('applies field-level security to custom fields from the set`s field permissions', () => {
    expect(seller.fieldReadable('Account', 'Active_Plan_Count__c')).toBe(true);
    expect(seller.fieldEditable('Account', 'Active_Plan_Count__c')).toBe(false);
    expect(seller.fieldEditable('Account', 'Customer_Lifetime_Value__c')).toBe(true);
  });

  it('exempts required and master-detail fields from field-level security', () => {
    // A permission set cannot grant them: their access follows the object's.
    expect(seller.fieldReadable('Account_Plan__c', 'Account__c')).toBe(true);
  });

  it('reads a Custom Metadata type only with access to it', () => {
    expect(seller.canRead('Sales_Rule__mdt')).toBe(true);
    expect(seller.canRead('Strategy_Setting__mdt')).toBe(false);
    expect(admin.canRead('Strategy_Setting__mdt')).toBe(true);
    expect(seller.fieldReadable('Sales_Rule__mdt', 'Flag_When__c')).toBe(true);
  });

  it('grants custom permissions only through profiles and sets, not Modify All Data', () => {
    const ruleManager = model.accessFor({
      userId: USER,
      profile: STANDARD_USER,
      permissionSets: ['SSM_Admin']
    });
    expect(ruleManager.hasCustomPermission('ssm_manage_rules')).toBe(true);
    expect(admin.hasCustomPermission('SSM_Manage_Rules')).toBe(false);
  });

  it('reads history rows with the parent object', () => {
    expect(seller.canRead('Skill_Assessment__History')).toBe(true);
    expect(standard.canRead('Skill_Assessment__History')).toBe(false);
    expect(standard.canRead('OpportunityFieldHistory')).toBe(true);
  });

  it('refuses unknown profiles and permission sets', () => {
    expect(() => model.accessFor({ userId: USER, profile: 'Nobody', permissionSets: [] })).toThrow(
      'Unknown profile Nobody'
    );
    expect(() =>
      model.accessFor({ userId: USER, profile: STANDARD_USER, permissionSets: ['X'] })
    ).toThrow('Unknown permission set X');
  });
});

describe('AccessModel: permission set groups', () => {
  it('grants the union of the group`s member sets', () => {
    const dir = writeSourceTree({
      'permissionsets/Reader.permissionset-meta.xml':
        '<?xml version="1.0" encoding="UTF-8"?><PermissionSet><label>Reader</label>' +
        '<objectPermissions><allowCreate>false</allowCreate><allowDelete>false</allowDelete><allowEdit>false</allowEdit>' +
        '<allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords><object>Account</object><viewAllRecords>true</viewAllRecords></objectPermissions>' +
        '</PermissionSet>',
      'permissionsets/Flagger.permissionset-meta.xml':
        '<?xml version="1.0" encoding="UTF-8"?><PermissionSet><label>Flagger</label>' +
        '<customPermissions><enabled>true</enabled><name>Flag</name></customPermissions></PermissionSet>',
      'permissionsetgroups/Team.permissionsetgroup-meta.xml':
        '<?xml version="1.0" encoding="UTF-8"?><PermissionSetGroup><label>Team</label>' +
        '<permissionSets>Reader</permissionSets><permissionSets>Flagger</permissionSets></PermissionSetGroup>'
    });
    const groupProject = loadProject(dir);
    const groupModel = new AccessModel({
      schema: groupProject.schema,
      permissionSets: groupProject.permissionSets,
      permissionSetGroups: groupProject.permissionSetGroups
    });
    const member = groupModel.accessFor({
      userId: USER,
      profile: STANDARD_USER,
      permissionSets: [],
      permissionSetGroups: ['Team']
    });
    expect(member.viewAllRecords('Account')).toBe(true);
    expect(member.hasCustomPermission('Flag')).toBe(true);
  });
});

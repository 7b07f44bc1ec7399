import {
  acceptsFieldPermissions,
  isComputed,
  isCustomMetadataType,
  isCustomObject,
  loadObjectModel,
  permissionFieldNames,
  type FieldDefinition
} from '../objectModel';
import { loadPermissionSets, type PermissionSetDefinition } from '../permissionSets';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const objects = loadObjectModel();
const permissionSets = loadPermissionSets();
const allSets = [...permissionSets.values()];
const customFields: FieldDefinition[] = objects
  .filter((object) => !isCustomMetadataType(object))
  .flatMap((object) => object.fields);
const grantableFields = customFields.filter(acceptsFieldPermissions);
const sourceRoot = join(__dirname, '..', '..', '..', 'force-app', 'main', 'default');

function permissionSet(name: string): PermissionSetDefinition {
  const set = permissionSets.get(name);
  if (!set) {
    throw new Error(`permission set ${name} is missing`);
  }
  return set;
}

const seller = permissionSet('SSM_Seller');
const manager = permissionSet('SSM_Manager');
const admin = permissionSet('SSM_Admin');
const leadership = permissionSet('SSM_Leadership');
const loadBypass = permissionSet('SSM_Automation_Bypass');
const roleSets = [seller, manager, admin];

describe('permission coverage', () => {
  it('reads a model with custom objects, fields and the three permission sets', () => {
    expect(objects.filter(isCustomObject).length).toBeGreaterThanOrEqual(15);
    expect(grantableFields.length).toBeGreaterThan(100);
    expect([...permissionSets.keys()].sort()).toEqual([
      'SSM_Admin',
      'SSM_Automation_Bypass',
      'SSM_Leadership',
      'SSM_Manager',
      'SSM_Seller'
    ]);
  });

  it('makes every custom field that accepts field permissions readable in at least one set', () => {
    const names = grantableFields.flatMap(permissionFieldNames);
    expect(names.length).toBeGreaterThan(100);
    const unreadable = names.filter(
      (name) => !allSets.some((set) => set.fields.get(name)?.readable)
    );
    expect(unreadable).toEqual([]);
  });

  it('grants field permissions only on fields that exist and accept them', () => {
    const grantable = new Set(grantableFields.flatMap(permissionFieldNames));
    for (const set of roleSets) expect([set.name, set.fields.size > 0]).toEqual([set.name, true]);
    const invalid = allSets.flatMap((set) =>
      [...set.fields.keys()]
        .filter((name) => !grantable.has(name))
        .map((name) => `${set.name}: ${name}`)
    );
    expect(invalid).toEqual([]);
  });

  it('never grants edit on formula or roll-up fields, and never edit without read', () => {
    const computed = new Set(customFields.filter(isComputed).flatMap(permissionFieldNames));
    expect(computed.size).toBeGreaterThan(0);
    expect(allSets.some((set) => [...set.fields.values()].some((a) => a.editable))).toBe(true);
    const wrong = allSets.flatMap((set) =>
      [...set.fields.entries()]
        .filter(([name, access]) => access.editable && (computed.has(name) || !access.readable))
        .map(([name]) => `${set.name}: ${name}`)
    );
    expect(wrong).toEqual([]);
  });

  it('gives SSM_Admin create, read, edit and delete on every custom object', () => {
    const customObjects = objects.filter(isCustomObject).map((object) => object.name);
    expect(customObjects.length).toBeGreaterThan(0);
    const missing = customObjects.filter((name) => {
      const access = admin.objects.get(name);
      return !(access?.allowCreate && access.allowRead && access.allowEdit && access.allowDelete);
    });
    expect(missing).toEqual([]);
  });

  it('lets sellers read every custom object they are given fields on', () => {
    const sellerObjects = new Set(
      [...seller.fields.keys()].map((name) => name.split('.')[0]).filter((o) => o.endsWith('__c'))
    );
    expect(sellerObjects.size).toBeGreaterThan(0);
    const unreadable = [...sellerObjects].filter((name) => !seller.objects.get(name)?.allowRead);
    expect(unreadable).toEqual([]);
  });

  it.each([
    'Strategy_Version__c',
    'Strategy_Sign_Off__c',
    'Customer_Segment__c',
    'Compensation_Plan__c',
    'Compensation_Component__c'
  ])(
    'does not let sellers create, edit or delete %s records or edit any of its fields',
    (objectName) => {
      const access = seller.objects.get(objectName);
      expect(access?.allowRead).toBe(true);
      expect(access?.allowCreate || access?.allowEdit || access?.allowDelete).toBe(false);
      const editableFields = [...seller.fields.entries()]
        .filter(([name, field]) => name.startsWith(`${objectName}.`) && field.editable)
        .map(([name]) => name);
      expect(editableFields).toEqual([]);
    }
  );

  it('does not let sellers edit rules: they read Sales_Rule__mdt but do not hold SSM_Manage_Rules', () => {
    expect(roleSets).toHaveLength(3);
    for (const set of roleSets) {
      expect(set.customMetadataTypes.has('Sales_Rule__mdt')).toBe(true);
    }
    expect(seller.customPermissions.size).toBe(0);
    expect(manager.customPermissions.size).toBe(0);
    expect([...admin.customPermissions]).toEqual(['SSM_Manage_Rules']);
  });

  it('keeps the automation bypass in its own set for data loads, granting nothing else', () => {
    expect([...loadBypass.customPermissions]).toEqual(['SSM_Bypass_Automation']);
    expect(loadBypass.objects.size).toBe(0);
    expect(loadBypass.fields.size).toBe(0);
    expect(roleSets).toHaveLength(3);
    for (const set of roleSets) {
      expect(set.customPermissions.has('SSM_Bypass_Automation')).toBe(false);
    }
  });

  it('grants View All or Modify All to nobody but SSM_Admin', () => {
    expect(seller.objects.size).toBeGreaterThan(0);
    expect(manager.objects.size).toBeGreaterThan(0);
    const broad = [seller, manager].flatMap((set) =>
      [...set.objects.entries()]
        .filter(([, access]) => access.viewAllRecords || access.modifyAllRecords)
        .map(([name]) => `${set.name}: ${name}`)
    );
    expect(broad).toEqual([]);
  });

  it('lets leadership author strategy, targets, compensation and programmes, and only read the rest', () => {
    const authored = [
      'Strategy_Version__c',
      'Strategy_Sign_Off__c',
      'Sales_Target__c',
      'Compensation_Plan__c',
      'Compensation_Component__c',
      'Development_Program__c'
    ];
    for (const objectName of authored) {
      const access = leadership.objects.get(objectName);
      expect([objectName, access?.allowCreate && access.allowEdit]).toEqual([objectName, true]);
    }
    const customObjects = objects.filter(isCustomObject).map((object) => object.name);
    const written = [...leadership.objects.entries()]
      .filter(([, a]) => a.allowCreate || a.allowEdit || a.allowDelete)
      .map(([name]) => name);
    expect(written.sort()).toEqual([...authored].sort());
    const unreadable = customObjects.filter((name) => !leadership.objects.get(name)?.allowRead);
    expect(unreadable).toEqual([]);
    const broad = [...leadership.objects.entries()]
      .filter(([, a]) => a.viewAllRecords || a.modifyAllRecords)
      .map(([name]) => name);
    expect(broad).toEqual([]);
    const unreadableFields = grantableFields
      .flatMap(permissionFieldNames)
      .filter((name) => !leadership.fields.get(name)?.readable);
    expect(unreadableFields).toEqual([]);
    expect([...leadership.customPermissions]).toEqual([]);
    expect(leadership.customMetadataTypes.has('Sales_Rule__mdt')).toBe(true);
    expect(leadership.customMetadataTypes.has('Strategy_Setting__mdt')).toBe(false);
  });

  // Public Read/Write org-wide defaults: whoever holds edit on the object edits every record, so
  // the object permission alone decides who writes.
  it.each(['Strategy_Version__c', 'Compensation_Plan__c', 'Development_Program__c'])(
    'is Public Read/Write on %s, with edit held by leadership and admins only',
    (objectName) => {
      const object = objects.find((candidate) => candidate.name === objectName);
      expect(object?.sharingModel).toBe('ReadWrite');
      const editors = allSets
        .filter((set) => set.objects.get(objectName)?.allowEdit)
        .map((set) => set.name)
        .sort();
      expect(editors).toEqual(['SSM_Admin', 'SSM_Leadership']);
    }
  );

  it('lets leadership decide and name members of a sign-off, never stamp when; others only read it', () => {
    const field = (set: PermissionSetDefinition, name: string) =>
      set.fields.get(`Strategy_Sign_Off__c.${name}`);
    for (const name of ['Decision__c', 'Comment__c', 'Leadership_Role__c']) {
      expect([name, field(leadership, name)?.editable]).toEqual([name, true]);
    }
    expect(field(leadership, 'Decided_At__c')).toEqual({ readable: true, editable: false });
    for (const set of [seller, manager]) {
      const access = set.objects.get('Strategy_Sign_Off__c');
      expect([set.name, access?.allowRead, access?.allowEdit]).toEqual([set.name, true, false]);
    }
    const leaders = leadership.objects.get('Strategy_Sign_Off__c');
    expect(leaders?.allowCreate && leaders.allowEdit && leaders.allowDelete).toBe(true);
  });

  it('lets every persona read and edit the weekly digest opt-out on their user record', () => {
    for (const set of [seller, manager, leadership, admin]) {
      expect([set.name, set.fields.get('User.SSM_Weekly_Digest_Opt_Out__c')]).toEqual([
        set.name,
        { readable: true, editable: true }
      ]);
    }
  });

  it('lets managers, not sellers, create coaching sessions, targets and skill assessments', () => {
    for (const objectName of ['Coaching_Session__c', 'Sales_Target__c', 'Skill_Assessment__c']) {
      expect(manager.objects.get(objectName)?.allowCreate).toBe(true);
      expect(seller.objects.get(objectName)?.allowCreate).toBe(false);
    }
  });

  it('keeps every object permission consistent: create, edit and delete imply read, delete implies edit, Modify All implies View All', () => {
    for (const set of roleSets) expect([set.name, set.objects.size > 0]).toEqual([set.name, true]);
    const inconsistent = allSets.flatMap((set) =>
      [...set.objects.entries()]
        .filter(
          ([, a]) =>
            ((a.allowCreate || a.allowEdit || a.allowDelete || a.viewAllRecords) && !a.allowRead) ||
            (a.allowDelete && !a.allowEdit) ||
            (a.modifyAllRecords && !(a.viewAllRecords && a.allowDelete))
        )
        .map(([name]) => `${set.name}: ${name}`)
    );
    expect(inconsistent).toEqual([]);
  });

  it('grants read on the master object of every detail object a set can read', () => {
    const masters = new Map(
      customFields
        .filter((field) => field.type === 'MasterDetail' && field.referenceTo)
        .map((field) => [field.object, field.referenceTo ?? ''])
    );
    expect(masters.size).toBeGreaterThan(0);
    const missing = allSets.flatMap((set) =>
      [...masters.entries()]
        .filter(
          ([detail, master]) =>
            set.objects.get(detail)?.allowRead && !set.objects.get(master)?.allowRead
        )
        .map(([detail, master]) => `${set.name}: ${detail} needs read on ${master}`)
    );
    expect(missing).toEqual([]);
  });

  it('shows only tabs that exist, on objects the set can read, and the Sales Strategy app to every role', () => {
    expect(roleSets).toHaveLength(3);
    for (const set of roleSets) {
      expect(set.applications.has('Sales_Strategy')).toBe(true);
      expect([set.name, set.tabs.size > 0]).toEqual([set.name, true]);
      for (const tab of set.tabs.keys()) {
        expect(existsSync(join(sourceRoot, 'tabs', `${tab}.tab-meta.xml`))).toBe(true);
      }
      // A Lightning page tab (an app page such as Segments) shows a page, not an object.
      const objectTabs = [...set.tabs.keys()].filter(
        (tab) =>
          !readFileSync(join(sourceRoot, 'tabs', `${tab}.tab-meta.xml`), 'utf8').includes(
            '<flexiPage>'
          )
      );
      expect([set.name, objectTabs.length > 0]).toEqual([set.name, true]);
      for (const tab of objectTabs) {
        expect(set.objects.get(tab)?.allowRead).toBe(true);
      }
    }
  });
});

describe('Apex controllers', () => {
  const classesDir = join(sourceRoot, 'classes');
  const controllers = readdirSync(classesDir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('Controller.cls'))
    .map((file) => basename(file, '.cls'))
    .sort();

  it('grants every controller a component calls to the role sets, managers-only ones excepted', () => {
    expect(controllers.length).toBeGreaterThan(5);
    const managersOnly = new Set(['TeamDevelopmentController']);
    for (const controller of controllers) {
      expect([controller, admin.apexClasses.has(controller)]).toEqual([controller, true]);
      expect([controller, manager.apexClasses.has(controller)]).toEqual([controller, true]);
      expect([controller, leadership.apexClasses.has(controller)]).toEqual([controller, true]);
      expect([controller, seller.apexClasses.has(controller)]).toEqual([
        controller,
        !managersOnly.has(controller)
      ]);
    }
  });

  it('grants each invocable action to the sets whose users run it, and only to them', () => {
    const actions = readdirSync(classesDir, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('Action.cls'))
      .map((file) => basename(file, '.cls'))
      .sort();
    // Sellers, managers and admins work on records; leadership holds no record-edit rights;
    // everyone reads KPIs and deal briefs as far as sharing lets them;
    // coaching sessions are created by managers and admins; publishing is leadership's and the
    // admin's; acknowledging is for the strategy's audience (sellers and managers).
    const runners: Record<string, string[]> = {
      AcknowledgeStrategyAction: ['manager', 'seller'],
      GetPipelineKpisAction: ['admin', 'leadership', 'manager', 'seller'],
      GetRecordGuidanceAction: ['admin', 'leadership', 'manager', 'seller'],
      LogCoachingSessionAction: ['admin', 'manager'],
      PrepareDealCoachingBriefAction: ['admin', 'leadership', 'manager', 'seller'],
      PublishStrategyVersionAction: ['admin', 'leadership'],
      RecalculateGuidanceAction: ['admin', 'manager', 'seller']
    };
    expect(actions).toEqual(Object.keys(runners).sort());
    const sets = { admin, leadership, manager, seller };
    for (const action of actions) {
      const granted = Object.entries(sets)
        .filter(([, set]) => set.apexClasses.has(action))
        .map(([name]) => name)
        .sort();
      expect([action, granted]).toEqual([action, runners[action]]);
    }
  });

  it('grants no Apex class to the data-load bypass set', () => {
    expect([...loadBypass.apexClasses]).toEqual([]);
  });
});

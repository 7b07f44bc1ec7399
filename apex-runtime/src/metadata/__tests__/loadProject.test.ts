import { loadProject } from '../loadProject';
import { fieldXml, objectXml, WIDGET, writeSourceTree } from './projectFixture';

const project = loadProject();
const { schema } = project;

describe('loadProject: the package`s custom objects', () => {
  it('looks objects and fields up case-insensitively and reports canonical names', () => {
    expect(schema.object('coaching_session__C')?.name).toBe('Coaching_Session__c');
    expect(schema.field('OPPORTUNITY', 'days_in_stage__c')?.name).toBe('Days_In_Stage__c');
  });

  it('gives every custom object Id, OwnerId, Name and the audit fields', () => {
    const names = schema.object('Coaching_Session__c')?.fields.map((field) => field.name);
    expect(names?.slice(0, 3)).toEqual(['Id', 'OwnerId', 'Name']);
    expect(names).toEqual(
      expect.arrayContaining([
        'CreatedDate',
        'CreatedById',
        'LastModifiedDate',
        'LastModifiedById',
        'SystemModstamp',
        'IsDeleted'
      ])
    );
    expect(schema.relationship('Coaching_Session__c', 'owner')?.name).toBe('OwnerId');
    expect(schema.relationship('Coaching_Session__c', 'CreatedBy')?.referenceTo).toEqual(['User']);
  });

  it('gives a detail object (Controlled by Parent) no owner', () => {
    expect(schema.object('Account_Plan__c')?.hasOwner).toBe(false);
    expect(schema.field('Account_Plan__c', 'OwnerId')).toBeUndefined();
    expect(schema.object('Account_Plan__c')?.sharingParentFields).toEqual(['Account__c']);
  });

  it('describes an auto-number name as read-only with its display format', () => {
    const name = schema.field('Coaching_Session__c', 'Name');
    expect(name).toMatchObject({ createable: false, updateable: false, apexType: 'String' });
    expect(name?.autoNumber).toEqual({ displayFormat: 'CS-{000000}', startingNumber: 1 });
  });

  it('types Number, Currency and Percent fields as Decimal, lookups as Id', () => {
    // Apex Developer Guide, "Primitive Data Types": currency and number fields are Decimal.
    expect(schema.field('Opportunity', 'Close_Date_Push_Count__c')).toMatchObject({
      apexType: 'Decimal',
      displayType: 'DOUBLE',
      precision: 4,
      scale: 0
    });
    expect(schema.field('Coaching_Session__c', 'Seller__c')).toMatchObject({
      apexType: 'Id',
      displayType: 'REFERENCE',
      referenceTo: ['User']
    });
  });

  it('names a custom lookup`s parent <Field>__r and its child relationship <relationshipName>__r', () => {
    // SOQL and SOSL Reference, "Understanding Relationship Names, Custom Objects, and Custom Fields".
    expect(schema.field('Account_Plan__c', 'Account__c')?.relationshipName).toBe('Account__r');
    expect(schema.relationship('Account_Plan__c', 'account__r')?.name).toBe('Account__c');
    expect(schema.childRelationship('Account', 'Account_Plans__r')).toEqual({
      relationshipName: 'Account_Plans__r',
      childObject: 'Account_Plan__c',
      field: 'Account__c',
      cascadeDelete: true
    });
  });

  it('makes a master-detail field required and cascading', () => {
    expect(schema.field('Account_Plan__c', 'Account__c')).toMatchObject({
      masterDetail: true,
      required: true,
      nillable: false,
      deleteConstraint: 'Cascade',
      updateable: false
    });
  });

  it('reads local picklist values in order, with the restricted flag', () => {
    const kind = schema.field('Sales_Rule__mdt', 'Object__c');
    expect(kind?.picklistValues.map((entry) => entry.value)).toEqual([
      'Opportunity',
      'Account',
      'Account_Plan__c'
    ]);
    expect(kind?.restrictedPicklist).toBe(true);
  });

  it('takes the values of a global value set for a field that names one', () => {
    const focus = schema.field('Coaching_Session__c', 'Focus_Area__c');
    expect(focus?.picklistValues[0]).toEqual({
      value: 'Discovery',
      label: 'Discovery',
      active: true,
      defaultValue: false
    });
    expect(focus?.picklistValues).toHaveLength(8);
  });

  it('keeps a formula field`s text, return type and blank handling, read-only', () => {
    expect(schema.field('Opportunity', 'Days_In_Stage__c')).toMatchObject({
      formula: expect.stringContaining('TODAY()) - Stage_Entered_On__c'),
      formulaReturnType: 'Number',
      formulaTreatBlanksAs: 'BlankAsBlank',
      createable: false,
      updateable: false
    });
  });

  it('types a roll-up summary like the field it sums', () => {
    const total = schema.field('Compensation_Plan__c', 'Total_Weight__c');
    expect(total?.rollup).toEqual({
      operation: 'sum',
      childObject: 'Compensation_Component__c',
      foreignKey: 'Compensation_Plan__c',
      summarizedField: 'Weight__c',
      filters: []
    });
    expect(total).toMatchObject({ displayType: 'PERCENT', apexType: 'Decimal' });
  });

  it('reads roll-up filters', () => {
    expect(schema.field('Account', 'Active_Plan_Count__c')?.rollup?.filters).toEqual([
      { field: 'Status__c', operation: 'equals', value: 'Active' }
    ]);
  });

  it('reads history tracking per field', () => {
    expect(schema.field('Skill_Assessment__c', 'Score__c')?.trackHistory).toBe(true);
    expect(schema.field('Coaching_Session__c', 'Notes__c')?.trackHistory).toBe(false);
  });

  it('reads validation rules with their formula and message', () => {
    expect(schema.object('Coaching_Session__c')?.validationRules).toEqual([
      {
        name: 'Usefulness_Rating_1_To_5',
        active: true,
        errorConditionFormula:
          'AND(NOT(ISBLANK(Usefulness_Rating__c)), OR(Usefulness_Rating__c < 1, Usefulness_Rating__c > 5))',
        errorMessage: 'Rate the session from 1 (not useful) to 5 (very useful).',
        errorDisplayField: 'Usefulness_Rating__c'
      }
    ]);
  });

  it('merges the project`s fields on standard objects onto the catalogue`s', () => {
    expect(schema.field('Account', 'Industry')?.custom).toBe(false);
    expect(schema.field('Account', 'Customer_Segment__c')).toMatchObject({
      custom: true,
      relationshipName: 'Customer_Segment__r'
    });
  });

  it('gives objects/Activity fields to both Task and Event', () => {
    expect(schema.field('Task', 'Internal__c')?.apexType).toBe('Boolean');
    expect(schema.field('Event', 'Internal__c')?.apexType).toBe('Boolean');
  });

  it('lets an activity relate to every object that allows activities', () => {
    expect(schema.field('Event', 'WhatId')?.referenceTo).toEqual(
      expect.arrayContaining(['Account', 'Opportunity', 'Coaching_Session__c'])
    );
    expect(schema.childRelationship('Coaching_Session__c', 'Events')?.field).toBe('WhatId');
  });
});

describe('loadProject: share, history and Custom Metadata objects', () => {
  it('gives a Private object a __Share object with its sharing reasons as row causes', () => {
    const share = schema.object('Coaching_Session__Share');
    expect(schema.object('Coaching_Session__c')?.shareObject).toBe('Coaching_Session__Share');
    expect(share?.fields.map((field) => field.name)).toEqual([
      'Id',
      'ParentId',
      'UserOrGroupId',
      'AccessLevel',
      'RowCause',
      'LastModifiedDate',
      'LastModifiedById',
      'IsDeleted'
    ]);
    expect(
      schema.field('Coaching_Session__Share', 'RowCause')?.picklistValues.map((v) => v.value)
    ).toEqual(expect.arrayContaining(['Owner', 'Manual', 'Coached_Seller__c']));
    expect(schema.relationship('Coaching_Session__Share', 'Parent')?.referenceTo).toEqual([
      'Coaching_Session__c'
    ]);
  });

  it('gives public and Controlled by Parent objects no __Share object', () => {
    expect(schema.object('Improvement_Idea__Share')).toBeUndefined();
    expect(schema.object('Account_Plan__Share')).toBeUndefined();
    expect(schema.object('Sales_Target__Share')).toBeDefined();
  });

  it('gives an object with tracked fields a __History object with untyped values', () => {
    expect(schema.object('Skill_Assessment__c')?.historyObject).toBe('Skill_Assessment__History');
    expect(schema.field('Skill_Assessment__History', 'OldValue')?.apexType).toBe('Object');
    expect(schema.childRelationship('Skill_Assessment__c', 'Histories')?.childObject).toBe(
      'Skill_Assessment__History'
    );
    expect(schema.object('Idea_Vote__History')).toBeUndefined();
  });

  it('gives a Custom Metadata type its standard fields and makes it read-only', () => {
    const type = schema.object('Sales_Rule__mdt');
    expect(type?.fields.slice(0, 7).map((field) => field.name)).toEqual([
      'Id',
      'DeveloperName',
      'MasterLabel',
      'Label',
      'QualifiedApiName',
      'NamespacePrefix',
      'Language'
    ]);
    expect(type).toMatchObject({ customMetadata: true, createable: false, queryable: true });
  });

  it('finds each object by its key prefix', () => {
    expect(schema.objectOfKeyPrefix('006')?.name).toBe('Opportunity');
    expect(
      schema.objectOfKeyPrefix(schema.object('Skill_Assessment__c')?.keyPrefix ?? '')?.name
    ).toBe('Skill_Assessment__c');
  });
});

describe('loadProject: the rest of the source tree', () => {
  it('reads custom labels by case-insensitive name, trimming a wrapped value', () => {
    expect(project.labels.value('ssm_error_title')).toBe(
      'Something went wrong. Your changes were not saved or the data could not be loaded.'
    );
    expect(project.labels.value('No_Such_Label')).toBeUndefined();
  });

  it('reads Custom Metadata records with their values as written, blanks as null', () => {
    const industry = project.customMetadataRecords.find(
      (record) => record.developerName === 'Acc_Industry'
    );
    expect(industry).toMatchObject({ type: 'Sales_Rule__mdt', label: 'Industry' });
    expect(industry?.values.get('Weight__c')).toBe('2');
    expect(industry?.values.get('Applies_When__c')).toBeNull();
  });

  it('reads static resources with their bodies and content types', () => {
    const vectors = project.staticResources.find(
      (resource) => resource.name === 'GuidanceTestVectors'
    );
    expect(vectors?.contentType).toBe('application/json');
    expect(JSON.parse(new TextDecoder().decode(vectors?.body))).toHaveProperty('score');
  });

  it('reads notification types, custom permissions and permission sets', () => {
    expect(project.notificationTypes.map((type) => type.developerName)).toEqual([
      'SSM_Idea_Status_Changed',
      'SSM_Strategy_Update'
    ]);
    expect(project.customPermissions.map((permission) => permission.name)).toEqual([
      'SSM_Bypass_Automation',
      'SSM_Manage_Rules'
    ]);
    expect(
      project.permissionSets.get('SSM_Seller')?.customMetadataTypes.has('Sales_Rule__mdt')
    ).toBe(true);
  });

  it('reads the org definition of the project`s scratch org', () => {
    expect(project.orgDefinition).toMatchObject({
      name: 'Strategic Sales Management',
      organizationType: 'Developer Edition',
      language: 'en_US',
      country: 'DK',
      currencyIsoCode: 'DKK',
      fiscalYearStartMonth: 1,
      usesStartDateAsFiscalYearName: false,
      multiCurrency: true,
      advancedCurrencyManagement: true
    });
    expect(project.orgDefinition.currencies.map((currency) => currency.isoCode)).toEqual([
      'DKK',
      'EUR',
      'SEK',
      'NOK'
    ]);
  });

  it('reads every Apex class with its API version', () => {
    expect(
      project.apexClasses.find((apexClass) => apexClass.name === 'RuleEngine')?.apiVersion
    ).toMatch(/^\d+\.\d$/);
  });
});

describe('loadProject on other source trees', () => {
  it('reads a lookup`s delete constraint, SetNull by default', () => {
    const dir = writeSourceTree({
      ...WIDGET,
      'objects/Widget__c/fields/Owner_Account__c.field-meta.xml': fieldXml(
        '<fullName>Owner_Account__c</fullName><label>Account</label><referenceTo>Account</referenceTo>' +
          '<relationshipName>Widgets</relationshipName><type>Lookup</type>'
      ),
      'objects/Widget__c/fields/Kept__c.field-meta.xml': fieldXml(
        '<fullName>Kept__c</fullName><label>Kept</label><referenceTo>Account</referenceTo>' +
          '<relationshipName>Kept_Widgets</relationshipName><deleteConstraint>Restrict</deleteConstraint><type>Lookup</type>'
      )
    });
    const { schema: widgetSchema } = loadProject(dir);
    expect(widgetSchema.field('Widget__c', 'Owner_Account__c')?.deleteConstraint).toBe('SetNull');
    expect(widgetSchema.field('Widget__c', 'Kept__c')?.deleteConstraint).toBe('Restrict');
    expect(widgetSchema.childRelationship('Account', 'Widgets__r')?.cascadeDelete).toBe(false);
  });

  it('applies the org`s own sharing defaults over the metadata`s', () => {
    const dir = writeSourceTree(WIDGET);
    const overridden = loadProject(dir, {
      sharingDefaults: { Account: 'Private', Widget__c: 'Read' }
    });
    expect(overridden.schema.object('Account')?.sharingModel).toBe('Private');
    expect(overridden.schema.object('Widget__c')?.sharingModel).toBe('Read');
  });

  it('fails loudly on a field type the runtime cannot hold', () => {
    const dir = writeSourceTree({
      ...WIDGET,
      'objects/Widget__c/fields/Where__c.field-meta.xml': fieldXml(
        '<fullName>Where__c</fullName><label>Where</label><type>Location</type>'
      )
    });
    expect(() => loadProject(dir)).toThrow('not supported offline: field type Location');
  });

  it('fails loudly on a standard object the catalogue does not have', () => {
    const dir = writeSourceTree({
      'objects/Case/fields/Tier__c.field-meta.xml': fieldXml(
        '<fullName>Tier__c</fullName><label>Tier</label><type>Text</type><length>10</length>'
      )
    });
    expect(() => loadProject(dir)).toThrow('not supported offline: standard object Case');
  });

  it('fails loudly on a roll-up filter it cannot evaluate', () => {
    const dir = writeSourceTree({
      ...WIDGET,
      'objects/Account/fields/Big_Widgets__c.field-meta.xml': fieldXml(
        '<fullName>Big_Widgets__c</fullName><label>Big</label><type>Summary</type>' +
          '<summaryForeignKey>Widget__c.Account__c</summaryForeignKey><summaryOperation>count</summaryOperation>' +
          '<summaryFilterItems><field>Widget__c.Size__c</field><operation>greaterThan</operation><value>5</value></summaryFilterItems>'
      )
    });
    expect(() => loadProject(dir)).toThrow(
      'not supported offline: roll-up filter operation greaterThan'
    );
  });

  it('reads a hierarchy custom setting with its SetupOwnerId and no owner', () => {
    const dir = writeSourceTree({
      'objects/Limits__c/Limits__c.object-meta.xml': objectXml(
        '<label>Limits</label><customSettingsType>Hierarchy</customSettingsType><visibility>Public</visibility>'
      )
    });
    const settings = loadProject(dir).schema;
    expect(settings.object('Limits__c')).toMatchObject({ customSetting: true, hasOwner: false });
    expect(settings.field('Limits__c', 'SetupOwnerId')?.referenceTo).toEqual([
      'Organization',
      'Profile',
      'User'
    ]);
  });

  it('reads record types and gives their object a RecordTypeId', () => {
    const dir = writeSourceTree({
      ...WIDGET,
      'objects/Widget__c/recordTypes/Big.recordType-meta.xml':
        '<?xml version="1.0" encoding="UTF-8"?><RecordType><fullName>Big</fullName><active>true</active><label>Big Widget</label></RecordType>'
    });
    const widgets = loadProject(dir);
    expect(widgets.recordTypes.get('Widget__c')).toEqual([
      { fullName: 'Big', label: 'Big Widget', active: true, description: undefined }
    ]);
    expect(widgets.schema.relationship('Widget__c', 'RecordType')?.name).toBe('RecordTypeId');
  });

  it('fails loudly on muting permission sets in a permission set group', () => {
    const dir = writeSourceTree({
      'permissionsetgroups/Sales.permissionsetgroup-meta.xml':
        '<?xml version="1.0" encoding="UTF-8"?><PermissionSetGroup><label>Sales</label>' +
        '<mutingPermissionSets>Quiet</mutingPermissionSets><permissionSets>A</permissionSets></PermissionSetGroup>'
    });
    expect(() => loadProject(dir)).toThrow('not supported offline: muting permission sets');
  });

  it('fails loudly on sharing rules it would not apply', () => {
    const dir = writeSourceTree({
      'sharingRules/Account.sharingRules-meta.xml': '<SharingRules/>'
    });
    expect(() => loadProject(dir)).toThrow('not supported offline: sharing rules');
  });
});

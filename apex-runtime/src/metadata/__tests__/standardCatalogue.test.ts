import standardFields from '../../../../scripts/formula/standardFields.json';
import { loadProject } from '../loadProject';
import {
  standardKeyPrefix,
  standardOpportunityStages,
  standardPicklistValues
} from '../standardCatalogue';

const { schema } = loadProject();

describe('the standard object catalogue', () => {
  it('knows the standard key prefixes', () => {
    // Salesforce Object Reference: Account 001, Contact 003, User 005, Opportunity 006.
    expect(standardKeyPrefix('Account')).toBe('001');
    expect(standardKeyPrefix('Contact')).toBe('003');
    expect(standardKeyPrefix('User')).toBe('005');
    expect(standardKeyPrefix('Opportunity')).toBe('006');
    expect(standardKeyPrefix('Widget__c')).toBeUndefined();
  });

  it('describes Opportunity.Amount as a Decimal currency field', () => {
    // Field Reference, "Opportunity": Amount is currency, 18 digits, scale 2.
    expect(schema.field('Opportunity', 'Amount')).toMatchObject({
      apexType: 'Decimal',
      displayType: 'CURRENCY',
      precision: 18,
      scale: 2,
      custom: false
    });
  });

  it('makes the platform-computed Opportunity fields read-only', () => {
    for (const name of ['IsClosed', 'IsWon', 'ExpectedRevenue', 'LastActivityDate']) {
      expect(schema.field('Opportunity', name)).toMatchObject({
        createable: false,
        updateable: false
      });
    }
  });

  it('requires StageName and CloseDate and restricts the stage to the org`s stages', () => {
    expect(schema.field('Opportunity', 'StageName')).toMatchObject({
      required: true,
      restrictedPicklist: true
    });
    expect(schema.field('Opportunity', 'CloseDate')?.required).toBe(true);
    expect(standardPicklistValues('Opportunity', 'StageName').map((entry) => entry.value)).toEqual(
      standardOpportunityStages().map((stage) => stage.apiName)
    );
  });

  it('marks the default value of a standard picklist', () => {
    const status = standardPicklistValues('Task', 'Status');
    expect(status.find((entry) => entry.defaultValue)?.value).toBe('Not Started');
  });

  it('types field history values as untyped Objects', () => {
    expect(schema.field('OpportunityFieldHistory', 'OldValue')?.apexType).toBe('Object');
    expect(schema.field('OpportunityFieldHistory', 'CreatedDate')?.apexType).toBe('Datetime');
    expect(schema.field('OpportunityFieldHistory', 'LastModifiedDate')).toBeUndefined();
    expect(schema.object('Opportunity')?.historyObject).toBe('OpportunityFieldHistory');
  });

  it('requires the User fields a new user needs', () => {
    // sfdx-core REQUIRED_FIELDS of a user, and the Object Reference's User page.
    for (const name of [
      'Username',
      'LastName',
      'Email',
      'Alias',
      'TimeZoneSidKey',
      'LocaleSidKey',
      'EmailEncodingKey',
      'LanguageLocaleKey',
      'ProfileId'
    ]) {
      expect(schema.field('User', name)?.required).toBe(true);
    }
  });

  it('lets a polymorphic Who point only to objects the org has (no Lead offline)', () => {
    expect(schema.field('Task', 'WhoId')).toMatchObject({
      referenceTo: ['Contact'],
      relationshipName: 'Who',
      polymorphic: true
    });
  });

  it('gives each standard object its child relationships', () => {
    expect(schema.childRelationship('Account', 'Opportunities')).toMatchObject({
      childObject: 'Opportunity',
      field: 'AccountId'
    });
    expect(schema.childRelationship('Opportunity', 'OpportunityContactRoles')?.cascadeDelete).toBe(
      true
    );
    expect(schema.childRelationship('Opportunity', 'Histories')?.childObject).toBe(
      'OpportunityFieldHistory'
    );
  });

  it('uses the new-org sharing defaults', () => {
    // Salesforce Help, "Default Organization-Wide Sharing Settings".
    expect(schema.object('Account')?.sharingModel).toBe('ReadWrite');
    expect(schema.object('Opportunity')?.sharingModel).toBe('Read');
    expect(schema.object('Contact')?.sharingModel).toBe('ControlledByParent');
    expect(schema.object('Task')?.sharingModel).toBe('Private');
    expect(schema.object('User')?.sharingModel).toBe('Read');
  });

  it('holds the standard sales process with probabilities and forecast categories', () => {
    const stages = standardOpportunityStages();
    expect(stages[0]).toEqual({
      apiName: 'Prospecting',
      probability: 10,
      forecastCategoryName: 'Pipeline',
      closed: false,
      won: false
    });
    expect(stages.find((stage) => stage.apiName === 'Closed Won')).toMatchObject({
      probability: 100,
      closed: true,
      won: true,
      forecastCategoryName: 'Closed'
    });
  });

  it('has every standard field the formula schemas (scripts/formula/standardFields.json) use', () => {
    const file = standardFields as unknown as Record<
      string,
      { fields?: Record<string, { type: string }> }
    >;
    const missing: string[] = [];
    for (const [objectName, entry] of Object.entries(file)) {
      if (objectName.startsWith('$')) continue;
      for (const fieldName of Object.keys(entry.fields ?? {})) {
        if (!schema.field(objectName, fieldName)) missing.push(`${objectName}.${fieldName}`);
      }
    }
    // Campaign is not in the offline org: the one lookup to it is left out on purpose.
    expect(missing).toEqual(['Opportunity.CampaignId']);
  });
});

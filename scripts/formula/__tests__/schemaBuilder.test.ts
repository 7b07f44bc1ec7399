import { join } from 'node:path';
import { compileFormula } from '../../../formula-engine/src/formulaEngine';
import { buildSchemas } from '../schemaBuilder';

const objectsDir = join(__dirname, 'fixtures', 'objects');

describe('buildSchemas', () => {
  const schemas = buildSchemas({ objectsDir });

  it('describes every standard object and every object folder', () => {
    expect(Object.keys(schemas).sort()).toEqual([
      'Account',
      'Contact',
      'Event',
      'Opportunity',
      'Plan_Item__c',
      'Plan__c',
      'Rule__mdt',
      'Task',
      'User'
    ]);
  });

  it('gives a custom object its Id, Name, owner and audit fields', () => {
    const plan = schemas.Plan__c.fields;
    expect(plan.Id).toEqual({ type: 'Id' });
    expect(plan.Name).toEqual({ type: 'Text' });
    expect(plan.OwnerId).toEqual({
      type: 'Lookup',
      referenceTo: 'User',
      relationshipName: 'Owner'
    });
    expect(plan.CreatedDate).toEqual({ type: 'DateTime' });
  });

  it('gives a detail object no owner and takes the name type from nameField', () => {
    expect(schemas.Plan_Item__c.fields.OwnerId).toBeUndefined();
    expect(schemas.Plan_Item__c.fields.Name).toEqual({ type: 'AutoNumber' });
  });

  it('reads custom field types, including formula and roll-up fields', () => {
    expect(schemas.Plan__c.fields.Status__c).toEqual({ type: 'Picklist' });
    expect(schemas.Plan__c.fields.Days_Left__c).toEqual({ type: 'Number' });
    expect(schemas.Plan__c.fields.Item_Count__c).toEqual({ type: 'Summary' });
  });

  it('names a custom parent relationship <field>__r, not the child relationship name', () => {
    expect(schemas.Plan__c.fields.Account__c).toEqual({
      type: 'MasterDetail',
      referenceTo: 'Account',
      relationshipName: 'Account__r'
    });
    expect(Object.keys(schemas.Plan__c.relationships ?? {})).toEqual(
      expect.arrayContaining(['Account__r', 'Owner', 'CreatedBy'])
    );
  });

  it('merges custom fields of standard objects into the standard description', () => {
    const account = schemas.Account.fields;
    expect(account.Industry).toEqual({ type: 'Picklist' });
    expect(account.Market_Potential__c).toEqual({ type: 'Currency' });
  });

  it('adds Activity custom fields to both Event and Task', () => {
    expect(schemas.Event.fields.Internal__c).toEqual({ type: 'Checkbox' });
    expect(schemas.Task.fields.Internal__c).toEqual({ type: 'Checkbox' });
  });

  it('leaves lookups to objects outside the set as plain Id fields', () => {
    expect(schemas.Account.fields.Segment__c.referenceTo).toBe('Segment__c');
    expect(schemas.Account.relationships?.Segment__r).toBeUndefined();
  });

  it('describes custom metadata types by DeveloperName and their fields', () => {
    expect(schemas.Rule__mdt.fields.DeveloperName).toEqual({ type: 'Text' });
    expect(schemas.Rule__mdt.fields.Flag_When__c).toEqual({ type: 'LongTextArea' });
  });

  it('nests parents to the requested depth', () => {
    expect(schemas.Plan_Item__c.relationships?.Plan__r.relationships?.Account__r).toBeDefined();
    expect(
      schemas.Plan_Item__c.relationships?.Plan__r.relationships?.Account__r.relationships
    ).toBeUndefined();
    const shallow = buildSchemas({ objectsDir, depth: 0 });
    expect(shallow.Opportunity.relationships).toBeUndefined();
  });

  it('rejects a field file without a type', () => {
    expect(() => buildSchemas({ objectsDir: join(__dirname, 'fixtures', 'broken') })).toThrow(
      /needs <fullName> and <type>/
    );
  });
});

describe('formulas against schemas built from object metadata', () => {
  const schemas = buildSchemas({ objectsDir });

  it('compiles and evaluates custom parent paths (Account__r) and standard ones (Owner)', () => {
    const formula = compileFormula(
      'AND(ISPICKVAL(Account__r.Industry, "Banking"), Account__r.Owner.IsActive, Item_Count__c > 0)',
      { schema: schemas.Plan__c }
    );
    expect(formula.referencedFields).toEqual([
      'Account__r.Industry',
      'Account__r.Owner.IsActive',
      'Item_Count__c'
    ]);
    const record = {
      Item_Count__c: 2,
      Account__r: { Industry: 'Banking', Owner: { IsActive: true } }
    };
    expect(formula.evaluate(record, { today: '2026-11-16' })).toBe(true);
  });

  it('reads a detail record percent field as a fraction', () => {
    const formula = compileFormula('Progress__c >= 0.5', { schema: schemas.Plan_Item__c });
    expect(formula.evaluate({ Progress__c: 50 })).toBe(true);
  });

  it('rejects a path deeper than the built depth', () => {
    expect(() =>
      compileFormula('Plan__r.Account__r.Owner.Name', { schema: schemas.Plan_Item__c })
    ).toThrow('Field Owner does not exist on Account, or is not a relationship');
  });
});

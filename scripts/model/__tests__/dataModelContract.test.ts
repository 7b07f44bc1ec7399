import { join } from 'node:path';
import { loadDataModelContract, parseFields } from '../dataModelContract';
import { children, readMetadataFile, text } from '../metadataFile';
import { isCustomObject, loadObjectModel, type ObjectDefinition } from '../objectModel';

const contract = loadDataModelContract();
const model = new Map(loadObjectModel().map((object) => [object.name, object]));
const sourceRoot = join(__dirname, '..', '..', '..', 'force-app', 'main', 'default');

function deployed(name: string): ObjectDefinition {
  const object = model.get(name);
  if (!object) {
    throw new Error(`objects/${name} is missing`);
  }
  return object;
}

describe('parseFields', () => {
  it('reads each backticked field with the type word and picklist values that follow it', () => {
    const fields = parseFields(
      '`Status__c` Picklist Draft, In Review; `Seller__c` Lookup(User); `Skill__c` Picklist (global `Sales_Skill`)'
    );
    expect(fields).toEqual([
      {
        name: 'Status__c',
        type: 'Picklist',
        picklistValues: ['Draft', 'In Review'],
        usesGlobalValueSet: false
      },
      { name: 'Seller__c', type: 'Lookup', picklistValues: undefined, usesGlobalValueSet: false },
      { name: 'Skill__c', type: 'Picklist', picklistValues: undefined, usesGlobalValueSet: true }
    ]);
  });

  it('expands "data-quality fields" and ignores the object a roll-up counts', () => {
    const names = parseFields(
      '`Active_Plan_Count__c` roll-up COUNT of `Account_Plan__c` where Status = Active; data-quality fields'
    ).map((field) => field.name);
    expect(names).toEqual([
      'Active_Plan_Count__c',
      'Data_Quality_Score__c',
      'Data_Quality_Issues__c',
      'Data_Quality_Evaluated_At__c'
    ]);
  });
});

describe('metadata follows docs/DATA_MODEL.md', () => {
  const contracted = [...contract.objects.values()];

  it('finds the eighteen custom objects, the rule type and the standard objects in the contract', () => {
    expect(contracted.filter((object) => object.name.endsWith('__c'))).toHaveLength(18);
    expect(contract.objects.has('Sales_Rule__mdt')).toBe(true);
    for (const name of ['Account', 'Opportunity', 'Contact', 'Activity']) {
      expect(contract.objects.has(name)).toBe(true);
    }
  });

  it('deploys exactly the contracted objects', () => {
    expect([...model.keys()].sort()).toEqual(contracted.map((object) => object.name).sort());
  });

  it.each(contracted.map((object) => [object.name, object] as const))(
    'gives %s exactly the contracted fields (plus SSM_External_Id__c on custom objects)',
    (name, expected) => {
      const wanted = new Set(expected.fields.keys());
      if (name.endsWith('__c')) {
        wanted.add('SSM_External_Id__c');
      }
      expect(
        deployed(name)
          .fields.map((field) => field.name)
          .sort()
      ).toEqual([...wanted].sort());
    }
  );

  it.each(contracted.map((object) => [object.name, object] as const))(
    'gives the fields of %s the contracted types and picklist values',
    (name, expected) => {
      const fields = new Map(deployed(name).fields.map((field) => [field.name, field]));
      expect(expected.fields.size).toBeGreaterThan(0);
      const mismatches = [...expected.fields.values()].flatMap((want) => {
        const field = fields.get(want.name);
        if (!field) {
          return [`${want.name}: missing`];
        }
        const problems: string[] = [];
        const actualType = field.formula ? 'Formula' : field.type;
        if (want.type && actualType !== want.type) {
          problems.push(`${want.name}: type ${actualType}, contract ${want.type}`);
        }
        if (
          want.picklistValues &&
          want.picklistValues.join('|') !== field.picklistValues.join('|')
        ) {
          problems.push(`${want.name}: values ${field.picklistValues.join(', ')}`);
        }
        if (want.usesGlobalValueSet && field.valueSetName !== 'Sales_Skill') {
          problems.push(`${want.name}: not on the Sales_Skill global value set`);
        }
        return problems;
      });
      expect(mismatches).toEqual([]);
    }
  );

  it('uses the contracted sharing model, except ControlledByParent where the platform requires it for a master-detail child', () => {
    const withSharing = contracted.filter((object) => object.sharingModel);
    expect(withSharing.length).toBeGreaterThanOrEqual(15);
    for (const expected of withSharing) {
      const object = deployed(expected.name);
      const isDetail = object.fields.some((field) => field.type === 'MasterDetail');
      expect(`${object.name}: ${object.sharingModel}`).toBe(
        `${object.name}: ${isDetail ? 'ControlledByParent' : expected.sharingModel}`
      );
      expect(`${object.name}: ${object.nameFieldType}`).toBe(
        `${object.name}: ${expected.nameFieldType}`
      );
    }
  });

  it('carries a unique, case-insensitive external id on every custom object and seeded standard object', () => {
    const seeded = [...model.values()].filter(
      (object) =>
        isCustomObject(object) ||
        ['Account', 'Contact', 'Opportunity', 'Activity'].includes(object.name)
    );
    // The eighteen custom objects and the four seeded standard objects.
    expect(seeded.length).toBeGreaterThanOrEqual(20);
    for (const object of seeded) {
      const externalId = object.fields.find((field) => field.name === 'SSM_External_Id__c');
      expect(`${object.name}: ${externalId?.externalId} ${externalId?.unique}`).toBe(
        `${object.name}: true true`
      );
    }
  });

  it('makes every Unique_Key__c unique: a user acts once per record, a rule flags a record once', () => {
    const keys = [...model.values()].flatMap((object) =>
      object.fields.filter((field) => field.name === 'Unique_Key__c')
    );
    expect(keys.map((field) => field.object).sort()).toEqual([
      'Data_Quality_Finding__c',
      'Idea_Vote__c',
      'KPI_Snapshot__c',
      'Program_Enrollment__c',
      'Strategy_Acknowledgement__c'
    ]);
    expect(keys.every((field) => field.unique)).toBe(true);
  });

  it('ships the Sales_Skill global value set with the contracted values in order', () => {
    const valueSet = readMetadataFile(
      join(sourceRoot, 'globalValueSets', 'Sales_Skill.globalValueSet-meta.xml'),
      'GlobalValueSet'
    );
    expect(children(valueSet, 'customValue').map((value) => text(value, 'fullName'))).toEqual(
      contract.globalValueSets.get('Sales_Skill')
    );
  });
});

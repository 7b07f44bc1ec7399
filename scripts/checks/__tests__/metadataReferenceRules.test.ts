import { buildProjectIndex, type ProjectDocument } from '../metadataProjectIndex';
import { checkReferences } from '../metadataReferenceRules';
import { checkCustomObject } from '../metadataProjectRules';
import { parseXmlWithPositions } from '../metadataXml';

const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
const BASE = 'force-app/main/default';

function document(file: string, rootType: string, body: string): ProjectDocument {
  return {
    file,
    rootType,
    root: parseXmlWithPositions(`<${rootType} ${NS}>\n${body}\n</${rootType}>`)
  };
}

/** A small project: Deal__c with a required master-detail and an optional text field. */
const project: ProjectDocument[] = [
  document(
    `${BASE}/objects/Deal__c/Deal__c.object-meta.xml`,
    'CustomObject',
    '<label>Deal</label>'
  ),
  document(
    `${BASE}/objects/Deal__c/fields/Account__c.field-meta.xml`,
    'CustomField',
    '<type>MasterDetail</type>'
  ),
  document(
    `${BASE}/objects/Deal__c/fields/Code__c.field-meta.xml`,
    'CustomField',
    '<type>Text</type><required>true</required>'
  ),
  document(
    `${BASE}/objects/Deal__c/fields/Note__c.field-meta.xml`,
    'CustomField',
    '<type>Text</type>'
  ),
  document(
    `${BASE}/objects/Activity/fields/Internal__c.field-meta.xml`,
    'CustomField',
    '<type>Checkbox</type>'
  ),
  document(
    `${BASE}/objects/Deal__c/fields/Score__c.field-meta.xml`,
    'CustomField',
    '<formula>1</formula><type>Number</type>'
  ),
  document(
    `${BASE}/objects/Deal__c/fields/Owner__c.field-meta.xml`,
    'CustomField',
    '<type>Lookup</type>'
  ),
  document(
    `${BASE}/objects/Deal__c/compactLayouts/Deal_Compact.compactLayout-meta.xml`,
    'CompactLayout',
    '<label>Deal</label>'
  ),
  document(
    `${BASE}/lwc/dealCard/dealCard.js-meta.xml`,
    'LightningComponentBundle',
    '<isExposed>false</isExposed>'
  ),
  document(`${BASE}/tabs/Deal__c.tab-meta.xml`, 'CustomTab', '<customObject>true</customObject>'),
  document(
    `${BASE}/classes/DealSharingRecalculation.cls-meta.xml`,
    'ApexClass',
    '<apiVersion>65.0</apiVersion>'
  )
];

function messages(extra: ProjectDocument): string[] {
  const index = buildProjectIndex([...project, extra]);
  return checkReferences(extra, index).map((finding) => `${finding.line}: ${finding.message}`);
}

describe('cross-file metadata references', () => {
  it('accepts permissions on existing objects, optional fields, activity fields and tabs', () => {
    const permissionSet = document(
      `${BASE}/permissionsets/Seller.permissionset-meta.xml`,
      'PermissionSet',
      '<fieldPermissions><field>Deal__c.Note__c</field></fieldPermissions>\n' +
        '<fieldPermissions><field>Task.Internal__c</field></fieldPermissions>\n' +
        '<fieldPermissions><field>Account.Name</field></fieldPermissions>\n' +
        '<objectPermissions><object>Deal__c</object></objectPermissions>\n' +
        '<tabSettings><tab>Deal__c</tab></tabSettings>\n' +
        '<tabSettings><tab>standard-Account</tab></tabSettings>'
    );
    expect(messages(permissionSet)).toEqual([]);
  });

  it('rejects field permissions on unknown, required and master-detail fields', () => {
    const permissionSet = document(
      `${BASE}/permissionsets/Seller.permissionset-meta.xml`,
      'PermissionSet',
      '<fieldPermissions><field>Deal__c.Missing__c</field></fieldPermissions>\n' +
        '<fieldPermissions><field>Deal__c.Code__c</field></fieldPermissions>\n' +
        '<fieldPermissions><field>Deal__c.Account__c</field></fieldPermissions>'
    );
    expect(messages(permissionSet)).toEqual([
      '2: Deal__c.Missing__c is not a field of this project',
      '3: Deal__c.Code__c is a required field; permission sets cannot grant field permissions on it',
      '4: Deal__c.Account__c is a master-detail field; permission sets cannot grant field permissions on it'
    ]);
  });

  it('rejects unknown objects, tabs and custom permissions in a permission set', () => {
    const permissionSet = document(
      `${BASE}/permissionsets/Seller.permissionset-meta.xml`,
      'PermissionSet',
      '<objectPermissions><object>Lead__c</object></objectPermissions>\n' +
        '<tabSettings><tab>Lead__c</tab></tabSettings>\n' +
        '<customPermissions><name>Bypass</name></customPermissions>'
    );
    expect(messages(permissionSet)).toEqual([
      '2: Lead__c is not an object of this project',
      '3: Tab Lead__c is not defined in this project',
      '4: Custom permission Bypass is not defined in this project'
    ]);
  });

  it('rejects an editable permission on a formula field', () => {
    const permissionSet = document(
      `${BASE}/permissionsets/Seller.permissionset-meta.xml`,
      'PermissionSet',
      '<fieldPermissions><editable>true</editable><field>Deal__c.Score__c</field></fieldPermissions>'
    );
    expect(messages(permissionSet)).toEqual([
      '2: Deal__c.Score__c is computed (formula, roll-up or auto-number); it cannot be editable'
    ]);
  });

  it('rejects a validation rule displaying its error at a missing field', () => {
    const rule = document(
      `${BASE}/objects/Deal__c/validationRules/Code_Set.validationRule-meta.xml`,
      'ValidationRule',
      '<errorDisplayField>Cod__c</errorDisplayField>'
    );
    expect(messages(rule)).toEqual(['2: Deal__c.Cod__c is not a field of this project']);
  });

  it('rejects a roll-up over a lookup and a missing summarised field', () => {
    const rollUp = document(
      `${BASE}/objects/Account/fields/Deal_Total__c.field-meta.xml`,
      'CustomField',
      '<summaryForeignKey>Deal__c.Owner__c</summaryForeignKey>\n' +
        '<summarizedField>Deal__c.Amount__c</summarizedField>\n<type>Summary</type>'
    );
    expect(messages(rollUp)).toEqual([
      '2: Deal__c.Owner__c must be a MasterDetail field to roll up',
      '3: Deal__c.Amount__c is not a field of this project'
    ]);
  });

  it('rejects an object assigning a compact layout it does not have', () => {
    const object = document(
      `${BASE}/objects/Deal__c/Deal__c.object-meta.xml`,
      'CustomObject',
      '<compactLayoutAssignment>Deal_Compact</compactLayoutAssignment>'
    );
    expect(messages(object)).toEqual([]);
    const wrong = document(
      object.file,
      'CustomObject',
      '<compactLayoutAssignment>Deal_Highlights</compactLayoutAssignment>'
    );
    expect(messages(wrong)).toEqual(['2: Deal_Highlights is not a compact layout of Deal__c']);
  });

  it('rejects an object whose sharing recalculation names a class the project does not define', () => {
    const object = document(
      `${BASE}/objects/Deal__c/Deal__c.object-meta.xml`,
      'CustomObject',
      '<sharingRecalculations><className>DealSharingRecalculation</className></sharingRecalculations>'
    );
    expect(messages(object)).toEqual([]);
    const wrong = document(
      object.file,
      'CustomObject',
      '<sharingRecalculations><className>DealSharingRecalc</className></sharingRecalculations>'
    );
    expect(messages(wrong)).toEqual([
      '2: Apex class DealSharingRecalc is not defined in this project'
    ]);
  });

  it('rejects a Lightning page placing a missing or unexposed component or a missing field', () => {
    const page = document(
      `${BASE}/flexipages/Deal.flexipage-meta.xml`,
      'FlexiPage',
      '<flexiPageRegions>\n' +
        '<itemInstances><componentInstance><componentName>c:dealCard</componentName></componentInstance></itemInstances>\n' +
        '<itemInstances><componentInstance><componentName>c:dealChart</componentName></componentInstance></itemInstances>\n' +
        '<itemInstances><fieldInstance><fieldItem>Record.Stage__c</fieldItem></fieldInstance></itemInstances>\n' +
        '<itemInstances><fieldInstance><fieldItem>Record.Note__c</fieldItem></fieldInstance></itemInstances>\n' +
        '</flexiPageRegions>\n<sobjectType>Deal__c</sobjectType>'
    );
    expect(messages(page)).toEqual([
      '3: Lightning component c:dealCard is not exposed (isExposed is not true)',
      '4: Lightning component c:dealChart is not defined in this project',
      '5: Deal__c.Stage__c is not a field of this project'
    ]);
  });

  it('rejects a layout placing a field its object does not have', () => {
    const layout = document(
      `${BASE}/layouts/Deal__c-Deal Layout.layout-meta.xml`,
      'Layout',
      '<layoutSections><layoutColumns>\n<layoutItems><field>Note__c</field></layoutItems>\n' +
        '<layoutItems><field>Amount__c</field></layoutItems>\n</layoutColumns></layoutSections>'
    );
    expect(messages(layout)).toEqual(['4: Deal__c.Amount__c is not a field of this project']);
  });

  it('rejects an app listing a custom tab the project does not define', () => {
    const app = document(
      `${BASE}/applications/Sales.app-meta.xml`,
      'CustomApplication',
      '<tabs>standard-home</tabs>\n<tabs>Deal__c</tabs>\n<tabs>Quote__c</tabs>'
    );
    expect(messages(app)).toEqual(['4: Tab Quote__c is not defined in this project']);
  });

  it('rejects a Custom Metadata record whose type does not exist', () => {
    const record = document(`${BASE}/customMetadata/Rule.First.md-meta.xml`, 'CustomMetadata', '');
    expect(messages(record)).toEqual([
      '1: Custom Metadata type Rule__mdt does not exist in the project'
    ]);
  });
});

describe('custom object rules', () => {
  it('requires the labels and name field of a custom object', () => {
    const object = document(
      `${BASE}/objects/Deal__c/Deal__c.object-meta.xml`,
      'CustomObject',
      '<label>Deal</label>'
    );
    const findings = checkCustomObject(object.file, object.root, buildProjectIndex(project));
    expect(findings.map((finding) => finding.message)).toEqual([
      'Custom object Deal__c needs <pluralLabel>',
      'Custom object Deal__c needs <nameField>'
    ]);
  });

  it('requires a master-detail field for ControlledByParent sharing', () => {
    const object = document(
      `${BASE}/objects/Note__c/Note__c.object-meta.xml`,
      'CustomObject',
      '<label>Note</label><pluralLabel>Notes</pluralLabel>\n' +
        '<nameField><label>Name</label><type>AutoNumber</type></nameField>\n' +
        '<sharingModel>ControlledByParent</sharingModel>'
    );
    const findings = checkCustomObject(
      object.file,
      object.root,
      buildProjectIndex([...project, object])
    );
    expect(findings.map((finding) => `${finding.line}: ${finding.message}`)).toEqual([
      '3: An AutoNumber name field needs <displayFormat>',
      '4: ControlledByParent sharing needs a MasterDetail field on Note__c'
    ]);
  });

  it('accepts ControlledByParent sharing on an object with a master-detail field', () => {
    const object = document(
      `${BASE}/objects/Deal__c/Deal__c.object-meta.xml`,
      'CustomObject',
      '<label>Deal</label><pluralLabel>Deals</pluralLabel><nameField><type>Text</type></nameField>\n' +
        '<sharingModel>ControlledByParent</sharingModel>'
    );
    expect(checkCustomObject(object.file, object.root, buildProjectIndex(project))).toEqual([]);
  });
});

import { validateMetadataDocument } from '../metadataValidate';
import { loadMetadataSchema } from '../metadataSchema';
import { checkCustomField, checkLightningComponentBundle } from '../metadataProjectRules';
import { parseXmlWithPositions } from '../metadataXml';

const NAMESPACE = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

function messagesFor(file: string, xml: string): string[] {
  return validateMetadataDocument(loadMetadataSchema(), file, xml).findings.map(
    (finding) => `${finding.line}: ${finding.message}`
  );
}

function field(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField ${NAMESPACE}>\n${body}\n</CustomField>\n`;
}

describe('metadata document validation', () => {
  it('rejects a root element that does not match the file suffix', () => {
    expect(messagesFor('Deal__c.object-meta.xml', field('<label>Deal</label>'))).toEqual([
      '2: A .object-meta.xml file must have root <CustomObject>, not <CustomField>'
    ]);
  });

  it('rejects a root outside the Metadata API namespace', () => {
    const xml = '<CustomTab xmlns="urn:wrong">\n<customObject>true</customObject>\n</CustomTab>';
    expect(messagesFor('Deal__c.tab-meta.xml', xml)).toEqual([
      '1: <CustomTab> must be in namespace http://soap.sforce.com/2006/04/metadata, not urn:wrong'
    ]);
  });

  it('finds unknown elements deep inside nested types', () => {
    const xml = field(
      '<label>Stage</label>\n<type>Picklist</type>\n<valueSet>\n<valueSetDefinition>\n' +
        '<value><fullName>A</fullName><default>false</default><colour>red</colour></value>\n' +
        '</valueSetDefinition>\n</valueSet>'
    );
    expect(messagesFor('Stage__c.field-meta.xml', xml)).toEqual([
      '7: <colour> is not an element of CustomValue (did you mean <color>?)',
      '6: ValueSetValuesDefinition requires <sorted>'
    ]);
  });

  it('accepts elements inherited from a base type', () => {
    const xml = field('<fullName>Score__c</fullName>\n<label>Score</label>\n<type>Number</type>');
    expect(messagesFor('Score__c.field-meta.xml', xml)).toEqual([]);
  });

  it('accepts FlexiPage field instances, which only the newer schema knows', () => {
    const xml =
      `<FlexiPage ${NAMESPACE}>\n<flexiPageRegions>\n<itemInstances>\n<fieldInstance>\n` +
      '<fieldItem>Record.Name</fieldItem>\n</fieldInstance>\n</itemInstances>\n' +
      '<name>main</name>\n<type>Region</type>\n</flexiPageRegions>\n' +
      '<masterLabel>Page</masterLabel>\n<template><name>flexipage:defaultAppHomeTemplate</name></template>\n' +
      '<type>AppPage</type>\n</FlexiPage>';
    expect(messagesFor('Home.flexipage-meta.xml', xml)).toEqual([]);
  });

  it('rejects a FlexiPage type outside the enumeration', () => {
    const xml =
      `<FlexiPage ${NAMESPACE}>\n<masterLabel>Page</masterLabel>\n` +
      '<template><name>t</name></template>\n<type>RecordPages</type>\n</FlexiPage>';
    expect(messagesFor('Home.flexipage-meta.xml', xml)).toEqual([
      "4: 'RecordPages' is not a valid FlexiPageType for <type> (did you mean 'RecordPage'?)"
    ]);
  });

  it('rejects malformed booleans and numbers', () => {
    const xml = field(
      '<label>Score</label>\n<type>Number</type>\n<required>yes</required>\n<precision>3x</precision>'
    );
    expect(messagesFor('Score__c.field-meta.xml', xml)).toEqual([
      "5: <required> must be true or false, not 'yes'",
      "6: <precision> must be a number, not '3x'"
    ]);
  });

  it('rejects an unknown sharing model and deployment status', () => {
    const xml =
      `<CustomObject ${NAMESPACE}>\n<deploymentStatus>Live</deploymentStatus>\n` +
      '<label>Deal</label>\n<sharingModel>ReadWrit</sharingModel>\n</CustomObject>';
    expect(messagesFor('Deal__c.object-meta.xml', xml)).toEqual([
      "2: 'Live' is not a valid DeploymentStatus for <deploymentStatus> (expected one of InDevelopment, Deployed)",
      "4: 'ReadWrit' is not a valid SharingModel for <sharingModel> (did you mean 'ReadWrite'?)"
    ]);
  });

  it('reports a missing required element at the element that lacks it', () => {
    const xml = `<PermissionSet ${NAMESPACE}>\n<description>No label</description>\n</PermissionSet>`;
    expect(messagesFor('Seller.permissionset-meta.xml', xml)).toEqual([
      '1: PermissionSet requires <label>'
    ]);
  });

  it('rejects text longer than the platform stores, counting wrapped lines as one', () => {
    const wrapped = `${'word '.repeat(40)}\n      ${'word '.repeat(12)}`.trim();
    const xml =
      `<PermissionSet ${NAMESPACE}>\n<description>${wrapped}</description>\n` +
      '<label>Seller</label>\n</PermissionSet>';
    expect(messagesFor('Seller.permissionset-meta.xml', xml)).toEqual([
      '2: <description> of PermissionSet is 259 characters; the platform allows 255'
    ]);
    const fits = xml.replace(wrapped, 'word '.repeat(51).trim());
    expect(messagesFor('Seller.permissionset-meta.xml', fits)).toEqual([]);
  });

  it('does not demand the body an Apex class keeps in its .cls file', () => {
    const xml = `<ApexClass ${NAMESPACE}>\n<apiVersion>65.0</apiVersion>\n<status>Active</status>\n</ApexClass>`;
    expect(messagesFor('Foo.cls-meta.xml', xml)).toEqual([]);
  });

  it('rejects a single-valued element that appears twice', () => {
    const xml = field('<label>A</label>\n<label>B</label>\n<type>Text</type>\n<length>10</length>');
    expect(messagesFor('A__c.field-meta.xml', xml)).toEqual([
      '4: <label> may appear only once in CustomField'
    ]);
  });

  it('reports malformed XML with its position', () => {
    expect(messagesFor('A__c.field-meta.xml', field('<label>A</lable>'))).toEqual([
      "3: Malformed XML: Expected closing tag 'label' (opened in line 3, col 1) instead of closing tag 'lable'."
    ]);
  });
});

describe('custom field rules', () => {
  function ruleMessages(body: string): string[] {
    return checkCustomField('F.field-meta.xml', parseXmlWithPositions(field(body))).map(
      (finding) => `${finding.line}: ${finding.message}`
    );
  }

  it('requires referenceTo and relationshipName on a lookup', () => {
    expect(ruleMessages('<label>Owner</label>\n<type>Lookup</type>')).toEqual([
      '4: A Lookup field needs <referenceTo>',
      '4: A Lookup field needs <relationshipName>'
    ]);
  });

  it('accepts a master-detail field naming its parent and relationship', () => {
    const body =
      '<type>MasterDetail</type>\n<referenceTo>Account</referenceTo>\n' +
      '<relationshipName>Plans</relationshipName>';
    expect(ruleMessages(body)).toEqual([]);
  });

  it('requires values on a picklist', () => {
    expect(ruleMessages('<label>Stage</label>\n<type>Picklist</type>')).toEqual([
      '4: A Picklist field needs <valueSet> with <valueSetDefinition> values or a <valueSetName>'
    ]);
  });

  it('requires the sizes each field type needs', () => {
    expect(ruleMessages('<type>Text</type>')).toEqual(['3: A Text field needs <length>']);
    expect(ruleMessages('<type>Currency</type>\n<precision>18</precision>')).toEqual([
      '3: A Currency field needs <scale>'
    ]);
    expect(ruleMessages('<type>LongTextArea</type>\n<length>32768</length>')).toEqual([
      '3: A LongTextArea field needs <visibleLines>'
    ]);
  });

  it('rejects sizes outside what the field type allows', () => {
    expect(ruleMessages('<length>300</length>\n<type>Text</type>')).toEqual([
      '4: <length> of a Text field must be 1-255, not 300'
    ]);
    expect(ruleMessages('<precision>4</precision>\n<scale>5</scale>\n<type>Number</type>')).toEqual(
      ['5: <scale> 5 exceeds <precision> 4']
    );
  });

  it('requires a default on a checkbox unless it is a formula', () => {
    expect(ruleMessages('<type>Checkbox</type>')).toEqual([
      '3: A Checkbox field needs <defaultValue>'
    ]);
    expect(ruleMessages('<formula>true</formula>\n<type>Checkbox</type>')).toEqual([]);
  });

  it('requires the summarised field of a SUM roll-up', () => {
    const body =
      '<summaryForeignKey>Line__c.Deal__c</summaryForeignKey>\n' +
      '<summaryOperation>sum</summaryOperation>\n<type>Summary</type>';
    expect(ruleMessages(body)).toEqual(['5: A sum roll-up summary needs <summarizedField>']);
  });

  it('accepts a picklist bound to a global value set', () => {
    const body =
      '<type>Picklist</type>\n<valueSet><valueSetName>Sales_Skill</valueSetName></valueSet>';
    expect(ruleMessages(body)).toEqual([]);
  });
});

describe('Lightning component bundle rules', () => {
  it('rejects a targetConfig for an undeclared target and a property without a type', () => {
    const bundle = parseXmlWithPositions(
      `<LightningComponentBundle ${NAMESPACE}>\n<isExposed>true</isExposed>\n` +
        '<targets><target>lightning__RecordPage</target></targets>\n<targetConfigs>\n' +
        '<targetConfig targets="lightning__RecordPage">\n<property name="title"/>\n' +
        '<supportedFormFactors><supportedFormFactor type="Large"/></supportedFormFactors>\n' +
        '</targetConfig>\n' +
        '<targetConfig targets="lightning__AppPage"></targetConfig>\n' +
        '</targetConfigs>\n</LightningComponentBundle>'
    );
    expect(
      checkLightningComponentBundle('c.js-meta.xml', bundle).map(
        (finding) => `${finding.line}: ${finding.message}`
      )
    ).toEqual([
      '6: A design <property> needs a type attribute',
      '9: targetConfig for lightning__AppPage, which <targets> does not list'
    ]);
  });

  const formFactorFindings = (targets: string, configs: string): string[] =>
    checkLightningComponentBundle(
      'c.js-meta.xml',
      parseXmlWithPositions(
        `<LightningComponentBundle ${NAMESPACE}>\n<isExposed>true</isExposed>\n` +
          `<targets>${targets}</targets>\n<targetConfigs>\n${configs}\n</targetConfigs>\n` +
          '</LightningComponentBundle>'
      )
    ).map((finding) => `${finding.line}: ${finding.message}`);

  it('asks an exposed component to declare its form factors for every page type it targets', () => {
    expect(
      formFactorFindings(
        '<target>lightning__RecordPage</target><target>lightning__AppPage</target>',
        '<targetConfig targets="lightning__RecordPage">\n<supportedFormFactors>\n' +
          '<supportedFormFactor type="Small"/><supportedFormFactor type="Large"/>\n' +
          '</supportedFormFactors>\n</targetConfig>'
      )
    ).toEqual([
      '3: lightning__AppPage: declare <supportedFormFactors> in its targetConfig (Small for phones, Large for desktops)'
    ]);
  });

  it('refuses a phone form factor on a Home page, which renders on desktops only', () => {
    expect(
      formFactorFindings(
        '<target>lightning__HomePage</target>',
        '<targetConfig targets="lightning__HomePage">\n<supportedFormFactors>\n' +
          '<supportedFormFactor type="Small"/>\n<supportedFormFactor type="Large"/>\n' +
          '</supportedFormFactors>\n</targetConfig>'
      )
    ).toEqual(['7: lightning__HomePage supports the form factors Large, not Small']);
  });

  it('leaves a component that is not exposed alone', () => {
    expect(
      checkLightningComponentBundle(
        'c.js-meta.xml',
        parseXmlWithPositions(
          `<LightningComponentBundle ${NAMESPACE}>\n<isExposed>false</isExposed>\n` +
            '<targets><target>lightning__RecordPage</target></targets>\n' +
            '</LightningComponentBundle>'
        )
      )
    ).toEqual([]);
  });
});

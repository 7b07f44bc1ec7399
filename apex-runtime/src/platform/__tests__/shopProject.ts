/**
 * A small project for database tests: orders (private, auto-numbered, with formulas and
 * roll-ups) and their lines (master-detail).
 */
import { loadProject, type ApexProject } from '../../metadata/loadProject';
import { fieldXml, objectXml, writeSourceTree } from '../../metadata/__tests__/projectFixture';

const field = (object: string, name: string, body: string): Record<string, string> => ({
  [`objects/${object}/fields/${name}.field-meta.xml`]: fieldXml(
    `<fullName>${name}</fullName><label>${name}</label>${body}`
  )
});

const formula = (object: string, name: string, type: string, text: string, extra = '') =>
  field(object, name, `<formula>${text}</formula><type>${type}</type>${extra}`);

const summary = (name: string, operation: string, summarized: string, filters = '') =>
  field(
    'Order__c',
    name,
    `<type>Summary</type><summaryForeignKey>Line__c.Order__c</summaryForeignKey>` +
      `<summaryOperation>${operation}</summaryOperation>` +
      (summarized ? `<summarizedField>Line__c.${summarized}</summarizedField>` : '') +
      filters
  );

export function shopProject(): ApexProject {
  return loadProject(
    writeSourceTree({
      'objects/Order__c/Order__c.object-meta.xml': objectXml(
        '<label>Order</label><pluralLabel>Orders</pluralLabel><sharingModel>Private</sharingModel>' +
          '<nameField><label>Order Number</label><type>AutoNumber</type><displayFormat>ORD-{0000}</displayFormat></nameField>'
      ),
      'objects/Line__c/Line__c.object-meta.xml': objectXml(
        '<label>Line</label><pluralLabel>Lines</pluralLabel><sharingModel>ControlledByParent</sharingModel>' +
          '<nameField><label>Line Name</label><type>Text</type></nameField>'
      ),
      ...field(
        'Order__c',
        'Account__c',
        '<referenceTo>Account</referenceTo><relationshipName>Orders</relationshipName><type>Lookup</type>'
      ),
      ...field(
        'Order__c',
        'Discount__c',
        '<precision>3</precision><scale>0</scale><type>Percent</type>'
      ),
      ...field('Order__c', 'Placed_On__c', '<type>Date</type>'),
      ...field('Order__c', 'Express__c', '<defaultValue>false</defaultValue><type>Checkbox</type>'),
      ...summary('Total__c', 'sum', 'Amount__c'),
      ...summary(
        'Open_Lines__c',
        'count',
        '',
        '<summaryFilterItems><field>Line__c.Status__c</field><operation>equals</operation><value>Open, Shipped</value></summaryFilterItems>'
      ),
      ...summary('Biggest__c', 'max', 'Amount__c'),
      ...summary('First_Due__c', 'min', 'Due__c'),
      ...formula(
        'Order__c',
        'Net__c',
        'Currency',
        'Total__c * (1 - Discount__c)',
        '<precision>18</precision><scale>2</scale>'
      ),
      ...formula('Order__c', 'Account_Name__c', 'Text', 'Account__r.Name'),
      ...formula(
        'Order__c',
        'Per_Line__c',
        'Number',
        'Total__c / Open_Lines__c',
        '<precision>18</precision><scale>2</scale>'
      ),
      ...formula('Order__c', 'Discounted__c', 'Checkbox', 'Discount__c > 0'),
      ...formula(
        'Order__c',
        'Half_Discount__c',
        'Percent',
        'Discount__c / 2',
        '<precision>5</precision><scale>1</scale>'
      ),
      ...formula(
        'Order__c',
        'Age__c',
        'Number',
        'TODAY() - Placed_On__c',
        '<precision>18</precision><scale>0</scale>'
      ),
      ...field(
        'Line__c',
        'Order__c',
        '<referenceTo>Order__c</referenceTo><relationshipName>Lines</relationshipName><type>MasterDetail</type>'
      ),
      ...field(
        'Line__c',
        'Amount__c',
        '<precision>16</precision><scale>2</scale><type>Currency</type>'
      ),
      ...field('Line__c', 'Due__c', '<type>Date</type>'),
      ...field(
        'Line__c',
        'Status__c',
        '<type>Picklist</type><valueSet><valueSetDefinition><value><fullName>Open</fullName><default>true</default><label>Open</label></value>' +
          '<value><fullName>Shipped</fullName><default>false</default><label>Shipped</label></value>' +
          '<value><fullName>Closed</fullName><default>false</default><label>Closed</label></value></valueSetDefinition></valueSet>'
      )
    })
  );
}

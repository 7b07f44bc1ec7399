import { readCustomLabels } from '../customLabels';
import { readTranslations } from '../translations';
import { writeSourceTree } from './projectFixture';

const XML = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

const tree = writeSourceTree({
  'labels/CustomLabels.labels-meta.xml': `${XML}<CustomLabels ${NS}>
    <labels><fullName>Greeting</fullName><language>en_US</language><protected>false</protected><shortDescription>Greeting</shortDescription><value>Hello</value></labels>
    <labels><fullName>Farewell</fullName><language>en_US</language><protected>false</protected><shortDescription>Farewell</shortDescription><value>Goodbye</value></labels>
    <labels><fullName>Untranslated</fullName><language>en_US</language><protected>false</protected><shortDescription>Untranslated</shortDescription><value>Only English</value></labels>
  </CustomLabels>`,
  'translations/da.translation-meta.xml': `${XML}<Translations ${NS}>
    <customLabels><label>Hej</label><name>Greeting</name></customLabels>
    <customLabels><label></label><name>Farewell</name></customLabels>
    <customApplications><label>Salg</label><name>Sales_App</name></customApplications>
    <customTabs><label>Gennemgang</label><name>Review_Tab</name></customTabs>
  </Translations>`,
  'objectTranslations/Widget__c-da/Widget__c-da.objectTranslation-meta.xml': `${XML}<CustomObjectTranslation ${NS}>
    <caseValues><article>Definite</article><plural>false</plural><value>Dimsen</value></caseValues>
    <caseValues><plural>false</plural><value>Dims</value></caseValues>
    <caseValues><plural>true</plural><value>Dimser</value></caseValues>
    <gender>Neuter</gender>
    <layouts><layout>Widget Layout</layout><sections><label>Detaljer</label><section>Details</section></sections></layouts>
  </CustomObjectTranslation>`,
  'globalValueSetTranslations/Sizes-da.globalValueSetTranslation-meta.xml': `${XML}<GlobalValueSetTranslation ${NS}>
    <valueTranslation><masterLabel>Small</masterLabel><translation>Lille</translation></valueTranslation>
    <valueTranslation><masterLabel>Large</masterLabel><translation></translation></valueTranslation>
  </GlobalValueSetTranslation>`,
  'objectTranslations/Widget__c-da/fields/Colour__c.fieldTranslation-meta.xml': `${XML}<CustomFieldTranslation ${NS}>
    <help>Dimsens farve.</help><label>Farve</label><name>Colour__c</name>
    <picklistValues><masterLabel>Red</masterLabel><translation>Rød</translation></picklistValues>
    <picklistValues><masterLabel>Blue</masterLabel><translation></translation></picklistValues>
  </CustomFieldTranslation>`
});
const translations = readTranslations(tree, [
  { objectName: 'Widget__c', fieldName: 'Size__c', valueSetName: 'Sizes' },
  { objectName: 'Gadget__c', fieldName: 'Size__c', valueSetName: 'Sizes' }
]);
const labels = readCustomLabels(`${tree}/labels/CustomLabels.labels-meta.xml`, translations);

describe('readTranslations: the Translation Workbench files of a source tree', () => {
  it('reads the languages from the file and folder names', () => {
    expect(translations.languages()).toEqual(['da']);
  });

  it('gives an object its label without article, singular and plural', () => {
    expect(translations.object('da', 'Widget__c')).toMatchObject({
      label: 'Dims',
      labelPlural: 'Dimser'
    });
  });

  it('gives each layout its translated section headings', () => {
    expect(translations.object('da', 'Widget__c')?.layoutSections.get('Widget Layout')).toEqual(
      new Map([['Details', 'Detaljer']])
    );
  });

  it('gives a field its label, help and the picklist values that are translated', () => {
    const field = translations.object('da', 'Widget__c')?.fields.get('Colour__c');
    expect(field).toMatchObject({ label: 'Farve', help: 'Dimsens farve.' });
    expect([...(field?.picklistValues ?? [])]).toEqual([['Red', 'Rød']]);
  });

  it('reads the app and tab labels', () => {
    expect(translations.application('da', 'Sales_App')).toBe('Salg');
    expect(translations.tab('da', 'Review_Tab')).toBe('Gennemgang');
  });

  it('translates the values of every field that uses a translated global value set', () => {
    for (const objectName of ['Widget__c', 'Gadget__c']) {
      const field = translations.object('da', objectName)?.fields.get('Size__c');
      expect([...(field?.picklistValues ?? [])]).toEqual([['Small', 'Lille']]);
    }
    // The object's own translation is kept beside the set's values.
    expect(translations.object('da', 'Widget__c')?.label).toBe('Dims');
  });

  it('knows nothing of a language the tree does not translate into', () => {
    expect(translations.object('fr', 'Widget__c')).toBeUndefined();
    expect(translations.label('fr', 'Greeting')).toBeUndefined();
  });
});

describe('CustomLabels with translations', () => {
  it('answers a label in the language asked for, case-insensitively', () => {
    expect(labels.value('greeting', 'da')).toBe('Hej');
    expect(labels.value('Greeting', 'en_US')).toBe('Hello');
    expect(labels.value('Greeting')).toBe('Hello');
  });

  it('falls back to the label’s own text where the translation is missing or empty', () => {
    expect(labels.value('Untranslated', 'da')).toBe('Only English');
    expect(labels.value('Farewell', 'da')).toBe('Goodbye');
    expect(labels.value('Greeting', 'fr')).toBe('Hello');
  });

  it('says a translation exists for the label’s own language and real translations only', () => {
    expect(labels.translationExists('Greeting', 'en_US')).toBe(true);
    expect(labels.translationExists('Greeting', 'da')).toBe(true);
    expect(labels.translationExists('Farewell', 'da')).toBe(false);
    expect(labels.translationExists('Greeting', 'fr')).toBe(false);
    expect(labels.translationExists('Nothing', 'en_US')).toBe(false);
  });

  it('has no value for a label the tree does not define', () => {
    expect(labels.value('Nothing', 'da')).toBeUndefined();
  });
});

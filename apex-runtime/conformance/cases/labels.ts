/**
 * Custom labels in the running user's language: `System.Label.X` and the Label class, over the
 * project's own labels and their Danish translations (`translations/da.translation-meta.xml`).
 * The seller is made Danish (LanguageLocaleKey `da`) in setup.
 */
import { onTestOrg } from '../conformanceCase';
import { DOCS } from '../docPages';

const DANISH_SELLER =
  "User seller = [SELECT Id FROM User WHERE Username = 'seller@conformance.example.com'];\n" +
  "seller.LanguageLocaleKey = 'da';\nupdate seller;";

const LABEL = 'SSM_Adoption_All_Done';
const ENGLISH = 'Everyone has acknowledged this version.';
const DANISH = 'Alle har kvitteret for denne version.';

export const labelCases = onTestOrg([
  {
    name: 'System.Label reads a label in the running user’s language',
    source: DOCS.labelClass,
    setup: DANISH_SELLER,
    asUser: 'seller',
    apex: `System.debug(System.Label.${LABEL});`,
    debug: [DANISH],
    note: 'The page: custom labels present information "in a user’s native language".'
  },
  {
    name: 'System.Label reads the label’s own language for a user whose language has no translation',
    source: DOCS.labelClass,
    apex: `System.debug(UserInfo.getLanguage());\nSystem.debug(Label.${LABEL});`,
    debug: ['en_US', ENGLISH]
  },
  {
    name: 'Label.get without a language answers in the running user’s language',
    source: DOCS.labelClass,
    setup: DANISH_SELLER,
    asUser: 'seller',
    apex: `System.debug(Label.get('', '${LABEL}'));\nSystem.debug(System.Label.get(null, '${LABEL}'));`,
    debug: [DANISH, DANISH]
  },
  {
    name: 'Label.get with a language overrides the user’s language where a translation exists',
    source: DOCS.labelClass,
    setup: DANISH_SELLER,
    asUser: 'seller',
    apex:
      `System.debug(Label.get('', '${LABEL}', 'en_US'));\n` +
      `System.debug(Label.get('', '${LABEL}', 'fr'));`,
    debug: [ENGLISH, DANISH],
    note: 'The page: names are resolved "overriding the user’s current language if a translation exists for the requested language"; French has none, so the user’s own language stays.'
  },
  {
    name: 'Label.translationExists is true for the label’s own language and its translations only',
    source: DOCS.labelClass,
    apex:
      `System.debug(Label.translationExists('', '${LABEL}', 'en_US'));\n` +
      `System.debug(Label.translationExists('', '${LABEL}', 'da'));\n` +
      `System.debug(Label.translationExists('', '${LABEL}', 'fr'));\n` +
      `System.debug(Label.translationExists('', 'No_Such_Label', 'da'));\n` +
      `System.debug(Label.translationExists('other_ns', '${LABEL}', 'da'));`,
    debug: ['true', 'true', 'false', 'false', 'false']
  },
  {
    name: 'describes give object, field and picklist labels in the running user’s language',
    source: DOCS.describeFieldResult,
    setup: DANISH_SELLER,
    asUser: 'seller',
    apex:
      'Schema.DescribeFieldResult status = Improvement_Idea__c.Status__c.getDescribe();\n' +
      'System.debug(Improvement_Idea__c.SObjectType.getDescribe().getLabel());\n' +
      'System.debug(Coaching_Session__c.Seller__c.getDescribe().getLabel());\n' +
      "System.debug(status.getPicklistValues()[1].getLabel() + '/' + status.getPicklistValues()[1].getValue());\n" +
      // A field of a global value set reads the set's translation (Sales_Skill-da).
      'System.debug(Skill_Assessment__c.Skill__c.getDescribe().getPicklistValues()[0].getLabel());',
    debug: ['Forbedringsforslag', 'Sælger', 'Til gennemsyn/Under Review', 'Behovsafdækning'],
    note: 'The page: getLabel returns the text label "displayed next to the field in the Salesforce user interface", which is in the user’s language where a translation exists; the value stays.'
  },
  {
    name: 'Label.get of a label that does not exist throws, naming the label',
    source: DOCS.labelClass,
    apex: "try {\n  Label.get('', 'No_Such_Label');\n} catch (Exception e) {\n  System.debug(e.getMessage().contains('No_Such_Label'));\n}",
    debug: ['true'],
    note: 'The page does not say what is thrown; an org throws an exception whose message names the label (without the namespace).'
  }
]);

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatFinding } from '../findings';
import { findProperty, loadMetadataSchema } from '../metadataSchema';
import { placeholders } from '../translationCompare';
import { coverageLine, parseArguments, runTranslationCheck } from '../translationCheck';
import { defaultProducers, type TranslatableItemProducer } from '../translationItems';

const fixtures = join(__dirname, '..', '__fixtures__', 'translations');
const DEFAULT = 'force-app/main/default';

function findingsIn(root: string, producers = defaultProducers, language = 'da'): string[] {
  return runTranslationCheck(root, { language, producers })
    .findings.map((finding) => formatFinding(finding, root))
    .sort();
}

/** Runs the check over a copy of the complete fixture changed by `change`. */
function findingsAfter(
  change: (file: (path: string) => string) => void,
  producers = defaultProducers
): string[] {
  const root = mkdtempSync(join(tmpdir(), 'translations-'));
  try {
    cpSync(join(fixtures, 'complete'), root, { recursive: true });
    change((path) => join(root, DEFAULT, path));
    return findingsIn(root, producers);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function edit(file: string, from: string | RegExp, to: string): void {
  const before = readFileSync(file, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`nothing to replace in ${file}`);
  writeFileSync(file, after);
}

const TRANSLATIONS = 'translations/da.translation-meta.xml';
const PLAN = 'objectTranslations/Plan__c-da/Plan__c-da.objectTranslation-meta.xml';
const STATUS = 'objectTranslations/Plan__c-da/fields/Status__c.fieldTranslation-meta.xml';

describe('check:translations', () => {
  it('passes a project whose every label, object, field, value, rule, app, tab and action is translated', () => {
    const report = runTranslationCheck(join(fixtures, 'complete'));
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ required: 21, translated: 21 });
    expect(coverageLine('da', report)).toBe(
      "check:translations: 'da' translates 21 of 21 required items (100 %)"
    );
  });

  it('catches a label without a translation', () => {
    expect(findingsIn(join(fixtures, 'missing-label'))).toEqual([
      `${DEFAULT}/translations/da.translation-meta.xml:0 label SSM_Plan_Count ` +
        `(${DEFAULT}/labels/CustomLabels.labels-meta.xml:10) has no 'da' translation [translation-missing]`
    ]);
  });

  it("catches a translation whose {n} placeholders differ from the English label's", () => {
    expect(findingsIn(join(fixtures, 'wrong-placeholder'))).toEqual([
      `${DEFAULT}/translations/da.translation-meta.xml:7:3 label SSM_Plan_Count: the translation ` +
        'has placeholders {0} {2}, the English text has {0} {1} [translation-placeholder]'
    ]);
  });

  it('catches a custom field without a translation file', () => {
    expect(findingsIn(join(fixtures, 'missing-field'))).toEqual([
      `${DEFAULT}/objectTranslations/Plan__c-da/fields/Goal__c.fieldTranslation-meta.xml:0 ` +
        `field Plan__c.Goal__c (${DEFAULT}/objects/Plan__c/fields/Goal__c.field-meta.xml) ` +
        "has no 'da' translation: the file does not exist [translation-missing]"
    ]);
  });

  it('catches a missing and an untranslated (commented-out) picklist value', () => {
    const file = `${DEFAULT}/objectTranslations/Plan__c-da/fields/Status__c.fieldTranslation-meta.xml`;
    expect(findingsIn(join(fixtures, 'missing-picklist-value'))).toEqual([
      `${file}:0 picklist value 'Active' of field Plan__c.Status__c ` +
        `(${DEFAULT}/objects/Plan__c/fields/Status__c.field-meta.xml:15) has no 'da' translation [translation-missing]`,
      `${file}:9:3 picklist value 'Archived' of field Plan__c.Status__c: the translation is empty [translation-empty]`
    ]);
  });

  it('catches a validation rule without a translated error message, and one with an empty message', () => {
    const file = `${DEFAULT}/objectTranslations/Plan__c-da/Plan__c-da.objectTranslation-meta.xml`;
    expect(findingsIn(join(fixtures, 'missing-validation-message'))).toEqual([
      `${file}:0 validation rule Plan__c.End_After_Start ` +
        `(${DEFAULT}/objects/Plan__c/validationRules/End_After_Start.validationRule-meta.xml) ` +
        "has no 'da' translation [translation-missing]",
      `${file}:11:3 validation rule Plan__c.Progress_0_To_100: the translation is empty [translation-empty]`
    ]);
  });

  it('catches a translation of a label the source no longer has', () => {
    expect(findingsIn(join(fixtures, 'stale-label'))).toEqual([
      `${DEFAULT}/translations/da.translation-meta.xml:11:3 names label SSM_Old_Heading, ` +
        'which does not exist in the source [translation-stale]'
    ]);
  });

  it('catches a translation of a field the source no longer has, once for the field and not per value', () => {
    expect(findingsIn(join(fixtures, 'stale-field'))).toEqual([
      `${DEFAULT}/objectTranslations/Plan__c-da/fields/Priority__c.fieldTranslation-meta.xml:2:1 ` +
        'names field Plan__c.Priority__c, which does not exist in the source [translation-stale]'
    ]);
  });

  it('reports a missing object translation once, not once per validation rule or action in it', () => {
    expect(findingsAfter((file) => rmSync(file(PLAN)))).toEqual([
      `${DEFAULT}/${PLAN}:0 object Plan__c (${DEFAULT}/objects/Plan__c/Plan__c.object-meta.xml) ` +
        "has no 'da' translation: the file does not exist [translation-missing]"
    ]);
  });

  it("requires a custom object's singular and plural label, and a field's label and help text", () => {
    expect(
      findingsAfter((file) => {
        edit(file(PLAN), /<caseValues>\s*<plural>true[\s\S]*?<\/caseValues>/, '');
        edit(file(PLAN), '<value>Plan</value>', '<value />');
        edit(file(STATUS), /<help>.*<\/help>/, '');
        edit(file(STATUS), '<label>Status</label>', '');
      })
    ).toEqual([
      `${DEFAULT}/${PLAN}:0 plural label of object Plan__c (${DEFAULT}/objects/Plan__c/Plan__c.object-meta.xml) ` +
        "has no 'da' translation [translation-missing]",
      `${DEFAULT}/${PLAN}:2:1 object Plan__c: the translation has no singular label ` +
        '(<caseValues> <plural>false</plural> <value>) [translation-empty]',
      `${DEFAULT}/${STATUS}:0 help text of field Plan__c.Status__c ` +
        `(${DEFAULT}/objects/Plan__c/fields/Status__c.field-meta.xml:4) has no 'da' translation [translation-missing]`,
      `${DEFAULT}/${STATUS}:2:1 field Plan__c.Status__c: the translation has no <label> [translation-empty]`
    ]);
  });

  it('requires the application, non-object tabs, global actions and global value set values', () => {
    expect(
      findingsAfter((file) => {
        edit(file(TRANSLATIONS), /<customApplications>[\s\S]*?<\/customApplications>/, '');
        edit(file(TRANSLATIONS), /<customTabs>[\s\S]*?<\/customTabs>/, '');
        edit(file(TRANSLATIONS), /<quickActions>[\s\S]*?<\/quickActions>/, '');
        edit(
          file('globalValueSetTranslations/Skill-da.globalValueSetTranslation-meta.xml'),
          'Negotiation',
          'Closing'
        );
      })
    ).toEqual([
      `${DEFAULT}/globalValueSetTranslations/Skill-da.globalValueSetTranslation-meta.xml:0 ` +
        `value 'Negotiation' of global value set Skill (${DEFAULT}/globalValueSets/Skill.globalValueSet-meta.xml:8) ` +
        "has no 'da' translation [translation-missing]",
      `${DEFAULT}/globalValueSetTranslations/Skill-da.globalValueSetTranslation-meta.xml:7:3 ` +
        "names value 'Closing' of global value set Skill, which does not exist in the source [translation-stale]",
      `${DEFAULT}/${TRANSLATIONS}:0 application Sales (${DEFAULT}/applications/Sales.app-meta.xml) ` +
        "has no 'da' translation [translation-missing]",
      `${DEFAULT}/${TRANSLATIONS}:0 quick action Log_Call (${DEFAULT}/quickActions/Log_Call.quickAction-meta.xml) ` +
        "has no 'da' translation [translation-missing]",
      `${DEFAULT}/${TRANSLATIONS}:0 tab SSM_Home (${DEFAULT}/tabs/SSM_Home.tab-meta.xml) ` +
        "has no 'da' translation [translation-missing]"
    ]);
  });

  it('says where an object-specific action and an object tab are translated when found in the Translations file', () => {
    expect(
      findingsAfter((file) => {
        edit(
          file(TRANSLATIONS),
          '</Translations>',
          '<customTabs><label>Planer</label><name>Plan__c</name></customTabs>' +
            '<quickActions><label>Udgiv</label><name>Plan__c.Publish</name></quickActions></Translations>'
        );
      })
    ).toEqual([
      `${DEFAULT}/${TRANSLATIONS}:23:1 names tab Plan__c, which does not exist in the source; ` +
        "Plan__c is an object's tab, whose label is the object's translated plural label [translation-stale]",
      `${DEFAULT}/${TRANSLATIONS}:23:67 names quick action Plan__c.Publish, which does not exist in the source; ` +
        `Plan__c.Publish is an object-specific action, translated in ${DEFAULT}/${PLAN} as <quickActions> Publish ` +
        '[translation-stale]'
    ]);
  });

  it('reports a translation of a removed object once (not per field in it), and a label translated twice', () => {
    expect(
      findingsAfter((file) => {
        rmSync(file('objects/Rule__mdt'), { recursive: true });
        edit(
          file(TRANSLATIONS),
          '</Translations>',
          '<customLabels><label>Salg</label><name>SSM_Title</name></customLabels></Translations>'
        );
      })
    ).toEqual([
      `${DEFAULT}/objectTranslations/Rule__mdt-da/Rule__mdt-da.objectTranslation-meta.xml:2:1 ` +
        'names object Rule__mdt, which does not exist in the source [translation-stale]',
      `${DEFAULT}/${TRANSLATIONS}:23:1 label SSM_Title is translated again (first at ` +
        `${DEFAULT}/${TRANSLATIONS}:7) [translation-duplicate]`
    ]);
  });

  it('takes the label from the case value without article or case, as Danish translations have several', () => {
    expect(
      findingsAfter((file) =>
        edit(
          file(PLAN),
          '<caseValues>',
          '<caseValues><article>Definite</article><plural>false</plural><value>Planen</value></caseValues>' +
            '<caseValues><article>None</article><plural>false</plural><value /></caseValues><caseValues>'
        )
      )
    ).toEqual([
      `${DEFAULT}/${PLAN}:2:1 object Plan__c: the translation has no singular label ` +
        '(<caseValues> <plural>false</plural> <value>) [translation-empty]'
    ]);
  });

  it('matches a picklist value by its label or its API name', () => {
    expect(findingsAfter((file) => edit(file(STATUS), '>Active<', '>In_Use<'))).toEqual([]);
  });

  it('reads only the files of the language asked for', () => {
    const findings = findingsIn(join(fixtures, 'complete'), defaultProducers, 'de');
    expect(findings).toHaveLength(21 - 9); // children of a missing object or field are not repeated
    expect(findings.every((line) => line.includes("no 'de' translation"))).toBe(true);
    expect(findings).toContain(
      `${DEFAULT}/translations/de.translation-meta.xml:0 label SSM_Title ` +
        `(${DEFAULT}/labels/CustomLabels.labels-meta.xml:3) has no 'de' translation: the file does not exist [translation-missing]`
    );
  });

  it('takes further required items from an added producer, e.g. labels that rule texts name', () => {
    const ruleTexts: TranslatableItemProducer = {
      name: 'rule texts (test double)',
      produce: ({ source, language }) =>
        ['SSM_Title', 'SSM_Rule_Message'].map((label) => ({
          kind: 'label',
          path: [label],
          reference: true,
          required: true,
          source: { file: join(source.projectRoot, 'rule.md-meta.xml'), line: 7 },
          translationFile: join(source.projectRoot, `${language}.translation-meta.xml`)
        }))
    };
    expect(findingsAfter(() => undefined, [...defaultProducers, ruleTexts])).toEqual([
      'rule.md-meta.xml:7 names label SSM_Rule_Message, which the source does not define, ' +
        'so it has no translation [translation-reference]'
    ]);
  });

  it('requires each sales rule text to name an existing custom label, not to be plain text', () => {
    const rules = `${DEFAULT}/customMetadata`;
    const report = runTranslationCheck(join(fixtures, 'rule-texts'));
    expect(report).toMatchObject({ required: 2, translated: 1 });
    expect(findingsIn(join(fixtures, 'rule-texts'))).toEqual([
      `${rules}/Sales_Rule.Missing_Label.md-meta.xml:7 names label SSM_No_Such_Label, which the ` +
        'source does not define, so it has no translation [translation-reference]',
      `${rules}/Sales_Rule.Plain_Text.md-meta.xml:19 rule text Why_It_Matters__c of ` +
        "Sales_Rule.Plain_Text has no 'da' translation: it is plain text, which the Translation " +
        'Workbench cannot translate; put it in a custom label and write $Label.<LabelName> in the ' +
        'field [translation-missing]'
    ]);
  });

  it('reads only elements the Metadata API schema defines', () => {
    const schema = loadMetadataSchema();
    const read: Record<string, string[]> = {
      Translations: ['customLabels', 'customApplications', 'customTabs', 'quickActions'],
      CustomLabelTranslation: ['name', 'label'],
      CustomApplicationTranslation: ['name', 'label'],
      CustomTabTranslation: ['name', 'label'],
      GlobalQuickActionTranslation: ['name', 'label'],
      CustomObjectTranslation: ['caseValues', 'validationRules', 'quickActions', 'fields'],
      ObjectNameCaseValue: ['plural', 'value', 'article', 'caseType', 'possessive'],
      ValidationRuleTranslation: ['name', 'errorMessage'],
      QuickActionTranslation: ['name', 'label'],
      CustomFieldTranslation: ['name', 'label', 'help', 'picklistValues'],
      PicklistValueTranslation: ['masterLabel', 'translation'],
      GlobalValueSetTranslation: ['valueTranslation'],
      ValueTranslation: ['masterLabel', 'translation'],
      CustomLabel: ['value'],
      CustomField: ['inlineHelpText', 'valueSet'],
      ValueSetValuesDefinition: ['value'],
      CustomValue: ['label'],
      GlobalValueSet: ['customValue']
    };
    const unknown = Object.entries(read).flatMap(([type, properties]) =>
      properties
        .filter((property) => !findProperty(schema, type, property))
        .map((p) => `${type}.${p}`)
    );
    expect(unknown).toEqual([]);
  });

  it('compares placeholders as sets, in any order', () => {
    expect(placeholders('{1} af {0}, {1}')).toEqual(['{0}', '{1}']);
    expect(placeholders('ingen')).toEqual([]);
  });

  it('takes the project root and the language from the command line', () => {
    expect(parseArguments(['/p', '--language', 'de'])).toEqual({
      projectRoot: '/p',
      language: 'de'
    });
    expect(parseArguments(['--language=sv', '/q'])).toEqual({ projectRoot: '/q', language: 'sv' });
    expect(parseArguments(['/r']).language).toBe('da');
  });

  it('exits non-zero from the command line and prints one line per problem', () => {
    const run = (fixture: string): ReturnType<typeof spawnSync> =>
      spawnSync(
        process.execPath,
        [
          require.resolve('tsx/cli'),
          join(__dirname, '..', 'translationCheck.ts'),
          join(fixtures, fixture)
        ],
        { encoding: 'utf8' }
      );
    const failing = run('missing-label');
    expect(failing.status).toBe(1);
    expect(String(failing.stderr)).toMatch(
      /translations\/da\.translation-meta\.xml:0 label SSM_Plan_Count .* has no 'da' translation/
    );
    expect(String(failing.stdout)).toContain('check:translations: 1 finding');
    const passing = run('complete');
    expect(passing.status).toBe(0);
    expect(String(passing.stdout)).toContain('(100 %)');
  }, 60_000);
});

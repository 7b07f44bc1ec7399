/**
 * What the project's source asks to be translated: every "translatable item", with where it is
 * defined and which translation file must carry it. The items come from a list of producers, one
 * per kind of source (labels, objects, fields, ...), so that another source of required texts can
 * be added as one more producer without touching the comparison (see `TranslatableItemProducer`).
 *
 * Where each kind is translated (Metadata API; element names as in jsforce's schema):
 * - custom labels, custom applications, non-object tabs and global quick actions:
 *   `translations/<lang>.translation-meta.xml` (Translations: customLabels, customApplications,
 *   customTabs, quickActions, each {name, label});
 * - custom objects and custom metadata types (singular and plural label as `caseValues`
 *   {plural, value}), validation rules ({name, errorMessage}) and object-specific quick actions
 *   ({name, label}): `objectTranslations/<Object>-<lang>/<Object>-<lang>.objectTranslation-meta.xml`
 *   (CustomObjectTranslation; it has no `label` element, the label is the singular case value);
 * - custom fields: `objectTranslations/<Object>-<lang>/fields/<Field>.fieldTranslation-meta.xml`
 *   (CustomFieldTranslation: name, label, help, picklistValues {masterLabel, translation});
 * - global value sets: `globalValueSetTranslations/<Set>-<lang>.globalValueSetTranslation-meta.xml`
 *   (GlobalValueSetTranslation: valueTranslation {masterLabel, translation}).
 * - the texts of `Sales_Rule__mdt` records: nowhere (the Translation Workbench cannot translate
 *   Custom Metadata values), so a text is translated only by naming a custom label
 *   (`$Label.<Name>`, see scripts/rules/labelReference.ts); plain text is reported in its record.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { collectMetadataFiles, packageDirectories } from './metadataCheck';
import { childElement, childElements, childText } from './metadataProjectIndex';
import { parseXmlWithPositions, XmlSyntaxError, type XmlElement } from './metadataXml';
import { labelNameOf, RULE_TEXT_FIELDS } from '../rules/labelReference';

export type TranslationKind =
  | 'label'
  | 'application'
  | 'tab'
  | 'globalQuickAction'
  | 'object'
  | 'objectPlural'
  | 'objectQuickAction'
  | 'validationRule'
  | 'field'
  | 'fieldHelp'
  | 'picklistValue'
  | 'globalValueSet'
  | 'globalValue'
  | 'ruleText';

/** A thing of the source that a translation names: its kind and API name path. */
export interface TranslationRef {
  kind: TranslationKind;
  /**
   * The API names that identify it: `[label]`, `[object]`, `[object, field]`,
   * `[object, field, value]`, `[object, rule]`, `[object, action]`, `[set]`, `[set, value]`,
   * `[record, field]` (a rule text: `Sales_Rule.Opp_Next_Step`, `Message__c`).
   */
  path: readonly string[];
}

export interface SourceLocation {
  file: string;
  /** 1-based; 0 for the whole file. */
  line: number;
}

export interface TranslatableItem extends TranslationRef {
  /** Other API name paths a translation may use for it (a picklist value by API name or label). */
  aliases?: readonly (readonly string[])[];
  /** Where the item is defined or, for a reference, where it is used. */
  source: SourceLocation;
  /** The translation file that must carry it (absolute). */
  translationFile: string;
  /**
   * False for things that may be translated but need not be, such as a standard object, whose
   * translation file may exist to hold its custom fields. Such items keep translations of them
   * from counting as stale.
   */
  required: boolean;
  /** `presence`: only the translation's existence counts (a whole file); `text` (default): it must have text. */
  check?: 'text' | 'presence';
  /** The English text, when the translation must keep its `{n}` placeholders. */
  english?: string;
  /** The item whose translation holds this one; when that one is missing only it is reported. */
  parent?: TranslationRef;
  /**
   * True when the producer names a thing another producer defines (a rule text naming a label):
   * such an item adds no translation of its own but fails when nothing defines the thing.
   */
  reference?: boolean;
}

/** The source files of the project, parsed once, for every producer. */
export interface SourceProject {
  projectRoot: string;
  /** Every `*-meta.xml` of the package directories, sorted. */
  files: readonly string[];
  /** Object (and custom metadata type) directory names under `objects/`. */
  objects: ReadonlySet<string>;
  /** The parsed root, or undefined when the file is not well-formed (check:metadata reports it). */
  parse(file: string): XmlElement | undefined;
}

export interface TranslationContext {
  source: SourceProject;
  language: string;
}

/**
 * One source of translatable items. `ruleTextProducer`, for instance, adds the labels that
 * `Sales_Rule__mdt` records name in their text fields, as `{ kind: 'label', path: [name],
 * reference: true, required: true, source: <record file and line>, ... }`.
 */
export interface TranslatableItemProducer {
  name: string;
  produce(context: TranslationContext): TranslatableItem[];
}

export function readSourceProject(projectRoot: string): SourceProject {
  const files = packageDirectories(projectRoot)
    .flatMap((directory) => collectMetadataFiles(directory, []))
    .sort();
  const objects = new Set<string>();
  for (const file of files) {
    const object = objectOf(file);
    if (object) {
      objects.add(object);
    }
  }
  const parsed = new Map<string, XmlElement | undefined>();
  return {
    projectRoot,
    files,
    objects,
    parse(file) {
      if (!parsed.has(file)) {
        let root: XmlElement | undefined;
        try {
          root = parseXmlWithPositions(readFileSync(file, 'utf8'));
        } catch (error) {
          if (!(error instanceof XmlSyntaxError)) throw error;
        }
        parsed.set(file, root);
      }
      return parsed.get(file);
    }
  };
}

/** The parts of a path after `.../<typeFolder>/`, or undefined when it is not in one. */
function partsUnder(file: string, typeFolder: string): string[] | undefined {
  const parts = file.split(sep);
  const at = parts.lastIndexOf(typeFolder);
  return at < 0 ? undefined : parts.slice(at + 1);
}

/** `…/objects/Plan__c/fields/X__c.field-meta.xml` → `Plan__c`. */
function objectOf(file: string): string | undefined {
  const parts = partsUnder(file, 'objects');
  return parts && parts.length >= 2 ? parts[0] : undefined;
}

/** The `main/default` folder that holds the type folder a source file is in. */
function metadataFolder(file: string, typeFolder: string): string {
  const parts = file.split(sep);
  return parts.slice(0, parts.lastIndexOf(typeFolder)).join(sep);
}

export function translationsFile(folder: string, language: string): string {
  return join(folder, 'translations', `${language}.translation-meta.xml`);
}

export function objectTranslationFile(folder: string, object: string, language: string): string {
  return join(
    folder,
    'objectTranslations',
    `${object}-${language}`,
    `${object}-${language}.objectTranslation-meta.xml`
  );
}

export function fieldTranslationFile(
  folder: string,
  object: string,
  field: string,
  language: string
): string {
  return join(
    folder,
    'objectTranslations',
    `${object}-${language}`,
    'fields',
    `${field}.fieldTranslation-meta.xml`
  );
}

export function globalValueSetTranslationFile(
  folder: string,
  set: string,
  language: string
): string {
  return join(
    folder,
    'globalValueSetTranslations',
    `${set}-${language}.globalValueSetTranslation-meta.xml`
  );
}

/** `Plan__c.object-meta.xml` → `Plan__c`; `Plan__c.Publish.quickAction-meta.xml` → `Plan__c.Publish`. */
function componentName(file: string): string {
  return basename(file).replace(/\.[A-Za-z]+-meta\.xml$/, '');
}

/** Source files of one kind: below a `typeFolder` folder, with `suffix`. */
function sourceFiles(source: SourceProject, typeFolder: string, suffix: string): string[] {
  return source.files.filter(
    (file) => file.endsWith(suffix) && partsUnder(file, typeFolder) !== undefined
  );
}

export function isCustomObjectName(name: string): boolean {
  return /__(c|mdt)$/i.test(name);
}

/** Custom labels: each needs a non-empty translation with the English placeholders. */
export const labelProducer: TranslatableItemProducer = {
  name: 'custom labels',
  produce({ source, language }) {
    return sourceFiles(source, 'labels', '.labels-meta.xml').flatMap((file) => {
      const root = source.parse(file);
      const translationFile = translationsFile(metadataFolder(file, 'labels'), language);
      return (root ? childElements(root, 'labels') : []).map((label) => ({
        kind: 'label' as const,
        path: [childText(label, 'fullName')],
        source: { file, line: label.line },
        translationFile,
        required: true,
        english: childText(label, 'value')
      }));
    });
  }
};

/** Custom applications, non-object tabs and global quick actions of the Translations file. */
export const applicationTabActionProducer: TranslatableItemProducer = {
  name: 'applications, tabs and global quick actions',
  produce({ source, language }) {
    const items: TranslatableItem[] = [];
    const add = (kind: TranslationKind, typeFolder: string, suffix: string): void => {
      for (const file of sourceFiles(source, typeFolder, suffix)) {
        const name = componentName(file);
        if (kind === 'tab' && source.objects.has(name)) {
          continue; // An object's tab shows the object's (translated) plural label.
        }
        if (kind === 'globalQuickAction' && name.includes('.')) {
          continue; // Object-specific: translated in the object's translation (objectQuickAction).
        }
        items.push({
          kind,
          path: [name],
          source: { file, line: 0 },
          translationFile: translationsFile(metadataFolder(file, typeFolder), language),
          required: true
        });
      }
    };
    add('application', 'applications', '.app-meta.xml');
    add('tab', 'tabs', '.tab-meta.xml');
    add('globalQuickAction', 'quickActions', '.quickAction-meta.xml');
    return items;
  }
};

/**
 * Objects: a custom object's singular and plural label; every object's validation rules and
 * object-specific quick actions. A standard object needs no label of its own, but its
 * translation file may exist to hold its fields.
 */
export const objectProducer: TranslatableItemProducer = {
  name: 'objects, validation rules and object quick actions',
  produce({ source, language }) {
    const items: TranslatableItem[] = [];
    const folders = new Map<string, string>();
    for (const file of source.files) {
      const object = objectOf(file);
      if (object && !folders.has(object)) {
        folders.set(object, metadataFolder(file, 'objects'));
      }
    }
    for (const [object, folder] of folders) {
      const required = isCustomObjectName(object);
      const definition = join(folder, 'objects', object, `${object}.object-meta.xml`);
      const translationFile = objectTranslationFile(folder, object, language);
      const parent: TranslationRef = { kind: 'object', path: [object] };
      const location = {
        file: source.files.includes(definition) ? definition : dirname(definition),
        line: 0
      };
      items.push({ kind: 'object', path: [object], source: location, translationFile, required });
      items.push({
        kind: 'objectPlural',
        path: [object],
        source: location,
        translationFile,
        required,
        parent
      });
      for (const file of source.files) {
        const parts = partsUnder(file, 'objects');
        if (parts?.[0] !== object || parts[1] !== 'validationRules') continue;
        items.push({
          kind: 'validationRule',
          path: [object, componentName(file)],
          source: { file, line: 0 },
          translationFile,
          required: true,
          parent: required ? parent : undefined
        });
      }
    }
    for (const file of sourceFiles(source, 'quickActions', '.quickAction-meta.xml')) {
      const name = componentName(file);
      const dot = name.indexOf('.');
      if (dot < 0) continue;
      const object = name.slice(0, dot);
      items.push({
        kind: 'objectQuickAction',
        path: [object, name.slice(dot + 1)],
        source: { file, line: 0 },
        translationFile: objectTranslationFile(
          metadataFolder(file, 'quickActions'),
          object,
          language
        ),
        required: true,
        parent: isCustomObjectName(object) ? { kind: 'object', path: [object] } : undefined
      });
    }
    return items;
  }
};

/** Custom fields (`__c`) of every object: label, help text and local picklist values. */
export const fieldProducer: TranslatableItemProducer = {
  name: 'custom fields, help texts and picklist values',
  produce({ source, language }) {
    const items: TranslatableItem[] = [];
    for (const file of source.files) {
      const parts = partsUnder(file, 'objects');
      if (parts?.length !== 3 || parts[1] !== 'fields' || !file.endsWith('.field-meta.xml')) {
        continue;
      }
      const [object] = parts;
      const field = componentName(file);
      if (!/__c$/i.test(field)) continue;
      const root = source.parse(file);
      const translationFile = fieldTranslationFile(
        metadataFolder(file, 'objects'),
        object,
        field,
        language
      );
      const self: TranslationRef = { kind: 'field', path: [object, field] };
      items.push({ ...self, source: { file, line: 0 }, translationFile, required: true });
      if (!root) continue;
      const help = childElement(root, 'inlineHelpText');
      if (help && help.text.trim()) {
        items.push({
          kind: 'fieldHelp',
          path: [object, field],
          source: { file, line: help.line },
          translationFile,
          required: true,
          parent: self
        });
      }
      const valueSet = childElement(root, 'valueSet');
      const definition = valueSet && childElement(valueSet, 'valueSetDefinition');
      for (const value of definition ? childElements(definition, 'value') : []) {
        const apiName = childText(value, 'fullName');
        const label = childText(value, 'label') || apiName;
        items.push({
          kind: 'picklistValue',
          path: [object, field, label],
          aliases: apiName !== label ? [[object, field, apiName]] : undefined,
          source: { file, line: value.line },
          translationFile,
          required: true,
          parent: self
        });
      }
    }
    return items;
  }
};

/** Global value sets: the file, and every value in it. */
export const globalValueSetProducer: TranslatableItemProducer = {
  name: 'global value sets',
  produce({ source, language }) {
    return sourceFiles(source, 'globalValueSets', '.globalValueSet-meta.xml').flatMap((file) => {
      const set = componentName(file);
      const translationFile = globalValueSetTranslationFile(
        metadataFolder(file, 'globalValueSets'),
        set,
        language
      );
      const self: TranslationRef = { kind: 'globalValueSet', path: [set] };
      const root = source.parse(file);
      return [
        { ...self, source: { file, line: 0 }, translationFile, required: true, check: 'presence' },
        ...(root ? childElements(root, 'customValue') : []).map((value): TranslatableItem => {
          const apiName = childText(value, 'fullName');
          const label = childText(value, 'label') || apiName;
          return {
            kind: 'globalValue',
            path: [set, label],
            aliases: apiName !== label ? [[set, apiName]] : undefined,
            source: { file, line: value.line },
            translationFile,
            required: true,
            parent: self
          };
        })
      ];
    });
  }
};

const RULE_RECORD = /^Sales_Rule\.[^.]+\.md-meta\.xml$/;

/**
 * The texts of the `Sales_Rule__mdt` records (Message__c, Why_It_Matters__c, Coaching_Question__c):
 * a `$Label.<Name>` reference must name a custom label of the source (whose own translation
 * `labelProducer` requires); a plain text is a required item no translation can give, so it is
 * reported, at its line, until it is moved into a label.
 */
export const ruleTextProducer: TranslatableItemProducer = {
  name: 'sales rule texts',
  produce({ source, language }) {
    return sourceFiles(source, 'customMetadata', '.md-meta.xml')
      .filter((file) => RULE_RECORD.test(basename(file)))
      .flatMap((file) => {
        const root = source.parse(file);
        const record = componentName(file);
        const translationFile = translationsFile(metadataFolder(file, 'customMetadata'), language);
        return (root ? childElements(root, 'values') : []).flatMap((entry): TranslatableItem[] => {
          const field = childText(entry, 'field');
          const value = childElement(entry, 'value');
          const text = value?.text.trim() ?? '';
          if (!value || !text || !RULE_TEXT_FIELDS.some((name) => name === field)) return [];
          const label = labelNameOf(text);
          const location = { file, line: value.line };
          return [
            label === null
              ? {
                  kind: 'ruleText',
                  path: [record, field],
                  source: location,
                  translationFile: file,
                  required: true
                }
              : {
                  kind: 'label',
                  path: [label],
                  reference: true,
                  required: true,
                  source: location,
                  translationFile
                }
          ];
        });
      });
  }
};

/** The producers of `npm run check:translations`, in report order. */
export const defaultProducers: readonly TranslatableItemProducer[] = [
  labelProducer,
  applicationTabActionProducer,
  objectProducer,
  fieldProducer,
  globalValueSetProducer,
  ruleTextProducer
];

/** Every item the producers find in the source. */
export function translatableItems(
  context: TranslationContext,
  producers: readonly TranslatableItemProducer[] = defaultProducers
): TranslatableItem[] {
  return producers.flatMap((producer) => producer.produce(context));
}

/** How a finding names a thing: `label SSM_Foo`, `picklist value 'Draft' of field Plan__c.Status__c`. */
export function describe(ref: TranslationRef): string {
  const [first, second, third] = ref.path;
  switch (ref.kind) {
    case 'label':
      return `label ${first}`;
    case 'application':
      return `application ${first}`;
    case 'tab':
      return `tab ${first}`;
    case 'globalQuickAction':
      return `quick action ${first}`;
    case 'object':
      return `object ${first}`;
    case 'objectPlural':
      return `plural label of object ${first}`;
    case 'objectQuickAction':
      return `quick action ${first}.${second}`;
    case 'validationRule':
      return `validation rule ${first}.${second}`;
    case 'field':
      return `field ${first}.${second}`;
    case 'fieldHelp':
      return `help text of field ${first}.${second}`;
    case 'picklistValue':
      return `picklist value '${third}' of field ${first}.${second}`;
    case 'globalValueSet':
      return `global value set ${first}`;
    case 'globalValue':
      return `value '${second}' of global value set ${first}`;
    case 'ruleText':
      return `rule text ${second} of ${first}`;
  }
}

/** A case-insensitive identity for a kind and path (Salesforce API names ignore case). */
export function refId(kind: TranslationKind, path: readonly string[]): string {
  return [kind, ...path].join('\u0000').toLowerCase();
}

/** A path relative to the project root, for messages. */
export function projectPath(projectRoot: string, file: string): string {
  return relative(projectRoot, file) || file;
}

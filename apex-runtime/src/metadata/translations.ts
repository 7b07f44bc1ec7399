/**
 * The project's translations, per language, as the Translation Workbench deploys them: custom
 * label, tab and app texts (`translations/<language>.translation-meta.xml`) and what object translations give
 * a describe (`objectTranslations/<Object>-<language>/`): the object's singular and plural label,
 * each field's label, help text and picklist value labels. An empty translation is no
 * translation: the platform then shows the default language's text.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { children, readMetadataFile, text } from './metadataXml';

export interface FieldTranslation {
  label?: string;
  help?: string;
  /** Translated picklist value labels by the value's master label. */
  picklistValues: ReadonlyMap<string, string>;
}

export interface ObjectTranslation {
  label?: string;
  labelPlural?: string;
  fields: ReadonlyMap<string, FieldTranslation>;
  /** Translated section headings by layout name, then by the section's own heading. */
  layoutSections: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

export interface LanguageTranslations {
  /** Custom label texts by lower-case label name. */
  readonly labels: ReadonlyMap<string, string>;
  /** Tab labels by tab name (`SSM_Pipeline_Review`). */
  readonly tabs: ReadonlyMap<string, string>;
  /** App labels by app name (`Sales_Strategy`). */
  readonly applications: ReadonlyMap<string, string>;
  /** Object translations by object API name. */
  readonly objects: ReadonlyMap<string, ObjectTranslation>;
}

const TRANSLATION_SUFFIX = '.translation-meta.xml';
const OBJECT_TRANSLATION_SUFFIX = '.objectTranslation-meta.xml';
const FIELD_TRANSLATION_SUFFIX = '.fieldTranslation-meta.xml';
const VALUE_SET_TRANSLATION_SUFFIX = '.globalValueSetTranslation-meta.xml';

/** A field whose values are a global value set's (`<valueSetName>`). */
export interface GlobalValueSetField {
  objectName: string;
  fieldName: string;
  valueSetName: string;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** The `name` to `label` entries of one section of a Translations file. */
function namedLabels(
  root: ReturnType<typeof readMetadataFile>,
  section: string,
  key: (name: string) => string = (name) => name
): Map<string, string> {
  const labels = new Map<string, string>();
  for (const entry of children(root, section)) {
    const name = text(entry, 'name');
    const label = nonEmpty(text(entry, 'label'));
    if (name && label !== undefined) labels.set(key(name), label);
  }
  return labels;
}

function readFieldTranslation(file: string): [string, FieldTranslation] | undefined {
  const root = readMetadataFile(file, 'CustomFieldTranslation');
  const name = text(root, 'name');
  if (!name) return undefined;
  const picklistValues = new Map<string, string>();
  for (const value of children(root, 'picklistValues')) {
    const master = text(value, 'masterLabel');
    const translation = nonEmpty(text(value, 'translation'));
    if (master && translation !== undefined) picklistValues.set(master, translation);
  }
  return [
    name,
    {
      label: nonEmpty(text(root, 'label')),
      help: nonEmpty(text(root, 'help')),
      picklistValues
    }
  ];
}

/** The object's label in the form a describe gives: no article, singular or plural. */
function caseValue(root: ReturnType<typeof readMetadataFile>, plural: boolean): string | undefined {
  const value = children(root, 'caseValues').find(
    (entry) =>
      (text(entry, 'article') ?? 'None') === 'None' &&
      (text(entry, 'plural') === 'true') === plural &&
      text(entry, 'possessive') === undefined &&
      text(entry, 'caseType') === undefined
  );
  return value ? nonEmpty(text(value, 'value')) : undefined;
}

function readObjectTranslation(folder: string, objectName: string, language: string) {
  const objectFile = join(folder, `${objectName}-${language}${OBJECT_TRANSLATION_SUFFIX}`);
  const root = existsSync(objectFile)
    ? readMetadataFile(objectFile, 'CustomObjectTranslation')
    : undefined;
  const fields = new Map<string, FieldTranslation>();
  const fieldsDir = join(folder, 'fields');
  if (existsSync(fieldsDir)) {
    for (const file of readdirSync(fieldsDir).sort()) {
      if (!file.endsWith(FIELD_TRANSLATION_SUFFIX)) continue;
      const field = readFieldTranslation(join(fieldsDir, file));
      if (field) fields.set(field[0], field[1]);
    }
  }
  const layoutSections = new Map<string, Map<string, string>>();
  for (const layout of root ? children(root, 'layouts') : []) {
    const sections = new Map<string, string>();
    for (const section of children(layout, 'sections')) {
      const own = text(section, 'section');
      const label = nonEmpty(text(section, 'label'));
      if (own && label !== undefined) sections.set(own, label);
    }
    layoutSections.set(text(layout, 'layout') ?? '', sections);
  }
  return {
    label: root && caseValue(root, false),
    labelPlural: root && caseValue(root, true),
    fields,
    layoutSections
  };
}

export class Translations {
  constructor(private readonly byLanguage: ReadonlyMap<string, LanguageTranslations>) {}

  /** The languages the project translates into (LanguageLocaleKey values, e.g. `da`). */
  languages(): string[] {
    return [...this.byLanguage.keys()].sort();
  }

  /** The label's translated text, undefined when the language has none for it. */
  label(language: string, name: string): string | undefined {
    return this.byLanguage.get(language)?.labels.get(name.toLowerCase());
  }

  tab(language: string, name: string): string | undefined {
    return this.byLanguage.get(language)?.tabs.get(name);
  }

  application(language: string, name: string): string | undefined {
    return this.byLanguage.get(language)?.applications.get(name);
  }

  object(language: string, objectName: string): ObjectTranslation | undefined {
    return this.byLanguage.get(language)?.objects.get(objectName);
  }
}

interface LanguageEntry {
  labels: ReadonlyMap<string, string>;
  tabs: ReadonlyMap<string, string>;
  applications: ReadonlyMap<string, string>;
  objects: Map<string, ObjectTranslation>;
}

/** `<Name>-<language>` (a folder or a file's name without its suffix), split at the last hyphen. */
function nameAndLanguage(name: string): [string, string] | undefined {
  const separator = name.lastIndexOf('-');
  return separator < 1 ? undefined : [name.slice(0, separator), name.slice(separator + 1)];
}

/** The files of a folder that end in `suffix`, in name order; none when there is no folder. */
function filesOf(dir: string, suffix: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .sort()
        .filter((file) => file.endsWith(suffix))
    : [];
}

/** `translations/<language>.translation-meta.xml`: labels, tabs and apps. */
function readTranslationFiles(dir: string, languageOf: (language: string) => LanguageEntry): void {
  for (const file of filesOf(dir, TRANSLATION_SUFFIX)) {
    const entry = languageOf(file.slice(0, -TRANSLATION_SUFFIX.length));
    const root = readMetadataFile(join(dir, file), 'Translations');
    entry.labels = namedLabels(root, 'customLabels', (name) => name.toLowerCase());
    entry.tabs = namedLabels(root, 'customTabs');
    entry.applications = namedLabels(root, 'customApplications');
  }
}

/** `objectTranslations/<Object>-<language>/`. */
function readObjectTranslations(
  dir: string,
  languageOf: (language: string) => LanguageEntry
): void {
  for (const folder of filesOf(dir, '')) {
    const parts = nameAndLanguage(folder);
    if (!parts) continue;
    const [objectName, language] = parts;
    languageOf(language).objects.set(
      objectName,
      readObjectTranslation(join(dir, folder), objectName, language)
    );
  }
}

/**
 * `globalValueSetTranslations/<Set>-<language>`: the set's values translated on every field that
 * uses the set, beside (never over) a field's own picklist translations.
 */
function readValueSetTranslations(
  dir: string,
  fieldsOfSets: readonly GlobalValueSetField[],
  languageOf: (language: string) => LanguageEntry
): void {
  for (const file of filesOf(dir, VALUE_SET_TRANSLATION_SUFFIX)) {
    const parts = nameAndLanguage(file.slice(0, -VALUE_SET_TRANSLATION_SUFFIX.length));
    if (!parts) continue;
    const [valueSetName, language] = parts;
    const root = readMetadataFile(join(dir, file), 'GlobalValueSetTranslation');
    const values = new Map<string, string>();
    for (const value of children(root, 'valueTranslation')) {
      const master = text(value, 'masterLabel');
      const translation = nonEmpty(text(value, 'translation'));
      if (master && translation !== undefined) values.set(master, translation);
    }
    const { objects } = languageOf(language);
    for (const field of fieldsOfSets.filter(
      (candidate) => candidate.valueSetName === valueSetName
    )) {
      const object = objects.get(field.objectName) ?? {
        fields: new Map<string, FieldTranslation>(),
        layoutSections: new Map()
      };
      const fields = new Map(object.fields);
      const own = fields.get(field.fieldName);
      fields.set(field.fieldName, {
        ...own,
        picklistValues: new Map([...values, ...(own?.picklistValues ?? [])])
      });
      objects.set(field.objectName, { ...object, fields });
    }
  }
}

/**
 * Reads every language's translation files of a source tree; a tree without any has none. A
 * global value set's translation translates the values of every field of `globalValueSetFields`
 * that uses the set, as describes show them.
 */
export function readTranslations(
  sourceDir: string,
  globalValueSetFields: readonly GlobalValueSetField[] = []
): Translations {
  const byLanguage = new Map<string, LanguageEntry>();
  const languageOf = (language: string): LanguageEntry => {
    let entry = byLanguage.get(language);
    if (!entry) {
      entry = { labels: new Map(), tabs: new Map(), applications: new Map(), objects: new Map() };
      byLanguage.set(language, entry);
    }
    return entry;
  };
  readTranslationFiles(join(sourceDir, 'translations'), languageOf);
  readObjectTranslations(join(sourceDir, 'objectTranslations'), languageOf);
  readValueSetTranslations(
    join(sourceDir, 'globalValueSetTranslations'),
    globalValueSetFields,
    languageOf
  );
  return new Translations(byLanguage);
}

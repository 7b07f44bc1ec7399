/**
 * Reads one language's translation files (source format) into entries: what each translation
 * names and the text it gives. Files of other languages are not read.
 */
import { basename, sep } from 'node:path';
import type { Finding } from './findings';
import { childElement, childElements, childText } from './metadataProjectIndex';
import { localName, type XmlElement } from './metadataXml';
import type { SourceProject, TranslationKind, TranslationRef } from './translationItems';

export interface TranslationEntry extends TranslationRef {
  /** The translated text; '' when the element is empty or absent (an untranslated `<!-- -->`). */
  text: string;
  file: string;
  line: number;
  column?: number;
  /** The entry this one is part of (a picklist value's field), to report only the outermost stale one. */
  parent?: TranslationRef;
}

export interface TranslationFiles {
  entries: TranslationEntry[];
  /** Files that cannot be read as the translation they claim to be. */
  findings: Finding[];
}

const RULE = 'translation';

function entry(
  kind: TranslationKind,
  path: readonly string[],
  text: string,
  file: string,
  element: XmlElement,
  parent?: TranslationRef
): TranslationEntry {
  return { kind, path, text, file, line: element.line, column: element.column, parent };
}

/** The Translations file: labels, applications, tabs and global quick actions. */
function readTranslations(file: string, root: XmlElement): TranslationEntry[] {
  const sections: [string, TranslationKind][] = [
    ['customLabels', 'label'],
    ['customApplications', 'application'],
    ['customTabs', 'tab'],
    ['quickActions', 'globalQuickAction']
  ];
  return sections.flatMap(([element, kind]) =>
    childElements(root, element).map((translation) =>
      entry(
        kind,
        [childText(translation, 'name')],
        childText(translation, 'label'),
        file,
        translation
      )
    )
  );
}

/** A field's translation, in its own file or (older format) inside the object translation. */
function readField(
  object: string,
  field: string,
  file: string,
  element: XmlElement
): TranslationEntry[] {
  const self: TranslationRef = { kind: 'field', path: [object, field] };
  const entries = [
    entry('field', self.path, childText(element, 'label'), file, element, {
      kind: 'object',
      path: [object]
    })
  ];
  const help = childElement(element, 'help');
  if (help) {
    entries.push(entry('fieldHelp', self.path, help.text.trim(), file, help, self));
  }
  for (const value of childElements(element, 'picklistValues')) {
    entries.push(
      entry(
        'picklistValue',
        [object, field, childText(value, 'masterLabel')],
        childText(value, 'translation'),
        file,
        value,
        self
      )
    );
  }
  return entries;
}

/** The object translation: labels (case values), validation rules, quick actions, inline fields. */
function readObjectTranslation(object: string, file: string, root: XmlElement): TranslationEntry[] {
  const self: TranslationRef = { kind: 'object', path: [object] };
  const caseValues = childElements(root, 'caseValues');
  const isPlural = (value: XmlElement): boolean => childText(value, 'plural') === 'true';
  // Languages with articles or cases have several case values; the plain form has neither.
  const plain = (value: XmlElement): boolean =>
    ['', 'none'].includes(childText(value, 'article').toLowerCase()) &&
    ['', 'nominative'].includes(childText(value, 'caseType').toLowerCase()) &&
    ['', 'none'].includes(childText(value, 'possessive').toLowerCase());
  const singular =
    caseValues.find((value) => !isPlural(value) && plain(value)) ??
    caseValues.find((value) => !isPlural(value));
  const plural =
    caseValues.find((value) => isPlural(value) && plain(value)) ?? caseValues.find(isPlural);
  const entries = [
    entry('object', self.path, singular ? childText(singular, 'value') : '', file, root)
  ];
  if (plural) {
    entries.push(entry('objectPlural', self.path, childText(plural, 'value'), file, plural, self));
  }
  // The object's named children that carry one text each: [element, kind, text element].
  const namedTexts = [
    ['validationRules', 'validationRule', 'errorMessage'],
    ['quickActions', 'objectQuickAction', 'label']
  ] as const;
  for (const [element, kind, textElement] of namedTexts) {
    for (const child of childElements(root, element)) {
      entries.push(
        entry(
          kind,
          [object, childText(child, 'name')],
          childText(child, textElement),
          file,
          child,
          self
        )
      );
    }
  }
  for (const field of childElements(root, 'fields')) {
    entries.push(...readField(object, childText(field, 'name'), file, field));
  }
  return entries;
}

function readGlobalValueSet(set: string, file: string, root: XmlElement): TranslationEntry[] {
  const self: TranslationRef = { kind: 'globalValueSet', path: [set] };
  return [
    entry('globalValueSet', self.path, set, file, root),
    ...childElements(root, 'valueTranslation').map((value) =>
      entry(
        'globalValue',
        [set, childText(value, 'masterLabel')],
        childText(value, 'translation'),
        file,
        value,
        self
      )
    )
  ];
}

function wrongRoot(file: string, root: XmlElement, expected: string): Finding[] {
  return localName(root.name) === expected
    ? []
    : [
        {
          file,
          line: root.line,
          column: root.column,
          message: `root element is <${root.name}>, not <${expected}>: the translations in it are not read`,
          rule: RULE
        }
      ];
}

/** Every entry of the `language` translation files of the project. */
export function readTranslationFiles(source: SourceProject, language: string): TranslationFiles {
  const entries: TranslationEntry[] = [];
  const findings: Finding[] = [];
  const suffix = `-${language}`;
  const read = (
    file: string,
    expectedRoot: string,
    reader: (root: XmlElement) => TranslationEntry[]
  ): void => {
    const root = source.parse(file);
    if (!root) {
      findings.push({
        file,
        line: 0,
        message: 'is not well-formed XML: the translations in it are not read',
        rule: RULE
      });
      return;
    }
    const problems = wrongRoot(file, root, expectedRoot);
    findings.push(...problems);
    if (problems.length === 0) {
      entries.push(...reader(root));
    }
  };
  for (const file of source.files) {
    const parts = file.split(sep);
    const name = basename(file);
    const folder = parts[parts.length - 2];
    const grandFolder = parts[parts.length - 3];
    if (folder === 'translations' && name === `${language}.translation-meta.xml`) {
      read(file, 'Translations', (root) => readTranslations(file, root));
    } else if (
      grandFolder === 'objectTranslations' &&
      folder.endsWith(suffix) &&
      name === `${folder}.objectTranslation-meta.xml`
    ) {
      const object = folder.slice(0, -suffix.length);
      read(file, 'CustomObjectTranslation', (root) => readObjectTranslation(object, file, root));
    } else if (
      folder === 'fields' &&
      parts[parts.length - 4] === 'objectTranslations' &&
      grandFolder.endsWith(suffix) &&
      name.endsWith('.fieldTranslation-meta.xml')
    ) {
      const object = grandFolder.slice(0, -suffix.length);
      const field = name.slice(0, -'.fieldTranslation-meta.xml'.length);
      read(file, 'CustomFieldTranslation', (root) => {
        const declared = childText(root, 'name');
        if (declared && declared.toLowerCase() !== field.toLowerCase()) {
          findings.push({
            file,
            line: childElement(root, 'name')?.line ?? root.line,
            message: `names field '${declared}' but the file is named after field ${object}.${field}`,
            rule: RULE
          });
        }
        return readField(object, field, file, root);
      });
    } else if (
      folder === 'globalValueSetTranslations' &&
      name.endsWith(`${suffix}.globalValueSetTranslation-meta.xml`)
    ) {
      const set = name.slice(0, -`${suffix}.globalValueSetTranslation-meta.xml`.length);
      read(file, 'GlobalValueSetTranslation', (root) => readGlobalValueSet(set, file, root));
    }
  }
  return { entries, findings };
}

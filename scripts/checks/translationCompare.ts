/**
 * Compares what the source asks to be translated with what one language's translation files
 * give: a missing, empty or placeholder-changing translation, a translation of something the
 * source no longer has (stale), a thing translated twice, and a reference to a thing the source
 * does not define.
 */
import type { Finding } from './findings';
import type { TranslationEntry, TranslationFiles } from './translationFiles';
import {
  describe,
  projectPath,
  refId,
  type TranslatableItem,
  type TranslationRef
} from './translationItems';

export interface TranslationReport {
  findings: Finding[];
  /** Required items the source has. */
  required: number;
  /** Required items with a complete translation. */
  translated: number;
}

export interface CompareOptions {
  projectRoot: string;
  language: string;
  /** Files that exist, to say whether a missing translation's file is missing as a whole. */
  existingFiles: ReadonlySet<string>;
}

/** The distinct `{n}` placeholders of a text, sorted: `'{1} of {0}'` → `['{0}', '{1}']`. */
export function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
}

function idOf(ref: TranslationRef): string {
  return refId(ref.kind, ref.path);
}

function at(entry: TranslationEntry, message: string, rule: string): Finding {
  return { file: entry.file, line: entry.line, column: entry.column, message, rule };
}

/** Why a stale entry is stale, when more can be said than "does not exist". */
function staleHint(
  entry: TranslationEntry,
  index: ReadonlyMap<string, TranslatableItem>,
  options: CompareOptions
): string {
  const [name] = entry.path;
  if (entry.kind === 'globalQuickAction' && name.includes('.')) {
    const [object, action] = [name.slice(0, name.indexOf('.')), name.slice(name.indexOf('.') + 1)];
    const item = index.get(refId('objectQuickAction', [object, action]));
    if (item) {
      return (
        `; ${name} is an object-specific action, translated in ` +
        `${projectPath(options.projectRoot, item.translationFile)} as <quickActions> ${action}`
      );
    }
  }
  if (entry.kind === 'tab' && index.has(refId('object', [name]))) {
    return `; ${name} is an object's tab, whose label is the object's translated plural label`;
  }
  if (entry.kind === 'fieldHelp' && index.has(refId('field', entry.path))) {
    return '; the field has no help text';
  }
  return '';
}

function missingMessage(item: TranslatableItem, options: CompareOptions): string {
  if (item.kind === 'ruleText') {
    return (
      `${describe(item)} has no '${options.language}' translation: it is plain text, which the ` +
      'Translation Workbench cannot translate; put it in a custom label and write ' +
      '$Label.<LabelName> in the field'
    );
  }
  const where = item.source.line
    ? `${projectPath(options.projectRoot, item.source.file)}:${item.source.line}`
    : projectPath(options.projectRoot, item.source.file);
  const fileMissing = !options.existingFiles.has(item.translationFile);
  return (
    `${describe(item)} (${where}) has no '${options.language}' translation` +
    (fileMissing ? ': the file does not exist' : '')
  );
}

function emptyMessage(item: TranslatableItem): string {
  switch (item.kind) {
    case 'object':
      return `${describe(item)}: the translation has no singular label (<caseValues> <plural>false</plural> <value>)`;
    case 'objectPlural':
      return `${describe(item)}: the plural <caseValues> has no <value>`;
    case 'field':
      return `${describe(item)}: the translation has no <label>`;
    default:
      return `${describe(item)}: the translation is empty`;
  }
}

/** Compares the source's items with one language's translation entries. */
export function compareTranslations(
  items: readonly TranslatableItem[],
  translations: TranslationFiles,
  options: CompareOptions
): TranslationReport {
  const findings: Finding[] = [...translations.findings];
  const index = new Map<string, TranslatableItem>();
  for (const item of items.filter((candidate) => !candidate.reference)) {
    for (const path of [item.path, ...(item.aliases ?? [])]) {
      const id = refId(item.kind, path);
      if (!index.has(id)) index.set(id, item);
    }
  }

  const translated = new Map<TranslatableItem, TranslationEntry[]>();
  const stale: TranslationEntry[] = [];
  for (const entry of translations.entries) {
    const item = index.get(idOf(entry));
    if (item) {
      translated.set(item, [...(translated.get(item) ?? []), entry]);
    } else {
      stale.push(entry);
    }
  }

  for (const [item, entries] of translated) {
    for (const duplicate of entries.slice(1)) {
      findings.push(
        at(
          duplicate,
          `${describe(item)} is translated again (first at ` +
            `${projectPath(options.projectRoot, entries[0].file)}:${entries[0].line})`,
          'translation-duplicate'
        )
      );
    }
  }

  let required = 0;
  let complete = 0;
  const defining = new Set(index.values());
  for (const item of defining) {
    if (!item.required) continue;
    required++;
    const parent = item.parent && index.get(idOf(item.parent));
    if (parent?.required && !translated.has(parent)) {
      continue; // The parent's own finding says it all: its whole translation is missing.
    }
    const entry = translated.get(item)?.[0];
    if (!entry) {
      // A rule text can only be fixed where it is written, so it is reported at its line.
      const inSource = item.kind === 'ruleText';
      findings.push({
        file: inSource ? item.source.file : item.translationFile,
        line: inSource ? item.source.line : 0,
        message: missingMessage(item, options),
        rule: 'translation-missing'
      });
      continue;
    }
    if (item.check === 'presence') {
      complete++;
      continue;
    }
    if (!entry.text.trim()) {
      findings.push(at(entry, emptyMessage(item), 'translation-empty'));
      continue;
    }
    if (item.english !== undefined) {
      const expected = placeholders(item.english);
      const actual = placeholders(entry.text);
      if (expected.join() !== actual.join()) {
        const list = (values: string[]): string => values.join(' ') || 'none';
        findings.push(
          at(
            entry,
            `${describe(item)}: the translation has placeholders ${list(actual)}, ` +
              `the English text has ${list(expected)}`,
            'translation-placeholder'
          )
        );
        continue;
      }
    }
    complete++;
  }

  const staleIds = new Set(stale.map(idOf));
  for (const entry of stale) {
    if (entry.parent && staleIds.has(idOf(entry.parent))) {
      continue; // Reported once, on the object or field that no longer exists.
    }
    findings.push(
      at(
        entry,
        `names ${describe(entry)}, which does not exist in the source${staleHint(entry, index, options)}`,
        'translation-stale'
      )
    );
  }

  for (const reference of items.filter((item) => item.reference)) {
    if (!index.has(idOf(reference))) {
      findings.push({
        file: reference.source.file,
        line: reference.source.line,
        message: `names ${describe(reference)}, which the source does not define, so it has no translation`,
        rule: 'translation-reference'
      });
    }
  }
  return { findings, required, translated: complete };
}

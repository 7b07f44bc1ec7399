/**
 * Custom labels (`labels/CustomLabels.labels-meta.xml`), as `System.Label.X` reads them: by name,
 * case-insensitively (Apex names are case-insensitive), in the running user's language when the
 * project translates the label into it (`translations/`), else in the language it is written in.
 * A value is trimmed of the line breaks and indentation a formatter wraps long values in
 * (`<value>\n      Something went wrong.\n    </value>` reads `Something went wrong.`): the
 * Metadata API docs do not say what a deploy keeps, and a label's text never means them.
 */
import { existsSync } from 'node:fs';
import { children, readMetadataFile, text } from './metadataXml';
import { Translations } from './translations';

export interface CustomLabel {
  name: string;
  value: string;
  language: string;
  categories: string[];
  shortDescription: string;
  protected: boolean;
}

export class CustomLabels {
  private readonly byLowerName = new Map<string, CustomLabel>();

  constructor(
    labels: Iterable<CustomLabel>,
    private readonly translations: Translations = new Translations(new Map())
  ) {
    for (const label of labels) this.byLowerName.set(label.name.toLowerCase(), label);
  }

  /**
   * The label's text in `language` (a LanguageLocaleKey) when it is written in that language or
   * translated into it, else its own text; undefined when the project has no such label.
   */
  value(name: string, language?: string): string | undefined {
    const label = this.byLowerName.get(name.toLowerCase());
    if (!label) return undefined;
    if (language === undefined || language === label.language) return label.value;
    return this.translations.label(language, name) ?? label.value;
  }

  /** `Label.translationExists`: the label is written in `language` or translated into it. */
  translationExists(name: string, language: string): boolean {
    const label = this.byLowerName.get(name.toLowerCase());
    if (!label) return false;
    return language === label.language || this.translations.label(language, name) !== undefined;
  }

  label(name: string): CustomLabel | undefined {
    return this.byLowerName.get(name.toLowerCase());
  }

  /** Every label, in file order. */
  all(): CustomLabel[] {
    return [...this.byLowerName.values()];
  }
}

/** Reads the labels file; a project without one has no labels. */
export function readCustomLabels(path: string, translations?: Translations): CustomLabels {
  if (!existsSync(path)) return new CustomLabels([], translations);
  const root = readMetadataFile(path, 'CustomLabels');
  return new CustomLabels(
    children(root, 'labels').map((label) => ({
      name: text(label, 'fullName') ?? '',
      value: text(label, 'value') ?? '',
      language: text(label, 'language') ?? 'en_US',
      categories: (text(label, 'categories') ?? '')
        .split(',')
        .map((category) => category.trim())
        .filter((category) => category !== ''),
      shortDescription: text(label, 'shortDescription') ?? '',
      protected: text(label, 'protected') === 'true'
    })),
    translations
  );
}

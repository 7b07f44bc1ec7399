/**
 * Custom labels (`labels/CustomLabels.labels-meta.xml`), as `System.Label.X` reads them: by name,
 * case-insensitively (Apex names are case-insensitive), in the default language. Translations
 * (`translations/`) are not read: the runtime answers in the language the labels are written in.
 * A value is trimmed of the line breaks and indentation a formatter wraps long values in
 * (`<value>\n      Something went wrong.\n    </value>` reads `Something went wrong.`): the
 * Metadata API docs do not say what a deploy keeps, and a label's text never means them.
 */
import { existsSync } from 'node:fs';
import { children, readMetadataFile, text } from './metadataXml';

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

  constructor(labels: Iterable<CustomLabel>) {
    for (const label of labels) this.byLowerName.set(label.name.toLowerCase(), label);
  }

  /** The label's value, or undefined when the project has no such label. */
  value(name: string): string | undefined {
    return this.byLowerName.get(name.toLowerCase())?.value;
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
export function readCustomLabels(path: string): CustomLabels {
  if (!existsSync(path)) return new CustomLabels([]);
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
    }))
  );
}

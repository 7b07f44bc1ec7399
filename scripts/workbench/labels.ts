/** The package's custom labels (CustomLabels.labels-meta.xml) by name, for `@salesforce/label/c.*`. */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { LABELS_FILE } from './paths';

interface LabelEntry {
  fullName: string;
  value: string;
}

export function loadCustomLabels(path: string = LABELS_FILE): Map<string, string> {
  const parser = new XMLParser({
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => name === 'labels'
  });
  const document = parser.parse(readFileSync(path, 'utf8')) as {
    CustomLabels?: { labels?: LabelEntry[] };
  };
  return new Map(
    (document.CustomLabels?.labels ?? []).map((label) => [
      String(label.fullName).trim(),
      String(label.value)
    ])
  );
}

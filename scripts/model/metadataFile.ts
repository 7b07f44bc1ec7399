/**
 * Reads one SFDX source file (`*-meta.xml`) into a plain object. Repeated elements are always
 * arrays and single values always strings, so callers never have to guess which shape
 * fast-xml-parser chose for a given file.
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

/** An element's children by name: text for leaf elements, nested elements otherwise. */
export interface MetadataElement {
  readonly [name: string]: readonly (string | MetadataElement)[];
}

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  parseTagValue: false,
  trimValues: true,
  isArray: () => true
});

/** Parses metadata XML text and returns the root element (e.g. the `<CustomField>` element). */
export function parseMetadata(xml: string, rootName: string): MetadataElement {
  const document = parser.parse(xml) as Record<string, unknown>;
  const roots = document[rootName];
  if (!Array.isArray(roots) || roots.length !== 1 || typeof roots[0] !== 'object') {
    throw new Error(`Expected exactly one <${rootName}> root element`);
  }
  return roots[0] as MetadataElement;
}

export function readMetadataFile(path: string, rootName: string): MetadataElement {
  try {
    return parseMetadata(readFileSync(path, 'utf8'), rootName);
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}

/** The text of the first `name` child, or undefined when the element has none. */
export function text(element: MetadataElement, name: string): string | undefined {
  const first = element[name]?.[0];
  if (first === undefined) {
    return undefined;
  }
  return typeof first === 'string' ? first : '';
}

/** Every `name` child that is itself an element (e.g. each `<fieldPermissions>` block). */
export function children(element: MetadataElement, name: string): MetadataElement[] {
  return (element[name] ?? []).filter(
    (child): child is MetadataElement => typeof child === 'object'
  );
}

/** The texts of every `name` child (e.g. each `<tabs>` of an app). */
export function texts(element: MetadataElement, name: string): string[] {
  return (element[name] ?? []).map((child) => (typeof child === 'string' ? child : ''));
}

export function flag(element: MetadataElement, name: string): boolean {
  return text(element, name) === 'true';
}

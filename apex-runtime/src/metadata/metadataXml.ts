/**
 * Reads one SFDX source file (`*-meta.xml`) into a plain object. Repeated elements are always
 * arrays and single values always strings, so callers never have to guess which shape
 * fast-xml-parser chose for a given file. Attributes are dropped, except that an element marked
 * `xsi:nil="true"` (a Custom Metadata value left blank) is kept apart from an empty one.
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

/** An element's children by name: text for leaf elements, nested elements otherwise. */
export interface MetadataElement {
  readonly [name: string]: readonly (string | MetadataElement)[];
}

/** The marker child an `xsi:nil="true"` element carries (see `isNil`). */
const NIL_MARKER = '#nil';
const NIL_ATTRIBUTE = '@xsi:nil';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  ignoreDeclaration: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute
});

/** An element with its attributes dropped, `xsi:nil="true"` kept as the nil marker. */
function withoutAttributes(element: Record<string, unknown>): MetadataElement {
  const result: Record<string, (string | MetadataElement)[]> = {};
  for (const [key, value] of Object.entries(element)) {
    if (key === NIL_ATTRIBUTE) {
      if (value === 'true') result[NIL_MARKER] = ['true'];
      continue;
    }
    if (key.startsWith('@')) continue;
    result[key] = (value as unknown[]).map((child) =>
      typeof child === 'object' && child !== null
        ? normalise(child as Record<string, unknown>)
        : String(child)
    );
  }
  return result;
}

/**
 * An element that holds only text comes back from the parser as `{ '#text': 'value' }` when it
 * has attributes (`<value xsi:type="xsd:string">`); it is text to the readers.
 */
function normalise(element: Record<string, unknown>): string | MetadataElement {
  const keys = Object.keys(element).filter((key) => !key.startsWith('@'));
  if (element[NIL_ATTRIBUTE] === 'true') return withoutAttributes(element);
  if (keys.length === 1 && keys[0] === '#text') {
    const text = element['#text'];
    return String(Array.isArray(text) ? text[0] : text);
  }
  return withoutAttributes(element);
}

/** Parses metadata XML text and returns the root element (e.g. the `<CustomField>` element). */
export function parseMetadata(xml: string, rootName: string): MetadataElement {
  const document = parser.parse(xml) as Record<string, unknown>;
  const roots = document[rootName];
  if (!Array.isArray(roots) || roots.length !== 1 || typeof roots[0] !== 'object') {
    throw new Error(`Expected exactly one <${rootName}> root element`);
  }
  return withoutAttributes(roots[0] as Record<string, unknown>);
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

/** True when the first `name` child is marked `xsi:nil="true"` (a blank Custom Metadata value). */
export function isNil(element: MetadataElement, name: string): boolean {
  const first = element[name]?.[0];
  return typeof first === 'object' && first[NIL_MARKER] !== undefined;
}

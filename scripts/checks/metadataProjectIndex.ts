/**
 * What the project defines, by API name, so that cross-file rules can ask "does this exist here?".
 * Names are lower-cased because Salesforce API names are case-insensitive.
 */
import { basename, dirname } from 'node:path';
import { localName, type XmlElement } from './metadataXml';

export interface ProjectDocument {
  file: string;
  root: XmlElement;
  /** The Metadata API type the root was validated as. */
  rootType: string;
}

export interface ProjectObject {
  /** Name as found on disk (the object directory). */
  name: string;
  /** The `.object-meta.xml` root, when the project has one. */
  definition?: XmlElement;
  /** Field definitions by lower-cased field name. */
  fields: Map<string, XmlElement>;
  /** Lower-cased names of the object's compact layouts. */
  compactLayouts: Set<string>;
}

export interface ProjectIndex {
  objects: ReadonlyMap<string, ProjectObject>;
  /** Component roots by root type (e.g. CustomTab), then by lower-cased component name. */
  components: ReadonlyMap<string, ReadonlyMap<string, XmlElement>>;
}

/** `Account_Plan__c.object-meta.xml` → `Account_Plan__c`. */
export function componentName(file: string): string {
  return basename(file).replace(/\.[A-Za-z]+-meta\.xml$/, '');
}

export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((candidate) => localName(candidate.name) === name);
}

export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((candidate) => localName(candidate.name) === name);
}

export function childText(element: XmlElement, name: string): string {
  return childElement(element, name)?.text.trim() ?? '';
}

export function buildProjectIndex(documents: readonly ProjectDocument[]): ProjectIndex {
  const objects = new Map<string, ProjectObject>();
  const components = new Map<string, Map<string, XmlElement>>();
  const objectNamed = (name: string): ProjectObject => {
    const key = name.toLowerCase();
    const existing = objects.get(key);
    if (existing) {
      return existing;
    }
    const created: ProjectObject = { name, fields: new Map(), compactLayouts: new Set() };
    objects.set(key, created);
    return created;
  };
  for (const document of documents) {
    const name = componentName(document.file);
    const byName = components.get(document.rootType) ?? new Map<string, XmlElement>();
    byName.set(name.toLowerCase(), document.root);
    components.set(document.rootType, byName);
    const owner = basename(dirname(dirname(document.file)));
    if (document.rootType === 'CustomObject') {
      objectNamed(name).definition = document.root;
    } else if (
      document.rootType === 'CustomField' &&
      basename(dirname(document.file)) === 'fields'
    ) {
      objectNamed(owner).fields.set(name.toLowerCase(), document.root);
    } else if (document.rootType === 'CompactLayout') {
      objectNamed(owner).compactLayouts.add(name.toLowerCase());
    }
  }
  return { objects, components };
}

/** Whether an API name is one the project must define itself (custom, not standard). */
export function isCustomName(name: string): boolean {
  return /__(c|mdt|e|x|b)$/i.test(name);
}

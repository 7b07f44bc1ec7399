/**
 * Validates one `*-meta.xml` document against the merged Metadata API schema: root element and
 * namespace, unknown elements at any depth (following type inheritance and `xsi:type`), value
 * syntax of booleans and numbers, enumerations, elements that may appear once, and required
 * elements. Deploy-time errors of these kinds are what an org would report first; catching them
 * here keeps a broken file from ever reaching one.
 */
import { basename } from 'node:path';
import type { Finding } from './findings';
import { localName, parseXmlWithPositions, XmlSyntaxError, type XmlElement } from './metadataXml';
import {
  allProperties,
  findProperty,
  isPrimitive,
  type MetadataSchema,
  type PropertySpec
} from './metadataSchema';
import { expectedRootType, metadataSuffix } from './metadataSuffixes';
import { MAX_TEXT_LENGTH, storedLength } from './metadataLimits';

export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

/** Root properties that source format keeps outside the XML (file name, body file). */
const KEPT_OUTSIDE_SOURCE_XML: ReadonlySet<string> = new Set(['fullName', 'content']);

/** Elements the schema types as a string but whose content is free-form XML. */
const OPAQUE_ELEMENTS: ReadonlySet<string> = new Set(['LightningComponentBundle.targetConfigs']);

/** `xsi:type` values naming XML Schema primitives, as used by Custom Metadata record values. */
const XSD_PRIMITIVES: Readonly<Record<string, string>> = {
  string: 'string',
  boolean: 'boolean',
  int: 'number',
  long: 'number',
  double: 'number',
  decimal: 'number',
  date: 'string',
  dateTime: 'string',
  time: 'string',
  base64Binary: 'string'
};

const BOOLEAN = /^(true|false|1|0)$/;
const NUMBER = /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|-?INF|NaN)$/;

export interface ValidatedDocument {
  findings: Finding[];
  /** The parsed root, when the document is well-formed. */
  root?: XmlElement;
  /** The type the root was validated as. */
  rootType?: string;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      const cost = a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1;
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length];
}

function closest(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(value.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(value, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function xsiType(element: XmlElement): string | undefined {
  for (const [name, value] of Object.entries(element.attributes)) {
    if (name.endsWith(':type') && localName(name) === 'type') {
      return localName(value);
    }
  }
  return undefined;
}

function isNil(element: XmlElement): boolean {
  return Object.entries(element.attributes).some(
    ([name, value]) => localName(name) === 'nil' && name.includes(':') && value === 'true'
  );
}

class DocumentValidator {
  readonly findings: Finding[] = [];

  constructor(
    private readonly schema: MetadataSchema,
    private readonly file: string
  ) {}

  report(element: { line: number; column: number }, rule: string, message: string): void {
    this.findings.push({
      file: this.file,
      line: element.line,
      column: element.column,
      rule,
      message
    });
  }

  validateChildren(element: XmlElement, typeName: string, isRoot: boolean): void {
    const present = new Map<string, XmlElement[]>();
    for (const child of element.children) {
      const name = localName(child.name);
      const property = findProperty(this.schema, typeName, name);
      if (!property) {
        const known = allProperties(this.schema, typeName).map((candidate) => candidate.name);
        const suggestion = closest(name, known);
        this.report(
          child,
          'metadata-unknown-element',
          `<${name}> is not an element of ${typeName}` +
            (suggestion ? ` (did you mean <${suggestion}>?)` : '')
        );
        continue;
      }
      const occurrences = present.get(name) ?? [];
      occurrences.push(child);
      present.set(name, occurrences);
      if (!property.array && occurrences.length === 2) {
        this.report(
          child,
          'metadata-multiplicity',
          `<${name}> may appear only once in ${typeName}`
        );
      }
      this.validateValue(child, property, typeName);
    }
    for (const property of allProperties(this.schema, typeName)) {
      const keptOutside = isRoot && KEPT_OUTSIDE_SOURCE_XML.has(property.name);
      if (property.required && !keptOutside && !present.has(property.name)) {
        this.report(element, 'metadata-required', `${typeName} requires <${property.name}>`);
      }
    }
  }

  validateValue(element: XmlElement, property: PropertySpec, parentType: string): void {
    if (isNil(element)) {
      return;
    }
    const declaredType = xsiType(element);
    let type = property.type;
    if (declaredType && this.schema.types.has(declaredType)) {
      type = declaredType;
    } else if (declaredType && Object.hasOwn(XSD_PRIMITIVES, declaredType)) {
      type = XSD_PRIMITIVES[declaredType];
    }
    if (!isPrimitive(type)) {
      if (!this.schema.types.has(type)) {
        return;
      }
      if (element.children.length === 0 && element.text.trim() !== '') {
        this.report(
          element,
          'metadata-value',
          `<${property.name}> holds a ${type}, which has child elements, not text`
        );
        return;
      }
      this.validateChildren(element, type, false);
      return;
    }
    if (element.children.length > 0) {
      if (!OPAQUE_ELEMENTS.has(`${parentType}.${property.name}`) && type !== 'any') {
        this.report(
          element,
          'metadata-value',
          `<${property.name}> holds a ${type} value, not child elements`
        );
      }
      return;
    }
    this.validateText(element, property, type);
    this.validateLength(element, property, parentType);
  }

  validateLength(element: XmlElement, property: PropertySpec, parentType: string): void {
    const limit = MAX_TEXT_LENGTH.get(`${parentType}.${property.name}`);
    const length = storedLength(element.text);
    if (limit !== undefined && length > limit) {
      this.report(
        element,
        'metadata-length',
        `<${property.name}> of ${parentType} is ${length} characters; the platform allows ${limit}`
      );
    }
  }

  validateText(element: XmlElement, property: PropertySpec, type: string): void {
    const value = element.text.trim();
    if (type === 'boolean' && !BOOLEAN.test(value)) {
      this.report(
        element,
        'metadata-value',
        `<${property.name}> must be true or false, not '${value}'`
      );
    } else if (type === 'number' && !NUMBER.test(value)) {
      this.report(element, 'metadata-value', `<${property.name}> must be a number, not '${value}'`);
    } else if (type === 'string' && property.enumeration && value !== '') {
      const { name, values } = property.enumeration;
      if (values.length > 0 && !values.includes(value)) {
        const suggestion = closest(value, values);
        const hint = suggestion
          ? ` (did you mean '${suggestion}'?)`
          : values.length <= 12
            ? ` (expected one of ${values.join(', ')})`
            : '';
        this.report(
          element,
          'metadata-enum',
          `'${value}' is not a valid ${name} for <${property.name}>${hint}`
        );
      }
    }
  }
}

/** Validates the text of one metadata file. `file` is used for messages and its suffix. */
export function validateMetadataDocument(
  schema: MetadataSchema,
  file: string,
  xml: string
): ValidatedDocument {
  const validator = new DocumentValidator(schema, file);
  let root: XmlElement;
  try {
    root = parseXmlWithPositions(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) {
      validator.report(error, 'metadata-xml', `Malformed XML: ${error.message}`);
      return { findings: validator.findings };
    }
    throw error;
  }
  const rootName = localName(root.name);
  const prefix = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':')) : '';
  const namespace = root.attributes[prefix ? `xmlns:${prefix}` : 'xmlns'];
  if (namespace !== METADATA_NAMESPACE) {
    validator.report(
      root,
      'metadata-namespace',
      `<${rootName}> must be in namespace ${METADATA_NAMESPACE}` +
        (namespace ? `, not ${namespace}` : ' (xmlns is missing)')
    );
  }
  const expected = expectedRootType(basename(file));
  let rootType: string | undefined;
  if (expected && rootName !== expected) {
    validator.report(
      root,
      'metadata-root',
      `A .${metadataSuffix(basename(file))}-meta.xml file must have root <${expected}>, not <${rootName}>`
    );
    rootType = schema.types.has(rootName) ? rootName : undefined;
  } else if (schema.types.has(rootName)) {
    rootType = rootName;
  } else {
    validator.report(root, 'metadata-root', `<${rootName}> is not a Metadata API type`);
  }
  if (rootType) {
    validator.validateChildren(root, rootType, true);
  }
  return { findings: validator.findings, root, rootType };
}

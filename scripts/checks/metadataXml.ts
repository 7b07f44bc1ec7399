/**
 * A small XML reader that keeps the line and column of every element. fast-xml-parser validates
 * well-formedness (with positions) but its parsed tree carries no positions, and a metadata
 * finding is only useful when it points at the offending line, so the tree is built here.
 */
import { XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  /** Qualified name as written, e.g. `fields` or `xsi:type`. */
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element (entities decoded). */
  text: string;
  line: number;
  column: number;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number
  ) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'"
};

function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) {
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    }
    if (entity.startsWith('#')) {
      return String.fromCodePoint(parseInt(entity.slice(1), 10));
    }
    return NAMED_ENTITIES[entity] ?? whole;
  });
}

/** Maps a character offset to a 1-based line and column. */
function positionFinder(source: string): (offset: number) => { line: number; column: number } {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      lineStarts.push(i + 1);
    }
  }
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return { line: low + 1, column: offset - lineStarts[low] + 1 };
  };
}

const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(ATTRIBUTE)) {
    attributes[match[1]] = decodeEntities(match[2] ?? match[3] ?? '');
  }
  return attributes;
}

/** Index of the `>` that closes the tag opened at `start`, skipping quoted attribute values. */
function tagEnd(source: string, start: number): number {
  let quote = '';
  for (let i = start; i < source.length; i++) {
    const char = source[i];
    if (quote) {
      if (char === quote) {
        quote = '';
      }
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return i;
    }
  }
  return -1;
}

/**
 * Parses an XML document into elements with positions.
 * @throws XmlSyntaxError when the document is not well-formed.
 */
export function parseXmlWithPositions(xml: string): XmlElement {
  const source = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  const validation = XMLValidator.validate(source);
  if (validation !== true) {
    throw new XmlSyntaxError(validation.err.msg, validation.err.line, validation.err.col);
  }
  const positionOf = positionFinder(source);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let index = 0;

  const fail = (message: string, offset: number): never => {
    const { line, column } = positionOf(offset);
    throw new XmlSyntaxError(message, line, column);
  };
  const skipPast = (terminator: string, from: number): number => {
    const end = source.indexOf(terminator, from);
    return end < 0 ? fail(`Unterminated construct, expected '${terminator}'`, from) : end;
  };

  while (index < source.length) {
    const open = source.indexOf('<', index);
    const textEnd = open < 0 ? source.length : open;
    if (textEnd > index && stack.length > 0) {
      stack[stack.length - 1].text += decodeEntities(source.slice(index, textEnd));
    }
    if (open < 0) {
      break;
    }
    if (source.startsWith('<?', open)) {
      index = skipPast('?>', open) + 2;
    } else if (source.startsWith('<!--', open)) {
      index = skipPast('-->', open) + 3;
    } else if (source.startsWith('<![CDATA[', open)) {
      const end = skipPast(']]>', open);
      if (stack.length > 0) {
        stack[stack.length - 1].text += source.slice(open + 9, end);
      }
      index = end + 3;
    } else if (source.startsWith('<!', open)) {
      index = skipPast('>', open) + 1;
    } else if (source.startsWith('</', open)) {
      const end = skipPast('>', open);
      const name = source.slice(open + 2, end).trim();
      const current = stack.pop();
      if (!current || current.name !== name) {
        fail(`Unexpected closing tag </${name}>`, open);
      }
      index = end + 1;
    } else {
      const end = tagEnd(source, open);
      if (end < 0) {
        fail('Unterminated tag', open);
      }
      const selfClosing = source[end - 1] === '/';
      const body = source.slice(open + 1, selfClosing ? end - 1 : end);
      const nameMatch = /^[^\s/>]+/.exec(body);
      const name = nameMatch ? nameMatch[0] : fail('Tag without a name', open);
      const element: XmlElement = {
        name,
        attributes: parseAttributes(body.slice(name.length)),
        children: [],
        text: '',
        ...positionOf(open)
      };
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.children.push(element);
      } else if (root) {
        fail('More than one root element', open);
      } else {
        root = element;
      }
      if (!selfClosing) {
        stack.push(element);
      }
      index = end + 1;
    }
  }
  if (!root) {
    return fail('No root element', 0);
  }
  return root;
}

/** The local part of a qualified name: `xsi:type` → `type`. */
export function localName(qualifiedName: string): string {
  const colon = qualifiedName.indexOf(':');
  return colon < 0 ? qualifiedName : qualifiedName.slice(colon + 1);
}

import { parseXmlWithPositions, XmlSyntaxError } from '../metadataXml';

describe('parseXmlWithPositions', () => {
  it('records the line and column of every element', () => {
    const root = parseXmlWithPositions('<?xml version="1.0"?>\n<a>\n  <b>x</b>\n    <c/>\n</a>');
    expect(root).toMatchObject({ name: 'a', line: 2, column: 1 });
    expect(root.children.map(({ name, line, column }) => ({ name, line, column }))).toEqual([
      { name: 'b', line: 3, column: 3 },
      { name: 'c', line: 4, column: 5 }
    ]);
  });

  it('decodes entities and CDATA and ignores comments', () => {
    const root = parseXmlWithPositions(
      '<a><!-- <b>not an element</b> --><v>&lt;&amp;&#65;</v><w><![CDATA[<raw>]]></w></a>'
    );
    expect(root.children.map((child) => [child.name, child.text])).toEqual([
      ['v', '<&A'],
      ['w', '<raw>']
    ]);
  });

  it('reads attributes, including quoted values containing >', () => {
    const root = parseXmlWithPositions('<a x="1 > 0" xsi:type=\'xsd:string\'/>');
    expect(root.attributes).toEqual({ x: '1 > 0', 'xsi:type': 'xsd:string' });
  });

  it('throws a positioned error for mismatched tags', () => {
    expect(() => parseXmlWithPositions('<a>\n<b></a>')).toThrow(XmlSyntaxError);
  });
});

import { isNil, parseMetadata, text } from '../metadataXml';

describe('parseMetadata', () => {
  it('reads an element with an xsi:type attribute as its text', () => {
    const root = parseMetadata(
      '<CustomMetadata xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><values>' +
        '<value xsi:type="xsd:double">7</value></values></CustomMetadata>',
      'CustomMetadata'
    );
    const [values] = root.values as never[];
    expect(text(values, 'value')).toBe('7');
    expect(isNil(values, 'value')).toBe(false);
  });

  it('tells a value marked xsi:nil apart from an empty one', () => {
    const root = parseMetadata(
      '<CustomMetadata xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<values><value xsi:nil="true"/></values><values><value></value></values></CustomMetadata>',
      'CustomMetadata'
    );
    const [blank, empty] = root.values as never[];
    expect(isNil(blank, 'value')).toBe(true);
    expect(isNil(empty, 'value')).toBe(false);
  });

  it('decodes entities in formula text', () => {
    const root = parseMetadata(
      '<ValidationRule><errorConditionFormula>A &lt; 1 &amp;&amp; B &gt; 2</errorConditionFormula></ValidationRule>',
      'ValidationRule'
    );
    expect(text(root, 'errorConditionFormula')).toBe('A < 1 && B > 2');
  });
});

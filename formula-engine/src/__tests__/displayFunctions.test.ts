import { compileFormula, FormulaError, SUPPORTED_FUNCTIONS } from '../formulaEngine';
import { compileErrorOf, OPPORTUNITY, run } from './testSchema';

/**
 * HYPERLINK and IMAGE, the display functions of text formula fields (a traffic light for the
 * score, a link to the account's website).
 *
 * - Salesforce Help, "IMAGE" (https://help.salesforce.com/s/articleView?id=platform.customize_functions_image.htm):
 *   IMAGE(image_url, alternate_text, height, width) inserts an image with alternate text and a
 *   height and width in pixels; height and width are optional, image_url and alternate_text are
 *   text, height and width are numbers.
 * - Salesforce Help knowledge article 000396201
 *   (https://help.salesforce.com/s/articleView?id=000396201&type=1): HYPERLINK(url, friendly_name
 *   [,target]); the server generates the HTML anchor of a HYPERLINK formula field, and
 *   HYPERLINK("/apex/VF_TEST", "VFLINK", '_self') is `<a href="/apex/VF_TEST" target="_self">VFLINK</a>`.
 * - Salesforce Help, "Sample Image Link Formulas"
 *   (https://developer.salesforce.com/docs/atlas.en-us.usefulFormulaFields.meta/usefulFormulaFields/useful_advanced_formulas_image_links.htm):
 *   the traffic-light and flag samples, and an IMAGE as the friendly name of a HYPERLINK.
 *
 * Where the docs show no HTML (IMAGE's, and a HYPERLINK without target) the engine chooses: the
 * image tag formulon writes, and target="_blank" (a new window) for a link without target, where
 * formulon writes no target (pinned as an intentional difference in differential.test.ts).
 */
describe('HYPERLINK', () => {
  it('writes the anchor the server generates, with the given target (KB 000396201)', () => {
    expect(run('HYPERLINK("/apex/VF_TEST", "VFLINK", \'_self\')')).toBe(
      '<a href="/apex/VF_TEST" target="_self">VFLINK</a>'
    );
  });

  it('opens in a new window when no target is given', () => {
    expect(run('HYPERLINK("https://www.example.com", "Website")')).toBe(
      '<a href="https://www.example.com" target="_blank">Website</a>'
    );
  });

  it('builds the link from the record, a blank field reading as empty text', () => {
    expect(run('HYPERLINK("/" & AccountId, Account.Name)', { AccountId: '001A' })).toBe(
      '<a href="/001A" target="_blank"></a>'
    );
    expect(
      run('HYPERLINK("/" & AccountId, Account.Name)', {
        AccountId: '001A',
        Account: { Name: 'Acme' }
      })
    ).toBe('<a href="/001A" target="_blank">Acme</a>');
  });

  it('takes an IMAGE as its friendly name, as the Help samples do', () => {
    expect(run('HYPERLINK("/001A", IMAGE("/img/samples/flag_green.gif", "Green"))')).toBe(
      '<a href="/001A" target="_blank"><img src="/img/samples/flag_green.gif" alt="Green"/></a>'
    );
  });

  it('returns text, so a formula field of type Text can hold it', () => {
    const compiled = compileFormula('HYPERLINK("a", "b")', {
      schema: OPPORTUNITY,
      returnType: 'text'
    });
    expect(compiled.returnType).toBe('text');
    expect(run('LEN(HYPERLINK("a", "b", "c"))')).toBe('<a href="a" target="c">b</a>'.length);
  });

  it.each([
    [
      'HYPERLINK("a")',
      "Incorrect number of parameters for function 'HYPERLINK()'. Expected 2 to 3"
    ],
    ['HYPERLINK("a", "b", "c", "d")', 'Expected 2 to 3, received 4'],
    ['HYPERLINK(1, "b")', "Incorrect parameter type for function 'HYPERLINK()'. Expected Text"],
    ['HYPERLINK("a", Amount)', 'Expected Text, received Number'],
    ['HYPERLINK("a", "b", IsClosed)', 'Expected Text, received Boolean'],
    ['HYPERLINK(StageName, "b")', 'Field StageName is a picklist field.']
  ])('refuses %s: %s', (formula, message) => {
    const error = compileErrorOf(formula);
    expect(error).toBeInstanceOf(FormulaError);
    expect(error).toMatchObject({ phase: 'compile', message: expect.stringContaining(message) });
  });
});

describe('IMAGE', () => {
  it('writes an image with its alternate text (Help "IMAGE")', () => {
    expect(run('IMAGE("/img/samples/light_green.gif", "status color")')).toBe(
      '<img src="/img/samples/light_green.gif" alt="status color"/>'
    );
  });

  it('adds the height and width in pixels when given', () => {
    expect(run('IMAGE("/img/samples/color_red.gif", "red", 30, 30)')).toBe(
      '<img src="/img/samples/color_red.gif" alt="red" height="30" width="30"/>'
    );
  });

  it('draws the traffic light of a score, the formula admins write for it', () => {
    const formula =
      'IF(Amount >= 80, IMAGE("/img/samples/light_green.gif", "Good", 16, 16), ' +
      'IF(Amount >= 50, IMAGE("/img/samples/light_yellow.gif", "Fair", 16, 16), ' +
      'IMAGE("/img/samples/light_red.gif", "Poor", 16, 16)))';
    expect(run(formula, { Amount: 85 })).toBe(
      '<img src="/img/samples/light_green.gif" alt="Good" height="16" width="16"/>'
    );
    expect(run(formula, { Amount: 60 })).toContain('alt="Fair"');
    expect(run(formula, {})).toContain('alt="Poor"');
  });

  it('leaves out a blank height or width', () => {
    expect(run('IMAGE("/s.gif", "x", Amount, 10)', {})).toBe(
      '<img src="/s.gif" alt="x" width="10"/>'
    );
    expect(run('IMAGE("/s.gif", "x", 12.5)', {})).toBe('<img src="/s.gif" alt="x" height="12.5"/>');
  });

  it.each([
    ['IMAGE("a")', 'Expected 2 to 4, received 1'],
    ['IMAGE("a", "b", 1, 2, 3)', 'Expected 2 to 4, received 5'],
    ['IMAGE("a", "b", "10")', 'Expected Number, received Text'],
    ['IMAGE(CloseDate, "b")', 'Expected Text, received Date']
  ])('refuses %s: %s', (formula, message) => {
    expect(compileErrorOf(formula)).toMatchObject({
      phase: 'compile',
      message: expect.stringContaining(message)
    });
  });
});

it('lists HYPERLINK and IMAGE among the supported functions', () => {
  expect(SUPPORTED_FUNCTIONS).toEqual(expect.arrayContaining(['HYPERLINK', 'IMAGE']));
});

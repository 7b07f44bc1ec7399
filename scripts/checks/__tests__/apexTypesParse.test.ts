import { parseApexClass } from '../apexTypesParse';
import { emitApexDeclarations } from '../apexTypesEmit';

function declarationsOf(source: string): string {
  const parsed = parseApexClass(source);
  expect(parsed.problems).toEqual([]);
  return emitApexDeclarations({ classes: parsed.topLevelClass ? [parsed.topLevelClass] : [] });
}

describe('reading @AuraEnabled Apex', () => {
  it('reads parameters, return type, cacheability and the line of each method', () => {
    const parsed = parseApexClass(
      'public class C {\n  @AuraEnabled(cacheable = true)\n  public static Map<Id, List<String>> m(Integer a, Set<Id> b) { return null; }\n}'
    );
    expect(parsed.topLevelClass?.methods).toEqual([
      {
        name: 'm',
        parameters: [
          { name: 'a', type: { name: 'Integer', typeArguments: [], arrayDepth: 0 } },
          {
            name: 'b',
            type: {
              name: 'Set',
              typeArguments: [{ name: 'Id', typeArguments: [], arrayDepth: 0 }],
              arrayDepth: 0
            }
          }
        ],
        returnType: {
          name: 'Map',
          typeArguments: [
            { name: 'Id', typeArguments: [], arrayDepth: 0 },
            {
              name: 'List',
              typeArguments: [{ name: 'String', typeArguments: [], arrayDepth: 0 }],
              arrayDepth: 0
            }
          ],
          arrayDepth: 0
        },
        cacheable: true,
        line: 2
      }
    ]);
  });

  it('resolves a DTO named from another class, and nested generics, case-insensitively', () => {
    const text = declarationsOf(
      'public class Outer {\n' +
        '  public class Row { @AuraEnabled public Map<String, List<Decimal>> values; }\n' +
        '  @AuraEnabled public static list<outer.row> rows() { return null; }\n' +
        '}'
    );
    expect(text).toContain('values?: Record<string, number[]> | null;');
    expect(text).toContain('ImperativeMethod<Record<string, never>, ApexGenerated.Outer_Row[]>');
  });

  it('types an enum, inner or top-level, as the union of its value names', () => {
    const text = declarationsOf(
      'public class Rules {\n' +
        '  public enum Severity { HIGH, LOW }\n' +
        '  @AuraEnabled(cacheable=true) public static List<Severity> severities() { return null; }\n' +
        '}'
    );
    expect(text).toContain("type Rules_Severity = 'HIGH' | 'LOW';");
    expect(text).toContain(
      'CacheableMethod<Record<string, never>, ApexGenerated.Rules_Severity[]>'
    );
    expect(parseApexClass('public enum Kind { A, B }').topLevelEnum).toEqual({
      name: 'Kind',
      values: ['A', 'B']
    });
  });

  it('reads the invocable method and the invocable variables with their required flag', () => {
    const parsed = parseApexClass(
      'public class Act {\n' +
        "  @InvocableMethod(label='Act') global static List<Out> run(List<In> requests) { return null; }\n" +
        '  public class In {\n' +
        "    @InvocableVariable(label='Id' REQUIRED=TRUE) public Id recordId;\n" +
        '    @InvocableVariable public String note;\n' +
        '    public String plain;\n' +
        '  }\n' +
        '  public class Out { @AuraEnabled public String shown; }\n' +
        '}'
    );
    const model = parsed.topLevelClass;
    expect(model?.invocableMethods).toMatchObject([
      { name: 'run', visible: true, line: 2, parameters: [{ name: 'requests' }] }
    ]);
    expect(model?.invocableMethods[0].returnType?.typeArguments[0].name).toBe('Out');
    expect(model?.innerClasses[0].invocableVariables).toMatchObject([
      { name: 'recordId', required: true, line: 4 },
      { name: 'note', required: false, line: 5 }
    ]);
    expect(model?.innerClasses[0].members).toEqual([]);
    expect(model?.innerClasses[1].invocableVariables).toEqual([]);
    expect(model?.methods).toEqual([]);
  });

  it('reports syntax errors with their line and leaves the class out', () => {
    const parsed = parseApexClass('public class Broken {\n  public static void m( {\n}');
    expect(parsed.topLevelClass).toBeUndefined();
    expect(parsed.problems[0]).toMatchObject({ line: 2 });
  });
});

/** Null: the NullPointerException, the safe navigation and null coalescing operators, defaults. */
import type { ConformanceCase } from '../conformanceCase';
import { DOCS } from '../docPages';

const NPE = 'System.NullPointerException: Attempt to de-reference a null object';

const HOLDER = `public class Holder {
  public Holder inner;
  public String label;
  public Integer count;
  public Boolean flag;
  public Holder() {}
  public Holder(String label) { this.label = label; }
  public String describe() { return 'holder ' + label; }
}`;

export const nullHandlingCases: readonly ConformanceCase[] = [
  {
    name: 'variables start as null',
    source: DOCS.primitiveTypes,
    apex: 'Integer i; Boolean b; String s; Date d; System.debug(i); System.debug(b); System.debug(s); System.debug(d);',
    debug: ['null', 'null', 'null', 'null']
  },
  {
    name: 'fields of a new object start as null',
    source: DOCS.primitiveTypes,
    apex: 'Holder h = new Holder(); System.debug(h.count); System.debug(h.flag); System.debug(h.inner);',
    classes: { Holder: HOLDER },
    debug: ['null', 'null', 'null']
  },
  {
    name: 'calling a method on null throws a NullPointerException',
    source: DOCS.builtInExceptions,
    apex: 'Holder h;\nString s = h.describe();',
    classes: { Holder: HOLDER },
    error: NPE,
    line: 2
  },
  {
    name: 'reading a field of null throws a NullPointerException',
    source: DOCS.builtInExceptions,
    apex: 'Holder h;\nSystem.debug(h.label);',
    classes: { Holder: HOLDER },
    error: NPE,
    line: 2
  },
  {
    name: 'arithmetic on a null Integer throws a NullPointerException',
    source: DOCS.expressionOperators,
    apex: 'Integer i;\nInteger j = i + 1;',
    error: NPE,
    line: 2,
    note: 'The operator table says the operands of + on numbers cannot be null; the org throws a NullPointerException.'
  },
  {
    name: 'a null Boolean condition throws a NullPointerException',
    source: DOCS.primitiveTypes,
    apex: "Boolean b;\nif (b) { System.debug('yes'); }",
    error: NPE,
    line: 2,
    note: 'The page asks to initialise Booleans because they start as null; testing a null Boolean dereferences it.'
  },
  {
    name: 'the NullPointerException can be caught and reports its message',
    source: DOCS.builtInExceptions,
    apex: "try {\n  String s;\n  Boolean b = s.contains('abc');\n} catch (NullPointerException npe) {\n  System.debug('The following exception has occurred: ' + npe.getMessage());\n}",
    debug: ['The following exception has occurred: Attempt to de-reference a null object']
  },
  {
    name: '?. returns null instead of dereferencing null',
    source: DOCS.safeNavigation,
    apex: 'Holder a; System.debug(a?.label); System.debug(a?.describe());',
    classes: { Holder: HOLDER },
    debug: ['null', 'null']
  },
  {
    name: '?. dereferences a non-null value',
    source: DOCS.safeNavigation,
    apex: "Holder a = new Holder('x'); System.debug(a?.label); System.debug(a?.describe());",
    classes: { Holder: HOLDER },
    debug: ['x', 'holder x']
  },
  {
    name: '?. short-circuits the rest of the chain',
    source: DOCS.safeNavigation,
    apex: 'Holder a; System.debug(a?.inner.inner.label);',
    classes: { Holder: HOLDER },
    debug: ['null']
  },
  {
    name: '?. protects only its own left-hand side',
    source: DOCS.safeNavigation,
    apex: 'Holder a = new Holder();\nSystem.debug(a?.inner.label);',
    classes: { Holder: HOLDER },
    error: NPE,
    line: 2
  },
  {
    name: '?. skips method calls and index expressions after it',
    source: DOCS.safeNavigation,
    apex: 'List<Holder> holders; System.debug(holders?.get(0).describe()); Holder a; System.debug(a?.describe().length());',
    classes: { Holder: HOLDER },
    debug: ['null', 'null']
  },
  {
    name: 'a parenthesis ends the chain that ?. skips',
    source: DOCS.safeNavigation,
    apex: 'Holder a;\nSystem.debug((a?.inner).label);',
    classes: { Holder: HOLDER },
    error: NPE,
    line: 2,
    note: 'The page: the operator skips the method chain up to the first closing parenthesis.'
  },
  {
    name: '?. on a List element',
    source: DOCS.safeNavigation,
    apex: "List<String> l = new List<String>{null, 'abc'}; System.debug(l[0]?.length()); System.debug(l[1]?.length());",
    debug: ['null', '3']
  },
  {
    name: '?? returns the right operand when the left one is null',
    source: DOCS.nullCoalescing,
    apex: 'Integer anInteger; System.debug(anInteger ?? 100); anInteger = 5; System.debug(anInteger ?? 100);',
    debug: ['100', '5']
  },
  {
    name: '?? evaluates its right operand only when the left one is null',
    source: DOCS.nullCoalescing,
    apex: "Holder h = new Holder('left'); Holder fallback = new Holder('right');\nString s = (h ?? fallback).describe(); System.debug(s);\nh = null; System.debug((h ?? fallback).describe());",
    classes: { Holder: HOLDER },
    debug: ['holder left', 'holder right']
  },
  {
    name: '?? has lower precedence than arithmetic',
    source: DOCS.nullCoalescing,
    apex: 'Integer top; Integer bottom = 30; System.debug(top ?? 100 - bottom ?? 0);',
    debug: ['70']
  },
  {
    name: 'top ?? 100 - bottom ?? 0 subtracts a null bottom when top is null',
    source: DOCS.nullCoalescing,
    apex: 'Integer top; Integer bottom;\nInteger result = top ?? 100 - bottom ?? 0;',
    error: NPE,
    line: 2,
    note: 'The page: the expression is top ?? (100 - bottom ?? 0), so 100 - null is evaluated and dereferences null.'
  },
  {
    name: '?? is left-associative',
    source: DOCS.nullCoalescing,
    apex: 'Integer a; Integer b; Integer c = 3; System.debug(a ?? b ?? c);',
    debug: ['3']
  },
  {
    name: '== and != with null',
    source: DOCS.expressionOperators,
    apex: 'Integer i; String s; System.debug(i == null); System.debug(s != null); System.debug(null == null);',
    debug: ['true', 'false', 'true']
  },
  {
    name: 'comparing a null number with < or > is false',
    source: DOCS.expressionOperators,
    apex: 'Integer i; System.debug(i < 5); System.debug(i > 5); System.debug(5 >= i);',
    debug: ['false', 'false', 'false']
  },
  {
    name: 'comparing a null Date is false',
    source: DOCS.expressionOperators,
    apex: 'Date d; System.debug(d < Date.newInstance(2026, 1, 1)); System.debug(d > Date.newInstance(2026, 1, 1));',
    debug: ['false', 'false']
  },
  {
    name: 'a null String concatenates as "null"',
    source: DOCS.expressionOperators,
    apex: "String s; String t = s + 'a'; System.debug(t); System.debug(t.length());",
    debug: ['nulla', '5']
  },
  {
    name: 'throwing null throws a NullPointerException',
    source: DOCS.exceptionStatements,
    apex: 'Exception e;\nthrow e;',
    error: NPE,
    line: 2,
    note: 'The page only says throw takes an exception object; a null one is dereferenced.'
  },
  {
    name: 'negating a null Boolean with ! throws a NullPointerException',
    source: DOCS.expressionOperators,
    apex: 'Boolean b;\nBoolean c = !b;',
    error: NPE,
    line: 2,
    note: 'The operator table requires a Boolean operand; a null one is dereferenced.'
  }
];

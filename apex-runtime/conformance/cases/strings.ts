/** Strings: comparisons, concatenation and the String class's methods. */
import type { ConformanceCase } from '../conformanceCase';
import { DOCS } from '../docPages';

export const stringCases: readonly ConformanceCase[] = [
  {
    name: '== compares Strings ignoring case',
    source: DOCS.expressionOperators,
    apex: "String a = 'Hello'; String b = 'HELLO'; System.debug(a == b); System.debug(a != b);",
    debug: ['true', 'false']
  },
  {
    name: 'equals compares Strings case-sensitively',
    source: DOCS.stringClass,
    apex: "String a = 'Hello'; System.debug(a.equals('HELLO')); System.debug(a.equals('Hello'));",
    debug: ['false', 'true']
  },
  {
    name: 'equalsIgnoreCase ignores case',
    source: DOCS.stringClass,
    apex: "String a = 'Hello'; System.debug(a.equalsIgnoreCase('hELLO'));",
    debug: ['true']
  },
  {
    name: '< and > compare Strings ignoring case',
    source: DOCS.expressionOperators,
    apex: "System.debug('apple' < 'Banana'); System.debug('b' > 'A'); System.debug('abc' < 'ABC');",
    debug: ['true', 'true', 'false']
  },
  {
    name: 'a non-null String is greater than null',
    source: DOCS.expressionOperators,
    apex: "String n; System.debug('a' > n); System.debug(n < 'a');",
    debug: ['true', 'true']
  },
  {
    name: 'compareTo compares by character values, case-sensitively',
    source: DOCS.stringClass,
    apex: "String myString1 = 'abcde'; String myString2 = 'abcd'; System.debug(myString1.compareTo(myString2)); System.debug('A'.compareTo('a'));",
    debug: ['1', '-32']
  },
  {
    name: 'concatenating null prints null',
    source: DOCS.expressionOperators,
    apex: "String s; System.debug(s + 'a'); System.debug('a' + s);",
    debug: ['nulla', 'anull']
  },
  {
    name: '+ concatenates left to right once a String is involved',
    source: DOCS.expressionOperators,
    apex: "System.debug('a' + 1 + 2); System.debug(1 + 2 + 'a');",
    debug: ['a12', '3a']
  },
  {
    name: 'length() counts characters',
    source: DOCS.stringClass,
    apex: "System.debug('Hello'.length()); System.debug(''.length());",
    debug: ['5', '0']
  },
  {
    name: 'substring(startIndex, endIndex) excludes the end index',
    source: DOCS.stringClass,
    apex: "System.debug('hamburger'.substring(4, 8)); System.debug('smiles'.substring(1, 5));",
    debug: ['urge', 'mile']
  },
  {
    name: 'substring(startIndex) runs to the end',
    source: DOCS.stringClass,
    apex: "System.debug('hamburger'.substring(3));",
    debug: ['burger']
  },
  {
    name: 'indexOf and lastIndexOf return -1 when absent',
    source: DOCS.stringClass,
    apex: "String s = 'hello'; System.debug(s.indexOf('l')); System.debug(s.lastIndexOf('l')); System.debug(s.indexOf('z'));",
    debug: ['2', '3', '-1']
  },
  {
    name: 'contains, startsWith and endsWith are case-sensitive',
    source: DOCS.stringClass,
    apex: "String s = 'Salesforce'; System.debug(s.contains('force')); System.debug(s.contains('Force')); System.debug(s.startsWith('Sales')); System.debug(s.endsWith('Force'));",
    debug: ['true', 'false', 'true', 'false']
  },
  {
    name: 'containsIgnoreCase ignores case',
    source: DOCS.stringClass,
    apex: "System.debug('Salesforce'.containsIgnoreCase('FORCE'));",
    debug: ['true']
  },
  {
    name: 'toUpperCase and toLowerCase',
    source: DOCS.stringClass,
    apex: "System.debug('Mixed Case'.toUpperCase()); System.debug('Mixed Case'.toLowerCase());",
    debug: ['MIXED CASE', 'mixed case']
  },
  {
    name: 'trim removes leading and trailing white space',
    source: DOCS.stringClass,
    apex: "System.debug('[' + '  a b  '.trim() + ']');",
    debug: ['[a b]']
  },
  {
    name: 'split keeps empty strings between separators and drops trailing ones',
    source: DOCS.stringClass,
    apex: "System.debug('a,b,,c'.split(',')); System.debug('a,b,,'.split(',').size());",
    debug: ['(a, b, , c)', '2'],
    note: "split follows Java's String.split: trailing empty strings are removed."
  },
  {
    name: 'split takes a regular expression',
    source: DOCS.stringClass,
    apex: "System.debug('a.b.c'.split('\\\\.')); System.debug('a1b22c'.split('[0-9]+'));",
    debug: ['(a, b, c)', '(a, b, c)']
  },
  {
    name: 'replace replaces every literal occurrence',
    source: DOCS.stringClass,
    apex: "System.debug('a.b.c'.replace('.', '-'));",
    debug: ['a-b-c']
  },
  {
    name: 'replaceAll replaces matches of a regular expression',
    source: DOCS.stringClass,
    apex: "System.debug('a1b22c'.replaceAll('[0-9]', '#'));",
    debug: ['a#b##c']
  },
  {
    name: 'String.join joins the items with the separator',
    source: DOCS.stringClass,
    apex: "List<Integer> li = new List<Integer>{10, 20, 30}; System.debug(String.join(li, '/'));",
    debug: ['10/20/30']
  },
  {
    name: 'String.format replaces numbered placeholders',
    source: DOCS.stringClass,
    apex: "System.debug(String.format('{0} and {1}', new List<Object>{'x', 'y'}));",
    debug: ['x and y']
  },
  {
    name: 'isBlank, isEmpty and their negations',
    source: DOCS.stringClass,
    apex: "System.debug(String.isBlank(' ')); System.debug(String.isEmpty(' ')); System.debug(String.isBlank(null)); System.debug(String.isNotBlank('a'));",
    debug: ['true', 'false', 'true', 'true']
  },
  {
    name: 'reverse reverses the characters',
    source: DOCS.stringClass,
    apex: "System.debug('abc'.reverse());",
    debug: ['cba']
  },
  {
    name: 'capitalize changes the first letter to title case',
    source: DOCS.stringClass,
    apex: "System.debug('hello maximillian'.capitalize());",
    debug: ['Hello maximillian']
  },
  {
    name: 'abbreviate(maxWidth) appends an ellipsis',
    source: DOCS.stringClass,
    apex: "String s2 = 'Hello Maximillian'.abbreviate(8); System.debug(s2); System.debug(s2.length());",
    debug: ['Hello...', '8']
  },
  {
    name: 'abbreviate(maxWidth, offset) abbreviates on both sides',
    source: DOCS.stringClass,
    apex: "System.debug('Hello Maximillian'.abbreviate(9, 6));",
    debug: ['...Max...']
  },
  {
    name: 'center pads on both sides',
    source: DOCS.stringClass,
    apex: "System.debug('[' + 'hello'.center(9) + ']');",
    debug: ['[  hello  ]']
  },
  {
    name: 'leftPad and rightPad',
    source: DOCS.stringClass,
    apex: "System.debug('abc'.leftPad(5, '0')); System.debug('abc'.rightPad(5, '*'));",
    debug: ['00abc', 'abc**']
  },
  {
    name: 'repeat with and without a separator',
    source: DOCS.stringClass,
    apex: "System.debug('ab'.repeat(3)); System.debug('ab'.repeat('-', 3));",
    debug: ['ababab', 'ab-ab-ab']
  },
  {
    name: 'countMatches counts occurrences',
    source: DOCS.stringClass,
    apex: "System.debug('Hello Jane'.countMatches('Hello')); System.debug('Hello Hello'.countMatches('Hello'));",
    debug: ['1', '2']
  },
  {
    name: 'deleteWhitespace removes every white space character',
    source: DOCS.stringClass,
    apex: "System.debug(' Hello Jane '.deleteWhitespace());",
    debug: ['HelloJane']
  },
  {
    name: 'difference returns the rest of the argument from the first difference',
    source: DOCS.stringClass,
    apex: "System.debug('Hello Jane'.difference('Hello Max'));",
    debug: ['Max']
  },
  {
    name: 'escapeSingleQuotes escapes single quotes with a backslash',
    source: DOCS.stringClass,
    apex: "String s = '\\'Hello Jason\\''; System.debug(s); System.debug(String.escapeSingleQuotes(s));",
    debug: ["'Hello Jason'", "\\'Hello Jason\\'"]
  },
  {
    name: 'isNumeric and isAlpha',
    source: DOCS.stringClass,
    apex: "System.debug('1234'.isNumeric()); System.debug('12.3'.isNumeric()); System.debug('abc'.isAlpha()); System.debug('ab1'.isAlpha());",
    debug: ['true', 'false', 'true', 'false']
  },
  {
    name: 'left, right and mid',
    source: DOCS.stringClass,
    apex: "String s = 'abcdefg'; System.debug(s.left(3)); System.debug(s.right(2)); System.debug(s.mid(2, 3));",
    debug: ['abc', 'fg', 'cde']
  },
  {
    name: 'substringBefore and substringAfter',
    source: DOCS.stringClass,
    apex: "String s = 'hello.world.apex'; System.debug(s.substringBefore('.')); System.debug(s.substringAfter('.')); System.debug(s.substringAfterLast('.'));",
    debug: ['hello', 'world.apex', 'apex']
  },
  {
    name: 'removeStart and removeEnd',
    source: DOCS.stringClass,
    apex: "System.debug('SalesForce'.removeStart('Sales')); System.debug('SalesForce'.removeEnd('Force'));",
    debug: ['Force', 'Sales']
  },
  {
    name: 'normalizeSpace collapses white space',
    source: DOCS.stringClass,
    apex: "System.debug('[' + '  a   b \\t c '.normalizeSpace() + ']');",
    debug: ['[a b c]']
  },
  {
    name: 'charAt returns the character code',
    source: DOCS.stringClass,
    apex: "System.debug('Hello'.charAt(0));",
    debug: ['72']
  },
  {
    name: 'String.valueOf of a Date is yyyy-MM-dd',
    source: DOCS.stringClass,
    apex: 'Date d = Date.newInstance(2026, 3, 5); System.debug(String.valueOf(d));',
    debug: ['2026-03-05']
  },
  {
    name: 'String.valueOf of an Integer and a Boolean',
    source: DOCS.stringClass,
    apex: 'System.debug(String.valueOf(42) + String.valueOf(true));',
    debug: ['42true']
  },
  {
    name: 'calling a method on a null String throws a NullPointerException',
    source: DOCS.builtInExceptions,
    apex: "String s;\nBoolean b = s.contains('abc');",
    error: 'System.NullPointerException: Attempt to de-reference a null object',
    line: 2
  },
  {
    name: 'switching letters: swapCase',
    source: DOCS.stringClass,
    apex: "System.debug('Hello World'.swapCase());",
    debug: ['hELLO wORLD']
  },
  {
    name: 'escape sequences in String literals',
    source: DOCS.primitiveTypes,
    apex: "String s = 'a\\tb\\\\c'; System.debug(s.length()); System.debug(s.indexOf('\\\\'));",
    debug: ['5', '3']
  }
];

/** Casts, instanceof and the conversions Apex makes on assignment. */
import type { ConformanceCase } from '../conformanceCase';
import { DOCS } from '../docPages';

const REPORTS = {
  Report: "public virtual class Report { public virtual String kind() { return 'report'; } }",
  CustomReport:
    "public class CustomReport extends Report { public override String kind() { return 'custom'; } public String extra() { return 'extra'; } }",
  OtherReport: 'public class OtherReport extends Report {}'
};

const SHAPES = {
  Shape: 'public interface Shape { Decimal area(); }',
  Square:
    'public class Square implements Shape { Decimal side; public Square(Decimal s) { side = s; } public Decimal area() { return side * side; } }'
};

export const castCases: readonly ConformanceCase[] = [
  {
    name: 'a superclass reference can be cast back to the subclass it holds',
    source: DOCS.casting,
    apex: 'Report[] reports = new Report[0];\nCustomReport a = new CustomReport();\nreports.add(a);\nCustomReport c = (CustomReport) reports.get(0);\nSystem.debug(c.extra());',
    classes: REPORTS,
    debug: ['extra']
  },
  {
    name: 'casting to a class the object is not throws a TypeException',
    source: DOCS.casting,
    apex: 'Report r = new OtherReport();\nCustomReport c = (CustomReport) r;',
    classes: REPORTS,
    error: 'System.TypeException: Invalid conversion from runtime type OtherReport to CustomReport',
    line: 2,
    note: 'The page allows casts to subclasses only; a wrong one fails at run time with this TypeException.'
  },
  {
    name: 'casting an Object holding a String to Integer throws a TypeException',
    source: DOCS.casting,
    apex: "Object o = 'text';\nInteger i = (Integer) o;",
    error: 'System.TypeException: Invalid conversion from runtime type String to Integer',
    line: 2
  },
  {
    name: 'casting an Object holding a Decimal to Integer throws a TypeException',
    source: DOCS.rulesOfConversion,
    apex: 'Object o = 3.7;\nInteger i = (Integer) o;',
    error: 'System.TypeException: Invalid conversion from runtime type Decimal to Integer',
    line: 2,
    note: 'Only lower numeric types convert implicitly to higher ones; a cast cannot narrow a Decimal.'
  },
  {
    name: 'casting null succeeds and gives null',
    source: DOCS.casting,
    apex: 'Object o; String s = (String) o; System.debug(s);',
    debug: ['null'],
    note: 'The docs do not mention null; a cast of null is null, as in Java.'
  },
  {
    name: 'instanceof tests the run-time class',
    source: DOCS.instanceofKeyword,
    apex: 'Report r = new CustomReport(); System.debug(r instanceof CustomReport); System.debug(r instanceof OtherReport); System.debug(r instanceof Report);',
    classes: REPORTS,
    debug: ['true', 'false', 'true']
  },
  {
    name: 'instanceof on null is false',
    source: DOCS.instanceofKeyword,
    apex: 'Report r; System.debug(r instanceof Report);',
    classes: REPORTS,
    debug: ['false'],
    note: 'The docs do not say; null is an instance of no type, as in Java.'
  },
  {
    name: 'instanceof on primitives held in an Object',
    source: DOCS.instanceofKeyword,
    apex: "Object o = 5; System.debug(o instanceof Integer); System.debug(o instanceof String); Object s = 'x'; System.debug(s instanceof String);",
    debug: ['true', 'false', 'true']
  },
  {
    name: 'an object is an instance of the interfaces its class implements',
    source: DOCS.interfaces,
    apex: 'Object o = new Square(2); System.debug(o instanceof Shape); Shape s = (Shape) o; System.debug(s.area());',
    classes: SHAPES,
    debug: ['true', '4']
  },
  {
    name: 'casting to an interface the class does not implement throws a TypeException',
    source: DOCS.casting,
    apex: "Object o = 'not a shape';\nShape s = (Shape) o;",
    classes: SHAPES,
    error: 'System.TypeException: Invalid conversion from runtime type String to Shape',
    line: 2
  },
  {
    name: 'a virtual method called through a superclass reference runs the override',
    source: DOCS.casting,
    apex: 'Report r = new CustomReport(); System.debug(r.kind());',
    classes: REPORTS,
    debug: ['custom']
  },
  {
    name: 'a String is assigned to an Id only when it is a valid Id',
    source: DOCS.rulesOfConversion,
    apex: "Id i = 'abc';",
    error: 'System.StringException: Invalid id: abc',
    line: 1,
    note: 'The page says a runtime exception is thrown; the org throws StringException "Invalid id: abc".'
  },
  {
    name: 'a 15-character Id becomes its 18-character form',
    source: DOCS.primitiveTypes,
    apex: "Id i = '001000000000001'; System.debug(i); System.debug(String.valueOf(i).length());",
    debug: ['001000000000001AAA', '18']
  },
  {
    name: 'instanceof Id tests whether a String is a valid Id',
    source: DOCS.rulesOfConversion,
    apex: "Object a = '001000000000001'; Object b = 'not an id'; System.debug(a instanceof Id); System.debug(b instanceof Id);",
    debug: ['true', 'false']
  },
  {
    name: 'an Id can be assigned to a String',
    source: DOCS.rulesOfConversion,
    apex: "Id i = '001000000000001AAA'; String s = i; System.debug(s.startsWith('001'));",
    debug: ['true']
  },
  {
    name: 'numbers widen on assignment: Integer to Long, Double and Decimal',
    source: DOCS.rulesOfConversion,
    apex: 'Integer i = 7; Long l = i; Double d = i; Decimal m = i; System.debug(l); System.debug(d); System.debug(m);',
    debug: ['7', '7.0', '7']
  },
  {
    name: 'a Long assigned to a Decimal keeps its value',
    source: DOCS.rulesOfConversion,
    apex: 'Long l = 9007199254740993L; Decimal d = l; System.debug(d);',
    debug: ['9007199254740993']
  },
  {
    name: '== on Ids does not distinguish the 15- and 18-character forms',
    source: DOCS.expressionOperators,
    apex: "Id a = '001000000000001'; Id b = '001000000000001AAA'; System.debug(a == b); System.debug(a != b);",
    debug: ['true', 'false']
  },
  {
    name: 'a String compared with an Id is treated as an Id',
    source: DOCS.expressionOperators,
    apex: "Id a = '001000000000001AAA'; String s15 = '001000000000001'; System.debug(a == s15); System.debug(s15 == a);",
    debug: ['true', 'true']
  },
  {
    name: '== on Ids is case-sensitive',
    source: DOCS.expressionOperators,
    apex: "Id lower = '00100000000000a'; Id upper = '00100000000000A'; System.debug(lower == upper); System.debug(String.valueOf(lower) == String.valueOf(upper));",
    debug: ['false', 'false'],
    note: 'The two 15-character Ids differ only in case; their 18-character forms differ in the suffix, so even a case-insensitive String comparison of them is false.'
  },
  {
    name: '=== is reference equality for objects',
    source: DOCS.expressionOperators,
    apex: 'Report a = new Report(); Report b = a; Report c = new Report(); System.debug(a === b); System.debug(a === c); System.debug(a !== c);',
    classes: REPORTS,
    debug: ['true', 'false', 'true']
  },
  {
    name: '== compares objects of a class without equals by reference',
    source: DOCS.expressionOperators,
    apex: 'Report a = new Report(); Report b = new Report(); System.debug(a == b); System.debug(a == a);',
    classes: REPORTS,
    debug: ['false', 'true']
  },
  {
    name: '== uses the equals method a class declares',
    source: DOCS.expressionOperators,
    apex: 'System.debug(new Money(5) == new Money(5)); System.debug(new Money(5) == new Money(6)); System.debug(new Money(5) != new Money(6));',
    classes: {
      Money:
        'public class Money { Integer cents; public Money(Integer c) { cents = c; } public Boolean equals(Object o) { return o instanceof Money && ((Money) o).cents == cents; } public Integer hashCode() { return cents; } }'
    },
    debug: ['true', 'false', 'true']
  }
];

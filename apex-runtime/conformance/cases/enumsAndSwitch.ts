/** Enums (values, name, ordinal, valueOf) and switch statements on every type they accept. */
import type { ConformanceCase } from '../conformanceCase';
import { DOCS } from '../docPages';

const SEASON = { Season: 'public enum Season {WINTER, SPRING, SUMMER, FALL}' };

export const enumAndSwitchCases: readonly ConformanceCase[] = [
  {
    name: 'values() lists the constants in declaration order',
    source: DOCS.enumMethods,
    apex: 'System.debug(Season.values()); System.debug(Season.values().size());',
    classes: SEASON,
    debug: ['(WINTER, SPRING, SUMMER, FALL)', '4']
  },
  {
    name: 'name() and ordinal()',
    source: DOCS.enumMethods,
    apex: 'Season s = Season.SUMMER; System.debug(s.name()); System.debug(s.ordinal());',
    classes: SEASON,
    debug: ['SUMMER', '2']
  },
  {
    name: 'valueOf converts a name to the constant',
    source: DOCS.enumMethods,
    apex: "Season s = Season.valueOf('FALL'); System.debug(s == Season.FALL);",
    classes: SEASON,
    debug: ['true']
  },
  {
    name: 'valueOf matches the name without regard to case',
    source: DOCS.enumMethods,
    apex: "System.debug(Season.valueOf('spring')); System.debug(System.RoundingMode.valueOf('half_up'));",
    classes: SEASON,
    debug: ['SPRING', 'HALF_UP'],
    note: "The page's example converts 'delete_failed' to StatusCode.DELETE_FAILED."
  },
  {
    name: 'valueOf of a name that is not a constant throws a NoSuchElementException',
    source: DOCS.enumMethods,
    apex: "try { Season s = Season.valueOf('MONSOON'); System.debug(s); } catch (Exception e) { System.debug(e.getTypeName()); }",
    classes: SEASON,
    debug: ['System.NoSuchElementException'],
    note: "The page says an exception is thrown without naming it; orgs throw System.NoSuchElementException (janbasktraining.com community answer on the Winter '22 release)."
  },
  {
    name: 'an enum prints as its name',
    source: DOCS.enums,
    apex: "Season s = Season.WINTER; System.debug(s); System.debug('it is ' + s);",
    classes: SEASON,
    debug: ['WINTER', 'it is WINTER']
  },
  {
    name: 'enum constants compare with ==',
    source: DOCS.enums,
    apex: 'Season a = Season.WINTER; System.debug(a == Season.WINTER); System.debug(a != Season.SPRING);',
    classes: SEASON,
    debug: ['true', 'true']
  },
  {
    name: 'an enum declared inside a class',
    source: DOCS.enums,
    apex: 'Calendar.Month m = Calendar.Month.FEB; System.debug(m.ordinal()); System.debug(Calendar.Month.values()[0]);',
    classes: { Calendar: 'public class Calendar { public enum Month {JAN, FEB, MAR} }' },
    debug: ['1', 'JAN']
  },
  {
    name: 'enum constants work as Map keys and Set elements',
    source: DOCS.enums,
    apex: "Map<Season, String> m = new Map<Season, String>{Season.WINTER => 'cold'}; System.debug(m.get(Season.WINTER)); Set<Season> s = new Set<Season>{Season.FALL, Season.FALL}; System.debug(s.size());",
    classes: SEASON,
    debug: ['cold', '1']
  },
  {
    name: 'the platform enums: LoggingLevel and RoundingMode',
    source: DOCS.enums,
    apex: 'System.debug(LoggingLevel.WARN.name()); System.debug(System.RoundingMode.HALF_UP.ordinal());',
    debug: ['WARN', '5'],
    note: 'RoundingMode lists CEILING, DOWN, FLOOR, HALF_DOWN, HALF_EVEN, HALF_UP, UNNECESSARY, UP (Decimal Class); HALF_UP is the sixth.'
  },
  {
    name: 'switch on an Integer runs the matching when block',
    source: DOCS.switchStatements,
    apex: "Integer i = 2;\nswitch on i {\n  when 2 { System.debug('when block 2'); }\n  when -3 { System.debug('when block -3'); }\n  when else { System.debug('default'); }\n}",
    debug: ['when block 2']
  },
  {
    name: 'switch matches null with when null',
    source: DOCS.switchStatements,
    apex: "Integer i;\nswitch on i {\n  when 2 { System.debug('two'); }\n  when null { System.debug('bad integer'); }\n  when else { System.debug('default'); }\n}",
    debug: ['bad integer']
  },
  {
    name: 'a when block can list several values',
    source: DOCS.switchStatements,
    apex: "Integer i = 4;\nswitch on i {\n  when 2, 3, 4 { System.debug('when block 2 and 3 and 4'); }\n  when 5, 6 { System.debug('when block 5 and 6'); }\n  when else { System.debug('default'); }\n}",
    debug: ['when block 2 and 3 and 4']
  },
  {
    name: 'when else runs when no value matches, and there is no fall-through',
    source: DOCS.switchStatements,
    apex: "Integer i = 9;\nswitch on i {\n  when 1 { System.debug('one'); }\n  when else { System.debug('default ' + i); }\n}\nswitch on 1 {\n  when 1 { System.debug('only one'); }\n  when else { System.debug('never'); }\n}",
    debug: ['default 9', 'only one']
  },
  {
    name: 'no when block matches and there is no when else: nothing runs',
    source: DOCS.switchStatements,
    apex: "switch on 7 { when 1 { System.debug('one'); } }\nSystem.debug('after');",
    debug: ['after']
  },
  {
    name: 'switch on a String is case-sensitive',
    source: DOCS.switchStatements,
    apex: "String fruit = 'ORANGE';\nswitch on fruit {\n  when 'orange' { System.debug('lower'); }\n  when 'ORANGE' { System.debug('upper'); }\n  when else { System.debug('neither'); }\n}",
    debug: ['upper']
  },
  {
    name: 'switch on a Long',
    source: DOCS.switchStatements,
    apex: "Long l = 3000000000L;\nswitch on l {\n  when 3000000000L { System.debug('three billion'); }\n  when else { System.debug('other'); }\n}",
    debug: ['three billion']
  },
  {
    name: 'switch on an enum names the constants without the type',
    source: DOCS.switchStatements,
    apex: "Season s = Season.SUMMER;\nswitch on s {\n  when WINTER { System.debug('cold'); }\n  when SPRING, SUMMER { System.debug('warm'); }\n  when else { System.debug('mild'); }\n}",
    classes: SEASON,
    debug: ['warm']
  },
  {
    name: 'switch on the result of a method call',
    source: DOCS.switchStatements,
    apex: "switch on 'abc'.length() {\n  when 3 { System.debug('three'); }\n  when else { System.debug('other'); }\n}",
    debug: ['three']
  },
  {
    name: 'switch on an sObject binds the record to a typed variable',
    source: DOCS.switchStatements,
    apex: "SObject record = new Contact(LastName = 'Lovelace');\nswitch on record {\n  when Account a { System.debug('account ' + a.Name); }\n  when Contact c { System.debug('contact ' + c.LastName); }\n  when null { System.debug('null'); }\n  when else { System.debug('default'); }\n}",
    debug: ['contact Lovelace']
  },
  {
    name: 'switch on a null sObject runs when null',
    source: DOCS.switchStatements,
    apex: "SObject record;\nswitch on record {\n  when Account a { System.debug('account'); }\n  when null { System.debug('null'); }\n  when else { System.debug('default'); }\n}",
    debug: ['null']
  },
  {
    name: 'a switch block can return from the method',
    source: DOCS.switchStatements,
    apex: 'System.debug(Sizes.label(1)); System.debug(Sizes.label(5));',
    classes: {
      Sizes:
        "public class Sizes { public static String label(Integer n) { switch on n { when 1 { return 'one'; } when else { return 'many'; } } } }"
    },
    debug: ['one', 'many']
  }
];

/** Integer, Long and Double arithmetic: overflow, division, mixed types, bitwise operators, Math. */
import type { ConformanceCase } from '../conformanceCase';
import { DOCS } from '../docPages';

export const arithmeticCases: readonly ConformanceCase[] = [
  {
    name: 'Integer addition past the maximum wraps to the minimum',
    source: DOCS.rulesOfConversion,
    apex: 'Integer i = 2147483647 + 1; System.debug(i);',
    debug: ['-2147483648']
  },
  {
    name: 'an Integer product overflows before it is widened to Long',
    source: DOCS.rulesOfConversion,
    apex: 'Long millsPerYear = 365 * 24 * 60 * 60 * 1000; System.debug(millsPerYear);',
    debug: ['1471228928'],
    note: 'The page says the result is wrong; 31,536,000,000 modulo 2^32 is 1,471,228,928.'
  },
  {
    name: 'a Long operand makes the whole product Long',
    source: DOCS.rulesOfConversion,
    apex: 'Long millsPerYear = 365 * 24 * 60 * 60 * 1000L; System.debug(millsPerYear);',
    debug: ['31536000000']
  },
  {
    name: 'Integer subtraction below the minimum wraps to the maximum',
    source: DOCS.primitiveTypes,
    apex: 'Integer i = -2147483648; i = i - 1; System.debug(i);',
    debug: ['2147483647']
  },
  {
    name: 'an Integer multiplication keeps the low 32 bits',
    source: DOCS.primitiveTypes,
    apex: 'Integer i = 65536; System.debug(i * 65536);',
    debug: ['0']
  },
  {
    name: 'Long increment past the maximum wraps at 64 bits',
    source: DOCS.primitiveTypes,
    apex: 'Long l = 9223372036854775807L; l++; System.debug(l);',
    debug: ['-9223372036854775808']
  },
  {
    name: 'Long holds values beyond the Integer range',
    source: DOCS.primitiveTypes,
    apex: 'Long l = 2147483648L; System.debug(l * 2);',
    debug: ['4294967296']
  },
  {
    name: 'Integer division truncates toward zero',
    source: DOCS.expressionOperators,
    apex: 'System.debug(7 / 2); System.debug(-7 / 2);',
    debug: ['3', '-3'],
    note: 'The page lists / without the rounding of Integer quotients; Apex truncates as Java does.'
  },
  {
    name: 'Long division truncates toward zero',
    source: DOCS.expressionOperators,
    apex: 'Long a = -9L; System.debug(a / 4);',
    debug: ['-2'],
    note: 'As for Integers: the quotient is truncated toward zero.'
  },
  {
    name: 'Integer division by zero throws a MathException',
    source: DOCS.exceptionClass,
    apex: 'Integer zero = 0;\nInteger x = 5 / zero;',
    error: 'System.MathException: Divide by 0',
    line: 2,
    note: 'The page names MathException for division by zero; "Divide by 0" is the org message.'
  },
  {
    name: 'Integer plus Long is a Long',
    source: DOCS.rulesOfConversion,
    apex: 'Object o = 1 + 2L; System.debug(o instanceof Long); System.debug(o);',
    debug: ['true', '3']
  },
  {
    name: 'Integer times Double is a Double',
    source: DOCS.rulesOfConversion,
    apex: 'Double d = 2.5; Object o = 2 * d; System.debug(o instanceof Double); System.debug(o);',
    debug: ['true', '5.0']
  },
  {
    name: 'Integer plus Decimal is a Decimal',
    source: DOCS.rulesOfConversion,
    apex: 'Decimal d = 1.5; Object o = 1 + d; System.debug(o instanceof Decimal); System.debug(o);',
    debug: ['true', '2.5']
  },
  {
    name: 'an Integer assigned to a Double variable becomes a Double',
    source: DOCS.rulesOfConversion,
    apex: 'Double d = 3; System.debug(d);',
    debug: ['3.0']
  },
  {
    name: 'Double arithmetic is binary floating point',
    source: DOCS.primitiveTypes,
    apex: 'Double a = 0.1; Double b = 0.2; System.debug(a + b);',
    debug: ['0.30000000000000004'],
    note: 'Double is a 64-bit IEEE 754 number; it prints as Java prints a double.'
  },
  {
    name: 'large Doubles print in scientific notation',
    source: DOCS.primitiveTypes,
    apex: 'Double d = 10000000; System.debug(d);',
    debug: ['1.0E7'],
    note: "The docs are silent on the text of a Double; Apex prints Java's Double.toString."
  },
  {
    name: 'operators bind by precedence: multiplication before addition',
    source: DOCS.operatorPrecedence,
    apex: 'System.debug(2 + 3 * 4); System.debug((2 + 3) * 4);',
    debug: ['14', '20']
  },
  {
    name: 'postfix increment yields the old value, prefix the new one',
    source: DOCS.expressionOperators,
    apex: "Integer i = 5; Integer j = i++; Integer k = ++i; System.debug(j + ' ' + k + ' ' + i);",
    debug: ['5 7 7']
  },
  {
    name: 'compound assignment operators apply the operator then assign',
    source: DOCS.expressionOperators,
    apex: 'Integer i = 10; i -= 3; i *= 2; i /= 4; System.debug(i);',
    debug: ['3']
  },
  {
    name: 'bitwise AND, OR and XOR on Integers',
    source: DOCS.expressionOperators,
    apex: 'System.debug(5 & 3); System.debug(5 | 3); System.debug(5 ^ 3);',
    debug: ['1', '7', '6']
  },
  {
    name: 'signed right shift keeps the sign, unsigned shift fills with zeros',
    source: DOCS.expressionOperators,
    apex: 'System.debug(-16 >> 2); System.debug(-16 >>> 28);',
    debug: ['-4', '15']
  },
  {
    name: 'left shift into the sign bit makes a negative Integer',
    source: DOCS.expressionOperators,
    apex: 'System.debug(1 << 31);',
    debug: ['-2147483648']
  },
  {
    name: 'bitwise complement ~ on an Integer and on a Boolean',
    source: DOCS.expressionOperators,
    apex: 'System.debug(~5); System.debug(~true); Boolean b = false; System.debug(~b);',
    debug: ['-6', 'false', 'true']
  },
  {
    name: '& | ^ on Booleans evaluate both operands',
    source: DOCS.expressionOperators,
    apex: "Integer calls = 0; Boolean r = false & (++calls > 0); System.debug(r + ' ' + calls); System.debug(true | false); System.debug(true ^ true);",
    debug: ['false 1', 'true', 'false'],
    note: 'The page lists &, | and ^ as bitwise operators; on Booleans they do not short-circuit, unlike && and ||.'
  },
  {
    name: 'Boolean operators short-circuit',
    source: DOCS.expressionOperators,
    apex: 'String s; System.debug(s != null && s.length() > 0); System.debug(s == null || s.length() > 0);',
    debug: ['false', 'true']
  },
  {
    name: 'the ternary operator picks one branch',
    source: DOCS.expressionOperators,
    apex: "Integer x = 3; System.debug(x > 2 ? 'big' : 'small');",
    debug: ['big']
  },
  {
    name: 'Integer.valueOf parses a String',
    source: DOCS.integerClass,
    apex: "Integer i = Integer.valueOf('42'); System.debug(i + 1);",
    debug: ['43']
  },
  {
    name: 'Integer.valueOf of a non-number throws a TypeException',
    source: DOCS.integerClass,
    apex: "Integer i = Integer.valueOf('abc');",
    error: 'System.TypeException: Invalid integer: abc',
    note: 'The page does not name the exception; the org throws TypeException "Invalid integer: abc".'
  },
  {
    name: 'Integer.format uses the locale of the user (en_US groups thousands with commas)',
    source: DOCS.integerClass,
    apex: 'Integer i = 1234567; System.debug(i.format());',
    debug: ['1,234,567']
  },
  {
    name: 'Long.valueOf parses a String beyond the Integer range',
    source: DOCS.longClass,
    apex: "Long l = Long.valueOf('9000000000'); System.debug(l + 1);",
    debug: ['9000000001']
  },
  {
    name: 'Long.intValue keeps the low 32 bits',
    source: DOCS.longClass,
    apex: 'Long l = 4294967297L; System.debug(l.intValue());',
    debug: ['1'],
    note: "The page says intValue returns the Integer value; like Java's (int) cast it keeps the low 32 bits."
  },
  {
    name: 'Double.valueOf parses a String',
    source: DOCS.doubleClass,
    apex: "Double d = Double.valueOf('3.5'); System.debug(d * 2);",
    debug: ['7.0']
  },
  {
    name: 'Math.mod keeps the sign of the dividend',
    source: DOCS.mathClass,
    apex: 'System.debug(Math.mod(12, 2)); System.debug(Math.mod(8, 3)); System.debug(Math.mod(-7, 3));',
    debug: ['0', '2', '-1'],
    note: 'The page gives mod(12, 2) = 0 and mod(8, 3) = 2; a negative dividend gives a negative remainder as in Java.'
  },
  {
    name: 'Math.abs, Math.max and Math.min',
    source: DOCS.mathClass,
    apex: 'System.debug(Math.abs(-5)); System.debug(Math.max(3, 7)); System.debug(Math.min(2L, 9L));',
    debug: ['5', '7', '2']
  },
  {
    name: 'Math.round of a Decimal rounds half to even',
    source: DOCS.mathClass,
    apex: 'System.debug(Math.round(2.5)); System.debug(Math.round(3.5)); System.debug(Math.round(-2.5));',
    debug: ['2', '4', '-2']
  },
  {
    name: 'Math.roundToLong of a Decimal rounds half to even',
    source: DOCS.mathClass,
    apex: 'System.debug(Math.roundToLong(4.5)); System.debug(Math.roundToLong(5.5));',
    debug: ['4', '6']
  },
  {
    name: 'Math.pow and Math.sqrt return Doubles',
    source: DOCS.mathClass,
    apex: 'System.debug(Math.pow(2, 10)); System.debug(Math.sqrt(16));',
    debug: ['1024.0', '4.0']
  },
  {
    name: 'unary minus of the minimum Integer is itself',
    source: DOCS.primitiveTypes,
    apex: 'Integer i = -2147483648; System.debug(-i);',
    debug: ['-2147483648'],
    note: "Integer is 32-bit two's complement: -(-2^31) overflows back to -2^31."
  }
];

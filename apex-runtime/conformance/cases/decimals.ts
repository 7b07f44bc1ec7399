/** Decimal: exact values with a scale, setScale, round, divide and the rounding modes. */
import type { ConformanceCase } from '../conformanceCase';
import { DOCS } from '../docPages';

/** `Decimal x = <value>; System.debug(x.round(System.RoundingMode.<mode>));` for one mode. */
function roundingCase(
  mode: string,
  inputs: readonly string[],
  results: readonly string[]
): ConformanceCase {
  return {
    name: `round(RoundingMode.${mode}) gives the results the rounding-mode table lists`,
    source: DOCS.decimalClass,
    apex: inputs
      .map((input) => `System.debug((${input}).round(System.RoundingMode.${mode}));`)
      .join('\n'),
    debug: results
  };
}

export const decimalCases: readonly ConformanceCase[] = [
  {
    name: 'a Decimal literal keeps the scale it is written with',
    source: DOCS.primitiveTypes,
    apex: 'Decimal d = 1.50; System.debug(d); System.debug(d.scale());',
    debug: ['1.50', '2']
  },
  {
    name: 'Decimal.valueOf(String) takes its scale from the digits after the point',
    source: DOCS.primitiveTypes,
    apex: "Decimal d = Decimal.valueOf('3.140'); System.debug(d.scale()); System.debug(d);",
    debug: ['3', '3.140']
  },
  {
    name: 'a Decimal made from an Integer has scale 0',
    source: DOCS.primitiveTypes,
    apex: 'Decimal d = 19; System.debug(d.scale());',
    debug: ['0']
  },
  {
    name: 'setScale(scale) without a rounding mode rounds half to even',
    source: DOCS.decimalClass,
    apex: 'System.debug((5.5).setScale(0)); System.debug((6.5).setScale(0)); System.debug((2.345).setScale(2));',
    debug: ['6', '6', '2.34']
  },
  {
    name: 'setScale to a larger scale pads with zeros',
    source: DOCS.decimalClass,
    apex: 'Decimal d = 1.5; System.debug(d.setScale(3));',
    debug: ['1.500']
  },
  {
    name: 'setScale with a negative scale multiplies the unscaled value by a power of ten',
    source: DOCS.decimalClass,
    apex: 'Decimal d = 4000; d = d.setScale(-3); System.debug(d.scale()); System.debug(d.toPlainString()); System.debug(d == 4000);',
    debug: ['-3', '4000', 'true']
  },
  {
    name: 'setScale(scale) example: 8.987551787 to 3 places',
    source: DOCS.decimalClass,
    apex: 'Decimal myDecimal = 8.987551787; System.debug(myDecimal.setScale(3));',
    debug: ['8.988']
  },
  {
    name: 'setScale with RoundingMode.HALF_UP rounds a tie away from zero',
    source: DOCS.decimalClass,
    apex: 'Decimal d = 2.345; System.debug(d.setScale(2, RoundingMode.HALF_UP)); System.debug((-2.345).setScale(2, RoundingMode.HALF_UP));',
    debug: ['2.35', '-2.35']
  },
  {
    name: 'setScale with RoundingMode.UNNECESSARY throws when digits would be lost',
    source: DOCS.decimalClass,
    apex: 'Decimal d = 1.25; System.debug(d.setScale(1, RoundingMode.UNNECESSARY));',
    error: /^System\.MathException: /,
    note: 'The page says UNNECESSARY throws an exception when rounding is needed; it names no message.'
  },
  {
    name: 'round() rounds half to even to a Long',
    source: DOCS.decimalClass,
    apex: 'Decimal d = 4.5; Long l = d.round(); System.debug(l); System.debug((5.5).round()); System.debug((5.2).round()); System.debug((-5.7).round()); System.debug((-4.5).round());',
    debug: ['4', '6', '5', '-6', '-4']
  },
  roundingCase('CEILING', ['5.5', '1.1', '-1.1', '-2.7'], ['6', '2', '-1', '-2']),
  roundingCase('DOWN', ['5.5', '1.1', '-1.1', '-2.7'], ['5', '1', '-1', '-2']),
  roundingCase('FLOOR', ['5.5', '1.1', '-1.1', '-2.7'], ['5', '1', '-2', '-3']),
  roundingCase(
    'HALF_DOWN',
    ['5.5', '2.5', '1.6', '1.1', '-1.1', '-1.6', '-2.5', '-5.5'],
    ['5', '2', '2', '1', '-1', '-2', '-2', '-5']
  ),
  roundingCase(
    'HALF_EVEN',
    ['5.5', '2.5', '1.6', '1.1', '-1.1', '-1.6', '-2.5', '-5.5'],
    ['6', '2', '2', '1', '-1', '-2', '-2', '-6']
  ),
  roundingCase(
    'HALF_UP',
    ['5.5', '2.5', '1.6', '1.1', '-1.1', '-1.6', '-2.5', '-5.5'],
    ['6', '3', '2', '1', '-1', '-2', '-3', '-6']
  ),
  roundingCase('UP', ['5.5', '1.1', '-1.1', '-2.7'], ['6', '2', '-2', '-3']),
  {
    name: 'round(RoundingMode.UNNECESSARY) returns an exact whole number as is',
    source: DOCS.decimalClass,
    apex: 'Decimal d = 1.0; System.debug(d.round(System.RoundingMode.UNNECESSARY));',
    debug: ['1']
  },
  {
    name: 'round(RoundingMode.UNNECESSARY) throws a MathException for a fraction',
    source: DOCS.decimalClass,
    apex: 'Decimal d = 1.1; Long l = d.round(System.RoundingMode.UNNECESSARY);',
    error: /^System\.MathException: /,
    note: 'The page says an exception is thrown (MathException) without its message.'
  },
  {
    name: 'divide(divisor, scale) returns the quotient with that scale',
    source: DOCS.decimalClass,
    apex: 'Decimal decimalNumber = 19; System.debug(decimalNumber.divide(100, 3));',
    debug: ['0.190']
  },
  {
    name: 'divide(divisor, scale, roundingMode) rounds the last digit with the mode',
    source: DOCS.decimalClass,
    apex: 'Decimal myDecimal = 12.4567; System.debug(myDecimal.divide(7, 2, System.RoundingMode.UP));',
    debug: ['1.78']
  },
  {
    name: 'divide by zero throws a MathException',
    source: DOCS.decimalClass,
    apex: 'Decimal d = 1; Decimal q = d.divide(0, 2);',
    error: 'System.MathException: Divide by 0',
    note: 'The message is the one the / operator gives; the page does not word it.'
  },
  {
    name: 'the / operator on Decimals gives an exact quotient when there is one',
    source: DOCS.primitiveTypes,
    apex: 'Decimal a = 10; System.debug(a / 4); Decimal b = 7.50; System.debug(b / 2);',
    debug: ['2.5', '3.75'],
    note: 'The docs do not give the scale of a / quotient; an exact quotient is printed without padding.'
  },
  {
    name: 'the / operator on Decimals keeps 33 significant digits of an inexact quotient',
    source: DOCS.primitiveTypes,
    apex: 'Decimal a = 1; Decimal b = 3; System.debug(a / b);',
    debug: ['0.333333333333333333333333333333333'],
    note: 'The docs are silent on the precision of /; orgs print 1/3 with 33 significant digits.'
  },
  {
    name: 'Decimal addition keeps the larger scale',
    source: DOCS.primitiveTypes,
    apex: 'System.debug(1.10 + 2.205); System.debug(1.10 + 2);',
    debug: ['3.305', '3.10'],
    note: 'Decimal arithmetic is exact (arbitrary precision); the sum has the larger scale of the operands.'
  },
  {
    name: 'Decimal multiplication adds the scales',
    source: DOCS.primitiveTypes,
    apex: 'System.debug(1.5 * 2.25);',
    debug: ['3.375'],
    note: 'Exact Decimal arithmetic: the product of scales 1 and 2 has scale 3.'
  },
  {
    name: 'Decimals equal in value are == whatever their scale',
    source: DOCS.expressionOperators,
    apex: 'Decimal a = 1.0; Decimal b = 1.00; System.debug(a == b);',
    debug: ['true']
  },
  {
    name: 'precision() counts the significant digits',
    source: DOCS.decimalClass,
    apex: 'Decimal d1 = 123.45; System.debug(d1.precision()); Decimal d2 = 123.123; System.debug(d2.precision());',
    debug: ['5', '6']
  },
  {
    name: 'pow(exponent) is exact',
    source: DOCS.decimalClass,
    apex: 'Decimal myDecimal = 4.12; System.debug(myDecimal.pow(2));',
    debug: ['16.9744']
  },
  {
    name: 'abs() drops the sign',
    source: DOCS.decimalClass,
    apex: 'Decimal myDecimal = -6.02214129; System.debug(myDecimal.abs());',
    debug: ['6.02214129']
  },
  {
    name: 'stripTrailingZeros() removes zeros after the point',
    source: DOCS.decimalClass,
    apex: 'Decimal d = 1.500; System.debug(d.stripTrailingZeros());',
    debug: ['1.5']
  },
  {
    name: 'intValue() and longValue() drop the fraction',
    source: DOCS.decimalClass,
    apex: 'Decimal d = -7.9; System.debug(d.intValue()); System.debug((7.9).longValue());',
    debug: ['-7', '7'],
    note: 'The page says only that the Integer (Long) value is returned; the fraction is truncated, as BigDecimal.intValue does.'
  },
  {
    name: 'format() uses the user locale (en_US) with at most three decimals',
    source: DOCS.decimalClass,
    apex: 'Decimal myDecimal = 12345.6789; System.debug(myDecimal.format());',
    debug: ['12,345.679']
  },
  {
    name: "Decimal.valueOf(Double) converts through the Double's text",
    source: DOCS.decimalClass,
    apex: 'Double d = 2.5; Decimal x = Decimal.valueOf(d); System.debug(x); System.debug(x.scale());',
    debug: ['2.5', '1']
  },
  {
    name: 'Decimal.valueOf of a non-number throws a TypeException',
    source: DOCS.decimalClass,
    apex: "Decimal d = Decimal.valueOf('12x');",
    error: 'System.TypeException: Invalid decimal: 12x',
    note: 'The page does not name the exception; the org throws TypeException "Invalid decimal: 12x".'
  },
  {
    name: 'a Decimal compares with an Integer by value',
    source: DOCS.expressionOperators,
    apex: 'Decimal d = 2.0; System.debug(d == 2); System.debug(d > 1); System.debug(d < 1.99);',
    debug: ['true', 'true', 'false']
  }
];

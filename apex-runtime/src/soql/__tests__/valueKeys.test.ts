/**
 * The keys comparisons, ordering and grouping share: SOQL and SOSL Reference, "Comparison
 * Operators" (text case-insensitive, Ids as records), "ORDER BY" (case-insensitive sort).
 */
import { ApexDecimal } from '../../values/decimal';
import { ApexDouble } from '../../values/primitives';
import { compareKeys, keyOf, keyText, likeRegExp, likeRegExpOfBoundText } from '../valueKeys';

describe('value keys', () => {
  it('gives a 15- and an 18-character Id of one record the same key', () => {
    expect(keyOf('id', true, '001000000000002AAA')).toBe(keyOf('id', true, '001000000000002'));
  });

  it('gives equal numbers of every numeric type equal keys', () => {
    const keys = [5, 5n, ApexDecimal.parse('5.00'), new ApexDouble(5)].map((value) =>
      keyText(keyOf('number', false, value)!)
    );
    expect(new Set(keys).size).toBe(1);
  });

  it('keeps decimals beyond double precision exact', () => {
    const a = keyOf('number', false, ApexDecimal.parse('12345678901234567.1'))!;
    const b = keyOf('number', false, ApexDecimal.parse('12345678901234567.10'))!;
    const c = keyOf('number', false, ApexDecimal.parse('12345678901234567.2'))!;
    expect(compareKeys(a, b)).toBe(0);
    expect(keyText(a)).toBe(keyText(b));
    expect(compareKeys(a, c)).toBe(-1);
    expect(compareKeys(c, keyOf('number', false, 3)!)).toBe(1);
  });

  it('keys multi-select values as a set, case-insensitively', () => {
    expect(keyOf('multipicklist', false, 'b;A')).toBe(keyOf('multipicklist', false, 'a;B'));
  });

  it('matches LIKE patterns with literal escaped wildcards, across lines', () => {
    expect(likeRegExp('a%b', new Set()).test('A\nxB')).toBe(true);
    expect(likeRegExp('a%', new Set([1])).test('ab')).toBe(false);
    expect(likeRegExp('a.c', new Set()).test('abc')).toBe(false);
    expect(likeRegExpOfBoundText('100\\%').test('100%')).toBe(true);
    expect(likeRegExpOfBoundText('100\\%').test('1000')).toBe(false);
  });
});

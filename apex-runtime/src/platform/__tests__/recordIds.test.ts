// Salesforce Object Reference, "Field Types" (ID): every API returns the 18-character,
// case-insensitive form of an Id; the suffix encodes which of the 15 characters are capitals.
import {
  caseSafeSuffix,
  idKey,
  InvalidIdError,
  isValidId,
  sequenceOf,
  sequentialId,
  toCaseSafeId
} from '../recordIds';

describe('record Ids', () => {
  it('computes the case-safe suffix from the capitals of each five-character chunk', () => {
    // a0BA0: B (bit 2) + A (bit 3) = 12 -> M; 00000 -> A; 0L2ZC: L (1) + Z (3) + C (4) = 26 -> 0.
    expect(caseSafeSuffix('a0BA0000000L2ZC')).toBe('MA0');
  });

  it('gives fifteen characters without capitals the suffix AAA', () => {
    expect(caseSafeSuffix('006000000000001')).toBe('AAA');
  });

  it('counts a capital in the key prefix (OpportunityContactRole 00K)', () => {
    // 00K00: K is the third character (bit 2) -> 4 -> E.
    expect(toCaseSafeId('00K000000000001')).toBe('00K000000000001EAA');
  });

  it('uses the digits 0-5 for chunks with 26 to 31', () => {
    expect(caseSafeSuffix('ABCDEABCDEABCDE')).toBe('555');
  });

  it('accepts an 18-character Id whose suffix differs only in case', () => {
    expect(toCaseSafeId('006000000000001aaa')).toBe('006000000000001AAA');
  });

  it('refuses a wrong suffix, a wrong length or other characters', () => {
    expect(() => toCaseSafeId('006000000000001AAB')).toThrow(InvalidIdError);
    expect(isValidId('00600000000001')).toBe(false);
    expect(isValidId('006-00000000001')).toBe(false);
    expect(isValidId('00K000000000001EAA')).toBe(true);
  });

  it('files 15- and 18-character forms of an Id under one key', () => {
    expect(idKey('006000000000001AAA')).toBe(idKey('006000000000001'));
  });

  it('numbers Ids after the key prefix in twelve decimal digits', () => {
    expect(sequentialId('a03', 42)).toBe('a03000000000042AAA');
    expect(sequenceOf('a03000000000042AAA', 'a03')).toBe(42);
    expect(sequenceOf('a03W00000000042IAA', 'a03')).toBeUndefined();
  });
});

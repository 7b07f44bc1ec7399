/**
 * Record Ids: 15 case-sensitive characters (the object's three-character key prefix, then a
 * number) and the three-character suffix that makes the 18-character form case-safe.
 *
 * The suffix (Salesforce Object Reference, "Field Types": the 18-character, case-insensitive
 * version of an Id that every API returns; the algorithm is the one every Salesforce tool uses):
 * split the 15 characters into three chunks of five; for each chunk, set bit i (i = 0 for its
 * first character) when character i is an upper-case letter A-Z; the chunk's suffix character is
 * `ABCDEFGHIJKLMNOPQRSTUVWXYZ012345`[bits]. Fifteen characters without capitals therefore get
 * `AAA`, which is why the sample org's digit-only Ids end in `AAA`.
 *
 * The runtime numbers records `<prefix><12-digit decimal sequence>`, so its own Ids never hold a
 * capital after the prefix; Ids read from elsewhere are validated, not assumed.
 */

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_CHARACTERS = /^[0-9A-Za-z]+$/;

export class InvalidIdError extends Error {}

/** The case-safe suffix of a 15-character Id. */
export function caseSafeSuffix(id15: string): string {
  if (id15.length !== 15 || !ID_CHARACTERS.test(id15)) {
    throw new InvalidIdError(`Invalid id: ${id15}`);
  }
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let position = 0; position < 5; position++) {
      const character = id15.charCodeAt(chunk * 5 + position);
      if (character >= 65 && character <= 90) bits |= 1 << position;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return suffix;
}

/**
 * The 18-character form of a 15- or 18-character Id. An 18-character Id keeps its first 15
 * characters and must carry their suffix; the suffix is compared ignoring case (it exists for
 * case-insensitive systems), so `...aaa` is accepted as `...AAA`. Anything else throws
 * InvalidIdError, as `Id.valueOf` does.
 */
export function toCaseSafeId(id: string): string {
  if (id.length === 15) return id + caseSafeSuffix(id);
  if (id.length === 18) {
    const id15 = id.slice(0, 15);
    const suffix = caseSafeSuffix(id15);
    if (id.slice(15).toUpperCase() !== suffix) throw new InvalidIdError(`Invalid id: ${id}`);
    return id15 + suffix;
  }
  throw new InvalidIdError(`Invalid id: ${id}`);
}

export function isValidId(text: string): boolean {
  try {
    toCaseSafeId(text);
    return true;
  } catch (error) {
    if (error instanceof InvalidIdError) return false;
    throw error;
  }
}

/** The key under which a record is filed: its first 15 characters (15 and 18 agree). */
export function idKey(id: string): string {
  return id.slice(0, 15);
}

/** The three-character key prefix of an Id. */
export function keyPrefixOf(id: string): string {
  return id.slice(0, 3);
}

const SEQUENCE_DIGITS = 12;

/** The `sequence`-th Id of an object: prefix, the number in 12 decimal digits, suffix. */
export function sequentialId(keyPrefix: string, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence >= 10 ** SEQUENCE_DIGITS) {
    throw new RangeError(`Id sequence out of range: ${sequence}`);
  }
  return toCaseSafeId(`${keyPrefix}${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`);
}

/** The sequence number of an Id `sequentialId` made, or undefined for any other Id. */
export function sequenceOf(id: string, keyPrefix: string): number | undefined {
  const digits = id.slice(3, 15);
  if (!id.startsWith(keyPrefix) || !/^\d{12}$/.test(digits)) return undefined;
  return Number(digits);
}

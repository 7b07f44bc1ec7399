/**
 * Salesforce record Ids: 15 case-sensitive characters, or 18 with a 3-character suffix that
 * encodes which of the first 15 are capitals, so the Id survives case-insensitive handling. The
 * first three characters are the object's key prefix. The runtime holds every Id in its 18-character form.
 */

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?$/;

/** The 3-character suffix of a 15-character Id. */
export function idSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const code = id15.charCodeAt(chunk * 5 + i);
      if (code >= 65 && code <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return suffix;
}

/** Whether the text is a well-formed 15- or 18-character Id (the suffix must match). */
export function isValidId(text: string): boolean {
  if (!ID_PATTERN.test(text)) return false;
  return text.length === 15 || idSuffix(text.slice(0, 15)) === text.slice(15).toUpperCase();
}

/** The 18-character form of a valid Id; undefined when the text is not an Id. */
export function toId18(text: string): string | undefined {
  if (!isValidId(text)) return undefined;
  return text.length === 18
    ? text.slice(0, 15) + text.slice(15).toUpperCase()
    : text + idSuffix(text);
}

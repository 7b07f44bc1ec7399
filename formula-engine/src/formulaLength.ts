import { FormulaError } from './formulaError';

/**
 * Apex Developer Guide, "Formula Evaluation in Apex": "Formula evaluation in Apex is bound by the
 * formula field character limit, but not the compile size limit. A formula can contain up to
 * 3,900 characters including spaces, return characters, and comments."
 */
export const MAX_FORMULA_LENGTH = 3900;

function withThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Refuses a formula over the limit before anything else is read. Characters are counted as Apex
 * (Java) counts a String's length, in UTF-16 code units, and a line break is what the text holds
 * (one character for "\n", two for "\r\n"): the docs do not say more. The error spans the part
 * beyond the limit.
 */
export function rejectOverlongFormula(source: string): void {
  if (source.length <= MAX_FORMULA_LENGTH) return;
  throw new FormulaError(
    `Formula is too long (${withThousands(source.length)} characters). A formula can contain up to ${withThousands(MAX_FORMULA_LENGTH)} characters including spaces, return characters, and comments.`,
    MAX_FORMULA_LENGTH,
    source.length
  );
}

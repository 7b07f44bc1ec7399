/**
 * apex-ls messages that are wrong for this project, each with the reason it is wrong. The checker
 * bundled with the PMD engine (apex-ls 6.0.2) ships a platform type library that predates part of
 * the FormulaEval API (GA in API 63), which `RuleEngine` uses. Each entry matches one exact
 * message, so an unrelated unknown type is still reported; remove an entry once apex-ls knows the
 * type.
 */
export interface KnownFalsePositive {
  /** The complete apex-ls message this entry silences. */
  message: string;
  /** Why the message is wrong, with the documentation that proves it. */
  reason: string;
}

const FORMULA_VALIDATION_EXCEPTION =
  'System.FormulaValidationException is what FormulaEval.FormulaBuilder.build() throws when a ' +
  'formula does not compile (Apex Reference, "FormulaBuilder Class", build()); apex-ls 6.0.2 ' +
  'does not know it.';

export const KNOWN_FALSE_POSITIVES: readonly KnownFalsePositive[] = [
  {
    message: "No type declaration found for 'FormulaValidationException'",
    reason: FORMULA_VALIDATION_EXCEPTION
  },
  {
    message: "No type declaration found for 'System.FormulaValidationException'",
    reason: FORMULA_VALIDATION_EXCEPTION
  }
];

export function isKnownFalsePositive(message: string): boolean {
  return KNOWN_FALSE_POSITIVES.some((entry) => entry.message === message);
}

/**
 * apex-ls messages that are wrong for this project, each with the reason it is wrong. The checker
 * bundled with the PMD engine (apex-ls 6.0.2) ships a platform type library that predates part of
 * the FormulaEval API (GA in API 63), which `RuleEngine` uses, and it does not read the project's
 * Apex sharing reasons (`objects/<Object>/sharingReasons/`), which the sharing handlers name as
 * row causes. Each entry matches one exact message, so an unrelated unknown type is still
 * reported; remove an entry once apex-ls knows the type.
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

/** A sharing reason of the project as a row cause token, which apex-ls does not know. */
function sharingReasonRowCause(shareObject: string, reason: string): KnownFalsePositive {
  return {
    message: `Unknown field or type '${reason}__c' on 'Schema.SObjectType.${shareObject}.RowCause'`,
    reason:
      `Schema.${shareObject}.RowCause.${reason}__c is the row cause of the sharing reason ` +
      `${reason} the project defines (Apex Developer Guide, "Sharing a Record Using Apex": ` +
      'Schema.CustomObject__Share.rowCause.SharingReason__c); apex-ls 6.0.2 does not read ' +
      'sharingReasons metadata.'
  };
}

export const KNOWN_FALSE_POSITIVES: readonly KnownFalsePositive[] = [
  sharingReasonRowCause('Coaching_Session__Share', 'Coached_Seller'),
  sharingReasonRowCause('Skill_Assessment__Share', 'Assessed_Seller'),
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

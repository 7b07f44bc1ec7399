/**
 * How a sales rule's text names a custom label: the whole value, trimmed, is `$Label.<LabelName>`
 * (`$Label` in any case, as formulas and Apex read it). Kept apart from ruleTexts.ts, which reads
 * the labels, so that the static checks can tell a reference from plain text without loading the
 * project.
 */

/** The Sales_Rule__mdt fields whose text users read, in the order Apex `SalesRule` reads them. */
export const RULE_TEXT_FIELDS = [
  'Message__c',
  'Why_It_Matters__c',
  'Coaching_Question__c'
] as const;

const REFERENCE_PREFIX = '$label.';

/** The label a text names (`$Label.SSM_X` → `SSM_X`), or null when the text is not a reference. */
export function labelNameOf(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const trimmed = text.trim();
  return trimmed.toLowerCase().startsWith(REFERENCE_PREFIX)
    ? trimmed.slice(REFERENCE_PREFIX.length)
    : null;
}

/**
 * Where the rules' verdict is stored on a record, the twin of Apex `GuidanceFields.stamp`: the
 * score, the flagged data-quality rules and (on Opportunity) the coaching prompts, names one per
 * line, and when the rules ran. Reports and list views read these stored values.
 */
import type { RecordGuidance, RuleOutcome } from './salesRule';

/** The objects whose saves store the verdict. */
export const GUIDED_OBJECTS: readonly string[] = ['Opportunity', 'Account', 'Account_Plan__c'];

function namesOf(outcomes: readonly RuleOutcome[]): string | null {
  return outcomes.length ? outcomes.map((outcome) => outcome.ruleName).join('\n') : null;
}

/**
 * The field values a save stores for a verdict.
 * @param objectApiName the record's object; coaching prompts are stored on Opportunity only
 * @param verdict the rules' verdict on the record
 * @param evaluatedAt when the rules ran, ISO datetime
 */
export function storedGuidanceFields(
  objectApiName: string,
  verdict: RecordGuidance,
  evaluatedAt: string
): Record<string, string | number | null> {
  const fields: Record<string, string | number | null> = {
    Data_Quality_Score__c: verdict.score,
    Data_Quality_Issues__c: namesOf(verdict.flagged),
    Data_Quality_Evaluated_At__c: evaluatedAt
  };
  if (objectApiName === 'Opportunity') {
    fields.Coaching_Flags__c = namesOf(verdict.prompts);
    fields.Coaching_Flag_Count__c = verdict.prompts.length;
  }
  return fields;
}

/**
 * The shapes of the offline rule engine: the rule definitions it reads, and its verdicts in the
 * shape the recordGuidance component shows the Apex `RecordGuidance` (one home: guidanceView).
 */
import type {
  RecordGuidance,
  RuleKind,
  RuleOutcome
} from '../../../force-app/main/default/lwc/recordGuidance/guidanceView';

export type { RecordGuidance, RuleKind, RuleOutcome };

/** One Sales_Rule__mdt record, as read from its Custom Metadata XML or the org. */
export interface SalesRuleDefinition {
  developerName: string;
  label: string;
  kind: RuleKind;
  objectApiName: string;
  /** Optional: the rule is skipped when this is not TRUE. */
  appliesWhen: string | null;
  /** TRUE flags the record. */
  flagWhen: string | null;
  /** A blank weight counts as 1, as in Apex `SalesRule`. */
  weight: number | null;
  severity: string | null;
  category: string | null;
  message: string | null;
  whyItMatters: string | null;
  coachingQuestion: string | null;
  fixFields: string[];
  /** The child relationship whose related list fixes the flag, as in Apex `SalesRule`. */
  fixRelatedList: string | null;
  active: boolean;
  sortOrder: number | null;
}

/** A rule that could not be evaluated, and why. */
export type BrokenRule = RecordGuidance['broken'][number];

/** Orders rules like Apex `SalesRule.compareTo`: sort order, then developer name by code point. */
export function compareRules(a: SalesRuleDefinition, b: SalesRuleDefinition): number {
  const orderA = a.sortOrder ?? 0;
  const orderB = b.sortOrder ?? 0;
  if (orderA !== orderB) {
    return orderA < orderB ? -1 : 1;
  }
  if (a.developerName === b.developerName) {
    return 0;
  }
  return a.developerName < b.developerName ? -1 : 1;
}

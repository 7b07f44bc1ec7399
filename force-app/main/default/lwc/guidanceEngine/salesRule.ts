/**
 * The shapes shared by the rule engine's two implementations: Apex `RuleEngine` /
 * `RecordGuidance` in the org, this module offline. Field names match the Apex DTOs, so the
 * recordGuidance component renders either without knowing where the result came from.
 */

export type RuleKind = 'Data Quality' | 'Coaching Prompt';

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
  active: boolean;
  sortOrder: number | null;
}

/** One rule's verdict on a record, with what the user needs to act on it. */
export interface RuleOutcome {
  ruleName: string;
  label: string;
  kind: RuleKind;
  severity: string | null;
  category: string | null;
  message: string | null;
  whyItMatters: string | null;
  coachingQuestion: string | null;
  fixFields: string[];
  weight: number;
}

/** A rule that could not be evaluated, and why. */
export interface BrokenRule {
  ruleName: string;
  reason: string;
}

/** What the rules say about one record (Apex `RecordGuidance`). */
export interface RecordGuidance {
  /** 0-100; 100 when no data-quality rule applies. */
  score: number;
  passed: RuleOutcome[];
  flagged: RuleOutcome[];
  prompts: RuleOutcome[];
  broken: BrokenRule[];
}

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

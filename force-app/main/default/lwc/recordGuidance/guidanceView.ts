/**
 * What the recordGuidance card shows, derived from the rules' verdict: the score band (never
 * carried by colour alone: each band has a word), the flagged rules grouped by severity, the
 * coaching prompts. Pure, so each state is tested without rendering.
 */

export type RuleKind = 'Data Quality' | 'Coaching Prompt';

/** One rule's outcome, with every member the Apex may leave out filled in. */
export interface RuleOutcome {
  ruleName: string;
  label: string;
  kind: RuleKind;
  severity: string | null;
  /**
   * The severity in the user's language (Apex gives it); the offline rule engine, which only
   * stores verdicts, leaves it out and the value stands in.
   */
  severityLabel?: string | null;
  category: string | null;
  message: string | null;
  whyItMatters: string | null;
  coachingQuestion: string | null;
  fixFields: string[];
  /** The related list where the flag is fixed (OpportunityContactRoles), when no field fixes it. */
  fixRelatedList: string | null;
  weight: number;
}

/** The rules' verdict on a record (Apex `RecordGuidance`), complete. */
export interface RecordGuidance {
  /** 0-100; 100 when no data-quality rule applies. */
  score: number;
  passed: RuleOutcome[];
  flagged: RuleOutcome[];
  prompts: RuleOutcome[];
  broken: { ruleName: string; label: string; reason: string }[];
}

export type Band = 'good' | 'fair' | 'poor';

function outcomeFrom(outcome: ApexGenerated.RecordGuidance_Outcome): RuleOutcome {
  return {
    ruleName: outcome.ruleName ?? '',
    label: outcome.label ?? outcome.ruleName ?? '',
    kind: (outcome.kind ?? 'Data Quality') as RuleKind,
    severity: outcome.severity ?? null,
    severityLabel: outcome.severityLabel ?? outcome.severity ?? null,
    category: outcome.category ?? null,
    message: outcome.message ?? outcome.label ?? null,
    whyItMatters: outcome.whyItMatters ?? null,
    coachingQuestion: outcome.coachingQuestion ?? null,
    fixFields: outcome.fixFields ?? [],
    fixRelatedList: outcome.fixRelatedList ?? null,
    weight: outcome.weight ?? 1
  };
}

/**
 * The verdict as Apex serialises it leaves out members that are null; this fills them in so
 * the rest of the component works on one complete shape.
 */
export function normalizeGuidance(data: ApexGenerated.RecordGuidance): RecordGuidance {
  return {
    score: data.score ?? 100,
    passed: (data.passed ?? []).map(outcomeFrom),
    flagged: (data.flagged ?? []).map(outcomeFrom),
    prompts: (data.prompts ?? []).map(outcomeFrom),
    broken: (data.broken ?? []).map((rule) => ({
      ruleName: rule.ruleName ?? '',
      label: rule.label ?? rule.ruleName ?? '',
      reason: rule.reason ?? ''
    }))
  };
}

/** A score at or above GOOD_FROM is good; at or above FAIR_FROM needs attention; below is poor. */
export const GOOD_FROM = 80;
export const FAIR_FROM = 50;

export const SEVERITY_ORDER = ['High', 'Medium', 'Low'] as const;

export function bandOf(score: number): Band {
  if (score >= GOOD_FROM) return 'good';
  if (score >= FAIR_FROM) return 'fair';
  return 'poor';
}

/** lightning-progress-ring variants: green, orange, red. */
export const RING_VARIANT: Record<Band, string> = {
  good: 'base-autocomplete',
  fair: 'warning',
  poor: 'expired'
};

export interface IssueView extends RuleOutcome {
  key: string;
  canFix: boolean;
  /** Fixed in a related list (contact roles), not in the record's own fields. */
  canOpenList: boolean;
  isFixing: boolean;
  fixButtonId: string;
  ariaExpanded: string;
}

export interface SeverityGroup {
  severity: string;
  /** The severity as the user reads it (its label in their language). */
  label: string;
  key: string;
  issues: IssueView[];
}

/**
 * The page of a record's related list, where a flag that no field of the record fixes is fixed
 * (Lightning's `standard__recordRelationshipPage`).
 */
export function relatedListPage(
  recordId: string,
  objectApiName: string,
  relationshipApiName: string
): { type: string; attributes: Record<string, string> } {
  return {
    type: 'standard__recordRelationshipPage',
    attributes: { recordId, objectApiName, relationshipApiName, actionName: 'view' }
  };
}

/**
 * Groups the flagged rules by severity, High first; a severity outside High/Medium/Low comes
 * last under its own name rather than being dropped.
 */
export function groupBySeverity(
  guidance: RecordGuidance,
  fixingRule: string | null
): SeverityGroup[] {
  const groups = new Map<string, IssueView[]>();
  for (const outcome of guidance.flagged) {
    const severity = outcome.severity ?? 'Low';
    const issues = groups.get(severity) ?? [];
    const canFix = outcome.fixFields.length > 0;
    const isFixing = canFix && fixingRule === outcome.ruleName;
    issues.push({
      ...outcome,
      key: outcome.ruleName,
      canFix,
      canOpenList: !canFix && outcome.fixRelatedList !== null,
      isFixing,
      fixButtonId: `fix-${outcome.ruleName}`,
      ariaExpanded: String(isFixing)
    });
    groups.set(severity, issues);
  }
  const rank = (severity: string): number => {
    const index = (SEVERITY_ORDER as readonly string[]).indexOf(severity);
    return index === -1 ? SEVERITY_ORDER.length : index;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([severity, issues]) => ({
      severity,
      label: issues[0].severityLabel ?? severity,
      key: severity,
      issues
    }));
}

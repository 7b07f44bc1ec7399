/**
 * c/segmentEngine: customer segment assignment offline, the TypeScript twin of Apex
 * `SegmentAssignment`. Every active segment's `Criteria_Formula__c` is a rule on Account
 * evaluated by the same rule engine as record guidance (c/guidanceEngine over c/formulaEngine);
 * segments are tried in `compareSegments` order (priority, name, Id) and the first TRUE formula
 * wins. A blank result counts as FALSE. A broken formula (does not compile, blank, or throws on
 * the record) never blocks a save: when it comes before the first match the account keeps its
 * segment, because the engine cannot know whether the broken segment would have won. No match
 * means unsegmented. Both twins follow the static resource SegmentTestVectors.
 */
import { compileRuleSet, type BrokenRule, type SalesRuleDefinition } from 'c/guidanceEngine';
import type { FormulaEnv, ObjectSchema } from 'c/formulaEngine';
import { compareSegments, type SegmentFacts } from 'c/salesKpis';

/** The segment an account should have, or why it cannot be decided. */
export type SegmentDecision =
  | { kind: 'assigned'; segmentId: string }
  | { kind: 'unsegmented' }
  | { kind: 'undecided'; brokenSegmentId: string; reason: string };

export interface SegmentAssigner {
  /** The active segments in the order they are tried. */
  readonly ranked: readonly SegmentFacts[];
  /** Every Account field path the criteria read. */
  readonly referencedFields: readonly string[];
  /** Segments whose criteria cannot be evaluated on an account with no values. */
  readonly brokenCriteria: readonly BrokenRule[];
  decide(account: Record<string, unknown>, env?: FormulaEnv): SegmentDecision;
}

/**
 * Prepares the active segments for assignment.
 * @param segments any segments; inactive ones are left out
 * @param accountSchema the formula schema of Account
 */
export function compileSegments(
  segments: readonly SegmentFacts[],
  accountSchema: ObjectSchema
): SegmentAssigner {
  const ranked = segments.filter((segment) => segment.Active__c === true).sort(compareSegments);
  // Each segment is a rule named by its Id; like Apex, any kind but Data Quality lands in
  // prompts when its formula is TRUE, and the sort order keeps the segments' ranking.
  const rules: SalesRuleDefinition[] = ranked.map((segment, index) => ({
    developerName: segment.Id,
    label: segment.Name,
    kind: 'Coaching Prompt',
    objectApiName: accountSchema.name,
    appliesWhen: null,
    flagWhen: segment.Criteria_Formula__c ?? null,
    weight: null,
    severity: null,
    category: null,
    message: null,
    whyItMatters: null,
    coachingQuestion: null,
    fixFields: [],
    active: true,
    sortOrder: index
  }));
  const ruleSet = compileRuleSet(rules, accountSchema);
  const decide = (account: Record<string, unknown>, env?: FormulaEnv): SegmentDecision => {
    const verdict = ruleSet.evaluate(account, env);
    const matching = new Set(verdict.prompts.map((outcome) => outcome.ruleName));
    const broken = new Map(verdict.broken.map((rule) => [rule.ruleName, rule.reason]));
    for (const segment of ranked) {
      const reason = broken.get(segment.Id);
      if (reason !== undefined) {
        return { kind: 'undecided', brokenSegmentId: segment.Id, reason };
      }
      if (matching.has(segment.Id)) {
        return { kind: 'assigned', segmentId: segment.Id };
      }
    }
    return { kind: 'unsegmented' };
  };
  return {
    ranked,
    referencedFields: ruleSet.referencedFields,
    brokenCriteria: ruleSet.evaluate({}).broken,
    decide
  };
}

/**
 * The field values a save stores for a decision (Apex `SegmentAssignment.Decision.applyTo`):
 * the new segment and today's date when the segment changes, blanks when the account becomes
 * unsegmented, nothing when undecided or unchanged.
 */
export function segmentFieldChanges(
  account: { Customer_Segment__c?: unknown },
  decision: SegmentDecision,
  today: string
): { Customer_Segment__c: string | null; Segment_Assigned_On__c: string | null } | null {
  if (decision.kind === 'undecided') {
    return null;
  }
  const segmentId = decision.kind === 'assigned' ? decision.segmentId : null;
  const current =
    typeof account.Customer_Segment__c === 'string' ? account.Customer_Segment__c : null;
  if ((current || null) === segmentId) {
    return null;
  }
  return { Customer_Segment__c: segmentId, Segment_Assigned_On__c: segmentId ? today : null };
}

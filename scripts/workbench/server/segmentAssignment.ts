/**
 * The workbench's twin of the Account trigger's segment assignment (Apex SegmentAssignment):
 * before an account is saved, the active segments' criteria are evaluated with c/segmentEngine
 * and the segment stamped when it changes. A broken criteria formula never blocks the save.
 */
import {
  compileSegments,
  segmentFieldChanges
} from '../../../force-app/main/default/lwc/segmentEngine/segmentEngine';
import type { SegmentFacts } from '../../../force-app/main/default/lwc/salesKpis/segments';
import type { EmbeddedOrg } from '../../org/embeddedOrg';

/** The segments of the org as the assignment reads them. */
export function segmentsOf(org: EmbeddedOrg): SegmentFacts[] {
  return org.records('Customer_Segment__c').map((segment) => ({
    Id: segment.Id,
    Name: String(segment.Name ?? ''),
    Priority__c: typeof segment.Priority__c === 'number' ? segment.Priority__c : null,
    Criteria_Formula__c:
      typeof segment.Criteria_Formula__c === 'string' ? segment.Criteria_Formula__c : null,
    Active__c: segment.Active__c === true
  }));
}

/**
 * The segment fields an account's save stamps, or null when the segment stays (or cannot be
 * decided because a segment before the first match is broken).
 * @param org the org whose segments and schema are used
 * @param account the account as it will be saved, parents not needed
 */
export function segmentStampFor(
  org: EmbeddedOrg,
  account: Record<string, unknown>
): { Customer_Segment__c: string | null; Segment_Assigned_On__c: string | null } | null {
  const assigner = compileSegments(segmentsOf(org), org.schemas.Account);
  return segmentFieldChanges(account, assigner.decide(account, { today: org.today }), org.today);
}

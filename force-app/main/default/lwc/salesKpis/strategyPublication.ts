/**
 * Publishing a strategy version, the twin of Apex StrategyPublishService (a test keeps the
 * required fields in step): only a complete version in review can be published; publishing
 * supersedes the published version, stamps who published it and when, links the previous version
 * when blank, and sets the next review six months out. Pure: the caller saves the changes.
 */
import type { IsoDate, IsoDateTime } from './facts';
import { addMonths } from './periods';

/** The fields a version must fill before it can be published (StrategyPublishService). */
export const PUBLISH_REQUIRED_FIELDS = [
  'Version_Number__c',
  'Effective_From__c',
  'Governance_Model__c',
  'Segmentation__c',
  'Sales_Process__c',
  'Customer_Interaction_Model__c',
  'Compensation_Principles__c',
  'Coaching_Model__c',
  'Development_Programme__c',
  'What_Changed__c',
  'Target_Pipeline_Coverage__c',
  'Target_Win_Rate__c',
  'Target_Data_Quality_Score__c',
  'Target_Time_With_Customers__c',
  'Target_Coaching_Sessions__c',
  'Target_Forecast_Accuracy__c',
  'Target_Team_Variable_Share__c',
  'Target_Strategic_KPI_Share__c'
] as const;

export const REVIEW_AFTER_MONTHS = 6;

/** A Strategy_Version__c with the fields publishing reads. */
export type PublishableVersion = { Id: string; Status__c?: unknown } & Record<string, unknown>;

export type PublicationPlan =
  | {
      ok: true;
      /** Field values to save on the version. */
      version: Record<string, unknown>;
      /** Ids of the versions to mark Superseded. */
      superseded: string[];
    }
  | { ok: false; reason: 'notInReview'; status: string }
  | { ok: false; reason: 'incomplete'; missing: string[] };

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && !value.trim());
}

/**
 * What publishing `version` changes, or why it cannot be published.
 * @param version the version to publish
 * @param publishedIds the versions published now (other than this one), newest first
 * @param userId who publishes
 * @param now the moment of publication
 * @param today the publisher's today
 */
export function planPublication(
  version: PublishableVersion,
  publishedIds: readonly string[],
  userId: string,
  now: IsoDateTime,
  today: IsoDate
): PublicationPlan {
  if (version.Status__c !== 'In Review') {
    return { ok: false, reason: 'notInReview', status: String(version.Status__c ?? '') };
  }
  const missing = PUBLISH_REQUIRED_FIELDS.filter((field) => isBlank(version[field]));
  if (missing.length > 0) {
    return { ok: false, reason: 'incomplete', missing };
  }
  const superseded = publishedIds.filter((id) => id !== version.Id);
  return {
    ok: true,
    version: {
      Status__c: 'Published',
      Published_At__c: now,
      Published_By__c: userId,
      Next_Review_Date__c: addMonths(today, REVIEW_AFTER_MONTHS),
      Previous_Version__c: isBlank(version.Previous_Version__c)
        ? (superseded[0] ?? null)
        : version.Previous_Version__c
    },
    superseded
  };
}

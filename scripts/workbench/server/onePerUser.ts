/**
 * The workbench's twin of OnePerUserTriggerHandler (Apex): one acknowledgement per user and
 * strategy version, one vote per user and idea, one enrolment per seller and programme. Before a
 * save it fills a blank user with the acting user, stamps Unique_Key__c (parent Id + user Id in
 * upper case) and refuses a duplicate with the same custom label the trigger shows.
 */
import type { OrgRecord } from '../../org/embeddedOrg';

interface OnePerUserRule {
  parentField: string;
  userField: string;
  /** The custom label the trigger passes as its duplicate message. */
  duplicateLabel: string;
}

/** Mirrors the triggers in force-app/main/default/triggers (a test keeps them in step). */
export const ONE_PER_USER: Readonly<Record<string, OnePerUserRule>> = {
  Strategy_Acknowledgement__c: {
    parentField: 'Strategy_Version__c',
    userField: 'User__c',
    duplicateLabel: 'SSM_Already_Acknowledged'
  },
  Idea_Vote__c: {
    parentField: 'Improvement_Idea__c',
    userField: 'Voter__c',
    duplicateLabel: 'SSM_Already_Voted'
  },
  Program_Enrollment__c: {
    parentField: 'Development_Program__c',
    userField: 'Seller__c',
    duplicateLabel: 'SSM_Already_Enrolled'
  }
};

export function uniqueKeyOf(parentId: unknown, userId: unknown): string | null {
  return typeof parentId === 'string' && parentId && typeof userId === 'string' && userId
    ? `${parentId}${userId}`.toUpperCase()
    : null;
}

/**
 * Stamps the user and unique key on `record` (a record about to be saved) and returns the
 * duplicate message label when another record already holds the key, or null.
 */
export function stampOnePerUser(
  record: Record<string, unknown>,
  existing: readonly OrgRecord[],
  actingUserId: string
): string | null {
  const rule = ONE_PER_USER[String((record.attributes as { type?: string })?.type ?? '')];
  if (!rule) return null;
  if (!record[rule.userField]) record[rule.userField] = actingUserId;
  const key = uniqueKeyOf(record[rule.parentField], record[rule.userField]);
  record.Unique_Key__c = key;
  if (!key) return null;
  const duplicate = existing.some(
    (other) =>
      other.Id !== record.Id && uniqueKeyOf(other[rule.parentField], other[rule.userField]) === key
  );
  return duplicate ? rule.duplicateLabel : null;
}

/**
 * What the strategy sign-off card shows of the Apex facts (StrategyController.getSignOff): each
 * member's row with their decision in words and an icon (never colour alone), when they decided
 * in the user's locale, and how many have approved. Pure: the labels come in as arguments.
 */
import { formatLabel } from 'c/labelFormat';
import { BLANK, dateTimeText } from 'c/userFormat';

export const APPROVED = 'Approved';
export const COMMENTED = 'Commented';
export const PENDING = 'Pending';

export interface SignOffLabels {
  pending: string;
  approved: string;
  commented: string;
  you: string;
}

export interface MemberRow {
  key: string;
  name: string;
  role: string;
  decision: string;
  decisionText: string;
  icon: string;
  comment: string;
  when: string;
  isRunningUser: boolean;
}

const ICONS: Readonly<Record<string, string>> = {
  [APPROVED]: 'utility:success',
  [COMMENTED]: 'utility:comments',
  [PENDING]: 'utility:clock'
};

/** A member's decision in words: Pending for a row that has none. */
export function decisionText(decision: string | null | undefined, labels: SignOffLabels): string {
  if (decision === APPROVED) return labels.approved;
  if (decision === COMMENTED) return labels.commented;
  return labels.pending;
}

/** The group's rows as the table shows them, in the order Apex gives (by name). */
export function memberRows(
  members: readonly ApexGenerated.StrategyController_SignOffMember[],
  labels: SignOffLabels
): MemberRow[] {
  return members.map((member, index) => {
    const decision = member.decision ?? PENDING;
    const name = member.name ?? '';
    return {
      key: member.id ?? `member-${index}`,
      name: member.isRunningUser ? formatLabel(labels.you, name) : name,
      role: member.role ?? BLANK,
      decision,
      decisionText: decisionText(decision, labels),
      icon: ICONS[decision] ?? ICONS[PENDING],
      comment: member.comment ?? '',
      when: member.decidedAt ? dateTimeText(member.decidedAt) : BLANK,
      isRunningUser: member.isRunningUser === true
    };
  });
}

/** How many members have approved. */
export function approvedCount(
  members: readonly ApexGenerated.StrategyController_SignOffMember[]
): number {
  return members.filter((member) => member.decision === APPROVED).length;
}

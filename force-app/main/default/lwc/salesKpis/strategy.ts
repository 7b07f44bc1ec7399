/**
 * Strategy versions: what changed against the previous version, section by section, and how far
 * the published version has been read (acknowledgement rate overall and per manager's team, who
 * has not acknowledged, days since publication, overdue review). Pure functions; "today" is a
 * parameter.
 */
import type { IsoDate, IsoDateTime } from './facts';
import { daysBetween, isoDate, utcDayOf } from './periods';
import { ratio } from './ratios';

/** The rich-text sections of a `Strategy_Version__c`, in the order the method lists them. */
export const STRATEGY_SECTIONS = [
  'Governance_Model__c',
  'Segmentation__c',
  'Sales_Process__c',
  'Customer_Interaction_Model__c',
  'Compensation_Principles__c',
  'Coaching_Model__c',
  'Development_Programme__c'
] as const;

/** The KPI targets of a `Strategy_Version__c`. */
export const STRATEGY_TARGET_FIELDS = [
  'Target_Pipeline_Coverage__c',
  'Target_Win_Rate__c',
  'Target_Data_Quality_Score__c',
  'Target_Time_With_Customers__c',
  'Target_Coaching_Sessions__c',
  'Target_Forecast_Accuracy__c',
  'Target_Team_Variable_Share__c',
  'Target_Strategic_KPI_Share__c'
] as const;

export type StrategySection = (typeof STRATEGY_SECTIONS)[number];
export type StrategyTargetField = (typeof STRATEGY_TARGET_FIELDS)[number];

/** A `Strategy_Version__c` as the strategy KPIs read it; fields keep their API names. */
export type StrategyVersionFacts = {
  Id: string;
  Name?: string | null;
  Version_Number__c?: number | null;
  Status__c?: string | null;
  Effective_From__c?: IsoDate | null;
  Next_Review_Date__c?: IsoDate | null;
  Published_At__c?: IsoDateTime | null;
  What_Changed__c?: string | null;
} & Partial<Record<StrategySection, string | null>> &
  Partial<Record<StrategyTargetField, number | null>>;

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' '
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X'
          ? parseInt(entity.slice(2), 16)
          : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[entity.toLowerCase()] ?? match;
  });
}

/**
 * The blocks of a rich-text field as plain text: each paragraph, list item, heading or line
 * break starts a new block; tags are dropped, entities decoded and white space collapsed. Empty
 * blocks are left out. Used to compare two versions of a section without rendering HTML.
 */
export function richTextBlocks(html: string | null | undefined): string[] {
  if (!html) {
    return [];
  }
  const marked = html.replace(/<\s*(\/?\s*(p|li|h[1-6]|div|ul|ol|tr)\b[^>]*|br\s*\/?)>/gi, '\n');
  const text = decodeEntities(marked.replace(/<[^>]*>/g, ''));
  return text
    .split('\n')
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => block.length > 0);
}

export type SectionStatus = 'added' | 'removed' | 'changed' | 'unchanged';

/** How one section differs from the previous version. */
export interface SectionChange {
  field: StrategySection;
  status: SectionStatus;
  /** Blocks in this version that the previous one did not have, in this version's order. */
  added: string[];
  /** Blocks of the previous version that this one no longer has, in their old order. */
  removed: string[];
}

/** One KPI target beside its previous value. */
export interface TargetChange {
  field: StrategyTargetField;
  previous: number | null;
  current: number | null;
  changed: boolean;
}

export interface StrategyChanges {
  /** False for a first version (no previous version to compare with). */
  hasPrevious: boolean;
  sections: SectionChange[];
  targets: TargetChange[];
  /** Sections that are not unchanged plus targets that changed. */
  changeCount: number;
}

function without(blocks: readonly string[], other: readonly string[]): string[] {
  const remaining = new Map<string, number>();
  for (const block of other) {
    remaining.set(block, (remaining.get(block) ?? 0) + 1);
  }
  const result: string[] = [];
  for (const block of blocks) {
    const count = remaining.get(block) ?? 0;
    if (count > 0) {
      remaining.set(block, count - 1);
    } else {
      result.push(block);
    }
  }
  return result;
}

function sectionChange(
  field: StrategySection,
  current: StrategyVersionFacts,
  previous: StrategyVersionFacts | null
): SectionChange {
  const now = richTextBlocks(current[field]);
  if (!previous) {
    return { field, status: now.length ? 'added' : 'unchanged', added: now, removed: [] };
  }
  const before = richTextBlocks(previous[field]);
  const added = without(now, before);
  const removed = without(before, now);
  let status: SectionStatus = 'unchanged';
  if (before.length === 0 && now.length > 0) {
    status = 'added';
  } else if (now.length === 0 && before.length > 0) {
    status = 'removed';
  } else if (added.length > 0 || removed.length > 0 || now.join('\n') !== before.join('\n')) {
    // Same blocks in a new order still count as a change.
    status = 'changed';
  }
  return { field, status, added, removed };
}

function numberOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * What changed in `current` against `previous`, section by section (compared as plain-text
 * blocks, so markup-only edits do not count) and target by target. Without a previous version
 * every non-empty section is "added" and no target counts as changed.
 */
export function whatChanged(
  current: StrategyVersionFacts,
  previous: StrategyVersionFacts | null
): StrategyChanges {
  const sections = STRATEGY_SECTIONS.map((field) => sectionChange(field, current, previous));
  const targets = STRATEGY_TARGET_FIELDS.map((field) => {
    const now = numberOrNull(current[field]);
    const before = previous ? numberOrNull(previous[field]) : null;
    return { field, previous: before, current: now, changed: previous !== null && now !== before };
  });
  const changeCount =
    sections.filter((section) => section.status !== 'unchanged').length +
    targets.filter((target) => target.changed).length;
  return { hasPrevious: previous !== null, sections, targets, changeCount };
}

/** A user who should acknowledge the strategy: active, holding SSM_Seller or SSM_Manager. */
export interface AudienceMember {
  Id: string;
  Name?: string | null;
  ManagerId?: string | null;
  Manager?: { Name?: string | null } | null;
}

/** A `Strategy_Acknowledgement__c` row. */
export interface StrategyAcknowledgement {
  Strategy_Version__c: string;
  User__c: string;
  Acknowledged_At__c?: IsoDateTime | null;
}

/** Acknowledgement of one manager's direct reports (or of people without a manager). */
export interface TeamAdoption {
  /** The manager's user Id; null for audience members without a manager. */
  managerId: string | null;
  managerName: string | null;
  memberCount: number;
  acknowledgedCount: number;
  rate: number | null;
}

export interface StrategyAdoption {
  audienceCount: number;
  acknowledgedCount: number;
  /** acknowledged audience members / audience; null for an empty audience. */
  rate: number | null;
  /** By manager, lowest rate first, then manager name; no-manager group last. */
  teams: TeamAdoption[];
  /** Audience members without an acknowledgement of the version, by name. */
  pending: AudienceMember[];
  /** Today minus the UTC date of Published_At__c; null when not published. */
  daysSincePublication: number | null;
  /** Next_Review_Date__c is before today. */
  reviewOverdue: boolean;
  /** Days since the review date when overdue, otherwise 0. */
  daysReviewOverdue: number;
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The users who acknowledged the version. Acknowledgements of other versions are ignored. */
export function acknowledgedUsers(
  versionId: string,
  acknowledgements: readonly StrategyAcknowledgement[]
): Map<string, StrategyAcknowledgement> {
  const result = new Map<string, StrategyAcknowledgement>();
  for (const acknowledgement of acknowledgements) {
    if (acknowledgement.Strategy_Version__c === versionId) {
      result.set(acknowledgement.User__c, acknowledgement);
    }
  }
  return result;
}

/** Days from the UTC date of a date-time to `today`; null when blank. */
export function daysSince(dateTime: IsoDateTime | null | undefined, today: IsoDate): number | null {
  return dateTime ? daysBetween(isoDate(utcDayOf(dateTime)), today) : null;
}

/**
 * Adoption of a published version. Only audience members count: an acknowledgement by someone
 * outside the audience (an admin) neither raises the rate nor appears in a team. A team is a
 * manager's direct reports in the audience (`User.ManagerId`).
 */
export function computeAdoption(
  version: StrategyVersionFacts,
  audience: readonly AudienceMember[],
  acknowledgements: readonly StrategyAcknowledgement[],
  today: IsoDate
): StrategyAdoption {
  const acknowledged = acknowledgedUsers(version.Id, acknowledgements);
  const teams = new Map<string, TeamAdoption>();
  const pending: AudienceMember[] = [];
  let acknowledgedCount = 0;
  for (const member of audience) {
    const managerId = member.ManagerId ?? null;
    const key = managerId ?? '';
    let team = teams.get(key);
    if (!team) {
      team = {
        managerId,
        managerName: managerId ? (member.Manager?.Name ?? null) : null,
        memberCount: 0,
        acknowledgedCount: 0,
        rate: null
      };
      teams.set(key, team);
    }
    team.memberCount++;
    if (acknowledged.has(member.Id)) {
      team.acknowledgedCount++;
      acknowledgedCount++;
    } else {
      pending.push(member);
    }
  }
  const teamList = [...teams.values()].map((team) => ({
    ...team,
    rate: ratio(team.acknowledgedCount, team.memberCount)
  }));
  teamList.sort((a, b) => {
    if ((a.managerId === null) !== (b.managerId === null)) {
      return a.managerId === null ? 1 : -1;
    }
    if (a.rate !== b.rate) {
      return (a.rate ?? 0) - (b.rate ?? 0);
    }
    return byName({ name: a.managerName ?? '' }, { name: b.managerName ?? '' });
  });
  pending.sort((a, b) => byName({ name: a.Name ?? a.Id }, { name: b.Name ?? b.Id }));
  const review = version.Next_Review_Date__c ?? null;
  const daysReviewOverdue = review ? Math.max(0, daysBetween(review, today)) : 0;
  return {
    audienceCount: audience.length,
    acknowledgedCount,
    rate: ratio(acknowledgedCount, audience.length),
    teams: teamList,
    pending,
    daysSincePublication: daysSince(version.Published_At__c, today),
    reviewOverdue: daysReviewOverdue > 0,
    daysReviewOverdue
  };
}

/**
 * Skills and development KPIs (PRODUCT.md M12): a seller's score per skill against its target,
 * the gaps ranked, the development programmes recommended for the largest gaps, and for managers
 * the team's skill matrix, the average gap per skill and the share of sellers in development.
 *
 * Definitions (KPI_DEFINITIONS.md "skill gap", with the choices it leaves open):
 * - The assessment that counts is the latest per seller and skill: the latest
 *   `Assessment_Date__c`; on the same date, the one listed last (Apex orders by date, then
 *   CreatedDate, so that is the one entered last).
 * - Skill gap = `Target_Score__c` - `Score__c`, 0 when the target is met or exceeded. An
 *   assessment with a blank score or target has no gap (null) and is left out of averages.
 * - Average gap per skill = mean gap of the sellers assessed on that skill (a seller not assessed
 *   on it is not counted as 0: nobody knows their gap).
 * - An active enrolment is one with status Enrolled or In Progress. Share of sellers in
 *   development = sellers with at least one active enrolment / sellers.
 * - Recommended programmes: for each skill with a gap, among the `maxRecommendedSkills` largest
 *   gaps, the active programmes of that skill the seller is not already in (a Withdrawn
 *   enrolment does not count as in), shortest first (blank hours last), then by name.
 */
import type { CoachingSession, IsoDate, TeamMember } from './facts';
import { dayNumber } from './periods';
import { mean, ratio } from './ratios';

/** A `Skill_Assessment__c` row. */
export interface SkillAssessment {
  Id?: string;
  Seller__c: string;
  Skill__c: string;
  /** 1-5; blank when not scored. */
  Score__c: number | null;
  /** 1-5; blank when no target was set. */
  Target_Score__c: number | null;
  Assessment_Date__c: IsoDate;
}

/** A `Development_Program__c` row. */
export interface DevelopmentProgram {
  Id: string;
  Name?: string;
  Skill__c: string | null;
  Format__c?: string | null;
  Hours__c?: number | null;
  Active__c: boolean;
}

/** A `Program_Enrollment__c` row. */
export interface ProgramEnrollment {
  Id?: string;
  Development_Program__c: string;
  Seller__c: string;
  Status__c: string;
  Enrolled_On__c?: IsoDate | null;
  Completed_On__c?: IsoDate | null;
}

/** Enrolment statuses that mean the seller is developing now. */
export const ACTIVE_ENROLLMENT_STATUSES: readonly string[] = ['Enrolled', 'In Progress'];

/** How many of the largest gaps get programme recommendations by default. */
export const DEFAULT_RECOMMENDED_SKILLS = 3;

/** One seller's latest assessment of one skill. */
export interface SkillGap {
  sellerId: string;
  skill: string;
  score: number | null;
  target: number | null;
  /** target - score, 0 when met; null when score or target is blank. */
  gap: number | null;
  assessedOn: IsoDate;
}

/** Whether an enrolment counts as active development. */
export function isActiveEnrollment(enrollment: ProgramEnrollment): boolean {
  return ACTIVE_ENROLLMENT_STATUSES.includes(enrollment.Status__c);
}

/** Target - score, never below 0; null when either is blank. */
export function skillGapOf(score: number | null, target: number | null): number | null {
  if (typeof score !== 'number' || typeof target !== 'number') {
    return null;
  }
  return Math.max(0, target - score);
}

function gapKey(sellerId: string, skill: string): string {
  return `${sellerId}\u0000${skill}`;
}

/**
 * The latest assessment per seller and skill, as gaps, keyed by seller then skill. Later dates
 * win; on the same date the one listed last wins.
 */
export function latestSkillGaps(
  assessments: readonly SkillAssessment[]
): Map<string, Map<string, SkillGap>> {
  const latest = new Map<string, SkillAssessment>();
  for (const assessment of assessments) {
    const key = gapKey(assessment.Seller__c, assessment.Skill__c);
    const current = latest.get(key);
    if (
      !current ||
      dayNumber(assessment.Assessment_Date__c) >= dayNumber(current.Assessment_Date__c)
    ) {
      latest.set(key, assessment);
    }
  }
  const bySeller = new Map<string, Map<string, SkillGap>>();
  for (const assessment of latest.values()) {
    let skills = bySeller.get(assessment.Seller__c);
    if (!skills) {
      skills = new Map();
      bySeller.set(assessment.Seller__c, skills);
    }
    skills.set(assessment.Skill__c, {
      sellerId: assessment.Seller__c,
      skill: assessment.Skill__c,
      score: assessment.Score__c,
      target: assessment.Target_Score__c,
      gap: skillGapOf(assessment.Score__c, assessment.Target_Score__c),
      assessedOn: assessment.Assessment_Date__c
    });
  }
  return bySeller;
}

/** A programme recommended or taken, with the seller's enrolment in it if any. */
export interface ProgramView {
  program: DevelopmentProgram;
  enrollment: ProgramEnrollment | null;
}

/** One skill of a seller's profile. */
export interface SkillProfileRow extends SkillGap {
  /** 1 for the largest gap; skills with a null gap come last. */
  rank: number;
  /** Active programmes recommended for this gap (empty unless among the largest gaps). */
  recommended: DevelopmentProgram[];
  /** The seller's enrolments in this skill's programmes, any status. */
  enrollments: ProgramView[];
  /** Coaching sessions of the seller whose focus area is this skill, latest first. */
  coaching: CoachingSession[];
}

/** A seller's skill profile. */
export interface SkillProfile {
  sellerId: string;
  /** Assessed skills ranked by gap, largest first. */
  rows: SkillProfileRow[];
  /** Skills of the catalogue the seller has never been assessed on, in catalogue order. */
  notAssessed: string[];
  /** Sum of the gaps of the assessed skills. */
  totalGap: number;
  /** Enrolments that are Enrolled or In Progress. */
  activeEnrollmentCount: number;
}

function byHoursThenName(a: DevelopmentProgram, b: DevelopmentProgram): number {
  const hoursA = typeof a.Hours__c === 'number' ? a.Hours__c : Infinity;
  const hoursB = typeof b.Hours__c === 'number' ? b.Hours__c : Infinity;
  if (hoursA !== hoursB) {
    return hoursA < hoursB ? -1 : 1;
  }
  return (a.Name ?? '').localeCompare(b.Name ?? '');
}

/**
 * Ranks gaps: the largest gap first; on equal gaps the skill listed first in `skills` (the
 * picklist's order), then by name; gaps that cannot be computed come last.
 */
function compareGaps(skills: readonly string[]) {
  const order = (skill: string) => {
    const index = skills.indexOf(skill);
    return index === -1 ? skills.length : index;
  };
  return (a: SkillGap, b: SkillGap): number => {
    const gapA = a.gap ?? -1;
    const gapB = b.gap ?? -1;
    if (gapA !== gapB) {
      return gapB - gapA;
    }
    const byOrder = order(a.skill) - order(b.skill);
    return byOrder !== 0 ? byOrder : a.skill.localeCompare(b.skill);
  };
}

/**
 * A seller's skill profile: the latest assessment per skill ranked by gap, programmes
 * recommended for the largest gaps, the seller's enrolments per skill and the coaching sessions
 * whose focus area is the skill. `skills` is the catalogue (the Sales_Skill value set, in order).
 */
export function computeSkillProfile(
  sellerId: string,
  facts: {
    skills: readonly string[];
    assessments: readonly SkillAssessment[];
    programs: readonly DevelopmentProgram[];
    enrollments: readonly ProgramEnrollment[];
    coachingSessions: readonly CoachingSession[];
  },
  maxRecommendedSkills: number = DEFAULT_RECOMMENDED_SKILLS
): SkillProfile {
  const gaps = [
    ...(latestSkillGaps(facts.assessments.filter((a) => a.Seller__c === sellerId))
      .get(sellerId)
      ?.values() ?? [])
  ].sort(compareGaps(facts.skills));
  const programsById = new Map(facts.programs.map((program) => [program.Id, program]));
  const ownEnrollments = facts.enrollments.filter((e) => e.Seller__c === sellerId);
  const takenProgramIds = new Set(
    ownEnrollments.filter((e) => e.Status__c !== 'Withdrawn').map((e) => e.Development_Program__c)
  );
  const rows: SkillProfileRow[] = gaps.map((gap, index) => {
    const recommend = gap.gap !== null && gap.gap > 0 && index < maxRecommendedSkills;
    const recommended = recommend
      ? facts.programs
          .filter(
            (program) =>
              program.Active__c &&
              program.Skill__c === gap.skill &&
              !takenProgramIds.has(program.Id)
          )
          .sort(byHoursThenName)
      : [];
    const enrollments: ProgramView[] = [];
    for (const enrollment of ownEnrollments) {
      const program = programsById.get(enrollment.Development_Program__c);
      if (program && program.Skill__c === gap.skill) {
        enrollments.push({ program, enrollment });
      }
    }
    const coaching = facts.coachingSessions
      .filter((session) => session.Seller__c === sellerId && session.Focus_Area__c === gap.skill)
      .sort((a, b) => dayNumber(b.Session_Date__c) - dayNumber(a.Session_Date__c));
    return { ...gap, rank: index + 1, recommended, enrollments, coaching };
  });
  const assessed = new Set(gaps.map((gap) => gap.skill));
  return {
    sellerId,
    rows,
    notAssessed: facts.skills.filter((skill) => !assessed.has(skill)),
    totalGap: gaps.reduce((sum, gap) => sum + (gap.gap ?? 0), 0),
    activeEnrollmentCount: ownEnrollments.filter(isActiveEnrollment).length
  };
}

/** One cell of the skill matrix: a seller's latest assessment of a skill, or null if none. */
export interface SkillMatrixRow {
  seller: TeamMember;
  cells: (SkillGap | null)[];
  hasActiveEnrollment: boolean;
}

/** The team's skill matrix (sellers x skills) and its aggregates. */
export interface SkillMatrix {
  skills: string[];
  rows: SkillMatrixRow[];
  /** Per skill, in `skills` order: mean gap of the sellers assessed on it; null if none. */
  averageGapBySkill: (number | null)[];
  /** Sellers with at least one Enrolled or In Progress enrolment. */
  sellersInDevelopment: number;
  /** sellersInDevelopment / sellers; null without sellers. */
  shareInDevelopment: number | null;
}

/**
 * The skill matrix of a team: one row per seller (in the order given), one column per skill of
 * the catalogue, each cell the latest assessment's gap. Assessments of people outside `sellers`
 * and of skills outside the catalogue are ignored.
 */
export function computeSkillMatrix(
  sellers: readonly TeamMember[],
  skills: readonly string[],
  assessments: readonly SkillAssessment[],
  enrollments: readonly ProgramEnrollment[]
): SkillMatrix {
  const gaps = latestSkillGaps(assessments);
  const developing = new Set(
    enrollments.filter(isActiveEnrollment).map((enrollment) => enrollment.Seller__c)
  );
  const rows = sellers.map((seller) => {
    const own = gaps.get(seller.Id);
    return {
      seller,
      cells: skills.map((skill) => own?.get(skill) ?? null),
      hasActiveEnrollment: developing.has(seller.Id)
    };
  });
  const averageGapBySkill = skills.map((_skill, column) =>
    mean(
      rows
        .map((row) => row.cells[column]?.gap)
        .filter((gap): gap is number => typeof gap === 'number')
    )
  );
  const sellersInDevelopment = rows.filter((row) => row.hasActiveEnrollment).length;
  return {
    skills: [...skills],
    rows,
    averageGapBySkill,
    sellersInDevelopment,
    shareInDevelopment: ratio(sellersInDevelopment, sellers.length)
  };
}

/** How a gap reads: met (0), small (under 2 points) or large (2 points or more). */
export type GapBand = 'met' | 'small' | 'large' | 'unknown';

/** The band a gap falls in; used with the number, never instead of it. */
export function gapBandOf(gap: number | null | undefined): GapBand {
  if (typeof gap !== 'number') {
    return 'unknown';
  }
  if (gap <= 0) {
    return 'met';
  }
  return gap < 2 ? 'small' : 'large';
}

/** The skill facts as Apex `SkillFacts` returns them, with blanks filled in. */
export interface SkillFactsInput {
  today: IsoDate;
  windowStart: IsoDate;
  sellerId: string | null;
  skills: string[];
  team: TeamMember[];
  assessments: SkillAssessment[];
  programs: DevelopmentProgram[];
  enrollments: ProgramEnrollment[];
  coachingSessions: CoachingSession[];
  /** `Target_Coaching_Sessions__c` of the published strategy, sessions per seller per month. */
  coachingTarget: number | null;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

/**
 * Apex `SkillFacts` (members Apex left null arrive as null or not at all) as the KPI module's
 * facts. Rows missing what a KPI needs to place them (a seller, a skill, a date) are kept with
 * empty text, so they show up rather than vanish.
 */
export function skillFactsFromApex(data: ApexGenerated.SkillFacts): SkillFactsInput {
  return {
    today: text(data.today),
    windowStart: text(data.windowStart),
    sellerId: data.sellerId ?? null,
    skills: data.skills ?? [],
    team: (data.team ?? []).map((user) => ({
      Id: text(user.Id),
      Name: text(user.Name),
      ManagerId: typeof user.ManagerId === 'string' ? user.ManagerId : null
    })),
    assessments: (data.assessments ?? []).map((row) => ({
      Id: row.Id,
      Seller__c: text(row.Seller__c),
      Skill__c: text(row.Skill__c),
      Score__c: numberOrNull(row.Score__c),
      Target_Score__c: numberOrNull(row.Target_Score__c),
      Assessment_Date__c: text(row.Assessment_Date__c)
    })),
    programs: (data.programs ?? []).map((row) => ({
      Id: text(row.Id),
      Name: text(row.Name),
      Skill__c: row.Skill__c ?? null,
      Format__c: row.Format__c ?? null,
      Hours__c: numberOrNull(row.Hours__c),
      Active__c: row.Active__c === true
    })),
    enrollments: (data.enrollments ?? []).map((row) => ({
      Id: row.Id,
      Development_Program__c: text(row.Development_Program__c),
      Seller__c: text(row.Seller__c),
      Status__c: text(row.Status__c),
      Enrolled_On__c: row.Enrolled_On__c ?? null,
      Completed_On__c: row.Completed_On__c ?? null
    })),
    coachingSessions: (data.coachingSessions ?? []).map((row) => ({
      Id: row.Id,
      Seller__c: text(row.Seller__c),
      Coach__c: text(row.Coach__c),
      Session_Date__c: text(row.Session_Date__c),
      Focus_Area__c: row.Focus_Area__c ?? null,
      Follow_Up_Date__c: row.Follow_Up_Date__c ?? null,
      Follow_Up_Completed__c: row.Follow_Up_Completed__c ?? null,
      Usefulness_Rating__c: numberOrNull(row.Usefulness_Rating__c)
    })),
    coachingTarget: numberOrNull(data.strategy?.Target_Coaching_Sessions__c)
  };
}

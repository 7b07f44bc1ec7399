/**
 * Sellers' improvement ideas (PRODUCT.md M14: "more time + better tools = more sales").
 *
 * Definitions:
 * - Votes are `Improvement_Idea__c.Vote_Count__c` (roll-up COUNT of `Idea_Vote__c`), blank = 0.
 * - Expected hours saved are `Expected_Hours_Saved__c`, per seller per month, blank = 0.
 * - Ranking by votes: most votes first, then most hours saved, then title. Ranking by hours
 *   saved: most hours first, then most votes, then title. Declined ideas rank with the others;
 *   the list shows their status.
 * - Hours saved per seller per month by implemented ideas = sum of the expected hours saved of
 *   the ideas whose status is Implemented (each idea's figure is already per seller per month, so
 *   they add up). Accepted ideas are the pipeline: accepted, not yet live.
 * - Share of working time = hours saved / working hours per month, where a month has
 *   hours per week x 52 / 12 working hours (37 hours a week, the default: 160.33 hours).
 */
import { DEFAULT_WORKING_HOURS_PER_WEEK } from './customerTime';
import { ratio } from './ratios';

/** The statuses of an idea, in the order an idea moves through them. */
export const IDEA_STATUSES = [
  'New',
  'Under Review',
  'Accepted',
  'Implemented',
  'Declined'
] as const;

/** An `Improvement_Idea__c` row. */
export interface ImprovementIdea {
  Id: string;
  Name: string;
  Area__c?: string | null;
  Description__c?: string | null;
  Status__c: string;
  /** Per seller per month. */
  Expected_Hours_Saved__c: number | null;
  Vote_Count__c: number | null;
  Decision_Note__c?: string | null;
  OwnerId?: string;
}

/** An `Idea_Vote__c` row. */
export interface IdeaVote {
  Improvement_Idea__c: string;
  Voter__c: string;
}

export type IdeaOrder = 'votes' | 'hoursSaved';

function votesOf(idea: ImprovementIdea): number {
  return typeof idea.Vote_Count__c === 'number' ? idea.Vote_Count__c : 0;
}

function hoursOf(idea: ImprovementIdea): number {
  return typeof idea.Expected_Hours_Saved__c === 'number' ? idea.Expected_Hours_Saved__c : 0;
}

/** The ideas ordered by votes or by expected hours saved (a new array). */
export function rankIdeas(ideas: readonly ImprovementIdea[], order: IdeaOrder): ImprovementIdea[] {
  const primary = order === 'votes' ? votesOf : hoursOf;
  const secondary = order === 'votes' ? hoursOf : votesOf;
  return [...ideas].sort(
    (a, b) => primary(b) - primary(a) || secondary(b) - secondary(a) || a.Name.localeCompare(b.Name)
  );
}

export interface IdeaKpis {
  ideaCount: number;
  implementedCount: number;
  /** Sum of expected hours saved of implemented ideas, per seller per month. */
  hoursSavedPerSellerPerMonth: number;
  /** The same over accepted ideas: time that is on its way. */
  acceptedHoursPerSellerPerMonth: number;
  /** hoursSavedPerSellerPerMonth / working hours per month. */
  shareOfWorkingTime: number | null;
  /** Ideas per status, every status present (0 when none). */
  countByStatus: Record<string, number>;
}

/** Working hours in an average month: hours per week x 52 weeks / 12 months. */
export function workingHoursPerMonth(workingHoursPerWeek: number): number {
  return (workingHoursPerWeek * 52) / 12;
}

/**
 * The ideas' KPIs: hours saved per seller per month by implemented ideas, the accepted pipeline,
 * the share of a seller's working month that gives back, and the count per status. A status
 * outside the known ones is counted under its own name rather than dropped.
 */
export function computeIdeaKpis(
  ideas: readonly ImprovementIdea[],
  workingHoursPerWeek: number = DEFAULT_WORKING_HOURS_PER_WEEK
): IdeaKpis {
  const countByStatus: Record<string, number> = {};
  for (const status of IDEA_STATUSES) {
    countByStatus[status] = 0;
  }
  let implemented = 0;
  let hoursSaved = 0;
  let acceptedHours = 0;
  for (const idea of ideas) {
    countByStatus[idea.Status__c] = (countByStatus[idea.Status__c] ?? 0) + 1;
    if (idea.Status__c === 'Implemented') {
      implemented++;
      hoursSaved += hoursOf(idea);
    } else if (idea.Status__c === 'Accepted') {
      acceptedHours += hoursOf(idea);
    }
  }
  return {
    ideaCount: ideas.length,
    implementedCount: implemented,
    hoursSavedPerSellerPerMonth: hoursSaved,
    acceptedHoursPerSellerPerMonth: acceptedHours,
    shareOfWorkingTime: ratio(hoursSaved, workingHoursPerMonth(workingHoursPerWeek)),
    countByStatus
  };
}

/** An idea as the list shows it: the KPI fields plus its submitter's name. */
export interface IdeaRow extends ImprovementIdea {
  submitterName: string;
}

/** Apex `Improvement_Idea__c` rows (with Owner.Name) as the module's ideas, blanks filled in. */
export function ideasFromApex(rows: readonly ApexGenerated.Improvement_Idea__c[]): IdeaRow[] {
  return rows.map((row) => {
    const owner = row.Owner as { Name?: unknown } | null | undefined;
    return {
      Id: row.Id ?? '',
      Name: row.Name ?? '',
      Area__c: row.Area__c ?? null,
      Description__c: row.Description__c ?? null,
      Status__c: row.Status__c ?? '',
      Expected_Hours_Saved__c:
        typeof row.Expected_Hours_Saved__c === 'number' ? row.Expected_Hours_Saved__c : null,
      Vote_Count__c: typeof row.Vote_Count__c === 'number' ? row.Vote_Count__c : null,
      Decision_Note__c: row.Decision_Note__c ?? null,
      OwnerId: typeof row.OwnerId === 'string' ? row.OwnerId : undefined,
      submitterName: typeof owner?.Name === 'string' ? owner.Name : ''
    };
  });
}

/**
 * Account plans: objective progress and due dates, the buying centre (stakeholders by influence
 * and attitude, the roles nobody covers), the review schedule and the untapped wallet. Pure
 * functions; "today" is a parameter.
 */
import type { IsoDate } from './facts';
import { daysBetween } from './periods';
import { amountOf, mean, percentToFraction } from './ratios';

/** An `Account_Plan_Objective__c` row. */
export interface PlanObjective {
  Id: string;
  Name: string;
  Description__c?: string | null;
  Due_Date__c?: IsoDate | null;
  Status__c?: string | null;
  /** 0-100. */
  Progress__c?: number | null;
}

/** An `Account_Plan_Stakeholder__c` row; `Contact__r.Name` when the query follows the lookup. */
export interface PlanStakeholder {
  Id: string;
  Name: string;
  Buying_Role__c?: string | null;
  Attitude__c?: string | null;
  Influence__c?: string | null;
  Notes__c?: string | null;
  Contact__r?: { Name?: string | null } | null;
}

export const OBJECTIVE_DONE_STATUSES: readonly string[] = ['Achieved', 'Missed'];

export interface ObjectiveProgress {
  objective: PlanObjective;
  /** Progress__c as a fraction; an achieved objective counts as 1 whatever its progress. */
  progress: number;
  /** Due before today and neither achieved nor missed. */
  overdue: boolean;
  /** Due date minus today; negative when past; null without a due date. */
  daysToDue: number | null;
}

/** Each objective's progress and due state, by due date (blank last), then name. */
export function objectiveProgress(
  objectives: readonly PlanObjective[],
  today: IsoDate
): ObjectiveProgress[] {
  return objectives
    .map((objective) => {
      const daysToDue = objective.Due_Date__c ? daysBetween(today, objective.Due_Date__c) : null;
      const done = OBJECTIVE_DONE_STATUSES.includes(objective.Status__c ?? '');
      return {
        objective,
        progress:
          objective.Status__c === 'Achieved'
            ? 1
            : Math.min(1, Math.max(0, percentToFraction(objective.Progress__c) ?? 0)),
        overdue: !done && daysToDue !== null && daysToDue < 0,
        daysToDue
      };
    })
    .sort((a, b) => {
      const da = a.objective.Due_Date__c ?? '9999-12-31';
      const db = b.objective.Due_Date__c ?? '9999-12-31';
      if (da !== db) {
        return da < db ? -1 : 1;
      }
      return a.objective.Name < b.objective.Name ? -1 : a.objective.Name > b.objective.Name ? 1 : 0;
    });
}

/** Mean progress of the plan's objectives; null without objectives. */
export function planProgress(progress: readonly ObjectiveProgress[]): number | null {
  return mean(progress.map((row) => row.progress));
}

export const INFLUENCE_LEVELS = ['High', 'Medium', 'Low'] as const;
export const ATTITUDES = ['Supporter', 'Neutral', 'Skeptic', 'Opponent'] as const;
/** The roles a buying centre should cover; each missing one is a gap to close. */
export const KEY_BUYING_ROLES = ['Decision Maker', 'Economic Buyer', 'Champion'] as const;

export interface BuyingCentreCell {
  influence: string;
  attitude: string;
  stakeholders: PlanStakeholder[];
}

export interface BuyingCentre {
  /** One row per influence level (High first), one cell per attitude (Supporter first). */
  rows: { influence: string; cells: BuyingCentreCell[] }[];
  /** Stakeholders with a blank or unknown influence or attitude: listed, never dropped. */
  unplaced: PlanStakeholder[];
  /** Key roles no stakeholder holds. */
  missingRoles: string[];
  supporters: number;
  opponents: number;
}

/**
 * The buying centre as a power map: stakeholders by influence (rows) and attitude (columns),
 * sorted by name within a cell; skeptics and opponents count as opponents.
 */
export function buyingCentre(stakeholders: readonly PlanStakeholder[]): BuyingCentre {
  const sorted = [...stakeholders].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
  const rows = INFLUENCE_LEVELS.map((influence) => ({
    influence,
    cells: ATTITUDES.map((attitude) => ({
      influence,
      attitude,
      stakeholders: sorted.filter(
        (person) => person.Influence__c === influence && person.Attitude__c === attitude
      )
    }))
  }));
  const unplaced = sorted.filter(
    (person) =>
      !(INFLUENCE_LEVELS as readonly string[]).includes(person.Influence__c ?? '') ||
      !(ATTITUDES as readonly string[]).includes(person.Attitude__c ?? '')
  );
  const roles = new Set(sorted.map((person) => person.Buying_Role__c ?? ''));
  return {
    rows,
    unplaced,
    missingRoles: KEY_BUYING_ROLES.filter((role) => !roles.has(role)),
    supporters: sorted.filter((person) => person.Attitude__c === 'Supporter').length,
    opponents: sorted.filter(
      (person) => person.Attitude__c === 'Skeptic' || person.Attitude__c === 'Opponent'
    ).length
  };
}

export interface ReviewStatus {
  nextReview: IsoDate | null;
  /** Next review date minus today; negative when past; null without a date. */
  daysToReview: number | null;
  overdue: boolean;
}

/** When the plan is next reviewed and whether that date has passed. */
export function reviewStatus(
  plan: { Next_Review_Date__c?: IsoDate | null },
  today: IsoDate
): ReviewStatus {
  const nextReview = plan.Next_Review_Date__c ?? null;
  const daysToReview = nextReview ? daysBetween(today, nextReview) : null;
  return { nextReview, daysToReview, overdue: daysToReview !== null && daysToReview < 0 };
}

/**
 * The untapped wallet: `Wallet_Size__c` (what the customer spends on what we sell in the plan's
 * period) minus what we won from the account in that period, never below 0; null without a
 * wallet size.
 */
export function untappedWallet(
  walletSize: number | null | undefined,
  wonInPeriod: number | null | undefined
): number | null {
  return typeof walletSize === 'number' ? Math.max(0, walletSize - amountOf(wonInPeriod)) : null;
}

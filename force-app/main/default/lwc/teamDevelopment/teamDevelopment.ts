/**
 * Team development for managers: the skill matrix (sellers x skills, each cell the gap as a
 * number with a band word for screen readers, coloured by band as a second signal only), the
 * average gap per skill, the share of sellers with an active enrolment, and the coaching-quality
 * KPIs of c/salesKpis (computeCoachingQuality) over the last 90 days.
 */
import { LightningElement, api, wire } from 'lwc';
import getTeamDevelopment from '@salesforce/apex/TeamDevelopmentController.getTeamDevelopment';
import {
  computeCoachingQuality,
  computeSkillMatrix,
  dateRange,
  gapBandOf,
  skillFactsFromApex,
  type GapBand,
  type SkillFactsInput,
  type SkillMatrix
} from 'c/salesKpis';
import titleLabel from '@salesforce/label/c.SSM_Team_Dev_Title';
import loadingLabel from '@salesforce/label/c.SSM_Team_Dev_Loading';
import loadFailedLabel from '@salesforce/label/c.SSM_Team_Dev_Load_Failed';
import emptyLabel from '@salesforce/label/c.SSM_Team_Dev_Empty';
import matrixLabel from '@salesforce/label/c.SSM_Team_Dev_Matrix';
import legendLabel from '@salesforce/label/c.SSM_Team_Dev_Legend';
import sellerLabel from '@salesforce/label/c.SSM_Team_Dev_Seller';
import inDevelopmentLabel from '@salesforce/label/c.SSM_Team_Dev_In_Development';
import yesLabel from '@salesforce/label/c.SSM_Team_Dev_Yes';
import noLabel from '@salesforce/label/c.SSM_Team_Dev_No';
import averageGapLabel from '@salesforce/label/c.SSM_Team_Dev_Average_Gap';
import notAssessedLabel from '@salesforce/label/c.SSM_Team_Dev_Not_Assessed';
import cellLabel from '@salesforce/label/c.SSM_Team_Dev_Cell';
import shareLabel from '@salesforce/label/c.SSM_Team_Dev_Share';
import coachingLabel from '@salesforce/label/c.SSM_Team_Dev_Coaching';
import managerLabel from '@salesforce/label/c.SSM_Team_Dev_Manager';
import sessionsLabel from '@salesforce/label/c.SSM_Team_Dev_Sessions';
import sessionsValueLabel from '@salesforce/label/c.SSM_Team_Dev_Sessions_Value';
import coverageLabel from '@salesforce/label/c.SSM_Team_Dev_Coverage';
import usefulnessLabel from '@salesforce/label/c.SSM_Team_Dev_Usefulness';
import followUpLabel from '@salesforce/label/c.SSM_Team_Dev_Follow_Up';
import blankLabel from '@salesforce/label/c.SSM_Team_Dev_Blank';
import bandMetLabel from '@salesforce/label/c.SSM_Skills_Band_Met';
import bandSmallLabel from '@salesforce/label/c.SSM_Skills_Band_Small';
import bandLargeLabel from '@salesforce/label/c.SSM_Skills_Band_Large';
import bandUnknownLabel from '@salesforce/label/c.SSM_Skills_Band_Unknown';
import { formatLabel, picklistLabel } from 'c/labelFormat';
import { decimal, percent } from 'c/userFormat';

const BAND_LABELS: Record<GapBand, string> = {
  met: bandMetLabel,
  small: bandSmallLabel,
  large: bandLargeLabel,
  unknown: bandUnknownLabel
};

/** The skills are the Sales_Skill global value set, shared by every skill field. */
const SKILL_FIELD = 'Skill_Assessment__c.Skill__c';

function number(value: number | null | undefined): string {
  return typeof value === 'number' ? decimal(value) : blankLabel;
}

function share(value: number | null | undefined): string {
  return typeof value === 'number' ? percent(value) : blankLabel;
}

export default class TeamDevelopment extends LightningElement {
  /** The manager whose team to show; blank shows the running user's team. */
  @api managerId: string | null = null;

  @wire(getTeamDevelopment, { managerId: '$managerId' })
  wiredTeam: ApexGenerated.WireResult<ApexGenerated.SkillFacts> | undefined;

  readonly labels = {
    title: titleLabel,
    loading: loadingLabel,
    loadFailed: loadFailedLabel,
    empty: emptyLabel,
    matrix: matrixLabel,
    legend: legendLabel,
    seller: sellerLabel,
    inDevelopment: inDevelopmentLabel,
    averageGap: averageGapLabel,
    coaching: coachingLabel,
    manager: managerLabel,
    sessions: sessionsLabel,
    coverage: coverageLabel,
    usefulness: usefulnessLabel,
    followUp: followUpLabel
  };

  get loadError(): unknown {
    return this.wiredTeam?.error ?? null;
  }

  get isLoading(): boolean {
    return !this.wiredTeam?.data && !this.loadError;
  }

  get facts(): SkillFactsInput | null {
    const data = this.wiredTeam?.data;
    return data ? skillFactsFromApex(data) : null;
  }

  /** Everyone in the team but the manager it is shown for (the first member). */
  get matrix(): SkillMatrix | null {
    const facts = this.facts;
    if (!facts) return null;
    return computeSkillMatrix(
      facts.team.slice(1),
      facts.skills,
      facts.assessments,
      facts.enrollments
    );
  }

  get hasSellers(): boolean {
    return (this.matrix?.rows.length ?? 0) > 0;
  }

  /** Each skill by its label in the user's language; the matrix keeps the values as columns. */
  get skillHeaders(): { key: string; name: string }[] {
    const labels = this.wiredTeam?.data?.picklistLabels;
    return (this.matrix?.skills ?? []).map((skill) => ({
      key: skill,
      name: picklistLabel(labels, SKILL_FIELD, skill)
    }));
  }

  get matrixRows() {
    return (this.matrix?.rows ?? []).map((row) => ({
      key: row.seller.Id,
      name: row.seller.Name ?? row.seller.Id,
      inDevelopment: row.hasActiveEnrollment ? yesLabel : noLabel,
      cells: row.cells.map((cell, column) => {
        const band = cell ? gapBandOf(cell.gap) : 'unknown';
        return {
          key: `${row.seller.Id}-${column}`,
          text: cell ? number(cell.gap) : '-',
          description: cell
            ? formatLabel(
                cellLabel,
                number(cell.score),
                number(cell.target),
                number(cell.gap),
                BAND_LABELS[band]
              )
            : notAssessedLabel,
          className: cell
            ? `slds-text-align_center ssm-gap ssm-gap_${band}`
            : 'slds-text-align_center'
        };
      })
    }));
  }

  get averages(): { key: string; text: string }[] {
    return (this.matrix?.averageGapBySkill ?? []).map((gap, column) => ({
      key: `average-${column}`,
      text: number(gap)
    }));
  }

  get shareText(): string {
    const matrix = this.matrix;
    if (!matrix) return '';
    return formatLabel(
      shareLabel,
      matrix.sellersInDevelopment,
      matrix.rows.length,
      share(matrix.shareInDevelopment)
    );
  }

  get coachingRows() {
    const facts = this.facts;
    if (!facts || !facts.today || !facts.windowStart) return [];
    // Coaches in the team who have direct reports in it: the manager and managers below.
    const names = new Map(facts.team.map((member) => [member.Id, member.Name ?? member.Id]));
    const targets = { Target_Coaching_Sessions__c: facts.coachingTarget };
    return computeCoachingQuality(
      facts.coachingSessions,
      facts.team,
      dateRange(facts.windowStart, facts.today),
      facts.today,
      targets,
      facts.team.map((member) => member.Id)
    )
      .filter((row) => row.sellerCount > 0)
      .map((row) => ({
        key: row.managerId,
        name: names.get(row.managerId) ?? row.managerId,
        sessions: formatLabel(
          sessionsValueLabel,
          number(row.sessionsPerSellerPerMonth),
          number(row.target)
        ),
        coverage: share(row.coverageLast30Days),
        usefulness: number(row.averageUsefulness),
        followUp: share(row.followUpCompletion)
      }));
  }

  get hasCoaching(): boolean {
    return this.coachingRows.length > 0;
  }
}

/**
 * The seller's own skill profile: score per skill against target with the gap ranked (the gap
 * always as a number and a word, never colour alone), programmes recommended for the largest
 * gaps with one-click enrolment, the seller's enrolments and the coaching sessions on each
 * skill. All figures come from c/salesKpis (computeSkillProfile).
 */
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getSkillProfile from '@salesforce/apex/SkillProfileController.getSkillProfile';
import enrol from '@salesforce/apex/SkillProfileController.enrol';
import {
  computeSkillProfile,
  gapBandOf,
  skillFactsFromApex,
  type GapBand,
  type SkillProfile
} from 'c/salesKpis';
import titleLabel from '@salesforce/label/c.SSM_Skills_Title';
import loadingLabel from '@salesforce/label/c.SSM_Skills_Loading';
import loadFailedLabel from '@salesforce/label/c.SSM_Skills_Load_Failed';
import emptyLabel from '@salesforce/label/c.SSM_Skills_Empty';
import headingLabel from '@salesforce/label/c.SSM_Skills_Heading';
import scoreLineLabel from '@salesforce/label/c.SSM_Skills_Score_Line';
import bandMetLabel from '@salesforce/label/c.SSM_Skills_Band_Met';
import bandSmallLabel from '@salesforce/label/c.SSM_Skills_Band_Small';
import bandLargeLabel from '@salesforce/label/c.SSM_Skills_Band_Large';
import bandUnknownLabel from '@salesforce/label/c.SSM_Skills_Band_Unknown';
import assessedOnLabel from '@salesforce/label/c.SSM_Skills_Assessed_On';
import recommendedLabel from '@salesforce/label/c.SSM_Skills_Recommended';
import programDetailLabel from '@salesforce/label/c.SSM_Skills_Program_Detail';
import enrolLabel from '@salesforce/label/c.SSM_Skills_Enrol';
import enrolInLabel from '@salesforce/label/c.SSM_Skills_Enrol_In';
import enrolledLabel from '@salesforce/label/c.SSM_Skills_Enrolled';
import enrolFailedLabel from '@salesforce/label/c.SSM_Skills_Enrol_Failed';
import enrollmentsLabel from '@salesforce/label/c.SSM_Skills_Enrollments';
import enrollmentStatusLabel from '@salesforce/label/c.SSM_Skills_Enrollment_Status';
import coachingLabel from '@salesforce/label/c.SSM_Skills_Coaching';
import coachingSessionLabel from '@salesforce/label/c.SSM_Skills_Coaching_Session';
import notAssessedLabel from '@salesforce/label/c.SSM_Skills_Not_Assessed';
import { formatLabel, picklistLabel } from 'c/labelFormat';
import { dateText, decimal } from 'c/userFormat';

/** Each band has a word, so the gap never depends on colour. */
const BAND_LABELS: Record<GapBand, string> = {
  met: bandMetLabel,
  small: bandSmallLabel,
  large: bandLargeLabel,
  unknown: bandUnknownLabel
};

/** The picklists whose labels the card shows; every skill field shares Sales_Skill. */
const SKILL_FIELD = 'Skill_Assessment__c.Skill__c';
const FORMAT_FIELD = 'Development_Program__c.Format__c';
const ENROLLMENT_STATUS_FIELD = 'Program_Enrollment__c.Status__c';

function shown(value: number | null): string {
  return value === null ? '-' : decimal(value);
}

interface SkillRowView {
  key: string;
  heading: string;
  scoreLine: string;
  bandClass: string;
  assessedOn: string;
  recommended: { key: string; name: string; detail: string; ariaLabel: string }[];
  hasRecommended: boolean;
  enrollments: { key: string; text: string }[];
  hasEnrollments: boolean;
  coaching: { key: string; text: string }[];
  hasCoaching: boolean;
}

export default class SkillProfileCard extends LightningElement {
  /** The seller whose profile to show; blank shows the running user's own. */
  @api sellerId: string | null = null;

  @wire(getSkillProfile, { sellerId: '$sellerId' })
  wiredProfile: ApexGenerated.WireResult<ApexGenerated.SkillFacts> | undefined;

  isSaving = false;
  actionError: unknown = null;
  announcement = '';

  readonly labels = {
    title: titleLabel,
    loading: loadingLabel,
    loadFailed: loadFailedLabel,
    empty: emptyLabel,
    recommended: recommendedLabel,
    enrol: enrolLabel,
    enrolFailed: enrolFailedLabel,
    enrollments: enrollmentsLabel,
    coaching: coachingLabel
  };

  get data(): ApexGenerated.SkillFacts | undefined {
    return this.wiredProfile?.data;
  }

  get loadError(): unknown {
    return this.wiredProfile?.error ?? null;
  }

  get isLoading(): boolean {
    return !this.data && !this.loadError;
  }

  get profile(): SkillProfile | null {
    const data = this.data;
    if (!data) return null;
    const facts = skillFactsFromApex(data);
    return computeSkillProfile(facts.sellerId ?? '', facts);
  }

  get rows(): SkillRowView[] {
    const profile = this.profile;
    if (!profile) return [];
    return profile.rows.map((row) => {
      const band = gapBandOf(row.gap);
      return {
        key: row.skill,
        heading: formatLabel(headingLabel, row.rank, this.picklistLabel(SKILL_FIELD, row.skill)),
        scoreLine: formatLabel(
          scoreLineLabel,
          shown(row.score),
          shown(row.target),
          shown(row.gap),
          BAND_LABELS[band]
        ),
        bandClass: `ssm-gap ssm-gap_${band}`,
        assessedOn: formatLabel(assessedOnLabel, dateText(row.assessedOn)),
        recommended: row.recommended.map((program) => ({
          key: program.Id,
          name: program.Name ?? '',
          detail: formatLabel(
            programDetailLabel,
            this.picklistLabel(FORMAT_FIELD, program.Format__c),
            shown(program.Hours__c ?? null)
          ),
          ariaLabel: formatLabel(enrolInLabel, program.Name ?? '')
        })),
        hasRecommended: row.recommended.length > 0,
        enrollments: row.enrollments.map((view) => ({
          key: view.enrollment?.Id ?? view.program.Id,
          text: formatLabel(
            enrollmentStatusLabel,
            view.program.Name ?? '',
            this.picklistLabel(ENROLLMENT_STATUS_FIELD, view.enrollment?.Status__c)
          )
        })),
        hasEnrollments: row.enrollments.length > 0,
        coaching: row.coaching.map((session, index) => ({
          key: session.Id ?? `${row.skill}-${index}`,
          text: formatLabel(coachingSessionLabel, dateText(session.Session_Date__c))
        })),
        hasCoaching: row.coaching.length > 0
      };
    });
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  get notAssessedText(): string | null {
    const skills = this.profile?.notAssessed ?? [];
    return skills.length > 0
      ? formatLabel(
          notAssessedLabel,
          skills.map((skill) => this.picklistLabel(SKILL_FIELD, skill)).join(', ')
        )
      : null;
  }

  /** A picklist value as the user reads it; the profile keeps values to match and rank on. */
  private picklistLabel(field: string, value: string | null | undefined): string {
    return picklistLabel(this.data?.picklistLabels, field, value);
  }

  async handleEnrol(event: Event): Promise<void> {
    const programId = (event.currentTarget as HTMLElement).dataset.programId ?? '';
    const name = (event.currentTarget as HTMLElement).dataset.programName ?? '';
    this.isSaving = true;
    this.actionError = null;
    this.announcement = '';
    try {
      await enrol({ programId });
      await refreshApex(this.wiredProfile);
      this.announcement = formatLabel(enrolledLabel, name);
    } catch (error) {
      this.actionError = error;
    } finally {
      this.isSaving = false;
    }
  }
}

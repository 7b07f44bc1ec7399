/**
 * The account plan on the Account page (the account's current plan) and on the Account Plan
 * page (that plan): completeness from the plan's data-quality rules, objectives with progress
 * and due dates, the buying centre as a table of stakeholders by influence and attitude (a real
 * table with row and column headers, so screen readers announce each cell's influence and
 * attitude), whitespace and untapped wallet, and the next review. Without a plan for the
 * current period it offers to create one, prefilled from the account's segment (Apex).
 */
import { reduceErrors, type ErrorInput } from 'c/ldsUtils';
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getPlanFacts from '@salesforce/apex/AccountPlanController.getPlanFacts';
import createPlan from '@salesforce/apex/AccountPlanController.createPlan';
import getGuidance from '@salesforce/apex/RecordGuidanceController.getGuidance';
import {
  ATTITUDES,
  buyingCentre,
  objectiveProgress,
  planProgress,
  reviewStatus,
  untappedWallet,
  type PlanObjective,
  type PlanStakeholder
} from 'c/salesKpis';
import titleLabel from '@salesforce/label/c.SSM_Plan_Title';
import loadingLabel from '@salesforce/label/c.SSM_Plan_Loading';
import loadFailedLabel from '@salesforce/label/c.SSM_Plan_Load_Failed';
import noneLabel from '@salesforce/label/c.SSM_Plan_None';
import createLabel from '@salesforce/label/c.SSM_Plan_Create';
import createdLabel from '@salesforce/label/c.SSM_Plan_Created';
import createFailedLabel from '@salesforce/label/c.SSM_Plan_Create_Failed';
import periodLabel from '@salesforce/label/c.SSM_Plan_Period';
import segmentLabel from '@salesforce/label/c.SSM_Plan_Segment';
import completenessLabel from '@salesforce/label/c.SSM_Plan_Completeness';
import completenessTextLabel from '@salesforce/label/c.SSM_Plan_Completeness_Text';
import completeLabel from '@salesforce/label/c.SSM_Plan_Complete';
import missingLabel from '@salesforce/label/c.SSM_Plan_Missing';
import objectivesLabel from '@salesforce/label/c.SSM_Plan_Objectives';
import objectiveLabel from '@salesforce/label/c.SSM_Plan_Objective';
import dueLabel from '@salesforce/label/c.SSM_Plan_Due';
import statusLabel from '@salesforce/label/c.SSM_Plan_Status';
import progressLabel from '@salesforce/label/c.SSM_Plan_Progress';
import overdueLabel from '@salesforce/label/c.SSM_Plan_Overdue';
import overallProgressLabel from '@salesforce/label/c.SSM_Plan_Overall_Progress';
import noObjectivesLabel from '@salesforce/label/c.SSM_Plan_No_Objectives';
import buyingCentreLabel from '@salesforce/label/c.SSM_Plan_Buying_Centre';
import influenceLabel from '@salesforce/label/c.SSM_Plan_Influence';
import missingRolesLabel from '@salesforce/label/c.SSM_Plan_Missing_Roles';
import unplacedLabel from '@salesforce/label/c.SSM_Plan_Unplaced';
import noStakeholdersLabel from '@salesforce/label/c.SSM_Plan_No_Stakeholders';
import whitespaceLabel from '@salesforce/label/c.SSM_Plan_Whitespace';
import untappedLabel from '@salesforce/label/c.SSM_Plan_Untapped';
import nextReviewLabel from '@salesforce/label/c.SSM_Plan_Next_Review';
import reviewOverdueLabel from '@salesforce/label/c.SSM_Plan_Review_Overdue';
import noReviewLabel from '@salesforce/label/c.SSM_Plan_No_Review';
import { formatLabel, picklistLabel } from 'c/labelFormat';
import { BLANK, dateText, formatsInCurrency, integer, percent, wholeMoney } from 'c/userFormat';

const ATTITUDE_FIELD = 'Account_Plan_Stakeholder__c.Attitude__c';
const INFLUENCE_FIELD = 'Account_Plan_Stakeholder__c.Influence__c';
const ROLE_FIELD = 'Account_Plan_Stakeholder__c.Buying_Role__c';

function fiscalYearLabel(start: string | null | undefined, end: string | null | undefined): string {
  return start && end ? `${dateText(start)} – ${dateText(end)}` : '';
}

export default class AccountPlanCard extends LightningElement {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;

  @wire(getPlanFacts, { recordId: '$recordId' })
  wiredFacts: ApexGenerated.WireResult<ApexGenerated.AccountPlanController_PlanFacts> | undefined;

  @wire(getGuidance, { recordId: '$planId' })
  wiredGuidance: ApexGenerated.WireResult<ApexGenerated.RecordGuidance> | undefined;

  creating = false;
  createError: unknown = null;
  announcement = '';

  readonly labels = {
    title: titleLabel,
    loading: loadingLabel,
    loadFailed: loadFailedLabel,
    none: noneLabel,
    createFailed: createFailedLabel,
    completeness: completenessLabel,
    complete: completeLabel,
    missing: missingLabel,
    objectives: objectivesLabel,
    objective: objectiveLabel,
    due: dueLabel,
    status: statusLabel,
    progress: progressLabel,
    noObjectives: noObjectivesLabel,
    buyingCentre: buyingCentreLabel,
    influence: influenceLabel,
    unplaced: unplacedLabel,
    noStakeholders: noStakeholdersLabel,
    whitespace: whitespaceLabel
  };

  get attitudes(): { key: string; label: string }[] {
    return ATTITUDES.map((attitude) => ({
      key: attitude,
      label: this.picklistLabel(ATTITUDE_FIELD, attitude)
    }));
  }

  /** A picklist value as the user reads it: its label in their language, from the Apex facts. */
  private picklistLabel(field: string, value: string | null | undefined): string {
    return picklistLabel(this.facts?.picklistLabels, field, value);
  }

  /** A refusal's own words (e.g. the one-per-user message), else the generic sentence. */
  get createErrorMessage(): string {
    const messages = reduceErrors(this.createError as ErrorInput);
    return messages.length ? messages.join(' ') : this.labels.createFailed;
  }

  get facts(): ApexGenerated.AccountPlanController_PlanFacts | undefined {
    return this.wiredFacts?.data;
  }

  get error(): unknown {
    return this.wiredFacts?.error ?? null;
  }

  get isLoading(): boolean {
    return !this.facts && !this.error;
  }

  get plan(): ApexGenerated.Account_Plan__c | null {
    return this.facts?.plan ?? null;
  }

  get planId(): string | undefined {
    return this.plan?.Id;
  }

  get hasNoPlan(): boolean {
    return !!this.facts && !this.plan;
  }

  get canCreate(): boolean {
    return this.facts?.canCreate === true && this.objectApiName !== 'Account_Plan__c';
  }

  get createText(): string {
    return formatLabel(
      createLabel,
      fiscalYearLabel(this.facts?.periodStart, this.facts?.periodEnd)
    );
  }

  get today(): string {
    return this.facts?.today ?? '';
  }

  get periodText(): string {
    const plan = this.plan;
    return plan
      ? formatLabel(
          periodLabel,
          this.picklistLabel('Account_Plan__c.Status__c', plan.Status__c),
          dateText(plan.Period_Start__c) || BLANK,
          dateText(plan.Period_End__c) || BLANK
        )
      : '';
  }

  get segmentText(): string {
    const segment = this.facts?.account?.Customer_Segment__r as
      { Name?: string; Value_Focus__c?: string | null } | null | undefined;
    return segment?.Name
      ? formatLabel(
          segmentLabel,
          segment.Name,
          this.picklistLabel('Customer_Segment__c.Value_Focus__c', segment.Value_Focus__c) || BLANK
        )
      : '';
  }

  get guidance(): ApexGenerated.RecordGuidance | undefined {
    return this.wiredGuidance?.data;
  }

  get completenessText(): string {
    const score = this.guidance?.score ?? this.plan?.Data_Quality_Score__c;
    return score === null || score === undefined ? '—' : formatLabel(completenessTextLabel, score);
  }

  get completenessValue(): number {
    return this.guidance?.score ?? this.plan?.Data_Quality_Score__c ?? 0;
  }

  get missingItems(): { key: string; text: string }[] {
    return (this.guidance?.flagged ?? []).map((outcome) => ({
      key: outcome.ruleName ?? '',
      text: outcome.message ?? outcome.label ?? ''
    }));
  }

  get isComplete(): boolean {
    return !!this.guidance && this.missingItems.length === 0;
  }

  get objectives(): {
    id: string;
    name: string;
    due: string;
    status: string;
    progress: number;
    progressText: string;
    overdue: boolean;
  }[] {
    return objectiveProgress(
      (this.facts?.objectives ?? []) as unknown as PlanObjective[],
      this.today
    ).map((row) => ({
      id: row.objective.Id,
      name: row.objective.Name,
      due: dateText(row.objective.Due_Date__c) || BLANK,
      status:
        this.picklistLabel('Account_Plan_Objective__c.Status__c', row.objective.Status__c) || BLANK,
      progress: Math.round(row.progress * 100),
      progressText: percent(row.progress),
      overdue: row.overdue
    }));
  }

  get hasObjectives(): boolean {
    return this.objectives.length > 0;
  }

  get overallProgressText(): string {
    const progress = planProgress(
      objectiveProgress((this.facts?.objectives ?? []) as unknown as PlanObjective[], this.today)
    );
    // The label carries the percent sign, so it gets the number in the locale's digits.
    return progress === null
      ? ''
      : formatLabel(overallProgressLabel, integer(Math.round(progress * 100)));
  }

  readonly overdueLabel = overdueLabel;

  private get stakeholders(): PlanStakeholder[] {
    return (this.facts?.stakeholders ?? []) as unknown as PlanStakeholder[];
  }

  get hasStakeholders(): boolean {
    return this.stakeholders.length > 0;
  }

  get centre(): {
    rows: {
      influence: string;
      influenceLabel: string;
      cells: { key: string; people: { id: string; text: string }[] }[];
    }[];
    unplaced: { id: string; text: string }[];
    missingRoles: string;
  } {
    const centre = buyingCentre(this.stakeholders);
    const person = (stakeholder: PlanStakeholder) => ({
      id: stakeholder.Id,
      text: `${stakeholder.Contact__r?.Name ?? stakeholder.Name} (${this.picklistLabel(ROLE_FIELD, stakeholder.Buying_Role__c) || BLANK})`
    });
    return {
      rows: centre.rows.map((row) => ({
        influence: row.influence,
        influenceLabel: this.picklistLabel(INFLUENCE_FIELD, row.influence),
        cells: row.cells.map((cell) => ({
          key: `${cell.influence}-${cell.attitude}`,
          people: cell.stakeholders.map(person)
        }))
      })),
      unplaced: centre.unplaced.map(person),
      missingRoles: centre.missingRoles.length
        ? formatLabel(
            missingRolesLabel,
            centre.missingRoles.map((role) => this.picklistLabel(ROLE_FIELD, role)).join(', ')
          )
        : ''
    };
  }

  get hasUnplaced(): boolean {
    return this.centre.unplaced.length > 0;
  }

  get untappedText(): string {
    const plan = this.plan;
    const untapped = untappedWallet(plan?.Wallet_Size__c, this.facts?.wonInPeriod);
    // In the currency the facts state: Apex converts the wallet and the won revenue into it.
    const formats = formatsInCurrency(this.facts?.currencyIsoCode);
    return untapped === null || !plan
      ? ''
      : formatLabel(
          untappedLabel,
          wholeMoney(untapped, formats),
          wholeMoney(plan.Wallet_Size__c ?? 0, formats)
        );
  }

  get whitespaceText(): string {
    return this.plan?.Whitespace__c ?? '—';
  }

  get reviewText(): string {
    const review = reviewStatus(this.plan ?? {}, this.today);
    if (!review.nextReview) {
      return noReviewLabel;
    }
    return formatLabel(
      review.overdue ? reviewOverdueLabel : nextReviewLabel,
      dateText(review.nextReview)
    );
  }

  get reviewOverdue(): boolean {
    return reviewStatus(this.plan ?? {}, this.today).overdue;
  }

  get reviewClass(): string {
    return this.reviewOverdue ? 'slds-text-color_error' : '';
  }

  async handleCreate(): Promise<void> {
    const accountId = this.facts?.account?.Id;
    if (!accountId || this.creating) {
      return;
    }
    this.creating = true;
    this.createError = null;
    this.announcement = '';
    try {
      await createPlan({ accountId });
      await refreshApex(this.wiredFacts);
      this.announcement = formatLabel(createdLabel, this.plan?.Name ?? '');
    } catch (error) {
      this.createError = error;
    } finally {
      this.creating = false;
    }
  }
}

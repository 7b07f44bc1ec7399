/**
 * Sellers' improvement ideas, for Home and the Improvement Ideas page: the hours implemented
 * ideas save per seller per month, submitting an idea, the list by votes or by hours saved,
 * one vote per user (a second vote is refused by the data model with a clear message), and for
 * leadership a status decision with a note that the submitter is notified of.
 */
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getIdeas from '@salesforce/apex/ImprovementIdeasController.getIdeas';
import submitIdea from '@salesforce/apex/ImprovementIdeasController.submitIdea';
import vote from '@salesforce/apex/ImprovementIdeasController.vote';
import changeStatus from '@salesforce/apex/ImprovementIdeasController.changeStatus';
import { reduceErrors, type ErrorInput } from 'c/ldsUtils';
import {
  computeIdeaKpis,
  ideasFromApex,
  rankIdeas,
  type IdeaOrder,
  type IdeaRow
} from 'c/salesKpis';
import titleLabel from '@salesforce/label/c.SSM_Ideas_Title';
import loadingLabel from '@salesforce/label/c.SSM_Ideas_Loading';
import loadFailedLabel from '@salesforce/label/c.SSM_Ideas_Load_Failed';
import hoursSavedKpiLabel from '@salesforce/label/c.SSM_Ideas_Hours_Saved_Kpi';
import acceptedKpiLabel from '@salesforce/label/c.SSM_Ideas_Accepted_Kpi';
import newLabel from '@salesforce/label/c.SSM_Ideas_New';
import fieldTitleLabel from '@salesforce/label/c.SSM_Ideas_Field_Title';
import fieldAreaLabel from '@salesforce/label/c.SSM_Ideas_Field_Area';
import fieldDescriptionLabel from '@salesforce/label/c.SSM_Ideas_Field_Description';
import fieldHoursLabel from '@salesforce/label/c.SSM_Ideas_Field_Hours';
import submitLabel from '@salesforce/label/c.SSM_Ideas_Submit';
import cancelLabel from '@salesforce/label/c.SSM_Ideas_Cancel';
import submittedLabel from '@salesforce/label/c.SSM_Ideas_Submitted';
import submitFailedLabel from '@salesforce/label/c.SSM_Ideas_Submit_Failed';
import sortLabel from '@salesforce/label/c.SSM_Ideas_Sort';
import byVotesLabel from '@salesforce/label/c.SSM_Ideas_By_Votes';
import byHoursLabel from '@salesforce/label/c.SSM_Ideas_By_Hours';
import emptyLabel from '@salesforce/label/c.SSM_Ideas_Empty';
import votesLabel from '@salesforce/label/c.SSM_Ideas_Votes';
import hoursLabel from '@salesforce/label/c.SSM_Ideas_Hours';
import statusLabel from '@salesforce/label/c.SSM_Ideas_Status';
import submittedByLabel from '@salesforce/label/c.SSM_Ideas_Submitted_By';
import decisionLabel from '@salesforce/label/c.SSM_Ideas_Decision';
import voteLabel from '@salesforce/label/c.SSM_Ideas_Vote';
import voteForLabel from '@salesforce/label/c.SSM_Ideas_Vote_For';
import votedLabel from '@salesforce/label/c.SSM_Ideas_Voted';
import voteCountedLabel from '@salesforce/label/c.SSM_Ideas_Vote_Counted';
import changeStatusLabel from '@salesforce/label/c.SSM_Ideas_Change_Status';
import changeStatusForLabel from '@salesforce/label/c.SSM_Ideas_Change_Status_For';
import fieldStatusLabel from '@salesforce/label/c.SSM_Ideas_Field_Status';
import fieldNoteLabel from '@salesforce/label/c.SSM_Ideas_Field_Decision_Note';
import saveDecisionLabel from '@salesforce/label/c.SSM_Ideas_Save_Decision';
import statusChangedLabel from '@salesforce/label/c.SSM_Ideas_Status_Changed';
import decisionFailedLabel from '@salesforce/label/c.SSM_Ideas_Decision_Failed';
import { formatLabel, picklistLabel } from 'c/labelFormat';
import { decimal, precisePercent } from 'c/userFormat';

const STATUS_FIELD = 'Improvement_Idea__c.Status__c';

interface Option {
  label: string;
  value: string;
}

interface IdeaView extends IdeaRow {
  votesText: string;
  hoursText: string;
  statusText: string;
  submittedByText: string;
  decisionText: string | null;
  hasVoted: boolean;
  voteAriaLabel: string;
  changeStatusAriaLabel: string;
  isDeciding: boolean;
  decidingExpanded: string;
}

type FormElement = HTMLElement & {
  value?: unknown;
  reportValidity?: () => boolean;
};

export default class ImprovementIdeas extends LightningElement {
  /** How many ideas to list; 0 lists all (Home shows a few). */
  @api maxIdeas = 0;

  @wire(getIdeas)
  wiredIdeas: ApexGenerated.WireResult<ApexGenerated.IdeaFacts> | undefined;

  order: IdeaOrder = 'votes';
  isSubmitting = false;
  decidingIdeaId: string | null = null;
  isSaving = false;
  actionError: unknown = null;
  actionErrorMessage = '';
  announcement = '';

  readonly labels = {
    title: titleLabel,
    loading: loadingLabel,
    loadFailed: loadFailedLabel,
    newIdea: newLabel,
    fieldTitle: fieldTitleLabel,
    fieldArea: fieldAreaLabel,
    fieldDescription: fieldDescriptionLabel,
    fieldHours: fieldHoursLabel,
    submit: submitLabel,
    cancel: cancelLabel,
    sort: sortLabel,
    byVotes: byVotesLabel,
    byHours: byHoursLabel,
    empty: emptyLabel,
    vote: voteLabel,
    voted: votedLabel,
    changeStatus: changeStatusLabel,
    fieldStatus: fieldStatusLabel,
    fieldNote: fieldNoteLabel,
    saveDecision: saveDecisionLabel
  };

  get facts(): ApexGenerated.IdeaFacts | undefined {
    return this.wiredIdeas?.data;
  }

  get loadError(): unknown {
    return this.wiredIdeas?.error ?? null;
  }

  get isLoading(): boolean {
    return !this.facts && !this.loadError;
  }

  get ideas(): IdeaRow[] {
    return ideasFromApex(this.facts?.ideas ?? []);
  }

  get kpiText(): string {
    const kpis = computeIdeaKpis(this.ideas);
    return formatLabel(
      hoursSavedKpiLabel,
      decimal(kpis.hoursSavedPerSellerPerMonth),
      kpis.shareOfWorkingTime === null ? '-' : precisePercent(kpis.shareOfWorkingTime)
    );
  }

  get acceptedText(): string {
    return formatLabel(
      acceptedKpiLabel,
      decimal(computeIdeaKpis(this.ideas).acceptedHoursPerSellerPerMonth)
    );
  }

  get canDecide(): boolean {
    return this.facts?.canDecide === true;
  }

  get areaOptions(): Option[] {
    return optionsOf(this.facts?.areas);
  }

  get statusOptions(): Option[] {
    return optionsOf(this.facts?.statuses);
  }

  get submitExpanded(): string {
    return String(this.isSubmitting);
  }

  get byVotesPressed(): string {
    return String(this.order === 'votes');
  }

  get byHoursPressed(): string {
    return String(this.order === 'hoursSaved');
  }

  get byVotesVariant(): string {
    return this.order === 'votes'
      ? 'slds-button slds-button_brand'
      : 'slds-button slds-button_neutral';
  }

  get byHoursVariant(): string {
    return this.order === 'hoursSaved'
      ? 'slds-button slds-button_brand'
      : 'slds-button slds-button_neutral';
  }

  get ideaViews(): IdeaView[] {
    const voted = new Set(this.facts?.votedIdeaIds ?? []);
    const ranked = rankIdeas(this.ideas, this.order) as IdeaRow[];
    const shown = this.maxIdeas > 0 ? ranked.slice(0, this.maxIdeas) : ranked;
    return shown.map((idea) => {
      const isDeciding = this.decidingIdeaId === idea.Id;
      return {
        ...idea,
        votesText: formatLabel(votesLabel, idea.Vote_Count__c ?? 0),
        hoursText: formatLabel(hoursLabel, decimal(idea.Expected_Hours_Saved__c ?? 0)),
        statusText: formatLabel(statusLabel, this.statusLabelOf(idea.Status__c)),
        submittedByText: formatLabel(submittedByLabel, idea.submitterName),
        decisionText: idea.Decision_Note__c
          ? formatLabel(decisionLabel, idea.Decision_Note__c)
          : null,
        hasVoted: voted.has(idea.Id),
        voteAriaLabel: formatLabel(voteForLabel, idea.Name),
        changeStatusAriaLabel: formatLabel(changeStatusForLabel, idea.Name),
        isDeciding,
        decidingExpanded: String(isDeciding)
      };
    });
  }

  get hasIdeas(): boolean {
    return this.ideas.length > 0;
  }

  handleOrder(event: Event): void {
    const order = (event.currentTarget as HTMLElement).dataset.order;
    this.order = order === 'hoursSaved' ? 'hoursSaved' : 'votes';
  }

  handleNewIdea(): void {
    this.isSubmitting = !this.isSubmitting;
    this.clearActionError();
  }

  handleCancelIdea(): void {
    this.isSubmitting = false;
  }

  async handleSubmitIdea(event: Event): Promise<void> {
    event.preventDefault();
    const fields = this.formFields('[data-form="idea"] [data-field]');
    if (!fields.every((field) => field.reportValidity?.() ?? true)) {
      return;
    }
    const value = (name: string) => fields.find((f) => f.dataset.field === name)?.value;
    const title = String(value('title') ?? '').trim();
    const hours = value('hours');
    await this.run(submitFailedLabel, async () => {
      await submitIdea({
        title,
        area: (value('area') as string | undefined) ?? null,
        description: (value('description') as string | undefined) ?? null,
        expectedHoursSaved: hours === '' || hours === undefined ? null : Number(hours)
      });
      this.isSubmitting = false;
      return formatLabel(submittedLabel, title);
    });
  }

  async handleVote(event: Event): Promise<void> {
    const ideaId = (event.currentTarget as HTMLElement).dataset.ideaId ?? '';
    const idea = this.ideas.find((row) => row.Id === ideaId);
    await this.run(null, async () => {
      await vote({ ideaId });
      return formatLabel(voteCountedLabel, idea?.Name ?? '');
    });
  }

  handleDecide(event: Event): void {
    const ideaId = (event.currentTarget as HTMLElement).dataset.ideaId ?? null;
    this.decidingIdeaId = this.decidingIdeaId === ideaId ? null : ideaId;
    this.clearActionError();
  }

  handleCancelDecision(): void {
    const ideaId = this.decidingIdeaId;
    this.decidingIdeaId = null;
    Promise.resolve().then(() => {
      this.template
        ?.querySelector<HTMLElement>(`button[data-action="decide"][data-idea-id="${ideaId}"]`)
        ?.focus();
    });
  }

  async handleSaveDecision(event: Event): Promise<void> {
    event.preventDefault();
    const fields = this.formFields('[data-form="decision"] [data-field]');
    if (!fields.every((field) => field.reportValidity?.() ?? true)) {
      return;
    }
    const value = (name: string) => fields.find((f) => f.dataset.field === name)?.value;
    const ideaId = this.decidingIdeaId ?? '';
    const status = String(value('status') ?? '');
    const idea = this.ideas.find((row) => row.Id === ideaId);
    await this.run(decisionFailedLabel, async () => {
      await changeStatus({ ideaId, status, decisionNote: String(value('note') ?? '') });
      this.decidingIdeaId = null;
      return formatLabel(statusChangedLabel, idea?.Name ?? '', this.statusLabelOf(status));
    });
  }

  /** Runs a write, refreshes the list and announces the result; shows any refusal as is. */
  private async run(friendly: string | null, action: () => Promise<string>): Promise<void> {
    this.isSaving = true;
    this.clearActionError();
    this.announcement = '';
    try {
      const message = await action();
      await refreshApex(this.wiredIdeas);
      this.announcement = message;
    } catch (error) {
      this.actionError = error;
      // A refusal the data model explains (a second vote) is shown in its own words.
      this.actionErrorMessage = friendly ?? reduceErrors(error as ErrorInput)[0] ?? '';
    } finally {
      this.isSaving = false;
    }
  }

  /** An idea's status as the user reads it; the value stays on the idea for the decision form. */
  private statusLabelOf(status: string | null | undefined): string {
    return picklistLabel(this.facts?.picklistLabels, STATUS_FIELD, status);
  }

  private clearActionError(): void {
    this.actionError = null;
    this.actionErrorMessage = '';
  }

  private formFields(selector: string): FormElement[] {
    return [...(this.template?.querySelectorAll<FormElement>(selector) ?? [])];
  }
}

function optionsOf(options: ApexGenerated.IdeaFacts_Option[] | null | undefined): Option[] {
  return (options ?? []).map((option) => ({
    label: option.label ?? option.value ?? '',
    value: option.value ?? ''
  }));
}

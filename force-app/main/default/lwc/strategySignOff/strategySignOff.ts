/**
 * Leadership sign-off of a strategy version on its record page: the members of the version's
 * leadership group with their role, decision (in words, with an icon) and when they decided;
 * for the signed-in member, while the version is In Review, what changed and their own decision:
 * Approve, or Comment with a comment. Apex (StrategySignOffService) keeps the rules: only the
 * member decides on their row, and Publish waits until every member has approved.
 */
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { getRecord, type RecordRepresentation } from 'lightning/uiRecordApi';
import { VERSION_SAVE_FIELDS, VersionSaves } from 'c/versionSaves';
import getSignOff from '@salesforce/apex/StrategyController.getSignOff';
import decideSignOff from '@salesforce/apex/StrategyController.decideSignOff';
import { reduceErrors, type ErrorInput } from 'c/ldsUtils';
import { formatLabel } from 'c/labelFormat';
import {
  APPROVED,
  COMMENTED,
  approvedCount,
  decisionText,
  memberRows,
  type MemberRow,
  type SignOffLabels
} from './signOffView';
import titleLabel from '@salesforce/label/c.SSM_Sign_Off_Title';
import loadingLabel from '@salesforce/label/c.SSM_Sign_Off_Loading';
import loadFailedLabel from '@salesforce/label/c.SSM_Sign_Off_Load_Failed';
import membersLabel from '@salesforce/label/c.SSM_Sign_Off_Members';
import memberLabel from '@salesforce/label/c.SSM_Sign_Off_Member';
import roleLabel from '@salesforce/label/c.SSM_Sign_Off_Role';
import decisionLabel from '@salesforce/label/c.SSM_Sign_Off_Decision';
import whenLabel from '@salesforce/label/c.SSM_Sign_Off_When';
import pendingLabel from '@salesforce/label/c.SSM_Sign_Off_Pending';
import approvedLabel from '@salesforce/label/c.SSM_Sign_Off_Approved';
import commentedLabel from '@salesforce/label/c.SSM_Sign_Off_Commented';
import youLabel from '@salesforce/label/c.SSM_Sign_Off_You';
import summaryLabel from '@salesforce/label/c.SSM_Sign_Off_Summary';
import allApprovedLabel from '@salesforce/label/c.SSM_Sign_Off_All_Approved';
import signedLabel from '@salesforce/label/c.SSM_Sign_Off_Signed';
import emptyLabel from '@salesforce/label/c.SSM_Sign_Off_Empty';
import emptyPublishedLabel from '@salesforce/label/c.SSM_Sign_Off_Empty_Published';
import waitReviewLabel from '@salesforce/label/c.SSM_Sign_Off_Wait_Review';
import yourDecisionLabel from '@salesforce/label/c.SSM_Sign_Off_Your_Decision';
import whatChangedLabel from '@salesforce/label/c.SSM_Sign_Off_What_Changed';
import noChangesLabel from '@salesforce/label/c.SSM_Sign_Off_No_Changes';
import approveLabel from '@salesforce/label/c.SSM_Sign_Off_Approve';
import commentLabel from '@salesforce/label/c.SSM_Sign_Off_Comment';
import commentFieldLabel from '@salesforce/label/c.SSM_Sign_Off_Comment_Label';
import commentHelpLabel from '@salesforce/label/c.SSM_Sign_Off_Comment_Help';
import commentRequiredLabel from '@salesforce/label/c.SSM_Sign_Off_Comment_Required';
import decideFailedLabel from '@salesforce/label/c.SSM_Sign_Off_Decide_Failed';
import savedLabel from '@salesforce/label/c.SSM_Sign_Off_Saved';

const STATUS_DRAFT = 'Draft';
const STATUS_IN_REVIEW = 'In Review';

/** The part of lightning-textarea the card uses for its own validation message. */
interface ValidatedField extends HTMLElement {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}

export default class StrategySignOff extends LightningElement {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;

  @wire(getSignOff, { versionId: '$recordId' })
  wiredSignOff:
    ApexGenerated.WireResult<ApexGenerated.StrategyController_StrategySignOff> | undefined;

  /**
   * The card follows the version: publishing (the quick action), a content edit that puts
   * approvals back to Pending, or a status change re-reads the sign-off.
   */
  private readonly versionSaves = new VersionSaves();

  @wire(getRecord, { recordId: '$recordId', fields: VERSION_SAVE_FIELDS })
  wiredVersion({ data }: { data?: RecordRepresentation; error?: unknown }): void {
    if (data && this.versionSaves.savedSince(data) && this.wiredSignOff) {
      refreshApex(this.wiredSignOff).catch((error: unknown) => {
        this.refreshError = error;
      });
    }
  }

  comment = '';
  saving = false;
  /** A re-read after the version changed that failed: shown as a load failure. */
  refreshError: unknown = null;
  decideError: unknown = null;
  announcement = '';

  readonly labels = {
    title: titleLabel,
    loading: loadingLabel,
    loadFailed: loadFailedLabel,
    members: membersLabel,
    member: memberLabel,
    role: roleLabel,
    decision: decisionLabel,
    when: whenLabel,
    allApproved: allApprovedLabel,
    waitReview: waitReviewLabel,
    yourDecision: yourDecisionLabel,
    whatChanged: whatChangedLabel,
    noChanges: noChangesLabel,
    approve: approveLabel,
    comment: commentLabel,
    commentField: commentFieldLabel,
    commentHelp: commentHelpLabel
  };

  private readonly viewLabels: SignOffLabels = {
    pending: pendingLabel,
    approved: approvedLabel,
    commented: commentedLabel,
    you: youLabel
  };

  get signOff(): ApexGenerated.StrategyController_StrategySignOff | undefined {
    return this.wiredSignOff?.data;
  }

  get error(): unknown {
    return this.wiredSignOff?.error ?? this.refreshError ?? null;
  }

  get isLoading(): boolean {
    return !this.signOff && !this.error;
  }

  private get members(): ApexGenerated.StrategyController_SignOffMember[] {
    return this.signOff?.members ?? [];
  }

  get hasMembers(): boolean {
    return this.members.length > 0;
  }

  get isEmpty(): boolean {
    return !!this.signOff && !this.hasMembers;
  }

  /** Why nobody signs off: a version not yet published will publish without; one published did. */
  get emptyText(): string {
    return this.isOpen ? emptyLabel : emptyPublishedLabel;
  }

  private get isOpen(): boolean {
    const status = this.signOff?.status;
    return status === STATUS_DRAFT || status === STATUS_IN_REVIEW;
  }

  get rows(): MemberRow[] {
    return memberRows(this.members, this.viewLabels);
  }

  get summaryText(): string {
    if (this.signOff?.allApproved) {
      return this.isOpen ? allApprovedLabel : signedLabel;
    }
    return formatLabel(summaryLabel, approvedCount(this.members), this.members.length);
  }

  get summaryIcon(): string {
    return this.signOff?.allApproved ? 'utility:success' : 'utility:clock';
  }

  get canDecide(): boolean {
    return this.signOff?.canDecide === true;
  }

  /** A member of a draft's group: they sign off once it is In Review. */
  get waitsForReview(): boolean {
    return !!this.signOff?.own && this.signOff.status === STATUS_DRAFT;
  }

  get whatChanged(): string {
    return this.signOff?.whatChanged ?? '';
  }

  get ownDecisionText(): string {
    return decisionText(this.signOff?.own?.decision, this.viewLabels);
  }

  get decideErrorMessage(): string {
    const messages = reduceErrors(this.decideError as ErrorInput);
    return messages.length ? messages.join(' ') : decideFailedLabel;
  }

  handleCommentChange(event: CustomEvent<{ value: string }>): void {
    this.comment = event.detail?.value ?? '';
    this.commentField()?.setCustomValidity('');
  }

  async handleApprove(): Promise<void> {
    await this.decide(APPROVED);
  }

  async handleComment(): Promise<void> {
    if (!this.comment.trim()) {
      const field = this.commentField();
      field?.setCustomValidity(commentRequiredLabel);
      field?.reportValidity();
      field?.focus();
      return;
    }
    await this.decide(COMMENTED);
  }

  private commentField(): ValidatedField | null {
    return this.template?.querySelector<ValidatedField>('[data-id="comment"]') ?? null;
  }

  private async decide(decision: string): Promise<void> {
    if (!this.recordId || this.saving) {
      return;
    }
    this.saving = true;
    this.decideError = null;
    this.announcement = '';
    try {
      await decideSignOff({ versionId: this.recordId, decision, comment: this.comment });
      this.comment = '';
      await refreshApex(this.wiredSignOff);
      this.announcement = formatLabel(savedLabel, decisionText(decision, this.viewLabels));
    } catch (error) {
      this.decideError = error;
    } finally {
      this.saving = false;
    }
  }
}

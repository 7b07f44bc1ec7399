/**
 * The published sales strategy on the Home page: its essentials and KPI targets, what changed
 * against the previous version section by section, the user's status and an Acknowledge button
 * (one acknowledgement per user and version; a second one is refused by the trigger's message).
 */
import { reduceErrors, type ErrorInput } from 'c/ldsUtils';
import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getBrief from '@salesforce/apex/StrategyController.getBrief';
import acknowledge from '@salesforce/apex/StrategyController.acknowledge';
import { formatLabel } from 'c/labelFormat';
import { briefView, versionFacts, type BriefView } from './briefView';
import titleLabel from '@salesforce/label/c.SSM_Brief_Title';
import loadingLabel from '@salesforce/label/c.SSM_Brief_Loading';
import loadFailedLabel from '@salesforce/label/c.SSM_Brief_Load_Failed';
import noneLabel from '@salesforce/label/c.SSM_Brief_None';
import versionLabel from '@salesforce/label/c.SSM_Brief_Version';
import acknowledgedLabel from '@salesforce/label/c.SSM_Brief_Acknowledged';
import pendingLabel from '@salesforce/label/c.SSM_Brief_Pending';
import acknowledgeLabel from '@salesforce/label/c.SSM_Brief_Acknowledge';
import acknowledgeFailedLabel from '@salesforce/label/c.SSM_Brief_Acknowledge_Failed';
import thanksLabel from '@salesforce/label/c.SSM_Brief_Thanks';
import targetsLabel from '@salesforce/label/c.SSM_Brief_Targets';
import whatChangedLabel from '@salesforce/label/c.SSM_Brief_What_Changed';
import firstVersionLabel from '@salesforce/label/c.SSM_Brief_First_Version';
import noChangesLabel from '@salesforce/label/c.SSM_Brief_No_Changes';
import addedLabel from '@salesforce/label/c.SSM_Brief_Added';
import removedLabel from '@salesforce/label/c.SSM_Brief_Removed';
import unchangedLabel from '@salesforce/label/c.SSM_Brief_Unchanged';
import essentialsLabel from '@salesforce/label/c.SSM_Brief_Essentials';
import { BLANK, dateText, dateTimeText } from 'c/userFormat';

export default class StrategyBrief extends LightningElement {
  @wire(getBrief)
  wiredBrief: ApexGenerated.WireResult<ApexGenerated.StrategyController_StrategyBrief> | undefined;

  saving = false;
  acknowledgeError: unknown = null;
  announcement = '';

  readonly labels = {
    title: titleLabel,
    loading: loadingLabel,
    loadFailed: loadFailedLabel,
    none: noneLabel,
    acknowledge: acknowledgeLabel,
    acknowledgeFailed: acknowledgeFailedLabel,
    targets: targetsLabel,
    firstVersion: firstVersionLabel,
    noChanges: noChangesLabel,
    added: addedLabel,
    removed: removedLabel,
    essentials: essentialsLabel
  };

  /** A refusal's own words (e.g. the one-per-user message), else the generic sentence. */
  get acknowledgeErrorMessage(): string {
    const messages = reduceErrors(this.acknowledgeError as ErrorInput);
    return messages.length ? messages.join(' ') : this.labels.acknowledgeFailed;
  }

  get brief(): ApexGenerated.StrategyController_StrategyBrief | undefined {
    return this.wiredBrief?.data;
  }

  get error(): unknown {
    return this.wiredBrief?.error ?? null;
  }

  get isLoading(): boolean {
    return !this.brief && !this.error;
  }

  get version(): ApexGenerated.Strategy_Version__c | null {
    return this.brief?.version ?? null;
  }

  get hasNoVersion(): boolean {
    return !!this.brief && !this.version;
  }

  get view(): BriefView | null {
    const version = versionFacts(this.version);
    return version ? briefView(version, versionFacts(this.brief?.previous)) : null;
  }

  get versionText(): string {
    return formatLabel(
      versionLabel,
      this.version?.Version_Number__c ?? '—',
      dateText(this.version?.Effective_From__c) || BLANK
    );
  }

  get isAcknowledged(): boolean {
    return !!this.brief?.acknowledgement;
  }

  get canAcknowledge(): boolean {
    return !this.isAcknowledged;
  }

  get statusText(): string {
    const at = this.brief?.acknowledgement?.Acknowledged_At__c;
    return this.isAcknowledged
      ? formatLabel(acknowledgedLabel, typeof at === 'string' ? dateTimeText(at) : '—')
      : pendingLabel;
  }

  get statusIcon(): string {
    return this.isAcknowledged ? 'utility:success' : 'utility:warning';
  }

  get statusVariant(): string {
    return this.isAcknowledged ? 'success' : 'warning';
  }

  get whatChangedHeading(): string {
    return formatLabel(whatChangedLabel, this.brief?.previous?.Name ?? '');
  }

  get hasChangedSections(): boolean {
    return (this.view?.changedSections.length ?? 0) > 0;
  }

  get unchangedText(): string {
    const unchanged = this.view?.unchangedSections ?? [];
    return unchanged.length ? formatLabel(unchangedLabel, unchanged.join(', ')) : '';
  }

  async handleAcknowledge(): Promise<void> {
    const versionId = this.version?.Id;
    if (!versionId || this.saving) {
      return;
    }
    this.saving = true;
    this.acknowledgeError = null;
    this.announcement = '';
    try {
      await acknowledge({ versionId });
      await refreshApex(this.wiredBrief);
      this.announcement = thanksLabel;
    } catch (error) {
      this.acknowledgeError = error;
    } finally {
      this.saving = false;
    }
  }
}

/**
 * The coaching questions of the deal the manager chose (c/recordGuidance) and a form that logs a
 * Coaching_Session__c for the deal's seller, with the running user as coach, today's date and a
 * focus area suggested from the deal's coaching prompts (the org's Focus_Area__c values only),
 * shown only to users who may create coaching sessions.
 * Dispatches `logged` after a session is saved.
 */
import { LightningElement, api, wire } from 'lwc';
import { createRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import {
  getObjectInfo,
  getPicklistValuesByRecordType,
  type ObjectInfo,
  type PicklistValuesByRecordType
} from 'lightning/uiObjectInfoApi';
import userId from '@salesforce/user/Id';
import { formatLabel } from 'c/labelFormat';
import { reduceErrors, type ErrorInput } from 'c/ldsUtils';
import { LABELS, type Option } from 'c/kpiView';
import type { IsoDate, ReviewDeal } from 'c/salesKpis';
import { suggestedFocusArea } from './coachingFocus';

interface SessionDraft {
  Focus_Area__c: string | null;
  Session_Date__c: string;
  Follow_Up_Date__c: string;
  Notes__c: string;
}

export default class ReviewCoachingPanel extends LightningElement {
  /** The deal to coach on, or null for the hint. */
  @api
  get deal(): ReviewDeal | null {
    return this._deal;
  }
  set deal(value: ReviewDeal | null) {
    if (value?.Id !== this._deal?.Id) this.draft = null;
    this._deal = value;
  }
  @api today: IsoDate = '';

  labels = LABELS;
  saving = false;
  private _deal: ReviewDeal | null = null;
  private draft: SessionDraft | null = null;

  @wire(getObjectInfo, { objectApiName: 'Coaching_Session__c' })
  sessionInfo: { data?: ObjectInfo; error?: unknown } | undefined;

  @wire(getPicklistValuesByRecordType, {
    objectApiName: 'Coaching_Session__c',
    recordTypeId: '$sessionRecordTypeId'
  })
  sessionPicklists: { data?: PicklistValuesByRecordType; error?: unknown } | undefined;

  get sessionRecordTypeId(): string | undefined {
    return this.sessionInfo?.data?.defaultRecordTypeId;
  }

  get focusAreaOptions(): Option[] {
    const values = this.sessionPicklists?.data?.picklistFieldValues.Focus_Area__c?.values ?? [];
    return values.map((value) => ({ label: value.label, value: value.value }));
  }

  /** What the form shows: the manager's entries, else the defaults for the deal. */
  get session(): SessionDraft {
    const flags = (this._deal?.Coaching_Flags__c ?? '').split('\n').filter(Boolean);
    return {
      Focus_Area__c: suggestedFocusArea(
        flags,
        this.focusAreaOptions.map((option) => option.value)
      ),
      Session_Date__c: this.today,
      Follow_Up_Date__c: '',
      Notes__c: '',
      ...this.draft
    };
  }

  get hasDeal(): boolean {
    return this._deal !== null;
  }

  /** The log form only for users whose permission sets let them create coaching sessions. */
  get canLogSession(): boolean {
    return this.sessionInfo?.data?.createable === true;
  }

  get dealId(): string | undefined {
    return this._deal?.Id;
  }

  get heading(): string {
    return formatLabel(LABELS.coachingTitle, this._deal?.Name ?? '');
  }

  handleField(event: CustomEvent<{ value: string }>): void {
    const field = (event.target as HTMLElement).dataset.field as keyof SessionDraft;
    this.draft = { ...this.session, [field]: event.detail.value };
  }

  async handleLog(): Promise<void> {
    const deal = this._deal;
    if (!deal) return;
    const session = this.session;
    this.saving = true;
    try {
      await createRecord({
        apiName: 'Coaching_Session__c',
        fields: {
          Seller__c: deal.OwnerId,
          Coach__c: userId,
          Opportunity__c: deal.Id,
          Account__c: deal.AccountId ?? null,
          Focus_Area__c: session.Focus_Area__c || null,
          Session_Date__c: session.Session_Date__c,
          Follow_Up_Date__c: session.Follow_Up_Date__c || null,
          Notes__c: session.Notes__c || null
        }
      });
      this.toast(LABELS.sessionLogged, deal.Name ?? '', 'success');
      this.draft = { ...session, Notes__c: '', Follow_Up_Date__c: '' };
      this.dispatchEvent(new CustomEvent('logged', { detail: { id: deal.Id } }));
    } catch (error) {
      this.toast(LABELS.saveFailed, reduceErrors(error as ErrorInput).join(', '), 'error');
    } finally {
      this.saving = false;
    }
  }

  private toast(title: string, message: string, variant: 'success' | 'error'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}

/**
 * Inline edit of exactly the fields a flagged rule names, saved through Lightning Data Service
 * (so validation rules, triggers and field-level security apply as in any other save). Fires
 * `saved` after a successful save and `cancel` when the user backs out.
 */
import { LightningElement, api, wire } from 'lwc';
import { getRecord, updateRecord, type RecordRepresentation } from 'lightning/uiRecordApi';
import {
  getObjectInfo,
  getPicklistValuesByRecordType,
  type ObjectInfo,
  type PicklistValuesByRecordType
} from 'lightning/uiObjectInfoApi';
import type { ErrorInput } from 'c/ldsUtils';
import { fixInputs, type FixInput } from './fixInputs';
import saveLabel from '@salesforce/label/c.SSM_Guidance_Save';
import cancelLabel from '@salesforce/label/c.SSM_Guidance_Cancel';
import saveFailedLabel from '@salesforce/label/c.SSM_Guidance_Save_Failed';
import loadingLabel from '@salesforce/label/c.SSM_Guidance_Loading';

interface Wired<T> {
  data?: T;
  error?: unknown;
}

export default class GuidanceFixForm extends LightningElement {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;
  /** The API names of the fields to edit, in order. */
  @api fieldNames: string[] = [];
  /** The rule's message, used as the form's accessible name. */
  @api heading = '';

  @wire(getObjectInfo, { objectApiName: '$objectApiName' })
  objectInfo: Wired<ObjectInfo> | undefined;

  @wire(getRecord, { recordId: '$recordId', optionalFields: '$qualifiedFieldNames' })
  record: Wired<RecordRepresentation> | undefined;

  @wire(getPicklistValuesByRecordType, {
    objectApiName: '$objectApiName',
    recordTypeId: '$recordTypeId'
  })
  picklists: Wired<PicklistValuesByRecordType> | undefined;

  draft: Record<string, unknown> = {};
  saving = false;
  saveError: ErrorInput = null;

  readonly labels = {
    save: saveLabel,
    cancel: cancelLabel,
    saveFailed: saveFailedLabel,
    loading: loadingLabel
  };

  get qualifiedFieldNames(): string[] {
    return this.fieldNames.map((field) => `${this.objectApiName}.${field}`);
  }

  get recordTypeId(): string | undefined {
    return this.record?.data?.recordTypeId ?? this.objectInfo?.data?.defaultRecordTypeId;
  }

  get loadError(): unknown {
    return this.objectInfo?.error ?? this.record?.error ?? this.picklists?.error ?? null;
  }

  get isLoading(): boolean {
    return !this.loadError && (!this.objectInfo?.data || !this.record?.data);
  }

  get inputs(): FixInput[] {
    const objectInfo = this.objectInfo?.data;
    if (!objectInfo) {
      return [];
    }
    return fixInputs(
      this.fieldNames,
      objectInfo,
      this.record?.data,
      this.picklists?.data?.picklistFieldValues
    ).map((input) =>
      input.apiName in this.draft ? { ...input, value: this.draft[input.apiName] } : input
    );
  }

  get saveDisabled(): boolean {
    return this.saving || this.isLoading || Object.keys(this.draft).length === 0;
  }

  handleChange(event: CustomEvent<{ value?: unknown; checked?: boolean }>): void {
    const target = event.target as HTMLElement & { dataset: DOMStringMap; type?: string };
    const apiName = target.dataset.field;
    if (!apiName) {
      return;
    }
    const value = target.type === 'checkbox' ? event.detail.checked : event.detail.value;
    this.draft = { ...this.draft, [apiName]: value === '' ? null : value };
  }

  async handleSave(event: Event): Promise<void> {
    event.preventDefault();
    const fields = [
      ...(this.template?.querySelectorAll<HTMLElement & { reportValidity(): boolean }>(
        '[data-field]'
      ) ?? [])
    ];
    const allValid = fields.reduce((valid, field) => field.reportValidity() && valid, true);
    if (!allValid || !this.recordId) {
      return;
    }
    this.saving = true;
    this.saveError = null;
    try {
      await updateRecord({ fields: { Id: this.recordId, ...this.draft } });
      this.draft = {};
      this.dispatchEvent(new CustomEvent('saved'));
    } catch (error) {
      this.saveError = error as ErrorInput;
    } finally {
      this.saving = false;
    }
  }

  handleCancel(): void {
    this.draft = {};
    this.dispatchEvent(new CustomEvent('cancel'));
  }
}

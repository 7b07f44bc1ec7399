/**
 * A record page: the record picker (the records the acting user may see), the highlights
 * header, a read-only details panel of the record's fields, and the package's own components
 * the record page places (pages.ts), given the record as on the Lightning record page.
 */
import { LightningElement, api } from 'lwc';
import { RECORD_PAGES } from '../../../../pages';
import { callApi } from '../../../../platform/http';
import { RECORD_UPDATED_EVENT } from '../../../../platform/uiRecordApi';

interface RecordSummary {
  id: string;
  name: string;
  owner: string | null;
  score: number | null;
}

interface FieldDescribe {
  apiName: string;
  label: string;
}

interface Representation {
  fields: Record<string, { value: unknown; displayValue: string | null }>;
}

/** Fields the details panel leaves out: internal keys rather than things a user reads. */
const HIDDEN_FIELDS = new Set(['Id', 'SSM_External_Id__c']);

export default class RecordPage extends LightningElement {
  private currentObject = '';
  private currentRecordId: string | null = null;
  records: RecordSummary[] = [];
  details: { apiName: string; label: string; value: string }[] = [];
  recordName = '';
  objectLabel = '';
  error: unknown = null;

  @api
  get objectApiName(): string {
    return this.currentObject;
  }
  set objectApiName(value: string) {
    if (value !== this.currentObject) {
      this.currentObject = value;
      void this.loadRecords();
    }
  }

  @api
  get recordId(): string | null {
    return this.currentRecordId;
  }
  set recordId(value: string | null) {
    this.currentRecordId = value;
    void this.loadDetails();
  }

  private readonly onRecordUpdated = () => {
    void this.loadDetails();
    void this.loadRecords();
  };

  override connectedCallback(): void {
    window.addEventListener(RECORD_UPDATED_EVENT, this.onRecordUpdated);
  }

  override disconnectedCallback(): void {
    window.removeEventListener(RECORD_UPDATED_EVENT, this.onRecordUpdated);
  }

  get options(): { label: string; value: string }[] {
    return this.records.map((record) => ({
      label: record.score === null ? record.name : `${record.name} (score ${record.score})`,
      value: record.id
    }));
  }

  get components(): readonly string[] {
    return RECORD_PAGES[this.currentObject]?.components ?? [];
  }

  get hasRecord(): boolean {
    return !!this.currentRecordId;
  }

  get pickerValue(): string {
    return this.currentRecordId ?? '';
  }

  get recordCountText(): string {
    return `${this.records.length} records you can see`;
  }

  private async loadRecords(): Promise<void> {
    const objectName = this.currentObject;
    if (!objectName) return;
    try {
      const records = await callApi<RecordSummary[]>(`/api/records/${objectName}`);
      if (objectName === this.currentObject) this.records = records;
    } catch (error) {
      this.error = error;
    }
  }

  private async loadDetails(): Promise<void> {
    const recordId = this.currentRecordId;
    const objectName = this.currentObject;
    this.error = null;
    if (!recordId || !objectName) {
      this.details = [];
      this.recordName = '';
      return;
    }
    try {
      const [info, record] = await Promise.all([
        callApi<{ label: string; fields: Record<string, FieldDescribe> }>(
          `/api/ui/object-info/${objectName}`
        ),
        callApi<Representation>(`/api/ui/records/${encodeURIComponent(recordId)}`)
      ]);
      if (recordId !== this.currentRecordId) return;
      this.objectLabel = info.label;
      this.recordName = String(record.fields.Name?.value ?? recordId);
      this.details = Object.values(info.fields)
        .filter((field) => !HIDDEN_FIELDS.has(field.apiName) && field.apiName in record.fields)
        .map((field) => ({
          apiName: field.apiName,
          label: field.label,
          value: record.fields[field.apiName].displayValue ?? ''
        }));
    } catch (error) {
      this.details = [];
      this.error = error;
    }
  }

  handlePick(event: CustomEvent<{ value: string }>): void {
    window.location.hash = `#/${this.currentObject}/${event.detail.value}`;
  }
}

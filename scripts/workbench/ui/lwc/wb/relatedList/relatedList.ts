/**
 * A record's related list page, as Lightning's (#/<Object>/<id>/related/<relationship>, where a
 * guidance issue that cannot be fixed inline links to): a breadcrumb back to the record, the
 * list's title and count, its rows formatted for the user as the record page formats values,
 * and, when the user may add one, a "New" form whose lookups offer the records the user can see
 * (the parent's account's first) and whose save runs the org's triggers through the UI API.
 */
import { LightningElement, api } from 'lwc';
import CURRENCY from '@salesforce/i18n/currency';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { RECORD_PAGES } from '../../../../pages';
import { callApi } from '../../../../platform/http';
import { notifyRecordUpdateAvailable } from '../../../../platform/uiRecordApi';
import { CHROME_TEXT, type ChromeText } from '../chromeText/chromeText';
import {
  formatField,
  type FieldDescribe,
  type FormattedField,
  type UserFormat
} from '../recordPage/fieldFormat';

interface Cell {
  value: unknown;
  displayValue: string | null;
}

interface NewRecordField extends FieldDescribe {
  required: boolean;
  options: { label: string; value: string }[];
}

interface RelatedListBody {
  parent: {
    id: string;
    name: string;
    objectApiName: string;
    objectLabel: string;
    /** The parent object's tab label, in the user's language. */
    objectLabelPlural: string;
  };
  childObjectApiName: string;
  field: string;
  label: string;
  columns: FieldDescribe[];
  rows: { id: string; fields: Record<string, Cell> }[];
  canCreate: boolean;
  newRecordFields: NewRecordField[];
}

const PAGE_OBJECTS = new Set(Object.keys(RECORD_PAGES));

/** lightning-input's type for a field's UI API data type (lookups, picklists, checkboxes aside). */
const INPUT_TYPE: Readonly<Record<string, string>> = {
  Date: 'date',
  DateTime: 'datetime',
  Double: 'number',
  Int: 'number',
  Currency: 'number',
  Percent: 'number',
  Email: 'email',
  Phone: 'tel',
  Url: 'url'
};

export default class RelatedList extends LightningElement {
  get text(): ChromeText {
    return CHROME_TEXT;
  }

  private parentObject = '';
  private parentId = '';
  private relationship = '';
  private loadQueued = false;
  private focusForm = false;
  list: RelatedListBody | null = null;
  error: unknown = null;
  formOpen = false;
  saving = false;
  saveError: unknown = null;
  draft: Record<string, unknown> = {};
  readonly format: UserFormat = { locale: LOCALE, timeZone: TIME_ZONE, currency: CURRENCY };

  @api
  get objectApiName(): string {
    return this.parentObject;
  }
  set objectApiName(value: string) {
    this.parentObject = value;
    this.queueLoad();
  }

  @api
  get recordId(): string {
    return this.parentId;
  }
  set recordId(value: string) {
    this.parentId = value;
    this.queueLoad();
  }

  @api
  get relationshipApiName(): string {
    return this.relationship;
  }
  set relationshipApiName(value: string) {
    this.relationship = value;
    this.queueLoad();
  }

  override renderedCallback(): void {
    if (!this.focusForm) return;
    const first = this.template?.querySelector<HTMLElement>('[data-new-field]');
    if (first) {
      this.focusForm = false;
      first.focus();
    }
  }

  // ---- the list ----

  get objectHref(): string {
    return `#/${this.list?.parent.objectApiName ?? this.parentObject}`;
  }

  get objectTabLabel(): string {
    const objectName = this.list?.parent.objectApiName ?? this.parentObject;
    return this.list?.parent.objectLabelPlural ?? RECORD_PAGES[objectName]?.tabLabel ?? objectName;
  }

  get parentHref(): string {
    return `#/${this.parentObject}/${this.parentId}`;
  }

  get parentName(): string {
    return this.list?.parent.name ?? this.parentId;
  }

  get listTitle(): string {
    return this.list?.label ?? '';
  }

  get countText(): string {
    return `(${this.list?.rows.length ?? 0})`;
  }

  get tableLabel(): string {
    return `${this.listTitle}: ${this.parentName}`;
  }

  get headers(): FieldDescribe[] {
    return this.list?.columns ?? [];
  }

  get rows(): { id: string; cells: (FormattedField & { key: string })[] }[] {
    const list = this.list;
    if (!list) return [];
    return list.rows.map((row) => ({
      id: row.id,
      cells: list.columns.map((column) => ({
        ...formatField(
          column,
          row.fields[column.apiName],
          this.format,
          PAGE_OBJECTS,
          row.fields.CurrencyIsoCode?.value
        ),
        key: `${row.id}-${column.apiName}`
      }))
    }));
  }

  get isEmpty(): boolean {
    return !!this.list && this.list.rows.length === 0;
  }

  get canCreate(): boolean {
    return !!this.list?.canCreate && this.list.newRecordFields.length > 0 && !this.formOpen;
  }

  // ---- the "New" form ----

  get formTitle(): string {
    return `New ${this.listTitle}`;
  }

  get formFields(): {
    apiName: string;
    label: string;
    required: boolean;
    isCombobox: boolean;
    isCheckbox: boolean;
    inputType: string;
    value: string;
    checked: boolean;
    options: { label: string; value: string }[];
    placeholder: string;
  }[] {
    return (this.list?.newRecordFields ?? []).map((field) => {
      const value = this.draft[field.apiName];
      const isCombobox = field.dataType === 'Reference' || field.options.length > 0;
      return {
        apiName: field.apiName,
        label: field.label,
        required: field.required,
        isCombobox,
        isCheckbox: field.dataType === 'Boolean',
        inputType: INPUT_TYPE[field.dataType] ?? 'text',
        value: typeof value === 'string' ? value : '',
        checked: value === true,
        // A required lookup or picklist has no "none": the user must choose.
        options: field.required
          ? field.options
          : [{ label: '--None--', value: '' }, ...field.options],
        placeholder:
          field.dataType === 'Reference'
            ? CHROME_TEXT.searchField(field.label)
            : CHROME_TEXT.selectAnOption
      };
    });
  }

  get saveDisabled(): boolean {
    return this.saving;
  }

  handleNew(): void {
    this.draft = Object.fromEntries(
      (this.list?.newRecordFields ?? [])
        .filter((field) => field.dataType === 'Boolean')
        .map((field) => [field.apiName, false])
    );
    this.saveError = null;
    this.formOpen = true;
    this.focusForm = true;
  }

  handleCancel(): void {
    this.formOpen = false;
    this.saveError = null;
  }

  handleFieldChange(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
    const name = (event.currentTarget as HTMLElement).dataset.newField ?? '';
    const field = this.list?.newRecordFields.find((candidate) => candidate.apiName === name);
    if (!field) return;
    this.draft = {
      ...this.draft,
      [name]: field.dataType === 'Boolean' ? event.detail.checked === true : event.detail.value
    };
  }

  /** The draft as the UI API takes it: numbers as numbers, blanks left out. */
  private fieldsToSave(list: RelatedListBody): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    for (const field of list.newRecordFields) {
      const value = this.draft[field.apiName];
      if (value === undefined || value === '' || value === null) continue;
      fields[field.apiName] =
        INPUT_TYPE[field.dataType] === 'number' && typeof value === 'string'
          ? Number(value)
          : value;
    }
    return { ...fields, [list.field]: list.parent.id };
  }

  async handleSave(): Promise<void> {
    const list = this.list;
    if (!list || this.saving) return;
    const inputs = [
      ...(this.template?.querySelectorAll<HTMLElement & { reportValidity(): boolean }>(
        '[data-new-field]'
      ) ?? [])
    ];
    // Every field reports its own problem (a required one left blank), as Lightning's form does.
    const valid = inputs.map((input) => input.reportValidity()).every(Boolean);
    if (!valid) return;
    this.saving = true;
    this.saveError = null;
    try {
      const saved = await callApi<{ id: string }>('/api/ui/records', {
        method: 'POST',
        body: { apiName: list.childObjectApiName, fields: this.fieldsToSave(list) }
      });
      this.formOpen = false;
      await this.load();
      // The shell confirms the save; views of the parent (its guidance, its counts) refresh.
      await notifyRecordUpdateAvailable([{ recordId: saved.id }, { recordId: list.parent.id }]);
    } catch (error) {
      this.saveError = error;
    } finally {
      this.saving = false;
    }
  }

  // ---- loading ----

  /** One load after the shell has set all three attributes. */
  private queueLoad(): void {
    if (this.loadQueued) return;
    this.loadQueued = true;
    void Promise.resolve().then(() => {
      this.loadQueued = false;
      this.formOpen = false;
      return this.load();
    });
  }

  private async load(): Promise<void> {
    const parentId = this.parentId;
    const relationship = this.relationship;
    if (!parentId || !relationship) return;
    try {
      const list = await callApi<RelatedListBody>(
        `/api/ui/related-list/${encodeURIComponent(parentId)}/${encodeURIComponent(relationship)}`
      );
      if (parentId !== this.parentId || relationship !== this.relationship) return;
      this.list = list;
      this.error = null;
    } catch (error) {
      this.list = null;
      this.error = error;
    }
  }
}

/**
 * An object tab, as in Lightning Experience. Without a record: the object's list views from
 * its metadata (searchable, sortable by any column). With one: the highlights header with the
 * record picker (searchable, the weakest data-quality score first, same-named records told
 * apart by their account) and the page's quick actions, the stage path of an opportunity, the
 * Details panel laid out by the object's page layout with values formatted for the user, and
 * the package's own components the record page places (pages.ts).
 */
import { LightningElement, api } from 'lwc';
import CURRENCY from '@salesforce/i18n/currency';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { dateText, integer } from 'c/userFormat';
import packageComponents from 'wb/packageComponents';
import { RECORD_PAGES } from '../../../../pages';
import { callApi } from '../../../../platform/http';
import { RECORD_UPDATED_EVENT } from '../../../../platform/uiRecordApi';
import { CHROME_TEXT, type ChromeText } from '../chromeText/chromeText';
import {
  formatField,
  type FieldDescribe,
  type FormattedField,
  type UserFormat
} from './fieldFormat';

interface RecordSummary {
  id: string;
  name: string;
  owner: string | null;
  account?: string | null;
  closeDate?: string | null;
  score: number | null;
}

interface ObjectInfoBody {
  label: string;
  /** The object's tab label in the user's language. */
  labelPlural?: string;
  /** Whether the user may edit records of the object (their permission sets). */
  updateable?: boolean;
  fields: Record<string, FieldDescribe & { picklistValues?: { label: string; value: string }[] }>;
}

interface Cell {
  value: unknown;
  displayValue: string | null;
}

interface Representation {
  id: string;
  apiName?: string;
  fields: Record<string, Cell>;
}

interface LayoutBody {
  sections: { label: string; columns: string[][] }[];
}

interface ListViewSummary {
  name: string;
  label: string;
  sortBy: string;
  sortDescending: boolean;
}

interface ListViewBody extends ListViewSummary {
  columns: FieldDescribe[];
  rows: Representation[];
}

interface HeadlessAction {
  invoke(): Promise<void>;
}

const PAGE_OBJECTS = new Set(Object.keys(RECORD_PAGES));

/** Stages Lightning's path shows after the open ones: one closed step for won or lost. */
const CLOSED_STAGES = new Set(['Closed Won', 'Closed Lost']);
/** The path's last step of an open deal, which stands for either closed stage. */
const CLOSED_STEP = 'Closed';

export default class RecordPage extends LightningElement {
  private currentObject = '';
  private currentRecordId: string | null = null;
  records: RecordSummary[] = [];
  pickerSearch = '';
  info: ObjectInfoBody | null = null;
  record: Representation | null = null;
  layout: LayoutBody | null = null;
  readonly format: UserFormat = { locale: LOCALE, timeZone: TIME_ZONE, currency: CURRENCY };
  listViews: ListViewSummary[] = [];
  listView: ListViewBody | null = null;
  listSearch = '';
  sortBy = 'Name';
  sortDescending = false;
  error: unknown = null;

  @api
  get objectApiName(): string {
    return this.currentObject;
  }
  set objectApiName(value: string) {
    if (value !== this.currentObject) {
      this.currentObject = value;
      this.info = null;
      this.layout = null;
      this.listView = null;
      this.listViews = [];
      this.pickerSearch = '';
      this.listSearch = '';
      void this.loadObject();
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
    if (!this.currentRecordId && this.listView) void this.loadListView(this.listView.name);
  };

  override connectedCallback(): void {
    window.addEventListener(RECORD_UPDATED_EVENT, this.onRecordUpdated);
  }

  override disconnectedCallback(): void {
    window.removeEventListener(RECORD_UPDATED_EVENT, this.onRecordUpdated);
  }

  // ---- header and record picker ----

  get objectLabel(): string {
    return this.info?.label ?? '';
  }

  get tabLabel(): string {
    return this.info?.labelPlural ?? RECORD_PAGES[this.currentObject]?.tabLabel ?? this.objectLabel;
  }

  get recordName(): string {
    const name = this.record?.fields.Name?.value;
    return typeof name === 'string' ? name : '';
  }

  /** Records the picker offers: filtered by the search, weakest score first, then by name. */
  get options(): { label: string; value: string }[] {
    const search = this.pickerSearch.trim().toLowerCase();
    const names = new Map<string, number>();
    for (const record of this.records) names.set(record.name, (names.get(record.name) ?? 0) + 1);
    return this.records
      .filter(
        (record) =>
          !search ||
          record.name.toLowerCase().includes(search) ||
          (record.account ?? '').toLowerCase().includes(search) ||
          record.id === this.currentRecordId
      )
      .sort(
        (a, b) =>
          (a.score ?? 101) - (b.score ?? 101) ||
          a.name.localeCompare(b.name) ||
          a.id.localeCompare(b.id)
      )
      .map((record) => {
        // Records of one name are told apart by their account, then by their close date.
        const twin = (names.get(record.name) ?? 0) > 1;
        const parts = [record.name];
        if (twin && record.account && !record.name.includes(record.account)) {
          parts.push(record.account);
        }
        if (twin && record.closeDate) parts.push(CHROME_TEXT.closes(dateText(record.closeDate)));
        const name = parts.join(' · ');
        return {
          label: record.score === null ? name : CHROME_TEXT.withScore(name, integer(record.score)),
          value: record.id
        };
      });
  }

  get components(): readonly string[] {
    return RECORD_PAGES[this.currentObject]?.components ?? [];
  }

  /** The page's quick actions this user may take on this record (edit right, visibility rule). */
  get actions(): { component: string; label: string; constructor: unknown }[] {
    if (!this.info?.updateable || !this.record) return [];
    const fields = this.record.fields;
    return (RECORD_PAGES[this.currentObject]?.actions ?? [])
      .filter((action) => !action.when || fields[action.when.field]?.value === action.when.value)
      .map((action) => ({
        component: action.component,
        label: action.label,
        constructor: packageComponents[action.component] ?? null
      }));
  }

  get hasActions(): boolean {
    return this.actions.length > 0;
  }

  get text(): ChromeText {
    return CHROME_TEXT;
  }

  get hasRecord(): boolean {
    return !!this.currentRecordId;
  }

  get pickerValue(): string {
    return this.currentRecordId ?? '';
  }

  get recordCountText(): string {
    return CHROME_TEXT.recordsYouCanSee(integer(this.records.length));
  }

  // ---- stage path ----

  get path(): {
    key: string;
    label: string;
    className: string;
    current: string | null;
    stateText: string;
  }[] {
    if (this.currentObject !== 'Opportunity' || !this.record || !this.info) return [];
    const stage = String(this.record.fields.StageName?.value ?? '');
    const entries = this.info.fields.StageName?.picklistValues ?? [];
    const values = entries.map((entry) => entry.value);
    const stageLabels = new Map(entries.map((entry) => [entry.value, entry.label]));
    const open = values.filter((value) => !CLOSED_STAGES.has(value));
    const closed = CLOSED_STAGES.has(stage) ? stage : CLOSED_STEP;
    const steps = [...open, closed];
    const index = steps.indexOf(CLOSED_STAGES.has(stage) ? closed : stage);
    return steps.map((step, position) => {
      let state = 'slds-is-incomplete';
      if (position < index) state = 'slds-is-complete';
      if (position === index) {
        state = 'slds-is-current slds-is-active';
        if (stage === 'Closed Won') state = 'slds-is-current slds-is-active slds-is-won';
        if (stage === 'Closed Lost') state = 'slds-is-current slds-is-active slds-is-lost';
      }
      // The state in words, not by colour alone.
      const stateText =
        position < index
          ? CHROME_TEXT.stageComplete
          : position === index
            ? CHROME_TEXT.currentStage
            : '';
      return {
        key: step,
        label: step === CLOSED_STEP ? CHROME_TEXT.closedStage : (stageLabels.get(step) ?? step),
        className: `slds-path__item ${state}`,
        current: position === index ? 'step' : null,
        stateText
      };
    });
  }

  get hasPath(): boolean {
    return this.path.length > 0;
  }

  get stageText(): string {
    return `Stage: ${String(this.record?.fields.StageName?.value ?? '')}`;
  }

  // ---- details panel ----

  get sections(): {
    key: string;
    label: string;
    columnClass: string;
    columns: { key: string; fields: FormattedField[] }[];
  }[] {
    const info = this.info;
    const record = this.record;
    if (!info || !record || !this.layout) return [];
    return this.layout.sections
      .map((section, index) => {
        const columns = section.columns
          .map((column, columnIndex) => ({
            key: `${index}-${columnIndex}`,
            // Only the fields the user may read: an unreadable one is absent, not blank.
            fields: column
              .filter((name) => name in record.fields && info.fields[name])
              .map((name) =>
                formatField(
                  info.fields[name],
                  record.fields[name],
                  this.format,
                  PAGE_OBJECTS,
                  record.fields.CurrencyIsoCode?.value
                )
              )
          }))
          .filter((column) => column.fields.length > 0);
        return {
          key: `section-${index}`,
          label: section.label,
          columnClass: `slds-col slds-size_1-of-1 slds-medium-size_1-of-${Math.max(
            columns.length,
            1
          )}`,
          columns
        };
      })
      .filter((section) => section.columns.length > 0);
  }

  // ---- list view ----

  get listViewOptions(): { label: string; value: string }[] {
    return this.listViews.map((view) => ({ label: view.label, value: view.name }));
  }

  get hasManyListViews(): boolean {
    return this.listViews.length > 1;
  }

  get listViewLabel(): string {
    return this.listView?.label ?? '';
  }

  get listHref(): string {
    return `#/${this.currentObject}`;
  }

  get listViewName(): string {
    return this.listView?.name ?? '';
  }

  get listHeaders(): {
    apiName: string;
    label: string;
    ariaSort: string;
    sortIcon: string;
    sortText: string;
  }[] {
    return (this.listView?.columns ?? []).map((column) => {
      const sorted = column.apiName === this.sortBy;
      return {
        apiName: column.apiName,
        label: column.label,
        ariaSort: sorted ? (this.sortDescending ? 'descending' : 'ascending') : 'none',
        sortIcon: sorted ? (this.sortDescending ? 'utility:arrowdown' : 'utility:arrowup') : '',
        sortText: sorted
          ? this.sortDescending
            ? CHROME_TEXT.sortedDescending
            : CHROME_TEXT.sortedAscending
          : ''
      };
    });
  }

  get listRows(): { id: string; href: string; cells: (FormattedField & { key: string })[] }[] {
    const view = this.listView;
    if (!view) return [];
    const search = this.listSearch.trim().toLowerCase();
    const rows = view.rows.map((row) => ({
      id: row.id,
      href: `#/${this.currentObject}/${row.id}`,
      cells: view.columns.map((column) => ({
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
    const sortIndex = view.columns.findIndex((column) => column.apiName === this.sortBy);
    const direction = this.sortDescending ? -1 : 1;
    return rows
      .filter(
        (row) => !search || row.cells.some((cell) => cell.text.toLowerCase().includes(search))
      )
      .sort((a, b) => {
        if (sortIndex < 0) return 0;
        const left = a.cells[sortIndex].sortValue;
        const right = b.cells[sortIndex].sortValue;
        // Blanks last in either direction, as Lightning's list views sort them.
        if (left === '' && right !== '') return 1;
        if (right === '' && left !== '') return -1;
        if (typeof left === 'number' && typeof right === 'number') {
          return (left - right) * direction;
        }
        return String(left).localeCompare(String(right)) * direction;
      })
      .map((row) => ({
        ...row,
        // The first column names the record and links to it, as a list view's does.
        cells: row.cells.map((cell, index) => (index === 0 ? { ...cell, href: row.href } : cell))
      }));
  }

  get listCountText(): string {
    const shown = this.listRows.length;
    const total = this.listView?.rows.length ?? 0;
    return CHROME_TEXT.items(integer(shown), integer(total), shown === total);
  }

  // ---- loading ----

  private async loadObject(): Promise<void> {
    const objectName = this.currentObject;
    if (!objectName) return;
    try {
      const [info, layout, views] = await Promise.all([
        callApi<ObjectInfoBody>(`/api/ui/object-info/${objectName}`),
        callApi<LayoutBody>(`/api/ui/layout/${objectName}`),
        callApi<ListViewSummary[]>(`/api/ui/list-views/${objectName}`)
      ]);
      if (objectName !== this.currentObject) return;
      this.info = info;
      this.layout = layout;
      this.listViews = views;
      await Promise.all([
        this.loadRecords(),
        this.loadDetails(),
        views[0] ? this.loadListView(views[0].name) : Promise.resolve()
      ]);
    } catch (error) {
      this.error = error;
    }
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

  private async loadListView(name: string): Promise<void> {
    const objectName = this.currentObject;
    const view = await callApi<ListViewBody>(
      `/api/ui/list-views/${objectName}/${encodeURIComponent(name)}`
    );
    if (objectName !== this.currentObject) return;
    if (this.listView?.name !== view.name) {
      this.sortBy = view.sortBy;
      this.sortDescending = view.sortDescending;
    }
    this.listView = view;
  }

  private async loadDetails(): Promise<void> {
    const recordId = this.currentRecordId;
    const layout = this.layout;
    this.error = null;
    if (!recordId || !layout) {
      if (!recordId) this.record = null;
      return;
    }
    const fields = [
      ...new Set([
        'Name',
        'StageName',
        ...(RECORD_PAGES[this.currentObject]?.actions ?? []).flatMap((action) =>
          action.when ? [action.when.field] : []
        ),
        ...layout.sections.flatMap((section) => section.columns.flat())
      ])
    ].filter((name) => this.info?.fields[name]);
    try {
      const record = await callApi<Representation>(
        `/api/ui/records/${encodeURIComponent(recordId)}?fields=${fields.join(',')}`
      );
      if (recordId !== this.currentRecordId) return;
      if (record.apiName && record.apiName !== this.currentObject) {
        // A record of another object under this tab's URL: Lightning finds no such record here.
        this.record = null;
        this.error = CHROME_TEXT.noRecordWithId(this.objectLabel || this.currentObject, recordId);
        return;
      }
      this.record = record;
    } catch (error) {
      this.record = null;
      this.error = error;
    }
  }

  // ---- handlers ----

  handlePick(event: CustomEvent<{ value: string }>): void {
    window.location.hash = `#/${this.currentObject}/${event.detail.value}`;
  }

  handlePickerSearch(event: CustomEvent<{ value: string }>): void {
    this.pickerSearch = event.detail.value ?? '';
  }

  handleListSearch(event: CustomEvent<{ value: string }>): void {
    this.listSearch = event.detail.value ?? '';
  }

  handleListView(event: CustomEvent<{ value: string }>): void {
    void this.loadListView(event.detail.value);
  }

  handleSort(event: Event): void {
    const field = (event.currentTarget as HTMLElement).dataset.sort ?? '';
    if (field === this.sortBy) {
      this.sortDescending = !this.sortDescending;
    } else {
      this.sortBy = field;
      this.sortDescending = false;
    }
  }

  async handleAction(event: Event): Promise<void> {
    const name = (event.currentTarget as HTMLElement).dataset.action ?? '';
    const host = this.template?.querySelector(`[data-action-host="${name}"]`) as
      HeadlessAction | null | undefined;
    await host?.invoke();
  }
}

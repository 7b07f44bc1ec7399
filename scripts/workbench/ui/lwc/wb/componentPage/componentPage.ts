/**
 * The component gallery: any component of the package, by name, opened where it works: on a
 * record of an object whose record page places it (the user picks the object and the record),
 * as a quick action of such a record, bare as on Home or an app page, or, for a component that
 * only runs inside another one, inside that parent. Components added to force-app appear here
 * on the next build; pages.ts says where each one is placed.
 */
import { LightningElement, api } from 'lwc';
import packageComponents from 'wb/packageComponents';
import { galleryContextOf, type GalleryContext } from '../../../../pages';
import { CHROME_TEXT, type ChromeText } from '../chromeText/chromeText';
import { callApi } from '../../../../platform/http';

interface HeadlessAction {
  invoke(): Promise<void>;
}

function tagOf(name: string): string {
  return `c-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

export default class ComponentPage extends LightningElement {
  private currentName = '';
  objectApiName: string | undefined = undefined;
  /** Undefined until a record is chosen, so the component's wires wait as on a record page. */
  recordId: string | undefined = undefined;
  records: { label: string; value: string }[] = [];
  objectLabels: Record<string, string> = {};
  loadError: unknown = null;

  @api
  get componentName(): string {
    return this.currentName;
  }
  set componentName(value: string) {
    this.currentName = value;
    this.objectApiName =
      this.hostContext.kind === 'record' || this.hostContext.kind === 'action'
        ? this.hostContext.objects[0]
        : undefined;
    this.recordId = undefined;
    this.records = [];
    void this.loadRecords();
  }

  /** The component the gallery renders: the one named, or the parent it runs inside. */
  get hostName(): string {
    const context = galleryContextOf(this.currentName);
    return context.kind === 'part' ? context.parent : this.currentName;
  }

  get hostContext(): GalleryContext {
    return galleryContextOf(this.hostName);
  }

  get componentConstructor(): unknown {
    return packageComponents[this.hostName] ?? null;
  }

  get componentTag(): string {
    return tagOf(this.currentName);
  }

  get isUnknown(): boolean {
    return !packageComponents[this.currentName];
  }

  get needsRecord(): boolean {
    return this.hostContext.kind === 'record' || this.hostContext.kind === 'action';
  }

  get isAction(): boolean {
    return this.hostContext.kind === 'action';
  }

  get actionLabel(): string {
    const context = this.hostContext;
    return context.kind === 'action' ? context.label : '';
  }

  get contextText(): string {
    const own = galleryContextOf(this.currentName);
    const context = this.hostContext;
    const where =
      context.kind === 'record'
        ? CHROME_TEXT.shownOnRecordPage(this.objectList(context.objects))
        : context.kind === 'action'
          ? CHROME_TEXT.shownAsQuickAction(context.label, this.objectList(context.objects))
          : CHROME_TEXT.shownWithoutRecord;
    return own.kind === 'part'
      ? CHROME_TEXT.runsInside(`<${tagOf(this.currentName)}>`, `<${tagOf(own.parent)}>`, where)
      : CHROME_TEXT.shown(where);
  }

  get text(): ChromeText {
    return CHROME_TEXT;
  }

  get noSuchComponentText(): string {
    return CHROME_TEXT.noSuchComponent(this.componentName);
  }

  private objectList(objects: readonly string[]): string {
    return objects.map((name) => this.objectLabels[name] ?? name).join(', ');
  }

  /** A headless action has no view: no empty card for it. */
  get hostClass(): string {
    return this.isAction ? '' : 'slds-card slds-p-around_small';
  }

  get objectOptions(): { label: string; value: string }[] {
    const context = this.hostContext;
    const objects = context.kind === 'record' || context.kind === 'action' ? context.objects : [];
    return objects.map((name) => ({ label: this.objectLabels[name] ?? name, value: name }));
  }

  get hasRecords(): boolean {
    return this.records.length > 0;
  }

  get showComponent(): boolean {
    return !this.needsRecord || !!this.recordId;
  }

  private async loadRecords(): Promise<void> {
    const objectName = this.objectApiName;
    if (!objectName || this.isUnknown) return;
    this.loadError = null;
    try {
      const context = this.hostContext;
      const objects = context.kind === 'record' || context.kind === 'action' ? context.objects : [];
      const [records, ...infos] = await Promise.all([
        callApi<{ id: string; name: string; account?: string | null }[]>(
          `/api/records/${objectName}`
        ),
        ...objects.map((name) => callApi<{ label: string }>(`/api/ui/object-info/${name}`))
      ]);
      if (objectName !== this.objectApiName) return;
      this.objectLabels = Object.fromEntries(objects.map((name, i) => [name, infos[i].label]));
      this.records = records.map((record) => ({
        label: record.account ? `${record.name} (${record.account})` : record.name,
        value: record.id
      }));
      this.recordId = this.records[0]?.value;
    } catch (error) {
      this.loadError = error;
    }
  }

  handleObject(event: CustomEvent<{ value: string }>): void {
    this.objectApiName = event.detail.value;
    this.recordId = undefined;
    void this.loadRecords();
  }

  handleRecord(event: CustomEvent<{ value: string }>): void {
    this.recordId = event.detail.value;
  }

  async handleRunAction(): Promise<void> {
    const host = this.template?.querySelector('[data-id="hosted"]') as
      HeadlessAction | null | undefined;
    await host?.invoke();
  }
}

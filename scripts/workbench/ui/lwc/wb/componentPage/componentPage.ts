/**
 * The component gallery: any component of the package, by name, rendered on a record the user
 * picks. Components added to force-app appear here on the next build with no workbench change;
 * the Apex they call is answered by the server or fails loudly in their error panel.
 */
import { LightningElement, api } from 'lwc';
import packageComponents from 'wb/packageComponents';
import { callApi } from '../../../../platform/http';

const OBJECTS = ['Opportunity', 'Account', 'Account_Plan__c'];

export default class ComponentPage extends LightningElement {
  @api componentName = '';
  objectApiName = 'Opportunity';
  /** Undefined until a record is chosen, so the component's wires wait as on a record page. */
  recordId: string | undefined = undefined;
  records: { label: string; value: string }[] = [];

  override connectedCallback(): void {
    void this.loadRecords();
  }

  get componentConstructor(): unknown {
    return packageComponents[this.componentName] ?? null;
  }

  get componentTag(): string {
    return `c-${this.componentName.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  }

  get isUnknown(): boolean {
    return !this.componentConstructor;
  }

  get objectOptions(): { label: string; value: string }[] {
    return OBJECTS.map((name) => ({ label: name, value: name }));
  }

  private async loadRecords(): Promise<void> {
    const records = await callApi<{ id: string; name: string }[]>(
      `/api/records/${this.objectApiName}`
    );
    this.records = records.map((record) => ({ label: record.name, value: record.id }));
    this.recordId = this.records[0]?.value;
  }

  handleObject(event: CustomEvent<{ value: string }>): void {
    this.objectApiName = event.detail.value;
    void this.loadRecords();
  }

  handleRecord(event: CustomEvent<{ value: string }>): void {
    this.recordId = event.detail.value;
  }
}

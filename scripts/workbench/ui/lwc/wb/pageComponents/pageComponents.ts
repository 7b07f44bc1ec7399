/**
 * A column of package components, by name, as a FlexiPage region places them: each gets the
 * page's recordId and objectApiName (blank on Home and app pages). A name the package does not
 * have is shown as an error, never skipped.
 */
import { LightningElement, api } from 'lwc';
import packageComponents from 'wb/packageComponents';

export default class PageComponents extends LightningElement {
  @api names: readonly string[] = [];
  @api recordId: string | null = null;
  @api objectApiName: string | null = null;

  get items(): { name: string; constructor: unknown; missing: boolean }[] {
    return this.names.map((name) => ({
      name,
      constructor: packageComponents[name] ?? null,
      missing: !packageComponents[name]
    }));
  }
}

/**
 * A column of package components, by name, as a FlexiPage region places them: each gets the
 * page's recordId and objectApiName (blank on Home and app pages). A name the package does not
 * have is shown as an error, never skipped. As on the platform, a component whose
 * supportedFormFactors leave out the device (a phone: Small) is not rendered on that page type.
 */
import { LightningElement, api } from 'lwc';
import formFactor from '@salesforce/client/formFactor';
import packageComponents, { supportedFormFactors } from 'wb/packageComponents';
import { rendersOn, type FormFactor, type PageType } from './formFactors';

export default class PageComponents extends LightningElement {
  @api names: readonly string[] = [];
  @api recordId: string | null = null;
  @api objectApiName: string | null = null;
  @api pageType: PageType = 'RecordPage';

  get items(): { name: string; constructor: unknown; missing: boolean }[] {
    const device = formFactor as FormFactor;
    const shown = this.names.filter((name) =>
      rendersOn(supportedFormFactors[name], this.pageType, device)
    );
    return shown.map((name) => ({
      name,
      constructor: packageComponents[name] ?? null,
      missing: !packageComponents[name]
    }));
  }
}

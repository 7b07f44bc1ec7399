/**
 * Platform modules the package imports that @salesforce/lightning-types does not (yet) type.
 * `@salesforce/apex/*` methods are typed in apex.generated.d.ts, generated from the Apex sources
 * by `scripts/checks/apexTypes.ts`, so that the TypeScript view of Apex cannot drift.
 */
/// <reference types="@salesforce/lightning-types" />

declare module '@salesforce/label/*' {
  /** The label's text in the running user's language. */
  const label: string;
  export default label;
}

declare module '@salesforce/schema/*' {
  /** A field or object reference, e.g. `Opportunity.NextStep`, checked by the platform on deploy. */
  const reference: { objectApiName: string; fieldApiName?: string };
  export default reference;
}

declare module '@salesforce/apex' {
  /** Re-runs the wire adapter that produced `wiredValue` and resolves when fresh data arrived. */
  export function refreshApex(wiredValue: unknown): Promise<void>;
}

declare module '@salesforce/customPermission/*' {
  /** True when the running user holds the custom permission. */
  const hasPermission: boolean;
  export default hasPermission;
}

declare module 'lightning/platformShowToastEvent' {
  export interface ShowToastEventDetail {
    title: string;
    message?: string;
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
  }
  export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
    constructor(detail: ShowToastEventDetail);
  }
}

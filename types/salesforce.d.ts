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

declare module 'lightning/navigation' {
  import type { LightningElement } from 'lwc';

  /** Where to go: a record, an object's list, a record's related list, a named page. */
  export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
  }
  const Navigate: unique symbol;
  const GenerateUrl: unique symbol;
  /** A LightningElement that can navigate: what `NavigationMixin(LightningElement)` returns. */
  export class NavigatingElement extends LightningElement {
    [Navigate](reference: PageReference, replace?: boolean): void;
    [GenerateUrl](reference: PageReference): Promise<string>;
  }
  /** Gives a component `this[NavigationMixin.Navigate](pageReference)`. */
  export const NavigationMixin: {
    (Base: typeof LightningElement): typeof NavigatingElement;
    readonly Navigate: typeof Navigate;
    readonly GenerateUrl: typeof GenerateUrl;
  };
}

declare module 'lightning/uiRecordApi' {
  import type { WireAdapterConstructor } from 'lwc';

  export interface FieldValue {
    value: unknown;
    displayValue: string | null;
  }
  export interface RecordRepresentation {
    id: string;
    apiName: string;
    recordTypeId: string | null;
    fields: Record<string, FieldValue>;
  }
  export interface RecordInput {
    fields: Record<string, unknown>;
  }
  /** Reads a record's fields through Lightning Data Service. */
  export const getRecord: WireAdapterConstructor<
    { recordId?: string; fields?: string[]; optionalFields?: string[] },
    { data?: RecordRepresentation; error?: unknown }
  >;
  /** Saves fields of a record through Lightning Data Service (validation rules, triggers, FLS). */
  export function updateRecord(recordInput: RecordInput): Promise<RecordRepresentation>;
  /** Creates a record through Lightning Data Service (validation rules, triggers, FLS). */
  export function createRecord(recordInput: {
    apiName: string;
    fields: Record<string, unknown>;
  }): Promise<RecordRepresentation>;
  /** Tells Lightning Data Service that records changed outside it, so every view refreshes. */
  export function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void>;
}

declare module 'lightning/uiObjectInfoApi' {
  import type { WireAdapterConstructor } from 'lwc';

  export interface FieldInfo {
    apiName: string;
    label: string;
    dataType: string;
    updateable: boolean;
    required: boolean;
    length?: number;
    scale?: number;
    inlineHelpText?: string | null;
  }
  export interface ObjectInfo {
    apiName: string;
    defaultRecordTypeId: string;
    /** Whether the running user may create records of the object (their object permissions). */
    createable: boolean;
    fields: Record<string, FieldInfo>;
  }
  export interface PicklistValue {
    label: string;
    value: string;
  }
  export interface PicklistValuesByRecordType {
    picklistFieldValues: Record<string, { values: PicklistValue[] }>;
  }
  /** Describes an object: its fields' labels, types and whether the user may edit them. */
  export const getObjectInfo: WireAdapterConstructor<
    { objectApiName?: string },
    { data?: ObjectInfo; error?: unknown }
  >;
  /** The picklist values of every picklist of an object for one record type. */
  export const getPicklistValuesByRecordType: WireAdapterConstructor<
    { objectApiName?: string; recordTypeId?: string },
    { data?: PicklistValuesByRecordType; error?: unknown }
  >;
}

declare module '@salesforce/user/Id' {
  /** The running user's Id. */
  const userId: string;
  export default userId;
}

declare module '@salesforce/i18n/locale' {
  /** The running user's locale, BCP 47 (en-US, da-DK). */
  const locale: string;
  export default locale;
}

declare module '@salesforce/i18n/timeZone' {
  /** The running user's time zone, an IANA id (Europe/Copenhagen). */
  const timeZone: string;
  export default timeZone;
}

declare module '@salesforce/i18n/currency' {
  /** The org's currency (the user's own in a multi-currency org), ISO 4217. */
  const currency: string;
  export default currency;
}

/**
 * What multiple currencies add to the schema (Salesforce Help, "Manage Multiple Currencies";
 * Object Reference, "CurrencyType", "DatedConversionRate", and the CurrencyIsoCode field of each
 * object: "Available only for orgs with the multicurrency feature enabled").
 *
 * - `User.DefaultCurrencyIsoCode` in every org: "The user's default currency code for multiple
 *   currency organizations or the organization's currency code for single currency organizations"
 *   (Object Reference, "User"). A new user's is the corporate (the org's) currency.
 * - With multiple currencies, `CurrencyIsoCode` (label "Currency", a restricted picklist of the
 *   active currencies) on every custom object that holds records (not Custom Metadata, share or
 *   history objects, nor platform events) and on the catalogue's standard objects that carry it
 *   in an org: Account, Contact, Opportunity and User. OpportunityContactRole, Task and Event do
 *   not get it (a choice: the runtime's catalogue follows the Object Reference pages of those
 *   objects, which do not list the field). A new record's value is the running user's
 *   DefaultCurrencyIsoCode (getUserInfoResult: the user's default currency is used "when the
 *   logged-in user creates any objects that have a currency ISO code" and does not set one);
 *   execution/dml.ts sets it.
 * - `CurrencyType` with multiple currencies, `DatedConversionRate` only with advanced currency
 *   management as well ("This object is not available in single-currency organizations, nor is it
 *   available if the organization has not enabled advanced currency management"). Both are
 *   setup data: readable by every user and in tests without SeeAllData, not writable by Apex DML
 *   (the runtime refuses DML on them as on other read-only setup objects).
 */
import { auditFields, idField, makeField } from './fieldDescribes';
import type { SchemaDraft } from './schemaDraft';
import type { FieldDescribe, ObjectDescribe, PicklistEntry } from './schema';

export interface CurrencySchemaOptions {
  multiCurrency: boolean;
  advancedCurrencyManagement: boolean;
  /** The corporate currency (the org's currency in a single-currency org). */
  corporateCurrency: string;
  /** The active currencies' ISO codes (just the org's in a single-currency org). */
  activeCurrencies: readonly string[];
}

/** Standard objects of the catalogue that have CurrencyIsoCode in a multi-currency org. */
export const STANDARD_CURRENCY_OBJECTS: readonly string[] = [
  'Account',
  'Contact',
  'Opportunity',
  'User'
];

export const CURRENCY_TYPE = 'CurrencyType';
export const DATED_CONVERSION_RATE = 'DatedConversionRate';

function currencyEntries(options: CurrencySchemaOptions): PicklistEntry[] {
  return options.activeCurrencies.map((code) => ({
    value: code,
    label: code,
    active: true,
    defaultValue: code === options.corporateCurrency
  }));
}

function currencyPicklist(
  name: string,
  label: string,
  options: CurrencySchemaOptions
): FieldDescribe {
  return makeField({
    name,
    type: 'picklist',
    label,
    length: 3,
    picklistValues: currencyEntries(options),
    restrictedPicklist: true,
    defaultedOnCreate: true,
    nillable: false
  });
}

/** Whether a project or catalogue object gets CurrencyIsoCode in a multi-currency org. */
export function hasCurrencyField(object: ObjectDescribe): boolean {
  if (object.custom) {
    return (
      !object.customMetadata &&
      object.shareOf === undefined &&
      object.historyOf === undefined &&
      !object.name.toLowerCase().endsWith('__e')
    );
  }
  return STANDARD_CURRENCY_OBJECTS.includes(object.name);
}

/** A setup object: readable by every user, refused by DML (no create, edit or delete). */
export function setupObject(
  name: string,
  label: string,
  keyPrefix: string,
  fields: FieldDescribe[],
  audit: FieldDescribe[] = auditFields('full')
): ObjectDescribe {
  return {
    name,
    label,
    labelPlural: label,
    keyPrefix,
    custom: false,
    customSetting: false,
    customMetadata: false,
    sharingModel: 'Read',
    hasOwner: false,
    fields: [idField(label), ...fields, ...audit],
    childRelationships: [],
    validationRules: [],
    sharingReasons: [],
    createable: false,
    updateable: false,
    deletable: false,
    queryable: true,
    sharingParentFields: [],
    allowsActivities: false
  };
}

export function readOnly(field: FieldDescribe): FieldDescribe {
  return { ...field, createable: false, updateable: false };
}

/** Adds the currency fields and objects the org's currency settings call for. */
export function addCurrencySchema(draft: SchemaDraft, options: CurrencySchemaOptions): void {
  const user = draft.get('User');
  if (user && !user.fields.some((field) => field.name === 'DefaultCurrencyIsoCode')) {
    draft.addField(user, currencyPicklist('DefaultCurrencyIsoCode', 'User Currency', options));
  }
  if (!options.multiCurrency) return;
  for (const object of draft.objects()) {
    if (!hasCurrencyField(object) || object.fields.some((f) => f.name === 'CurrencyIsoCode')) {
      continue;
    }
    draft.addField(object, currencyPicklist('CurrencyIsoCode', 'Currency', options));
  }
  const isoCode = readOnly({
    ...currencyPicklist('IsoCode', 'Currency ISO Code', options),
    defaultedOnCreate: false
  });
  const rate = readOnly(
    makeField({
      name: 'ConversionRate',
      type: 'double',
      label: 'Conversion Rate',
      precision: 18,
      scale: 6,
      nillable: false
    })
  );
  // Key prefixes: a choice (any Id of these rows only needs to be recognised as theirs).
  draft.add(
    setupObject(CURRENCY_TYPE, 'Currency Type', '02B', [
      isoCode,
      rate,
      readOnly(
        makeField({ name: 'DecimalPlaces', type: 'int', label: 'Decimal Places', digits: 9 })
      ),
      readOnly(makeField({ name: 'IsActive', type: 'boolean', label: 'Active' })),
      readOnly(makeField({ name: 'IsCorporate', type: 'boolean', label: 'Corporate Currency' }))
    ])
  );
  if (!options.advancedCurrencyManagement) return;
  draft.add(
    setupObject(DATED_CONVERSION_RATE, 'Dated Conversion Rate', '04w', [
      { ...isoCode, label: 'Currency Code' },
      { ...rate, label: 'Exchange Rate' },
      readOnly(makeField({ name: 'StartDate', type: 'date', label: 'Date' })),
      readOnly(makeField({ name: 'NextStartDate', type: 'date', label: 'Next Start Date' }))
    ])
  );
}

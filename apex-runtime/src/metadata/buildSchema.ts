/**
 * Assembles the OrgSchema of a source tree: the standard catalogue, the project's objects, then
 * what only the whole set decides: which objects an activity's What can point to, which
 * references lead to objects the runtime knows, and every parent's child relationships.
 */
import { addCurrencySchema, type CurrencySchemaOptions } from './currencySchema';
import { addProjectObjects } from './customObjects';
import { addFiscalSchema } from './fiscalSchema';
import type { PicklistValueSource, CustomObjectSource } from './objectSource';
import { IndexedOrgSchema, deepFreeze } from './orgSchemaIndex';
import { SchemaDraft } from './schemaDraft';
import { activityObjectNames, addStandardObjects } from './standardCatalogue';
import type { OrgSchema, SharingModel } from './schema';

export interface SchemaSources {
  objects: readonly CustomObjectSource[];
  globalValueSets: ReadonlyMap<string, PicklistValueSource[]>;
  keyPrefixes: ReadonlyMap<string, string>;
  /**
   * The org's own sharing settings (Setup > Sharing Settings are org configuration, not package
   * metadata): internal org-wide defaults that replace the catalogue's or the metadata's.
   */
  sharingDefaults?: Readonly<Record<string, SharingModel>>;
  /** The org's currencies: User.DefaultCurrencyIsoCode, and with multiple currencies CurrencyIsoCode and CurrencyType. */
  currencies?: CurrencySchemaOptions;
}

/** Activities can relate to objects with activities allowed (Account, Opportunity, custom objects with `enableActivities`). */
function widenActivityTargets(draft: SchemaDraft): void {
  const targets = draft
    .objects()
    .filter((object) => object.allowsActivities && object.name !== 'Contact')
    .map((object) => object.name);
  for (const activity of activityObjectNames()) {
    const what = draft.get(activity)?.fields.find((field) => field.name === 'WhatId');
    if (what) what.referenceTo = [...new Set([...what.referenceTo, ...targets])];
  }
}

/**
 * Polymorphic standard lookups name objects the runtime does not carry (WhoId can be a Lead):
 * only the known ones are kept, so every referenceTo resolves.
 */
function dropUnknownTargets(draft: SchemaDraft): void {
  for (const object of draft.objects()) {
    for (const field of object.fields) {
      if (field.referenceTo.length === 0) continue;
      const known = field.referenceTo.filter((target) => draft.get(target) !== undefined);
      if (known.length === 0) {
        throw new Error(
          `${object.name}.${field.name} points to ${field.referenceTo.join(', ')}, which the org does not have`
        );
      }
      if (field.referenceTo.length > 1) field.polymorphic = true;
      field.referenceTo = known.map((target) => draft.get(target)?.name ?? target);
    }
  }
}

function linkChildren(draft: SchemaDraft): void {
  for (const link of draft.childLinks) {
    for (const target of link.field.referenceTo) {
      const parent = draft.get(target);
      if (!parent) continue;
      parent.childRelationships.push({
        relationshipName: link.relationshipName,
        childObject: link.childObject,
        field: link.field.name,
        cascadeDelete: link.cascadeDelete
      });
    }
  }
}

function applySharingDefaults(
  draft: SchemaDraft,
  defaults: Readonly<Record<string, SharingModel>>
): void {
  for (const [name, model] of Object.entries(defaults)) {
    const object = draft.get(name);
    if (!object) throw new Error(`Sharing default for unknown object ${name}`);
    if (model === 'ControlledByParent' && (object.sharingParentFields ?? []).length === 0) {
      throw new Error(`${name} has no parent that could control its sharing`);
    }
    object.sharingModel = model;
  }
}

export function buildSchema(sources: SchemaSources): OrgSchema {
  const draft = new SchemaDraft();
  addStandardObjects(draft);
  addProjectObjects(sources.objects, {
    draft,
    globalValueSets: sources.globalValueSets,
    keyPrefixes: sources.keyPrefixes
  });
  addCurrencySchema(
    draft,
    sources.currencies ?? {
      multiCurrency: false,
      advancedCurrencyManagement: false,
      corporateCurrency: 'USD',
      activeCurrencies: ['USD']
    }
  );
  addFiscalSchema(draft);
  widenActivityTargets(draft);
  dropUnknownTargets(draft);
  linkChildren(draft);
  applySharingDefaults(draft, sources.sharingDefaults ?? {});
  return new IndexedOrgSchema(draft.objects().map(deepFreeze));
}

/**
 * Loads what the org is made of from an SFDX source tree (by default the project's
 * `force-app/main/default`, but any package's tree): the schema (standard catalogue plus the
 * project's objects), custom labels and translations, Custom Metadata records, static resources, notification
 * types, email templates, custom permissions, permission sets, permission set groups, profiles, record types and
 * Apex classes. Nothing here holds records; the platform's orgs (platform/orgs.ts) load them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readApexClasses, type ApexClassSource } from './apexClasses';
import { buildSchema } from './buildSchema';
import { readCustomLabels, type CustomLabels } from './customLabels';
import {
  readCustomMetadataRecords,
  type CustomMetadataRecordSource
} from './customMetadataRecords';
import { readCustomPermissions, type CustomPermissionSource } from './customPermissions';
import { readGlobalValueSets } from './globalValueSets';
import { projectKeyPrefixes } from './keyPrefixes';
import { readOrgDefinition, type OrgDefinition } from './orgDefinition';
import { readNotificationTypes, type NotificationTypeSource } from './notificationTypes';
import { readEmailTemplates, type EmailTemplateSources } from './emailTemplates';
import { readObjectSources, type RecordTypeSource } from './objectSource';
import {
  loadPermissionSetGroups,
  loadPermissionSets,
  loadProfiles,
  type PermissionSetDefinition,
  type PermissionSetGroupDefinition
} from './permissionSets';
import { readTranslations, type Translations } from './translations';
import { readStaticResources, type StaticResourceSource } from './staticResources';
import type { OrgSchema, SharingModel } from './schema';

export const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');
export const DEFAULT_SOURCE_DIR = join(REPOSITORY_ROOT, 'force-app', 'main', 'default');

export interface ApexProject {
  /** The source tree the project was read from. */
  readonly sourceDir: string;
  readonly schema: OrgSchema;
  readonly labels: CustomLabels;
  /** Label and object translations per language (`translations/`, `objectTranslations/`). */
  readonly translations: Translations;
  readonly customMetadataRecords: readonly CustomMetadataRecordSource[];
  readonly staticResources: readonly StaticResourceSource[];
  readonly notificationTypes: readonly NotificationTypeSource[];
  /** Classic email templates and their folders (`email/`, metadata/emailTemplates.ts). */
  readonly emailTemplates: EmailTemplateSources;
  readonly customPermissions: readonly CustomPermissionSource[];
  readonly permissionSets: ReadonlyMap<string, PermissionSetDefinition>;
  readonly permissionSetGroups: ReadonlyMap<string, PermissionSetGroupDefinition>;
  /** Profiles the source tree ships (`profiles/`), beside the two every org has. */
  readonly profiles: ReadonlyMap<string, PermissionSetDefinition>;
  /** Record types by object. */
  readonly recordTypes: ReadonlyMap<string, readonly RecordTypeSource[]>;
  readonly apexClasses: readonly ApexClassSource[];
  /** The org itself: name, edition, fiscal year (the project's scratch org definition). */
  readonly orgDefinition: OrgDefinition;
}

export interface LoadProjectOptions {
  /** The org's internal org-wide defaults where they differ from the metadata and catalogue. */
  sharingDefaults?: Readonly<Record<string, SharingModel>>;
  /**
   * Multiple currencies on or off whatever the scratch org definition says: the same project
   * loaded as a single-currency org (`false`) or a multi-currency one (`true`, which needs
   * `config/currencies.json`).
   */
  multiCurrency?: boolean;
  /**
   * Custom fiscal years (README, "Fiscal years"): `true` for `config/custom-fiscal-years.json`, or
   * the path of such a file relative to the project root; absent or `false` for the standard fiscal
   * years of the scratch definition.
   */
  customFiscalYears?: string | boolean;
}

/** Folders whose metadata would change what the runtime answers but that it does not read. */
const UNSUPPORTED_FOLDERS: Readonly<Record<string, string>> = {
  standardValueSets: "standard value sets (the runtime uses the catalogue's default values)",
  sharingRules: 'sharing rules',
  duplicateRules: 'duplicate rules',
  workflows: 'workflow rules',
  assignmentRules: 'assignment rules'
};

export function loadProject(
  sourceDir: string = DEFAULT_SOURCE_DIR,
  options: LoadProjectOptions = {}
): ApexProject {
  if (!existsSync(sourceDir)) throw new Error(`${sourceDir}: no such source folder`);
  for (const [folder, what] of Object.entries(UNSUPPORTED_FOLDERS)) {
    if (existsSync(join(sourceDir, folder))) {
      throw new Error(`not supported offline: ${what} (${join(sourceDir, folder)})`);
    }
  }
  const objects = readObjectSources(join(sourceDir, 'objects'));
  const orgDefinition = readOrgDefinition(sourceDir, {
    multiCurrency: options.multiCurrency,
    customFiscalYears: options.customFiscalYears
  });
  const schema = buildSchema({
    objects,
    globalValueSets: readGlobalValueSets(join(sourceDir, 'globalValueSets')),
    keyPrefixes: projectKeyPrefixes(objects.map((object) => object.name)),
    sharingDefaults: options.sharingDefaults,
    currencies: {
      multiCurrency: orgDefinition.multiCurrency,
      advancedCurrencyManagement: orgDefinition.advancedCurrencyManagement,
      corporateCurrency: orgDefinition.currencyIsoCode,
      activeCurrencies: orgDefinition.multiCurrency
        ? orgDefinition.currencies
            .filter((currency) => currency.isActive)
            .map((currency) => currency.isoCode)
        : [orgDefinition.currencyIsoCode]
    }
  });
  const translations = readTranslations(
    sourceDir,
    objects.flatMap((object) =>
      object.fields.flatMap((field) =>
        field.valueSet?.valueSetName
          ? [
              {
                objectName: object.name,
                fieldName: field.fullName,
                valueSetName: field.valueSet.valueSetName
              }
            ]
          : []
      )
    )
  );
  return {
    sourceDir,
    schema,
    labels: readCustomLabels(
      join(sourceDir, 'labels', 'CustomLabels.labels-meta.xml'),
      translations
    ),
    translations,
    customMetadataRecords: readCustomMetadataRecords(join(sourceDir, 'customMetadata')),
    staticResources: readStaticResources(join(sourceDir, 'staticresources')),
    notificationTypes: readNotificationTypes(join(sourceDir, 'notificationtypes')),
    emailTemplates: readEmailTemplates(join(sourceDir, 'email')),
    customPermissions: readCustomPermissions(join(sourceDir, 'customPermissions')),
    permissionSets: loadPermissionSets(join(sourceDir, 'permissionsets')),
    permissionSetGroups: loadPermissionSetGroups(join(sourceDir, 'permissionsetgroups')),
    profiles: loadProfiles(join(sourceDir, 'profiles')),
    recordTypes: new Map(
      objects
        .filter((object) => object.recordTypes.length > 0)
        .map((object) => [object.name, object.recordTypes])
    ),
    apexClasses: readApexClasses(join(sourceDir, 'classes')),
    orgDefinition
  };
}

/**
 * The rows every org holds before any data: the Organization, user licenses, profiles and their
 * permission sets, the project's permission sets and groups, the opportunity stages, static
 * resources, custom notification types, Apex classes, record types, Custom Metadata records, and
 * the currencies and dated rates of a multi-currency org, and the fiscal years (FiscalYearSettings
 * and Period rows: standard ones around the clock's year, or the project's custom ones).
 * Inserted in a fixed order, so their Ids are the same every time the project is loaded.
 */
import type { ApexProject } from '../metadata/loadProject';
import { standardOpportunityStages } from '../metadata/standardCatalogue';
import { ApexBlob, ApexDate, ApexDatetime, ApexDecimal } from '../values/primitives';
import { CURRENCY_TYPE, DATED_CONVERSION_RATE } from '../metadata/currencySchema';
import type { DatedRate, OrgDefinition } from '../metadata/orgDefinition';
import { FISCAL_YEAR_SETTINGS, PERIOD } from '../metadata/fiscalSchema';
import { standardFiscalYears, type FiscalYearDefinition } from '../metadata/fiscalYears';
import { builtInProfiles } from './accessModel';
import { valueFromText } from './fieldValues';
import { UnreadableValue, type OrgDatabase } from './orgDatabase';

/** Forecast category API values (OpportunityStage.ForecastCategory) by their names. */
const FORECAST_CATEGORY: Readonly<Record<string, string>> = {
  Pipeline: 'Pipeline',
  'Best Case': 'BestCase',
  Commit: 'Forecast',
  Closed: 'Closed',
  Omitted: 'Omitted'
};

export interface SetupIds {
  organizationId: string;
  profileIds: ReadonlyMap<string, string>;
  permissionSetIds: ReadonlyMap<string, string>;
  permissionSetGroupIds: ReadonlyMap<string, string>;
  /** Every row inserted, to stamp with the admin user once it exists. */
  rowIds: readonly string[];
}

export interface SetupOptions {
  /** The org's default time zone (Organization.TimeZoneSidKey). */
  timeZone: string;
  locale: string;
  /** The org clock's year, around which the standard fiscal years are generated. */
  clockYear: number;
}

export function insertSetupRows(
  database: OrgDatabase,
  project: ApexProject,
  options: SetupOptions
): SetupIds {
  const rowIds: string[] = [];
  const insert = (objectName: string, values: Record<string, unknown>): string => {
    const id = database.insert(objectName, values).Id as string;
    rowIds.push(id);
    return id;
  };
  const definition = project.orgDefinition;
  const organizationId = insert('Organization', {
    Name: definition.name,
    OrganizationType: definition.organizationType,
    IsSandbox: false,
    FiscalYearStartMonth: definition.fiscalYearStartMonth,
    UsesStartDateAsFiscalYearName: definition.usesStartDateAsFiscalYearName,
    DefaultLocaleSidKey: options.locale,
    LanguageLocaleKey: definition.language,
    TimeZoneSidKey: options.timeZone,
    Country: definition.country,
    DefaultCurrencyIsoCode: definition.currencyIsoCode
  });
  const licenseId = insert('UserLicense', {
    Name: 'Salesforce',
    MasterLabel: 'Salesforce',
    LicenseDefinitionKey: 'SFDC',
    Status: 'Active'
  });
  const profiles = new Map([...builtInProfiles(project.schema), ...project.profiles]);
  const profileIds = new Map<string, string>();
  for (const [name, profile] of profiles) {
    profileIds.set(
      name,
      insert('Profile', {
        Name: name,
        UserLicenseId: licenseId,
        UserType: 'Standard',
        PermissionsModifyAllData: profile.userPermissions.has('ModifyAllData'),
        PermissionsViewAllData: profile.userPermissions.has('ViewAllData'),
        PermissionsViewSetup: profile.userPermissions.has('ViewSetup'),
        PermissionsManageUsers: profile.userPermissions.has('ManageUsers'),
        PermissionsCustomizeApplication: profile.userPermissions.has('CustomizeApplication'),
        PermissionsAuthorApex: profile.userPermissions.has('AuthorApex'),
        PermissionsApiEnabled: profile.userPermissions.has('ApiEnabled')
      })
    );
  }
  // Each profile owns a permission set that holds its permissions, as in an org.
  for (const [name, profileId] of profileIds) {
    const profile = profiles.get(name);
    insert('PermissionSet', {
      Name: `X${profileId.slice(0, 15)}`,
      Label: profileId.slice(0, 15),
      IsOwnedByProfile: true,
      ProfileId: profileId,
      Type: 'Profile',
      PermissionsModifyAllData: profile?.userPermissions.has('ModifyAllData') === true,
      PermissionsViewAllData: profile?.userPermissions.has('ViewAllData') === true
    });
  }
  const permissionSetIds = new Map<string, string>();
  for (const [name, set] of project.permissionSets) {
    permissionSetIds.set(
      name,
      insert('PermissionSet', {
        Name: name,
        Label: set.label,
        Description: set.description ?? null,
        IsOwnedByProfile: false,
        Type: 'Regular',
        PermissionsModifyAllData: set.userPermissions.has('ModifyAllData'),
        PermissionsViewAllData: set.userPermissions.has('ViewAllData')
      })
    );
  }
  const permissionSetGroupIds = new Map<string, string>();
  for (const [name, group] of project.permissionSetGroups) {
    const groupId = insert('PermissionSetGroup', {
      DeveloperName: name,
      MasterLabel: group.label,
      Description: group.description ?? null,
      Status: 'Updated'
    });
    permissionSetGroupIds.set(name, groupId);
    for (const setName of group.permissionSets) {
      const setId = permissionSetIds.get(setName);
      if (setId) {
        insert('PermissionSetGroupComponent', {
          PermissionSetGroupId: groupId,
          PermissionSetId: setId
        });
      }
    }
  }
  standardOpportunityStages().forEach((stage, index) => {
    insert('OpportunityStage', {
      ApiName: stage.apiName,
      MasterLabel: stage.apiName,
      IsActive: true,
      IsClosed: stage.closed,
      IsWon: stage.won,
      DefaultProbability: ApexDecimal.fromInteger(stage.probability),
      ForecastCategoryName: stage.forecastCategoryName,
      ForecastCategory: FORECAST_CATEGORY[stage.forecastCategoryName],
      SortOrder: index + 1
    });
  });
  for (const resource of project.staticResources) {
    insert('StaticResource', {
      Name: resource.name,
      ContentType: resource.contentType,
      CacheControl: resource.cacheControl,
      Description: resource.description ?? null,
      Body:
        resource.body === undefined
          ? new UnreadableValue(`the zip Body of the folder static resource ${resource.name}`)
          : new ApexBlob(resource.body),
      BodyLength: resource.body?.length ?? null
    });
  }
  for (const type of project.notificationTypes) {
    insert('CustomNotificationType', {
      DeveloperName: type.developerName,
      MasterLabel: type.masterLabel,
      CustomNotifTypeName: type.customNotifTypeName,
      Description: type.description ?? null,
      Desktop: type.desktop,
      Mobile: type.mobile,
      Language: definition.language
    });
  }
  for (const apexClass of project.apexClasses) {
    insert('ApexClass', {
      Name: apexClass.name,
      ApiVersion: ApexDecimal.parse(apexClass.apiVersion),
      Status: apexClass.status,
      IsValid: true,
      Body: apexClass.body
    });
  }
  for (const [objectName, recordTypes] of project.recordTypes) {
    for (const recordType of recordTypes) {
      insert('RecordType', {
        Name: recordType.label,
        DeveloperName: recordType.fullName,
        SobjectType: objectName,
        IsActive: recordType.active,
        Description: recordType.description ?? null
      });
    }
  }
  for (const record of project.customMetadataRecords) {
    const object = project.schema.object(record.type);
    if (!object) throw new Error(`${record.path}: the type ${record.type} does not exist`);
    const values: Record<string, unknown> = {
      DeveloperName: record.developerName,
      MasterLabel: record.label,
      Label: record.label,
      QualifiedApiName: record.developerName,
      Language: definition.language
    };
    for (const [fieldName, text] of record.values) {
      const field = project.schema.field(object.name, fieldName);
      if (!field || !field.custom) {
        throw new Error(`${record.path}: ${record.type} has no field ${fieldName}`);
      }
      values[field.name] = valueFromText(field, text, record.path);
    }
    insert(object.name, values);
  }
  // Last, so the Ids of the rows above do not depend on the org's currencies.
  if (definition.multiCurrency) {
    for (const currency of definition.currencies) {
      insert(CURRENCY_TYPE, {
        IsoCode: currency.isoCode,
        ConversionRate: ApexDecimal.parse(String(currency.conversionRate)),
        DecimalPlaces: currency.decimalPlaces,
        IsActive: currency.isActive,
        IsCorporate: currency.isCorporate
      });
    }
  }
  if (definition.advancedCurrencyManagement) {
    for (const rate of datedPeriods(definition.datedRates)) {
      insert(DATED_CONVERSION_RATE, {
        IsoCode: rate.isoCode,
        ConversionRate: ApexDecimal.parse(String(rate.conversionRate)),
        StartDate: ApexDate.parseIso(rate.startDate),
        NextStartDate: ApexDate.parseIso(rate.nextStartDate)
      });
    }
  }
  for (const year of orgFiscalYears(definition, options.clockYear)) {
    insertFiscalYear(insert, (id, values) => database.update(id, values), year);
  }
  // After every other row, so a project's templates leave the Ids above unchanged.
  insertEmailTemplates(insert, project, organizationId);
  return { organizationId, profileIds, permissionSetIds, permissionSetGroupIds, rowIds };
}

/**
 * The org's fiscal years: the custom ones of the project's file, or the standard ones of the
 * scratch definition around the clock's year (metadata/fiscalYears.ts).
 */
export function orgFiscalYears(
  definition: OrgDefinition,
  clockYear: number
): readonly FiscalYearDefinition[] {
  return (
    definition.customFiscalYears ??
    standardFiscalYears(
      definition.fiscalYearStartMonth,
      definition.usesStartDateAsFiscalYearName,
      clockYear
    )
  );
}

/** One FiscalYearSettings row with its Year, Quarter and Month Period rows. */
function insertFiscalYear(
  insert: (objectName: string, values: Record<string, unknown>) => string,
  update: (id: string, values: Record<string, unknown>) => void,
  year: FiscalYearDefinition
): void {
  const settingsId = insert(FISCAL_YEAR_SETTINGS, {
    Name: year.name,
    Description: year.description ?? null,
    StartDate: ApexDate.parseIso(year.startDate),
    EndDate: ApexDate.parseIso(year.endDate),
    IsStandardYear: year.isStandardYear,
    YearType: year.isStandardYear ? 'Standard' : 'Custom',
    PeriodLabelScheme: year.isStandardYear ? 'StandardMonths' : 'NumberByYear',
    PeriodPrefix: year.isStandardYear ? null : 'P',
    QuarterLabelScheme: 'NumberByYear',
    QuarterPrefix: 'Q',
    WeekLabelScheme: null,
    WeekStartDay: null
  });
  const period = (
    type: string,
    number: number | null,
    span: { startDate: string; endDate: string },
    label: string
  ): string =>
    insert(PERIOD, {
      FiscalYearSettingsId: settingsId,
      Type: type,
      Number: number,
      StartDate: ApexDate.parseIso(span.startDate),
      EndDate: ApexDate.parseIso(span.endDate),
      IsForecastPeriod: false,
      QuarterLabel: null,
      PeriodLabel: null,
      FullyQualifiedLabel: label
    });
  const fy = `FY ${year.name}`;
  const yearId = period('Year', null, year, fy);
  year.quarters.forEach((quarter, index) => {
    period('Quarter', index + 1, quarter, `Q${index + 1} ${fy}`);
  });
  year.months.forEach((month, index) => {
    period('Month', index + 1, month, `${month.label} ${fy}`);
  });
  update(settingsId, { PeriodId: yearId });
}

/**
 * The classic email templates (Object Reference, "EmailTemplate"; metadata/emailTemplates.ts) and
 * their folders (Folder rows of Type `Email`). A template in `unfiled$public` has the org's Id as
 * its FolderId, as the org shows such templates. Body is the text version: the content of a
 * `text` template, the `textOnly` of an `html` or `custom` one (or, without it, the HTML with its
 * tags removed, a choice: the reference says only "Content of the email"); HtmlValue is the HTML
 * of an `html` or `custom` template and empty for a `text` one.
 */
function insertEmailTemplates(
  insert: (objectName: string, values: Record<string, unknown>) => string,
  project: ApexProject,
  organizationId: string
): void {
  const folderIds = new Map<string, string>();
  for (const folder of project.emailTemplates.folders) {
    folderIds.set(
      folder.developerName,
      insert('Folder', {
        Name: folder.name,
        DeveloperName: folder.developerName,
        Type: 'Email',
        AccessType: folder.accessType
      })
    );
  }
  const folderNames = new Map(
    project.emailTemplates.folders.map((folder) => [folder.developerName, folder.name])
  );
  for (const template of project.emailTemplates.templates) {
    const html = template.type === 'text' ? null : template.content;
    insert('EmailTemplate', {
      Name: template.name,
      DeveloperName: template.developerName,
      FolderId: folderIds.get(template.folder) ?? organizationId,
      FolderName: folderNames.get(template.folder) ?? 'Unfiled Public Email Templates',
      Subject: template.subject,
      Body: html === null ? template.content : (template.textOnly ?? html.replace(/<[^>]*>/g, '')),
      HtmlValue: html,
      TemplateType: template.type,
      TemplateStyle: template.style,
      Encoding: template.encodingKey,
      IsActive: template.available,
      Description: template.description ?? null,
      UiType: 'Aloha'
    });
  }
}

/** The last period of a currency runs to the end of time, as the org shows it. */
export const LAST_NEXT_START_DATE = '9999-12-31';

/**
 * The dated rates with their NextStartDate ("The date on which the next effective dated exchange
 * rate will start", Object Reference, "DatedConversionRate"): the following StartDate of the same
 * currency, 9999-12-31 for the last one.
 */
export function datedPeriods(
  rates: readonly DatedRate[]
): (DatedRate & { nextStartDate: string })[] {
  const sorted = [...rates].sort(
    (a, b) => a.isoCode.localeCompare(b.isoCode) || a.startDate.localeCompare(b.startDate)
  );
  return sorted.map((rate, index) => {
    const next = sorted[index + 1];
    return {
      ...rate,
      nextStartDate: next && next.isoCode === rate.isoCode ? next.startDate : LAST_NEXT_START_DATE
    };
  });
}

/** Setup rows were created by the admin at the org's creation. */
export function stampSetupRows(
  database: OrgDatabase,
  rowIds: readonly string[],
  adminUserId: string,
  at: ApexDatetime
): void {
  for (const id of rowIds) {
    const object = database.objectOfId(id);
    if (!object) continue;
    const stamp: Record<string, unknown> = {};
    for (const name of ['CreatedDate', 'LastModifiedDate', 'SystemModstamp']) {
      if (database.schema.field(object.name, name)) stamp[name] = at;
    }
    for (const name of ['CreatedById', 'LastModifiedById']) {
      if (database.schema.field(object.name, name)) stamp[name] = adminUserId;
    }
    database.update(id, stamp);
  }
}

/**
 * The two orgs the runtime runs on.
 *
 * `testOrg(project)`: the org as an Apex test sees it without SeeAllData. Apex Developer Guide,
 * "Isolation of Test Data from Organization Data in Unit Tests": test methods cannot see the
 * org's data (standard objects, custom objects, custom settings), but objects "used to manage
 * your organization or metadata objects can still be accessed", e.g. User, Profile,
 * Organization, CronTrigger, RecordType, ApexClass, ApexTrigger, ApexComponent, ApexPage. So
 * the test org holds the metadata's rows: the Organization, user licenses, profiles, permission
 * sets and groups, opportunity stages, the currencies of a multi-currency org (CurrencyType,
 * DatedConversionRate), the fiscal years (FiscalYearSettings and Period), static resources,
 * custom notification types, Apex classes, record types and Custom Metadata records (readable in
 * tests without SeeAllData, which is why NebulaLogger-style selectors exist), one running user,
 * and no data records.
 * Choices: the running user is a System Administrator ("Admin User", time zone
 * Europe/Copenhagen, locale en_US, the zone `ssm seed` gives sample users); the org's default
 * time zone is the same; the sample org's users are not there (a real org's users would be
 * visible to tests, but tests that depend on them are not portable: the package's tests make
 * their own through TestDataFactory.userWith).
 *
 * `sampleOrg()`: the sample org (`scripts/org` loadEmbeddedOrg) in an OrgDatabase with the same
 * Ids, on top of everything the test org has. Its users get profiles as the workbench runs them
 * (holders of SSM_Admin through a group, and the admin role, are System Administrators; everyone
 * else a Standard User, as `ssm seed` creates them) and their permission set groups (personas) as
 * assignments (PermissionSetAssignment.PermissionSetGroupId, as the platform records them). Its
 * org-wide defaults for Account and Opportunity are Private (SAMPLE_ORG_SHARING_DEFAULTS), the
 * sharing the workbench shows (README, "Sharing"). Users and records keep the audit fields the
 * sample gives them (CreatedDate, CreatedById, LastModifiedDate, LastModifiedById; SystemModstamp
 * with the last modification); a record a sample leaves without them was created and last
 * modified by the admin at 00:00 GMT of the sample day. Its clock stands on the sample day (see
 * sampleDayClock), as the workbench's does.
 *
 * Both are built once per process and handed out as forks: each call returns an org whose
 * changes reach nobody else, at O(1) cost.
 */
import { join } from 'node:path';
import {
  loadEmbeddedOrg,
  HISTORY_OBJECT,
  type EmbeddedOrg
} from '../../../scripts/org/embeddedOrg';
import { loadProject, DEFAULT_SOURCE_DIR, type ApexProject } from '../metadata/loadProject';
import type { OrgSchema, SharingModel } from '../metadata/schema';
import { ApexDate, ApexDatetime, ApexTime } from '../values/primitives';
import { AccessModel, STANDARD_USER, SYSTEM_ADMINISTRATOR, type UserAccess } from './accessModel';
import { expectedRevenueOf } from './expectedRevenue';
import { valueFromJson } from './fieldValues';
import { OrgDatabase } from './orgDatabase';
import type { RecordAccess, RowLike } from './recordAccess';
import { insertSetupRows, stampSetupRows, type SetupIds } from './setupRows';
import { recordAccessOf, userAccessOf } from './userPermissions';

export const DEFAULT_TIME_ZONE = 'Europe/Copenhagen';
export const DEFAULT_LOCALE = 'en_US';

/** The org-wide defaults of the sample org where they differ from a new org's. */
export const SAMPLE_ORG_SHARING_DEFAULTS: Readonly<Record<string, SharingModel>> = {
  Account: 'Private',
  Opportunity: 'Private'
};

const MS_PER_DAY = 86_400_000;

export class ApexOrg {
  constructor(
    readonly project: ApexProject,
    readonly database: OrgDatabase,
    readonly accessModel: AccessModel,
    readonly setup: SetupIds,
    /** The user code runs as unless `System.runAs` says otherwise: the org's administrator. */
    readonly adminUserId: string
  ) {}

  get organizationId(): string {
    return this.setup.organizationId;
  }

  /** An org that starts as this one and changes on its own (O(1)). */
  fork(): ApexOrg {
    return new ApexOrg(
      this.project,
      this.database.fork(),
      this.accessModel,
      this.setup,
      this.adminUserId
    );
  }

  profileId(name: string): string {
    const id = this.setup.profileIds.get(name);
    if (!id) throw new Error(`The org has no profile ${name}`);
    return id;
  }

  /** The user's effective permissions as the org's rows say now. */
  userAccess(userId: string): UserAccess {
    return userAccessOf(this.accessModel, this.database, userId);
  }

  /** Sharing decisions for the user over the org as it is now (make one per statement). */
  recordAccess(userId: string): RecordAccess {
    return recordAccessOf(this.accessModel, this.database, userId);
  }

  recordVisible(userId: string, objectName: string, row: RowLike): boolean {
    return this.recordAccess(userId).canRead(objectName, row);
  }

  recordEditable(userId: string, objectName: string, row: RowLike): boolean {
    return this.recordAccess(userId).canEdit(objectName, row);
  }
}

interface UserFields {
  firstName: string;
  lastName: string;
  alias: string;
  email: string;
  username: string;
  title?: string;
  profileId: string;
  managerId?: string | null;
  isActive?: boolean;
  /** LanguageLocaleKey and LocaleSidKey; a new user's are the org's defaults. */
  language?: string;
  locale?: string;
}

/**
 * The currency fields of a user the org creates itself (its administrator, the sample's users):
 * DefaultCurrencyIsoCode the corporate currency (the org's in a single-currency org) and, with
 * multiple currencies, CurrencyIsoCode the same, as when an administrator enables them.
 */
function userCurrencyValues(project: ApexProject): Record<string, unknown> {
  const currency = project.orgDefinition.currencyIsoCode;
  return project.orgDefinition.multiCurrency
    ? { DefaultCurrencyIsoCode: currency, CurrencyIsoCode: currency }
    : { DefaultCurrencyIsoCode: currency };
}

/**
 * A sample record's CurrencyIsoCode: the sample's own, which must be an active currency of the
 * org; the corporate currency when it has none ("Enabling multiple currencies" sets every existing
 * record to the corporate currency). A single-currency org has no such field: the sample's values
 * are dropped and amounts read as the org's currency (a choice, for runs without currencies).
 */
function sampleCurrency(
  schema: OrgSchema,
  project: ApexProject,
  objectName: string,
  record: Readonly<Record<string, unknown>>,
  values: Record<string, unknown>
): void {
  const field = schema.field(objectName, 'CurrencyIsoCode');
  if (!field) return;
  const code = record.CurrencyIsoCode ?? record.currencyIsoCode;
  if (code === undefined || code === null) {
    values.CurrencyIsoCode = project.orgDefinition.currencyIsoCode;
    return;
  }
  if (!field.picklistValues.some((entry) => entry.active && entry.value === code)) {
    throw new Error(
      `Sample ${objectName} ${String(record.Id)}: CurrencyIsoCode ${String(code)} is not an active currency of the org (config/currencies.json: ${field.picklistValues.map((entry) => entry.value).join(', ')})`
    );
  }
  values.CurrencyIsoCode = code;
}

function userValues(user: UserFields): Record<string, unknown> {
  return {
    FirstName: user.firstName,
    LastName: user.lastName,
    Name: `${user.firstName} ${user.lastName}`,
    Alias: user.alias,
    Email: user.email,
    Username: user.username,
    CommunityNickname: user.alias,
    Title: user.title ?? null,
    ProfileId: user.profileId,
    ManagerId: user.managerId ?? null,
    IsActive: user.isActive ?? true,
    UserType: 'Standard',
    TimeZoneSidKey: DEFAULT_TIME_ZONE,
    LocaleSidKey: user.locale ?? DEFAULT_LOCALE,
    EmailEncodingKey: 'UTF-8',
    LanguageLocaleKey: user.language ?? 'en_US'
  };
}

function insertAdmin(
  database: OrgDatabase,
  setup: SetupIds,
  at: ApexDatetime,
  project: ApexProject
): string {
  const profileId = setup.profileIds.get(SYSTEM_ADMINISTRATOR) as string;
  const id = database.insert('User', {
    ...userCurrencyValues(project),
    ...userValues({
      firstName: 'Admin',
      lastName: 'User',
      alias: 'admin',
      email: 'admin@offline-org.example.com',
      username: 'admin@offline-org.example.com',
      title: 'System Administrator',
      profileId
    })
  }).Id as string;
  database.update(id, {
    CreatedById: id,
    CreatedDate: at,
    LastModifiedById: id,
    LastModifiedDate: at,
    SystemModstamp: at
  });
  return id;
}

function newOrg(
  project: ApexProject,
  clock: () => ApexDatetime,
  withData?: (database: OrgDatabase, setup: SetupIds) => void
): ApexOrg {
  const database = new OrgDatabase(project.schema, { clock, timeZone: DEFAULT_TIME_ZONE });
  const created = clock();
  const setup = insertSetupRows(database, project, {
    timeZone: DEFAULT_TIME_ZONE,
    locale: DEFAULT_LOCALE,
    clockYear: created.wall(DEFAULT_TIME_ZONE).date.year
  });
  withData?.(database, setup);
  const adminUserId = insertAdmin(database, setup, created, project);
  stampSetupRows(database, setup.rowIds, adminUserId, created);
  const accessModel = new AccessModel({
    schema: project.schema,
    permissionSets: project.permissionSets,
    permissionSetGroups: project.permissionSetGroups,
    profiles: project.profiles
  });
  return new ApexOrg(project, database, accessModel, setup, adminUserId);
}

const testOrgs = new WeakMap<ApexProject, ApexOrg>();

/** A fresh org as an Apex test method sees it (see the module comment); each call a new fork. */
export function testOrg(project: ApexProject): ApexOrg {
  let base = testOrgs.get(project);
  if (!base) {
    base = newOrg(project, () => new ApexDatetime(Date.now()));
    testOrgs.set(project, base);
  }
  return base.fork();
}

export interface SampleOrgOptions {
  /** The sample data folder (`data/`). */
  dataDir?: string;
  /** The source tree; the project is loaded with the sample org's sharing defaults. */
  sourceDir?: string;
  /** Multiple currencies on or off whatever the scratch definition says (LoadProjectOptions). */
  multiCurrency?: boolean;
  /** Custom fiscal years from `config/custom-fiscal-years.json` or a path (LoadProjectOptions). */
  customFiscalYears?: string | boolean;
}

/**
 * The sample day, at a time that moves with the real time of day and is on the sample day both in
 * the sample users' zone and in GMT, whatever the hour: TODAY() there is the sample day, and a
 * datetime stamped now (a field history row) falls on it in GMT as well, as KPIs read it. The
 * real day is mapped onto the part of the sample day the two zones share (23 hours in
 * Copenhagen's winter), so the clock runs a little slow but never goes back.
 */
export function sampleDayClock(today: string): () => ApexDatetime {
  const day = ApexDate.parseIso(today);
  const localMidnight = ApexDatetime.ofLocal(day, new ApexTime(0), DEFAULT_TIME_ZONE).epochMs;
  const gmtMidnight = day.epochDay * MS_PER_DAY;
  const start = Math.max(localMidnight, gmtMidnight);
  const end = Math.min(localMidnight, gmtMidnight) + MS_PER_DAY;
  return () => {
    const timeOfDay = new ApexDatetime(Date.now()).wall(DEFAULT_TIME_ZONE).time.millisOfDay;
    return new ApexDatetime(start + Math.floor((timeOfDay * (end - start)) / MS_PER_DAY));
  };
}

/**
 * The audit fields of a sample user or record as the runtime stores them: the sample's own (the
 * generator gives every user and record CreatedDate, CreatedById, LastModifiedDate and
 * LastModifiedById), SystemModstamp with the last modification, and the import instant for dates
 * a sample leaves out (`sampleOrg` stamps missing users with the admin).
 */
function auditValues(
  schema: OrgSchema,
  objectName: string,
  record: Readonly<Record<string, unknown>>,
  imported: ApexDatetime
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const dateOf = (name: string): ApexDatetime | undefined => {
    const field = schema.field(objectName, name);
    const json = record[name];
    if (!field) return undefined;
    return json === undefined || json === null
      ? imported
      : (valueFromJson(field, json, `${objectName} ${String(record.Id)}.${name}`) as ApexDatetime);
  };
  const created = dateOf('CreatedDate');
  const modified = dateOf('LastModifiedDate');
  if (created) values.CreatedDate = created;
  if (modified) {
    values.LastModifiedDate = modified;
    if (schema.field(objectName, 'SystemModstamp')) values.SystemModstamp = modified;
  }
  for (const name of ['CreatedById', 'LastModifiedById']) {
    if (typeof record[name] === 'string' && schema.field(objectName, name)) {
      values[name] = record[name];
    }
  }
  return values;
}

function loadSampleData(
  project: ApexProject,
  database: OrgDatabase,
  setup: SetupIds,
  embedded: EmbeddedOrg,
  imported: ApexDatetime
): string[] {
  const schema = database.schema;
  const admins: string[] = [];
  for (const record of embedded.records('User')) {
    const user = embedded.userOf(record.Id);
    if (!user) throw new Error(`Sample user ${record.Id} has no definition`);
    // Personas: the user's permission set groups, assigned as an admin assigns them.
    const groups = user.permissionSetGroups.map((name) => {
      const definition = project.permissionSetGroups.get(name);
      const id = setup.permissionSetGroupIds.get(name);
      if (!definition || !id) {
        throw new Error(`Sample user ${user.key}: unknown permission set group ${name}`);
      }
      return { id, permissionSets: definition.permissionSets };
    });
    const admin =
      user.role === 'admin' || groups.some((group) => group.permissionSets.includes('SSM_Admin'));
    const currencies: Record<string, unknown> = {};
    sampleCurrency(schema, project, 'User', record, currencies);
    const userCurrency = record.DefaultCurrencyIsoCode;
    // A sample user's own currency; a single-currency org has only its own.
    if (typeof userCurrency === 'string' && project.orgDefinition.multiCurrency) {
      const field = schema.field('User', 'DefaultCurrencyIsoCode');
      if (!field?.picklistValues.some((entry) => entry.active && entry.value === userCurrency)) {
        throw new Error(
          `Sample User ${record.Id}: DefaultCurrencyIsoCode ${userCurrency} is not an active currency of the org`
        );
      }
      currencies.DefaultCurrencyIsoCode = userCurrency;
    }
    database.insert('User', {
      Id: record.Id,
      ...userCurrencyValues(project),
      ...currencies,
      ...userValues({
        firstName: user.firstName,
        lastName: user.lastName,
        alias: user.alias,
        email: `${user.emailLocalPart}@example.com`,
        username: `${user.emailLocalPart}@ssm-sample.example.com`,
        title: user.title,
        profileId: setup.profileIds.get(admin ? SYSTEM_ADMINISTRATOR : STANDARD_USER) as string,
        managerId: typeof record.ManagerId === 'string' ? record.ManagerId : null,
        isActive: record.IsActive !== false,
        language: user.language,
        locale: user.locale
      }),
      ...auditValues(schema, 'User', record, imported)
    });
    for (const group of groups) {
      database.insert('PermissionSetAssignment', {
        AssigneeId: record.Id,
        PermissionSetGroupId: group.id
      });
    }
    if (admin) admins.push(record.Id);
  }
  const objectNames = embedded.objectNames.filter((name) => name !== 'User');
  for (const objectName of [...objectNames, HISTORY_OBJECT]) {
    const object = schema.object(objectName);
    if (!object) throw new Error(`The sample holds ${objectName}, which the schema does not`);
    for (const record of embedded.records(objectName)) {
      const values: Record<string, unknown> = {};
      for (const [name, json] of Object.entries(record)) {
        if (name === 'attributes') continue;
        if (name.toLowerCase() === 'currencyisocode') continue;
        const field = schema.field(object.name, name);
        if (!field) throw new Error(`Sample ${objectName} ${record.Id}: no field ${name}`);
        if (field.formula !== undefined || field.rollup !== undefined) continue;
        if (object.name === HISTORY_OBJECT && (name === 'OldValue' || name === 'NewValue')) {
          const tracked = schema.field('Opportunity', String(record.Field));
          values[name] = tracked ? valueFromJson(tracked, json, `${record.Id}.${name}`) : null;
          continue;
        }
        values[field.name] = valueFromJson(field, json, `${objectName} ${record.Id}.${name}`);
      }
      Object.assign(values, auditValues(schema, object.name, record, imported));
      sampleCurrency(schema, project, object.name, record, values);
      if (object.name === 'Opportunity') {
        // What every save of a deal keeps; the sample does not carry it.
        values.ExpectedRevenue = expectedRevenueOf(values.Amount, values.Probability);
      }
      database.insert(object.name, values);
    }
  }
  for (const object of schema.objects.values()) {
    const children = new Set(
      object.fields.flatMap((field) => (field.rollup ? [field.rollup.childObject] : []))
    );
    const parentIds = [...database.rows(object.name)].map((row) => row.Id as string);
    for (const child of children) database.recalculateRollups(child, parentIds);
  }
  return admins;
}

const sampleOrgs = new Map<string, ApexOrg>();

/** The sample org in the runtime's database (see the module comment); each call a new fork. */
export function sampleOrg(options: SampleOrgOptions = {}): ApexOrg {
  const sourceDir = options.sourceDir ?? DEFAULT_SOURCE_DIR;
  const cacheKey = `${sourceDir}\u0000${options.dataDir ?? ''}\u0000${String(options.multiCurrency)}\u0000${String(options.customFiscalYears ?? false)}`;
  let base = sampleOrgs.get(cacheKey);
  if (!base) {
    const project = loadProject(sourceDir, {
      sharingDefaults: SAMPLE_ORG_SHARING_DEFAULTS,
      multiCurrency: options.multiCurrency,
      customFiscalYears: options.customFiscalYears
    });
    const embedded = loadEmbeddedOrg(options.dataDir, join(sourceDir, 'objects'));
    const imported = new ApexDatetime(ApexDate.parseIso(embedded.today).epochDay * MS_PER_DAY);
    base = newOrg(project, sampleDayClock(embedded.today), (database, setup) =>
      loadSampleData(project, database, setup, embedded, imported)
    );
    const adminUserId = base.adminUserId;
    // The importer: records the sample gives no creator were loaded by the admin.
    for (const objectName of [...embedded.objectNames, HISTORY_OBJECT]) {
      const object = project.schema.object(objectName);
      const stamps = ['CreatedById', 'LastModifiedById'].filter((name) =>
        project.schema.field(objectName, name)
      );
      if (!object || stamps.length === 0) continue;
      for (const row of [...base.database.rows(objectName)]) {
        const missing = stamps.filter((name) => row[name] === undefined);
        if (missing.length > 0) {
          base.database.update(
            row.Id as string,
            Object.fromEntries(missing.map((name) => [name, adminUserId]))
          );
        }
      }
    }
    sampleOrgs.set(cacheKey, base);
  }
  return base.fork();
}

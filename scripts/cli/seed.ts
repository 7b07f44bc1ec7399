/**
 * `ssm seed`: loads the sample org (data/) into a real org over the REST API, in the plan's
 * dependency order, 200 records per sObject Collections call. It is idempotent: every record
 * but OpportunityContactRole carries `SSM_External_Id__c = sample:<referenceId>`, so records the
 * org already holds are found first and skipped (or updated with `--update`), and new ones are
 * upserted on that key, which also makes a resent call harmless. Contact roles are matched on
 * opportunity, contact and role. Users come first: created when the org has licences, otherwise
 * mapped onto an existing user; the users created or matched are assigned their personas
 * (permission set groups, see `assignPermissionSetGroups`); then owners and user lookups are set
 * from sample-owners.json.
 * Before users and records, the sample's currencies (config/currencies.json) are put into a
 * multi-currency org (see `planCurrencies`); a single-currency org is refused when the sample's
 * records carry CurrencyIsoCode.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CliError, EXIT } from './exitCodes';
import { NO_PROGRESS, type Progress } from './progress';
import {
  DailyApiLimitError,
  DEFAULT_RETRY,
  SalesforceApiError,
  type CollectionResult,
  type SalesforceApi
} from './salesforceApi';
import { DEFAULT_DATA_DIR, type SampleUser } from '../org/embeddedOrg';

export const EXTERNAL_ID_FIELD = 'SSM_External_Id__c';
const EXTERNAL_ID_PREFIX = 'sample:';
const BATCH = 200;
/** The sample org's currencies and dated rates (issue 21), beside the scratch definition. */
export const DEFAULT_CURRENCIES_FILE = join(DEFAULT_DATA_DIR, '..', 'config', 'currencies.json');

export interface SeedOptions {
  dataDir: string;
  allowProduction?: boolean;
  /** Re-apply the sample's values to records the org already holds. */
  update?: boolean;
  /** Try to create the sample users (default); when false they are mapped at once. */
  createUsers?: boolean;
  /** Username of the user that stands in for sample users that cannot be created. */
  mapUsersTo?: string;
  progress?: (label: string, total: number) => Progress;
  /** The currencies to put into a multi-currency org (default: config/currencies.json). */
  currenciesFile?: string;
  /** How long to wait for a permission set group the org is still recalculating. */
  groupWait?: GroupWait;
}

/**
 * The wait for permission set groups that are not assignable yet: the org recalculates a group
 * after a deploy changes it or its permission sets (Status Outdated, then Updating), and only a
 * group whose Status is Updated can be assigned. `ssm seed` asks again every `intervalMs`, at
 * most `attempts` times in all, then reports each group still not Updated as failed rows.
 */
export interface GroupWait {
  attempts: number;
  intervalMs: number;
  sleep: (ms: number) => Promise<void>;
}

/** One minute: a group of the package's size recalculates in seconds after a deploy. */
export const DEFAULT_GROUP_WAIT: GroupWait = {
  attempts: 13,
  intervalMs: 5000,
  sleep: DEFAULT_RETRY.sleep
};

/** What `ssm seed` did with the org's currencies (CurrencyType and DatedConversionRate rows). */
export interface CurrencyOutcome {
  /** Whether the org has multiple currencies (CurrencyType is queryable). */
  multiCurrency: boolean;
  /** The org's corporate currency (multi-currency orgs). */
  corporate: string | null;
  /** Currencies created, in the file's order. */
  added: string[];
  /** Currencies whose ConversionRate (or IsActive) was set to the file's (`--update`). */
  updated: string[];
  /** Dated rates created, as "EUR 2026-10-01". */
  datedAdded: string[];
  /** Dated rates whose ConversionRate was set to the file's (`--update`). */
  datedUpdated: string[];
  /** Why the dated rates were not loaded, or null. */
  note: string | null;
}

export interface UserOutcome {
  key: string;
  username: string;
  outcome: 'created' | 'existing' | 'mapped';
  userId: string;
  /** Why a mapped user could not be created. */
  reason?: string;
}

export interface ObjectSummary {
  objectName: string;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

export interface FailedRow {
  objectName: string;
  referenceId: string;
  error: string;
}

export interface SeedResult {
  organization: { id: string; name: string; kind: string };
  users: UserOutcome[];
  objects: ObjectSummary[];
  failures: FailedRow[];
  currencies: CurrencyOutcome;
}

interface PlanEntry {
  sobject: string;
  files: string[];
}

type TreeRecord = { attributes: { type: string; referenceId: string } } & Record<string, unknown>;

interface Organization {
  Id: string;
  Name: string;
  IsSandbox: boolean;
  TrialExpirationDate: string | null;
  OrganizationType: string;
}

function readJson<T>(path: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new CliError(`Cannot read ${path}: ${(error as Error).message}`, EXIT.usage);
  }
}

function soqlText(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function describeErrors(result: CollectionResult): string {
  return result.errors
    .map(
      (error) =>
        `${error.statusCode}: ${error.message}${error.fields?.length ? ` [${error.fields.join(', ')}]` : ''}`
    )
    .join('; ');
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/**
 * What kind of org this is. Production: not a sandbox and no trial expiry (scratch and trial
 * orgs have one).
 */
export function orgKind(org: Organization): 'production' | 'sandbox' | 'scratch or trial' {
  if (org.IsSandbox) return 'sandbox';
  return org.TrialExpirationDate ? 'scratch or trial' : 'production';
}

/** The username a sample user gets in one org (usernames are unique across all orgs). */
export function sampleUsername(user: SampleUser, orgId: string): string {
  return `${user.emailLocalPart}@ssm-sample-${orgId.slice(0, 15).toLowerCase()}.example.com`;
}

export async function seed(api: SalesforceApi, options: SeedOptions): Promise<SeedResult> {
  const progress = options.progress ?? (() => NO_PROGRESS);
  const [organization] = await api.query<Organization>(
    'SELECT Id, Name, IsSandbox, TrialExpirationDate, OrganizationType FROM Organization'
  );
  if (!organization) throw new CliError('The org returned no Organization record.', EXIT.api);
  const kind = orgKind(organization);
  if (kind === 'production' && !options.allowProduction) {
    throw new CliError(
      `${organization.Name} (${organization.Id}, ${organization.OrganizationType}) is a production org: ` +
        'seeding adds thousands of sample records. Use a sandbox or scratch org, or pass --allow-production.',
      EXIT.refused
    );
  }
  const plan = readJson<PlanEntry[]>(join(options.dataDir, 'sample-plan.json'));
  const { users } = readJson<{ users: SampleUser[] }>(join(options.dataDir, 'sample-users.json'));
  const ownership = readJson<{
    owners: Record<string, string>;
    userLookups: Record<string, Record<string, string>>;
  }>(join(options.dataDir, 'sample-owners.json'));

  const entries = plan.map((entry) => ({
    objectName: entry.sobject,
    records: entry.files.flatMap(
      (file) => readJson<{ records: TreeRecord[] }>(join(options.dataDir, file)).records
    )
  }));
  // Before anything is changed: the org's currencies (refusing a single-currency org or another
  // corporate currency) and what the org holds, which also proves the package is deployed.
  const currencyPlan = await planCurrencies(
    api,
    readCurrencyFile(options.currenciesFile ?? DEFAULT_CURRENCIES_FILE),
    entries
  );
  const existingByObject = await readExisting(api, entries);

  const failures: FailedRow[] = [];
  const currencies = await applyCurrencies(api, currencyPlan, options.update ?? false, failures);
  const userOutcomes = await seedUsers(api, users, organization.Id, options, failures);
  const userIdByKey = new Map(userOutcomes.map((outcome) => [outcome.key, outcome.userId]));

  const idByReference = new Map<string, string>();
  const failedReferences = new Set<string>();
  const objects: ObjectSummary[] = [];
  const total = entries.reduce((sum, entry) => sum + entry.records.length, 0);
  const bar = progress('seed', total);
  let done = 0;
  try {
    for (const { objectName, records } of entries) {
      const summary: ObjectSummary = { objectName, created: 0, updated: 0, skipped: 0, failed: 0 };
      objects.push(summary);
      const fail = (referenceId: string, error: string) => {
        summary.failed++;
        failedReferences.add(referenceId);
        failures.push({ objectName, referenceId, error });
      };
      await seedObject(api, {
        objectName,
        records,
        existing: existingByObject.get(objectName) ?? new Map<string, string>(),
        update: options.update ?? false,
        idByReference,
        failedReferences,
        userIdByKey,
        ownership,
        summary,
        fail,
        onBatch: (count) => {
          done += count;
          bar.update(done);
        }
      });
    }
  } finally {
    bar.done();
  }
  return {
    organization: { id: organization.Id, name: organization.Name, kind },
    users: userOutcomes,
    objects,
    failures,
    currencies
  };
}

async function seedUsers(
  api: SalesforceApi,
  users: readonly SampleUser[],
  orgId: string,
  options: SeedOptions,
  failures: FailedRow[]
): Promise<UserOutcome[]> {
  const usernames = new Map(users.map((user) => [user.key, sampleUsername(user, orgId)]));
  const existing = new Map(
    (
      await api.query<{ Id: string; Username: string }>(
        `SELECT Id, Username FROM User WHERE Username IN (${[...usernames.values()].map(soqlText).join(', ')})`
      )
    ).map((user) => [user.Username.toLowerCase(), user.Id])
  );
  const standIn = await standInUser(api, options.mapUsersTo);
  const outcomes = new Map<string, UserOutcome>();
  const toCreate: SampleUser[] = [];
  for (const user of users) {
    const username = usernames.get(user.key) as string;
    const id = existing.get(username.toLowerCase());
    if (id) outcomes.set(user.key, { key: user.key, username, outcome: 'existing', userId: id });
    else toCreate.push(user);
  }
  const mapTo = (user: SampleUser, reason: string) =>
    outcomes.set(user.key, {
      key: user.key,
      username: standIn.username,
      outcome: 'mapped',
      userId: standIn.id,
      reason
    });
  if (toCreate.length > 0 && options.createUsers === false) {
    toCreate.forEach((user) => mapTo(user, 'user creation switched off (--no-create-users)'));
  } else if (toCreate.length > 0) {
    const [profile] = await api.query<{ Id: string }>(
      "SELECT Id FROM Profile WHERE Name = 'Standard User' LIMIT 1"
    );
    if (!profile) {
      toCreate.forEach((user) => mapTo(user, 'the org has no "Standard User" profile'));
    } else {
      const results = await api.insert(
        toCreate.map((user) => ({
          attributes: { type: 'User' },
          Username: usernames.get(user.key),
          FirstName: user.firstName,
          LastName: user.lastName,
          Alias: user.alias,
          Email: `${user.emailLocalPart}@example.com`,
          Title: user.title,
          ProfileId: profile.Id,
          TimeZoneSidKey: 'Europe/Copenhagen',
          LocaleSidKey: user.locale,
          EmailEncodingKey: 'UTF-8',
          LanguageLocaleKey: user.language
        }))
      );
      toCreate.forEach((user, index) => {
        const result = results[index];
        if (result.success && result.id) {
          outcomes.set(user.key, {
            key: user.key,
            username: usernames.get(user.key) as string,
            outcome: 'created',
            userId: result.id
          });
        } else {
          mapTo(user, describeErrors(result));
        }
      });
    }
  }
  const created = users.filter((user) => outcomes.get(user.key)?.outcome === 'created');
  const managed = created.filter((user) => user.managerKey && outcomes.has(user.managerKey));
  if (managed.length > 0) {
    const results = await api.update(
      managed.map((user) => ({
        attributes: { type: 'User' },
        Id: outcomes.get(user.key)?.userId,
        ManagerId: outcomes.get(user.managerKey as string)?.userId
      }))
    );
    results.forEach((result, index) => {
      if (!result.success) {
        failures.push({
          objectName: 'User',
          referenceId: managed[index].key,
          error: `ManagerId: ${describeErrors(result)}`
        });
      }
    });
  }
  await assignPermissionSetGroups(
    api,
    users.filter((user) => outcomes.get(user.key)?.outcome !== 'mapped'),
    outcomes,
    failures,
    options.groupWait ?? DEFAULT_GROUP_WAIT
  );
  return users.map((user) => outcomes.get(user.key) as UserOutcome);
}

async function standInUser(
  api: SalesforceApi,
  username: string | undefined
): Promise<{ id: string; username: string }> {
  if (username) {
    const [user] = await api.query<{ Id: string; Username: string }>(
      `SELECT Id, Username FROM User WHERE Username = ${soqlText(username)} AND IsActive = true`
    );
    if (!user) throw new CliError(`--map-users-to: no active user ${username}`, EXIT.usage);
    return { id: user.Id, username: user.Username };
  }
  const { body } = await api.call<{ user_id: string; preferred_username: string }>(
    'GET',
    '/services/oauth2/userinfo'
  );
  return { id: body.user_id, username: body.preferred_username };
}

/** A permission set group as the org holds it. */
interface PersonaGroup {
  Id: string;
  DeveloperName: string;
  MasterLabel: string;
  /** Updated, Outdated, Updating or Failed (PermissionSetGroup.Status). */
  Status: string;
}

/** The group is being recalculated: waiting helps. Failed does not recover by itself. */
function recalculating(group: PersonaGroup): boolean {
  return group.Status === 'Outdated' || group.Status === 'Updating';
}

/**
 * The named groups as the org holds them, by DeveloperName, asked again while one is still
 * being recalculated (see GroupWait).
 */
async function readPersonaGroups(
  api: SalesforceApi,
  names: readonly string[],
  wait: GroupWait
): Promise<{ groups: Map<string, PersonaGroup>; waitedMs: number }> {
  const read = async () =>
    new Map(
      (
        await api.query<PersonaGroup>(
          `SELECT Id, DeveloperName, MasterLabel, Status FROM PermissionSetGroup WHERE DeveloperName IN (${names.map(soqlText).join(', ')})`
        )
      ).map((group) => [group.DeveloperName, group])
    );
  let groups = await read();
  let waitedMs = 0;
  for (let attempt = 1; attempt < wait.attempts; attempt++) {
    if (![...groups.values()].some(recalculating)) break;
    await wait.sleep(wait.intervalMs);
    waitedMs += wait.intervalMs;
    groups = await read();
  }
  return { groups, waitedMs };
}

/** Why the group cannot be assigned, naming it; null when it can. */
function unassignable(
  name: string,
  group: PersonaGroup | undefined,
  waitedMs: number
): string | null {
  if (!group) return `permission set group ${name} is not in the org: deploy the package first`;
  if (group.Status === 'Updated') return null;
  const named = `permission set group ${group.MasterLabel} (${name})`;
  if (group.Status === 'Failed') {
    return (
      `${named} has Status Failed: the org could not recalculate it. Open it in Setup > ` +
      'Permission Set Groups, fix what it reports, and run seed again'
    );
  }
  return (
    `${named} is still ${group.Status} after ${Math.round(waitedMs / 1000)} s: the org ` +
    'recalculates a group after a deploy, and only an Updated group can be assigned. Run seed ' +
    'again once Setup > Permission Set Groups shows it Updated'
  );
}

/**
 * Assigns each created or matched sample user their personas: the permission set groups of
 * sample-users.json, as PermissionSetAssignment rows with PermissionSetGroupId, as an admin does
 * in Setup (Manage Assignments). Assignments the org already holds are left alone, so a re-run
 * adds only what is missing. A group that is missing, failed, or still being recalculated after
 * the wait is a failed row per user, naming the group.
 */
async function assignPermissionSetGroups(
  api: SalesforceApi,
  users: readonly SampleUser[],
  outcomes: ReadonlyMap<string, UserOutcome>,
  failures: FailedRow[],
  wait: GroupWait
): Promise<void> {
  const names = [...new Set(users.flatMap((user) => user.permissionSetGroups))];
  if (names.length === 0) return;
  const { groups, waitedMs } = await readPersonaGroups(api, names, wait);
  const userIds = users.map((user) => outcomes.get(user.key)?.userId as string);
  const assigned = new Set(
    (
      await api.query<{ AssigneeId: string; PermissionSetGroupId: string | null }>(
        `SELECT AssigneeId, PermissionSetGroupId FROM PermissionSetAssignment WHERE AssigneeId IN (${userIds.map(soqlText).join(', ')})`
      )
    )
      .filter((row) => row.PermissionSetGroupId)
      .map((row) => `${row.AssigneeId}|${String(row.PermissionSetGroupId)}`)
  );
  const wanted: { key: string; group: string; record: Record<string, unknown> }[] = [];
  for (const user of users) {
    const userId = outcomes.get(user.key)?.userId as string;
    for (const name of user.permissionSetGroups) {
      const group = groups.get(name);
      const problem = unassignable(name, group, waitedMs);
      if (problem !== null || !group) {
        failures.push({
          objectName: 'PermissionSetAssignment',
          referenceId: `${user.key}:${name}`,
          error: problem ?? `permission set group ${name} is not in the org`
        });
      } else if (!assigned.has(`${userId}|${group.Id}`)) {
        wanted.push({
          key: user.key,
          group: name,
          record: {
            attributes: { type: 'PermissionSetAssignment' },
            AssigneeId: userId,
            PermissionSetGroupId: group.Id
          }
        });
      }
    }
  }
  for (const batch of chunks(wanted, BATCH)) {
    const results = await api.insert(batch.map((item) => item.record));
    results.forEach((result, index) => {
      if (!result.success) {
        failures.push({
          objectName: 'PermissionSetAssignment',
          referenceId: `${batch[index].key}:${batch[index].group}`,
          error: describeErrors(result)
        });
      }
    });
  }
}

interface ObjectLoad {
  objectName: string;
  records: readonly TreeRecord[];
  /** Ids the org already holds: external id (or contact role key) -> Id. */
  existing: ReadonlyMap<string, string>;
  update: boolean;
  idByReference: Map<string, string>;
  failedReferences: ReadonlySet<string>;
  userIdByKey: ReadonlyMap<string, string>;
  ownership: {
    owners: Record<string, string>;
    userLookups: Record<string, Record<string, string>>;
  };
  summary: ObjectSummary;
  fail: (referenceId: string, error: string) => void;
  onBatch: (count: number) => void;
}

/** A record ready to send, or waiting for a record of the same object it references. */
interface Pending {
  referenceId: string;
  body: Record<string, unknown>;
  /** Fields still holding `@Ref` references, to same-object records not yet saved. */
  waitingOn: Map<string, string>;
  existingId?: string;
}

function contactRoleKey(record: Record<string, unknown>): string {
  return `${String(record.OpportunityId)}|${String(record.ContactId)}|${String(record.Role ?? '')}`;
}

/**
 * The Ids the org already holds for the sample's records, per object: external id (contact
 * roles: opportunity, contact and role) -> Id. Read for every object before anything is loaded,
 * so an org without the package (INVALID_FIELD on SSM_External_Id__c, INVALID_TYPE on a custom
 * object) is named once, with the fix, instead of failing every row after the users were made.
 */
async function readExisting(
  api: SalesforceApi,
  entries: readonly { objectName: string; records: readonly TreeRecord[] }[]
): Promise<Map<string, Map<string, string>>> {
  const byObject = new Map<string, Map<string, string>>();
  const missing: string[] = [];
  for (const { objectName, records } of entries) {
    const existing = new Map<string, string>();
    byObject.set(objectName, existing);
    try {
      if (records.some((record) => EXTERNAL_ID_FIELD in record)) {
        for (const row of await api.query<{ Id: string; SSM_External_Id__c: string }>(
          `SELECT Id, ${EXTERNAL_ID_FIELD} FROM ${objectName} WHERE ${EXTERNAL_ID_FIELD} LIKE '${EXTERNAL_ID_PREFIX}%'`
        )) {
          existing.set(row.SSM_External_Id__c, row.Id);
        }
      } else if (objectName === 'OpportunityContactRole') {
        for (const row of await api.query<Record<string, unknown> & { Id: string }>(
          `SELECT Id, OpportunityId, ContactId, Role FROM OpportunityContactRole WHERE Opportunity.${EXTERNAL_ID_FIELD} LIKE '${EXTERNAL_ID_PREFIX}%'`
        )) {
          existing.set(contactRoleKey(row), row.Id);
        }
      }
    } catch (error) {
      if (
        error instanceof SalesforceApiError &&
        (error.errorCode === 'INVALID_FIELD' || error.errorCode === 'INVALID_TYPE')
      ) {
        const column = /No such column '(\w+)' on entity '(\w+)'/.exec(error.message);
        const what =
          error.errorCode === 'INVALID_TYPE'
            ? `${objectName} (no such object)`
            : column
              ? `${column[2]}.${column[1]}`
              : `${objectName}.${EXTERNAL_ID_FIELD}`;
        if (!missing.includes(what)) missing.push(what);
        continue;
      }
      throw error;
    }
  }
  if (missing.length > 0) {
    throw new CliError(
      `The org lacks what the sample needs: ${missing.join(', ')}. The package is not deployed ` +
        '(or your user cannot see these fields). Deploy it first, `npx sf project deploy start ' +
        '--source-dir force-app --target-org <org>` (npm run deploy), assign SSM_Automation_Bypass, ' +
        'then run `ssm seed` again. Nothing was loaded.',
      EXIT.refused
    );
  }
  return byObject;
}

async function seedObject(api: SalesforceApi, load: ObjectLoad): Promise<void> {
  const { objectName, records, fail } = load;
  const hasExternalId = records.some((record) => EXTERNAL_ID_FIELD in record);
  const existing = load.existing;

  let pending: Pending[] = [];
  const sameObject = new Set(records.map((record) => record.attributes.referenceId));
  for (const record of records) {
    const referenceId = record.attributes.referenceId;
    const body: Record<string, unknown> = { attributes: { type: objectName } };
    const waitingOn = new Map<string, string>();
    let problem: string | null = null;
    for (const [field, value] of Object.entries(record)) {
      if (field === 'attributes') continue;
      if (typeof value === 'string' && value.startsWith('@')) {
        const target = value.slice(1);
        const id = load.idByReference.get(target);
        if (id) body[field] = id;
        else if (sameObject.has(target) && !load.failedReferences.has(target)) {
          waitingOn.set(field, target);
        } else {
          problem ??= `${field}: ${target} was not loaded`;
        }
      } else {
        body[field] = value;
      }
    }
    const owner = load.ownership.owners[referenceId];
    if (owner) body.OwnerId = load.userIdByKey.get(owner);
    for (const [field, key] of Object.entries(load.ownership.userLookups[referenceId] ?? {})) {
      body[field] = load.userIdByKey.get(key);
    }
    if (problem) {
      fail(referenceId, problem);
      load.onBatch(1);
      continue;
    }
    const key = hasExternalId
      ? String(record[EXTERNAL_ID_FIELD])
      : waitingOn.size === 0
        ? contactRoleKey(body)
        : null;
    const existingId = key === null ? undefined : existing.get(key);
    pending.push({ referenceId, body, waitingOn, existingId });
  }

  // Waves: records whose same-object references are saved go out; the rest wait for the next
  // wave. Each wave saves at least one record or fails the rest, so there are at most as many
  // waves as records.
  for (let wave = 0; pending.length > 0 && wave <= records.length; wave++) {
    const ready: Pending[] = [];
    const waiting: Pending[] = [];
    for (const item of pending) {
      for (const [field, target] of item.waitingOn) {
        const id = load.idByReference.get(target);
        if (id) {
          item.body[field] = id;
          item.waitingOn.delete(field);
        } else if (load.failedReferences.has(target)) {
          fail(item.referenceId, `${field}: ${target} was not loaded`);
          load.onBatch(1);
          item.waitingOn.clear();
          item.referenceId = '';
        }
      }
      if (item.referenceId === '') continue;
      (item.waitingOn.size === 0 ? ready : waiting).push(item);
    }
    if (ready.length === 0) {
      for (const item of waiting) {
        fail(item.referenceId, `circular reference among ${objectName} records`);
        load.onBatch(1);
      }
      break;
    }
    await saveReady(api, load, ready, hasExternalId);
    pending = waiting;
  }
}

async function saveReady(
  api: SalesforceApi,
  load: ObjectLoad,
  ready: readonly Pending[],
  hasExternalId: boolean
): Promise<void> {
  const { objectName, summary, fail } = load;
  const toUpsert: Pending[] = [];
  const toInsert: Pending[] = [];
  const toUpdate: Pending[] = [];
  for (const item of ready) {
    if (item.existingId) {
      load.idByReference.set(item.referenceId, item.existingId);
      if (!load.update) {
        summary.skipped++;
        load.onBatch(1);
      } else if (hasExternalId) toUpsert.push(item);
      else toUpdate.push(item);
    } else if (hasExternalId) toUpsert.push(item);
    else toInsert.push(item);
  }
  const send = async (
    items: Pending[],
    call: (bodies: Record<string, unknown>[]) => Promise<CollectionResult[]>
  ) => {
    for (const batch of chunks(items, BATCH)) {
      let results: CollectionResult[];
      try {
        results = await call(batch.map((item) => item.body));
      } catch (error) {
        if (error instanceof SalesforceApiError && error.status === 401) throw error;
        // The daily API limit ends the run: every further batch would be refused the same way.
        if (error instanceof DailyApiLimitError) throw error;
        if (error instanceof CliError && error.exitCode === EXIT.auth) throw error;
        const message = error instanceof Error ? error.message : String(error);
        batch.forEach((item) => fail(item.referenceId, message));
        load.onBatch(batch.length);
        continue;
      }
      results.forEach((result, index) => {
        const item = batch[index];
        if (!result.success || !result.id) {
          fail(item.referenceId, describeErrors(result) || 'no Id returned');
          return;
        }
        load.idByReference.set(item.referenceId, result.id);
        if (item.existingId || result.created === false) summary.updated++;
        else summary.created++;
      });
      load.onBatch(batch.length);
    }
  };
  await send(toUpsert, (bodies) => api.upsert(objectName, EXTERNAL_ID_FIELD, bodies));
  await send(toInsert, (bodies) => api.insert(bodies));
  await send(
    toUpdate.map((item) => ({
      ...item,
      body: {
        attributes: { type: objectName },
        Id: item.existingId,
        ...Object.fromEntries(
          Object.entries(item.body).filter(
            ([field]) =>
              field !== 'attributes' && field !== 'OpportunityId' && field !== 'ContactId'
          )
        )
      }
    })),
    (bodies) => api.update(bodies)
  );
}

/** A CurrencyType row of config/currencies.json (the fields of the object, as the API names them). */
export interface CurrencyFileRow {
  IsoCode: string;
  ConversionRate: number;
  DecimalPlaces: number;
  IsCorporate: boolean;
  IsActive: boolean;
}

/** A DatedConversionRate row of config/currencies.json. */
export interface DatedRateFileRow {
  IsoCode: string;
  ConversionRate: number;
  StartDate: string;
}

export interface CurrencyFile {
  path: string;
  currencies: CurrencyFileRow[];
  datedRates: DatedRateFileRow[];
}

/** Reads and checks config/currencies.json: one corporate currency at rate 1, known codes, dates. */
export function readCurrencyFile(path: string): CurrencyFile {
  const raw = readJson<{ currencies?: unknown; datedRates?: unknown }>(path);
  const fail = (problem: string): never => {
    throw new CliError(`${path}: ${problem}`, EXIT.usage);
  };
  if (!Array.isArray(raw.currencies)) fail('no "currencies" list');
  const currencies = raw.currencies as CurrencyFileRow[];
  const datedRates = (raw.datedRates ?? []) as DatedRateFileRow[];
  if (!Array.isArray(datedRates)) fail('"datedRates" is not a list');
  const codes = new Set<string>();
  for (const row of currencies) {
    if (typeof row.IsoCode !== 'string' || !/^[A-Z]{3}$/.test(row.IsoCode))
      fail(`IsoCode ${JSON.stringify(row.IsoCode)} is not a three-letter currency code`);
    if (codes.has(row.IsoCode)) fail(`${row.IsoCode} is listed twice`);
    codes.add(row.IsoCode);
    if (typeof row.ConversionRate !== 'number' || !(row.ConversionRate > 0))
      fail(`${row.IsoCode}: ConversionRate must be a positive number`);
    if (!Number.isInteger(row.DecimalPlaces) || row.DecimalPlaces < 0)
      fail(`${row.IsoCode}: DecimalPlaces must be a whole number`);
  }
  const corporate = currencies.filter((row) => row.IsCorporate === true);
  if (corporate.length !== 1)
    fail(`exactly one currency must have IsCorporate true (found ${corporate.length})`);
  if (corporate[0].ConversionRate !== 1)
    fail(`the corporate currency ${corporate[0].IsoCode} must have ConversionRate 1`);
  const dated = new Set<string>();
  for (const rate of datedRates) {
    const where = `dated rate ${String(rate.IsoCode)} ${String(rate.StartDate)}`;
    if (!codes.has(rate.IsoCode)) fail(`${where}: ${String(rate.IsoCode)} is not in "currencies"`);
    if (typeof rate.StartDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(rate.StartDate))
      fail(`${where}: StartDate must be a date as YYYY-MM-DD`);
    if (typeof rate.ConversionRate !== 'number' || !(rate.ConversionRate > 0))
      fail(`${where}: ConversionRate must be a positive number`);
    if (dated.has(`${rate.IsoCode}|${rate.StartDate}`)) fail(`${where} is listed twice`);
    dated.add(`${rate.IsoCode}|${rate.StartDate}`);
  }
  return { path, currencies, datedRates };
}

interface OrgCurrency {
  Id: string;
  IsoCode: string;
  ConversionRate: number;
  DecimalPlaces: number;
  IsCorporate: boolean;
  IsActive: boolean;
}

interface OrgDatedRate {
  Id: string;
  IsoCode: string;
  ConversionRate: number;
  StartDate: string;
}

/** What the org's currencies are, read before anything is changed. */
interface CurrencyPlan {
  file: CurrencyFile;
  multiCurrency: boolean;
  corporate: string | null;
  orgCurrencies: OrgCurrency[];
  /** Null when the org has no advanced currency management (no DatedConversionRate). */
  orgDatedRates: OrgDatedRate[] | null;
}

function isNotSupported(error: unknown): boolean {
  return error instanceof SalesforceApiError && error.errorCode === 'INVALID_TYPE';
}

function sameRate(a: number, b: number): boolean {
  return Math.abs(Number(a) - Number(b)) < 1e-9;
}

/** The currency codes the sample's records carry in CurrencyIsoCode, in order of appearance. */
function recordCurrencies(
  entries: readonly { objectName: string; records: readonly TreeRecord[] }[]
): string[] {
  const codes = new Set<string>();
  for (const { records } of entries) {
    for (const record of records) {
      if (typeof record.CurrencyIsoCode === 'string') codes.add(record.CurrencyIsoCode);
    }
  }
  return [...codes];
}

/**
 * Reads the org's currencies and decides, changing nothing. Multiple currencies are detected by
 * querying CurrencyType: the object "is not available in single-currency organizations"
 * (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_currencytype.htm),
 * so such an org answers the query 400 INVALID_TYPE ("sObject type 'CurrencyType' is not
 * supported"). DatedConversionRate is likewise not available without advanced currency
 * management (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_datedconversionrate.htm).
 * Refused (EXIT.refused): a single-currency org when the sample's records carry CurrencyIsoCode,
 * and an org whose corporate currency is not the file's (every rate is against it).
 */
async function planCurrencies(
  api: SalesforceApi,
  file: CurrencyFile,
  entries: readonly { objectName: string; records: readonly TreeRecord[] }[]
): Promise<CurrencyPlan> {
  const used = recordCurrencies(entries);
  const known = new Set(file.currencies.map((row) => row.IsoCode));
  const unknown = used.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new CliError(
      `The sample's records carry CurrencyIsoCode ${unknown.join(', ')}, which ${file.path} does not list.`,
      EXIT.usage
    );
  }
  const fileCorporate = file.currencies.find((row) => row.IsCorporate)?.IsoCode ?? null;
  let orgCurrencies: OrgCurrency[];
  try {
    orgCurrencies = await api.query<OrgCurrency>(
      'SELECT Id, IsoCode, ConversionRate, DecimalPlaces, IsCorporate, IsActive FROM CurrencyType'
    );
  } catch (error) {
    if (!isNotSupported(error)) throw error;
    const foreign = file.currencies
      .map((row) => row.IsoCode)
      .filter((code) => code !== fileCorporate && used.includes(code));
    if (foreign.length > 0) {
      throw new CliError(
        `The org has a single currency, but the sample's deals are in ${listed(foreign)} as well ` +
          `as ${fileCorporate ?? 'the corporate currency'} (CurrencyIsoCode). Multiple currencies ` +
          'must be enabled first: a scratch org from config/project-scratch-def.json has them ' +
          '(features MultiCurrency, currencySettings), in another org an admin enables them in ' +
          `Setup > Company Information > Currencies with ${fileCorporate ?? 'the corporate currency'} ` +
          'as the corporate currency. Nothing was loaded.',
        EXIT.refused
      );
    }
    return { file, multiCurrency: false, corporate: null, orgCurrencies: [], orgDatedRates: null };
  }
  const corporate = orgCurrencies.find((row) => row.IsCorporate === true)?.IsoCode ?? null;
  if (corporate !== fileCorporate) {
    throw new CliError(
      `The org's corporate currency is ${corporate ?? 'not set'}, the sample's is ${fileCorporate ?? 'not set'} ` +
        `(${displayPath(file.path)}): every rate of the sample is against ${fileCorporate ?? '?'}, ` +
        `so its amounts would convert wrongly in this org. Seed an org whose corporate currency is ` +
        `${fileCorporate ?? '?'}, such as a scratch org from config/project-scratch-def.json. ` +
        'Nothing was loaded.',
      EXIT.refused
    );
  }
  let orgDatedRates: OrgDatedRate[] | null = null;
  try {
    orgDatedRates = await api.query<OrgDatedRate>(
      'SELECT Id, IsoCode, ConversionRate, StartDate FROM DatedConversionRate'
    );
  } catch (error) {
    if (!isNotSupported(error)) throw error;
  }
  return { file, multiCurrency: true, corporate, orgCurrencies, orgDatedRates };
}

function listed(codes: readonly string[]): string {
  return codes.length <= 1
    ? codes.join('')
    : `${codes.slice(0, -1).join(', ')} and ${codes[codes.length - 1]}`;
}

function displayPath(path: string): string {
  const shown = relative(join(DEFAULT_DATA_DIR, '..'), path);
  return shown.startsWith('..') ? path : shown;
}

/** One record through the sObject Basic Information resource; its Id, or the error. */
async function createOne(
  api: SalesforceApi,
  type: string,
  body: Record<string, unknown>
): Promise<string> {
  // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api/dome_sobject_create.htm
  const { body: result } = await api.call<{ id: string; success: boolean }>(
    'POST',
    api.dataPath(`/sobjects/${type}`),
    body
  );
  return result.id;
}

async function updateOne(
  api: SalesforceApi,
  type: string,
  id: string,
  body: Record<string, unknown>
): Promise<void> {
  // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api/dome_update_fields.htm
  await api.call('PATCH', api.dataPath(`/sobjects/${type}/${id}`), body, { idempotent: true });
}

/**
 * Creates the currencies (CurrencyType: create() and update(), no delete) and dated rates the
 * org lacks; existing rates are kept unless `update`, which sets them to the file's. With
 * advanced currency management every currency has a first dated period from its creation, so
 * the dated rates are read again after currencies were added, and only a (IsoCode, StartDate)
 * the org lacks is created. The object reference lists no create() for DatedConversionRate,
 * but the REST sObject resource accepts a POST of IsoCode, ConversionRate and StartDate
 * (https://newbedev.com/updating-multi-currency-rates-from-apex). A currency that cannot be
 * created stops the run (the deals in it could not be saved); a dated rate that cannot is a
 * failed row.
 */
async function applyCurrencies(
  api: SalesforceApi,
  plan: CurrencyPlan,
  update: boolean,
  failures: FailedRow[]
): Promise<CurrencyOutcome> {
  const outcome: CurrencyOutcome = {
    multiCurrency: plan.multiCurrency,
    corporate: plan.corporate,
    added: [],
    updated: [],
    datedAdded: [],
    datedUpdated: [],
    note: null
  };
  if (!plan.multiCurrency) return outcome;
  const inOrg = new Map(plan.orgCurrencies.map((row) => [row.IsoCode, row]));
  for (const row of plan.file.currencies) {
    const existing = inOrg.get(row.IsoCode);
    if (!existing) {
      try {
        await createOne(api, 'CurrencyType', {
          IsoCode: row.IsoCode,
          ConversionRate: row.ConversionRate,
          DecimalPlaces: row.DecimalPlaces,
          IsActive: row.IsActive,
          IsCorporate: false
        });
      } catch (error) {
        if (!(error instanceof SalesforceApiError) || error.status === 401) throw error;
        const done =
          outcome.added.length > 0 ? ` (added before it: ${outcome.added.join(', ')})` : '';
        throw new CliError(
          `Cannot add the currency ${row.IsoCode} to the org${done}: ${error.message}. Editing ` +
            'currencies needs the "Customize Application" permission. No users or records were loaded.',
          EXIT.api
        );
      }
      outcome.added.push(row.IsoCode);
    } else if (
      update &&
      !existing.IsCorporate &&
      (!sameRate(existing.ConversionRate, row.ConversionRate) || existing.IsActive !== row.IsActive)
    ) {
      // IsActive "defaults to false if no value is provided when updating", so it is always sent.
      await updateOne(api, 'CurrencyType', existing.Id, {
        ConversionRate: row.ConversionRate,
        IsActive: row.IsActive
      });
      outcome.updated.push(row.IsoCode);
    }
  }
  if (plan.file.datedRates.length === 0) return outcome;
  if (plan.orgDatedRates === null) {
    outcome.note =
      'dated rates not loaded: advanced currency management is off (Setup > Manage Currencies)';
    return outcome;
  }
  const dated =
    outcome.added.length > 0
      ? await api.query<OrgDatedRate>(
          'SELECT Id, IsoCode, ConversionRate, StartDate FROM DatedConversionRate'
        )
      : plan.orgDatedRates;
  const datedInOrg = new Map(dated.map((row) => [`${row.IsoCode}|${row.StartDate}`, row]));
  for (const rate of plan.file.datedRates) {
    const label = `${rate.IsoCode} ${rate.StartDate}`;
    const existing = datedInOrg.get(`${rate.IsoCode}|${rate.StartDate}`);
    try {
      if (!existing) {
        await createOne(api, 'DatedConversionRate', {
          IsoCode: rate.IsoCode,
          ConversionRate: rate.ConversionRate,
          StartDate: rate.StartDate
        });
        outcome.datedAdded.push(label);
      } else if (update && !sameRate(existing.ConversionRate, rate.ConversionRate)) {
        await updateOne(api, 'DatedConversionRate', existing.Id, {
          ConversionRate: rate.ConversionRate
        });
        outcome.datedUpdated.push(label);
      }
    } catch (error) {
      if (!(error instanceof SalesforceApiError) || error.status === 401) throw error;
      if (error instanceof DailyApiLimitError) throw error;
      failures.push({
        objectName: 'DatedConversionRate',
        referenceId: label,
        error: error.message
      });
    }
  }
  return outcome;
}

/** The summary's currency line, e.g. "Currencies: EUR, SEK, NOK added; 9 dated rates added". */
export function currencySummary(outcome: CurrencyOutcome): string {
  if (!outcome.multiCurrency) return 'Currencies: the org has one currency; none added';
  const parts: string[] = [];
  parts.push(outcome.added.length > 0 ? `${outcome.added.join(', ')} added` : 'no currency added');
  if (outcome.updated.length > 0) parts.push(`${outcome.updated.join(', ')} updated`);
  const count = (n: number) => `${n} dated rate${n === 1 ? '' : 's'}`;
  parts.push(`${count(outcome.datedAdded.length)} added`);
  if (outcome.datedUpdated.length > 0) parts.push(`${count(outcome.datedUpdated.length)} updated`);
  if (outcome.note) parts.push(outcome.note);
  return `Currencies: ${parts.join('; ')} (corporate ${outcome.corporate ?? '?'})`;
}

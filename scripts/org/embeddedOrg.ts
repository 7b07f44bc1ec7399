/**
 * The embedded org: the sample org in data/ loaded into memory the way a real org would hold
 * it after `sf data import tree` and the package's automation, for the workbench, the `ssm` CLI
 * and the tests. It resolves references to Ids, applies owners and user lookups, and derives what
 * the platform computes and an import cannot set: the audit fields (CreatedDate, CreatedById,
 * LastModifiedDate, LastModifiedById of every user and record, and CreatedById of every field
 * history row, from the generator's side files), IsClosed/IsWon of deals, IsClosed of tasks,
 * LastActivityDate, roll-up summaries and formula fields (from the object metadata), and the KPI
 * snapshots' Unique_Key__c.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileFormula } from '../../formula-engine/src/formulaEngine';
import type { ObjectSchema } from '../../formula-engine/src/formulaEngine';
import { buildSchemas } from '../formula/schemaBuilder';
import {
  readComputedFields,
  type FormulaFieldDefinition,
  type RollupDefinition
} from './computedFields';
import { RecordIdFactory } from './recordIds';
import { customObjectNamesIn } from '../../apex-runtime/src/metadata/objectSource';
import { formulaResultType } from '../../apex-runtime/src/platform/formulaFields';

export type OrgRecord = { Id: string; attributes: { type: string; referenceId?: string } } & Record<
  string,
  unknown
>;

export interface SampleUser {
  key: string;
  firstName: string;
  lastName: string;
  alias: string;
  emailLocalPart: string;
  title: string;
  role: 'director' | 'manager' | 'seller' | 'leadership' | 'admin';
  /** The permission set groups (personas) the user is assigned, by API name. */
  permissionSetGroups: string[];
  managerKey?: string;
  /** User.LanguageLocaleKey (`da`, `en_US`). */
  language: string;
  /** User.LocaleSidKey (`da_DK`, `en_US`). */
  locale: string;
}

export interface EmbeddedOrg {
  /** The sample's reference day: TODAY() for every formula evaluated on it. */
  readonly today: string;
  readonly fiscalYearStartMonth: number;
  /** Object API names, in the import plan's order, User first. */
  readonly objectNames: readonly string[];
  /** Formula schemas of every object, parents nested two levels deep. */
  readonly schemas: Readonly<Record<string, ObjectSchema>>;
  records(objectName: string): OrgRecord[];
  byId(id: string): OrgRecord | undefined;
  /** The Id a sample referenceId (e.g. OpportunityRef12) or user key (seller1) was given. */
  idOf(referenceIdOrUserKey: string): string | undefined;
  userOf(userId: string): SampleUser | undefined;
  /** A copy of the record with its parents nested under their relationship names (Account.Industry). */
  withParents(record: OrgRecord): Record<string, unknown>;
}

interface PlanEntry {
  sobject: string;
  files: string[];
}

interface TreeFile {
  records: ({ attributes: { type: string; referenceId: string } } & Record<string, unknown>)[];
}

const REPO_ROOT = join(__dirname, '..', '..');
export const DEFAULT_DATA_DIR = join(REPO_ROOT, 'data');
export const DEFAULT_OBJECTS_DIR = join(REPO_ROOT, 'force-app', 'main', 'default', 'objects');

function readJson<T>(path: string): T {
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run \`npx tsx scripts/sample/generate.ts\``);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

const CLOSED_WON = 'Closed Won';
const CLOSED_LOST = 'Closed Lost';

/** IsClosed and IsWon of a deal in a stage, as the standard stages define them. */
export function closedFlagsOf(stageName: unknown): { IsClosed: boolean; IsWon: boolean } {
  return {
    IsClosed: stageName === CLOSED_WON || stageName === CLOSED_LOST,
    IsWon: stageName === CLOSED_WON
  };
}

/**
 * Event.ActivityDate as the platform derives it from StartDateTime, in the owner's time zone. The
 * workbench takes the date part of the UTC start: the sample's meetings fall in working hours,
 * the same day in Europe/Copenhagen, the time zone `ssm seed` gives the sample users.
 */
export function eventDates(event: Record<string, unknown>): { ActivityDate: string | null } {
  return { ActivityDate: dateOf(event.StartDateTime) ?? dateOf(event.ActivityDate) };
}

/**
 * Task.IsClosed as the platform sets it on save: true when the status is a closed one. The
 * sample's task statuses are the standard ones, of which Completed is the closed status (the
 * Apex runtime derives it the same way, apex-runtime/src/execution/standardBehaviours.ts).
 */
export function taskFlags(task: Record<string, unknown>): { IsClosed: boolean } {
  return { IsClosed: task.Status === 'Completed' };
}

/**
 * KPI_Snapshot__c.Unique_Key__c as KpiSnapshotJob writes it: week, scope and the user's Id. The
 * sample's rows cannot carry it (the Id is the org's), so a run of the job over a sample week
 * updates the sample's rows instead of adding a second set.
 */
export function snapshotKey(snapshot: Record<string, unknown>): { Unique_Key__c: string } {
  return {
    Unique_Key__c: `${String(snapshot.Week_Start__c)}:${String(snapshot.Scope__c)}:${String(snapshot.User__c)}`
  };
}

function dateOf(value: unknown): string | null {
  return typeof value === 'string' && value.length >= 10 ? value.slice(0, 10) : null;
}

/**
 * LastActivityDate as Salesforce keeps it: the latest completed task's date or past event's
 * date among the activities related to the record (for accounts, also those on its deals).
 */
export function lastActivityDates(
  activities: readonly OrgRecord[],
  accountOfDeal: ReadonlyMap<string, string>,
  today: string
): Map<string, string> {
  const latest = new Map<string, string>();
  const note = (id: unknown, date: string) => {
    if (typeof id === 'string' && (latest.get(id) ?? '') < date) latest.set(id, date);
  };
  for (const activity of activities) {
    const isTask = activity.attributes.type === 'Task';
    const date = isTask ? dateOf(activity.ActivityDate) : dateOf(activity.StartDateTime);
    if (!date || date > today || (isTask && activity.Status !== 'Completed')) continue;
    note(activity.WhatId, date);
    note(activity.WhoId, date);
    const account =
      typeof activity.WhatId === 'string' ? accountOfDeal.get(activity.WhatId) : undefined;
    note(account, date);
  }
  return latest;
}

function applyRollup(rollup: RollupDefinition, parents: OrgRecord[], children: OrgRecord[]): void {
  const values = new Map<string, number[]>();
  for (const child of children) {
    const passes = rollup.filters.every((filter) => {
      const equal = String(child[filter.field] ?? '') === filter.value;
      return filter.operation === 'equals' ? equal : !equal;
    });
    const parentId = child[rollup.foreignKey];
    if (!passes || typeof parentId !== 'string') continue;
    const value = rollup.summarizedField === undefined ? 1 : child[rollup.summarizedField];
    if (typeof value === 'number') values.set(parentId, [...(values.get(parentId) ?? []), value]);
  }
  for (const parent of parents) {
    const list = values.get(parent.Id) ?? [];
    switch (rollup.operation) {
      case 'count':
        parent[rollup.field] = list.length;
        break;
      case 'sum':
        parent[rollup.field] = list.reduce((sum, value) => sum + value, 0);
        break;
      case 'min':
        parent[rollup.field] = list.length ? Math.min(...list) : null;
        break;
      case 'max':
        parent[rollup.field] = list.length ? Math.max(...list) : null;
        break;
    }
  }
}

/**
 * Computes formula fields like Formula.recalculateFormulas does in Apex: the field's own formula
 * from its metadata, evaluated on the record with its parents, as of `today`.
 */
export function recalculateFormulaFields(
  definitions: readonly FormulaFieldDefinition[],
  schema: ObjectSchema,
  records: readonly Record<string, unknown>[],
  today: string
): void {
  for (const definition of definitions) {
    const formula = compileFormula(definition.formula, {
      schema,
      returnType: formulaResultType(definition.type),
      treatBlanksAsZero: definition.treatBlanksAsZero
    });
    for (const record of records) {
      record[definition.field] = formula.evaluate(record, { today });
    }
  }
}

/**
 * The sample opportunities' field history as `OpportunityFieldHistory` rows (what field
 * history tracking on Stage, Amount, Close Date and Forecast Category records), oldest first.
 */
export const HISTORY_OBJECT = 'OpportunityFieldHistory';

interface HistoryFile {
  opportunities: {
    referenceId: string;
    fieldChanges: {
      createdDate: string;
      /** The sample user who saved the change. */
      createdBy?: string;
      field: string;
      oldValue: string | number | null;
      newValue: string | number | null;
    }[];
  }[];
}

function readFieldHistory(
  dataDir: string,
  idByKey: ReadonlyMap<string, string>,
  userId: (key: string, where: string) => string
) {
  const file = join(dataDir, 'opportunity-history.json');
  if (!existsSync(file)) return [];
  return readJson<HistoryFile>(file).opportunities.flatMap((opportunity) => {
    const opportunityId = idByKey.get(opportunity.referenceId);
    if (!opportunityId) {
      throw new Error(`${file}: unknown opportunity ${opportunity.referenceId}`);
    }
    return opportunity.fieldChanges.map((change) => ({
      OpportunityId: opportunityId,
      Field: change.field,
      OldValue: change.oldValue,
      NewValue: change.newValue,
      CreatedDate: change.createdDate,
      ...(change.createdBy === undefined
        ? {}
        : { CreatedById: userId(change.createdBy, `${opportunity.referenceId} history`) })
    }));
  });
}

/** A record's audit fields as sample-facts.json holds them: users by sample user key. */
interface AuditEntry {
  CreatedDate: string;
  CreatedById: string;
  LastModifiedDate: string;
  LastModifiedById: string;
}

/** The audit fields of a user or record, the users resolved to their Ids; none when absent. */
function auditFieldsOf(
  entry: AuditEntry | undefined,
  userId: (key: string, where: string) => string,
  where: string
): Partial<Record<keyof AuditEntry, string>> {
  if (!entry) return {};
  return {
    CreatedDate: entry.CreatedDate,
    CreatedById: userId(entry.CreatedById, `${where}.CreatedById`),
    LastModifiedDate: entry.LastModifiedDate,
    LastModifiedById: userId(entry.LastModifiedById, `${where}.LastModifiedById`)
  };
}

/** Loads the sample org from `dataDir`, with computed fields from the metadata in `objectsDir`. */
export function loadEmbeddedOrg(
  dataDir: string = DEFAULT_DATA_DIR,
  objectsDir: string = DEFAULT_OBJECTS_DIR
): EmbeddedOrg {
  const plan = readJson<PlanEntry[]>(join(dataDir, 'sample-plan.json'));
  const users = readJson<{ users: SampleUser[] }>(join(dataDir, 'sample-users.json')).users;
  const ownership = readJson<{
    owners: Record<string, string>;
    userLookups: Record<string, Record<string, string>>;
  }>(join(dataDir, 'sample-owners.json'));
  const facts = readJson<{
    sampleToday: string;
    fiscalYearStartMonth: number;
    auditFields?: Record<string, AuditEntry>;
  }>(join(dataDir, 'sample-facts.json'));
  const auditFields = facts.auditFields ?? {};
  const schemas = buildSchemas({ objectsDir });

  const objectNames = ['User', ...plan.map((entry) => entry.sobject)];
  const ids = new RecordIdFactory([...customObjectNamesIn(objectsDir), ...objectNames]);
  const idByKey = new Map<string, string>();
  const byId = new Map<string, OrgRecord>();
  const byObject = new Map<string, OrgRecord[]>(objectNames.map((name) => [name, []]));
  const userByKey = new Map(users.map((user) => [user.key, user]));
  const userById = new Map<string, SampleUser>();

  for (const user of users) {
    const id = ids.next('User');
    idByKey.set(user.key, id);
    userById.set(id, user);
  }
  const userId = (key: string, where: string): string => {
    const id = userByKey.has(key) ? idByKey.get(key) : undefined;
    if (!id) throw new Error(`${where}: unknown sample user "${key}"`);
    return id;
  };
  for (const user of users) {
    const record: OrgRecord = {
      Id: idByKey.get(user.key) as string,
      attributes: { type: 'User' },
      FirstName: user.firstName,
      LastName: user.lastName,
      Name: `${user.firstName} ${user.lastName}`,
      Alias: user.alias,
      Title: user.title,
      Email: `${user.emailLocalPart}@example.com`,
      IsActive: true,
      ManagerId: user.managerKey ? (idByKey.get(user.managerKey) ?? null) : null,
      ...auditFieldsOf(auditFields[user.key], userId, user.key)
    };
    byId.set(record.Id, record);
    byObject.get('User')?.push(record);
  }

  const raw: OrgRecord[] = [];
  for (const entry of plan) {
    for (const file of entry.files) {
      for (const source of readJson<TreeFile>(join(dataDir, file)).records) {
        const record = { ...source, Id: ids.next(entry.sobject) } as OrgRecord;
        idByKey.set(source.attributes.referenceId, record.Id);
        raw.push(record);
      }
    }
  }
  for (const record of raw) {
    const referenceId = record.attributes.referenceId as string;
    for (const [field, value] of Object.entries(record)) {
      if (typeof value === 'string' && value.startsWith('@')) {
        const target = idByKey.get(value.slice(1));
        if (!target) throw new Error(`${referenceId}.${field}: unresolved reference ${value}`);
        record[field] = target;
      }
    }
    const owner = ownership.owners[referenceId];
    if (owner) record.OwnerId = userId(owner, `${referenceId}.OwnerId`);
    for (const [field, key] of Object.entries(ownership.userLookups[referenceId] ?? {})) {
      record[field] = userId(key, `${referenceId}.${field}`);
    }
    Object.assign(record, auditFieldsOf(auditFields[referenceId], userId, referenceId));
    if (record.attributes.type === 'Opportunity') {
      Object.assign(record, closedFlagsOf(record.StageName));
    }
    if (record.attributes.type === 'Event') Object.assign(record, eventDates(record));
    if (record.attributes.type === 'Task') Object.assign(record, taskFlags(record));
    if (record.attributes.type === 'KPI_Snapshot__c') Object.assign(record, snapshotKey(record));
    byId.set(record.Id, record);
    byObject.get(record.attributes.type)?.push(record);
  }

  byObject.set(
    HISTORY_OBJECT,
    readFieldHistory(dataDir, idByKey, userId).map((row) => {
      const record: OrgRecord = {
        ...row,
        Id: ids.next(HISTORY_OBJECT),
        attributes: { type: HISTORY_OBJECT }
      };
      byId.set(record.Id, record);
      return record;
    })
  );
  const records = (objectName: string): OrgRecord[] => byObject.get(objectName) ?? [];
  const accountOfDeal = new Map(
    records('Opportunity').map((deal) => [deal.Id, String(deal.AccountId ?? '')])
  );
  const latest = lastActivityDates(
    [...records('Event'), ...records('Task')],
    accountOfDeal,
    facts.sampleToday
  );
  for (const objectName of ['Opportunity', 'Account', 'Contact']) {
    for (const record of records(objectName))
      record.LastActivityDate = latest.get(record.Id) ?? null;
  }

  const computed = readComputedFields(objectsDir);
  for (const rollup of computed.rollups) {
    applyRollup(rollup, records(rollup.objectName), records(rollup.childObject));
  }

  const withParents = (record: OrgRecord): Record<string, unknown> => {
    const nest = (current: Record<string, unknown>, schema: ObjectSchema | undefined) => {
      const copy: Record<string, unknown> = { ...current };
      if (!schema?.relationships) return copy;
      for (const field of Object.values(schema.fields)) {
        const relationship = field.relationshipName;
        const parentSchema = relationship ? schema.relationships[relationship] : undefined;
        if (!relationship || !parentSchema) continue;
        const lookup = Object.entries(schema.fields).find(([, f]) => f === field)?.[0];
        const parent = lookup ? byId.get(String(current[lookup] ?? '')) : undefined;
        copy[relationship] = parent ? nest(parent, parentSchema) : null;
      }
      return copy;
    };
    return nest(record, schemas[record.attributes.type]);
  };

  const formulasByObject = new Map<string, FormulaFieldDefinition[]>();
  for (const definition of computed.formulas) {
    formulasByObject.set(definition.objectName, [
      ...(formulasByObject.get(definition.objectName) ?? []),
      definition
    ]);
  }
  for (const [objectName, definitions] of formulasByObject) {
    const targets = records(objectName);
    const contexts = targets.map(withParents);
    recalculateFormulaFields(definitions, schemas[objectName], contexts, facts.sampleToday);
    targets.forEach((record, index) => {
      for (const { field } of definitions) record[field] = contexts[index][field];
    });
  }

  return {
    today: facts.sampleToday,
    fiscalYearStartMonth: facts.fiscalYearStartMonth,
    objectNames,
    schemas,
    records,
    byId: (id) => byId.get(id),
    idOf: (key) => idByKey.get(key),
    userOf: (id) => userById.get(id),
    withParents
  };
}

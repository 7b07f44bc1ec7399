import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditStamp, OpportunityHistory } from '../model';

/** A record as it stands in a tree file. */
export interface TreeRecord {
  readonly attributes: { readonly type: string; readonly referenceId: string };
  readonly [field: string]: unknown;
}

export interface PlanEntry {
  readonly sobject: string;
  readonly saveRefs: boolean;
  readonly resolveRefs: boolean;
  readonly files: readonly string[];
}

export interface SampleUserFile {
  readonly key: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly emailLocalPart: string;
  readonly title: string;
  readonly role: string;
  readonly permissionSetGroups: readonly string[];
  readonly managerKey?: string;
}

/** The sample org as read back from a data directory, the way an importer would see it. */
export interface SampleData {
  readonly plan: readonly PlanEntry[];
  /** Tree file path (relative to the plan) to its records, in plan order. */
  readonly files: ReadonlyArray<readonly [string, readonly TreeRecord[]]>;
  readonly records: readonly TreeRecord[];
  readonly byReference: ReadonlyMap<string, TreeRecord>;
  readonly users: readonly SampleUserFile[];
  readonly owners: Readonly<Record<string, string>>;
  readonly userLookups: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly history: readonly OpportunityHistory[];
  readonly sampleToday: string;
  /** Audit fields by user key and referenceId, users as keys (sample-facts.json). */
  readonly auditFields: Readonly<Record<string, AuditStamp>>;
  /** CreatedDate by referenceId, from the audit fields. */
  readonly createdDates: Readonly<Record<string, string>>;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function loadSampleData(dataDir: string): SampleData {
  const plan = readJson<PlanEntry[]>(join(dataDir, 'sample-plan.json'));
  const files = plan.flatMap((entry) =>
    entry.files.map(
      (file) => [file, readJson<{ records: TreeRecord[] }>(join(dataDir, file)).records] as const
    )
  );
  const records = files.flatMap(([, fileRecords]) => fileRecords);
  const ownersFile = readJson<{
    owners: Record<string, string>;
    userLookups: Record<string, Record<string, string>>;
  }>(join(dataDir, 'sample-owners.json'));
  const historyFile = readJson<{ sampleToday: string; opportunities: OpportunityHistory[] }>(
    join(dataDir, 'opportunity-history.json')
  );
  const facts = readJson<{ auditFields: Record<string, AuditStamp> }>(
    join(dataDir, 'sample-facts.json')
  );
  return {
    plan,
    files,
    records,
    byReference: new Map(records.map((record) => [record.attributes.referenceId, record])),
    users: readJson<{ users: SampleUserFile[] }>(join(dataDir, 'sample-users.json')).users,
    owners: ownersFile.owners,
    userLookups: ownersFile.userLookups,
    history: historyFile.opportunities,
    sampleToday: historyFile.sampleToday,
    auditFields: facts.auditFields,
    createdDates: Object.fromEntries(
      Object.entries(facts.auditFields).map(([key, stamp]) => [key, stamp.CreatedDate])
    )
  };
}

export function recordsOf(data: SampleData, sObject: string): TreeRecord[] {
  return data.records.filter((record) => record.attributes.type === sObject);
}

/** The referenceId a `@ref` value points at, or undefined for any other value. */
export function referenceIn(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('@') ? value.slice(1) : undefined;
}

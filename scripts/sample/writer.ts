import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FISCAL_YEAR_START_MONTH, QUARTERS, SAMPLE_TODAY } from './constants';
import type { FieldValue, SampleOrg, SampleRecord, UserKey } from './model';

/** `sf data import tree` sends at most 200 records per request; larger files are split. */
export const MAX_RECORDS_PER_FILE = 200;

export const SAMPLE_FILES = {
  plan: 'sample-plan.json',
  treeDir: 'tree',
  users: 'sample-users.json',
  owners: 'sample-owners.json',
  history: 'opportunity-history.json',
  facts: 'sample-facts.json'
} as const;

export interface PlanEntry {
  readonly sobject: string;
  readonly saveRefs: boolean;
  readonly resolveRefs: boolean;
  readonly files: readonly string[];
}

type TreeRecord = { attributes: { type: string; referenceId: string } } & Record<
  string,
  FieldValue | { type: string; referenceId: string }
>;

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Pretty JSON with one row per line in the `rows` array: the history file stays small and a
 * change to one deal shows as one changed line in a diff.
 */
function jsonWithRowPerLine(
  header: Record<string, unknown>,
  key: string,
  rows: readonly unknown[]
): string {
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '');
  const body = rows.map((row) => `    ${JSON.stringify(row)}`).join(',\n');
  return `${head},\n  ${JSON.stringify(key)}: [\n${body}\n  ]\n}\n`;
}

/** The same with one entry per line in the `entries` object. */
function jsonWithEntryPerLine(
  header: Record<string, unknown>,
  key: string,
  entries: ReadonlyMap<string, unknown>
): string {
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '');
  const body = [...entries]
    .map(([name, value]) => `    ${JSON.stringify(name)}: ${JSON.stringify(value)}`)
    .join(',\n');
  return `${head},\n  ${JSON.stringify(key)}: {\n${body}\n  }\n}\n`;
}

function treeRecord(record: SampleRecord): TreeRecord {
  const result: TreeRecord = {
    attributes: { type: record.sObject, referenceId: record.referenceId }
  };
  for (const [field, value] of Object.entries(record.fields)) {
    if (value !== undefined) {
      result[field] = value;
    }
  }
  return result;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

/**
 * Renders the sample org as files, keyed by path relative to the data directory: the tree files
 * and their plan, plus the side files for what a tree import cannot carry (users, owners and
 * User lookups, opportunity history, audit fields).
 */
export function renderSampleOrg(org: SampleOrg): Map<string, string> {
  const files = new Map<string, string>();
  const plan: PlanEntry[] = [];
  const owners: Record<string, UserKey> = {};
  const userLookups: Record<string, Record<string, UserKey>> = {};

  for (const [sObject, records] of org.recordsByObject) {
    const batches = chunks(records, MAX_RECORDS_PER_FILE);
    const names = batches.map((_, index) =>
      batches.length === 1
        ? `${SAMPLE_FILES.treeDir}/${sObject}.json`
        : `${SAMPLE_FILES.treeDir}/${sObject}-${index + 1}.json`
    );
    batches.forEach((batch, index) => {
      files.set(names[index], json({ records: batch.map(treeRecord) }));
    });
    plan.push({
      sobject: sObject,
      saveRefs: true,
      resolveRefs: records.some((record) =>
        Object.values(record.fields).some(
          (value) => typeof value === 'string' && value.startsWith('@')
        )
      ),
      files: names
    });
    for (const record of records) {
      if (record.owner) {
        owners[record.referenceId] = record.owner;
      }
      if (record.userLookups) {
        userLookups[record.referenceId] = record.userLookups;
      }
    }
  }

  files.set(SAMPLE_FILES.plan, json(plan));
  files.set(SAMPLE_FILES.users, json({ users: org.users }));
  files.set(
    SAMPLE_FILES.owners,
    json({
      description:
        'OwnerId and User lookups of the tree records, by referenceId, as user keys of ' +
        'sample-users.json. Tree files cannot reference users; the seeding step applies these.',
      owners,
      userLookups
    })
  );
  files.set(
    SAMPLE_FILES.history,
    jsonWithRowPerLine(
      {
        description:
          'What OpportunityHistory (snapshots) and OpportunityFieldHistory (fieldChanges) ' +
          'would have recorded for each sample opportunity, times in UTC. Not importable; read ' +
          'by the workbench and the CLI.',
        sampleToday: SAMPLE_TODAY
      },
      'opportunities',
      org.opportunityHistory
    )
  );
  files.set(
    SAMPLE_FILES.facts,
    jsonWithEntryPerLine(
      {
        description:
          'Values an import cannot set: the audit fields (CreatedDate, CreatedById, ' +
          'LastModifiedDate, LastModifiedById; times in UTC, users as keys of ' +
          'sample-users.json) of every user, by key, and every record, by referenceId, plus ' +
          'the calendar the sample is built on.',
        sampleToday: SAMPLE_TODAY,
        fiscalYearStartMonth: FISCAL_YEAR_START_MONTH,
        quarters: QUARTERS
      },
      'auditFields',
      org.auditFields
    )
  );
  return files;
}

/** Writes the rendered files into `dataDir`, replacing earlier tree files. */
export async function writeSampleOrg(org: SampleOrg, dataDir: string): Promise<string[]> {
  const files = renderSampleOrg(org);
  await rm(join(dataDir, SAMPLE_FILES.treeDir), { recursive: true, force: true });
  for (const [path, content] of files) {
    const target = join(dataDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content, 'utf8');
  }
  return [...files.keys()];
}

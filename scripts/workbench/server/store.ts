/**
 * The local store: what the workbench's users changed in the sample org, in one JSON file under
 * the git-ignored `.workbench/`. It holds the rows the org's transactions added or changed since
 * the pristine sample (each as it is now, exactly: Decimals as text), the Id counters, the
 * custom notifications sent, and the emails sent to users (the newest MAX_STORED_EMAILS).
 * Loading the sample org and applying the store gives the org as the users left it; deleting
 * the file (`npm start -- --reset`) gives the pristine sample back.
 *
 * Writes are atomic (a temporary file renamed over the old one), so a process killed during a
 * save leaves the previous state or the new one, never half of one. The store names the sample it
 * was saved over (the data files and the Ids the prepared sample used): a store of another
 * sample, whose rows could clash with it, is refused with the way out.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { OrgSchema } from '../../../apex-runtime/src/metadata/schema';
import type { StoredRow } from '../../../apex-runtime/src/platform/dataSource';
import { valueFromJson, valueToJson } from '../../../apex-runtime/src/platform/fieldValues';
import type { ChangedRow, DatabaseChanges } from '../../../apex-runtime/src/platform/orgDatabase';
import { ApexDecimal } from '../../../apex-runtime/src/values/primitives';

/** A custom notification as the bell shows it (Messaging.CustomNotification.send). */
export interface WorkbenchNotification {
  id: string;
  title: string;
  body: string;
  targetId: string | null;
  recipients: string[];
  sentAt: string;
  /** The recipients who have opened it. */
  readBy: string[];
}

/**
 * An email the package's Apex sent to a user (Messaging.sendEmail, the runtime's outbox) in a
 * committed transaction, as its recipient reads it: nothing is delivered offline, so the
 * workbench keeps it for the inbox.
 */
export interface WorkbenchEmail {
  id: string;
  /** The one user it was sent to: only they may read it. */
  recipientUserId: string;
  senderUserId: string;
  subject: string;
  /** The HTML the recipient reads (a template's merged), or null for a text-only email. */
  htmlBody: string | null;
  plainTextBody: string | null;
  sentAt: string;
}

/**
 * How many emails the store keeps, the oldest dropped first: a weekly digest sends one per
 * seller and manager, so this is many weeks of digests while the file stays small.
 */
export const MAX_STORED_EMAILS = 200;

export interface StoreState {
  /** The fingerprint of the prepared sample the changes apply to (sampleFingerprint). */
  sample: string;
  changes: DatabaseChanges;
  notifications: WorkbenchNotification[];
  emails: WorkbenchEmail[];
}

interface StoredRowJson {
  object: string;
  id: string;
  added: boolean;
  fields: Record<string, unknown> | null;
}

interface StoreFile {
  version: 2;
  /** The fingerprint of the sample data the changes apply to. */
  sample: string;
  rows: StoredRowJson[];
  counters: Record<string, number>;
  notifications: WorkbenchNotification[];
  /** Absent in a store written before the workbench kept emails. */
  emails?: WorkbenchEmail[];
}

/**
 * A fingerprint of the prepared sample: its data files and the Id counters after preparing it
 * (which change when the package's code writes more or fewer records while preparing).
 */
export function sampleFingerprint(dataDir: string, counters: ReadonlyMap<string, number>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([...counters].sort(([a], [b]) => a.localeCompare(b))));
  const files = readdirSync(dataDir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.json'))
    .sort();
  for (const file of files) {
    hash.update(file);
    hash.update(readFileSync(join(dataDir, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

function encodeValue(value: unknown): unknown {
  // Exact: a Decimal keeps its digits and scale through the file.
  return value instanceof ApexDecimal ? value.toString() : valueToJson(value);
}

function encodeRow(change: ChangedRow): StoredRowJson {
  return {
    object: change.objectName,
    id: change.row ? String(change.row.Id) : change.key,
    added: change.added,
    fields: change.row
      ? Object.fromEntries(
          Object.entries(change.row).map(([name, value]) => [name, encodeValue(value)])
        )
      : null
  };
}

function decodeRow(schema: OrgSchema, stored: StoredRowJson, where: string): ChangedRow {
  const object = schema.object(stored.object);
  if (!object) throw new Error(`${where}: unknown object ${stored.object}`);
  let row: StoredRow | null = null;
  if (stored.fields) {
    const values: Record<string, unknown> = {};
    for (const [name, json] of Object.entries(stored.fields)) {
      const field = schema.field(object.name, name);
      if (!field) throw new Error(`${where}: ${object.name} has no field ${name}`);
      values[field.name] = valueFromJson(field, json, `${where} ${stored.id}.${name}`);
    }
    row = values;
  }
  return { objectName: object.name, key: stored.id.slice(0, 15), added: stored.added, row };
}

export class LocalStore {
  constructor(readonly file: string) {}

  /**
   * The stored state, or undefined when nothing is stored; an unusable file, or one saved over
   * another sample than `sample`, is reported.
   */
  read(schema: OrgSchema, sample: string): StoreState | undefined {
    if (!existsSync(this.file)) return undefined;
    const refuse = (why: string): never => {
      throw new Error(
        `${this.file}: ${why}; run \`npm start -- --reset\` to start afresh (the file is kept as ${this.backupFile})`
      );
    };
    let parsed: Partial<StoreFile>;
    try {
      parsed = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<StoreFile>;
    } catch (error) {
      return refuse(`not readable as JSON (${(error as Error).message})`);
    }
    if (
      parsed.version !== 2 ||
      !Array.isArray(parsed.rows) ||
      typeof parsed.counters !== 'object'
    ) {
      return refuse('not a store of this version of the workbench');
    }
    if (parsed.sample !== sample) {
      return refuse('saved over other sample data or another version of the package');
    }
    return {
      sample,
      changes: {
        rows: parsed.rows.map((row, index) =>
          decodeRow(schema, row, `${this.file} row ${index + 1}`)
        ),
        counters: new Map(Object.entries(parsed.counters ?? {}))
      },
      notifications: parsed.notifications ?? [],
      emails: parsed.emails ?? []
    };
  }

  /** Writes the whole state atomically. */
  write(state: StoreState): void {
    const content: StoreFile = {
      version: 2,
      sample: state.sample,
      rows: state.changes.rows.map(encodeRow),
      counters: Object.fromEntries(state.changes.counters),
      notifications: state.notifications,
      emails: state.emails
    };
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(content)}\n`);
    renameSync(temporary, this.file);
  }

  /** Where reset() keeps the store it replaces. */
  get backupFile(): string {
    return `${this.file}.bak`;
  }

  /** Starts afresh, keeping the old file (the last one only) as backupFile; true if there was one. */
  reset(): boolean {
    if (!existsSync(this.file)) return false;
    renameSync(this.file, this.backupFile);
    return true;
  }
}

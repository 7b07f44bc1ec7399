/**
 * The local store: the fields each save changed, by record Id, in one JSON file under the
 * git-ignored `.workbench/`. Loading the sample org and applying the store gives the org as the
 * user left it; deleting the file (`npm start -- --reset`) gives the pristine sample back.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type StoredChanges = Record<string, Record<string, unknown>>;

interface StoreFile {
  version: 1;
  records: StoredChanges;
}

export class LocalStore {
  constructor(readonly file: string) {}

  /** The stored changes; an unreadable file is reported, not silently treated as empty. */
  read(): StoredChanges {
    if (!existsSync(this.file)) return {};
    const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<StoreFile>;
    if (parsed.version !== 1 || typeof parsed.records !== 'object' || !parsed.records) {
      throw new Error(`${this.file}: not a workbench store; run \`npm start -- --reset\``);
    }
    return parsed.records;
  }

  /** Merges the changed fields of one record and writes the file atomically. */
  save(recordId: string, fields: Record<string, unknown>): void {
    const records = this.read();
    records[recordId] = { ...(records[recordId] ?? {}), ...fields };
    const content: StoreFile = { version: 1, records };
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`);
    renameSync(temporary, this.file);
  }

  reset(): void {
    rmSync(this.file, { force: true });
  }
}

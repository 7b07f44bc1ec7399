/**
 * What a query reads: the org's stored records, as the database holds them. A stored row maps
 * canonical field names to runtime values (see values/primitives.ts); it always has `Id`, and
 * `IsDeleted` when the record sits in the recycle bin. Formula fields are computed when read
 * (`read`), as the platform computes them at query time.
 */
import type { FieldDescribe, OrgSchema } from '../metadata/schema';

export type StoredRow = Readonly<Record<string, unknown>>;

export interface DataSource {
  readonly schema: OrgSchema;
  /** Rows of an object in insertion order; deleted rows only when `includeDeleted` (ALL ROWS). */
  rows(objectName: string, includeDeleted?: boolean): Iterable<StoredRow>;
  /** A row of any object by its 15- or 18-character Id, deleted rows included. */
  row(id: string): StoredRow | undefined;
  /**
   * The value of a field of a row: stored fields as stored, formula fields computed as of now,
   * null for a field without value.
   */
  read(objectName: string, row: StoredRow, field: FieldDescribe): unknown;
}

/**
 * The org's records in memory: rows per object in insertion order, found by Id in one map access
 * (15 or 18 characters), written raw (no validation, triggers or sharing: the runtime's DML does
 * those on top), with the recycle bin (`IsDeleted`), formula fields computed when read, roll-up
 * summaries recomputed on request, and copy-on-write forks.
 *
 * Storage is a chain of layers. Writes go to the top layer; a layer that another database or a
 * snapshot depends on is frozen. `fork()` and `snapshot()` freeze the top layer and start an
 * empty one over it, so they cost O(1) and a fork then holds only the rows it changed: a test
 * method's fresh org over the sample org's ~4,250 records copies nothing. Forking an unchanged
 * database reuses its frozen layer, so repeated forks of one base org do not deepen the chain.
 *
 * Rows are frozen objects keyed by canonical field names; a field without value is absent (it
 * reads as null). Writing a row replaces it, so a row someone holds never changes under them.
 *
 * Raw writes still do what the platform's storage does for every write, whoever writes: they
 * assign the Id (the object's key prefix and the next sequence number, see recordIds.ts), number
 * auto-number fields, store false for an absent checkbox, store 18-character Ids for lookups, and
 * keep a Decimal at its field's scale (rounding half up: the docs say a number field stores its
 * declared decimal places, not how it rounds; half up is how ROUND and the UI round), and they
 * refuse a value of the wrong runtime type or for an unknown or computed field. With
 * `WriteOptions.auditUserId` they also stamp the audit fields and default OwnerId.
 */
import type { FormulaEnv } from '../../../formula-engine/src/formulaEngine';
import type { FieldDescribe, ObjectDescribe, OrgSchema } from '../metadata/schema';
import { ApexDatetime, ApexDecimal } from '../values/primitives';
import type { DataSource, StoredRow } from './dataSource';
import { assertStorable } from './fieldValues';
import { FormulaFieldEvaluator } from './formulaFields';
import { idKey, keyPrefixOf, sequenceOf, sequentialId, toCaseSafeId } from './recordIds';
import { passesRollupFilters, rollupValue } from './rollups';

/** A stored value that fails loudly when read (a folder static resource's zip Body). */
export class UnreadableValue {
  constructor(readonly reason: string) {}
}

export interface WriteOptions {
  /** Stamps CreatedById/LastModifiedById (and OwnerId on insert, when absent) with this user. */
  auditUserId?: string;
  /** The instant the audit fields record; the database's clock by default. */
  now?: ApexDatetime;
}

export interface OrgDatabaseOptions {
  /** The current instant: audit stamps and NOW()/TODAY() of formula fields. */
  clock?: () => ApexDatetime;
  /** The zone TODAY() is taken in when no formula environment is set. */
  timeZone?: string;
}

class Layer {
  readonly rows = new Map<string, StoredRow | null>();
  readonly added = new Map<string, string[]>();
  readonly counters: Map<string, number>;
  frozen = false;

  constructor(readonly parent: Layer | null) {
    this.counters = new Map(parent?.counters ?? []);
  }

  get empty(): boolean {
    return this.rows.size === 0;
  }
}

/** A point the database can return to (`restore`). */
export interface DatabaseSnapshot {
  readonly layer: object;
}

const AUDIT_MODIFIED = ['LastModifiedDate', 'LastModifiedById', 'SystemModstamp'];

interface Shared {
  readonly schema: OrgSchema;
  readonly formulas: FormulaFieldEvaluator;
  /** Roll-up fields by the lower-cased name of the child object they summarise. */
  readonly rollupsByChild: Map<string, { parent: ObjectDescribe; field: FieldDescribe }[]>;
}

export class OrgDatabase implements DataSource {
  readonly schema: OrgSchema;
  private top: Layer;
  private readonly shared: Shared;
  private clock: () => ApexDatetime;
  private timeZone: string;
  private environmentProvider: (() => FormulaEnv) | undefined;

  constructor(schema: OrgSchema, options: OrgDatabaseOptions = {}) {
    this.schema = schema;
    const rollupsByChild = new Map<string, { parent: ObjectDescribe; field: FieldDescribe }[]>();
    for (const parent of schema.objects.values()) {
      for (const field of parent.fields) {
        if (!field.rollup) continue;
        const key = field.rollup.childObject.toLowerCase();
        rollupsByChild.set(key, [...(rollupsByChild.get(key) ?? []), { parent, field }]);
      }
    }
    this.shared = { schema, formulas: new FormulaFieldEvaluator(schema), rollupsByChild };
    this.top = new Layer(null);
    this.clock = options.clock ?? (() => new ApexDatetime(Date.now()));
    this.timeZone = options.timeZone ?? 'GMT';
  }

  /** The current instant by the database's clock. */
  now(): ApexDatetime {
    return this.clock();
  }

  setClock(clock: () => ApexDatetime, timeZone: string = this.timeZone): void {
    this.clock = clock;
    this.timeZone = timeZone;
  }

  /**
   * What TODAY(), NOW() and `$User` mean for formula fields from now on (the interpreter sets
   * the running user's); by default the clock's instant, today in the database's time zone.
   */
  setFormulaEnvironment(provider: (() => FormulaEnv) | undefined): void {
    this.environmentProvider = provider;
  }

  formulaEnvironment(): FormulaEnv {
    if (this.environmentProvider) return this.environmentProvider();
    const now = this.clock();
    return { now: now.toIsoString(), today: now.wall(this.timeZone).date.toIsoString() };
  }

  // ---- reading -------------------------------------------------------------------------

  private lookup(key: string): StoredRow | null | undefined {
    for (let layer: Layer | null = this.top; layer; layer = layer.parent) {
      const row = layer.rows.get(key);
      if (row !== undefined) return row;
    }
    return undefined;
  }

  /** A row of any object by its 15- or 18-character Id, deleted rows included. */
  row(id: string): StoredRow | undefined {
    if (id.length !== 15 && id.length !== 18) return undefined;
    return this.lookup(idKey(id)) ?? undefined;
  }

  /** The object a record Id belongs to, by its key prefix. */
  objectOfId(id: string): ObjectDescribe | undefined {
    return this.schema.objectOfKeyPrefix(keyPrefixOf(id));
  }

  private objectNamed(objectName: string): ObjectDescribe {
    const object = this.schema.object(objectName);
    if (!object) throw new Error(`sObject type '${objectName}' is not supported`);
    return object;
  }

  *rows(objectName: string, includeDeleted = false): Iterable<StoredRow> {
    const object = this.objectNamed(objectName);
    const chain: Layer[] = [];
    for (let layer: Layer | null = this.top; layer; layer = layer.parent) chain.unshift(layer);
    for (const layer of chain) {
      for (const key of layer.added.get(object.name) ?? []) {
        const row = this.lookup(key);
        if (row && (includeDeleted || row.IsDeleted !== true)) yield row;
      }
    }
  }

  /** How many rows the object has (deleted ones only with `includeDeleted`). */
  count(objectName: string, includeDeleted = false): number {
    return [...this.rows(objectName, includeDeleted)].length;
  }

  read(objectName: string, row: StoredRow, field: FieldDescribe): unknown {
    if (field.formula !== undefined) {
      const object = this.objectNamed(objectName);
      return this.shared.formulas.evaluate(object, row, field, {
        row: (id) => this.row(id),
        environment: () => this.formulaEnvironment()
      });
    }
    const value = row[field.name] ?? null;
    if (value instanceof UnreadableValue) {
      throw new Error(`not supported offline: ${value.reason}`);
    }
    return value;
  }

  /**
   * The JSON record a formula reading `paths` evaluates over (parents nested by relationship,
   * their formula fields computed), as formula fields are computed.
   */
  formulaRecord(
    objectName: string,
    row: StoredRow,
    paths: readonly string[]
  ): Record<string, unknown> {
    return this.shared.formulas.formulaRecord(this.objectNamed(objectName), row, paths, {
      row: (id) => this.row(id),
      environment: () => this.formulaEnvironment()
    });
  }

  /**
   * How many rows this database holds apart from the state it was forked or snapshotted from:
   * what a fork costs. A fresh fork holds none.
   */
  changedRowCount(): number {
    let count = 0;
    for (let layer: Layer | null = this.top; layer; layer = layer.parent) {
      if (layer.frozen) break;
      count += layer.rows.size;
    }
    return count;
  }

  // ---- writing -------------------------------------------------------------------------

  private writable(): Layer {
    if (this.top.frozen) this.top = new Layer(this.top);
    return this.top;
  }

  /** Stores a frozen copy of the row without its blank fields (a blank field is absent). */
  private store(key: string, row: StoredRow | null): void {
    this.writable().rows.set(
      key,
      row === null
        ? null
        : Object.freeze(
            Object.fromEntries(
              Object.entries(row).filter(([, value]) => value !== null && value !== undefined)
            )
          )
    );
  }

  private fieldOf(object: ObjectDescribe, name: string, where: string): FieldDescribe {
    const field = this.schema.field(object.name, name);
    if (!field) throw new Error(`${where}: No such column '${name}' on entity '${object.name}'`);
    return field;
  }

  /** Canonical names, 18-character Ids and type checks for values a caller writes. */
  private normalise(
    object: ObjectDescribe,
    values: Readonly<Record<string, unknown>>,
    where: string
  ): Map<FieldDescribe, unknown> {
    const result = new Map<FieldDescribe, unknown>();
    for (const [name, raw] of Object.entries(values)) {
      if (raw === undefined) continue;
      const field = this.fieldOf(object, name, where);
      if (field.formula !== undefined || field.rollup !== undefined) {
        throw new Error(`${where}: ${object.name}.${field.name} is computed and cannot be written`);
      }
      let value = raw;
      if (field.apexType === 'Id' && typeof value === 'string') value = toCaseSafeId(value);
      if (!(value instanceof UnreadableValue)) assertStorable(field, value, where);
      if (
        value instanceof ApexDecimal &&
        field.scale !== undefined &&
        value.scale !== field.scale
      ) {
        value = value.withScale(field.scale, 'HALF_UP');
      }
      result.set(field, value);
    }
    return result;
  }

  private nextId(object: ObjectDescribe): string {
    const layer = this.writable();
    let sequence = layer.counters.get(object.keyPrefix) ?? 0;
    let id: string;
    do {
      sequence += 1;
      id = sequentialId(object.keyPrefix, sequence);
    } while (this.lookup(idKey(id)) !== undefined);
    layer.counters.set(object.keyPrefix, sequence);
    return id;
  }

  private nextAutoNumber(object: ObjectDescribe, field: FieldDescribe): string {
    const format = field.autoNumber as { displayFormat: string; startingNumber: number };
    const layer = this.writable();
    const key = `${object.name}.${field.name}`;
    const number = layer.counters.get(key) ?? format.startingNumber;
    layer.counters.set(key, number + 1);
    return formatAutoNumber(format.displayFormat, number);
  }

  private stampAudit(
    object: ObjectDescribe,
    row: Record<string, unknown>,
    options: WriteOptions,
    created: boolean
  ): void {
    if (options.auditUserId === undefined) return;
    const userId = toCaseSafeId(options.auditUserId);
    const now = options.now ?? this.clock();
    const set = (name: string, value: unknown, onlyIfAbsent: boolean) => {
      const field = this.schema.field(object.name, name);
      if (field && !(onlyIfAbsent && row[field.name] !== undefined)) row[field.name] = value;
    };
    if (created) {
      set('CreatedDate', now, true);
      set('CreatedById', userId, true);
      if (object.hasOwner) set('OwnerId', userId, true);
    }
    for (const name of AUDIT_MODIFIED) {
      set(name, name === 'LastModifiedById' ? userId : now, created);
    }
  }

  /**
   * Adds a record and returns the stored row. `values.Id` keeps a given Id (the sample org's);
   * otherwise the next Id of the object is assigned.
   */
  insert(
    objectName: string,
    values: Readonly<Record<string, unknown>>,
    options: WriteOptions = {}
  ): StoredRow {
    const object = this.objectNamed(objectName);
    const where = `insert ${object.name}`;
    const { Id: givenId, ...rest } = Object.fromEntries(
      Object.entries(values).map(([name, value]) => [
        this.schema.field(object.name, name)?.name ?? name,
        value
      ])
    );
    let id: string;
    if (givenId !== undefined && givenId !== null) {
      if (typeof givenId !== 'string') throw new Error(`${where}: Id must be a string`);
      id = toCaseSafeId(givenId);
      if (keyPrefixOf(id) !== object.keyPrefix) {
        throw new Error(`${where}: ${id} is not an Id of ${object.name} (${object.keyPrefix})`);
      }
      if (this.lookup(idKey(id)) !== undefined) throw new Error(`${where}: duplicate Id ${id}`);
      const sequence = sequenceOf(id, object.keyPrefix);
      const layer = this.writable();
      if (sequence !== undefined && sequence > (layer.counters.get(object.keyPrefix) ?? 0)) {
        layer.counters.set(object.keyPrefix, sequence);
      }
    } else {
      id = this.nextId(object);
    }
    const row: Record<string, unknown> = { Id: id };
    for (const [field, value] of this.normalise(object, rest, where)) {
      if (value !== null) row[field.name] = value;
    }
    for (const field of object.fields) {
      if (row[field.name] !== undefined || field.formula !== undefined) continue;
      if (field.autoNumber) row[field.name] = this.nextAutoNumber(object, field);
      else if (field.rollup?.operation === 'count' || field.rollup?.operation === 'sum') {
        // A new parent has no children yet: its COUNT and SUM summaries are 0 (see rollups.ts).
        row[field.name] = ApexDecimal.ZERO;
      } else if (field.apexType === 'Boolean' && !field.nillable && field.rollup === undefined) {
        row[field.name] = false;
      }
    }
    this.stampAudit(object, row, options, true);
    if (this.schema.field(object.name, 'IsDeleted')) row.IsDeleted = false;
    const key = idKey(id);
    this.store(key, row);
    const layer = this.writable();
    const added = layer.added.get(object.name);
    if (added) added.push(key);
    else layer.added.set(object.name, [key]);
    return this.lookup(key) as StoredRow;
  }

  private existing(id: string, where: string): { object: ObjectDescribe; row: StoredRow } {
    const row = this.row(id);
    const object = this.objectOfId(id);
    if (!row || !object) throw new Error(`${where}: entity ${id} does not exist`);
    return { object, row };
  }

  /** Sets (null clears) fields of a live record and returns the stored row. */
  update(
    id: string,
    changes: Readonly<Record<string, unknown>>,
    options: WriteOptions = {}
  ): StoredRow {
    const where = `update ${id}`;
    const { object, row } = this.existing(id, where);
    if (row.IsDeleted === true) throw new Error(`${where}: entity is deleted`);
    const updated: Record<string, unknown> = { ...row };
    for (const [field, value] of this.normalise(object, changes, where)) {
      if (field.name === 'Id') {
        if (value !== row.Id) throw new Error(`${where}: the Id cannot change`);
        continue;
      }
      if (field.name === 'IsDeleted') throw new Error(`${where}: use delete or undelete`);
      updated[field.name] = value;
    }
    this.stampAudit(object, updated, options, false);
    this.store(idKey(row.Id as string), updated);
    return this.row(id) as StoredRow;
  }

  /** Moves a record to the recycle bin (`IsDeleted` true); it stays readable with ALL ROWS. */
  delete(id: string, options: WriteOptions = {}): StoredRow {
    return this.setDeleted(id, true, options);
  }

  /** Brings a record back from the recycle bin. */
  undelete(id: string, options: WriteOptions = {}): StoredRow {
    return this.setDeleted(id, false, options);
  }

  private setDeleted(id: string, deleted: boolean, options: WriteOptions): StoredRow {
    const where = `${deleted ? 'delete' : 'undelete'} ${id}`;
    const { object, row } = this.existing(id, where);
    if ((row.IsDeleted === true) === deleted) {
      throw new Error(`${where}: entity is ${deleted ? 'already' : 'not'} deleted`);
    }
    const updated: Record<string, unknown> = { ...row, IsDeleted: deleted };
    this.stampAudit(object, updated, options, false);
    this.store(idKey(row.Id as string), updated);
    return this.row(id) as StoredRow;
  }

  /** Removes a record for good (emptying the recycle bin; share rows that never go there). */
  purge(id: string): void {
    const { row } = this.existing(id, `purge ${id}`);
    this.store(idKey(row.Id as string), null);
  }

  // ---- roll-ups ------------------------------------------------------------------------

  /**
   * Recomputes every roll-up summary over `childObject` on the given parents, as the platform
   * does after children change; returns the parents' rows as now stored.
   */
  recalculateRollups(childObject: string, parentIds: Iterable<string>): StoredRow[] {
    const child = this.objectNamed(childObject);
    const rollups = this.shared.rollupsByChild.get(child.name.toLowerCase()) ?? [];
    const parents = new Set([...parentIds].map((id) => toCaseSafeId(id)));
    if (rollups.length === 0 || parents.size === 0) return [];
    const updated = new Map<string, Record<string, unknown>>();
    for (const { parent, field } of rollups) {
      const rollup = field.rollup as NonNullable<FieldDescribe['rollup']>;
      const foreignKey = this.fieldOf(child, rollup.foreignKey, 'roll-up');
      const summarized =
        rollup.summarizedField === undefined
          ? undefined
          : this.fieldOf(child, rollup.summarizedField, 'roll-up');
      const values = new Map<string, unknown[]>();
      for (const row of this.rows(child.name)) {
        const parentId = row[foreignKey.name];
        if (typeof parentId !== 'string' || !parents.has(parentId)) continue;
        if (
          !passesRollupFilters(rollup, child, row, (object, name) =>
            this.schema.field(object.name, name)
          )
        ) {
          continue;
        }
        const value = summarized === undefined ? 1 : (row[summarized.name] ?? null);
        if (value === null) continue;
        const list = values.get(parentId);
        if (list) list.push(value);
        else values.set(parentId, [value]);
      }
      for (const parentId of parents) {
        if (this.objectOfId(parentId)?.name !== parent.name) continue;
        const current = updated.get(parentId) ?? { ...(this.row(parentId) ?? {}) };
        if (current.Id === undefined) continue;
        let value = rollupValue(rollup, values.get(parentId) ?? []);
        if (typeof value === 'number' && field.apexType === 'Decimal') {
          value = ApexDecimal.fromInteger(value);
        }
        current[field.name] = value;
        updated.set(parentId, current);
      }
    }
    for (const [parentId, row] of updated) this.store(idKey(parentId), row);
    return [...updated.keys()].map((id) => this.row(id) as StoredRow);
  }

  // ---- forks and snapshots -------------------------------------------------------------

  /** The layer a fork or snapshot can share: the top one, frozen, or its parent if unchanged. */
  private sharedLayer(): Layer {
    if (this.top.empty && this.top.parent && !this.top.frozen) {
      const parent = this.top.parent;
      if (sameCounters(this.top, parent)) return parent;
    }
    this.top.frozen = true;
    const frozen = this.top;
    this.top = new Layer(frozen);
    return frozen;
  }

  /**
   * A database that starts as this one and changes on its own: writes to either never reach the
   * other. O(1): both continue on new layers over the shared, now frozen, state.
   */
  fork(): OrgDatabase {
    const base = this.sharedLayer();
    // Not through the constructor: a fork shares the compiled formulas and the roll-up index.
    const child = Object.create(OrgDatabase.prototype) as OrgDatabase;
    Object.assign(child, {
      schema: this.schema,
      top: new Layer(base),
      shared: this.shared,
      clock: this.clock,
      timeZone: this.timeZone,
      environmentProvider: this.environmentProvider
    });
    return child;
  }

  /** The current state, to `restore` later (e.g. after a test method). */
  snapshot(): DatabaseSnapshot {
    return { layer: this.sharedLayer() };
  }

  /** Returns to a snapshot of this database (or of the database it was forked from). */
  restore(snapshot: DatabaseSnapshot): void {
    if (!(snapshot.layer instanceof Layer)) throw new Error('Not a snapshot of an OrgDatabase');
    this.top = new Layer(snapshot.layer);
  }

  /**
   * Merges every layer written since the snapshot into one, so a long-lived database (the
   * workbench's, one transaction after another) keeps reading in constant depth. Snapshots taken
   * in between stay valid: their layers are left as they were.
   */
  flattenSince(snapshot: DatabaseSnapshot): void {
    const chain: Layer[] = [];
    let layer: Layer | null = this.top;
    while (layer && layer !== snapshot.layer) {
      chain.push(layer);
      layer = layer.parent;
    }
    if (!layer) throw new Error('Not a snapshot of this database');
    if (chain.length <= 1) return;
    const merged = new Layer(layer);
    for (const changed of chain.reverse()) {
      for (const [key, row] of changed.rows) merged.rows.set(key, row);
      for (const [objectName, keys] of changed.added) {
        merged.added.set(objectName, [...(merged.added.get(objectName) ?? []), ...keys]);
      }
    }
    for (const [key, value] of this.top.counters) merged.counters.set(key, value);
    this.top = merged;
  }

  // ---- changes since a snapshot (what a store keeps) ------------------------------------

  /**
   * What changed since a snapshot of this database: the rows added since, in insertion order,
   * then the earlier rows changed since (null when purged), each as it is now; and the counters
   * (Id sequences, auto-numbers) as they are now.
   */
  changesSince(snapshot: DatabaseSnapshot): DatabaseChanges {
    const chain: Layer[] = [];
    let layer: Layer | null = this.top;
    while (layer && layer !== snapshot.layer) {
      chain.push(layer);
      layer = layer.parent;
    }
    if (!layer) throw new Error('Not a snapshot of this database');
    const rows: ChangedRow[] = [];
    const seen = new Set<string>();
    for (const changed of [...chain].reverse()) {
      for (const [objectName, keys] of changed.added) {
        for (const key of keys) {
          if (seen.has(key)) continue;
          seen.add(key);
          rows.push({ objectName, key, added: true, row: this.lookup(key) ?? null });
        }
      }
    }
    for (const changed of chain) {
      for (const key of changed.rows.keys()) {
        if (seen.has(key)) continue;
        seen.add(key);
        const row = this.lookup(key) ?? null;
        const objectName = this.objectOfId(key)?.name;
        if (objectName) rows.push({ objectName, key, added: false, row });
      }
    }
    return { rows, counters: new Map(this.top.counters) };
  }

  /**
   * Writes changes taken from another database over the same base (a store reloaded), rows as
   * they were stored, so Ids, audit fields and roll-ups come back unchanged.
   */
  applyChanges(changes: DatabaseChanges): void {
    const layer = this.writable();
    for (const { objectName, key, added, row } of changes.rows) {
      const object = this.objectNamed(objectName);
      if (added && this.lookup(key) !== undefined) {
        throw new Error(`${objectName} ${key}: a record with this Id exists already`);
      }
      if (!added && this.lookup(key) === undefined) {
        throw new Error(`${objectName} ${key}: no such record to change`);
      }
      this.store(key, row);
      if (added) {
        const keys = layer.added.get(object.name);
        if (keys) keys.push(key);
        else layer.added.set(object.name, [key]);
      }
    }
    for (const [key, value] of changes.counters) {
      if (value > (layer.counters.get(key) ?? 0)) layer.counters.set(key, value);
    }
  }
}

/** One row a database changed: added since the snapshot, or changed (null: purged). */
export interface ChangedRow {
  objectName: string;
  /** The Id's case-insensitive key, as the database stores it. */
  key: string;
  added: boolean;
  row: StoredRow | null;
}

export interface DatabaseChanges {
  rows: ChangedRow[];
  counters: ReadonlyMap<string, number>;
}

function sameCounters(a: Layer, b: Layer): boolean {
  if (a.counters.size !== b.counters.size) return false;
  for (const [key, value] of a.counters) if (b.counters.get(key) !== value) return false;
  return true;
}

/**
 * An auto-number's text: the number in the `{0...}` placeholder, zero-padded to its width
 * (`CS-{000000}` and 42 give `CS-000042`); date placeholders ({YYYY}, {MM}, {DD}) are not
 * supported offline.
 */
export function formatAutoNumber(displayFormat: string, number: number): string {
  if (/\{(YY|YYYY|MM|DD)\}/.test(displayFormat)) {
    throw new Error(
      `not supported offline: date placeholders in the auto-number format ${displayFormat}`
    );
  }
  return displayFormat.replace(/\{(0+)\}/, (_match, zeros: string) =>
    String(number).padStart(zeros.length, '0')
  );
}

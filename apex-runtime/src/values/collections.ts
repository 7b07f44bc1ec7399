/**
 * Apex List, Set and Map. Each carries its element (or key and value) types, as Apex collections
 * know their runtime type (`List<Account>` can be cast from `List<SObject>` only when it is one).
 * Sets and maps keep insertion order, which is the order Apex iterates them in. Keys are compared
 * as Apex compares map keys: Strings case-sensitively, SObjects and collections by their contents,
 * numbers by value.
 */
import type { TypeRef } from './typeRef';
import { collectionKey } from './equality';

export class ApexList {
  readonly elementType: TypeRef;
  items: unknown[];

  constructor(elementType: TypeRef, items: unknown[] = []) {
    this.elementType = elementType;
    this.items = items;
  }

  get size(): number {
    return this.items.length;
  }
}

export class ApexSet {
  readonly elementType: TypeRef;
  private readonly entries = new Map<unknown, unknown>();

  constructor(elementType: TypeRef, values: Iterable<unknown> = []) {
    this.elementType = elementType;
    for (const value of values) this.add(value);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Adds the value; false when an equal value was already there. */
  add(value: unknown): boolean {
    const key = collectionKey(value);
    if (this.entries.has(key)) return false;
    this.entries.set(key, value);
    return true;
  }

  has(value: unknown): boolean {
    return this.entries.has(collectionKey(value));
  }

  delete(value: unknown): boolean {
    return this.entries.delete(collectionKey(value));
  }

  clear(): void {
    this.entries.clear();
  }

  values(): unknown[] {
    return [...this.entries.values()];
  }
}

export class ApexMap {
  readonly keyType: TypeRef;
  readonly valueType: TypeRef;
  private readonly entries = new Map<unknown, [unknown, unknown]>();

  constructor(keyType: TypeRef, valueType: TypeRef) {
    this.keyType = keyType;
    this.valueType = valueType;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The key entries are filed under. */
  protected keyOf(key: unknown): unknown {
    return collectionKey(key);
  }

  get(key: unknown): unknown {
    const entry = this.entries.get(this.keyOf(key));
    return entry === undefined ? null : entry[1];
  }

  has(key: unknown): boolean {
    return this.entries.has(this.keyOf(key));
  }

  /** Sets the value and returns the previous one (null when there was none). */
  set(key: unknown, value: unknown): unknown {
    const normalised = this.keyOf(key);
    const previous = this.entries.get(normalised);
    if (previous) {
      const old = previous[1];
      previous[1] = value;
      return old;
    }
    this.entries.set(normalised, [key, value]);
    return null;
  }

  /** Removes the key and returns its value (null when absent). */
  delete(key: unknown): unknown {
    const normalised = this.keyOf(key);
    const previous = this.entries.get(normalised);
    this.entries.delete(normalised);
    return previous === undefined ? null : previous[1];
  }

  clear(): void {
    this.entries.clear();
  }

  keys(): unknown[] {
    return [...this.entries.values()].map(([key]) => key);
  }

  values(): unknown[] {
    return [...this.entries.values()].map(([, value]) => value);
  }

  entryList(): [unknown, unknown][] {
    return [...this.entries.values()].map(([key, value]) => [key, value]);
  }
}

/**
 * A map whose String keys match case-insensitively: the describe maps
 * (`Schema.getGlobalDescribe()`, `fields.getMap()`), whose keys are lower-case names that code
 * reads with any spelling.
 */
export class CaseInsensitiveKeyMap extends ApexMap {
  protected override keyOf(key: unknown): unknown {
    return typeof key === 'string' ? key.toLowerCase() : collectionKey(key);
  }
}

/**
 * The list an inline SOQL query returns. Assigned to a single SObject variable, it gives its one
 * row (System.QueryException when it has none or several), as Apex does.
 */
export class QueryResultList extends ApexList {}

/**
 * An SObject at run time: its object, the fields set on it (by case-insensitive name, kept in
 * their canonical spelling), its parent records and child lists as a query returned them, and
 * the errors `addError` put on it during a save. A record that came from SOQL knows which fields
 * were queried: reading any other throws, as the platform does.
 */
import type { ObjectDescribe } from '../metadata/schema';

export interface SObjectEntry {
  /** Canonical name of the field or relationship. */
  name: string;
  value: unknown;
}

export interface RecordError {
  message: string;
  /** The fields the error is put on (`field.addError`), empty for the record. */
  fields: string[];
}

export class SObjectValue {
  readonly type: ObjectDescribe;
  private readonly entries = new Map<string, SObjectEntry>();
  /** True when the record was built by a query: only queried fields can be read. */
  readonly fromQuery: boolean;
  /** Errors added with addError during the current save. */
  errors: RecordError[] = [];
  /** True for Trigger.new and Trigger.old records in after triggers: writing a field fails. */
  readOnly = false;

  constructor(type: ObjectDescribe, fromQuery = false) {
    this.type = type;
    this.fromQuery = fromQuery;
  }

  /** Whether the field or relationship holds a value (queried, set, or put). */
  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** The value of a field or relationship, or undefined when it was never set or queried. */
  get(name: string): unknown {
    return this.entries.get(name.toLowerCase())?.value;
  }

  set(name: string, value: unknown): void {
    const key = name.toLowerCase();
    const entry = this.entries.get(key);
    if (entry) entry.value = value;
    else this.entries.set(key, { name, value });
  }

  /** Removes a field (used when a save strips fields the user cannot read). */
  remove(name: string): void {
    this.entries.delete(name.toLowerCase());
  }

  /** Fields and relationships in the order they were set, canonical names. */
  populated(): SObjectEntry[] {
    return [...this.entries.values()];
  }

  get id(): string | null {
    const id = this.get('Id');
    return typeof id === 'string' ? id : null;
  }

  /** A shallow copy: the same values, parents and child lists. */
  copy(fromQuery = this.fromQuery): SObjectValue {
    const clone = new SObjectValue(this.type, fromQuery);
    for (const entry of this.entries.values())
      clone.entries.set(entry.name.toLowerCase(), { ...entry });
    return clone;
  }
}

/**
 * The state an asynchronous job carries between transactions. Apex Developer Guide, "Using Batch
 * Apex": the batch instance is serialized when the job is submitted; each execution is a discrete
 * transaction, and without Database.Stateful every transaction starts from that submitted state.
 * A copy here is what serialization and deserialization give: objects, collections and records
 * copied through (references shared inside the state stay shared), immutable values (numbers,
 * Decimals, dates, Blobs) and platform objects kept as they are.
 */
import { ApexList, ApexMap, ApexSet, CaseInsensitiveKeyMap } from '../values/collections';
import { SObjectValue } from '../values/sobject';
import { ApexObject } from '../interpreter/objects';

export function serializedCopy(value: unknown, copies = new Map<object, unknown>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  const known = copies.get(value);
  if (known !== undefined) return known;
  const copyOf = (item: unknown) => serializedCopy(item, copies);
  if (value instanceof ApexObject) {
    const copy = new ApexObject(value.cls);
    copies.set(value, copy);
    for (const [name, field] of Object.entries(value.fields)) copy.fields[name] = copyOf(field);
    return copy;
  }
  if (value instanceof ApexList) {
    const copy = new ApexList(value.elementType);
    copies.set(value, copy);
    copy.items = value.items.map(copyOf);
    return copy;
  }
  if (value instanceof ApexSet) {
    const copy = new ApexSet(value.elementType);
    copies.set(value, copy);
    for (const item of value.values()) copy.add(copyOf(item));
    return copy;
  }
  if (value instanceof ApexMap) {
    const copy =
      value instanceof CaseInsensitiveKeyMap
        ? new CaseInsensitiveKeyMap(value.keyType, value.valueType)
        : new ApexMap(value.keyType, value.valueType);
    copies.set(value, copy);
    for (const [key, item] of value.entryList()) copy.set(copyOf(key), copyOf(item));
    return copy;
  }
  if (value instanceof SObjectValue) {
    const copy = value.copy();
    copies.set(value, copy);
    for (const entry of value.populated()) {
      if (entry.value !== null && typeof entry.value === 'object') {
        copy.set(entry.name, copyOf(entry.value));
      }
    }
    return copy;
  }
  return value;
}

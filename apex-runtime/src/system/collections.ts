/**
 * List, Set and Map methods (Apex Reference, "List Class", "Set Class", "Map Class"). Values are
 * converted to the collection's element type when they go in; Sets and Maps compare keys by
 * Apex's map-key rules (values/equality.ts).
 */
import { ApexRuntimeError } from '../stdlib/apexErrors';
import { ApexList, ApexMap, ApexSet } from '../values/collections';
import { apexEquals, apexEqualsExactCase, collectionKey } from '../values/equality';
import { SObjectValue } from '../values/sobject';
import type { TypeRef } from '../values/typeRef';
import type { Frame } from '../interpreter/frame';
import { defineNative, NativeObject } from '../interpreter/nativeTypes';
import { callMember, iterate, toText } from '../interpreter/dispatch';
import { nullPointer } from '../interpreter/operators';
import { coerce } from '../interpreter/typeSystem';
import { compareForSort } from './sortOrder';
import { sobjectTypeToken } from './schemaTokens';

function outOfBounds(index: unknown): ApexRuntimeError {
  return new ApexRuntimeError('System.ListException', `List index out of bounds: ${String(index)}`);
}

function checkIndex(list: ApexList, index: unknown, allowEnd = false): number {
  if (index === null || index === undefined) throw nullPointer();
  const i = index as number;
  if (i < 0 || i > list.items.length || (!allowEnd && i === list.items.length))
    throw outOfBounds(i);
  return i;
}

function itemsOf(frame: Frame, source: unknown): unknown[] {
  if (source === null || source === undefined) throw nullPointer();
  return [...iterate(frame, source)];
}

function sobjectTypeOf(frame: Frame, type: TypeRef): unknown {
  const object = frame.ctx.interpreter.program.schema.object(type.name);
  return object ? sobjectTypeToken(object) : null;
}

/** deepClone copies SObjects (and their Ids when asked); other elements are shared. */
function cloneRecord(record: SObjectValue, preserveId: boolean): SObjectValue {
  const copy = record.copy(false);
  if (!preserveId) copy.remove('Id');
  return copy;
}

defineNative({
  name: 'List',
  isInstance: (value) => value instanceof ApexList,
  methods: {
    add: (_frame, self: ApexList, args) => {
      if (args.length === 2) {
        const index = checkIndex(self, args[0], true);
        self.items.splice(index, 0, coerce(args[1], self.elementType));
      } else {
        self.items.push(coerce(args[0], self.elementType));
      }
      return null;
    },
    addall: (frame, self: ApexList, args) => {
      for (const item of itemsOf(frame, args[0])) self.items.push(coerce(item, self.elementType));
      return null;
    },
    clear: (_frame, self: ApexList) => {
      self.items = [];
      return null;
    },
    clone: (_frame, self: ApexList) => new ApexList(self.elementType, [...self.items]),
    deepclone: (_frame, self: ApexList, args) =>
      new ApexList(
        self.elementType,
        self.items.map((item) =>
          item instanceof SObjectValue ? cloneRecord(item, args[0] === true) : item
        )
      ),
    // String elements are case-sensitive (Apex Reference, "List Class"), unlike == on Strings.
    contains: (_frame, self: ApexList, args) =>
      self.items.some((item) => apexEqualsExactCase(item, args[0])),
    equals: (_frame, self: ApexList, args) => apexEquals(self, args[0]),
    get: (_frame, self: ApexList, args) => self.items[checkIndex(self, args[0])],
    getsobjecttype: (frame, self: ApexList) => sobjectTypeOf(frame, self.elementType),
    hashcode: (_frame, self: ApexList) => hashText(String(collectionKey(self))),
    indexof: (_frame, self: ApexList, args) =>
      self.items.findIndex((item) => apexEqualsExactCase(item, args[0])),
    isempty: (_frame, self: ApexList) => self.items.length === 0,
    iterator: (_frame, self: ApexList) => new CollectionIterator([...self.items]),
    remove: (_frame, self: ApexList, args) => {
      const index = checkIndex(self, args[0]);
      return self.items.splice(index, 1)[0];
    },
    set: (_frame, self: ApexList, args) => {
      self.items[checkIndex(self, args[0])] = coerce(args[1], self.elementType);
      return null;
    },
    size: (_frame, self: ApexList) => self.items.length,
    sort: (frame, self: ApexList, args) => {
      if (args.length > 0 && args[0] !== null) {
        const comparator = args[0];
        self.items.sort((a, b) => Number(callMember(frame, comparator, 'compare', [a, b], [])));
      } else {
        self.items.sort((a, b) => compareForSort(frame, a, b));
      }
      return null;
    },
    tostring: (frame, self: ApexList) => toText(frame, self)
  }
});

defineNative({
  name: 'Set',
  isInstance: (value) => value instanceof ApexSet,
  methods: {
    add: (_frame, self: ApexSet, args) => self.add(coerce(args[0], self.elementType)),
    addall: (frame, self: ApexSet, args) => {
      let changed = false;
      for (const item of itemsOf(frame, args[0]))
        changed = self.add(coerce(item, self.elementType)) || changed;
      return changed;
    },
    clear: (_frame, self: ApexSet) => {
      self.clear();
      return null;
    },
    clone: (_frame, self: ApexSet) => new ApexSet(self.elementType, self.values()),
    contains: (_frame, self: ApexSet, args) => self.has(coerce(args[0], self.elementType)),
    containsall: (frame, self: ApexSet, args) =>
      itemsOf(frame, args[0]).every((item) => self.has(coerce(item, self.elementType))),
    equals: (_frame, self: ApexSet, args) => apexEquals(self, args[0]),
    hashcode: (_frame, self: ApexSet) => hashText(String(collectionKey(self))),
    isempty: (_frame, self: ApexSet) => self.size === 0,
    iterator: (_frame, self: ApexSet) => new CollectionIterator(self.values()),
    remove: (_frame, self: ApexSet, args) => self.delete(coerce(args[0], self.elementType)),
    removeall: (frame, self: ApexSet, args) => {
      let changed = false;
      for (const item of itemsOf(frame, args[0]))
        changed = self.delete(coerce(item, self.elementType)) || changed;
      return changed;
    },
    retainall: (frame, self: ApexSet, args) => {
      const keep = new ApexSet(self.elementType, itemsOf(frame, args[0]));
      let changed = false;
      for (const item of self.values()) {
        if (!keep.has(item)) changed = self.delete(item) || changed;
      }
      return changed;
    },
    size: (_frame, self: ApexSet) => self.size,
    tostring: (frame, self: ApexSet) => toText(frame, self)
  }
});

defineNative({
  name: 'Map',
  isInstance: (value) => value instanceof ApexMap,
  methods: {
    clear: (_frame, self: ApexMap) => {
      self.clear();
      return null;
    },
    clone: (_frame, self: ApexMap) => copyMap(self, (value) => value),
    deepclone: (_frame, self: ApexMap) =>
      copyMap(self, (value) => (value instanceof SObjectValue ? cloneRecord(value, true) : value)),
    containskey: (_frame, self: ApexMap, args) => self.has(coerce(args[0], self.keyType)),
    equals: (_frame, self: ApexMap, args) => apexEquals(self, args[0]),
    get: (_frame, self: ApexMap, args) => self.get(coerce(args[0], self.keyType)),
    getsobjecttype: (frame, self: ApexMap) => sobjectTypeOf(frame, self.valueType),
    hashcode: (_frame, self: ApexMap) => hashText(String(collectionKey(self))),
    isempty: (_frame, self: ApexMap) => self.size === 0,
    keyset: (_frame, self: ApexMap) => new ApexSet(self.keyType, self.keys()),
    put: (_frame, self: ApexMap, args) =>
      self.set(coerce(args[0], self.keyType), coerce(args[1], self.valueType)),
    putall: (frame, self: ApexMap, args) => {
      const source = args[0];
      if (source === null || source === undefined) throw nullPointer();
      if (source instanceof ApexMap) {
        for (const [key, value] of source.entryList()) {
          self.set(coerce(key, self.keyType), coerce(value, self.valueType));
        }
      } else {
        for (const record of itemsOf(frame, source)) {
          if (record instanceof SObjectValue)
            self.set(coerce(record.get('Id') ?? null, self.keyType), record);
        }
      }
      return null;
    },
    remove: (_frame, self: ApexMap, args) => self.delete(coerce(args[0], self.keyType)),
    size: (_frame, self: ApexMap) => self.size,
    tostring: (frame, self: ApexMap) => toText(frame, self),
    values: (_frame, self: ApexMap) => new ApexList(self.valueType, self.values())
  }
});

function copyMap(source: ApexMap, copyValue: (value: unknown) => unknown): ApexMap {
  const copy = new ApexMap(source.keyType, source.valueType);
  for (const [key, value] of source.entryList()) copy.set(key, copyValue(value));
  return copy;
}

/** A 32-bit hash of a text (Java's String.hashCode). */
export function hashText(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(31, hash) + text.charCodeAt(i)) | 0;
  return hash;
}

/** What `list.iterator()` and `set.iterator()` return: hasNext() and next(). */
class CollectionIterator extends NativeObject {
  readonly apexType = 'ListIterator';
  private index = 0;

  constructor(private readonly items: readonly unknown[]) {
    super();
  }

  hasNext(): boolean {
    return this.index < this.items.length;
  }

  next(): unknown {
    if (!this.hasNext()) {
      throw new ApexRuntimeError('System.NoSuchElementException', 'Iterator has no more elements.');
    }
    return this.items[this.index++];
  }
}

defineNative({
  name: 'ListIterator',
  methods: {
    hasnext: (_frame, self: CollectionIterator) => self.hasNext(),
    next: (_frame, self: CollectionIterator) => self.next()
  }
});

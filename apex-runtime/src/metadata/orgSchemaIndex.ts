/**
 * OrgSchema over finished describes, with lower-cased indexes so that every lookup by object,
 * field, relationship or key prefix is one map access.
 */
import type { ChildRelationshipDescribe, FieldDescribe, ObjectDescribe, OrgSchema } from './schema';

interface ObjectIndex {
  fields: Map<string, FieldDescribe>;
  relationships: Map<string, FieldDescribe>;
  children: Map<string, ChildRelationshipDescribe>;
}

export class IndexedOrgSchema implements OrgSchema {
  readonly objects: ReadonlyMap<string, ObjectDescribe>;
  private readonly byLowerName = new Map<string, ObjectDescribe>();
  private readonly indexes = new Map<string, ObjectIndex>();
  private readonly byKeyPrefix = new Map<string, ObjectDescribe>();

  constructor(objects: Iterable<ObjectDescribe>) {
    const canonical = new Map<string, ObjectDescribe>();
    for (const object of objects) {
      canonical.set(object.name, object);
      this.byLowerName.set(object.name.toLowerCase(), object);
      const clash = this.byKeyPrefix.get(object.keyPrefix);
      if (clash) {
        throw new Error(
          `${object.name} and ${clash.name} share the key prefix ${object.keyPrefix}`
        );
      }
      this.byKeyPrefix.set(object.keyPrefix, object);
      const index: ObjectIndex = {
        fields: new Map(),
        relationships: new Map(),
        children: new Map()
      };
      for (const field of object.fields) {
        index.fields.set(field.name.toLowerCase(), field);
        if (field.relationshipName) {
          index.relationships.set(field.relationshipName.toLowerCase(), field);
        }
      }
      for (const child of object.childRelationships) {
        index.children.set(child.relationshipName.toLowerCase(), child);
      }
      this.indexes.set(object.name.toLowerCase(), index);
    }
    this.objects = canonical;
  }

  object(name: string): ObjectDescribe | undefined {
    return this.byLowerName.get(name.toLowerCase());
  }

  field(objectName: string, fieldName: string): FieldDescribe | undefined {
    return this.indexes.get(objectName.toLowerCase())?.fields.get(fieldName.toLowerCase());
  }

  relationship(objectName: string, relationshipName: string): FieldDescribe | undefined {
    return this.indexes
      .get(objectName.toLowerCase())
      ?.relationships.get(relationshipName.toLowerCase());
  }

  childRelationship(
    objectName: string,
    relationshipName: string
  ): ChildRelationshipDescribe | undefined {
    return this.indexes.get(objectName.toLowerCase())?.children.get(relationshipName.toLowerCase());
  }

  objectOfKeyPrefix(prefix: string): ObjectDescribe | undefined {
    return this.byKeyPrefix.get(prefix);
  }
}

/** Freezes a describe tree so nobody changes the schema behind the runtime's back. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

/**
 * Field references resolved against the schema (`Account.Owner.Name` from Opportunity: the
 * AccountId and OwnerId lookups, then User.Name) and read from stored rows by walking the lookups.
 * Names resolve case-insensitively and come back in their canonical spelling, as results name them.
 */
import type { FieldDescribe, ObjectDescribe, OrgSchema } from '../metadata/schema';
import type { DataSource, StoredRow } from '../platform/dataSource';
import type { FieldRef, SourcePosition } from './soqlAst';
import { noSuchColumn, NotSupportedOfflineError, unknownRelationship } from './soqlErrors';
import { nameObjectDescribe, nameObjectField } from './syntheticObjects';

export interface ResolvedHop {
  /** The object the hop starts from. */
  from: ObjectDescribe;
  /** The lookup or master-detail field followed (`AccountId`). */
  field: FieldDescribe;
  /** Canonical relationship name (`Account`, `Customer_Segment__r`). */
  relationshipName: string;
  /** The parent object, or undefined for a polymorphic relationship (its parent is a `Name`). */
  target?: ObjectDescribe;
}

export interface ResolvedField {
  hops: ResolvedHop[];
  /** The object that holds the final field (the `Name` object after a polymorphic hop). */
  object: ObjectDescribe;
  field: FieldDescribe;
  /** Canonical names along the path: relationship names, then the field name. */
  names: string[];
  /** Lower-case dotted path, to compare references (`account.name`). */
  key: string;
  position: SourcePosition;
}

/**
 * Resolves a field reference from `root`. A leading FROM alias (`a.Name` with `FROM Account a`)
 * or the object's own name (`Account.Name` from Account) is dropped. Unknown names raise the platform's QueryException messages.
 */
export function resolveFieldPath(
  schema: OrgSchema,
  root: ObjectDescribe,
  ref: FieldRef,
  fromAlias?: string
): ResolvedField {
  let path = ref.path;
  const qualifier = path.length > 1 ? path[0].toLowerCase() : undefined;
  // `a.Name` with `FROM Account a`, or `Account.Name` from Account: the object itself.
  if (
    qualifier !== undefined &&
    (qualifier === fromAlias?.toLowerCase() ||
      (qualifier === root.name.toLowerCase() && !schema.relationship(root.name, path[0])))
  ) {
    path = path.slice(1);
  }
  const hops: ResolvedHop[] = [];
  const names: string[] = [];
  let object = root;
  for (const relationshipName of path.slice(0, -1)) {
    const field =
      object === nameObjectDescribe()
        ? undefined
        : schema.relationship(object.name, relationshipName);
    if (!field?.relationshipName)
      throw unknownRelationship(relationshipName, 'field path', ref.position);
    let target: ObjectDescribe | undefined;
    // A polymorphic lookup reaches the Name object even when only one of its targets exists offline.
    if (field.referenceTo.length === 1 && field.polymorphic !== true) {
      target = schema.object(field.referenceTo[0]);
      if (!target) {
        throw new NotSupportedOfflineError(
          `the relationship ${field.relationshipName}: its object ${field.referenceTo[0]} is not in the runtime's schema`,
          ref.position
        );
      }
    }
    hops.push({ from: object, field, relationshipName: field.relationshipName, target });
    names.push(field.relationshipName);
    object = target ?? nameObjectDescribe();
  }
  const fieldName = path[path.length - 1];
  const field =
    object === nameObjectDescribe()
      ? nameObjectField(fieldName)
      : schema.field(object.name, fieldName);
  if (!field) throw noSuchColumn(fieldName, object.name, ref.position);
  names.push(field.name);
  return {
    hops,
    object,
    field,
    names,
    key: names.join('.').toLowerCase(),
    position: ref.position
  };
}

/** How parent rows are reached: the data, and whether the query may return a parent. */
export interface RowReader {
  source: DataSource;
  schema: OrgSchema;
  parentVisible(object: ObjectDescribe, row: StoredRow): boolean;
}

export interface ParentRow {
  row: StoredRow;
  /** The parent's own object, also for a polymorphic relationship. */
  object: ObjectDescribe;
}

/** The parent a lookup points to, or null for a blank lookup or a parent the query may not return. */
export function readParent(hop: ResolvedHop, row: StoredRow, reader: RowReader): ParentRow | null {
  const id = reader.source.read(hop.from.name, row, hop.field);
  if (typeof id !== 'string') return null;
  const parent = reader.source.row(id);
  if (!parent) return null;
  const object = hop.target ?? reader.schema.objectOfKeyPrefix(id.slice(0, 3));
  if (!object || !reader.parentVisible(object, parent)) return null;
  return { row: parent, object };
}

/** A field of a polymorphic parent: `Type` is its object's name; others read from the parent. */
export function readNameField(field: FieldDescribe, parent: ParentRow, reader: RowReader): unknown {
  if (field.name === 'Type') return parent.object.name;
  const actual = reader.schema.field(parent.object.name, field.name);
  return actual ? reader.source.read(parent.object.name, parent.row, actual) : null;
}

/** A function reading the resolved field from a row of the root object (null through a blank lookup). */
export function fieldAccessor(
  resolved: ResolvedField,
  reader: RowReader
): (row: StoredRow) => unknown {
  const { hops, field, object } = resolved;
  if (hops.length === 0) {
    return (row) => reader.source.read(object.name, row, field);
  }
  const polymorphicEnd = object === nameObjectDescribe();
  return (row) => {
    let current: ParentRow | null = { row, object: hops[0].from };
    for (const hop of hops) {
      current = readParent(hop, current.row, reader);
      if (!current) return null;
    }
    return polymorphicEnd
      ? readNameField(field, current, reader)
      : reader.source.read(current.object.name, current.row, field);
  };
}

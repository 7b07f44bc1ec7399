/**
 * The schema while it is being assembled from the standard catalogue and the project's
 * metadata: objects can still gain fields (a project's custom fields on Account), and child
 * relationships are collected until every parent object is known.
 */
import type { FieldDescribe, ObjectDescribe } from './schema';

export interface ChildLink {
  childObject: string;
  field: FieldDescribe;
  /** Sub-query name on the parent (`Opportunities`, `Account_Plans__r`). */
  relationshipName: string;
  cascadeDelete: boolean;
}

export class SchemaDraft {
  private readonly byLowerName = new Map<string, ObjectDescribe>();
  readonly childLinks: ChildLink[] = [];

  add(object: ObjectDescribe): void {
    const key = object.name.toLowerCase();
    if (this.byLowerName.has(key)) throw new Error(`Object ${object.name} is defined twice`);
    this.byLowerName.set(key, object);
  }

  get(name: string): ObjectDescribe | undefined {
    return this.byLowerName.get(name.toLowerCase());
  }

  objects(): ObjectDescribe[] {
    return [...this.byLowerName.values()];
  }

  /** Adds a field to an object, before the audit fields so describe order stays natural. */
  addField(object: ObjectDescribe, field: FieldDescribe): void {
    const existing = object.fields.findIndex(
      (candidate) => candidate.name.toLowerCase() === field.name.toLowerCase()
    );
    if (existing >= 0) {
      throw new Error(`Field ${object.name}.${field.name} is defined twice`);
    }
    const firstAudit = object.fields.findIndex((candidate) => AUDIT_NAMES.has(candidate.name));
    if (firstAudit < 0) object.fields.push(field);
    else object.fields.splice(firstAudit, 0, field);
  }

  linkChild(link: ChildLink): void {
    this.childLinks.push(link);
  }
}

const AUDIT_NAMES = new Set([
  'IsDeleted',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp'
]);

/**
 * A record's related list, as Lightning's related list page shows it (the page a guidance issue
 * that cannot be fixed inline, such as contact roles, links to): the parent, the list's label
 * (the child object's plural label), its columns as the parent's page layout places them, and
 * the child records whose lookup points at the parent, all as the acting user may see them
 * (sharing, field-level security). When the user may add a child record (create on the child,
 * edit on a parent that controls its sharing), it also says which fields a new one takes and
 * what each may hold, so the page's "New" form offers only what the save would accept.
 */
import { join } from 'node:path';
import type { OrgRecord } from '../../org/embeddedOrg';
import { recordRepresentation } from './recordRepresentation';
import { relatedListColumnsOf } from './layouts';
import type { WorkbenchObjectInfo } from './objectInfo';
import type { WorkbenchOrg, WorkbenchUser } from './workbenchOrg';

export interface RelatedListColumn {
  apiName: string;
  label: string;
  dataType: string;
  referenceTo?: string;
  scale?: number;
  htmlFormatted?: boolean;
}

/** A field of the "New" form: what it is and, for a lookup or picklist, what it may hold. */
export interface NewRecordField extends RelatedListColumn {
  required: boolean;
  /** The choices of a lookup (records the user can see) or picklist; empty for other types. */
  options: { label: string; value: string }[];
}

export interface RelatedList {
  parent: {
    id: string;
    name: string;
    objectApiName: string;
    objectLabel: string;
    /** The parent object's tab label, in the user's language. */
    objectLabelPlural: string;
  };
  relationshipApiName: string;
  childObjectApiName: string;
  /** The child's lookup to the parent, which a new record gets set to the parent. */
  field: string;
  label: string;
  columns: RelatedListColumn[];
  rows: ReturnType<typeof recordRepresentation>[];
  canCreate: boolean;
  /** The fields a new child record takes (none when the user may not create one). */
  newRecordFields: NewRecordField[];
}

/** What names a record: its Name or Subject, a person's first and last name, else its Id. */
export function recordNameOf(record: OrgRecord): string {
  for (const field of ['Name', 'Subject']) {
    const value = record[field];
    if (typeof value === 'string' && value) return value;
  }
  const person = [record.FirstName, record.LastName]
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(' ');
  return person || record.Id;
}

function columnOf(info: WorkbenchObjectInfo, apiName: string): RelatedListColumn {
  const field = info.fields[apiName];
  return {
    apiName,
    label: field.label,
    dataType: field.dataType,
    ...(field.referenceTo ? { referenceTo: field.referenceTo } : {}),
    ...(field.scale !== undefined ? { scale: field.scale } : {}),
    ...(field.htmlFormatted ? { htmlFormatted: true } : {})
  };
}

/**
 * The records of a lookup's target the user can see, those of the parent's account first (the
 * opportunity's account's contacts), the others told apart by their account.
 */
function referenceOptions(
  workbench: WorkbenchOrg,
  acting: WorkbenchUser,
  target: string,
  accountId: string | undefined
): { label: string; value: string }[] {
  const hasAccount = !!workbench.org.project.schema.field(target, 'AccountId');
  return workbench
    .records(target)
    .filter((record) => workbench.canSee(acting.id, record.Id))
    .map((record) => {
      const account = hasAccount && typeof record.AccountId === 'string' ? record.AccountId : '';
      const preferred = !!accountId && account === accountId;
      const accountRecord = account && !preferred ? workbench.byId(account) : undefined;
      const name = recordNameOf(record);
      return {
        label: accountRecord ? `${name} · ${recordNameOf(accountRecord)}` : name,
        value: record.Id,
        preferred
      };
    })
    .sort(
      (a, b) =>
        Number(b.preferred) - Number(a.preferred) ||
        a.label.localeCompare(b.label) ||
        a.value.localeCompare(b.value)
    )
    .map(({ label, value }) => ({ label, value }));
}

/** The related list of the parent record, or undefined when the user cannot see it. */
export function relatedListOf(
  workbench: WorkbenchOrg,
  acting: WorkbenchUser,
  parentId: string,
  relationshipName: string
): RelatedList | undefined {
  if (!workbench.canSee(acting.id, parentId)) return undefined;
  const parent = workbench.byId(parentId);
  if (!parent) return undefined;
  const parentObject = parent.attributes.type;
  const schema = workbench.org.project.schema;
  const relationship = schema.childRelationship(parentObject, relationshipName);
  const language = workbench.languageOf(acting.id);
  const parentInfo = workbench.describe(parentObject, language);
  const childInfo = relationship && workbench.describe(relationship.childObject, language);
  const child = relationship && schema.object(relationship.childObject);
  const access = workbench.org.userAccess(acting.id);
  if (!relationship || !parentInfo || !childInfo || !child || !access.canRead(child.name)) {
    return undefined;
  }
  const { field } = relationship;
  const layoutColumns = relatedListColumnsOf(
    parentInfo,
    childInfo,
    relationship,
    join(workbench.org.project.sourceDir, 'objects')
  );
  const columns = layoutColumns
    .filter((name) => access.fieldReadable(child.name, name))
    .map((name) => columnOf(childInfo, name));

  const rows = workbench
    .records(child.name)
    .filter((record) => record[field] === parent.Id && workbench.canSee(acting.id, record.Id))
    .map((record) => {
      const row = recordRepresentation(
        workbench,
        acting,
        record,
        columns.map((column) => column.apiName)
      );
      // A lookup reads as its record's name, a contact's too (a person has no Name field).
      for (const column of columns) {
        const cell = row.fields[column.apiName];
        const target =
          column.dataType === 'Reference' && typeof cell?.value === 'string'
            ? workbench.byId(cell.value)
            : undefined;
        if (cell && target) cell.displayValue = recordNameOf(target);
      }
      return row;
    });

  const lookup = schema.field(child.name, field);
  const controlledByParent =
    !!lookup?.masterDetail ||
    (child.sharingModel === 'ControlledByParent' &&
      (child.sharingParentFields ?? []).includes(field));
  const parentRow = workbench.org.database.row(parent.Id);
  const canCreate =
    child.createable &&
    access.canCreate(child.name) &&
    !!lookup?.createable &&
    access.fieldEditable(child.name, field) &&
    (!controlledByParent ||
      (!!parentRow && workbench.org.recordEditable(acting.id, parentObject, parentRow)));

  const accountId =
    parentObject === 'Account'
      ? parent.Id
      : typeof parent.AccountId === 'string'
        ? parent.AccountId
        : undefined;
  const required = child.fields
    .filter((entry) => entry.required && entry.createable && !entry.defaultedOnCreate)
    .map((entry) => entry.name);
  const newRecordFields: NewRecordField[] = canCreate
    ? [...new Set([...layoutColumns, ...required])]
        .filter((name) => {
          const describe = schema.field(child.name, name);
          return (
            name !== field &&
            name in childInfo.fields &&
            !!describe?.createable &&
            access.fieldReadable(child.name, name) &&
            access.fieldEditable(child.name, name)
          );
        })
        .map((name) => {
          const column = columnOf(childInfo, name);
          const options =
            column.dataType === 'Reference' && column.referenceTo
              ? referenceOptions(workbench, acting, column.referenceTo, accountId)
              : (childInfo.fields[name].picklistValues ?? []);
          return { ...column, required: required.includes(name), options };
        })
    : [];

  return {
    parent: {
      id: parent.Id,
      name: recordNameOf(parent),
      objectApiName: parentObject,
      objectLabel: parentInfo.label,
      objectLabelPlural:
        parentInfo.labelPlural ?? schema.object(parentObject)?.labelPlural ?? parentInfo.label
    },
    relationshipApiName: relationship.relationshipName,
    childObjectApiName: child.name,
    field,
    label: childInfo.labelPlural ?? child.labelPlural,
    columns,
    rows,
    canCreate,
    newRecordFields
  };
}

/**
 * Resolves the names a SOQL query uses against the project's object metadata and reports every
 * custom object, custom field, custom relationship and custom child relationship that does not
 * exist. Standard names are not checked (the project holds no metadata for them), except that a
 * path through a well-known standard relationship (`Account.Customer_Segment__r.Name` from
 * Opportunity) is followed, so the custom names behind it are still checked. A path through a
 * standard relationship this module does not know (polymorphic `What`, `Who`) is left unchecked
 * rather than guessed.
 */
import type { Finding } from './findings';
import type { ObjectSchema } from './soqlObjectSchema';
import type { SoqlName, SoqlQuery } from './soqlQueries';

const CUSTOM_OBJECT = /__(c|mdt|e|x|b)$/i;
const CUSTOM_FIELD = /__c$/i;
const CUSTOM_RELATIONSHIP = /__r$/i;
const SAME_OBJECT = '<same object>';

/** Standard parent relationships (lower-cased) and the object each one reaches. */
const STANDARD_PARENT_RELATIONSHIPS: Record<string, string> = {
  account: 'Account',
  contact: 'Contact',
  opportunity: 'Opportunity',
  campaign: 'Campaign',
  case: 'Case',
  lead: 'Lead',
  owner: 'User',
  createdby: 'User',
  lastmodifiedby: 'User',
  manager: 'User',
  user: 'User',
  recordtype: 'RecordType',
  product2: 'Product2',
  pricebook2: 'Pricebook2',
  parent: SAME_OBJECT
};

/** Standard child relationships (lower-cased) and the child object each one lists. */
const STANDARD_CHILD_RELATIONSHIPS: Record<string, string> = {
  accounts: 'Account',
  contacts: 'Contact',
  opportunities: 'Opportunity',
  cases: 'Case',
  tasks: 'Task',
  events: 'Event',
  opportunitycontactroles: 'OpportunityContactRole',
  opportunitylineitems: 'OpportunityLineItem',
  accountcontactrelations: 'AccountContactRelation'
};

export function checkSoqlQuery(query: SoqlQuery, schema: ObjectSchema, file: string): Finding[] {
  const findings: Finding[] = [];
  const report = (name: SoqlName, message: string): void => {
    findings.push({
      file,
      line: name.line,
      column: name.column,
      message,
      rule: 'soql-unknown-name'
    });
  };
  checkQuery(query, undefined, schema, report);
  return findings;
}

type Report = (name: SoqlName, message: string) => void;

function checkQuery(
  query: SoqlQuery,
  parentObject: string | undefined,
  schema: ObjectSchema,
  report: Report
): void {
  const fromName = query.from.segments.join('.');
  let objectName: string | undefined;
  if (query.kind === 'child') {
    objectName =
      parentObject && resolveChildRelationship(parentObject, fromName, schema, query.from, report);
  } else if (CUSTOM_OBJECT.test(fromName) && !schema.objects.has(fromName.toLowerCase())) {
    report(
      query.from,
      `Unknown object '${fromName}': no objects/${fromName} folder in the project`
    );
  } else {
    objectName = fromName;
  }
  for (const field of query.fields) {
    checkPath(objectName, withoutPrefix(field, query, objectName), field, schema, report);
  }
  for (const branch of query.typeOfBranches) {
    const branchObject = branch.objectName.segments.join('.');
    for (const field of branch.fields) {
      checkPath(branchObject, field.segments, field, schema, report);
    }
  }
  for (const subquery of query.subqueries) {
    checkQuery(subquery, objectName, schema, report);
  }
}

/** Drops a leading FROM alias, or a leading custom object name (`Plan__c.Name FROM Plan__c`). */
function withoutPrefix(field: SoqlName, query: SoqlQuery, objectName: string | undefined) {
  const [first, ...rest] = field.segments;
  if (rest.length === 0) {
    return field.segments;
  }
  const lower = first.toLowerCase();
  const isAlias = query.alias !== undefined && query.alias.toLowerCase() === lower;
  const isOwnName =
    objectName !== undefined && CUSTOM_OBJECT.test(first) && objectName.toLowerCase() === lower;
  return isAlias || isOwnName ? rest : field.segments;
}

function checkPath(
  startObject: string | undefined,
  segments: readonly string[],
  name: SoqlName,
  schema: ObjectSchema,
  report: Report
): void {
  let current = startObject;
  for (const [index, segment] of segments.entries()) {
    if (current === undefined) {
      return;
    }
    const isLast = index === segments.length - 1;
    if (isLast) {
      if (CUSTOM_FIELD.test(segment) && !hasField(schema, current, segment)) {
        const objectName = canonicalName(schema, current);
        report(
          name,
          `Unknown field '${segment}' on ${objectName}${whereExpected(objectName, segment)}`
        );
      }
      return;
    }
    current = followParentRelationship(current, segment, name, schema, report);
  }
}

function followParentRelationship(
  objectName: string,
  relationship: string,
  name: SoqlName,
  schema: ObjectSchema,
  report: Report
): string | undefined {
  if (!CUSTOM_RELATIONSHIP.test(relationship)) {
    const target = STANDARD_PARENT_RELATIONSHIPS[relationship.toLowerCase()];
    return target === SAME_OBJECT ? objectName : target;
  }
  const fieldName = relationship.replace(CUSTOM_RELATIONSHIP, '__c');
  const field = findField(schema, objectName, fieldName);
  if (!field) {
    report(
      name,
      `Unknown relationship '${relationship}' on ${objectName}: no lookup field ` +
        `'${fieldName}'${whereExpected(objectName, fieldName)}`
    );
    return undefined;
  }
  if (!field.referenceTo) {
    report(
      name,
      `'${relationship}' on ${objectName}: '${field.name}' is not a lookup or master-detail`
    );
    return undefined;
  }
  return field.referenceTo;
}

function resolveChildRelationship(
  parentObject: string,
  relationship: string,
  schema: ObjectSchema,
  name: SoqlName,
  report: Report
): string | undefined {
  if (!CUSTOM_RELATIONSHIP.test(relationship)) {
    return STANDARD_CHILD_RELATIONSHIPS[relationship.toLowerCase()];
  }
  const wanted = relationship.replace(CUSTOM_RELATIONSHIP, '').toLowerCase();
  for (const object of schema.objects.values()) {
    for (const field of object.fields.values()) {
      if (
        field.relationshipName?.toLowerCase() === wanted &&
        field.referenceTo?.toLowerCase() === parentObject.toLowerCase()
      ) {
        return object.name;
      }
    }
  }
  report(
    name,
    `Unknown child relationship '${relationship}' on ${parentObject}: no lookup or master-detail ` +
      `to ${parentObject} has relationshipName '${relationship.replace(CUSTOM_RELATIONSHIP, '')}'`
  );
  return undefined;
}

/** Custom fields of Task and Event are defined once, on Activity (`objects/Activity/fields`). */
const ACTIVITY_OBJECTS = new Set(['task', 'event']);

function findField(schema: ObjectSchema, objectName: string, fieldName: string) {
  return schema.objects
    .get(fieldOwner(objectName).toLowerCase())
    ?.fields.get(fieldName.toLowerCase());
}

function hasField(schema: ObjectSchema, objectName: string, fieldName: string): boolean {
  return findField(schema, objectName, fieldName) !== undefined;
}

/** The object whose `fields` folder defines the custom fields of `objectName`. */
function fieldOwner(objectName: string): string {
  return ACTIVITY_OBJECTS.has(objectName.toLowerCase()) ? 'Activity' : objectName;
}

/** The object's API name as its metadata folder spells it, when the project has one. */
function canonicalName(schema: ObjectSchema, objectName: string): string {
  return schema.objects.get(objectName.toLowerCase())?.name ?? objectName;
}

function whereExpected(objectName: string, fieldName: string): string {
  return ` (expected objects/${fieldOwner(objectName)}/fields/${fieldName}.field-meta.xml)`;
}

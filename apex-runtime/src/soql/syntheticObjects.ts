/**
 * Objects that exist only in query results: `AggregateResult`, the rows of aggregate queries, and
 * `Name`, what a polymorphic relationship (`What`, `Who`, a queue-or-user `Owner`) points to in
 * SOQL. The reference ("Understanding Relationship Fields and Polymorphic Fields") gives the Name
 * object the fields common to the objects it stands for; `Type` is the parent's object name.
 */
import type { ApexFieldType, DisplayType, FieldDescribe, ObjectDescribe } from '../metadata/schema';

/** A read-only field of a synthetic object. */
export function syntheticField(
  name: string,
  apexType: ApexFieldType,
  displayType: DisplayType
): FieldDescribe {
  return {
    name,
    label: name,
    apexType,
    displayType,
    custom: false,
    required: false,
    createable: false,
    updateable: false,
    defaultedOnCreate: false,
    nillable: true,
    unique: false,
    externalId: false,
    caseSensitive: false,
    referenceTo: [],
    masterDetail: false,
    picklistValues: [],
    restrictedPicklist: false,
    trackHistory: false
  };
}

function syntheticObject(name: string, fields: FieldDescribe[]): ObjectDescribe {
  return {
    name,
    label: name,
    labelPlural: name,
    keyPrefix: '000',
    custom: false,
    customSetting: false,
    customMetadata: false,
    sharingModel: 'ReadWrite',
    hasOwner: false,
    fields,
    childRelationships: [],
    validationRules: [],
    sharingReasons: [],
    createable: false,
    updateable: false,
    deletable: false,
    queryable: false
  };
}

const AGGREGATE_RESULT = syntheticObject('AggregateResult', []);

/**
 * The object of aggregate query rows. Its entries are named per query (aliases, `expr0`, ...), so
 * it declares no fields; `SObjectValue.get` reads what the query put on each row.
 */
export function aggregateResultDescribe(): ObjectDescribe {
  return AGGREGATE_RESULT;
}

const NAME_OBJECT = syntheticObject('Name', [
  syntheticField('Id', 'Id', 'ID'),
  syntheticField('Name', 'String', 'STRING'),
  syntheticField('Type', 'String', 'PICKLIST'),
  syntheticField('FirstName', 'String', 'STRING'),
  syntheticField('LastName', 'String', 'STRING'),
  syntheticField('Alias', 'String', 'STRING'),
  syntheticField('Email', 'String', 'EMAIL'),
  syntheticField('Title', 'String', 'STRING'),
  syntheticField('Phone', 'String', 'PHONE'),
  syntheticField('Username', 'String', 'STRING'),
  syntheticField('IsActive', 'Boolean', 'BOOLEAN'),
  syntheticField('UserRoleId', 'Id', 'REFERENCE'),
  syntheticField('ProfileId', 'Id', 'REFERENCE'),
  syntheticField('RecordTypeId', 'Id', 'REFERENCE')
]);

/** The object a polymorphic relationship's parent is returned as. */
export function nameObjectDescribe(): ObjectDescribe {
  return NAME_OBJECT;
}

export function nameObjectField(name: string): FieldDescribe | undefined {
  const lower = name.toLowerCase();
  return NAME_OBJECT.fields.find((field) => field.name.toLowerCase() === lower);
}

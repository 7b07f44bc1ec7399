/**
 * Field types in their three vocabularies: the Metadata API type a field file declares (`Text`,
 * `Currency`, `MasterDetail`), the describe type the APIs report (`string`, `currency`,
 * `reference`), and what Apex sees (the value's Apex type and `Schema.DisplayType`).
 *
 * Apex Developer Guide, "Primitive Data Types": currency, percent and number fields with decimals
 * are Decimal in Apex (custom Number fields too, whatever their scale); integer fields such as
 * NumberOfEmployees are Integer; lookups are Id.
 */
import type { ApexFieldType, DisplayType, FieldDescribe } from './schema';

export type DescribeType =
  | 'id'
  | 'reference'
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'multipicklist'
  | 'combobox'
  | 'boolean'
  | 'int'
  | 'long'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'time'
  | 'email'
  | 'phone'
  | 'url'
  | 'base64'
  | 'anyType';

const APEX_TYPES: Readonly<Record<DescribeType, [ApexFieldType, DisplayType]>> = {
  id: ['Id', 'ID'],
  reference: ['Id', 'REFERENCE'],
  string: ['String', 'STRING'],
  textarea: ['String', 'TEXTAREA'],
  picklist: ['String', 'PICKLIST'],
  multipicklist: ['String', 'MULTIPICKLIST'],
  combobox: ['String', 'COMBOBOX'],
  boolean: ['Boolean', 'BOOLEAN'],
  int: ['Integer', 'INTEGER'],
  long: ['Long', 'LONG'],
  double: ['Decimal', 'DOUBLE'],
  currency: ['Decimal', 'CURRENCY'],
  percent: ['Decimal', 'PERCENT'],
  date: ['Date', 'DATE'],
  datetime: ['Datetime', 'DATETIME'],
  time: ['Time', 'TIME'],
  email: ['String', 'EMAIL'],
  phone: ['String', 'PHONE'],
  url: ['String', 'URL'],
  base64: ['Blob', 'BASE64'],
  anyType: ['Object', 'ANYTYPE']
};

export function isDescribeType(type: string): type is DescribeType {
  return Object.prototype.hasOwnProperty.call(APEX_TYPES, type);
}

/** The Apex type and display type of a describe type. */
export function apexTypesOf(type: DescribeType): {
  apexType: ApexFieldType;
  displayType: DisplayType;
} {
  const [apexType, displayType] = APEX_TYPES[type];
  return { apexType, displayType };
}

/** Metadata API field types (and formula return types) by the describe type they become. */
const METADATA_TYPES: Readonly<Record<string, DescribeType>> = {
  Text: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Html: 'textarea',
  Email: 'email',
  Phone: 'phone',
  Url: 'url',
  Number: 'double',
  Currency: 'currency',
  Percent: 'percent',
  Date: 'date',
  DateTime: 'datetime',
  Time: 'time',
  Checkbox: 'boolean',
  Picklist: 'picklist',
  MultiselectPicklist: 'multipicklist',
  Lookup: 'reference',
  MasterDetail: 'reference',
  AutoNumber: 'string',
  // A Custom Metadata relationship holds the qualified API name of an object or field.
  MetadataRelationship: 'string'
};

/**
 * The describe type of a custom field's Metadata API type; anything the runtime cannot hold
 * (encrypted text, geolocation, external and hierarchy lookups) fails loudly.
 */
export function describeTypeOfMetadata(metadataType: string, where: string): DescribeType {
  const type = METADATA_TYPES[metadataType];
  if (type === undefined) {
    throw new Error(`not supported offline: field type ${metadataType} (${where})`);
  }
  return type;
}

/** The formula engine's field type (the formula engine's FieldSchema.type) of a describe. */
export function formulaTypeOf(field: FieldDescribe): string | undefined {
  switch (field.displayType) {
    case 'ID':
      return 'Id';
    case 'REFERENCE':
      return 'Lookup';
    case 'STRING':
    case 'COMBOBOX':
      return 'Text';
    case 'TEXTAREA':
      return 'TextArea';
    case 'PICKLIST':
      return 'Picklist';
    case 'MULTIPICKLIST':
      return 'MultiselectPicklist';
    case 'BOOLEAN':
      return 'Checkbox';
    case 'INTEGER':
    case 'LONG':
    case 'DOUBLE':
      return 'Number';
    case 'CURRENCY':
      return 'Currency';
    case 'PERCENT':
      return 'Percent';
    case 'DATE':
      return 'Date';
    case 'DATETIME':
      return 'DateTime';
    case 'TIME':
      return 'Time';
    case 'EMAIL':
      return 'Email';
    case 'PHONE':
      return 'Phone';
    case 'URL':
      return 'Url';
    default:
      // Blob and untyped fields cannot appear in a formula.
      return undefined;
  }
}

/**
 * A small org for the SOQL tests: a schema shaped like the package's (Account, Opportunity with
 * its Account and Owner lookups, User, Event with polymorphic What/Who/Owner, a custom segment
 * object, a custom plan object with a master-detail child and `__r` relationships, a custom
 * metadata type), an in-memory DataSource over rows the tests insert, and an environment whose
 * access rules the tests set.
 */
import type {
  ApexFieldType,
  ChildRelationshipDescribe,
  DisplayType,
  FieldDescribe,
  ObjectDescribe,
  OrgSchema
} from '../../metadata/schema';
import type { DataSource, StoredRow } from '../../platform/dataSource';
import { ApexDecimal } from '../../values/decimal';
import { ApexDouble } from '../../values/primitives';
import { ApexDate, ApexDatetime } from '../../values/temporal';
import { executeQuery } from '../soqlEngine';
import { parseSoql } from '../soqlParser';
import type { QueryEnvironment, QueryResult } from '../queryEnvironment';
import type { SoqlBind } from '../soqlAst';
import type { SObjectValue } from '../../values/sobject';

type FieldOptions = Partial<FieldDescribe>;

function field(
  name: string,
  apexType: ApexFieldType,
  displayType: DisplayType,
  options: FieldOptions = {}
): FieldDescribe {
  return {
    name,
    label: name,
    apexType,
    displayType,
    custom: name.endsWith('__c'),
    required: false,
    createable: true,
    updateable: true,
    defaultedOnCreate: false,
    nillable: true,
    unique: false,
    externalId: false,
    caseSensitive: false,
    referenceTo: [],
    masterDetail: false,
    picklistValues: [],
    restrictedPicklist: false,
    trackHistory: false,
    ...options
  };
}

const text = (name: string, options: FieldOptions = {}) =>
  field(name, 'String', 'STRING', { length: 255, ...options });
const lookup = (
  name: string,
  referenceTo: string[],
  relationshipName: string,
  options: FieldOptions = {}
) => field(name, 'Id', 'REFERENCE', { referenceTo, relationshipName, ...options });
const picklist = (name: string, values: string[], displayType: DisplayType = 'PICKLIST') =>
  field(name, 'String', displayType, {
    picklistValues: values.map((value) => ({
      value,
      label: `${value} label`,
      active: true,
      defaultValue: false
    }))
  });

function object(
  name: string,
  keyPrefix: string,
  fields: FieldDescribe[],
  childRelationships: ChildRelationshipDescribe[] = [],
  options: Partial<ObjectDescribe> = {}
): ObjectDescribe {
  return {
    name,
    label: name,
    labelPlural: `${name}s`,
    keyPrefix,
    custom: name.endsWith('__c'),
    customSetting: false,
    customMetadata: name.endsWith('__mdt'),
    sharingModel: 'Private',
    hasOwner: fields.some((entry) => entry.name === 'OwnerId'),
    fields: [
      field('Id', 'Id', 'ID'),
      ...fields,
      field('IsDeleted', 'Boolean', 'BOOLEAN'),
      field('CreatedDate', 'Datetime', 'DATETIME')
    ],
    childRelationships,
    validationRules: [],
    sharingReasons: [],
    createable: true,
    updateable: true,
    deletable: true,
    queryable: true,
    ...options
  };
}

const child = (relationshipName: string, childObject: string, childField: string) => ({
  relationshipName,
  childObject,
  field: childField,
  cascadeDelete: false
});

const OBJECTS: ObjectDescribe[] = [
  object('User', '005', [
    text('Name'),
    text('FirstName'),
    text('LastName'),
    text('Title'),
    field('IsActive', 'Boolean', 'BOOLEAN'),
    lookup('ManagerId', ['User'], 'Manager')
  ]),
  object('Group', '00G', [text('Name'), text('Type')]),
  object('Lead', '00Q', [text('Name')]),
  object(
    'Account',
    '001',
    [
      text('Name'),
      picklist('Industry', ['Technology', 'Energy', 'Retail']),
      picklist('Rating', ['Hot', 'Warm', 'Cold']),
      field('AnnualRevenue', 'Decimal', 'CURRENCY', { precision: 18, scale: 2 }),
      field('NumberOfEmployees', 'Integer', 'INTEGER'),
      lookup('OwnerId', ['User'], 'Owner'),
      field('Description', 'String', 'TEXTAREA', { length: 32000 }),
      lookup('Customer_Segment__c', ['Customer_Segment__c'], 'Customer_Segment__r'),
      picklist('Tags__c', ['Alpha', 'Beta', 'Gamma'], 'MULTIPICKLIST'),
      text('Secret_Notes__c'),
      text('External_Code__c', { caseSensitive: true, unique: true })
    ],
    [
      child('Opportunities', 'Opportunity', 'AccountId'),
      child('Contacts', 'Contact', 'AccountId'),
      child('Account_Plans__r', 'Account_Plan__c', 'Account__c')
    ]
  ),
  object('Contact', '003', [
    text('Name'),
    text('LastName'),
    lookup('AccountId', ['Account'], 'Account')
  ]),
  object('Opportunity', '006', [
    text('Name'),
    lookup('AccountId', ['Account'], 'Account'),
    lookup('OwnerId', ['User'], 'Owner'),
    picklist('StageName', ['Prospecting', 'Qualification', 'Closed Won', 'Closed Lost']),
    field('Amount', 'Decimal', 'CURRENCY', { precision: 18, scale: 2 }),
    field('Probability', 'Decimal', 'PERCENT', { precision: 3, scale: 0 }),
    field('CloseDate', 'Date', 'DATE'),
    field('IsWon', 'Boolean', 'BOOLEAN'),
    field('IsClosed', 'Boolean', 'BOOLEAN'),
    field('LastModifiedDate', 'Datetime', 'DATETIME'),
    field('Close_Date_Push_Count__c', 'Decimal', 'DOUBLE', { precision: 18, scale: 0 }),
    field('Score__c', 'Double', 'DOUBLE')
  ]),
  object('Event', '00U', [
    text('Subject'),
    lookup('WhatId', ['Account', 'Opportunity'], 'What'),
    // As the runtime's schema has it when an org lacks one of the targets: still polymorphic.
    lookup('WhoId', ['Contact'], 'Who', { polymorphic: true }),
    lookup('OwnerId', ['User', 'Group'], 'Owner'),
    field('ActivityDate', 'Date', 'DATE'),
    field('StartDateTime', 'Datetime', 'DATETIME'),
    field('DurationInMinutes', 'Integer', 'INTEGER'),
    field('Start_Time__c', 'Time', 'TIME')
  ]),
  object(
    'Customer_Segment__c',
    'a01',
    [text('Name'), field('Priority__c', 'Decimal', 'DOUBLE', { scale: 0 }), text('Value_Focus__c')],
    [child('Accounts', 'Account', 'Customer_Segment__c')]
  ),
  object(
    'Account_Plan__c',
    'a02',
    [
      text('Name'),
      lookup('Account__c', ['Account'], 'Account__r', { masterDetail: true }),
      picklist('Status__c', ['Draft', 'Active', 'Archived']),
      field('Period_Start__c', 'Date', 'DATE')
    ],
    [child('Account_Plan_Objectives__r', 'Account_Plan_Objective__c', 'Account_Plan__c')],
    { sharingModel: 'ControlledByParent' }
  ),
  object('Account_Plan_Objective__c', 'a03', [
    text('Name'),
    lookup('Account_Plan__c', ['Account_Plan__c'], 'Account_Plan__r', { masterDetail: true }),
    field('Due_Date__c', 'Date', 'DATE')
  ]),
  object('Sales_Rule__mdt', 'm00', [
    text('DeveloperName'),
    field('Active__c', 'Boolean', 'BOOLEAN'),
    field('Weight__c', 'Decimal', 'DOUBLE', { scale: 0 })
  ])
];

class FixtureSchema implements OrgSchema {
  readonly objects = new Map(OBJECTS.map((entry) => [entry.name, entry]));
  private readonly byLowerName = new Map(OBJECTS.map((entry) => [entry.name.toLowerCase(), entry]));

  object(name: string) {
    return this.byLowerName.get(name.toLowerCase());
  }
  field(objectName: string, fieldName: string) {
    const lower = fieldName.toLowerCase();
    return this.object(objectName)?.fields.find((entry) => entry.name.toLowerCase() === lower);
  }
  relationship(objectName: string, relationshipName: string) {
    const lower = relationshipName.toLowerCase();
    return this.object(objectName)?.fields.find(
      (entry) => entry.relationshipName?.toLowerCase() === lower
    );
  }
  childRelationship(objectName: string, relationshipName: string) {
    const lower = relationshipName.toLowerCase();
    return this.object(objectName)?.childRelationships.find(
      (entry) => entry.relationshipName.toLowerCase() === lower
    );
  }
  objectOfKeyPrefix(prefix: string) {
    return OBJECTS.find((entry) => entry.keyPrefix === prefix);
  }
}

export const schema = new FixtureSchema();

/** The 18-character form of a 15-character Id (the platform's case-safe suffix). */
export function to18(id15: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const char = id15[chunk * 5 + i];
      if (char >= 'A' && char <= 'Z') bits |= 1 << i;
    }
    suffix += alphabet[bits];
  }
  return id15 + suffix;
}

/** An in-memory DataSource: rows per object in insertion order. */
export class FixtureData implements DataSource {
  readonly schema = schema;
  private readonly byObject = new Map<string, Record<string, unknown>[]>();
  private readonly byId = new Map<string, Record<string, unknown>>();
  private counter = 0;

  /** Inserts a row and returns its 18-character Id. */
  insert(objectName: string, values: Record<string, unknown>): string {
    const describe = schema.object(objectName);
    if (!describe) throw new Error(`no object ${objectName}`);
    this.counter++;
    const id = to18(describe.keyPrefix + String(this.counter).padStart(12, '0'));
    const row: Record<string, unknown> = { Id: id, IsDeleted: false, ...values };
    const rows = this.byObject.get(describe.name) ?? [];
    rows.push(row);
    this.byObject.set(describe.name, rows);
    this.byId.set(id.slice(0, 15), row);
    return id;
  }

  rows(objectName: string, includeDeleted = false): Iterable<StoredRow> {
    const rows = this.byObject.get(schema.object(objectName)?.name ?? objectName) ?? [];
    return includeDeleted ? rows : rows.filter((row) => row.IsDeleted !== true);
  }

  row(id: string): StoredRow | undefined {
    return this.byId.get(id.slice(0, 15));
  }

  read(_objectName: string, row: StoredRow, describe: FieldDescribe): unknown {
    return row[describe.name] ?? null;
  }
}

export interface AccessRules {
  unreadableObjects: Set<string>;
  /** `Object.Field` names. */
  unreadableFields: Set<string>;
  /** Ids (18 characters) of records the user cannot see. */
  invisibleRecords: Set<string>;
}

export interface TestEnvironment extends QueryEnvironment {
  rules: AccessRules;
  counted: number[];
  binds: Record<string, unknown>;
}

export const TODAY = ApexDate.of(2026, 11, 18);

/** An environment over `data`: everything readable and visible until a test says otherwise. */
export function environment(
  data: FixtureData,
  overrides: Partial<QueryEnvironment> = {}
): TestEnvironment {
  const rules: AccessRules = {
    unreadableObjects: new Set(),
    unreadableFields: new Set(),
    invisibleRecords: new Set()
  };
  const counted: number[] = [];
  const binds: Record<string, unknown> = {};
  return {
    source: data,
    bind: (bind: SoqlBind) => {
      if (!(bind.text in binds)) throw new Error(`no value for bind ${bind.text}`);
      return binds[bind.text];
    },
    today: TODAY,
    now: ApexDatetime.parseIso('2026-11-18T15:30:00Z'),
    timeZone: 'GMT',
    userId: '005000000000001AAA',
    fiscalYearStartMonth: 1,
    withSharing: false,
    access: {
      objectReadable: (name) => !rules.unreadableObjects.has(name),
      fieldReadable: (objectName, fieldName) =>
        !rules.unreadableFields.has(`${objectName}.${fieldName}`),
      recordVisible: (_objectName, row) => !rules.invisibleRecords.has(String(row.Id))
    },
    countRows: (rows) => counted.push(rows),
    rules,
    counted,
    binds,
    ...overrides
  };
}

/** Runs dynamic SOQL text. */
export function run(text: string, env: QueryEnvironment): QueryResult {
  return executeQuery(parseSoql(text), env);
}

/** Runs a record query and returns its records. */
export function records(text: string, env: QueryEnvironment): SObjectValue[] {
  const result = run(text, env);
  if (result.kind !== 'records') throw new Error('expected records');
  return result.records;
}

/** The values of one entry of each record, for compact expectations. */
export function column(rows: SObjectValue[], name: string): unknown[] {
  return rows.map((row) => row.get(name));
}

export const decimal = (value: string) => ApexDecimal.parse(value);
export const date = (value: string) => ApexDate.parseIso(value);
export const datetime = (value: string) => ApexDatetime.parseIso(value);

/** The sample data most tests query; Ids by a short name. */
export function sampleOrg() {
  const data = new FixtureData();
  const ann = data.insert('User', {
    Name: 'Ann Smith',
    FirstName: 'Ann',
    LastName: 'Smith',
    Title: 'Seller',
    IsActive: true
  });
  const bob = data.insert('User', {
    Name: 'Bob Jones',
    FirstName: 'Bob',
    LastName: 'Jones',
    Title: 'Manager',
    IsActive: true,
    ManagerId: ann
  });
  const queue = data.insert('Group', { Name: 'Support Queue', Type: 'Queue' });
  const large = data.insert('Customer_Segment__c', {
    Name: 'Large',
    Priority__c: decimal('1'),
    Value_Focus__c: 'Growth'
  });
  const small = data.insert('Customer_Segment__c', { Name: 'Small', Priority__c: decimal('2') });
  const acme = data.insert('Account', {
    Name: 'Acme',
    Industry: 'Technology',
    Rating: 'Hot',
    OwnerId: ann,
    Customer_Segment__c: large,
    AnnualRevenue: decimal('1000.00'),
    NumberOfEmployees: 50,
    Tags__c: 'Alpha;Beta',
    External_Code__c: 'AbC',
    Description: 'A long description'
  });
  const globex = data.insert('Account', {
    Name: 'Globex',
    Industry: 'Energy',
    Rating: 'Cold',
    OwnerId: bob,
    NumberOfEmployees: 10,
    Tags__c: 'Gamma'
  });
  const initech = data.insert('Account', {
    Name: 'initech',
    Industry: 'Retail',
    OwnerId: ann,
    Customer_Segment__c: small,
    AnnualRevenue: decimal('250.50')
  });
  const doe = data.insert('Contact', { Name: 'Jane Doe', LastName: 'Doe', AccountId: acme });
  const lead = data.insert('Lead', { Name: 'Lead One' });
  const bigDeal = data.insert('Opportunity', {
    Name: 'Big Deal',
    AccountId: acme,
    OwnerId: ann,
    StageName: 'Closed Won',
    Amount: decimal('500.00'),
    Probability: decimal('100'),
    CloseDate: date('2026-11-02'),
    IsWon: true,
    IsClosed: true,
    Score__c: new ApexDouble(1.5),
    CreatedDate: datetime('2026-01-15T10:00:00Z')
  });
  const smallDeal = data.insert('Opportunity', {
    Name: 'Small Deal',
    AccountId: acme,
    OwnerId: bob,
    StageName: 'Prospecting',
    Amount: decimal('100.00'),
    Probability: decimal('10'),
    CloseDate: date('2026-12-15'),
    IsWon: false,
    IsClosed: false,
    Score__c: new ApexDouble(2.5),
    CreatedDate: datetime('2026-11-17T23:30:00Z')
  });
  const lostDeal = data.insert('Opportunity', {
    Name: 'Lost Deal',
    AccountId: globex,
    OwnerId: ann,
    StageName: 'Closed Lost',
    Amount: decimal('250.00'),
    Probability: decimal('0'),
    CloseDate: date('2026-10-20'),
    IsWon: false,
    IsClosed: true,
    CreatedDate: datetime('2025-06-30T12:00:00Z')
  });
  const noAmount = data.insert('Opportunity', {
    Name: 'No Amount',
    AccountId: initech,
    OwnerId: bob,
    StageName: 'Qualification',
    Probability: decimal('20'),
    CloseDate: date('2027-01-10'),
    IsWon: false,
    IsClosed: false,
    CreatedDate: datetime('2026-11-18T08:00:00Z')
  });
  const meeting = data.insert('Event', {
    Subject: 'Meeting',
    WhatId: acme,
    WhoId: doe,
    OwnerId: ann,
    ActivityDate: date('2026-11-18'),
    StartDateTime: datetime('2026-11-18T09:00:00Z'),
    DurationInMinutes: 60
  });
  const call = data.insert('Event', {
    Subject: 'Call',
    WhatId: bigDeal,
    WhoId: lead,
    OwnerId: queue
  });
  const note = data.insert('Event', { Subject: 'Note', OwnerId: ann });
  const planA = data.insert('Account_Plan__c', {
    Name: 'Plan A',
    Account__c: acme,
    Status__c: 'Active',
    Period_Start__c: date('2026-01-01')
  });
  const planB = data.insert('Account_Plan__c', {
    Name: 'Plan B',
    Account__c: acme,
    Status__c: 'Draft'
  });
  const laterObjective = data.insert('Account_Plan_Objective__c', {
    Name: 'Later',
    Account_Plan__c: planA,
    Due_Date__c: date('2026-12-01')
  });
  const soonerObjective = data.insert('Account_Plan_Objective__c', {
    Name: 'Sooner',
    Account_Plan__c: planA,
    Due_Date__c: date('2026-11-01')
  });
  const rule = data.insert('Sales_Rule__mdt', {
    DeveloperName: 'Missing_Next_Step',
    Active__c: true,
    Weight__c: decimal('3')
  });
  return {
    data,
    ids: {
      ann,
      bob,
      queue,
      large,
      small,
      acme,
      globex,
      initech,
      doe,
      lead,
      bigDeal,
      smallDeal,
      lostDeal,
      noAmount,
      meeting,
      call,
      note,
      planA,
      planB,
      laterObjective,
      soonerObjective,
      rule
    }
  };
}

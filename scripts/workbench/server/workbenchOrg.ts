/**
 * The sample org as the workbench serves it: the embedded org with the local store's changes
 * applied, the shipped rules, and saves that run the record-triggered logic the org runs,
 * through the shared modules: Opportunity facts (c/guidanceEngine stampChangedOpportunity),
 * formula fields (embeddedOrg recalculateFormulaFields) and the rules' verdict stored on the
 * record (score, issues, coaching flags; Apex GuidanceFields).
 */
import {
  compileRuleSet,
  GUIDED_OBJECTS,
  stampChangedOpportunity,
  stampNewOpportunity,
  storedGuidanceFields,
  type RecordGuidance,
  type RuleSet,
  type SalesRuleDefinition
} from '../../../force-app/main/default/lwc/guidanceEngine/guidanceEngine';
import { loadPermissionSets, type PermissionSetDefinition } from '../../model/permissionSets';
import {
  DEFAULT_OBJECTS_DIR,
  HISTORY_OBJECT,
  loadEmbeddedOrg,
  type EmbeddedOrg,
  type OrgRecord
} from '../../org/embeddedOrg';
import { loadSalesRules } from '../../rules/ruleMetadata';
import { loadCustomLabels } from '../labels';
import { describeObject, type WorkbenchObjectInfo } from './objectInfo';
import { stampOnePerUser } from './onePerUser';
import { segmentStampFor } from './segmentAssignment';
import type { LocalStore } from './store';

export class FieldValidationError extends Error {
  constructor(readonly fieldErrors: Record<string, string>) {
    super(
      Object.entries(fieldErrors)
        .map(([field, message]) => `${field}: ${message}`)
        .join('; ')
    );
  }
}

/** A save refused as a whole (a trigger's addError), with the message the user sees. */
export class RecordSaveError extends Error {}

/** The Opportunity fields field history tracking records (PipelineFactsSelector reads them). */
const TRACKED_OPPORTUNITY_FIELDS = ['StageName', 'Amount', 'CloseDate', 'ForecastCategoryName'];

export interface WorkbenchOrg {
  readonly org: EmbeddedOrg;
  readonly rules: readonly SalesRuleDefinition[];
  readonly permissionSets: ReadonlyMap<string, PermissionSetDefinition>;
  describe(objectName: string): WorkbenchObjectInfo | undefined;
  ruleSet(objectName: string): RuleSet;
  /** The rules' live verdict on a record as stored now. */
  guidanceOf(record: OrgRecord): RecordGuidance;
  /** Saves field values as a user's save would, and returns the saved record. */
  saveRecord(recordId: string, changes: Record<string, unknown>, actingUserId: string): OrgRecord;
  /** The current time on the sample day: the sample org lives on it, saves included. */
  now(): string;
  /** Creates a record as a user's insert would (owner, triggers), and returns it. */
  createRecord(
    objectName: string,
    fields: Record<string, unknown>,
    actingUserId: string
  ): OrgRecord;
}

const NUMERIC = new Set(['Double', 'Currency', 'Percent', 'Int']);

/** Turns a value from an input (numbers arrive as text) into the field's type, or explains why not. */
function coerce(value: unknown, dataType: string): { value: unknown } | { error: string } {
  if (value === null || value === undefined || value === '') return { value: null };
  if (NUMERIC.has(dataType)) {
    const number = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(number) ? { value: number } : { error: 'Enter a number.' };
  }
  if (dataType === 'Boolean') return { value: value === true || value === 'true' };
  if (dataType === 'Date') {
    return /^\d{4}-\d{2}-\d{2}$/.test(String(value))
      ? { value: String(value) }
      : { error: 'Enter a date as YYYY-MM-DD.' };
  }
  return { value: String(value) };
}

export function openWorkbenchOrg(options: {
  store: LocalStore;
  dataDir?: string;
  objectsDir?: string;
  customMetadataDir?: string;
}): WorkbenchOrg {
  const objectsDir = options.objectsDir ?? DEFAULT_OBJECTS_DIR;
  const org = loadEmbeddedOrg(options.dataDir, objectsDir);
  const rules = loadSalesRules(options.customMetadataDir);
  const permissionSets = loadPermissionSets();
  const labels = loadCustomLabels();
  const created: OrgRecord[] = [];
  for (const [recordId, fields] of Object.entries(options.store.read())) {
    const record = org.byId(recordId);
    const type = (fields.attributes as { type?: unknown } | undefined)?.type;
    if (record) Object.assign(record, fields);
    else if (typeof type === 'string') created.push(org.insert(type, { ...fields, Id: recordId }));
  }
  created.forEach((record) => org.recalculate(record));

  const describes = new Map<string, WorkbenchObjectInfo | undefined>();
  const describe = (objectName: string) => {
    if (!describes.has(objectName))
      describes.set(objectName, describeObject(objectName, objectsDir));
    return describes.get(objectName);
  };
  const ruleSets = new Map<string, RuleSet>();
  const ruleSet = (objectName: string): RuleSet => {
    let set = ruleSets.get(objectName);
    if (!set) {
      set = compileRuleSet(rules, org.schemas[objectName]);
      ruleSets.set(objectName, set);
    }
    return set;
  };
  const guidanceOf = (record: OrgRecord) =>
    ruleSet(record.attributes.type).evaluate(org.withParents(record), { today: org.today });

  // What GuidanceRecalculationBatch leaves in an org overnight: every guided record's verdict
  // stored (scores, issues, coaching flags), for records no save has stamped yet.
  const nightlyRun = `${org.today}T02:00:00.000Z`;
  for (const objectName of GUIDED_OBJECTS) {
    for (const record of org.records(objectName)) {
      if (!record.Data_Quality_Evaluated_At__c) {
        Object.assign(record, storedGuidanceFields(objectName, guidanceOf(record), nightlyRun));
      }
    }
  }

  // The sample org lives on its sample day: a save happens "today" there, at the current time.
  const now = (): string => `${org.today}${new Date().toISOString().slice(10)}`;

  /** The changes as the fields' types, or the field errors an insert or update would raise. */
  const validate = (
    objectName: string,
    changes: Record<string, unknown>,
    isInsert: boolean
  ): Record<string, unknown> => {
    const info = describe(objectName);
    const values: Record<string, unknown> = {};
    const fieldErrors: Record<string, string> = {};
    for (const [field, value] of Object.entries(changes)) {
      const fieldInfo = info?.fields[field];
      if (!fieldInfo) fieldErrors[field] = `No such field on ${objectName}.`;
      else if (!fieldInfo.updateable) fieldErrors[field] = 'The field is not editable.';
      else {
        const coerced = coerce(value, fieldInfo.dataType);
        if ('error' in coerced) fieldErrors[field] = coerced.error;
        else if (coerced.value === null && fieldInfo.required)
          fieldErrors[field] = 'Complete this field.';
        else values[field] = coerced.value;
      }
    }
    if (isInsert) {
      for (const field of Object.values(info?.fields ?? {})) {
        if (field.required && field.updateable && !(field.apiName in changes)) {
          fieldErrors[field.apiName] = 'Complete this field.';
        }
      }
    }
    if (Object.keys(fieldErrors).length > 0) throw new FieldValidationError(fieldErrors);
    return values;
  };

  /** What the org's field history tracking records for a deal's save. */
  const trackHistory = (before: Record<string, unknown>, record: OrgRecord, at: string) => {
    const fields = before.Id ? TRACKED_OPPORTUNITY_FIELDS : ['created'];
    for (const field of fields) {
      if (field !== 'created' && before[field] === record[field]) continue;
      const row = org.insert(HISTORY_OBJECT, {
        OpportunityId: record.Id,
        Field: field,
        OldValue: before[field] ?? null,
        NewValue: field === 'created' ? null : (record[field] ?? null),
        CreatedDate: at
      });
      options.store.save(row.Id, { ...row, attributes: { ...row.attributes } });
    }
  };

  /** Runs the record-triggered logic (before save) and stores the fields that changed. */
  const commit = (
    record: OrgRecord,
    before: Record<string, unknown>,
    actingUserId: string
  ): OrgRecord => {
    const objectName = record.attributes.type;
    const at = now();
    record.LastModifiedDate = at;
    record.LastModifiedById = actingUserId;
    org.recalculate(record);
    if (GUIDED_OBJECTS.includes(objectName)) {
      Object.assign(record, storedGuidanceFields(objectName, guidanceOf(record), at));
    }
    if (objectName === 'Opportunity') trackHistory(before, record, at);
    const changed: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(record)) {
      if (before[field] !== value) changed[field] = value;
    }
    options.store.save(record.Id, changed);
    return record;
  };

  const saveRecord = (
    recordId: string,
    changes: Record<string, unknown>,
    actingUserId: string
  ): OrgRecord => {
    const record = org.byId(recordId);
    if (!record) throw new Error(`No record with Id ${recordId}`);
    const values = validate(record.attributes.type, changes, false);
    const before: Record<string, unknown> = { ...record };
    let after: Record<string, unknown> = { ...record, ...values };
    if (record.attributes.type === 'Opportunity') {
      after = stampChangedOpportunity(before, after, org.today);
    }
    // Segment assignment (Apex SegmentAssignment in AccountTriggerHandler), before the rules.
    if (record.attributes.type === 'Account') Object.assign(after, segmentStampFor(org, after));
    const duplicate = stampOnePerUser(after, org.records(record.attributes.type), actingUserId);
    if (duplicate) throw new RecordSaveError(labels.get(duplicate) ?? duplicate);
    Object.assign(record, after);
    return commit(record, before, actingUserId);
  };

  const createRecord = (
    objectName: string,
    fields: Record<string, unknown>,
    actingUserId: string
  ): OrgRecord => {
    const info = describe(objectName);
    if (!info) throw new RecordSaveError(`The workbench does not know the object ${objectName}.`);
    const values = validate(objectName, fields, true);
    let initial: Record<string, unknown> = {
      OwnerId: actingUserId,
      CreatedById: actingUserId,
      CreatedDate: now(),
      ...values
    };
    if (objectName === 'Opportunity') initial = stampNewOpportunity(initial, org.today);
    if (objectName === 'Account') Object.assign(initial, segmentStampFor(org, initial));
    const candidate = { ...initial, attributes: { type: objectName } } as unknown as OrgRecord;
    const duplicate = stampOnePerUser(candidate, org.records(objectName), actingUserId);
    if (duplicate) throw new RecordSaveError(labels.get(duplicate) ?? duplicate);
    const record = org.insert(objectName, candidate);
    return commit(record, {}, actingUserId);
  };

  return {
    org,
    rules,
    permissionSets,
    describe,
    ruleSet,
    guidanceOf,
    saveRecord,
    createRecord,
    now
  };
}

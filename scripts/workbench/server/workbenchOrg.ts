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
  storedGuidanceFields,
  type RecordGuidance,
  type RuleSet,
  type SalesRuleDefinition
} from '../../../force-app/main/default/lwc/guidanceEngine/guidanceEngine';
import { loadPermissionSets, type PermissionSetDefinition } from '../../model/permissionSets';
import {
  DEFAULT_OBJECTS_DIR,
  loadEmbeddedOrg,
  type EmbeddedOrg,
  type OrgRecord
} from '../../org/embeddedOrg';
import { loadSalesRules } from '../../rules/ruleMetadata';
import { describeObject, type WorkbenchObjectInfo } from './objectInfo';
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

export interface WorkbenchOrg {
  readonly org: EmbeddedOrg;
  readonly rules: readonly SalesRuleDefinition[];
  readonly permissionSets: ReadonlyMap<string, PermissionSetDefinition>;
  describe(objectName: string): WorkbenchObjectInfo | undefined;
  ruleSet(objectName: string): RuleSet;
  /** The rules' live verdict on a record as stored now. */
  guidanceOf(record: OrgRecord): RecordGuidance;
  /** Saves field values as a user's save would, and returns the saved record. */
  saveRecord(recordId: string, changes: Record<string, unknown>): OrgRecord;
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
  for (const [recordId, fields] of Object.entries(options.store.read())) {
    const record = org.byId(recordId);
    if (record) Object.assign(record, fields);
  }

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

  const saveRecord = (recordId: string, changes: Record<string, unknown>): OrgRecord => {
    const record = org.byId(recordId);
    if (!record) throw new Error(`No record with Id ${recordId}`);
    const objectName = record.attributes.type;
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
    if (Object.keys(fieldErrors).length > 0) throw new FieldValidationError(fieldErrors);

    const before: Record<string, unknown> = { ...record };
    let after: Record<string, unknown> = { ...record, ...values };
    if (objectName === 'Opportunity') {
      after = stampChangedOpportunity(before, after, org.today);
    }
    Object.assign(record, after);
    org.recalculate(record);
    if (GUIDED_OBJECTS.includes(objectName)) {
      Object.assign(
        record,
        storedGuidanceFields(objectName, guidanceOf(record), new Date().toISOString())
      );
    }
    const changed: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(record)) {
      if (field !== 'attributes' && before[field] !== value) changed[field] = value;
    }
    options.store.save(recordId, changed);
    return record;
  };

  return { org, rules, permissionSets, describe, ruleSet, guidanceOf, saveRecord };
}

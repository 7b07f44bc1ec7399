/**
 * A record as the UI API gives it to components: each readable field's value and the text the UI
 * shows for it (a lookup's record name, a rule's label instead of its developer name). The one
 * home of that representation for every workbench API that returns records.
 */
import type { OrgRecord } from '../../org/embeddedOrg';
import { loadSalesRules } from '../../rules/ruleMetadata';
import { MASTER_RECORD_TYPE_ID } from './objectInfo';
import type { WorkbenchOrg, WorkbenchUser } from './workbenchOrg';

export function displayValue(workbench: WorkbenchOrg, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && /^[a-zA-Z0-9]{18}$/.test(value)) {
    const target = workbench.byId(value);
    if (target && typeof target.Name === 'string') return target.Name;
  }
  return String(value);
}

/** Fields that store rule developer names, one a line: users read the rules' labels. */
const RULE_NAME_FIELDS = new Set(['Data_Quality_Issues__c', 'Coaching_Flags__c', 'Rule_Name__c']);

let ruleLabels: Map<string, string> | undefined;

/** The rules' labels by developer name (Opp_Next_Step -> its label), read once. */
function ruleLabelOf(developerName: string): string {
  ruleLabels ??= new Map(loadSalesRules().map((rule) => [rule.developerName, rule.label]));
  return ruleLabels.get(developerName) ?? developerName;
}

function fieldDisplayValue(workbench: WorkbenchOrg, field: string, value: unknown): string | null {
  if (RULE_NAME_FIELDS.has(field) && typeof value === 'string') {
    return value
      .split(/\r?\n/)
      .filter(Boolean)
      .map((name) => ruleLabelOf(name.trim()))
      .join('\n');
  }
  return displayValue(workbench, value);
}

/**
 * A record as the UI API represents it, with only `fields` when given and only the fields the
 * user may read (field-level security).
 */
export function recordRepresentation(
  workbench: WorkbenchOrg,
  acting: WorkbenchUser,
  record: OrgRecord,
  fields?: readonly string[]
) {
  const objectName = record.attributes.type;
  const access = workbench.org.userAccess(acting.id);
  const schema = workbench.org.project.schema;
  const requested = (
    fields && fields.length
      ? fields.map((field) => (field.includes('.') ? field.slice(field.indexOf('.') + 1) : field))
      : Object.keys(record).filter((field) => field !== 'attributes')
  ).filter((name) => name === 'Id' || access.fieldReadable(objectName, name));
  // An amount means nothing without its currency: in a multi-currency org the record's
  // CurrencyIsoCode comes with any currency field, and the page shows the amount in it.
  const withAmount = requested.some(
    (name) => schema.field(objectName, name)?.displayType === 'CURRENCY'
  );
  const names =
    withAmount &&
    !requested.includes('CurrencyIsoCode') &&
    schema.field(objectName, 'CurrencyIsoCode') &&
    access.fieldReadable(objectName, 'CurrencyIsoCode')
      ? [...requested, 'CurrencyIsoCode']
      : requested;
  return {
    id: record.Id,
    apiName: objectName,
    recordTypeId: MASTER_RECORD_TYPE_ID,
    fields: Object.fromEntries(
      names.map((name) => [
        name,
        {
          value: record[name] ?? null,
          displayValue: fieldDisplayValue(workbench, name, record[name])
        }
      ])
    )
  };
}

/**
 * The org's fiscal calendar objects (Object Reference for the Salesforce Platform,
 * "FiscalYearSettings" and "Period"): every org has them, standard fiscal year or custom.
 *
 * - `FiscalYearSettings`: "Settings to define a custom or standard fiscal year for your
 *   organization. This object has a parent-child relationship with the Period object." Name,
 *   StartDate, EndDate, IsStandardYear, YearType, PeriodId (relationship `Period`), the label
 *   schemes and prefixes, WeekStartDay, Description.
 * - `Period`: "Represents a fiscal period defined in FiscalYearSettings." FiscalYearSettingsId
 *   (relationship `FiscalYearSettings`; the parent's sub-query is `Periods`, a choice: the
 *   reference names no child relationship), Type (Year, Quarter, Month, Week), StartDate, EndDate,
 *   Number, IsForecastPeriod, QuarterLabel, PeriodLabel, FullyQualifiedLabel, and of the audit
 *   fields only SystemModstamp, as the field reference lists.
 *
 * Both support only describe, query and retrieve calls, so they are setup data: readable by every
 * user, in tests without SeeAllData ("objects that are used to manage your organization"), and
 * refused by DML like the other read-only setup objects (platform/setupRows.ts inserts the rows).
 */
import { makeField } from './fieldDescribes';
import { readOnly, setupObject } from './currencySchema';
import type { SchemaDraft } from './schemaDraft';
import type { FieldDescribe, PicklistEntry } from './schema';

export const FISCAL_YEAR_SETTINGS = 'FiscalYearSettings';
export const PERIOD = 'Period';

/** Period.Type values (Object Reference, "Period"). */
export const PERIOD_TYPES = ['Year', 'Quarter', 'Month', 'Week'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

function entries(values: readonly string[]): PicklistEntry[] {
  return values.map((value) => ({ value, label: value, active: true, defaultValue: false }));
}

function field(init: Parameters<typeof makeField>[0]): FieldDescribe {
  return readOnly(makeField(init));
}

function picklist(name: string, label: string, values: readonly string[] = []): FieldDescribe {
  return field({
    name,
    type: 'picklist',
    label,
    length: values.length > 0 ? 40 : 255,
    picklistValues: entries(values),
    restrictedPicklist: values.length > 0
  });
}

function modstamp(): FieldDescribe {
  return field({
    name: 'SystemModstamp',
    type: 'datetime',
    label: 'System Modstamp',
    defaultedOnCreate: true,
    nillable: false
  });
}

/** Adds FiscalYearSettings and Period (key prefixes 022 and 026, as in an org). */
export function addFiscalSchema(draft: SchemaDraft): void {
  if (draft.get(FISCAL_YEAR_SETTINGS) || draft.get(PERIOD)) return;
  const settings = setupObject(
    FISCAL_YEAR_SETTINGS,
    'Fiscal Year Settings',
    '022',
    [
      field({ name: 'Name', type: 'string', label: 'Name', length: 80, nillable: false }),
      field({ name: 'Description', type: 'string', label: 'Description', length: 255 }),
      field({ name: 'StartDate', type: 'date', label: 'Start Date' }),
      field({ name: 'EndDate', type: 'date', label: 'End Date' }),
      field({ name: 'IsStandardYear', type: 'boolean', label: 'Is Standard Year' }),
      picklist('YearType', 'Year Type', ['Standard', 'Custom', 'Placeholder']),
      field({
        name: 'PeriodId',
        type: 'reference',
        label: 'Period ID',
        length: 18,
        referenceTo: [PERIOD],
        relationshipName: 'Period'
      }),
      picklist('PeriodLabelScheme', 'Period Name Scheme'),
      picklist('PeriodPrefix', 'Period Prefix'),
      picklist('QuarterLabelScheme', 'Quarter Name Scheme'),
      picklist('QuarterPrefix', 'Quarter Prefix'),
      picklist('WeekLabelScheme', 'Week Name Scheme'),
      field({ name: 'WeekStartDay', type: 'int', label: 'Week Start Day', digits: 9 })
    ],
    [modstamp()]
  );
  const parent = field({
    name: 'FiscalYearSettingsId',
    type: 'reference',
    label: 'Fiscal Year Settings ID',
    length: 18,
    referenceTo: [FISCAL_YEAR_SETTINGS],
    relationshipName: 'FiscalYearSettings'
  });
  const period = setupObject(
    PERIOD,
    'Period',
    '026',
    [
      parent,
      picklist('Type', 'Type', PERIOD_TYPES),
      field({ name: 'StartDate', type: 'date', label: 'Start Date', nillable: false }),
      field({ name: 'EndDate', type: 'date', label: 'End Date', nillable: false }),
      field({ name: 'Number', type: 'int', label: 'Number', digits: 9 }),
      field({ name: 'IsForecastPeriod', type: 'boolean', label: 'Is Forecast Period' }),
      picklist('QuarterLabel', 'Quarter Name'),
      picklist('PeriodLabel', 'Period Name'),
      field({
        name: 'FullyQualifiedLabel',
        type: 'string',
        label: 'Fully Qualified Label',
        length: 80
      })
    ],
    [modstamp()]
  );
  draft.add(settings);
  draft.add(period);
  draft.linkChild({
    childObject: PERIOD,
    field: parent,
    relationshipName: 'Periods',
    cascadeDelete: false
  });
}

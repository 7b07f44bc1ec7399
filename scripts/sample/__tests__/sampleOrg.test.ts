import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, type FormulonLiteral } from 'formulon';
import {
  ALLOWED_FORECAST_CATEGORIES,
  COACHING,
  DECISION_MAKER_ROLES,
  GAPS,
  LATE_STAGES,
  QUARTERS,
  REPEATED_PUSH_COUNT,
  SALES_SKILLS,
  SAMPLE_COUNTS,
  SAMPLE_TODAY,
  STAGES,
  STAGE_MIX,
  STALE_AFTER_DAYS,
  type QuarterName,
  type StageName
} from '../constants';
import { generateSampleOrg } from '../sampleOrg';
import { permissionSetsOf, strategyAudienceOf } from '../personas';
import { NOT_YET_ACKNOWLEDGED } from '../strategy';
import { writeSampleOrg } from '../writer';
import { problemWith } from './fieldChecks';
import { loadCustomFields, sharingModelOf, type FieldSpec } from './objectMetadata';
import { loadSampleData, recordsOf, referenceIn, type TreeRecord } from './sampleData';
import { STANDARD_FIELDS } from './standardFields';
import { DEFAULT_SOURCE_DIR } from '../../../apex-runtime/src/metadata/loadProject';
import { readOrgDefinition } from '../../../apex-runtime/src/metadata/orgDefinition';

const ROOT = resolve(__dirname, '..', '..', '..');
const DATA_DIR = join(ROOT, 'data');
const METADATA_DIR = join(ROOT, 'force-app', 'main', 'default');
const OBJECTS_DIR = join(METADATA_DIR, 'objects');
const VALUE_SETS_DIR = join(METADATA_DIR, 'globalValueSets');

const data = loadSampleData(DATA_DIR);
const fieldCache = new Map<string, Map<string, FieldSpec>>();

/** Standard fields from the checked-in list, custom fields from the project's metadata. */
/** The project's org has multiple currencies: records carry CurrencyIsoCode, one of its codes. */
const ORG_CURRENCIES = readOrgDefinition(DEFAULT_SOURCE_DIR).currencies.map((c) => c.isoCode);

function fieldsOf(sObject: string): Map<string, FieldSpec> {
  let fields = fieldCache.get(sObject);
  if (!fields) {
    fields = new Map([
      ...Object.entries(STANDARD_FIELDS[sObject] ?? {}),
      ...loadCustomFields(OBJECTS_DIR, VALUE_SETS_DIR, sObject)
    ]);
    if (ORG_CURRENCIES.length > 0) {
      fields.set('CurrencyIsoCode', { type: 'Picklist', picklistValues: ORG_CURRENCIES });
    }
    fieldCache.set(sObject, fields);
  }
  return fields;
}

const fieldEntries = (record: TreeRecord): Array<[string, unknown]> =>
  Object.entries(record).filter(([field]) => field !== 'attributes');
const ref = (record: TreeRecord): string => record.attributes.referenceId;
const str = (record: TreeRecord, field: string): string | undefined => {
  const value = record[field];
  return typeof value === 'string' ? value : undefined;
};
const num = (record: TreeRecord, field: string): number | undefined => {
  const value = record[field];
  return typeof value === 'number' ? value : undefined;
};
const target = (record: TreeRecord, field: string): TreeRecord | undefined => {
  const id = referenceIn(record[field]);
  return id === undefined ? undefined : data.byReference.get(id);
};
const daysBefore = (later: string, earlier: string): number =>
  Math.round((Date.parse(later) - Date.parse(earlier)) / 86_400_000);
const countWhere = <T>(items: readonly T[], predicate: (item: T) => boolean): number =>
  items.filter(predicate).length;

const opportunities = recordsOf(data, 'Opportunity');
const isClosed = (opp: TreeRecord): boolean =>
  opp.StageName === 'Closed Won' || opp.StageName === 'Closed Lost';
const openDeals = opportunities.filter((opp) => !isClosed(opp));
const stageIndex = (stage: unknown): number => STAGES.findIndex((s) => s.name === stage);

function quarterOf(date: string): QuarterName | undefined {
  return (Object.keys(QUARTERS) as QuarterName[]).find(
    (name) => date >= QUARTERS[name].start && date <= QUARTERS[name].end
  );
}

describe('the sample org tree files', () => {
  it('lists every tree file once in the plan, with at most 200 records of its sObject', () => {
    const listed = data.plan.flatMap((entry) => entry.files);
    const onDisk = readdirSync(join(DATA_DIR, 'tree')).map((file) => `tree/${file}`);
    expect([...listed].sort()).toEqual(onDisk.sort());
    expect(new Set(listed).size).toBe(listed.length);
    for (const entry of data.plan) {
      for (const file of entry.files) {
        const records = data.files.find(([name]) => name === file)?.[1] ?? [];
        expect(records.length).toBeGreaterThan(0);
        expect(records.length).toBeLessThanOrEqual(200);
        expect(records.every((record) => record.attributes.type === entry.sobject)).toBe(true);
      }
    }
  });

  it('names each record <sObject>Ref<n>, the form the importer resolves, uniquely', () => {
    const bad = data.records.filter(
      (record) => !new RegExp(`^${record.attributes.type}Ref\\d+$`).test(ref(record))
    );
    expect(bad.map(ref)).toEqual([]);
    expect(data.byReference.size).toBe(data.records.length);
  });

  it('only references records of earlier files, or of the same object in the same file', () => {
    const fileIndex = new Map<string, number>();
    data.files.forEach(([, records], index) => {
      records.forEach((record) => fileIndex.set(ref(record), index));
    });
    const problems: string[] = [];
    data.files.forEach(([file, records], index) => {
      for (const record of records) {
        for (const [field, value] of fieldEntries(record)) {
          const id = referenceIn(value);
          if (id === undefined) continue;
          const at = fileIndex.get(id);
          const sameObject = data.byReference.get(id)?.attributes.type === record.attributes.type;
          if (at === undefined || at > index || (at === index && !sameObject)) {
            problems.push(`${file} ${ref(record)}.${field} -> ${id}`);
          }
        }
      }
    });
    expect(problems).toEqual([]);
  });

  it('writes only fields that exist on the object, each value fitting its type', () => {
    const problems: string[] = [];
    for (const record of data.records) {
      const fields = fieldsOf(record.attributes.type);
      for (const [field, value] of fieldEntries(record)) {
        const spec = fields.get(field);
        const problem = spec
          ? problemWith(value, spec)
          : `no field ${field} on ${record.attributes.type}`;
        if (problem) problems.push(`${ref(record)}.${field}: ${problem}`);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('sets every required field', () => {
    const problems: string[] = [];
    for (const record of data.records) {
      for (const [field, spec] of fieldsOf(record.attributes.type)) {
        const userLookup = data.userLookups[ref(record)]?.[field];
        if (
          spec.required &&
          spec.writable !== false &&
          record[field] === undefined &&
          !userLookup
        ) {
          problems.push(`${ref(record)}.${field}`);
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('resolves every lookup to a record of a type the field accepts', () => {
    const problems: string[] = [];
    for (const record of data.records) {
      const fields = fieldsOf(record.attributes.type);
      for (const [field, value] of fieldEntries(record)) {
        const spec = fields.get(field);
        if (!spec || (spec.type !== 'Lookup' && spec.type !== 'MasterDetail')) continue;
        const pointed = data.byReference.get(referenceIn(value) ?? '');
        if (!pointed || !(spec.referenceTo ?? []).includes(pointed.attributes.type)) {
          problems.push(`${ref(record)}.${field} -> ${String(value)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives each record a unique SSM external id wherever the object has the field', () => {
    const ids: string[] = [];
    const missing: string[] = [];
    for (const record of data.records) {
      if (!fieldsOf(record.attributes.type).has('SSM_External_Id__c')) continue;
      const id = str(record, 'SSM_External_Id__c');
      if (id) ids.push(id);
      else missing.push(ref(record));
    }
    expect(missing).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps User lookups in the owners file, on User lookup fields, pointing at sample users', () => {
    const userKeys = new Set(data.users.map((user) => user.key));
    const problems: string[] = [];
    for (const [referenceId, lookups] of Object.entries(data.userLookups)) {
      const record = data.byReference.get(referenceId);
      for (const [field, key] of Object.entries(lookups)) {
        const spec = record ? fieldsOf(record.attributes.type).get(field) : undefined;
        if (!spec?.referenceTo?.includes('User') || !userKeys.has(key)) {
          problems.push(`${referenceId}.${field} = ${key}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives an owner to every record that has an OwnerId, and to no other', () => {
    const userKeys = new Set(data.users.map((user) => user.key));
    const hasOwner = (sObject: string): boolean =>
      sObject.endsWith('__c')
        ? sharingModelOf(OBJECTS_DIR, sObject) !== 'ControlledByParent'
        : sObject !== 'OpportunityContactRole';
    const problems = data.records
      .filter((record) => {
        const owner = data.owners[ref(record)];
        return hasOwner(record.attributes.type) ? !userKeys.has(owner) : owner !== undefined;
      })
      .map(ref);
    expect(problems).toEqual([]);
  });

  it('has the documented number of records per object', () => {
    const expected: Record<string, number> = {
      Customer_Segment__c: SAMPLE_COUNTS.segments,
      Account: SAMPLE_COUNTS.accounts,
      Opportunity: SAMPLE_COUNTS.opportunities,
      Coaching_Session__c: SAMPLE_COUNTS.coachingSessions,
      Sales_Target__c: SAMPLE_COUNTS.salesTargets,
      Skill_Assessment__c: SAMPLE_COUNTS.skillAssessments,
      Development_Program__c: SAMPLE_COUNTS.developmentPrograms,
      Program_Enrollment__c: SAMPLE_COUNTS.programEnrollments,
      Strategy_Version__c: SAMPLE_COUNTS.strategyVersions,
      Strategy_Acknowledgement__c: SAMPLE_COUNTS.strategyAcknowledgements,
      Account_Plan__c: SAMPLE_COUNTS.accountPlans,
      Account_Plan_Objective__c: SAMPLE_COUNTS.accountPlans * SAMPLE_COUNTS.objectivesPerPlan,
      Improvement_Idea__c: SAMPLE_COUNTS.improvementIdeas,
      Idea_Vote__c: SAMPLE_COUNTS.ideaVotes,
      Compensation_Plan__c: SAMPLE_COUNTS.compensationPlans,
      Compensation_Component__c: SAMPLE_COUNTS.compensationComponents
    };
    const actual = Object.fromEntries(
      Object.keys(expected).map((sObject) => [sObject, recordsOf(data, sObject).length])
    );
    expect(actual).toEqual(expected);
    expect(recordsOf(data, 'Event').length + recordsOf(data, 'Task').length).toBe(
      SAMPLE_COUNTS.activities
    );
  });
});

describe('the sample users', () => {
  it('are a director, two managers reporting to the director, eight sellers with managers and a CMO', () => {
    const byRole = (role: string) => data.users.filter((user) => user.role === role);
    expect(data.users).toHaveLength(SAMPLE_COUNTS.users);
    expect(byRole('director')).toHaveLength(1);
    expect(byRole('leadership')).toHaveLength(SAMPLE_COUNTS.leadership);
    expect(byRole('leadership').every((user) => user.managerKey === undefined)).toBe(true);
    expect(byRole('manager').map((user) => user.managerKey)).toEqual(['director', 'director']);
    const managerKeys = byRole('manager').map((user) => user.key);
    expect(byRole('seller')).toHaveLength(SAMPLE_COUNTS.sellers);
    expect(byRole('seller').every((user) => managerKeys.includes(user.managerKey ?? ''))).toBe(
      true
    );
    expect(new Set(data.users.map((user) => user.emailLocalPart)).size).toBe(data.users.length);
  });

  it('are assigned permission set groups that exist in the project, and through them only', () => {
    const missing = data.users
      .flatMap((user) => user.permissionSetGroups)
      .filter(
        (name) =>
          !existsSync(
            join(METADATA_DIR, 'permissionsetgroups', `${name}.permissionsetgroup-meta.xml`)
          )
      );
    expect(missing).toEqual([]);
    expect(data.users.filter((user) => 'permissionSets' in user)).toEqual([]);
  });

  it('hold the personas of their role: the director manages, leads and administers the sample', () => {
    const personas = Object.fromEntries(
      data.users.map((user) => [user.key, user.permissionSetGroups.join(' + ')])
    );
    expect(personas).toEqual({
      director: 'Sales_Manager + Sales_Leadership + Sales_Strategy_Admin',
      manager1: 'Sales_Manager',
      manager2: 'Sales_Manager',
      ...Object.fromEntries(
        Array.from({ length: SAMPLE_COUNTS.sellers }, (_, i) => [`seller${i + 1}`, 'Sales_Seller'])
      ),
      cmo: 'Sales_Leadership'
    });
    const holders = (set: string) =>
      data.users.filter((user) => permissionSetsOf(user).includes(set)).map((user) => user.key);
    expect(holders('SSM_Admin')).toEqual(['director']);
    expect(holders('SSM_Leadership')).toEqual(['director', 'cmo']);
    expect(strategyAudienceOf(data.users).map((user) => user.key)).not.toContain('cmo');
  });

  it('give the CMO, a Danish leader, no record, lookup or activity of the sample', () => {
    const cmo = data.users.find((user) => user.key === 'cmo');
    expect(cmo).toMatchObject({
      firstName: 'Anne',
      lastName: 'Krogh',
      title: 'Chief Marketing Officer',
      role: 'leadership',
      language: 'da',
      locale: 'da_DK'
    });
    expect(Object.values(data.owners)).not.toContain('cmo');
    expect(
      Object.values(data.userLookups).flatMap((lookup) => Object.values(lookup))
    ).not.toContain('cmo');
  });
});

describe('the sample opportunities', () => {
  it('follow the documented stage mix per quarter of close date', () => {
    const actual: Record<string, Record<string, number>> = {};
    for (const opp of opportunities) {
      const stage = String(opp.StageName);
      const quarter = quarterOf(String(opp.CloseDate)) ?? 'outside';
      actual[stage] = { ...(actual[stage] ?? {}), [quarter]: (actual[stage]?.[quarter] ?? 0) + 1 };
    }
    const expected = Object.fromEntries(
      Object.entries(STAGE_MIX).map(([stage, quarters]) => [
        stage,
        Object.fromEntries(Object.entries(quarters).filter(([, count]) => count > 0))
      ])
    );
    expect(actual).toEqual(expected);
  });

  it('carry the default probability of their stage', () => {
    const wrong = opportunities.filter(
      (opp) => opp.Probability !== STAGES[stageIndex(opp.StageName)].probability
    );
    expect(wrong.map(ref)).toEqual([]);
  });

  it('use a forecast category allowed for the stage, except the Commit-ahead-of-stage gaps', () => {
    const off = opportunities.filter(
      (opp) =>
        !ALLOWED_FORECAST_CATEGORIES[opp.StageName as StageName].includes(
          String(opp.ForecastCategoryName)
        )
    );
    expect(off).toHaveLength(GAPS.opportunity.forecastAheadOfStage);
    for (const opp of off) {
      expect(opp.ForecastCategoryName).toBe('Commit');
      expect(stageIndex(opp.StageName)).toBeLessThan(stageIndex('Proposal/Price Quote'));
    }
  });

  it('have exactly the documented data-quality gaps among open deals', () => {
    const roleCount = new Map<string, string[]>();
    for (const role of recordsOf(data, 'OpportunityContactRole')) {
      const id = referenceIn(role.OpportunityId) ?? '';
      roleCount.set(id, [...(roleCount.get(id) ?? []), String(role.Role)]);
    }
    const actual = {
      missingNextStep: countWhere(openDeals, (opp) => !str(opp, 'NextStep')),
      pastCloseDate: countWhere(openDeals, (opp) => String(opp.CloseDate) < SAMPLE_TODAY),
      pastCloseDateInQ4: countWhere(
        openDeals,
        (opp) =>
          String(opp.CloseDate) < SAMPLE_TODAY && quarterOf(String(opp.CloseDate)) === '2026-Q4'
      ),
      noDecisionMakerLateStage: countWhere(
        openDeals,
        (opp) =>
          LATE_STAGES.includes(opp.StageName as StageName) &&
          !(roleCount.get(ref(opp)) ?? []).some((role) => DECISION_MAKER_ROLES.includes(role))
      ),
      staleInStage: countWhere(
        openDeals,
        (opp) => daysBefore(SAMPLE_TODAY, String(opp.Stage_Entered_On__c)) > STALE_AFTER_DAYS
      ),
      repeatedlyPushed: countWhere(
        openDeals,
        (opp) => (num(opp, 'Close_Date_Push_Count__c') ?? 0) >= REPEATED_PUSH_COUNT
      ),
      forecastAheadOfStage: countWhere(
        openDeals,
        (opp) =>
          opp.ForecastCategoryName === 'Commit' &&
          stageIndex(opp.StageName) < stageIndex('Proposal/Price Quote')
      ),
      missingAmount: countWhere(openDeals, (opp) => opp.Amount === undefined)
    };
    expect(actual).toEqual(GAPS.opportunity);
  });

  it('end their recorded history at their current stage, amount, close date and category', () => {
    const byRef = new Map(data.history.map((entry) => [entry.referenceId, entry]));
    expect(byRef.size).toBe(opportunities.length);
    const problems: string[] = [];
    for (const opp of opportunities) {
      const entry = byRef.get(ref(opp));
      const last = entry?.snapshots[entry.snapshots.length - 1];
      const current = [opp.StageName, opp.Amount ?? null, opp.CloseDate, opp.ForecastCategoryName];
      if (
        !last ||
        JSON.stringify([last.stageName, last.amount, last.closeDate, last.forecastCategory]) !==
          JSON.stringify(current)
      ) {
        problems.push(ref(opp));
      }
    }
    expect(problems).toEqual([]);
  });

  it('record one history row per change, in time order, from the creation day in the facts file to today', () => {
    const problems: string[] = [];
    for (const entry of data.history) {
      const times = entry.snapshots.map((snapshot) => snapshot.createdDate);
      const sorted = [...times].sort();
      if (
        JSON.stringify(times) !== JSON.stringify(sorted) ||
        times[0] !== entry.createdDate ||
        data.createdDates[entry.referenceId] !== entry.createdDate ||
        times[times.length - 1].slice(0, 10) > SAMPLE_TODAY ||
        entry.snapshots.some(
          (s) => s.probability !== STAGES[stageIndex(s.stageName)].probability
        ) ||
        entry.snapshots.some(
          (s, i) =>
            i > 0 &&
            JSON.stringify({ ...s, createdDate: '' }) ===
              JSON.stringify({ ...entry.snapshots[i - 1], createdDate: '' })
        )
      ) {
        problems.push(entry.referenceId);
      }
    }
    expect(problems).toEqual([]);
  });

  it('hold fact fields that agree with the field history a real org would have recorded', () => {
    const problems: string[] = [];
    for (const entry of data.history) {
      const opp = data.byReference.get(entry.referenceId);
      if (!opp) {
        problems.push(`${entry.referenceId} has history but no record`);
        continue;
      }
      const changes = (field: string) => entry.fieldChanges.filter((c) => c.field === field);
      const lastAmountChange = changes('Amount').at(-1);
      const lastStageChange = changes('StageName').at(-1);
      const expected = {
        Close_Date_Push_Count__c: changes('CloseDate').filter(
          (c) => String(c.newValue) > String(c.oldValue)
        ).length,
        Original_Close_Date__c: entry.snapshots[0].closeDate,
        Stage_Entered_On__c: (lastStageChange?.createdDate ?? entry.createdDate).slice(0, 10),
        Previous_Amount__c: lastAmountChange?.oldValue ?? undefined,
        Amount_Changed_On__c: lastAmountChange?.createdDate.slice(0, 10)
      };
      const actual = {
        Close_Date_Push_Count__c: opp.Close_Date_Push_Count__c,
        Original_Close_Date__c: opp.Original_Close_Date__c,
        Stage_Entered_On__c: opp.Stage_Entered_On__c,
        Previous_Amount__c: opp.Previous_Amount__c,
        Amount_Changed_On__c: opp.Amount_Changed_On__c
      };
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        problems.push(
          `${entry.referenceId}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`
        );
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('count their contact roles and know whether a decision maker is among them', () => {
    const roles = recordsOf(data, 'OpportunityContactRole');
    const problems = opportunities
      .filter((opp) => {
        const mine = roles.filter((role) => referenceIn(role.OpportunityId) === ref(opp));
        return (
          opp.Contact_Role_Count__c !== mine.length ||
          opp.Decision_Maker_Identified__c !==
            mine.some((role) => DECISION_MAKER_ROLES.includes(String(role.Role)))
        );
      })
      .map(ref);
    expect(problems).toEqual([]);
  });

  it('have contact roles only with contacts of the deal account, each contact once', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const role of recordsOf(data, 'OpportunityContactRole')) {
      const opp = target(role, 'OpportunityId');
      const contact = target(role, 'ContactId');
      const key = `${String(role.OpportunityId)}|${String(role.ContactId)}`;
      if (!opp || !contact || contact.AccountId !== opp.AccountId || seen.has(key)) {
        problems.push(ref(role));
      }
      seen.add(key);
    }
    expect(problems).toEqual([]);
  });

  it('have log-normal amounts in steps of 500 DKK, or 100 in a foreign currency, with a median of a mid-market deal', () => {
    const foreign = opportunities.filter((opp) => str(opp, 'CurrencyIsoCode') !== undefined);
    expect(new Set(foreign.map((opp) => str(opp, 'CurrencyIsoCode')))).toEqual(
      new Set(['EUR', 'SEK', 'NOK'])
    );
    expect(
      foreign.every((opp) => num(opp, 'Amount') === undefined || num(opp, 'Amount')! % 100 === 0)
    ).toBe(true);
    // In DKK, the currency the amounts are planned in.
    const amounts = opportunities
      .filter((opp) => str(opp, 'CurrencyIsoCode') === undefined)
      .map((opp) => num(opp, 'Amount'))
      .filter((amount): amount is number => amount !== undefined)
      .sort((a, b) => a - b);
    const median = amounts[Math.floor(amounts.length / 2)];
    expect(median).toBeGreaterThan(25_000);
    expect(median).toBeLessThan(90_000);
    expect(amounts[0]).toBeGreaterThanOrEqual(1_500);
    expect(amounts[amounts.length - 1]).toBeLessThan(2_000_000);
    expect(amounts.every((amount) => amount % 500 === 0)).toBe(true);
    // Log-normal: the mean sits well above the median.
    const mean = amounts.reduce((sum, amount) => sum + amount, 0) / amounts.length;
    expect(mean / median).toBeGreaterThan(1.2);
  });

  it('were created before they closed and within 2026', () => {
    const wrong = opportunities.filter((opp) => {
      const created = data.createdDates[ref(opp)]?.slice(0, 10) ?? '';
      return created < '2026-01-01' || (isClosed(opp) && created >= String(opp.CloseDate));
    });
    expect(wrong.map(ref)).toEqual([]);
  });
});

describe('the sample accounts and segments', () => {
  const accounts = recordsOf(data, 'Account');
  const segments = recordsOf(data, 'Customer_Segment__c').sort(
    (a, b) => (num(a, 'Priority__c') ?? 0) - (num(b, 'Priority__c') ?? 0)
  );

  it('are in the first segment, by priority, whose criteria formula is TRUE for them', () => {
    const number = (value: unknown): FormulonLiteral =>
      typeof value === 'number'
        ? { type: 'literal', dataType: 'number', value, options: { length: 18, scale: 0 } }
        : { type: 'literal', dataType: 'null', value: null };
    const picklist = (value: unknown): FormulonLiteral => ({
      type: 'literal',
      dataType: 'picklist',
      value: String(value ?? ''),
      options: { values: STANDARD_FIELDS.Account.Type.picklistValues }
    });
    const problems: string[] = [];
    for (const account of accounts) {
      const inputs = {
        AnnualRevenue: number(account.AnnualRevenue),
        Customer_Lifetime_Value__c: number(account.Customer_Lifetime_Value__c),
        Market_Potential__c: number(account.Market_Potential__c),
        Type: picklist(account.Type)
      };
      const first = segments.find((segment) => {
        const result = parse(String(segment.Criteria_Formula__c), inputs);
        if (result.type === 'error') throw new Error(result.message);
        return result.value === true;
      });
      // An account no criteria match stays unsegmented.
      if (account.Customer_Segment__c !== (first ? `@${ref(first)}` : undefined)) {
        problems.push(ref(account));
      }
    }
    expect(problems).toEqual([]);
  });

  it('have segments with distinct priorities whose target revenue shares add up to 100', () => {
    expect(new Set(segments.map((s) => s.Priority__c)).size).toBe(SAMPLE_COUNTS.segments);
    expect(segments.reduce((sum, s) => sum + (num(s, 'Target_Revenue_Share__c') ?? 0), 0)).toBe(
      100
    );
  });

  it('have exactly the documented data-quality gaps', () => {
    expect({
      missingIndustry: countWhere(accounts, (a) => !a.Industry),
      missingWebsite: countWhere(accounts, (a) => !a.Website),
      missingBillingCountry: countWhere(accounts, (a) => !a.BillingCountry),
      missingMarketPotential: countWhere(accounts, (a) => a.Market_Potential__c === undefined),
      unsegmented: countWhere(accounts, (a) => !a.Customer_Segment__c)
    }).toEqual(GAPS.account);
  });
});

describe('the sample activities', () => {
  const events = recordsOf(data, 'Event');
  const tasks = recordsOf(data, 'Task');
  const dayOf = (activity: TreeRecord): string =>
    String(activity.StartDateTime ?? activity.ActivityDate).slice(0, 10);

  it('split into the documented meetings, calls and internal activities', () => {
    const customerEvents = events.filter((event) => event.Internal__c === false);
    expect({
      customerMeetingsPast: countWhere(customerEvents, (e) => dayOf(e) <= SAMPLE_TODAY),
      customerMeetingsPlanned: countWhere(customerEvents, (e) => dayOf(e) > SAMPLE_TODAY),
      internalMeetings: countWhere(events, (e) => e.Internal__c === true),
      customerCallsPast: countWhere(
        tasks,
        (t) => t.TaskSubtype === 'Call' && t.Status === 'Completed' && t.Internal__c === false
      ),
      internalTasks: countWhere(tasks, (t) => t.Internal__c === true),
      followUpTasksOpen: countWhere(tasks, (t) => t.Status === 'Not Started')
    }).toEqual({
      customerMeetingsPast: SAMPLE_COUNTS.customerMeetingsPast,
      customerMeetingsPlanned: SAMPLE_COUNTS.customerMeetingsPlanned,
      internalMeetings: SAMPLE_COUNTS.internalMeetings,
      customerCallsPast: SAMPLE_COUNTS.customerCallsPast,
      internalTasks: SAMPLE_COUNTS.internalTasks,
      followUpTasksOpen: SAMPLE_COUNTS.followUpTasksOpen
    });
  });

  it('point customer activities at a record of their owner and internal ones at nothing', () => {
    const problems = [...events, ...tasks]
      .filter((activity) => {
        if (activity.Internal__c === true) {
          return activity.WhatId !== undefined || activity.WhoId !== undefined;
        }
        const what = target(activity, 'WhatId');
        return !what || data.owners[ref(what)] !== data.owners[ref(activity)];
      })
      .map(ref);
    expect(problems).toEqual([]);
  });

  it('happen on a weekday while the opportunity they concern was open or closing', () => {
    const problems = [...events, ...tasks]
      .filter((activity) => {
        const day = dayOf(activity);
        const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay();
        const what = target(activity, 'WhatId');
        if (weekday === 0 || weekday === 6) return true;
        if (what?.attributes.type !== 'Opportunity') return false;
        const created = data.createdDates[ref(what)].slice(0, 10);
        return day < created || (isClosed(what) && day > String(what.CloseDate));
      })
      .map(ref);
    expect(problems).toEqual([]);
  });

  it('give meetings a duration that matches their start and end', () => {
    const wrong = events.filter(
      (event) =>
        (Date.parse(String(event.EndDateTime)) - Date.parse(String(event.StartDateTime))) /
          60_000 !==
        event.DurationInMinutes
    );
    expect(wrong.map(ref)).toEqual([]);
  });
});

describe('the sample coaching, targets and skills', () => {
  const managerOf = new Map(data.users.map((user) => [user.key, user.managerKey]));
  const sellers = data.users.filter((user) => user.role === 'seller').map((user) => user.key);
  const lookups = (record: TreeRecord) => data.userLookups[ref(record)] ?? {};

  it('have coaching sessions by each seller’s own manager, as many per coach as documented', () => {
    const sessions = recordsOf(data, 'Coaching_Session__c');
    const perCoach: Record<string, number> = {};
    for (const session of sessions) {
      const { Seller__c: seller, Coach__c: coach } = lookups(session);
      expect(managerOf.get(seller)).toBe(coach);
      perCoach[coach] = (perCoach[coach] ?? 0) + 1;
    }
    expect(perCoach).toEqual(COACHING.sessionsByCoach);
    expect(countWhere(sessions, (s) => s.Usefulness_Rating__c === undefined)).toBe(
      COACHING.unrated
    );
  });

  it('leave exactly the documented seller without a coaching session in the last 30 days', () => {
    const recent = new Set(
      recordsOf(data, 'Coaching_Session__c')
        .filter((s) => daysBefore(SAMPLE_TODAY, String(s.Session_Date__c)) < 30)
        .map((s) => lookups(s).Seller__c)
    );
    expect(sellers.filter((seller) => !recent.has(seller))).toEqual([COACHING.uncoachedRecently]);
  });

  it('complete follow-ups only once their date has passed', () => {
    const early = recordsOf(data, 'Coaching_Session__c').filter(
      (s) => s.Follow_Up_Completed__c === true && String(s.Follow_Up_Date__c) >= SAMPLE_TODAY
    );
    expect(early.map(ref)).toEqual([]);
  });

  it('have one sales target per seller and quarter, spanning the quarter', () => {
    const keys = recordsOf(data, 'Sales_Target__c').map((t) => {
      const quarter = quarterOf(String(t.Period_Start__c));
      expect(quarter && QUARTERS[quarter].end).toBe(t.Period_End__c);
      return `${lookups(t).Seller__c} ${quarter}`;
    });
    expect(new Set(keys).size).toBe(sellers.length * Object.keys(QUARTERS).length);
  });

  it('assess every seller on every skill in both rounds', () => {
    const keys = new Set(
      recordsOf(data, 'Skill_Assessment__c').map(
        (a) => `${lookups(a).Seller__c} ${String(a.Skill__c)} ${String(a.Assessment_Date__c)}`
      )
    );
    expect(keys.size).toBe(sellers.length * SALES_SKILLS.length * 2);
  });

  it('enrol a seller once per programme, in a programme for a skill the seller lacks', () => {
    const latestGap = new Set(
      recordsOf(data, 'Skill_Assessment__c')
        .filter((a) => a.Assessment_Date__c === '2026-09-14')
        .filter((a) => (num(a, 'Score__c') ?? 0) < (num(a, 'Target_Score__c') ?? 0))
        .map((a) => `${lookups(a).Seller__c} ${String(a.Skill__c)}`)
    );
    const enrolments = recordsOf(data, 'Program_Enrollment__c');
    const pairs = enrolments.map(
      (e) => `${String(e.Development_Program__c)} ${lookups(e).Seller__c}`
    );
    expect(new Set(pairs).size).toBe(enrolments.length);
    for (const enrolment of enrolments) {
      const program = target(enrolment, 'Development_Program__c');
      expect(latestGap.has(`${lookups(enrolment).Seller__c} ${String(program?.Skill__c)}`)).toBe(
        true
      );
    }
    const completedWrongly = enrolments.filter(
      (e) =>
        (e.Status__c === 'Completed') !== (e.Completed_On__c !== undefined) ||
        (e.Completed_On__c !== undefined && String(e.Completed_On__c) < String(e.Enrolled_On__c))
    );
    expect(completedWrongly.map(ref)).toEqual([]);
  });
});

describe('the sample strategy, plans, ideas and compensation', () => {
  const lookups = (record: TreeRecord) => data.userLookups[ref(record)] ?? {};

  it('has a published version that supersedes the previous one', () => {
    const versions = recordsOf(data, 'Strategy_Version__c');
    const published = versions.filter((v) => v.Status__c === 'Published');
    const superseded = versions.filter((v) => v.Status__c === 'Superseded');
    expect(published).toHaveLength(1);
    expect(superseded).toHaveLength(1);
    expect(published[0].Previous_Version__c).toBe(`@${ref(superseded[0])}`);
    for (const field of ['Governance_Model__c', 'Segmentation__c', 'What_Changed__c']) {
      expect(String(published[0][field])).toMatch(/<p>.+<\/p>/);
    }
  });

  it('is acknowledged once per user and version, with the documented users still to read it', () => {
    const acks = recordsOf(data, 'Strategy_Acknowledgement__c');
    const pairs = acks.map((a) => `${String(a.Strategy_Version__c)} ${lookups(a).User__c}`);
    expect(new Set(pairs).size).toBe(acks.length);
    const published = recordsOf(data, 'Strategy_Version__c').find(
      (v) => v.Status__c === 'Published'
    );
    const readers = new Set(
      acks
        .filter((a) => a.Strategy_Version__c === `@${ref(published ?? acks[0])}`)
        .map((a) => lookups(a).User__c)
    );
    const notYet = strategyAudienceOf(data.users).filter(
      (u) => u.key !== 'director' && !readers.has(u.key)
    );
    expect(notYet.map((u) => u.key)).toEqual([...NOT_YET_ACKNOWLEDGED]);
  });

  it('has account plans with exactly the documented gaps among active plans', () => {
    const active = recordsOf(data, 'Account_Plan__c').filter((p) => p.Status__c === 'Active');
    expect({
      missingBusinessGoals: countWhere(active, (p) => !p.Business_Goals__c),
      missingWhitespace: countWhere(active, (p) => !p.Whitespace__c),
      overdueReview: countWhere(active, (p) => String(p.Next_Review_Date__c) < SAMPLE_TODAY),
      missingChallenges: countWhere(active, (p) => !p.Challenges__c),
      missingBuyingProcess: countWhere(active, (p) => !p.Buying_Process__c),
      singleStakeholder: countWhere(
        active,
        (p) =>
          recordsOf(data, 'Account_Plan_Stakeholder__c').filter(
            (s) => s.Account_Plan__c === `@${ref(p)}`
          ).length === 1
      )
    }).toEqual(GAPS.accountPlan);
  });

  it('names stakeholders among the contacts of the planned account', () => {
    const wrong = recordsOf(data, 'Account_Plan_Stakeholder__c').filter((s) => {
      const plan = target(s, 'Account_Plan__c');
      return target(s, 'Contact__c')?.AccountId !== plan?.Account__c;
    });
    expect(wrong.map(ref)).toEqual([]);
  });

  it('has one vote per user and idea, never by the idea’s author', () => {
    const votes = recordsOf(data, 'Idea_Vote__c');
    const pairs = votes.map((v) => `${String(v.Improvement_Idea__c)} ${lookups(v).Voter__c}`);
    expect(new Set(pairs).size).toBe(votes.length);
    const byAuthor = votes.filter(
      (v) => data.owners[referenceIn(v.Improvement_Idea__c) ?? ''] === lookups(v).Voter__c
    );
    expect(byAuthor.map(ref)).toEqual([]);
  });

  it('has an active compensation plan whose component weights add up to 100', () => {
    const plans = recordsOf(data, 'Compensation_Plan__c');
    expect(plans.filter((p) => p.Active__c === true)).toHaveLength(1);
    const total = recordsOf(data, 'Compensation_Component__c')
      .filter((c) => c.Compensation_Plan__c === `@${ref(plans[0])}`)
      .reduce((sum, c) => sum + (num(c, 'Weight__c') ?? 0), 0);
    expect(total).toBe(100);
  });
});

describe('the sample generator', () => {
  const generateInto = async (): Promise<string> => {
    const dir = mkdtempSync(join(tmpdir(), 'ssm-sample-'));
    await writeSampleOrg(generateSampleOrg(), dir);
    return dir;
  };
  const filesUnder = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
      .sort();

  it('writes byte-identical files when run twice, and those are the committed data/', async () => {
    const first = await generateInto();
    const second = await generateInto();
    try {
      const names = filesUnder(first);
      expect(filesUnder(second)).toEqual(names);
      const committed = filesUnder(DATA_DIR).filter((name) => !name.includes('__tests__'));
      expect(committed).toEqual(names);
      for (const name of names) {
        const content = readFileSync(join(first, name));
        expect(readFileSync(join(second, name)).equals(content)).toBe(true);
        expect(readFileSync(join(DATA_DIR, name)).equals(content)).toBe(true);
      }
    } finally {
      rmSync(first, { recursive: true, force: true });
      rmSync(second, { recursive: true, force: true });
    }
  });

  it('gives a different org for a different seed', () => {
    const a = generateSampleOrg(1).recordsByObject.find(([name]) => name === 'Opportunity');
    const b = generateSampleOrg(2).recordsByObject.find(([name]) => name === 'Opportunity');
    expect(JSON.stringify(a)).not.toEqual(JSON.stringify(b));
  });
});

/**
 * `ssm audit` evaluates the shipped rules with the offline rule engine (scripts/rules/guidanceEngine) for speed; the org evaluates them
 * with the Apex RuleEngine. Over every guided record of the sample org, on the sample's day and on
 * a later day (`--today`), both must find the same score, flagged rules and coaching prompts:
 * the Apex runs in the offline Apex runtime, both as RuleEngine's live verdict (what the nightly
 * batch stores and the record page shows) and as what the triggers store on save. The rules' texts
 * name custom labels (`$Label.X`): both must show the same texts, resolved in the running user's
 * language, in English and in Danish.
 */
import {
  compileRuleSet,
  GUIDED_OBJECTS,
  storedGuidanceFields,
  type RecordGuidance,
  type SalesRuleDefinition
} from '../../rules/guidanceEngine/guidanceEngine';
import type { ApexOrg } from '../../../apex-runtime/src/platform/orgs';
import { ApexDecimal } from '../../../apex-runtime/src/values/decimal';
import { buildSchemas } from '../../formula/schemaBuilder';
import { readComputedFields } from '../../org/computedFields';
import { DEFAULT_OBJECTS_DIR, loadEmbeddedOrg } from '../../org/embeddedOrg';
import { loadSalesRules } from '../../rules/ruleMetadata';
import { DEFAULT_RULE_TEXT_LANGUAGE, labelNameOf, ruleTextsIn } from '../../rules/ruleTexts';
import { AUDIT_OBJECTS, type AuditObject } from '../audit';
import { sampleAuditRecords } from '../auditSources';
import {
  apexGuidance,
  sampleOrgOn,
  type ApexGuidance,
  type LiveVerdict,
  type RuleOutcomeJson
} from './apexGuidance';

// Parsing the package's Apex and loading the sample org, then the Apex over ~600 records on each
// day: about 13 s of CPU; the whole file takes about 20 s on a two-core machine.
const SETUP_TIMEOUT_MS = 120_000;

const embedded = loadEmbeddedOrg();
const schemas = buildSchemas({ objectsDir: DEFAULT_OBJECTS_DIR });
const formulaFields = readComputedFields(DEFAULT_OBJECTS_DIR).formulas;
const shippedRules = loadSalesRules();

function daysAfter(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The sample's day (the audit's default) and a day in the next month, given with `--today`. */
const DAYS = [embedded.today, daysAfter(embedded.today, 31)];

/**
 * A fork of the sample org on `day` whose administrator, the user the probe runs as, reads the org
 * in `language`, so that the rules' texts are compared in a known language whoever the sample's
 * administrator is.
 */
function sampleOrgIn(day: string, language: string): ApexOrg {
  const org = sampleOrgOn(day);
  org.database.update(org.adminUserId, { LanguageLocaleKey: language });
  return org;
}

const apexRuns = new Map<string, Map<string, ApexGuidance>>();

/** The Apex's verdicts on every guided record on `day`, computed once per day. */
function apexOn(day: string): Map<string, ApexGuidance> {
  let results = apexRuns.get(day);
  if (!results) {
    results = apexGuidance(sampleOrgIn(day, DEFAULT_RULE_TEXT_LANGUAGE), GUIDED_OBJECTS);
    apexRuns.set(day, results);
  }
  return results;
}

function guidedObject(objectName: string): AuditObject {
  const auditObject = AUDIT_OBJECTS.find((name) => name === objectName);
  if (!auditObject) throw new Error(`ssm audit cannot audit the guided object ${objectName}`);
  return auditObject;
}

/** The verdicts `ssm audit --sample --today <day>` reaches, by record Id, texts in `language`. */
function cliGuidance(
  objectName: string,
  day: string,
  rules: readonly SalesRuleDefinition[] = shippedRules,
  language?: string
): Map<string, RecordGuidance> {
  const schema = schemas[objectName];
  const ruleSet = compileRuleSet(rules, schema, ruleTextsIn(language));
  const inputs = { objectName: guidedObject(objectName), schema, formulaFields, today: day };
  const verdicts = new Map<string, RecordGuidance>();
  for (const record of sampleAuditRecords(embedded, inputs)) {
    verdicts.set(String(record.Id), ruleSet.evaluate(record, { today: day }));
  }
  return verdicts;
}

function listDifference(what: string, apex: readonly string[], cli: readonly string[]): string[] {
  if (apex.join('\n') === cli.join('\n')) return [];
  const onlyApex = apex.filter((name) => !cli.includes(name));
  const onlyCli = cli.filter((name) => !apex.includes(name));
  if (onlyApex.length === 0 && onlyCli.length === 0) {
    return [`${what} in another order: Apex ${apex.join(', ')}; guidanceEngine ${cli.join(', ')}`];
  }
  return [
    `${what} only by Apex: ${onlyApex.join(', ') || '-'}; only by guidanceEngine: ${
      onlyCli.join(', ') || '-'
    }`
  ];
}

const namesOf = (outcomes: readonly { ruleName: string }[]) =>
  outcomes.map((outcome) => outcome.ruleName);

/** One line per record whose verdicts differ, naming the object, the record and what differs. */
function liveDifferences(
  objectName: string,
  apex: ReadonlyMap<string, LiveVerdict>,
  cli: ReadonlyMap<string, RecordGuidance>
): string[] {
  const problems: string[] = [];
  for (const id of new Set([...apex.keys(), ...cli.keys()])) {
    const byApex = apex.get(id);
    const byCli = cli.get(id);
    if (!byApex || !byCli) {
      problems.push(`${objectName} ${id}: evaluated by ${byApex ? 'Apex' : 'guidanceEngine'} only`);
      continue;
    }
    const differences = [
      ...(byApex.score === byCli.score
        ? []
        : [`score Apex ${byApex.score}, guidanceEngine ${byCli.score}`]),
      ...listDifference('flagged', byApex.flagged, namesOf(byCli.flagged)),
      ...listDifference('prompts', byApex.prompts, namesOf(byCli.prompts)),
      ...listDifference(
        'broken',
        byApex.broken,
        byCli.broken.map((broken) => `${broken.ruleName}: ${broken.reason}`)
      )
    ];
    if (differences.length > 0) problems.push(`${objectName} ${id}: ${differences.join('; ')}`);
  }
  return problems;
}

/** What the triggers stored against what storedGuidanceFields stores for the offline verdict. */
function storedDifferences(
  objectName: string,
  apex: ReadonlyMap<string, Record<string, unknown>>,
  cli: ReadonlyMap<string, RecordGuidance>
): string[] {
  const problems: string[] = [];
  for (const id of new Set([...apex.keys(), ...cli.keys()])) {
    const stored = apex.get(id);
    const verdict = cli.get(id);
    if (!stored || !verdict) {
      problems.push(`${objectName} ${id}: stored by ${stored ? 'Apex' : 'guidanceEngine'} only`);
      continue;
    }
    const expected = storedGuidanceFields(objectName, verdict, '');
    delete expected.Data_Quality_Evaluated_At__c;
    const differences = Object.entries(expected)
      .filter(([field, value]) => (stored[field] ?? null) !== value)
      .map(
        ([field, value]) =>
          `${field} Apex ${JSON.stringify(stored[field] ?? null)}, guidanceEngine ${JSON.stringify(value)}`
      );
    if (differences.length > 0) problems.push(`${objectName} ${id}: ${differences.join('; ')}`);
  }
  return problems;
}

/** The active rules as guidanceEngine hands them to the UI, texts resolved in `language`. */
function offlineOutcomes(objectName: string, language?: string): RuleOutcomeJson[] {
  return [...compileRuleSet(shippedRules, schemas[objectName], ruleTextsIn(language)).outcomes];
}

/**
 * The shipped texts that are blank or still a label reference, so that equal outcomes cannot mean
 * that both sides passed the references through unresolved.
 */
function unresolvedTexts(outcomes: readonly RuleOutcomeJson[]): string[] {
  return outcomes.flatMap((outcome) =>
    [
      outcome.message,
      outcome.whyItMatters,
      ...(outcome.kind === 'Coaching Prompt' ? [outcome.coachingQuestion] : [])
    ]
      .filter((text) => !text || labelNameOf(text) !== null)
      .map((text) => `${outcome.ruleName}: ${String(text)}`)
  );
}

it('audits every object that has guidance', () => {
  expect([...AUDIT_OBJECTS]).toEqual([...GUIDED_OBJECTS]);
});

describe.each(DAYS)('on %s', (day) => {
  let apex = new Map<string, ApexGuidance>();
  const cli = new Map<string, Map<string, RecordGuidance>>();

  beforeAll(() => {
    apex = apexOn(day);
    for (const objectName of GUIDED_OBJECTS) cli.set(objectName, cliGuidance(objectName, day));
  }, SETUP_TIMEOUT_MS);

  describe.each(GUIDED_OBJECTS)('%s', (objectName) => {
    it('evaluates every sample record on both sides', () => {
      const apexIds = [...(apex.get(objectName)?.live.keys() ?? [])].sort();
      const cliIds = [...(cli.get(objectName)?.keys() ?? [])].sort();
      expect(cliIds.length).toBeGreaterThan(0);
      expect(cliIds).toEqual(
        embedded
          .records(objectName)
          .map((record) => record.Id)
          .sort()
      );
      expect(apexIds).toEqual(cliIds);
    });

    it('lists the same active rules, in the same order, with the same texts and weights', () => {
      const offline = offlineOutcomes(objectName);
      expect(unresolvedTexts(offline)).toEqual([]);
      expect(apex.get(objectName)?.rules).toEqual(offline);
    });

    it('finds the score, flagged rules and prompts of RuleEngine for every record', () => {
      const byApex = apex.get(objectName)?.live ?? new Map<string, LiveVerdict>();
      expect(liveDifferences(objectName, byApex, cli.get(objectName) ?? new Map())).toEqual([]);
    });

    it('stores what the Apex triggers store when each record is saved', () => {
      const stored = apex.get(objectName)?.stored ?? new Map<string, Record<string, unknown>>();
      expect(storedDifferences(objectName, stored, cli.get(objectName) ?? new Map())).toEqual([]);
    });
  });
});

describe('in Danish', () => {
  const day = embedded.today;
  let opportunities: ApexGuidance;

  beforeAll(() => {
    opportunities = apexGuidance(sampleOrgIn(day, 'da'), ['Opportunity']).get(
      'Opportunity'
    ) as ApexGuidance;
  }, SETUP_TIMEOUT_MS);

  it("shows the rules' Danish texts on both sides", () => {
    const offline = offlineOutcomes('Opportunity', 'da');
    expect(unresolvedTexts(offline)).toEqual([]);
    expect(offline.find((outcome) => outcome.ruleName === 'Opp_Next_Step')?.message).toBe(
      'Tilføj det næste trin, som kunden har sagt ja til.'
    );
    expect(opportunities.rules).toEqual(offline);
  });

  it('finds the same verdicts for every record', () => {
    expect(
      liveDifferences(
        'Opportunity',
        opportunities.live,
        cliGuidance('Opportunity', day, shippedRules, 'da')
      )
    ).toEqual([]);
  });
});

describe('the comparison', () => {
  const day = embedded.today;
  let opportunities: ApexGuidance;

  beforeAll(() => {
    opportunities = apexOn(day).get('Opportunity') as ApexGuidance;
  }, SETUP_TIMEOUT_MS);

  function withRule(
    developerName: string,
    change: Partial<SalesRuleDefinition>
  ): SalesRuleDefinition[] {
    return shippedRules.map((rule) =>
      rule.developerName === developerName ? { ...rule, ...change } : rule
    );
  }

  it('names the record and the scores when guidanceEngine weighs a rule differently', () => {
    const changed = cliGuidance('Opportunity', day, withRule('Opp_Next_Step', { weight: 4 }));
    const problems = liveDifferences('Opportunity', opportunities.live, changed);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^Opportunity 006\w{15}: score Apex \d+, guidanceEngine \d+$/);
  });

  it('names the prompt when guidanceEngine evaluates another formula', () => {
    const changed = cliGuidance(
      'Opportunity',
      day,
      withRule('Coach_Stalled_In_Stage', { flagWhen: 'Days_In_Stage__c > 300' })
    );
    const problems = liveDifferences('Opportunity', opportunities.live, changed);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(
      /^Opportunity 006\w{15}: prompts only by Apex: Coach_Stalled_In_Stage; only by guidanceEngine: -$/
    );
    expect(storedDifferences('Opportunity', opportunities.stored, changed)[0]).toMatch(
      /Coaching_Flags__c Apex ".*Coach_Stalled_In_Stage.*", guidanceEngine/
    );
  });

  it('reads every record when an object spans several transactions', () => {
    const accounts = apexGuidance(
      sampleOrgIn(day, DEFAULT_RULE_TEXT_LANGUAGE),
      ['Account'],
      30
    ).get('Account') as ApexGuidance;
    expect(accounts.cpuTimes).toHaveLength(Math.ceil(embedded.records('Account').length / 30));
    expect(liveDifferences('Account', accounts.live, cliGuidance('Account', day))).toEqual([]);
    expect(storedDifferences('Account', accounts.stored, cliGuidance('Account', day))).toEqual([]);
  });

  it('names the record when the org weighs a rule differently', () => {
    const org = sampleOrgIn(day, DEFAULT_RULE_TEXT_LANGUAGE);
    const rule = [...org.database.rows('Sales_Rule__mdt')].find(
      (row) => row.DeveloperName === 'Plan_Business_Goals'
    );
    org.database.update(String(rule?.Id), { Weight__c: ApexDecimal.fromDouble(5) });
    const byApex = apexGuidance(org, ['Account_Plan__c']).get('Account_Plan__c') as ApexGuidance;
    const problems = liveDifferences(
      'Account_Plan__c',
      byApex.live,
      cliGuidance('Account_Plan__c', day)
    );
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^Account_Plan__c \w{18}: score Apex \d+, guidanceEngine \d+$/);
  });
});

describe('rules that cannot be evaluated', () => {
  const day = embedded.today;
  const rule = (
    developerName: string,
    appliesWhen: string | null,
    flagWhen: string | null,
    sortOrder: number,
    message: string | null = null
  ): SalesRuleDefinition => ({
    developerName,
    label: developerName,
    kind: 'Data Quality',
    objectApiName: 'Account_Plan__c',
    appliesWhen,
    flagWhen,
    weight: 5,
    severity: null,
    category: null,
    message,
    whyItMatters: null,
    coachingQuestion: null,
    fixFields: [],
    fixRelatedList: null,
    active: true,
    sortOrder
  });
  const broken = [
    rule('Broken_Flag_Where_Not_Applying', 'FALSE', 'ISBLANK(No_Such_Field__c)', 1),
    rule('Broken_Applies_When', 'AND(TRUE,', 'TRUE', 2),
    rule('Broken_No_Formula', null, null, 3),
    // Throws on the plans without stakeholders only.
    rule('Broken_Division', 'TRUE', '1 / BLANKVALUE(Stakeholder_Count__c, 0) > 0', 4),
    // Evaluated all the same, and reported on every record.
    rule('Missing_Label', null, 'ISBLANK(Challenges__c)', 5, '$Label.SSM_No_Such_Label')
  ];

  it('are reported broken on the same records by both, and left out of the score', () => {
    const org = sampleOrgIn(day, DEFAULT_RULE_TEXT_LANGUAGE);
    for (const rule of broken) {
      org.database.insert('Sales_Rule__mdt', {
        DeveloperName: rule.developerName,
        MasterLabel: rule.label,
        Label: rule.label,
        QualifiedApiName: rule.developerName,
        Kind__c: rule.kind,
        Object__c: rule.objectApiName,
        Applies_When__c: rule.appliesWhen,
        Flag_When__c: rule.flagWhen,
        Message__c: rule.message,
        Weight__c: ApexDecimal.fromDouble(rule.weight ?? 1),
        Active__c: true,
        Sort_Order__c: ApexDecimal.fromDouble(rule.sortOrder ?? 0)
      });
    }
    const byApex = apexGuidance(org, ['Account_Plan__c']).get('Account_Plan__c') as ApexGuidance;
    const offline = cliGuidance('Account_Plan__c', day, [...shippedRules, ...broken]);
    expect([...byApex.live.values()].every((verdict) => verdict.broken.length >= 4)).toBe(true);
    expect([...byApex.live.values()][0].broken).toContainEqual(
      'Missing_Label: A text of this rule names the custom label SSM_No_Such_Label, which does not exist.'
    );
    expect(liveDifferences('Account_Plan__c', byApex.live, offline)).toEqual([]);
  });
});

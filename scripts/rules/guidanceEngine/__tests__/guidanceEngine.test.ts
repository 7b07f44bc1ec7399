import vectors from '../../../../force-app/main/default/staticresources/GuidanceTestVectors.json';
import {
  compileRuleSet,
  computeScore,
  MISSING_FORMULA_REASON,
  stampChangedOpportunity,
  stampNewOpportunity,
  storedGuidanceFields,
  type OpportunityFactFields,
  type SalesRuleDefinition
} from '../guidanceEngine';
import type { ObjectSchema } from '../../../../formula-engine/src/formulaEngine';

const opportunity: ObjectSchema = {
  name: 'Opportunity',
  fields: {
    NextStep: { type: 'Text' },
    Amount: { type: 'Currency' },
    StageName: { type: 'Picklist' },
    AccountId: { type: 'Lookup', referenceTo: 'Account', relationshipName: 'Account' }
  },
  relationships: { Account: { name: 'Account', fields: { Industry: { type: 'Picklist' } } } }
};

function rule(overrides: Partial<SalesRuleDefinition>): SalesRuleDefinition {
  return {
    developerName: 'Rule',
    label: 'Rule',
    kind: 'Data Quality',
    objectApiName: 'Opportunity',
    appliesWhen: null,
    flagWhen: 'FALSE',
    weight: 1,
    severity: 'Medium',
    category: 'Pipeline',
    message: null,
    whyItMatters: null,
    coachingQuestion: null,
    fixFields: [],
    fixRelatedList: null,
    active: true,
    sortOrder: 10,
    ...overrides
  };
}

describe('the shared score vectors (also run by Apex DataQualityScoreTest)', () => {
  it.each(vectors.score.map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
    const rules = vector.rules.map((spec, index) =>
      rule({
        developerName: `Vector_Rule_${index}`,
        kind:
          'kind' in spec && spec.kind === 'Coaching Prompt' ? 'Coaching Prompt' : 'Data Quality',
        weight: spec.weight,
        appliesWhen: spec.applies ? 'TRUE' : 'FALSE',
        flagWhen: spec.flagged ? 'TRUE' : 'FALSE'
      })
    );
    expect(compileRuleSet(rules, opportunity).evaluate({}).score).toBe(vector.expected);
  });
});

describe('the shared opportunity fact vectors (also run by Apex OpportunityFactsTest)', () => {
  it.each(vectors.opportunityFacts.map((vector) => [vector.name, vector] as const))(
    '%s',
    (_name, vector) => {
      const after = vector.after as OpportunityFactFields;
      const stamped =
        vector.before === null
          ? stampNewOpportunity(after, vector.today)
          : stampChangedOpportunity(vector.before as OpportunityFactFields, after, vector.today);
      expect(stamped).toMatchObject(vector.expected);
    }
  );
});

describe('computeScore', () => {
  it('rounds a true half up and anything below it down', () => {
    expect(computeScore(8, 5)).toBe(63);
    expect(computeScore(3, 2)).toBe(67);
    expect(computeScore(3, 1)).toBe(33);
    expect(computeScore(0, 0)).toBe(100);
  });
});

describe('compileRuleSet', () => {
  it('flags a qualified deal without next step and tells what to fix', () => {
    const rules = compileRuleSet(
      [
        rule({
          developerName: 'Opp_Next_Step',
          appliesWhen: 'NOT(ISPICKVAL(StageName, "Prospecting"))',
          flagWhen: 'ISBLANK(NextStep)',
          fixFields: ['NextStep']
        })
      ],
      opportunity
    );

    const flagged = rules.evaluate({ StageName: 'Qualification', NextStep: null });
    const passed = rules.evaluate({ StageName: 'Qualification', NextStep: 'Demo' });
    const notApplicable = rules.evaluate({ StageName: 'Prospecting' });

    expect(flagged.score).toBe(0);
    expect(flagged.flagged.map((outcome) => outcome.fixFields)).toEqual([['NextStep']]);
    expect(passed).toMatchObject({ score: 100, passed: [{ ruleName: 'Opp_Next_Step' }] });
    expect(notApplicable).toMatchObject({ score: 100, passed: [], flagged: [] });
  });

  it('treats a blank result as FALSE', () => {
    const rules = compileRuleSet([rule({ flagWhen: 'Amount > 1000' })], opportunity);
    expect(rules.evaluate({ Amount: null })).toMatchObject({ score: 100, flagged: [] });
  });

  it('reports rules that do not compile or have no formula, and scores the rest', () => {
    const rules = compileRuleSet(
      [
        rule({
          developerName: 'Broken_Field',
          flagWhen: 'ISBLANK(No_Such_Field__c)',
          sortOrder: 1
        }),
        rule({ developerName: 'No_Formula', flagWhen: '  ', sortOrder: 2 }),
        rule({ developerName: 'Working', flagWhen: 'ISBLANK(NextStep)', sortOrder: 3 })
      ],
      opportunity
    );

    const result = rules.evaluate({ NextStep: 'x' });

    expect(result.broken.map((broken) => broken.ruleName)).toEqual(['Broken_Field', 'No_Formula']);
    expect(result.broken[0].reason).toMatch(/No_Such_Field__c/);
    expect(result.broken[1].reason).toBe(MISSING_FORMULA_REASON);
    expect(result).toMatchObject({ score: 100, passed: [{ ruleName: 'Working' }] });
  });

  it('reports a rule whose Flag When does not compile even on a record it does not apply to', () => {
    // Apex RuleEngine checks both formulas compile before it evaluates Applies When.
    const rules = compileRuleSet(
      [
        rule({
          developerName: 'Broken_Field',
          appliesWhen: 'FALSE',
          flagWhen: 'ISBLANK(No_Such_Field__c)'
        })
      ],
      opportunity
    );

    expect(rules.evaluate({}).broken).toEqual([
      { ruleName: 'Broken_Field', label: 'Rule', reason: expect.stringMatching(/No_Such_Field__c/) }
    ]);
  });

  it('reports a rule that fails on one record without failing the others', () => {
    const rules = compileRuleSet(
      [rule({ developerName: 'Divides', flagWhen: '100 / Amount > 1' })],
      opportunity
    );

    expect(rules.evaluate({ Amount: 0 }).broken).toEqual([
      { ruleName: 'Divides', label: 'Rule', reason: expect.any(String) }
    ]);
    expect(rules.evaluate({ Amount: 50 })).toMatchObject({ score: 0, broken: [] });
  });

  it('lists coaching prompts apart from the score', () => {
    const rules = compileRuleSet(
      [
        rule({
          developerName: 'Coach_No_Next_Step',
          kind: 'Coaching Prompt',
          flagWhen: 'ISBLANK(NextStep)',
          coachingQuestion: 'What is the next step the customer agreed to?'
        })
      ],
      opportunity
    );

    const result = rules.evaluate({});

    expect(result.score).toBe(100);
    expect(result.prompts).toEqual([
      expect.objectContaining({ coachingQuestion: 'What is the next step the customer agreed to?' })
    ]);
  });

  it("shows the rules' texts in the language, naming a missing label as broken", () => {
    const labels = {
      value: (name: string, language?: string) =>
        ({
          ssm_message: language === 'da' ? 'Tilføj næste trin.' : 'Add the next step.',
          ssm_rule_text_label_missing: 'Label {0} is missing.'
        })[name.toLowerCase()]
    };
    const rules = compileRuleSet(
      [
        rule({ developerName: 'Translated', flagWhen: 'TRUE', message: '$Label.SSM_Message' }),
        rule({ developerName: 'Missing', flagWhen: 'TRUE', message: '$Label.SSM_Gone' })
      ],
      opportunity,
      { labels, language: 'da' }
    );

    const result = rules.evaluate({});

    expect(rules.outcomes.map((outcome) => outcome.message)).toEqual([null, 'Tilføj næste trin.']);
    expect(result.flagged.map((outcome) => outcome.ruleName)).toEqual(['Missing', 'Translated']);
    expect(result.broken).toEqual([
      { ruleName: 'Missing', label: 'Rule', reason: 'Label SSM_Gone is missing.' }
    ]);
    expect(result.score).toBe(0);
  });

  it('keeps only active rules of the schema object, by sort order then name', () => {
    const rules = compileRuleSet(
      [
        rule({ developerName: 'B', sortOrder: 5 }),
        rule({ developerName: 'A', sortOrder: 5 }),
        rule({ developerName: 'First', sortOrder: 1 }),
        rule({ developerName: 'Inactive', active: false }),
        rule({ developerName: 'Account_Rule', objectApiName: 'Account' })
      ],
      opportunity
    );

    expect(rules.rules.map((r) => r.developerName)).toEqual(['First', 'A', 'B']);
  });

  it('reads parent fields and names every field the rules read', () => {
    const rules = compileRuleSet(
      [rule({ appliesWhen: 'Amount > 0', flagWhen: 'ISBLANK(TEXT(Account.Industry))' })],
      opportunity
    );

    expect(rules.referencedFields).toEqual(['Amount', 'Account.Industry']);
    expect(rules.evaluate({ Amount: 10, Account: { Industry: null } }).score).toBe(0);
    expect(rules.evaluate({ Amount: 10, Account: { Industry: 'Energy' } }).score).toBe(100);
  });
});

describe('storedGuidanceFields', () => {
  const outcome = (ruleName: string) => ({
    ruleName,
    label: ruleName,
    kind: 'Data Quality' as const,
    severity: null,
    category: null,
    message: null,
    whyItMatters: null,
    coachingQuestion: null,
    fixFields: [],
    fixRelatedList: null,
    weight: 1
  });
  const verdict = {
    score: 50,
    passed: [],
    flagged: [outcome('Opp_Next_Step'), outcome('Opp_Close_Date_Not_Past')],
    prompts: [outcome('Coach_Stalled_In_Stage')],
    broken: []
  };

  it('stores flagged rule names one per line and the prompts on opportunities', () => {
    expect(storedGuidanceFields('Opportunity', verdict, '2026-11-16T09:00:00.000Z')).toEqual({
      Data_Quality_Score__c: 50,
      Data_Quality_Issues__c: 'Opp_Next_Step\nOpp_Close_Date_Not_Past',
      Data_Quality_Evaluated_At__c: '2026-11-16T09:00:00.000Z',
      Coaching_Flags__c: 'Coach_Stalled_In_Stage',
      Coaching_Flag_Count__c: 1
    });
  });

  it('stores blank issues when nothing is flagged and no prompts off Opportunity', () => {
    expect(
      storedGuidanceFields(
        'Account',
        { ...verdict, score: 100, flagged: [] },
        '2026-11-16T09:00:00.000Z'
      )
    ).toEqual({
      Data_Quality_Score__c: 100,
      Data_Quality_Issues__c: null,
      Data_Quality_Evaluated_At__c: '2026-11-16T09:00:00.000Z'
    });
  });
});

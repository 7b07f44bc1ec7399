/**
 * The offline twin of Apex `RuleEngine`: compiles each rule's formulas once with the formula engine
 * and evaluates them on records. A blank result counts as FALSE; a rule whose formula does not
 * compile, or throws on a record (division by zero), is reported as broken with the reason and
 * skipped, exactly as in the org.
 */
import { compileFormula, FormulaError } from '../../../formula-engine/src/formulaEngine';
import type {
  CompiledFormula,
  FormulaEnv,
  ObjectSchema
} from '../../../formula-engine/src/formulaEngine';
import { computeScore } from './score';
import {
  compareRules,
  type RecordGuidance,
  type RuleOutcome,
  type SalesRuleDefinition
} from './salesRule';

/** The reason given for a rule without a Flag When formula (label SSM_Rule_Formula_Missing). */
export const MISSING_FORMULA_REASON = 'The rule has no Flag When formula.';

type Compiled = { formula: CompiledFormula; error?: undefined } | { error: string };

interface PreparedRule {
  rule: SalesRuleDefinition;
  outcome: RuleOutcome;
  appliesWhen: Compiled | null;
  flagWhen: Compiled;
}

export interface RuleSet {
  /** The active rules, in evaluation order. */
  readonly rules: readonly SalesRuleDefinition[];
  /** Every field path the rules read (e.g. NextStep, Account.Industry), first use first. */
  readonly referencedFields: readonly string[];
  /** The rules' verdict on one record. */
  evaluate(record: Record<string, unknown>, env?: FormulaEnv): RecordGuidance;
}

function compile(source: string | null, schema: ObjectSchema): Compiled {
  if (!source || !source.trim()) {
    return { error: MISSING_FORMULA_REASON };
  }
  try {
    return { formula: compileFormula(source, { schema, returnType: 'boolean' }) };
  } catch (error) {
    if (error instanceof FormulaError) {
      return { error: error.message };
    }
    throw error;
  }
}

function outcomeOf(rule: SalesRuleDefinition): RuleOutcome {
  return {
    ruleName: rule.developerName,
    label: rule.label,
    kind: rule.kind,
    severity: rule.severity,
    category: rule.category,
    message: rule.message,
    whyItMatters: rule.whyItMatters,
    coachingQuestion: rule.coachingQuestion,
    fixFields: rule.fixFields,
    fixRelatedList: rule.fixRelatedList,
    weight: rule.weight ?? 1
  };
}

function isTrue(compiled: Compiled, record: Record<string, unknown>, env?: FormulaEnv): boolean {
  if (compiled.error !== undefined) {
    throw new Error(compiled.error);
  }
  return compiled.formula.evaluate(record, env) === true;
}

/**
 * Prepares the active rules of one object for evaluation.
 * @param rules any rule definitions; inactive rules and rules of other objects are left out
 * @param schema the schema of the object the rules run on (see scripts/formula)
 */
export function compileRuleSet(
  rules: readonly SalesRuleDefinition[],
  schema: ObjectSchema
): RuleSet {
  const active = rules
    .filter((rule) => rule.active && rule.objectApiName === schema.name)
    .sort(compareRules);
  const prepared: PreparedRule[] = active.map((rule) => ({
    rule,
    outcome: outcomeOf(rule),
    appliesWhen:
      rule.appliesWhen && rule.appliesWhen.trim() ? compile(rule.appliesWhen, schema) : null,
    flagWhen: compile(rule.flagWhen, schema)
  }));
  const referencedFields = new Set<string>();
  for (const { appliesWhen, flagWhen } of prepared) {
    for (const compiled of [appliesWhen, flagWhen]) {
      if (compiled && compiled.error === undefined) {
        compiled.formula.referencedFields.forEach((field) => referencedFields.add(field));
      }
    }
  }

  return {
    rules: active,
    referencedFields: [...referencedFields],
    evaluate(record, env) {
      const guidance: RecordGuidance = {
        score: 100,
        passed: [],
        flagged: [],
        prompts: [],
        broken: []
      };
      let applicableWeight = 0;
      let passedWeight = 0;
      for (const { rule, outcome, appliesWhen, flagWhen } of prepared) {
        // As RuleEngine.judge: a formula that does not compile breaks the rule on every record,
        // also where Applies When is FALSE and Flag When would never be evaluated.
        const compileError = appliesWhen?.error ?? flagWhen.error;
        if (compileError !== undefined) {
          guidance.broken.push({
            ruleName: rule.developerName,
            label: rule.label,
            reason: compileError
          });
          continue;
        }
        let applies: boolean;
        let flagged: boolean;
        try {
          applies = appliesWhen === null || isTrue(appliesWhen, record, env);
          flagged = applies && isTrue(flagWhen, record, env);
        } catch (error) {
          guidance.broken.push({
            ruleName: rule.developerName,
            label: rule.label,
            reason: (error as Error).message
          });
          continue;
        }
        if (!applies) {
          continue;
        }
        if (rule.kind === 'Data Quality') {
          applicableWeight += outcome.weight;
          if (flagged) {
            guidance.flagged.push(outcome);
          } else {
            passedWeight += outcome.weight;
            guidance.passed.push(outcome);
          }
        } else if (flagged) {
          guidance.prompts.push(outcome);
        }
      }
      guidance.score = computeScore(applicableWeight, passedWeight);
      return guidance;
    }
  };
}

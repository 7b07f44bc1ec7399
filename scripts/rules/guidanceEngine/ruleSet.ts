/**
 * The offline twin of Apex `RuleEngine`: compiles each rule's formulas once with the formula engine
 * and evaluates them on records. A blank result counts as FALSE; a rule whose formula does not
 * compile, or throws on a record (division by zero), is reported as broken with the reason and
 * skipped, exactly as in the org. The rules' texts are read in one language (scripts/rules/ruleTexts,
 * as Apex `SalesRule` reads them for the running user); a rule whose text names a custom label that
 * does not exist is evaluated all the same and also reported as broken, as Apex `RuleEngine` does.
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
import {
  missingLabelReason,
  resolveRuleTexts,
  ruleTextsIn,
  type ResolvedRuleTexts,
  type RuleTextOptions
} from '../ruleTexts';

/** The reason given for a rule without a Flag When formula (label SSM_Rule_Formula_Missing). */
export const MISSING_FORMULA_REASON = 'The rule has no Flag When formula.';

type Compiled = { formula: CompiledFormula; error?: undefined } | { error: string };

interface PreparedRule {
  rule: SalesRuleDefinition;
  outcome: RuleOutcome;
  /** Why the rule's texts are reported (labels they name that do not exist), or null. */
  textProblem: string | null;
  appliesWhen: Compiled | null;
  flagWhen: Compiled;
}

export interface RuleSet {
  /** The active rules, in evaluation order, as written (texts unresolved). */
  readonly rules: readonly SalesRuleDefinition[];
  /** What the UI shows of each active rule, in evaluation order, texts in the rule set's language. */
  readonly outcomes: readonly RuleOutcome[];
  /** Every field path the rules read (e.g. NextStep, Account.Industry), first use first. */
  readonly referencedFields: readonly string[];
  /** The rules' verdict on one record. */
  evaluate(record: Record<string, unknown>, env?: FormulaEnv): RecordGuidance;
}

function compile(
  source: string | null,
  schema: ObjectSchema,
  missingFormula: () => string
): Compiled {
  if (!source || !source.trim()) {
    return { error: missingFormula() };
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

function outcomeOf(rule: SalesRuleDefinition, texts: ResolvedRuleTexts): RuleOutcome {
  const { message, whyItMatters, coachingQuestion, severityLabel } = texts;
  return {
    ruleName: rule.developerName,
    label: rule.label,
    kind: rule.kind,
    severity: rule.severity,
    severityLabel,
    category: rule.category,
    message,
    whyItMatters,
    coachingQuestion,
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
 * @param texts the labels and language the rules' texts and reasons are read in (default: the
 *   package's labels in en_US)
 */
export function compileRuleSet(
  rules: readonly SalesRuleDefinition[],
  schema: ObjectSchema,
  texts: RuleTextOptions = ruleTextsIn()
): RuleSet {
  const active = rules
    .filter((rule) => rule.active && rule.objectApiName === schema.name)
    .sort(compareRules);
  // Read only when a rule lacks its formula: the default labels load the project on first use.
  const missingFormula = (): string =>
    texts.labels.value('SSM_Rule_Formula_Missing', texts.language) ?? MISSING_FORMULA_REASON;
  const prepared: PreparedRule[] = active.map((rule) => {
    const resolved = resolveRuleTexts(rule, texts);
    const { missingLabels } = resolved;
    return {
      rule,
      outcome: outcomeOf(rule, resolved),
      textProblem: missingLabels.length > 0 ? missingLabelReason(missingLabels, texts) : null,
      appliesWhen:
        rule.appliesWhen && rule.appliesWhen.trim()
          ? compile(rule.appliesWhen, schema, missingFormula)
          : null,
      flagWhen: compile(rule.flagWhen, schema, missingFormula)
    };
  });
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
    outcomes: prepared.map(({ outcome }) => outcome),
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
      for (const { rule, outcome, textProblem, appliesWhen, flagWhen } of prepared) {
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
        if (textProblem !== null) {
          guidance.broken.push({
            ruleName: rule.developerName,
            label: rule.label,
            reason: textProblem
          });
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

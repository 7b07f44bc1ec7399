/**
 * scripts/rules/guidanceEngine: record guidance offline, the TypeScript twin of the Apex rule engine, score
 * and opportunity facts. The workbench, the `ssm audit` CLI and the tests use it; both twins
 * follow the test vectors in the static resource GuidanceTestVectors.
 */
export { compileRuleSet, MISSING_FORMULA_REASON } from './ruleSet';
export type { RuleSet } from './ruleSet';
export { computeScore } from './score';
export { stampNewOpportunity, stampChangedOpportunity } from './opportunityFacts';
export type { OpportunityFactFields } from './opportunityFacts';
export { compareRules } from './salesRule';
export { GUIDED_OBJECTS, storedGuidanceFields } from './storedGuidance';
export type {
  BrokenRule,
  RecordGuidance,
  RuleKind,
  RuleOutcome,
  SalesRuleDefinition
} from './salesRule';

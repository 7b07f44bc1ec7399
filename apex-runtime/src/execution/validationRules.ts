/**
 * Validation rules (Salesforce Help, "Validation Rules"): each active rule's error condition is a
 * formula over the record being saved (with its parents and `$Permission`, `$User`, `$Profile`);
 * TRUE refuses the save with the rule's message, on its error display field when it has one
 * (FIELD_CUSTOM_VALIDATION_EXCEPTION). A blank result does not refuse. Formulas are compiled once
 * per rule with the project's formula engine.
 */
import {
  compileFormula,
  type CompiledFormula,
  type ObjectSchema
} from '../../../formula-engine/src/formulaEngine';
import type { ObjectDescribe, OrgSchema, ValidationRuleDescribe } from '../metadata/schema';
import type { StoredRow } from '../platform/dataSource';
import { FormulaFieldEvaluator, formulaSchemas } from '../platform/formulaFields';
import { valueToJson } from '../platform/fieldValues';
import type { OrgDatabase } from '../platform/orgDatabase';
import { NotSupportedOfflineError } from '../stdlib/apexErrors';
import type { ApexDatetime } from '../values/temporal';
import { dmlError, type DmlError } from './dmlTypes';

/** The globals a validation rule may use (all of the org's; FormulaEval's list is narrower). */
const RULE_GLOBALS = ['USER', 'PROFILE', 'ORGANIZATION', 'PERMISSION', 'SETUP', 'SYSTEM'] as const;

export interface ValidationContext {
  database: OrgDatabase;
  /** The running user's User row (`$User`). */
  user: StoredRow;
  customPermissions(name: string): boolean;
  now: ApexDatetime;
}

export class ValidationRules {
  private readonly schemas: ReadonlyMap<string, ObjectSchema>;
  private readonly compiled = new Map<ValidationRuleDescribe, CompiledFormula>();
  private readonly records: FormulaFieldEvaluator;

  constructor(schema: OrgSchema) {
    this.schemas = formulaSchemas(schema);
    this.records = new FormulaFieldEvaluator(schema);
  }

  private formulaOf(object: ObjectDescribe, rule: ValidationRuleDescribe): CompiledFormula {
    let formula = this.compiled.get(rule);
    if (!formula) {
      try {
        formula = compileFormula(rule.errorConditionFormula, {
          schema: this.schemas.get(object.name) as ObjectSchema,
          returnType: 'boolean',
          userSchema: this.schemas.get('User'),
          globals: RULE_GLOBALS
        });
      } catch (error) {
        throw new NotSupportedOfflineError(
          `the validation rule ${object.name}.${rule.name} (${error instanceof Error ? error.message : String(error)})`
        );
      }
      this.compiled.set(rule, formula);
    }
    return formula;
  }

  /** The errors of the object's active rules for the values to be saved. */
  errors(object: ObjectDescribe, values: StoredRow, context: ValidationContext): DmlError[] {
    const errors: DmlError[] = [];
    for (const rule of object.validationRules) {
      if (!rule.active) continue;
      const formula = this.formulaOf(object, rule);
      const runtime = {
        row: (id: string) => context.database.row(id),
        environment: () => ({
          now: context.now.toIsoString(),
          today: context.now.toIsoString().slice(0, 10),
          user: Object.fromEntries(
            Object.entries(context.user).map(([key, value]) => [key, valueToJson(value)])
          ),
          permissions: permissionsOf(formula, context)
        })
      };
      const record = this.records.formulaRecord(object, values, formula.referencedFields, runtime);
      if (formula.evaluate(record, runtime.environment()) === true) {
        errors.push(
          dmlError(
            'FIELD_CUSTOM_VALIDATION_EXCEPTION',
            rule.errorMessage,
            rule.errorDisplayField ? [rule.errorDisplayField] : []
          )
        );
      }
    }
    return errors;
  }
}

/** The custom permissions a formula names that the user holds (`$Permission.X`). */
function permissionsOf(formula: CompiledFormula, context: ValidationContext): string[] {
  return formula.referencedGlobals
    .filter((global) => /^\$permission\./i.test(global))
    .map((global) => global.slice('$Permission.'.length))
    .filter((name) => context.customPermissions(name));
}

import {
  compileFormula,
  CompileOptions,
  FormulaEnv,
  FormulaResult,
  ObjectSchema
} from '../formulaEngine';

/** A small Opportunity -> Account -> Owner schema covering every field type the engine reads. */
export const OPPORTUNITY: ObjectSchema = {
  name: 'Opportunity',
  fields: {
    Name: { type: 'Text' },
    Description: { type: 'LongTextArea' },
    Amount: { type: 'Currency' },
    Probability: { type: 'Percent' },
    TotalOpportunityQuantity: { type: 'Number' },
    CloseDate: { type: 'Date' },
    Stage_Entered_On__c: { type: 'Date' },
    LastModifiedDate: { type: 'DateTime' },
    Meeting_Time__c: { type: 'Time' },
    IsClosed: { type: 'Checkbox' },
    StageName: { type: 'Picklist' },
    Competitors__c: { type: 'MultiselectPicklist' },
    AccountId: { type: 'Lookup', referenceTo: 'Account', relationshipName: 'Account' },
    Location__c: { type: 'Location' }
  },
  relationships: {
    Account: {
      name: 'Account',
      fields: {
        Name: { type: 'Text' },
        Industry: { type: 'Picklist' },
        AnnualRevenue: { type: 'Currency' },
        OwnerId: { type: 'Lookup', referenceTo: 'User', relationshipName: 'Owner' }
      },
      relationships: {
        Owner: { name: 'User', fields: { Name: { type: 'Text' }, IsActive: { type: 'Checkbox' } } }
      }
    }
  }
};

export const ENV: FormulaEnv = {
  today: '2026-11-16',
  now: '2026-11-16T09:30:15.250Z',
  user: { Id: '005000000000001AAA', Email: 'seller@example.com', IsActive: true }
};

export function run(
  formula: string,
  record: Record<string, unknown> = {},
  options: Partial<CompileOptions> = {}
): FormulaResult {
  return compileFormula(formula, { schema: OPPORTUNITY, ...options }).evaluate(record, ENV);
}

/** The FormulaError (or other throwable) that compiling `formula` raises. */
export function compileErrorOf(formula: string, options: Partial<CompileOptions> = {}): unknown {
  try {
    compileFormula(formula, { schema: OPPORTUNITY, ...options });
  } catch (error) {
    return error;
  }
  throw new Error(`expected "${formula}" not to compile`);
}

export function runtimeErrorOf(formula: string, record: Record<string, unknown> = {}): unknown {
  const compiled = compileFormula(formula, { schema: OPPORTUNITY });
  try {
    compiled.evaluate(record, ENV);
  } catch (error) {
    return error;
  }
  throw new Error(`expected "${formula}" to fail at run time`);
}

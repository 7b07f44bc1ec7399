import { compileFormula, FORMULA_GLOBALS, FormulaError, ObjectSchema } from '../formulaEngine';
import type { CompileOptions, FormulaEnv, FormulaGlobal } from '../formulaEngine';
import { compileErrorOf, OPPORTUNITY } from './testSchema';

/**
 * Apex Reference, "FormulaGlobal Enum"
 * (https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_enum_formulaeval_FormulaGlobal.htm):
 * CUSTOMMETADATA, LABEL, ORGANIZATION, PERMISSION, PROFILE, SETUP, SYSTEM, USER and USERROLE
 * name the global variables FormulaBuilder.withGlobalVariables(formulaGlobals) makes available;
 * the `globals` option is that list.
 */
function evaluate(
  formula: string,
  globals: readonly FormulaGlobal[],
  env: FormulaEnv,
  options: Partial<CompileOptions> = {}
): unknown {
  return compileFormula(formula, { schema: OPPORTUNITY, globals, ...options }).evaluate({}, env);
}

describe('which globals a formula may use', () => {
  it('lists the values of FormulaEval.FormulaGlobal', () => {
    expect(FORMULA_GLOBALS).toEqual([
      'CUSTOMMETADATA',
      'LABEL',
      'ORGANIZATION',
      'PERMISSION',
      'PROFILE',
      'SETUP',
      'SYSTEM',
      'USER',
      'USERROLE'
    ]);
  });

  it('offers $User alone by default, as before the option existed', () => {
    expect(compileFormula('$User.Email', { schema: OPPORTUNITY }).referencedGlobals).toEqual([
      '$User.Email'
    ]);
    expect(compileErrorOf('$Organization.Name')).toMatchObject({
      message: expect.stringContaining('registered: $User')
    });
  });

  it('refuses a global that is not registered, naming the FormulaGlobal value and the registered ones', () => {
    const error = compileErrorOf('$Profile.Name = "Admin"', { globals: ['USER', 'PERMISSION'] });
    expect(error).toBeInstanceOf(FormulaError);
    expect(error).toMatchObject({
      phase: 'compile',
      start: 0,
      end: 8,
      message:
        'Global variable $Profile is not available: FormulaEval offers only the global variables registered with withGlobalVariables (FormulaEval.FormulaGlobal.PROFILE is not; registered: $Permission, $User)'
    });
  });

  it('refuses $User too when it is not registered', () => {
    expect(compileErrorOf('$User.Id', { globals: [] })).toMatchObject({
      message: expect.stringContaining('FormulaGlobal.USER is not; registered: none')
    });
  });

  it('calls an unknown global a field that does not exist, as the org does', () => {
    expect(compileErrorOf('$Foo.Bar', { globals: FORMULA_GLOBALS })).toMatchObject({
      start: 0,
      end: 4,
      message: 'Field $Foo does not exist. Check spelling.'
    });
  });

  it('reads the global names case-insensitively', () => {
    expect(evaluate('$profile.name', ['PROFILE'], { profile: { Name: 'Seller' } })).toBe('Seller');
  });

  it('fails loudly on $CustomMetadata, registered but not supported offline', () => {
    const formula = '$CustomMetadata.Sales_Rule__mdt.Opp_Next_Step.Weight__c';
    expect(compileErrorOf(formula, { globals: ['CUSTOMMETADATA'] })).toMatchObject({
      start: 0,
      end: 15,
      message: 'not supported offline: $CustomMetadata'
    });
  });

  it('needs a field after the global', () => {
    expect(compileErrorOf('$Profile', { globals: ['PROFILE'] })).toMatchObject({
      message: '$Profile needs a field, such as $Profile.Name'
    });
  });
});

describe('values of the registered globals', () => {
  it('reads $Profile, $UserRole and $Organization fields from the env', () => {
    const env: FormulaEnv = {
      profile: { Name: 'Standard User' },
      userRole: { DeveloperName: 'Sales_Manager' },
      organization: { Country: 'Denmark' }
    };
    const formula = '$Profile.Name & "/" & $UserRole.DeveloperName & "/" & $Organization.Country';
    expect(evaluate(formula, ['PROFILE', 'USERROLE', 'ORGANIZATION'], env)).toBe(
      'Standard User/Sales_Manager/Denmark'
    );
  });

  it('reads a blank global field when the env has no value for it', () => {
    expect(evaluate('ISBLANK($Profile.Name)', ['PROFILE'], {})).toBe(true);
  });

  it('types global fields by the schema the caller gives', () => {
    const profile: ObjectSchema = { name: 'Profile', fields: { Seats__c: { type: 'Number' } } };
    expect(
      evaluate(
        '$Profile.Seats__c * 2',
        ['PROFILE'],
        { profile: { Seats__c: 4 } },
        {
          globalSchemas: { Profile: profile }
        }
      )
    ).toBe(8);
    expect(
      compileErrorOf('$Profile.Name', { globals: ['PROFILE'], globalSchemas: { Profile: profile } })
    ).toMatchObject({
      start: 9,
      end: 13,
      message: 'Field Name does not exist on Profile. Check spelling.'
    });
  });

  it('lists global fields under referencedGlobals, never as record fields', () => {
    const compiled = compileFormula(
      'AND($Profile.Name = "x", $Permission.SSM_Manage_Rules, Amount > 0)',
      {
        schema: OPPORTUNITY,
        globals: ['PROFILE', 'PERMISSION']
      }
    );
    expect(compiled.referencedGlobals).toEqual(['$Profile.Name', '$Permission.SSM_Manage_Rules']);
    expect(compiled.referencedFields).toEqual(['Amount']);
  });

  it('makes $Permission TRUE when the user holds the custom permission, case-insensitively', () => {
    expect(
      evaluate('$Permission.ssm_manage_rules', ['PERMISSION'], {
        permissions: ['SSM_Manage_Rules']
      })
    ).toBe(true);
  });

  it('makes $Permission FALSE, never blank, when the user does not hold it', () => {
    expect(evaluate('$Permission.SSM_Manage_Rules', ['PERMISSION'], {})).toBe(false);
  });

  it('refuses a custom permission the org does not have, when the caller lists them', () => {
    expect(
      compileErrorOf('$Permission.No_Such', {
        globals: ['PERMISSION'],
        globalSchemas: { Permission: ['SSM_Manage_Rules'] }
      })
    ).toMatchObject({
      start: 12,
      end: 19,
      message: 'Field No_Such does not exist on $Permission. Check spelling.'
    });
  });

  it('gives $System.OriginDateTime as 1900-01-01 00:00:00 GMT', () => {
    expect(evaluate('$System.OriginDateTime', ['SYSTEM'], {})).toBe('1900-01-01T00:00:00.000Z');
  });

  it('reads a hierarchy custom setting field through $Setup', () => {
    const setting: ObjectSchema = {
      name: 'Rule_Settings__c',
      fields: { Stale_After_Days__c: { type: 'Number' } }
    };
    expect(
      evaluate(
        '$Setup.Rule_Settings__c.Stale_After_Days__c + 1',
        ['SETUP'],
        { setup: { Rule_Settings__c: { Stale_After_Days__c: 30 } } },
        { globalSchemas: { Setup: { Rule_Settings__c: setting } } }
      )
    ).toBe(31);
  });

  it('refuses a $Setup setting the caller did not describe', () => {
    expect(compileErrorOf('$Setup.Other__c.X__c', { globals: ['SETUP'] })).toMatchObject({
      start: 7,
      end: 15,
      message: 'Field Other__c does not exist on $Setup, or is not a relationship. Check spelling.'
    });
  });
});

/**
 * `$Label.Name` reads a custom label: Apex Reference, "FormulaGlobal Enum" (LABEL, "a global
 * variable to use when referencing a custom label"), and Salesforce Help, "Global Variables"
 * (https://help.salesforce.com/s/articleView?id=platform.dev_understanding_global_variables.htm).
 * The org answers in the user's language (Visualforce Developer Guide, "$Label": local
 * translation, packaged translation, then the label's own text); offline the caller gives the
 * values with the `labels` option.
 */
describe('$Label', () => {
  const labels = {
    SSM_Error_Title: 'Something went wrong',
    SSM_Score_Good: 'Good'
  };

  it('reads the label value the labels option gives', () => {
    expect(evaluate('$Label.SSM_Error_Title', ['LABEL'], {}, { labels })).toBe(
      'Something went wrong'
    );
  });

  it('is text that formulas combine, such as an IMAGE alternate text', () => {
    expect(
      evaluate(
        'IMAGE("/img/samples/light_green.gif", $Label.SSM_Score_Good)',
        ['LABEL'],
        {},
        {
          labels
        }
      )
    ).toBe('<img src="/img/samples/light_green.gif" alt="Good"/>');
    expect(evaluate('LEN($Label.SSM_Score_Good) = 4', ['LABEL'], {}, { labels })).toBe(true);
  });

  it('reads the label name case-insensitively and lists it in its canonical spelling', () => {
    const compiled = compileFormula('$label.ssm_score_good', {
      schema: OPPORTUNITY,
      globals: ['LABEL'],
      labels
    });
    expect(compiled.evaluate({}, {})).toBe('Good');
    expect(compiled.referencedGlobals).toEqual(['$Label.SSM_Score_Good']);
    expect(compiled.referencedFields).toEqual([]);
  });

  it('refuses a label the org does not have, naming it', () => {
    expect(compileErrorOf('$Label.No_Such_Label', { globals: ['LABEL'], labels })).toMatchObject({
      phase: 'compile',
      start: 7,
      end: 20,
      message: 'Field No_Such_Label does not exist on $Label. Check spelling.'
    });
  });

  it('refuses every label when the caller gives no label values', () => {
    expect(compileErrorOf('$Label.SSM_Error_Title', { globals: ['LABEL'] })).toMatchObject({
      message: 'Field SSM_Error_Title does not exist on $Label. Check spelling.'
    });
  });

  it('is available only when LABEL is registered, as withGlobalVariables decides', () => {
    expect(compileErrorOf('$Label.SSM_Error_Title', { globals: ['USER'], labels })).toMatchObject({
      message: expect.stringContaining('FormulaEval.FormulaGlobal.LABEL is not; registered: $User')
    });
  });

  it('needs a label name', () => {
    expect(compileErrorOf('$Label', { globals: ['LABEL'], labels })).toMatchObject({
      message: '$Label needs a field, such as $Label.Label_Name'
    });
  });
});

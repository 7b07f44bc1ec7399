import { compileFormula, FORMULA_GLOBALS, FormulaError, ObjectSchema } from 'c/formulaEngine';
import type { CompileOptions, FormulaEnv, FormulaGlobal } from 'c/formulaEngine';
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

  it.each([
    ['$Label.SSM_Error_Title', 0, 6, 'LABEL'],
    ['$CustomMetadata.Sales_Rule__mdt.Opp_Next_Step.Weight__c', 0, 15, 'CUSTOMMETADATA']
  ] as const)(
    'fails loudly on %s, registered but not supported offline',
    (formula, start, end, global) => {
      expect(compileErrorOf(formula, { globals: [global] })).toMatchObject({
        start,
        end,
        message: `not supported offline: ${formula.slice(0, end)}`
      });
    }
  );

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

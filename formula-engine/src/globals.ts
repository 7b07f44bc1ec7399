import { ObjectSchema } from './types';

/**
 * The global variables FormulaEval can make available, named as the values of the Apex enum
 * `FormulaEval.FormulaGlobal` (Apex Reference, "FormulaGlobal Enum"). A formula may use only
 * those registered with `FormulaBuilder.withGlobalVariables`; `compileFormula` takes the same
 * list as its `globals` option.
 */
export type FormulaGlobal =
  | 'CUSTOMMETADATA'
  | 'LABEL'
  | 'ORGANIZATION'
  | 'PERMISSION'
  | 'PROFILE'
  | 'SETUP'
  | 'SYSTEM'
  | 'USER'
  | 'USERROLE';

export const FORMULA_GLOBALS: readonly FormulaGlobal[] = [
  'CUSTOMMETADATA',
  'LABEL',
  'ORGANIZATION',
  'PERMISSION',
  'PROFILE',
  'SETUP',
  'SYSTEM',
  'USER',
  'USERROLE'
];

/** How a formula writes each global variable, in its canonical spelling. */
export const GLOBAL_VARIABLE_NAMES: Readonly<Record<FormulaGlobal, string>> = {
  CUSTOMMETADATA: '$CustomMetadata',
  LABEL: '$Label',
  ORGANIZATION: '$Organization',
  PERMISSION: '$Permission',
  PROFILE: '$Profile',
  SETUP: '$Setup',
  SYSTEM: '$System',
  USER: '$User',
  USERROLE: '$UserRole'
};

/** What follows the global's name in the "needs a field" message. */
export const GLOBAL_EXAMPLES: Readonly<Record<FormulaGlobal, string>> = {
  CUSTOMMETADATA: 'Type__mdt.Record.Field__c',
  LABEL: 'Label_Name',
  ORGANIZATION: 'Name',
  PERMISSION: 'Custom_Permission_Name',
  PROFILE: 'Name',
  SETUP: 'Setting__c.Field__c',
  SYSTEM: 'OriginDateTime',
  USER: 'Id',
  USERROLE: 'Name'
};

const GLOBALS_BY_UPPER_NAME: ReadonlyMap<string, FormulaGlobal> = new Map(
  FORMULA_GLOBALS.map((global) => [GLOBAL_VARIABLE_NAMES[global].toUpperCase(), global])
);

/** The global a formula names with `$...`, case-insensitively, or undefined when none is. */
export function globalNamed(written: string): FormulaGlobal | undefined {
  return GLOBALS_BY_UPPER_NAME.get(written.toUpperCase());
}

/**
 * Fields of the global variables other than `$User` (which keeps its own `userSchema` option).
 * Each defaults to the object's common standard fields; `Setup` to no setting at all.
 */
export interface GlobalSchemas {
  readonly Profile?: ObjectSchema;
  readonly UserRole?: ObjectSchema;
  readonly Organization?: ObjectSchema;
  /** The org's hierarchy custom settings, by API name, that `$Setup` may read. */
  readonly Setup?: { readonly [settingName: string]: ObjectSchema };
  /** The org's custom permission names; when absent `$Permission` accepts any name. */
  readonly Permission?: readonly string[];
}
